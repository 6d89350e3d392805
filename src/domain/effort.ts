// Target effort (Borg CR10): the words for each number, the §4 ladder, and the §1a safety cap.
// Pure. Other modules ask here for an exercise's target effort, never work it out themselves.
import {
  EFFORT_LABELS,
  LIGHT_ONLY_MAX_EFFORT,
  MODERATE_EFFORT,
  START_EFFORT,
  START_EFFORT_WEEKS,
  STRENGTH_HARDER_AFTER_WEEKS,
  TARGET_EFFORT_MAX,
} from './rules';
import type { ExerciseType } from './vocab';

/** The Borg CR10 word for an effort number (0-10), e.g. 3 → "moderate". */
export function effortLabel(effort: number): string {
  const n = Math.max(0, Math.min(EFFORT_LABELS.length - 1, Math.round(effort)));
  return EFFORT_LABELS[n]!;
}

/** "3 out of 10 (moderate)": a number always shown with its own word. */
export const effortPhrase = (effort: number): string => `${effort} out of 10 (${effortLabel(effort)})`;

/** The types whose effort follows the §4 ladder (cardio has its own rule: duration, then intensity). */
export const LADDER_TYPES: readonly ExerciseType[] = ['strength', 'balance', 'mind-body'];

export interface EffortInput {
  type: ExerciseType;
  /** 1-based week of the plan. */
  week: number;
  /** Completed weeks that were tolerated (enough sessions, no pain rule broken, no flare). */
  toleratedWeeks: number;
  /** The exercise's own effort in the library (what it is meant to feel like at most). */
  libraryEffort: number;
  /** The safety cap from screening (Screening.maxEffort). */
  cap: number;
}

/**
 * §4 effort ladder within the §1a cap: strength, balance and mind-body at START_EFFORT in weeks
 * 1-2, then MODERATE_EFFORT; strength up to TARGET_EFFORT_MAX after STRENGTH_HARDER_AFTER_WEEKS
 * tolerated weeks. Other types keep their library effort. Never above the cap.
 */
export function targetEffort(i: EffortInput): number {
  if (!LADDER_TYPES.includes(i.type)) return Math.min(i.libraryEffort, i.cap);
  const ladder =
    i.week <= START_EFFORT_WEEKS
      ? START_EFFORT
      : i.type === 'strength' && i.toleratedWeeks >= STRENGTH_HARDER_AFTER_WEEKS
        ? TARGET_EFFORT_MAX
        : MODERATE_EFFORT;
  return Math.min(ladder, i.cap);
}

/** The cap for a screening outcome: light-effort answers hold it at 3 (moderate) until a dated clearance. */
export const effortCapFor = (light: boolean): number => (light ? LIGHT_ONLY_MAX_EFFORT : TARGET_EFFORT_MAX);
