// Dosing over time (clinical-rules.md §3 pain monitoring, §4 progression, §5 the way back from a
// flare). Nothing here is stored: the dose level for a date is replayed from the facts (check-ins
// and completions) from the intake date on, so `--date` previews and backfills are exact.
//
// A "level" counts weekly steps: level 0 is the starting dose, each step adds about 10 %.
import { addDays, daysBetween, type IsoDate } from './dates';
import type { Dose, Exercise } from './exercise';
import type { Checkin, Completion, FlareFact } from './facts';
import { type FlareDay, flareTimeline, groupByDate } from './flare';
import {
  fits,
  growMinutes,
  type Library,
  type Limits,
  minutesCeiling,
  startDose,
} from './plan';
import {
  ADHERENCE_TO_PROGRESS,
  FLARE_SETTLED_MARGIN,
  HOLD_SECONDS_MAX,
  HOLD_SECONDS_MIN,
  MAX_PAIN_DURING_EXERCISE,
  MAX_REPS,
  START_REPS_MIN,
  WEEKLY_PROGRESSION,
} from './rules';

/** A session counts as done when at least this share of its exercises was marked done. DEFAULT */
export const SESSION_DONE_FRACTION = 0.5;
/**
 * Next-morning rule (§3): the first check-in the day after a session may be at most this many
 * points above the usual level. DEFAULT: the same margin §5 uses for "settled".
 */
export const NEXT_MORNING_MARGIN = FLARE_SETTLED_MARGIN;
/** Morning pain "climbing week on week": the week's mean first check-in rose by this much. DEFAULT */
export const MORNING_CLIMB_POINTS = 1;
/** ...counted only when the week has at least this many mornings checked in. DEFAULT */
export const MORNING_CLIMB_MIN_CHECKINS = 3;

// ---------------------------------------------------------------------------------------------
// Weeks of the plan

/** 1-based week of the plan; the plan starts on the intake date. */
export function weekOf(intakeDate: IsoDate, date: IsoDate): number {
  return Math.floor(daysBetween(intakeDate, date) / 7) + 1;
}
export const weekStart = (intakeDate: IsoDate, week: number): IsoDate => addDays(intakeDate, (week - 1) * 7);

// ---------------------------------------------------------------------------------------------
// One dose, stepped

export interface Dosed {
  exercise: Exercise;
  dose: Dose;
  /** Every rung this item has been on, starting rung first (swaps match any of them). */
  rungs: string[];
}

export interface StepContext {
  byId: Library;
  limits: Limits;
  /** False for swapped-in exercises: the user chose that exact exercise, so it keeps its rung. */
  allowRungs: boolean;
}

const upTenPercent = (n: number): number => Math.max(n + 1, Math.round(n * (1 + WEEKLY_PROGRESSION)));

/**
 * One weekly step (§4): time +10 % (at least a minute), reps +10 % up to MAX_REPS, holds up to 30 s;
 * at the top, one rung up the ladder at the lower count, only if that rung fits the person.
 */
export function stepUp(item: Dosed, ctx: StepContext): Dosed {
  const { exercise, dose } = item;
  if ('minutes' in dose) {
    return { ...item, dose: { minutes: growMinutes(dose.minutes, 1, minutesCeiling(exercise)) } };
  }
  if ('holdSeconds' in dose && dose.holdSeconds < HOLD_SECONDS_MAX) {
    return { ...item, dose: { ...dose, holdSeconds: Math.min(HOLD_SECONDS_MAX, upTenPercent(dose.holdSeconds)) } };
  }
  if ('reps' in dose && dose.reps < MAX_REPS) {
    return { ...item, dose: { ...dose, reps: Math.min(MAX_REPS, upTenPercent(dose.reps)) } };
  }
  // §4 balance (Otago; Sherrington 2019): an exercise that trains balance moves to a less-supported
  // rung only when the person said it felt steady or easy, never by count.
  if (exercise.support !== null) return item;
  const harder = exercise.harder === null ? undefined : ctx.byId.get(exercise.harder);
  if (!ctx.allowRungs || !harder || !fits(harder, ctx.limits)) return item; // at the top: hold
  const fresh = startDose(harder);
  const sets = 'sets' in dose ? dose.sets : 1;
  const next: Dose =
    'reps' in fresh
      ? { sets, reps: START_REPS_MIN }
      : 'holdSeconds' in fresh
        ? { sets, holdSeconds: HOLD_SECONDS_MIN }
        : fresh;
  return { exercise: harder, dose: next, rungs: [...item.rungs, harder.id] };
}

/** The dose `level` steps above the start. Levels only change by whole steps, so replay them. */
export function doseAtLevel(exercise: Exercise, start: Dose, level: number, ctx: StepContext): Dosed {
  let item: Dosed = { exercise, dose: start, rungs: [exercise.id] };
  for (let i = 0; i < level; i++) item = stepUp(item, ctx);
  return item;
}

// ---------------------------------------------------------------------------------------------
// §3 pain-monitoring rules

export type RuleBreak =
  /** Pain during exercise above 5/10. */
  | { rule: 'during'; date: IsoDate; during: number }
  /** The morning after a session, pain had not settled back to the usual level. */
  | { rule: 'next-morning'; date: IsoDate; pain: number; usual: number }
  /** The week's mean morning pain rose on the week before. */
  | { rule: 'morning-climb'; date: IsoDate; mean: number; previous: number };

export const duringBroken = (during: number | null): boolean => during !== null && during > MAX_PAIN_DURING_EXERCISE;
export const nextMorningBroken = (pain: number, usual: number): boolean => pain > usual + NEXT_MORNING_MARGIN;

/** Mean of the first check-in of each day (the "morning" check-in); null when too few. */
export function morningMean(firstOfDay: readonly number[]): number | null {
  if (firstOfDay.length < MORNING_CLIMB_MIN_CHECKINS) return null;
  return firstOfDay.reduce((a, b) => a + b, 0) / firstOfDay.length;
}

export const morningClimbBroken = (mean: number | null, previous: number): boolean =>
  mean !== null && mean >= previous + MORNING_CLIMB_POINTS;

/** DEFAULT: a session is done when at least half of its planned exercises were marked done. */
export function sessionDone(doneCount: number, plannedCount: number): boolean {
  return plannedCount > 0 && doneCount >= Math.ceil(plannedCount * SESSION_DONE_FRACTION);
}

// ---------------------------------------------------------------------------------------------
// The weekly decision (§4: time-contingent; §5: no progression in a flare; §1b: paused)

export type WeekChange = 'up' | 'hold' | 'down';
export type WeekReason = 'earned' | 'rule' | 'flare' | 'adherence' | 'paused';

export interface WeekFacts {
  planned: number;
  done: number;
  breaks: readonly RuleBreak[];
  flare: boolean;
  paused: boolean;
}

/**
 * A step is earned only after a week with ≥ 2/3 of planned sessions done, no pain-monitoring rule
 * broken and no flare. A broken rule steps back one; anything else holds.
 */
export function decideWeek(w: WeekFacts): { change: WeekChange; reason: WeekReason } {
  if (w.flare) return { change: 'hold', reason: 'flare' };
  if (w.breaks.length > 0) return { change: 'down', reason: 'rule' };
  if (w.planned === 0 || w.done / w.planned < ADHERENCE_TO_PROGRESS) return { change: 'hold', reason: 'adherence' };
  if (w.paused) return { change: 'hold', reason: 'paused' };
  return { change: 'up', reason: 'earned' };
}

export interface WeekReview extends WeekFacts {
  week: number;
  start: IsoDate;
  change: WeekChange;
  reason: WeekReason;
  /** The level the week was done at. */
  level: number;
}

// ---------------------------------------------------------------------------------------------
// Replaying the plan

export interface ProgressionInput {
  intakeDate: IsoDate;
  intakeAverage: number;
  checkins: readonly Checkin[];
  completions: readonly Completion[];
  /** "I'm flaring" / "it has settled" (painfit flare). */
  flares?: readonly FlareFact[];
  /** Non-urgent red flags (screening.progressionPaused): no step up, note why. */
  paused: boolean;
  /** How many exercises the usual session on `date` has at `level` (0 on days off). */
  plannedCount: (date: IsoDate, level: number) => number;
}

export interface DayProgress {
  date: IsoDate;
  week: number;
  /** The dose level in force today. */
  level: number;
  /** The level set at the start of this plan week. */
  weekLevel: number;
  /** How last week went (null in week 1). */
  review: WeekReview | null;
  /** A broken rule earlier this week that lowered today's doses by one step. */
  stepBack: RuleBreak | null;
  /** A flare ended this week: doses went back to the last level managed comfortably. */
  resumed: { ended: IsoDate; level: number } | null;
  flare: FlareDay;
  /** Completed plan weeks that were tolerated (stepped up, or held only by a pause): the §4 effort ladder reads it. */
  toleratedWeeks: number;
}

/**
 * Replays the plan from the intake date to `until`, one entry per day. Levels change at the start
 * of each plan week (time-contingent); within a week a broken rule lowers the doses one step from
 * the next session; a flare freezes the level and, on leaving it, doses go back to the level of the
 * last week completed cleanly (the last tolerated dose, not the pre-flare increment).
 */
export function progressionTimeline(input: ProgressionInput, until: IsoDate): DayProgress[] {
  const flares = flareTimeline(input.checkins, input.intakeDate, until, input.intakeAverage, input.flares);
  const byDate = groupByDate(input.checkins.filter((c) => c.date >= input.intakeDate && c.date <= until));
  const doneByDate = new Map<IsoDate, Set<string>>();
  for (const c of input.completions) {
    if (!c.done) continue;
    const set = doneByDate.get(c.date) ?? new Set<string>();
    set.add(c.exerciseId);
    doneByDate.set(c.date, set);
  }
  const doneCount = (d: IsoDate) => doneByDate.get(d)?.size ?? 0;

  const out: DayProgress[] = [];
  let weekLevel = 0;
  let level = 0;
  let lastCleanLevel = 0;
  let toleratedAtFlare = 0;
  let review: WeekReview | null = null;
  let stepBack: RuleBreak | null = null;
  let resumed: DayProgress['resumed'] = null;
  let weekBreaks: RuleBreak[] = [];
  let previousMorningMean = input.intakeAverage;
  let mornings: number[] = [];
  let planned = 0;
  let done = 0;
  let flareInWeek = false;
  let toleratedWeeks = 0;

  flares.forEach((f, i) => {
    const date = f.date;
    const week = weekOf(input.intakeDate, date);
    if (i > 0 && i % 7 === 0) {
      // Review the week just finished. §3: morning pain should not climb week on week.
      const mean = morningMean(mornings);
      const breaks = [...weekBreaks];
      if (morningClimbBroken(mean, previousMorningMean) && mean !== null) {
        breaks.push({ rule: 'morning-climb', date: addDays(date, -1), mean, previous: previousMorningMean });
      }
      if (mean !== null) previousMorningMean = mean;
      const facts: WeekFacts = { planned, done, breaks, flare: flareInWeek, paused: input.paused };
      const decision = decideWeek(facts);
      review = { ...facts, ...decision, week: week - 1, start: weekStart(input.intakeDate, week - 1), level };
      // A clean week (enough sessions, rules kept, no flare) marks its level as tolerated (§5).
      if (decision.change === 'up' || decision.reason === 'paused') {
        lastCleanLevel = level;
        toleratedWeeks += 1;
      }
      weekLevel = Math.max(0, level + (decision.change === 'up' ? 1 : decision.change === 'down' ? -1 : 0));
      level = weekLevel;
      stepBack = null;
      resumed = null;
      weekBreaks = [];
      mornings = [];
      planned = 0;
      done = 0;
      flareInWeek = false;
    }

    const dayCheckins = byDate.get(date) ?? [];
    const first = dayCheckins[0];
    if (first) mornings.push(first.pain);

    if (f.flareDay) {
      flareInWeek = true;
      if (!flares[i - 1]?.active) toleratedAtFlare = Math.min(lastCleanLevel, level); // the flare starts today
    } else {
      // §3 rules, on ordinary days (a flare day is handled by the flare rules instead).
      const yesterdayDone = i > 0 && doneCount(addDays(date, -1)) > 0;
      if (first && yesterdayDone && nextMorningBroken(first.pain, f.reference)) {
        const b: RuleBreak = { rule: 'next-morning', date, pain: first.pain, usual: f.reference };
        weekBreaks.push(b);
        stepBack ??= b; // effective today: this morning's check-in comes before today's session
      }
    }
    if (f.ended) {
      level = toleratedAtFlare;
      stepBack = null;
      resumed = { ended: date, level };
    }

    const dayLevel = stepBack ? Math.max(0, level - 1) : level;
    const count = input.plannedCount(date, dayLevel);
    if (count > 0) {
      planned += 1;
      if (sessionDone(doneCount(date), count)) done += 1;
    }
    out.push({ date, week, level: dayLevel, weekLevel, review, stepBack, resumed, flare: f, toleratedWeeks });

    // Pain during today's session lowers the doses from the next session on.
    if (!f.flareDay) {
      const worst = dayCheckins.find((c) => duringBroken(c.during));
      if (worst && worst.during !== null) {
        const b: RuleBreak = { rule: 'during', date, during: worst.during };
        weekBreaks.push(b);
        stepBack ??= b;
      }
    }
  });
  return out;
}
