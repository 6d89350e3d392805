// The weekly plan (clinical-rules.md §4 and §6): which exercises on which of the user's days, at
// their starting doses. Pure: the intake answers and the library in, the week out. Progression
// (progression.ts) and flares (flare.ts) adjust these doses for a date; session.ts builds the day.
import { compareText } from './dates';
import { fits, type Limits, limitsOf } from './eligibility';
import { type Purpose, musclesOf } from './exercise';
import {
  chooseStrength,
  type CoreKey,
  coreKeys,
  coresTrained,
  goalPractices,
  type Half,
  type StrengthChoice,
  type StrengthDayInput,
  strengthExtras,
  unmetNeeds,
} from './selection';
import type { GoalPractice } from './rules';
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
  SINGLE_LEG_START_MIN_WALK_MINUTES,
  START_FRACTION,
  START_REPS_MAX,
  START_REPS_MIN,
  START_SETS_MAX,
  WEEKLY_PROGRESSION,
  WIDESPREAD_START_MINUTES,
  WIDESPREAD_STRENGTH_AFTER_WEEKS,
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
/** Widespread pain: the required mind-body and aerobic work each take at most this share of the time left. DEFAULT */
export const WIDESPREAD_SHARE = 1 / 3;
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

/** Balance and gait work: balance worries, osteoporosis, age ≥ BALANCE_AGE, or hip/knee/ankle-foot pain. */
export function balanceCalledFor(answers: IntakeAnswers): boolean {
  return (
    answers.ability.balanceWorries ||
    // §6 osteoporosis: balance on ≥ 3 days whatever the age (Too Fit To Fracture).
    answers.ability.osteoporosis ||
    answers.about.age >= BALANCE_AGE ||
    answers.pain.regions.some((r) => BALANCE_REGIONS.includes(r))
  );
}

/** The user's regions whose §6 row calls for this type (flexibility: every region). */
export function regionsCalling(answers: IntakeAnswers, type: ExerciseType): Region[] {
  return answers.pain.regions.filter((r) => type === 'flexibility' || REGION_EMPHASIS[r].includes(type));
}

/** §4: whether one-leg standing may be a first balance step (SINGLE_LEG_START_MIN_WALK_MINUTES). */
export const singleLegFirst = (answers: IntakeAnswers): boolean =>
  answers.ability.walkMinutes >= SINGLE_LEG_START_MIN_WALK_MINUTES && !answers.ability.osteoporosis;

export const isDeconditioned = (answers: IntakeAnswers): boolean =>
  answers.ability.walkMinutes < DECONDITIONED_WALK_MINUTES;

/**
 * §6 widespread pain: start with about 10 minutes a day, or what the person can already walk
 * comfortably when that is longer, growing with the weekly steps up to the chosen length.
 */
export function sessionBudget(answers: IntakeAnswers, level: number): number {
  if (!answers.pain.regions.includes('widespread')) return answers.schedule.minutes;
  const start = Math.max(WIDESPREAD_START_MINUTES, answers.ability.walkMinutes);
  return Math.min(answers.schedule.minutes, growMinutes(start, level, Infinity));
}

/**
 * §6 widespread pain: aerobic and mind-body first, strength only from this plan level on. When
 * another painful region or osteoporosis has a strength core of its own (§6), that core is not
 * put off: it starts at once, at the first rung and light effort like all first weeks.
 */
export function strengthFromLevel(answers: IntakeAnswers): number {
  const onlyWidespread = answers.pain.regions.every((r) => r === 'widespread') && !answers.ability.osteoporosis;
  return answers.pain.regions.includes('widespread') && onlyWidespread ? WIDESPREAD_STRENGTH_AFTER_WEEKS : 0;
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
  /** The plan level (weekly steps taken): widespread pain has no strength days below strengthFromLevel. Default 0. */
  level?: number;
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
    // §4: and on two feet, for those who walk little or have osteoporosis (one leg comes later).
    if (rung.cautions.includes('single-leg') && !singleLegFirst(answers)) continue;
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
  const liked: string[] = answers.likes.cardio.length > 0 ? [...answers.likes.cardio] : ['walking'];
  // §6 Goals: a walking goal is practised by walking (when the person can walk at all).
  if (goalPractices(answers).includes('walking') && answers.ability.walkMinutes > 0 && !liked.includes('walking')) {
    liked.unshift('walking');
  }
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

/** relaxation: the breathing practices, whatever mind-body the person likes. */
type PoolKind = 'cardio' | 'mind-body' | 'relaxation' | 'flexibility' | 'balance';
type Pools = (kind: PoolKind, region: Region | null) => Exercise[][];

/** Candidate tiers per kind and region, computed once per plan (the same ones recur on most days). */
function poolsFor(answers: IntakeAnswers, library: readonly Exercise[], byId: Library, limits: Limits): Pools {
  const memo = new Map<string, Exercise[][]>();
  return (kind, region) => {
    const key = `${kind}|${region ?? ''}`;
    let tiers = memo.get(key);
    if (!tiers) {
      tiers = poolFor(kind, region, answers, library, byId, limits);
      memo.set(key, tiers);
    }
    return tiers;
  };
}

function poolFor(kind: PoolKind, region: Region | null, answers: IntakeAnswers, library: readonly Exercise[], byId: Library, limits: Limits): Exercise[][] {
  switch (kind) {
    case 'cardio':
      return cardioCandidates(answers, library, byId, limits);
    case 'mind-body': {
      // Mind-body from likes; relaxed breathing when none are named.
      const styles = answers.likes.mindBody.length > 0 ? answers.likes.mindBody : ['breathing'];
      return candidateTiers('mind-body', regionsCalling(answers, 'mind-body')[0] ?? null, styles, answers, library, byId, limits);
    }
    case 'relaxation':
      return candidateTiers('mind-body', null, ['breathing'], answers, library, byId, limits);
    default:
      return candidateTiers(kind, region, null, answers, library, byId, limits);
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

/** Everything planning a day needs, built once per plan. */
interface PlanContext {
  answers: IntakeAnswers;
  pools: Pools;
  /** Eligible strength exercises at their starting rungs, none awkward for a painful region. */
  strength: Exercise[];
  ladderMuscles: (ex: Exercise) => readonly Purpose[];
  keys: CoreKey[];
  goals: GoalPractice[];
  budgetMinutes: number;
}

/** Strength for one day: which half of the body, and the muscles an adjacent day loads. */
interface StrengthDay {
  half: Half;
  forbidden: ReadonlySet<Purpose>;
  /** Index among the strength days, for variety. */
  index: number;
  /** Cores that go first on this day (ones the week would otherwise leave out). */
  lead: readonly CoreKey[];
}

/** A core trained whole by the day's strength work (§6). */
const wholeCore = (d: DayPlan, key: CoreKey): boolean => {
  const xs = d.items.filter((i) => i.required).map((i) => i.exercise);
  return coresTrained(xs, [key]).length > 0 && unmetNeeds(xs, key).length === 0;
};

/**
 * One day. In order of importance (§4, §6): stretching and, when called for, balance in every
 * session; for widespread pain, gentle aerobic work and mind-body from the first week (EULAR
 * 2016); on strength days the cores of the painful regions (and osteoporosis), whole, then the
 * goals' practice; then cardio, mind-body, more stretching and more strength as time allows.
 */
function planDay(ctx: PlanContext, weekday: Weekday, index: number, strengthDay: StrengthDay | null): DayPlan {
  const { answers, pools } = ctx;
  const budget = ctx.budgetMinutes * 60;
  const items: PlanItem[] = [];
  const chosen = new Set<string>();
  // Two clocks: the first doses (what must fit today) and the progressed ceilings (room kept so
  // the weekly steps keep fitting). Required items need only their first dose to fit; optional
  // items fit only within the room the ceilings leave.
  let usedStart = 0;
  let used = 0;
  const add = (exercise: Exercise, dose: Dose, required: boolean, reserve = ceilingSeconds(exercise, dose)) => {
    chosen.add(exercise.id);
    usedStart += estimateSeconds(dose, exercise);
    used += reserve;
    items.push({ exercise, dose, required, priority: items.length });
  };
  const rotate = <T>(xs: readonly T[], k: number): T[] => (xs.length === 0 ? [] : [...xs.slice(k % xs.length), ...xs.slice(0, k % xs.length)]);
  const pick = (kind: PoolKind, region: Region | null, required: boolean, k = index, share = 1, onlyWithinShare = false): boolean => {
    const tiers = pools(kind, region)
      .map((t) => t.filter((e) => !chosen.has(e.id)))
      .filter((t) => t.length > 0);
    // Optional items are left out rather than filled with something awkward for a painful region.
    const fitsTime = (e: Exercise) => used + ceilingSeconds(e, startDose(e)) <= budget && !isAwkward(e, answers);
    // A required item is never left out: the one that fits its share of the time left, if any.
    const fitsShare = (e: Exercise) => estimateSeconds(startDose(e), e) <= (budget - usedStart) * share;
    const shortest = () => {
      const all = tiers.flat().sort((a, b) => estimateSeconds(startDose(a), a) - estimateSeconds(startDose(b), b));
      return all.length > 0 ? [all[0]!] : undefined;
    };
    const tier = required
      ? (tiers.map((t) => t.filter(fitsShare)).find((t) => t.length > 0) ?? (onlyWithinShare ? undefined : shortest()))
      : tiers.map((t) => t.filter(fitsTime)).find((t) => t.length > 0);
    const ex = tier ? tier[k % tier.length] : undefined;
    if (!ex) return false;
    add(ex, startDose(ex), required);
    return true;
  };
  const cardio = (required: boolean, share = 1): void => {
    const tier = pools('cardio', null)
      .map((t) => t.filter((e) => !chosen.has(e.id)))
      .find((t) => t.length > 0);
    const ex = tier ? tier[index % tier.length] : undefined;
    const start = startCardioMinutes(answers);
    const cap = strengthDay ? Math.floor(ctx.budgetMinutes * CARDIO_SHARE_ON_STRENGTH_DAYS) : ctx.budgetMinutes;
    const room = Math.floor(((budget - (required ? usedStart : used)) * share - TRANSITION_SECONDS) / 60);
    // A required bout is never left out for want of room (§6 widespread pain: aerobic work from
    // the first week): at least a minute, which the weekly steps then grow.
    const minutes = required ? Math.max(1, Math.min(start, cap, room)) : Math.min(start, cap, room);
    if (!ex || minutes < (required ? 1 : Math.min(start, MIN_CARDIO_MINUTES))) return;
    add(ex, { minutes }, required, Math.max(minutes, Math.min(cardioReserveMinutes(start), cap, room)) * 60 + TRANSITION_SECONDS);
  };

  const flexRegions = rotate(regionsCalling(answers, 'flexibility'), index);
  pick('flexibility', flexRegions[0] ?? null, true);
  if (balanceCalledFor(answers)) {
    const region = answers.pain.regions.find((r) => BALANCE_REGIONS.includes(r)) ?? null;
    pick('balance', region, true);
  }
  const widespread = answers.pain.regions.includes('widespread');
  if (widespread) {
    // About a third of the time left each, so strength still fits (EULAR 2016: "then strength").
    // A liked practice too long for its share gives way to relaxed breathing, so the aerobic work
    // keeps its place in every session.
    if (!pick('mind-body', null, true, index, WIDESPREAD_SHARE, true) && !pick('relaxation', null, true, index, WIDESPREAD_SHARE)) {
      pick('mind-body', null, true, index, WIDESPREAD_SHARE);
    }
    // The aerobic work is the heart of these sessions: on a day without strength (the first
    // weeks of widespread pain alone, or a day between strength days) it takes the time left, up
    // to its first dose; on a strength day about a third, so the cores still fit (§6).
    cardio(true, strengthDay ? WIDESPREAD_SHARE : 1);
  }

  let strengthInput: StrengthDayInput | null = null;
  let strengthChosen: StrengthChoice[] = [];
  if (strengthDay) {
    strengthInput = {
      keys: [
        ...new Set([
          ...strengthDay.lead,
          ...ctx.keys.filter((k) => k === 'osteoporosis'),
          ...rotate(ctx.keys.filter((k) => k !== 'osteoporosis'), strengthDay.index),
        ]),
      ],
      half: strengthDay.half,
      forbidden: strengthDay.forbidden,
      candidates: ctx.strength.filter((e) => !chosen.has(e.id)),
      ladderMuscles: ctx.ladderMuscles,
      goals: rotate(ctx.goals, strengthDay.index),
      rotation: strengthDay.index,
      cost: (e) => estimateSeconds(startDose(e), e),
      room: budget - usedStart,
      wantGeneral: true,
    };
    strengthChosen = chooseStrength(strengthInput);
    for (const c of strengthChosen) add(c.exercise, startDose(c.exercise), true);
  }

  if (!widespread) cardio(false);
  const wantsMindBody = regionsCalling(answers, 'mind-body').length > 0 || answers.likes.mindBody.length > 0;
  if (wantsMindBody && !widespread) pick('mind-body', null, false);
  for (const region of flexRegions.slice(1, MAX_FLEXIBILITY_ITEMS)) pick('flexibility', region, false);
  if (strengthInput) {
    const room = MAX_STRENGTH_ITEMS - strengthChosen.length;
    for (const ex of strengthExtras({ ...strengthInput, candidates: ctx.strength.filter((e) => !chosen.has(e.id)) }, strengthChosen, room)) {
      const dose = startDose(ex);
      if (used + ceilingSeconds(ex, dose) <= budget) add(ex, dose, false);
    }
  }
  while (items.filter((i) => i.exercise.type === 'flexibility').length < MAX_FLEXIBILITY_ITEMS) {
    if (!pick('flexibility', null, false, index + items.length)) break;
  }
  return { weekday, strength: strengthDay !== null, items: sessionOrder(items) };
}

/** Two strength days a day apart (the week wraps round): they split the body (§4). */
export function strengthHalves(days: readonly Weekday[]): Map<Weekday, Half> {
  const sorted = sortedDays(days);
  const out = new Map<Weekday, Half>(sorted.map((d) => [d, 'all']));
  for (const d of sorted) {
    if (out.get(d) !== 'all') continue;
    const next = sorted.find((o) => o !== d && gap(d, o) === 1);
    const prev = sorted.find((o) => o !== d && gap(o, d) === 1);
    if (next && out.get(next) === 'all' && !prev) {
      out.set(d, 'lower');
      out.set(next, 'upper');
    } else if (prev && out.get(prev) !== 'all') {
      out.set(d, out.get(prev) === 'lower' ? 'upper' : 'lower');
    }
  }
  // A ring of adjacent days (every day of the week a strength day) never happens: pickStrengthDays
  // spaces them once there are 3 or more. Two adjacent days are the case this handles.
  return out;
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
  const strengthDays = (options.level ?? 0) < strengthFromLevel(answers) ? [] : pickStrengthDays(days);
  const halves = strengthHalves(strengthDays);
  const pools = poolsFor(answers, library, byId, limits);
  const ladderMemo = new Map<string, readonly Purpose[]>();
  const ladderMuscles = (ex: Exercise): readonly Purpose[] => {
    let muscles = ladderMemo.get(ex.id);
    if (!muscles) {
      const set = new Set(musclesOf(ex));
      const seen = new Set([ex.id]);
      for (let e = ex.harder ? byId.get(ex.harder) : undefined; e && !seen.has(e.id) && fits(e, limits); e = e.harder ? byId.get(e.harder) : undefined) {
        seen.add(e.id);
        for (const m of musclesOf(e)) set.add(m);
      }
      muscles = [...set];
      ladderMemo.set(ex.id, muscles);
    }
    return muscles;
  };
  const goals = goalPractices(answers);
  const ctx: PlanContext = {
    answers,
    pools,
    strength: candidatesFor('strength', null, null, answers, library, byId, limits).filter(
      // §6 Goals: floor-transfer practice is there for a goal of getting up from the floor, never
      // as any thigh or hip work (physiotherapist's review: it was given to people who never asked).
      (e) => !isAwkward(e, answers) && (goals.includes('floor-transfer') || !e.trains.includes('floor-transfer')),
    ),
    ladderMuscles,
    keys: coreKeys(answers),
    goals,
    budgetMinutes,
  };
  const planWeek = (lead: ReadonlyMap<Weekday, readonly CoreKey[]>): DayPlan[] => {
    const planned: DayPlan[] = [];
    days.forEach((weekday, index) => {
      const half = halves.get(weekday);
      let strengthDay: StrengthDay | null = null;
      if (half !== undefined) {
        // Muscles already loaded by an adjacent strength day (planned earlier; the week wraps round).
        const forbidden = new Set<Purpose>();
        for (const other of planned) {
          if (other.strength && (gap(other.weekday, weekday) === 1 || gap(weekday, other.weekday) === 1)) {
            for (const i of other.items) if (i.exercise.type === 'strength') for (const m of ladderMuscles(i.exercise)) forbidden.add(m);
          }
        }
        strengthDay = { half, forbidden, index: strengthDays.indexOf(weekday), lead: lead.get(weekday) ?? [] };
      }
      planned.push(planDay(ctx, weekday, index, strengthDay));
    });
    return planned;
  };
  let planned = planWeek(new Map());
  // §6 each core is trained, whole, at least once a week: a core that never fitted (osteoporosis
  // and another region took the room of a short session) leads on a strength day of its own,
  // the last ones first (physiotherapist's review: neck pain got no shoulder-blade work at all).
  const left = ctx.keys.filter((k) => !planned.some((d) => d.strength && wholeCore(d, k)));
  if (left.length > 0 && strengthDays.length > 0) {
    const lead = new Map<Weekday, CoreKey[]>();
    left.forEach((k, i) => {
      const day = strengthDays[strengthDays.length - 1 - (i % strengthDays.length)]!;
      lead.set(day, [...(lead.get(day) ?? []), k]);
    });
    const again = planWeek(lead);
    const gained = (p: DayPlan[]) => ctx.keys.filter((k) => p.some((d) => d.strength && wholeCore(d, k))).length;
    if (gained(again) > gained(planned)) planned = again;
  }
  return { budgetMinutes, days: planned };
}
