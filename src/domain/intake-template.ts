// A complete, valid intake answers file (`painfit intake --template`): the design.md example, version 2.
import type { IntakeAnswers, IntakeAnswersV1 } from './intake';

/** A complete, valid example answers file (`painfit intake --template`). */
export const INTAKE_TEMPLATE: IntakeAnswers = {
  version: 2,
  about: { name: 'Sam', age: 58 },
  readiness: {
    heartCondition: false,
    chestPain: false,
    dizziness: false,
    otherCondition: false,
    medication: false,
    boneJoint: true,
    supervisedOnly: false,
    followUps: { recentFracture: false, recentSurgery: false, longTermSteroids: false },
  },
  redFlags: {
    bladderBowel: false,
    saddleNumbness: false,
    legWeakness: false,
    temporalHeadache: false,
    feverWithPain: false,
    cancerHistory: false,
    injuryWithOsteoporosis: false,
    newNumbness: false,
    unsteadyOrClumsy: false,
    hotSwollenJoint: false,
    girdleStiffness: false,
    weightLoss: false,
    nightPain: false,
    morningStiffness: false,
  },
  mood: { interest: false, down: false },
  clearance: null,
  pain: { regions: ['low-back', 'knee'], months: 18, average: 5, peg: { pain: 5, enjoyment: 6, activity: 6 } },
  goals: [{ activity: 'walk to the shops', score: 4 }],
  ability: { walkMinutes: 10, floor: true, balanceWorries: false, osteoporosis: false },
  schedule: { days: ['mon', 'wed', 'fri'], minutes: 20 },
  likes: { cardio: ['walking', 'cycling'], mindBody: ['yoga', 'tai-chi'], equipment: ['band', 'chair'] },
};

// Version 1 had no readiness follow-ups and three fewer warning signs: the same answers without them.
const { followUps: _followUps, ...READINESS_V1 } = INTAKE_TEMPLATE.readiness;
const { temporalHeadache: _t, hotSwollenJoint: _h, girdleStiffness: _g, ...RED_FLAGS_V1 } = INTAKE_TEMPLATE.redFlags;

/** The same example as a version 1 file (older painfit): still accepted, and used by the tests that prove it. */
export const INTAKE_TEMPLATE_V1: IntakeAnswersV1 = {
  version: 1,
  about: INTAKE_TEMPLATE.about,
  readiness: READINESS_V1,
  redFlags: RED_FLAGS_V1,
  clearedByClinician: false,
  pain: INTAKE_TEMPLATE.pain,
  goals: INTAKE_TEMPLATE.goals,
  ability: INTAKE_TEMPLATE.ability,
  schedule: INTAKE_TEMPLATE.schedule,
  likes: INTAKE_TEMPLATE.likes,
};
