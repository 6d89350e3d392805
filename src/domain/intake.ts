// The intake answers (design.md "The intake answers file", version 1) and the other stored facts.
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

export const RED_FLAGS = [
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
export type RedFlag = (typeof RED_FLAGS)[number];

export interface Goal {
  activity: string;
  score: number;
}

export interface IntakeAnswers {
  version: 1;
  about: { name?: string; age: number };
  readiness: Record<ReadinessQuestion, boolean>;
  redFlags: Record<RedFlag, boolean>;
  clearedByClinician: boolean;
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
} as const;
