// The facts painfit stores after intake: check-ins, exercise completions, swaps.
// Decisions (the day's session, doses, flare state, trends) are derived from these.
import type { IsoDate } from './dates';

/** A pain check-in (painfit log). Several a day are allowed. Scores are 0-10 integers. */
export interface Checkin {
  id: number;
  date: IsoDate;
  /** Wall-clock time it was recorded, ISO 8601; orders check-ins within a day. */
  recordedAt: string;
  pain: number;
  /** Worst pain during exercise that day, if the user exercised. */
  during: number | null;
  effort: number | null;
  sleep: number | null;
  note: string | null;
}

/** One exercise of one day's session, done or skipped. Unique per (date, exerciseId). */
export interface Completion {
  date: IsoDate;
  exerciseId: string;
  done: boolean;
  /** Planned duration of the exercise that day, in minutes (recorded so reports need not replay the plan). */
  minutes?: number;
}

/** "Use `withId` wherever the plan would use `exerciseId`", from `date` on. */
export interface Swap {
  id: number;
  date: IsoDate;
  exerciseId: string;
  withId: string;
}
