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

/**
 * The types whose effort follows the §4 ladder. Cardio dosed in minutes has its own rule (duration,
 * then intensity: progression.cardioEffort); cardio dosed in reps climbs this ladder.
 */
export const LADDER_TYPES: readonly ExerciseType[] = ['strength', 'balance', 'mind-body', 'cardio'];

export interface EffortInput {
  type: ExerciseType;
  /**
   * Tolerated weekly steps this exercise has taken (its level in the weekly fold, progression.ts):
   * a week that was not tolerated (too few sessions, a pain rule broken, a flare) adds none, and a
   * step back takes one away. With every week tolerated, week n has n - 1 steps.
   */
  steps: number;
  /** The exercise's own effort in the library (what it is meant to feel like at most). */
  libraryEffort: number;
  /** The safety cap from screening (Screening.maxEffort); none when the caller applies it. */
  cap?: number;
}

/**
 * §4 effort ladder within the §1a cap: strength, balance and mind-body at START_EFFORT for the
 * first START_EFFORT_WEEKS weeks, then MODERATE_EFFORT; strength up to TARGET_EFFORT_MAX after
 * STRENGTH_HARDER_AFTER_WEEKS tolerated weeks. Stretches stay at most light (they are not meant to
 * be effortful). Cardio has its own rule (duration before intensity, progression.cardioEffort).
 * Never above the cap. The one place the ladder is worked out.
 */
export function targetEffort(i: EffortInput): number {
  const cap = i.cap ?? Infinity;
  if (!LADDER_TYPES.includes(i.type)) return Math.min(i.libraryEffort, START_EFFORT, cap);
  const ladder =
    i.steps < START_EFFORT_WEEKS
      ? START_EFFORT
      : i.type === 'strength' && i.steps >= STRENGTH_HARDER_AFTER_WEEKS
        ? TARGET_EFFORT_MAX
        : MODERATE_EFFORT;
  return Math.min(ladder, cap);
}

/** The cap for a screening outcome: light-effort answers hold it at 3 (moderate) until a dated clearance. */
export const effortCapFor = (light: boolean): number => (light ? LIGHT_ONLY_MAX_EFFORT : TARGET_EFFORT_MAX);
