// The intake answers (design.md "The intake answers file", versions 1 and 2) and the other stored
// facts. Version 2 is what painfit writes and works with; a version 1 file or stored intake is
// upgraded on reading (upgradeAnswers), its unasked questions marked "not asked yet".
import type { IsoDate } from './dates';
import type { CardioLike, Equipment, MindBodyLike, Region, Weekday } from './vocab';

export const READINESS_QUESTIONS = [
  'heartCondition',
  'chestPain',
  'dizziness',
  'otherCondition',
  'medication',
  'boneJoint',
  'supervisedOnly',
] as const;
export type ReadinessQuestion = (typeof READINESS_QUESTIONS)[number];

/** PAR-Q+-style follow-ups to a bone/joint "yes" (clinical-rules §1a); all false when boneJoint is false. */
export const FOLLOW_UPS = ['recentFracture', 'recentSurgery', 'longTermSteroids'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

/** The warning signs of clinical-rules §1b, most serious tier first (the questionnaire asks them in this order). */
export const RED_FLAGS = [
  'bladderBowel',
  'saddleNumbness',
  'legWeakness',
  'temporalHeadache',
  'feverWithPain',
  'cancerHistory',
  'injuryWithOsteoporosis',
  'newNumbness',
  'unsteadyOrClumsy',
  'hotSwollenJoint',
  'girdleStiffness',
  'weightLoss',
  'nightPain',
  'morningStiffness',
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

/** The warning signs a version 1 file had (the others were added in version 2). */
export const RED_FLAGS_V1 = [
  'bladderBowel',
  'saddleNumbness',
  'legWeakness',
  'feverWithPain',
  'cancerHistory',
  'injuryWithOsteoporosis',
  'newNumbness',
  'unsteadyOrClumsy',
  'weightLoss',
  'nightPain',
  'morningStiffness',
] as const;
export type RedFlagV1 = (typeof RED_FLAGS_V1)[number];

/** Two questions after the PHQ-2 (Kroenke 2003): little interest or pleasure; feeling down or hopeless. */
export const MOOD_QUESTIONS = ['interest', 'down'] as const;
export type MoodQuestion = (typeof MOOD_QUESTIONS)[number];

/** A dated statement that a clinician has seen the person and said exercise is fine (§1c). */
export interface Clearance {
  date: IsoDate;
  by?: string;
}

/** Questions a version 1 intake never asked: they count as "not asked yet" until `painfit recheck`. */
export type NotAsked = 'followUps' | 'temporalHeadache' | 'hotSwollenJoint' | 'girdleStiffness' | 'mood';

export interface Goal {
  activity: string;
  score: number;
}

export type ReadinessAnswers = Record<ReadinessQuestion, boolean> & { followUps: Record<FollowUp, boolean> };

/** The screening part of the answers: what `painfit recheck` asks again. */
export interface ScreeningAnswers {
  readiness: ReadinessAnswers;
  redFlags: Record<RedFlag, boolean>;
  mood: Record<MoodQuestion, boolean>;
  clearance: Clearance | null;
  /** Set only on answers upgraded from version 1. */
  notAsked?: NotAsked[];
}

interface AnswersBody {
  about: { name?: string; age: number };
  pain: {
    regions: Region[];
    months: number;
    average: number;
    peg: { pain: number; enjoyment: number; activity: number };
  };
  goals: Goal[];
  ability: { walkMinutes: number; floor: boolean; balanceWorries: boolean; osteoporosis: boolean };
  schedule: { days: Weekday[]; minutes: number };
  likes: { cardio: CardioLike[]; mindBody: MindBodyLike[]; equipment: Equipment[] };
}

/** The answers as painfit works with them: version 2. */
export interface IntakeAnswers extends AnswersBody, ScreeningAnswers {
  version: 2;
}

/** A version 1 answers file, as older painfit wrote and stored it. */
export interface IntakeAnswersV1 extends AnswersBody {
  version: 1;
  readiness: Record<ReadinessQuestion, boolean>;
  redFlags: Record<RedFlagV1, boolean>;
  clearedByClinician: boolean;
}

/** `painfit recheck --answers`: just the screening parts, version 2. */
export interface RecheckAnswers extends ScreeningAnswers {
  version: 2;
}

export type AnswersFile = IntakeAnswers | IntakeAnswersV1;

const noFollowUps = (): Record<FollowUp, boolean> => ({ recentFracture: false, recentSurgery: false, longTermSteroids: false });

/**
 * Version 1 → 2. The new warning signs and mood were never asked: false, and named in
 * `notAsked`; so are the follow-ups when bone/joint was "yes" (when it was "no" they are "no" by
 * definition). A version 1 `clearedByClinician: true` is a clearance dated on the intake date.
 */
export function upgradeAnswers(a: AnswersFile, intakeDate: IsoDate): IntakeAnswers {
  if (a.version === 2) return a;
  const { version: _v, clearedByClinician, readiness, redFlags, ...body } = a;
  const notAsked: NotAsked[] = [];
  if (readiness.boneJoint) notAsked.push('followUps');
  notAsked.push('temporalHeadache', 'hotSwollenJoint', 'girdleStiffness', 'mood');
  return {
    version: 2,
    ...body,
    readiness: { ...readiness, followUps: noFollowUps() },
    redFlags: { ...redFlags, temporalHeadache: false, hotSwollenJoint: false, girdleStiffness: false },
    mood: { interest: false, down: false },
    clearance: clearedByClinician ? { date: intakeDate } : null,
    notAsked,
  };
}

/** The screening parts of a set of answers (what a recheck replaces). */
export function screeningPart(a: ScreeningAnswers): ScreeningAnswers {
  const out: ScreeningAnswers = { readiness: a.readiness, redFlags: a.redFlags, mood: a.mood, clearance: a.clearance };
  if (a.notAsked?.length) out.notAsked = a.notAsked;
  return out;
}

/** One stored intake: every version is kept; the plan starts on `date`. */
export interface IntakeRecord {
  id: number;
  date: IsoDate;
  recordedAt: string;
  answers: IntakeAnswers;
}

/** Range limits of the answers file. */
export const INTAKE_LIMITS = {
  age: { min: 18, max: 120 },
  months: { min: 0, max: 1200 },
  score: { min: 0, max: 10 },
  goals: { min: 1, max: 5 },
  walkMinutes: { min: 0, max: 120 },
  sessionMinutes: { min: 10, max: 60 },
  nameLength: 60,
  activityLength: 80,
  clearanceByLength: 80,
} as const;
