// The weekly plan (clinical-rules.md §4 and §6): which exercises on which of the user's days, at
// their starting doses. Pure: the intake answers and the library in, the week out. Progression
// (progression.ts) and flares (flare.ts) adjust these doses for a date; session.ts builds the day.
import { compareText } from './dates';
import { fits, type Limits, limitsOf } from './eligibility';
import type { Caution, Dose, Exercise } from './exercise';
import type { IntakeAnswers } from './intake';
import {
  BALANCE_AGE,
  BALANCE_REGIONS,
  HOLD_SECONDS_MAX,
  HOLD_SECONDS_MIN,
  HOLD_STEP_SECONDS,
  MAX_BOUT_MINUTES_DECONDITIONED,
  MAX_REPS,
  REGION_EMPHASIS,
  START_FRACTION,
  START_REPS_MAX,
  START_REPS_MIN,
  START_SETS_MAX,
  WEEKLY_PROGRESSION,
  WIDESPREAD_START_MINUTES,
} from './rules';
import { WEEKDAYS } from './vocab';
import type { ExerciseType, Region, Weekday } from './vocab';

// ---------------------------------------------------------------------------------------------
// Constants this module adds. No source sets these numbers: they are our defaults.

/** Time estimate: seconds per repetition, up and back. DEFAULT: our choice. */
export const SECONDS_PER_REP = 4;
/** Rest between sets of repetitions. DEFAULT: our choice. */
export const REST_BETWEEN_SETS_SECONDS = 45;
/** Rest between sets of holds. DEFAULT: our choice. */
export const REST_BETWEEN_HOLDS_SECONDS = 10;
/** A hold whose exercise is unknown is counted on both sides, so the estimate errs long. DEFAULT */
export const HOLD_SIDES = 2;
/** Getting into position for the next exercise. DEFAULT: our choice. */
export const TRANSITION_SECONDS = 15;
/** Walking less than this many minutes counts as deconditioned: cardio comes in short bouts (§4). DEFAULT */
export const DECONDITIONED_WALK_MINUTES = 20;
/** Someone who cannot walk yet gets this many minutes of seated cardio ("a very short option"). DEFAULT */
export const NO_WALK_CARDIO_MINUTES = 3;
/** A cardio slot shorter than this is left out (unless the start dose itself is shorter). DEFAULT */
export const MIN_CARDIO_MINUTES = 3;
/** On strength days cardio takes at most this share of the session. DEFAULT */
export const CARDIO_SHARE_ON_STRENGTH_DAYS = 0.5;
/** The planner keeps room for this many weekly cardio steps before adding optional extras. DEFAULT */
export const CARDIO_HEADROOM_WEEKS = 2;
/** At most this many strength exercises in one session. DEFAULT */
export const MAX_STRENGTH_ITEMS = 4;
/** At most this many stretching / mobility exercises in one session. DEFAULT */
export const MAX_FLEXIBILITY_ITEMS = 4;
/**
 * Exercises that load a painful region awkwardly are left out of the plan, not banned (a swap may
 * pick them, and shows the caution). Kneeling with knee pain is a rule of eligibility.ts instead.
 * DEFAULT: our choice from the caution tags.
 */
export const REGION_AWKWARD: Readonly<Partial<Record<Region, Caution>>> = {
  'wrist-hand': 'wrist-load',
  shoulder: 'overhead',
};

// ---------------------------------------------------------------------------------------------
// Who may do what: the rules live in eligibility.ts (one module for the plan, swap and exercises).

export { fits, type Limits, limitsOf, type UnfitRule, unfitReason, unfitRule } from './eligibility';

/** Awkward for one of the user's painful regions (REGION_AWKWARD): only ever a last resort. */
export const isAwkward = (ex: Exercise, answers: IntakeAnswers): boolean =>
  answers.pain.regions.some((r) => {
    const caution = REGION_AWKWARD[r];
    return caution !== undefined && ex.cautions.includes(caution);
  });

export type Library = ReadonlyMap<string, Exercise>;
export const indexLibrary = (library: readonly Exercise[]): Library => new Map(library.map((e) => [e.id, e]));

/** §4 start at the easiest rung: walk `easier` links down while the easier rung still fits. */
export function easiestRung(ex: Exercise, byId: Library, limits: Limits): Exercise {
  let current = ex;
  const seen = new Set([ex.id]);
  for (;;) {
    const easier = current.easier === null ? undefined : byId.get(current.easier);
    if (!easier || seen.has(easier.id) || !fits(easier, limits)) return current;
    seen.add(easier.id);
    current = easier;
  }
}

// ---------------------------------------------------------------------------------------------
// What the person's answers call for (§6)

/** Balance and gait work: balance worries, age ≥ BALANCE_AGE, or hip/knee/ankle-foot pain. */
export function balanceCalledFor(answers: IntakeAnswers): boolean {
  return (
    answers.ability.balanceWorries ||
    answers.about.age >= BALANCE_AGE ||
    answers.pain.regions.some((r) => BALANCE_REGIONS.includes(r))
  );
}

/** The user's regions whose §6 row calls for this type (flexibility: every region). */
export function regionsCalling(answers: IntakeAnswers, type: ExerciseType): Region[] {
  return answers.pain.regions.filter((r) => type === 'flexibility' || REGION_EMPHASIS[r].includes(type));
}

export const isDeconditioned = (answers: IntakeAnswers): boolean =>
  answers.ability.walkMinutes < DECONDITIONED_WALK_MINUTES;

/** §6 widespread pain: start with about 10 minutes a day, growing with the weekly steps. */
export function sessionBudget(answers: IntakeAnswers, level: number): number {
  if (!answers.pain.regions.includes('widespread')) return answers.schedule.minutes;
  return Math.min(answers.schedule.minutes, growMinutes(WIDESPREAD_START_MINUTES, level, Infinity));
}

/** §4: the first cardio dose, about START_FRACTION of what the user can walk now, never more. */
export function startCardioMinutes(answers: IntakeAnswers): number {
  const walk = answers.ability.walkMinutes;
  if (walk === 0) return NO_WALK_CARDIO_MINUTES;
  return Math.min(walk, Math.max(1, Math.round(walk * START_FRACTION)));
}

/** Cardio bouts: deconditioned starters split cardio into bouts of at most 10 minutes (§4). */
export function boutsFor(minutes: number, maxBout: number): number {
  return Math.max(1, Math.ceil(minutes / maxBout));
}
export const maxBoutMinutes = (answers: IntakeAnswers): number =>
  isDeconditioned(answers) ? MAX_BOUT_MINUTES_DECONDITIONED : Infinity;

// ---------------------------------------------------------------------------------------------
// Doses and time

/** One weekly time step: about WEEKLY_PROGRESSION, at least one minute, never above `ceiling`. */
export function growMinutes(start: number, steps: number, ceiling: number): number {
  let m = start;
  for (let i = 0; i < steps && m < ceiling; i++) m = Math.min(ceiling, Math.max(m + 1, Math.round(m * (1 + WEEKLY_PROGRESSION))));
  return m;
}

/**
 * §4 first dose of a non-cardio exercise: strength 1-2 sets of 8-10 reps; holds 15-30 s started at
 * about START_FRACTION of the library hold; timed work at about START_FRACTION of its minutes.
 */
export function startDose(ex: Exercise): Dose {
  const d = ex.dose;
  if ('minutes' in d) return { minutes: Math.max(1, Math.round(d.minutes * START_FRACTION)) };
  const sets = Math.min(d.sets, START_SETS_MAX);
  if ('holdSeconds' in d) {
    // §4 holds are shown in 5 s steps: round the start down to one (below tolerance, never above).
    const start = Math.floor((d.holdSeconds * START_FRACTION) / HOLD_STEP_SECONDS) * HOLD_STEP_SECONDS;
    return { sets, holdSeconds: clamp(start, HOLD_SECONDS_MIN, HOLD_SECONDS_MAX) };
  }
  const reps = ex.type === 'strength' ? clamp(d.reps, START_REPS_MIN, START_REPS_MAX) : Math.min(d.reps, MAX_REPS);
  return { sets, reps };
}

/** What the time estimate needs from an exercise: sides and holds written into each repetition. */
export type Timing = Pick<Exercise, 'perSide' | 'repHoldSeconds'>;

/** Without the exercise, the estimate errs long: holds on both sides (HOLD_SIDES), reps once. */
const UNKNOWN_TIMING: Timing = { perSide: false, repHoldSeconds: null };

/** Estimated minutes: see estimateSeconds. */
export function estimateMinutes(exercise: Timing, dose: Dose): number {
  return estimateSeconds(dose, exercise) / 60;
}

/**
 * Estimated seconds: reps ≈ 4 s each plus any hold written in the cues (repHoldSeconds), done on
 * each side when the exercise is per side; holds per side likewise; rest between sets; plus a
 * transition. Pass the exercise: without it, holds count two sides and reps one (the old estimate).
 */
export function estimateSeconds(dose: Dose, exercise?: Timing): number {
  if ('minutes' in dose) return dose.minutes * 60 + TRANSITION_SECONDS;
  const how = exercise ?? UNKNOWN_TIMING;
  if ('holdSeconds' in dose) {
    const sides = exercise ? (how.perSide ? 2 : 1) : HOLD_SIDES;
    return dose.sets * dose.holdSeconds * sides + (dose.sets - 1) * REST_BETWEEN_HOLDS_SECONDS + TRANSITION_SECONDS;
  }
  const sides = how.perSide ? 2 : 1;
  const perRep = SECONDS_PER_REP + (how.repHoldSeconds ?? 0);
  return dose.sets * dose.reps * perRep * sides + (dose.sets - 1) * REST_BETWEEN_SETS_SECONDS + TRANSITION_SECONDS;
}

/**
 * The longest this item can take once progressed (reps at MAX_REPS, holds at 30 s, timed work at
 * its library minutes). The planner reserves this so weekly steps still fit the session.
 */
export function ceilingSeconds(ex: Exercise, dose: Dose): number {
  if ('minutes' in dose) return estimateSeconds({ minutes: Math.max(dose.minutes, minutesCeiling(ex)) }, ex);
  if ('holdSeconds' in dose) return estimateSeconds({ ...dose, holdSeconds: Math.max(dose.holdSeconds, HOLD_SECONDS_MAX) }, ex);
  return estimateSeconds({ ...dose, reps: Math.max(dose.reps, MAX_REPS) }, ex);
}

/** Non-cardio timed work grows up to its library dose; cardio is limited by the session instead. */
export function minutesCeiling(ex: Exercise): number {
  if (ex.type === 'cardio') return Infinity;
  return 'minutes' in ex.dose ? ex.dose.minutes : Infinity;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

// ---------------------------------------------------------------------------------------------
// The weekly plan

export interface PlanItem {
  /** The starting rung. */
  exercise: Exercise;
  /** The starting dose (level 0). */
  dose: Dose;
  /** Required items (flexibility, the first strength item, balance) are never dropped to fit. */
  required: boolean;
  /** Lower is more important; used when the day must shrink to fit. */
  priority: number;
}

export interface DayPlan {
  weekday: Weekday;
  /** Strength days are spaced ≥ 48 h apart where the days allow (ACSM). */
  strength: boolean;
  /** Items in session order: warm-up → main → cool-down. */
  items: PlanItem[];
}

export interface WeekPlan {
  /** The session length the plan was built for (minutes). */
  budgetMinutes: number;
  days: DayPlan[];
}

export interface PlanOptions {
  /** screening.maxEffort */
  maxEffort: number;
  /** Session length in minutes; defaults to sessionBudget(answers, 0). */
  budgetMinutes?: number;
}

const dayIndex = (d: Weekday): number => WEEKDAYS.indexOf(d);
/** Days from a to the next b, wrapping round the week (1-7). */
const gap = (a: Weekday, b: Weekday): number => ((dayIndex(b) - dayIndex(a) + 7) % 7) || 7;

export function sortedDays(days: readonly Weekday[]): Weekday[] {
  return [...new Set(days)].sort((a, b) => dayIndex(a) - dayIndex(b));
}

/** Users training on this many days or more get a third strength day (when spacing allows). DEFAULT */
export const THIRD_STRENGTH_DAY_FROM = 5;

/**
 * Strength days (ACSM: ≥ 2 days a week, ≥ 48 h apart for the same muscles). With fewer than 3
 * days every session has strength. With 3-4 days: the two days furthest apart, leaving the other
 * days for cardio and mind-body. With 5 or more: the largest set of days at least two days apart
 * (wrapping round the week). Ties go to the earliest days.
 */
export function pickStrengthDays(days: readonly Weekday[]): Weekday[] {
  const sorted = sortedDays(days);
  if (sorted.length < 3) return sorted;
  if (sorted.length < THIRD_STRENGTH_DAY_FROM) {
    let best: Weekday[] = [];
    let bestGap = 0;
    sorted.forEach((a, i) =>
      sorted.slice(i + 1).forEach((b) => {
        const g = Math.min(gap(a, b), gap(b, a));
        if (g > bestGap) [best, bestGap] = [[a, b], g];
      }),
    );
    return best;
  }
  let best: Weekday[] = [];
  for (let s = 0; s < sorted.length; s++) {
    const rotated = [...sorted.slice(s), ...sorted.slice(0, s)];
    const picked: Weekday[] = [];
    for (const d of rotated) {
      const last = picked[picked.length - 1];
      const first = picked[0];
      if (last === undefined || first === undefined || (gap(last, d) >= 2 && gap(d, first) >= 2)) picked.push(d);
    }
    if (picked.length > best.length) best = picked;
  }
  return sortedDays(best);
}

type Slot =
  | { type: 'strength' | 'flexibility' | 'balance'; region: Region | null; required: boolean }
  | { type: 'cardio' | 'mind-body'; required: false };

/**
 * The day's wish list, most important first. Flexibility every session and balance when called
 * for (both required), the first strength item on strength days (required), then (§6, widespread
 * pain: "low-impact cardio first, then strength, then mind-body") cardio, more strength,
 * mind-body and stretching for the other regions. Extras fill the time left: general walking
 * (WHO 2020), liked mind-body, then more strength and stretching for the same regions.
 */
function slotsFor(answers: IntakeAnswers, strengthDay: boolean, index: number): Slot[] {
  const rotate = <T>(xs: T[], k: number): T[] => (xs.length === 0 ? xs : [...xs.slice(k % xs.length), ...xs.slice(0, k % xs.length)]);
  const flexRegions = rotate(regionsCalling(answers, 'flexibility'), index);
  const strengthRegions = strengthDay ? rotate(regionsCalling(answers, 'strength'), index) : [];
  const wantsCardio = regionsCalling(answers, 'cardio').length > 0;
  const wantsMindBody = regionsCalling(answers, 'mind-body').length > 0;
  const strength = (region: Region | undefined, required = false): Slot => ({ type: 'strength', region: region ?? null, required });
  const flex = (region: Region | undefined, required = false): Slot => ({ type: 'flexibility', region: region ?? null, required });

  const slots: Slot[] = [flex(flexRegions[0], true)];
  if (balanceCalledFor(answers)) {
    const region = answers.pain.regions.find((r) => BALANCE_REGIONS.includes(r)) ?? null;
    slots.push({ type: 'balance', region, required: true });
  }
  if (strengthRegions.length > 0) slots.push(strength(strengthRegions[0], true));
  if (wantsCardio) slots.push({ type: 'cardio', required: false });
  for (const region of strengthRegions.slice(1, MAX_STRENGTH_ITEMS)) slots.push(strength(region));
  if (wantsMindBody) slots.push({ type: 'mind-body', required: false });
  for (const region of flexRegions.slice(1, MAX_FLEXIBILITY_ITEMS)) slots.push(flex(region));

  if (!wantsCardio) slots.push({ type: 'cardio', required: false });
  if (!wantsMindBody && answers.likes.mindBody.length > 0) slots.push({ type: 'mind-body', required: false });
  const count = (type: Slot['type']) => slots.filter((s) => s.type === type).length;
  for (let round = 1; round < Math.max(MAX_STRENGTH_ITEMS, MAX_FLEXIBILITY_ITEMS); round++) {
    if (strengthRegions.length > 0 && count('strength') < MAX_STRENGTH_ITEMS) {
      slots.push(strength(strengthRegions[round % strengthRegions.length]));
    }
    if (count('flexibility') < MAX_FLEXIBILITY_ITEMS) slots.push(flex(flexRegions[round % Math.max(1, flexRegions.length)]));
  }
  return slots;
}

/**
 * Candidates for a slot, fitting the person and moved to their easiest fitting rung, in tiers of
 * relevance: the target region first, then any of the user's regions; exercises awkward for a
 * painful region (REGION_AWKWARD) last. Variety rotates within a tier, never across tiers.
 */
export function candidateTiers(
  type: ExerciseType,
  region: Region | null,
  styles: readonly string[] | null,
  answers: IntakeAnswers,
  library: readonly Exercise[],
  byId: Library,
  limits: Limits,
): Exercise[][] {
  const rungs = new Map<string, Exercise>();
  for (const ex of library) {
    if (ex.type !== type || !fits(ex, limits)) continue;
    if (styles && (ex.style === null || !styles.includes(ex.style))) continue;
    const rung = easiestRung(ex, byId, limits);
    // §4: standing balance starts holding support; free balance is reached only on feedback.
    if (rung.support === 'free') continue;
    rungs.set(rung.id, rung);
  }
  const score = (ex: Exercise): number =>
    (region !== null && ex.regions.includes(region) ? 0 : 2) +
    (ex.regions.some((r) => answers.pain.regions.includes(r)) ? 0 : 1) +
    (isAwkward(ex, answers) ? 4 : 0);
  const tiers = new Map<number, Exercise[]>();
  for (const ex of [...rungs.values()].sort((a, b) => compareText(a.id, b.id))) {
    tiers.set(score(ex), [...(tiers.get(score(ex)) ?? []), ex]);
  }
  return [...tiers.entries()].sort(([a], [b]) => a - b).map(([, xs]) => xs);
}

export function candidatesFor(...args: Parameters<typeof candidateTiers>): Exercise[] {
  return candidateTiers(...args).flat();
}

/** Cardio styles from likes (walking when none). Someone who cannot walk yet gets seated options. */
function cardioStyles(answers: IntakeAnswers): readonly string[] {
  const liked = answers.likes.cardio.length > 0 ? answers.likes.cardio : ['walking'];
  return liked;
}

function cardioCandidates(answers: IntakeAnswers, library: readonly Exercise[], byId: Library, limits: Limits): Exercise[][] {
  const noWalk = answers.ability.walkMinutes === 0;
  const ok = (ex: Exercise) => !noWalk || ex.position === 'seated';
  const region = regionsCalling(answers, 'cardio')[0] ?? null;
  const tiers = (styles: readonly string[]) =>
    candidateTiers('cardio', region, styles, answers, library, byId, limits)
      .map((t) => t.filter(ok))
      .filter((t) => t.length > 0);
  const liked = tiers(cardioStyles(answers));
  // Nothing liked is possible (e.g. swimming without a pool): walking, or seated cardio.
  return liked.length > 0 ? liked : tiers(noWalk ? ['seated'] : ['walking', 'seated']);
}

type Pools = (slot: Slot) => Exercise[][];

/** Candidate tiers per slot, computed once per plan (the same slot recurs on most days). */
function poolsFor(answers: IntakeAnswers, library: readonly Exercise[], byId: Library, limits: Limits): Pools {
  const memo = new Map<string, Exercise[][]>();
  return (slot) => {
    const key = `${slot.type}|${'region' in slot ? slot.region : ''}`;
    let tiers = memo.get(key);
    if (!tiers) {
      tiers = poolFor(slot, answers, library, byId, limits);
      memo.set(key, tiers);
    }
    return tiers;
  };
}

function poolFor(slot: Slot, answers: IntakeAnswers, library: readonly Exercise[], byId: Library, limits: Limits): Exercise[][] {
  switch (slot.type) {
    case 'cardio':
      return cardioCandidates(answers, library, byId, limits);
    case 'mind-body': {
      // Mind-body from likes; relaxed breathing when none are named.
      const styles = answers.likes.mindBody.length > 0 ? answers.likes.mindBody : ['breathing'];
      return candidateTiers('mind-body', regionsCalling(answers, 'mind-body')[0] ?? null, styles, answers, library, byId, limits);
    }
    default:
      return candidateTiers(slot.type, slot.region, null, answers, library, byId, limits);
  }
}

const PHASE_ORDER = { 'warm-up': 0, main: 1, 'cool-down': 2 } as const;
/** Within a phase: cardio, then balance before fatigue, strength, mind-body, stretching. */
const TYPE_ORDER: Record<ExerciseType, number> = { cardio: 0, balance: 1, strength: 2, 'mind-body': 3, flexibility: 4 };

export function sessionOrder<T extends { exercise: Exercise }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      PHASE_ORDER[a.exercise.phase] - PHASE_ORDER[b.exercise.phase] ||
      TYPE_ORDER[a.exercise.type] - TYPE_ORDER[b.exercise.type],
  );
}

/** The cardio time the planner sets aside: the start dose plus a few weekly steps of headroom. */
function cardioReserveMinutes(start: number): number {
  return growMinutes(start, CARDIO_HEADROOM_WEEKS, Infinity);
}

function planDay(
  answers: IntakeAnswers,
  pools: Pools,
  weekday: Weekday,
  index: number,
  strengthDay: boolean,
  strengthIndex: number,
  budgetMinutes: number,
): DayPlan {
  const budget = budgetMinutes * 60;
  const slots = slotsFor(answers, strengthDay, strengthDay ? strengthIndex : index).map((slot, priority) => ({ slot, priority }));
  const chosen = new Set<string>();
  const items: PlanItem[] = [];
  let used = 0;
  // Required slots first, then the rest in priority order. Each item reserves its progressed
  // ceiling, so the weekly steps keep fitting the session.
  for (const { slot, priority } of [...slots.filter((s) => s.slot.required), ...slots.filter((s) => !s.slot.required)]) {
    const tiers = pools(slot)
      .map((t) => t.filter((e) => !chosen.has(e.id)))
      .filter((t) => t.length > 0);
    // Vary across the week: day k takes the k-th candidate of the most relevant tier that still
    // fits the time left.
    const k = slot.type === 'strength' ? strengthIndex + priority : index;
    const rotate = (xs: readonly Exercise[] | undefined) => (xs && xs.length > 0 ? xs[k % xs.length] : undefined);
    if (slot.type === 'cardio') {
      const pick = rotate(tiers[0]);
      const start = startCardioMinutes(answers);
      const cap = strengthDay ? Math.floor(budgetMinutes * CARDIO_SHARE_ON_STRENGTH_DAYS) : budgetMinutes;
      const room = Math.floor((budget - used - TRANSITION_SECONDS) / 60);
      const minutes = Math.min(start, cap, room);
      if (!pick || minutes < Math.min(start, MIN_CARDIO_MINUTES)) continue;
      used += Math.min(cardioReserveMinutes(start), cap, room) * 60 + TRANSITION_SECONDS;
      chosen.add(pick.id);
      items.push({ exercise: pick, dose: { minutes }, required: false, priority });
      continue;
    }
    // Optional slots are left empty rather than filled with something awkward for a painful region.
    const fitsTime = (e: Exercise) =>
      slot.required || (used + ceilingSeconds(e, startDose(e)) <= budget && !isAwkward(e, answers));
    const pick = rotate(tiers.map((t) => t.filter(fitsTime)).find((t) => t.length > 0));
    if (!pick) continue;
    const dose = startDose(pick);
    used += ceilingSeconds(pick, dose);
    chosen.add(pick.id);
    items.push({ exercise: pick, dose, required: slot.required, priority });
  }
  return { weekday, strength: strengthDay, items: sessionOrder(items) };
}

/**
 * The weekly plan on the user's days. Deterministic: the same answers and library always give
 * the same plan. Doses are the starting doses; see progression.ts for later weeks.
 */
export function buildPlan(answers: IntakeAnswers, library: readonly Exercise[], options: PlanOptions): WeekPlan {
  const budgetMinutes = options.budgetMinutes ?? sessionBudget(answers, 0);
  const limits = limitsOf(answers, options.maxEffort);
  const byId = indexLibrary(library);
  const days = sortedDays(answers.schedule.days);
  const strengthDays = pickStrengthDays(days);
  const pools = poolsFor(answers, library, byId, limits);
  return {
    budgetMinutes,
    days: days.map((weekday, index) => {
      const strengthDay = strengthDays.includes(weekday);
      return planDay(answers, pools, weekday, index, strengthDay, strengthDays.indexOf(weekday), budgetMinutes);
    }),
  };
}

