// A complete, valid intake answers file (`painfit intake --template`): the design.md example.
import type { IntakeAnswers } from './intake';

/** A complete, valid example answers file (`painfit intake --template`). */
export const INTAKE_TEMPLATE: IntakeAnswers = {
  version: 1,
  about: { name: 'Sam', age: 58 },
  readiness: {
    heartCondition: false,
    chestPain: false,
    dizziness: false,
    otherCondition: false,
    medication: false,
    boneJoint: true,
    supervisedOnly: false,
  },
  redFlags: {
    bladderBowel: false,
    saddleNumbness: false,
    legWeakness: false,
    feverWithPain: false,
    cancerHistory: false,
    injuryWithOsteoporosis: false,
    newNumbness: false,
    unsteadyOrClumsy: false,
    weightLoss: false,
    nightPain: false,
    morningStiffness: false,
  },
  clearedByClinician: false,
  pain: { regions: ['low-back', 'knee'], months: 18, average: 5, peg: { pain: 5, enjoyment: 6, activity: 6 } },
  goals: [{ activity: 'walk to the shops', score: 4 }],
  ability: { walkMinutes: 10, floor: true, balanceWorries: false, osteoporosis: false },
  schedule: { days: ['mon', 'wed', 'fri'], minutes: 20 },
  likes: { cardio: ['walking', 'cycling'], mindBody: ['yoga', 'tai-chi'], equipment: ['band', 'chair'] },
};
