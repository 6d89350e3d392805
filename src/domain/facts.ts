// The facts painfit stores after intake: check-ins, exercise completions, swaps.
// Decisions (the day's session, doses, flare state, trends) are derived from these.
import { displayText, type TextRule } from './text';
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

/** "I'm flaring" (`painfit flare`), or that it has settled (`painfit flare --end`), for a date (§5). */
export interface FlareFact {
  date: IsoDate;
  kind: 'start' | 'end';
  recordedAt: string;
}

/** Notes are short: a line or two for the clinician's report. */
export const NOTE_MAX_LENGTH = 500;

/** A note keeps its line breaks; otherwise the text policy (domain/text.ts) applies as to any text. */
export const NOTE_RULE: TextRule = { max: NOTE_MAX_LENGTH, multiline: true };

/** Control characters (other than tab and newline) would garble the terminal when a note is shown again. */
export const NOTE_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A note typed at the interactive question, as stored: control characters removed, overrides and
 * invisible characters dropped, trimmed. (A note given as --note or in a file is refused instead.)
 */
export function cleanNote(value: string): string {
  return displayText(value.replace(NOTE_CONTROL_CHARACTERS, ''), { multiline: true }).trim();
}

/** Per-exercise feedback (clinical-rules §4): how one exercise felt, from `log --feedback` or the guided session. */
export const FEEDBACK_ANSWERS = ['easy', 'right', 'hard', 'hurt'] as const;
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

export interface Feedback {
  date: IsoDate;
  exerciseId: string;
  answer: FeedbackAnswer;
  /** Orders answers within a day. */
  recordedAt: string;
}

/** `log --walk` takes whole minutes in this range (a walk of more than 5 hours is a typo). */
export const WALK_MINUTES_MIN = 1;
export const WALK_MINUTES_MAX = 300;

/** A walk of the walking track (`log --walk MINUTES`), whole minutes. */
export interface Walk {
  date: IsoDate;
  minutes: number;
}

export const FLARE_KINDS = ['start', 'end'] as const;

/** "I'm flaring" (`painfit flare`), or that it has settled (`painfit flare --end`), for a date (§5). */
export interface FlareFact {
  date: IsoDate;
  kind: (typeof FLARE_KINDS)[number];
  recordedAt: string;
}
/**
 * The most minutes one exercise can be planned for on one day: a day. painfit's own plans stay far
 * below (sessions are 10-60 minutes); an import claiming more is not painfit's data.
 */
export const MAX_EXERCISE_MINUTES = 24 * 60;
