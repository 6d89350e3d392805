// The guided session (painfit start), as pure data: the safety question asked before it, the steps
// each exercise is done in (holds, bouts and rests counted down, reps paced, breathing paced), and
// the per-exercise feedback. The command runs these steps against a clock; nothing here waits.
import type { Dose, Exercise } from './exercise';
import { REST_BETWEEN_HOLDS_SECONDS, REST_BETWEEN_SETS_SECONDS, SECONDS_PER_REP } from './plan';
import type { SessionExercise } from './session';
import { FEEDBACK_LABEL } from './words';

// ---------------------------------------------------------------------------------------------
// Constants. No source sets these numbers: they are our defaults, except where a source is named.

/** Rest between bouts of timed cardio done in short bouts (ACSM arthritis: small bouts count). DEFAULT */
export const REST_BETWEEN_BOUTS_SECONDS = 60;
/** A short pause to change sides between holds on one side and the other. DEFAULT */
export const SWITCH_SIDES_SECONDS = 5;
/**
 * Slow breathing at about six breaths a minute, a longer out-breath than in-breath (paced
 * breathing in relaxation training; Lehrer & Gevirtz 2014 on ~6 breaths/min). DEFAULT split 4 s + 6 s.
 */
export const BREATHE_IN_SECONDS = 4;
export const BREATHE_OUT_SECONDS = 6;

// ---------------------------------------------------------------------------------------------
// The pre-session question (clinical-rules.md §1d: "A guided session starts with one question").

export const PRE_SESSION_QUESTION =
  'Before you start: is anything new today? A fever or feeling unwell, new numbness or weakness, or chest pain or feeling faint?';

export const PRE_SESSION_REASONS = ['unwell', 'numbness', 'chest'] as const;
export type PreSessionReason = (typeof PRE_SESSION_REASONS)[number];

export const PRE_SESSION_CHOICES: Readonly<Record<PreSessionReason, string>> = {
  unwell: 'a fever, a cold, an infection, or feeling unwell',
  numbness: 'new numbness, tingling or weakness',
  chest: 'chest pain, or feeling faint or dizzy',
};

/** The note stored with the check-in when the pre-session question ended the session. */
export function preSessionNote(reason: PreSessionReason): string {
  return `No session: ${PRE_SESSION_CHOICES[reason]} (asked before the guided session).`;
}

// ---------------------------------------------------------------------------------------------
// Per-exercise feedback (clinical-rules.md §4).

export const FEEDBACK = ['easy', 'right', 'hard', 'hurt'] as const;
export type Feedback = (typeof FEEDBACK)[number];
/** The words for each answer: the words module's (one label on every screen and on the clinician's page). */
export const FEEDBACK_WORDS: Readonly<Record<Feedback, string>> = FEEDBACK_LABEL;
/** Enter on the feedback question means "about right". */
export const DEFAULT_FEEDBACK: Feedback = 'right';

// ---------------------------------------------------------------------------------------------
// Steps.

export type GuidedStep =
  /** A countdown: a hold, a bout of cardio, a timed mind-body or flexibility block. */
  | { kind: 'timer'; label: string; seconds: number }
  /** Repetitions at a steady pace, counted on screen. */
  | { kind: 'reps'; label: string; reps: number; secondsPerRep: number }
  /** Slow breathing, paced in and out, for `seconds`. */
  | { kind: 'breathe'; label: string; seconds: number; inSeconds: number; outSeconds: number }
  /** Rest between sets, holds, sides or bouts. */
  | { kind: 'rest'; label: string; seconds: number };

export interface GuidedExercise {
  id: string;
  name: string;
  purpose: string;
  cues: readonly string[];
  position: string;
  equipment: readonly string[];
  effort: number;
  perSide: boolean;
  dose: { sets?: number; reps?: number; holdSeconds?: number; minutes?: number; bouts?: number };
  /** The mind-body style, e.g. 'breathing' (breathing work gets a pacer). */
  style: string | null;
}

const ofN = (i: number, n: number, what: string) => (n > 1 ? `${what} ${i} of ${n}` : what);

/** The steps one exercise is done in, rests between them included (none after the last). */
export function guidedSteps(ex: GuidedExercise): GuidedStep[] {
  const steps: GuidedStep[] = [];
  const d = ex.dose;
  if (d.minutes !== undefined) {
    const bouts = Math.max(1, d.bouts ?? 1);
    const seconds = Math.max(1, Math.round((d.minutes * 60) / bouts));
    for (let b = 1; b <= bouts; b++) {
      if (b > 1) steps.push({ kind: 'rest', label: 'Rest before the next bout', seconds: REST_BETWEEN_BOUTS_SECONDS });
      const label = ofN(b, bouts, 'Bout');
      if (ex.style === 'breathing') steps.push({ kind: 'breathe', label: label === 'Bout' ? 'Breathe' : label, seconds, inSeconds: BREATHE_IN_SECONDS, outSeconds: BREATHE_OUT_SECONDS });
      else steps.push({ kind: 'timer', label: label === 'Bout' ? 'Keep going' : label, seconds });
    }
    return steps;
  }
  const sets = Math.max(1, d.sets ?? 1);
  const sides = ex.perSide ? ['first side', 'other side'] : [null];
  for (let s = 1; s <= sets; s++) {
    if (s > 1) {
      steps.push(
        d.holdSeconds !== undefined
          ? { kind: 'rest', label: 'Rest before the next hold', seconds: REST_BETWEEN_HOLDS_SECONDS }
          : { kind: 'rest', label: 'Rest before the next set', seconds: REST_BETWEEN_SETS_SECONDS },
      );
    }
    sides.forEach((side, k) => {
      if (k > 0) steps.push({ kind: 'rest', label: 'Change sides', seconds: SWITCH_SIDES_SECONDS });
      const base = ofN(s, sets, d.holdSeconds !== undefined ? 'Hold' : 'Set');
      const label = side ? `${base}, ${side}` : base;
      if (d.holdSeconds !== undefined) steps.push({ kind: 'timer', label, seconds: d.holdSeconds });
      else steps.push({ kind: 'reps', label, reps: Math.max(1, d.reps ?? 1), secondsPerRep: SECONDS_PER_REP });
    });
  }
  return steps;
}

/** The session exercise as the guided session shows it (style from the library, per side when the exercise says so). */
export function toGuided(ex: SessionExercise, library: ReadonlyMap<string, Exercise>): GuidedExercise {
  const lib = library.get(ex.id);
  const perSide = Boolean((ex as { perSide?: boolean }).perSide);
  return {
    id: ex.id,
    name: ex.name,
    purpose: ex.purpose,
    cues: ex.cues,
    position: ex.position,
    equipment: ex.equipment,
    effort: ex.effort,
    perSide,
    dose: { sets: ex.sets, reps: ex.reps, holdSeconds: ex.holdSeconds, minutes: ex.minutes, bouts: ex.bouts },
    style: lib?.style ?? null,
  };
}

function doseOf(d: Dose): GuidedExercise['dose'] {
  if ('minutes' in d) return { minutes: d.minutes };
  if ('holdSeconds' in d) return { sets: d.sets, holdSeconds: d.holdSeconds };
  return { sets: d.sets, reps: d.reps };
}

/**
 * The easier version for today (the `e` key): the next easier rung of the exercise's ladder at
 * that rung's starting dose, or, when there is no easier rung, the same exercise at about half the
 * dose (one set, half the reps, hold or minutes, rounded as doses are shown: holds in 5 s steps).
 * Returns null when it cannot get any easier.
 */
export function easierForToday(ex: GuidedExercise, library: ReadonlyMap<string, Exercise>): GuidedExercise | null {
  const current = library.get(ex.id);
  const easier = current?.easier ? library.get(current.easier) : undefined;
  if (easier) {
    return {
      ...ex,
      id: ex.id, // still recorded against the planned exercise
      name: easier.name,
      purpose: easier.purpose,
      cues: easier.cues,
      position: easier.position,
      equipment: easier.equipment,
      effort: Math.min(ex.effort, easier.effort),
      dose: doseOf(easier.dose),
      style: easier.style,
    };
  }
  const d = ex.dose;
  const half = (n: number) => Math.max(1, Math.floor(n / 2));
  const sets = d.sets ?? 1;
  if (d.minutes !== undefined) {
    const minutes = half(d.minutes);
    if (minutes === d.minutes) return null;
    return { ...ex, dose: d.bouts && d.bouts > 1 ? { minutes, bouts: Math.min(d.bouts, minutes) } : { minutes } };
  }
  if (d.holdSeconds !== undefined) {
    const holdSeconds = Math.max(5, Math.round(d.holdSeconds / 2 / 5) * 5);
    if (sets <= 1 && holdSeconds >= d.holdSeconds) return null;
    return { ...ex, dose: { sets: 1, holdSeconds: Math.min(holdSeconds, d.holdSeconds) } };
  }
  const reps = d.reps ?? 1;
  if (sets <= 1 && half(reps) === reps) return null;
  return { ...ex, dose: { sets: 1, reps: half(reps) } };
}
