// Dosing over time (clinical-rules.md §3 pain monitoring, §4 progression, §5 flares). Nothing here
// is stored: the level for a date is folded from the facts (check-ins, completions, feedback, walks
// and "I'm flaring"), week by week from the intake, so `--date` previews and backfills are exact.
// A cache of weekly states may hold the fold's results; it is disposable, never the truth.
//
// A "level" counts weekly steps: level 0 is the starting dose; each step is the next §4 increment
// (more reps, then a set, then the next rung; longer holds; more minutes, then a brisker pace).
import { addDays, compareText, daysBetween, type IsoDate, weekdayOf } from './dates';
import type { Dose, Exercise } from './exercise';
import type { Checkin, Completion, Feedback, FeedbackAnswer, FlareFact, Walk } from './facts';
import { byCheckinOrder, type FlareCarry, type FlareDay, NO_FLARE, referenceFromPains, stepFlareDay } from './flare';
import { fits, growMinutes, type Library, type Limits, minutesCeiling, startDose } from './plan';
import {
  ADHERENCE_TO_PROGRESS,
  BREAK_DAYS,
  BRISK_AFTER_WEEKS_AT_GOAL,
  START_EFFORT,
  MODERATE_EFFORT,
  FLARE_REFERENCE_DAYS,
  FLARE_SETTLED_MARGIN,
  HOLD_SECONDS_MAX,
  HOLD_SECONDS_MIN,
  HOLD_STEP_SECONDS,
  MAX_PAIN_DURING_EXERCISE,
  MAX_REPS,
  MAX_SETS,
  REPS_BEFORE_NEXT_SET,
  SETS_ON_NEW_RUNG,
  START_REPS_MIN,
  WEEKLY_PROGRESSION,
} from './rules';
import type { Weekday } from './vocab';

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
/** Holds grow to the next whole HOLD_STEP_SECONDS (15 → 20 → 25 → 30). */
const nextHold = (s: number): number => Math.min(HOLD_SECONDS_MAX, (Math.floor(s / HOLD_STEP_SECONDS) + 1) * HOLD_STEP_SECONDS);

/** The next rung up the ladder, if it fits the person, at the start of its range with `sets` sets. */
function nextRung(item: Dosed, ctx: StepContext, sets: number): Dosed | null {
  const { exercise } = item;
  const harder = exercise.harder === null ? undefined : ctx.byId.get(exercise.harder);
  if (!ctx.allowRungs || !harder || !fits(harder, ctx.limits)) return null;
  const fresh = startDose(harder);
  const dose: Dose = 'reps' in fresh ? { sets, reps: START_REPS_MIN } : 'holdSeconds' in fresh ? { sets, holdSeconds: HOLD_SECONDS_MIN } : fresh;
  return { exercise: harder, dose, rungs: [...item.rungs, harder.id] };
}

/**
 * One weekly step (§4). Strength: reps about +10 % up to 12, then a set more (1 → 2 → 3) starting
 * again at 8 reps, then reps to 15, then the next rung at 2 sets of 8 (ACSM; OARSI; Bennell 2013).
 * Other repetitions: up to 15, then the next rung. Holds: 5 s more up to 30 s, then the next rung.
 * Timed work: about +10 % a week (cardio without limit here: the session and the walking track
 * cap it); timed mind-body up to its library minutes, then the next form. At the top: hold.
 */
export function stepUp(item: Dosed, ctx: StepContext): Dosed {
  const { exercise, dose } = item;
  if ('minutes' in dose) {
    const ceiling = minutesCeiling(exercise);
    if (dose.minutes < ceiling) return { ...item, dose: { minutes: growMinutes(dose.minutes, 1, ceiling) } };
    return nextRung(item, ctx, 1) ?? item;
  }
  if ('holdSeconds' in dose) {
    if (dose.holdSeconds < HOLD_SECONDS_MAX) return { ...item, dose: { ...dose, holdSeconds: nextHold(dose.holdSeconds) } };
    return nextRung(item, ctx, dose.sets) ?? item;
  }
  if (exercise.type === 'strength') {
    if (dose.sets < MAX_SETS && dose.reps < REPS_BEFORE_NEXT_SET) {
      return { ...item, dose: { ...dose, reps: Math.min(REPS_BEFORE_NEXT_SET, upTenPercent(dose.reps)) } };
    }
    if (dose.sets < MAX_SETS) return { ...item, dose: { sets: dose.sets + 1, reps: START_REPS_MIN } };
    if (dose.reps < MAX_REPS) return { ...item, dose: { ...dose, reps: Math.min(MAX_REPS, upTenPercent(dose.reps)) } };
    return nextRung(item, ctx, SETS_ON_NEW_RUNG) ?? item;
  }
  if (dose.reps < MAX_REPS) return { ...item, dose: { ...dose, reps: Math.min(MAX_REPS, upTenPercent(dose.reps)) } };
  return nextRung(item, ctx, dose.sets) ?? item;
}

/** The dose `level` steps above the start. Levels only change by whole steps, so replay them. */
export function doseAtLevel(exercise: Exercise, start: Dose, level: number, ctx: StepContext): Dosed {
  let item: Dosed = { exercise, dose: start, rungs: [exercise.id] };
  for (let i = 0; i < level; i++) {
    const next = stepUp(item, ctx);
    if (next === item) break; // at the top
    item = next;
  }
  return item;
}

/** "It hurt" twice in a row (§4): the same dose on the easier rung, `rungs` times, where one fits. */
export function easierRungs(item: Dosed, rungs: number, ctx: StepContext): Dosed {
  let out = item;
  for (let i = 0; i < rungs; i++) {
    const easier = out.exercise.easier === null ? undefined : ctx.byId.get(out.exercise.easier);
    if (!easier || !fits(easier, ctx.limits) || easier.type !== out.exercise.type) break;
    const own = startDose(easier);
    const dose: Dose = doseKindOf(own) === doseKindOf(out.dose) ? out.dose : own;
    out = { exercise: easier, dose, rungs: [...out.rungs, easier.id] };
  }
  return out;
}

const doseKindOf = (d: Dose): string => ('minutes' in d ? 'minutes' : 'holdSeconds' in d ? 'hold' : 'reps');

/** The ladder key of an exercise: its easiest rung's id (per-exercise progress lives under it). */
export function ladderKey(id: string, byId: Library): string {
  let current = byId.get(id);
  if (!current) return id;
  const seen = new Set([current.id]);
  while (current.easier !== null) {
    const easier = byId.get(current.easier);
    if (!easier || seen.has(easier.id)) break;
    seen.add(easier.id);
    current = easier;
  }
  return current.id;
}

// ---------------------------------------------------------------------------------------------
// §4 effort targets (Borg CR10)

/**
 * Cardio and the walking track (ACSM: duration before intensity): easy (2) until the minutes have
 * been at their goal for two tolerated weeks, then brisk (3, moderate in WHO terms).
 */
export function cardioEffort(startMinutes: number, level: number, goalMinutes: number): number {
  if (level < BRISK_AFTER_WEEKS_AT_GOAL) return START_EFFORT;
  return growMinutes(startMinutes, level - BRISK_AFTER_WEEKS_AT_GOAL, Infinity) >= goalMinutes ? MODERATE_EFFORT : START_EFFORT;
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
// The weekly review: one pure fold over plan weeks (clinical-rules §3, §4, §5).
//
// state (the start of plan week N) + that week's facts → the state for week N + 1, with the
// decision and its reasons. `today`, `plan`, the report and the HTML report all read this fold;
// nothing else decides a dose level. Within a week the same replay gives each day's level (a
// broken rule, a flare, a return after a break, or an exercise that hurt act from the next day).

/** How a person's exercise is doing: kept per ladder (its easiest rung's id), so swaps and settings keep it. */
export interface ExerciseProgress {
  /** Steps above (or below) the plan's level for this exercise; for balance work, its own level. */
  offset: number;
  /** Rungs below the one its level gives ("it hurt" twice in a row). */
  rungsDown: number;
  /** The last two feedback answers, oldest first. */
  recent: FeedbackAnswer[];
}

export type WeekChange = 'up' | 'hold' | 'down';
/**
 * Why: earned (a good week), rule (a §3 rule broken), flare (§5), adherence (< 2/3 of sessions),
 * paused (a non-urgent warning sign), break (back after ≥ 7 days away), top (nothing left to grow
 * in this schedule: the plan stays, see the targets).
 */
export const WEEK_REASONS = ['earned', 'rule', 'flare', 'adherence', 'paused', 'break', 'top'] as const;
export type WeekReason = (typeof WEEK_REASONS)[number];

export interface WeekDecision {
  /** The plan week reviewed, and its first day. */
  week: number;
  start: IsoDate;
  planned: number;
  done: number;
  breaks: RuleBreak[];
  flare: boolean;
  paused: boolean;
  /** Weeks away before the person came back this week (0: no break). */
  breakWeeks: number;
  /** A flare ended this week and doses went back to the last tolerated level. */
  resumed: { ended: IsoDate; level: number } | null;
  /** The plan level at the start of the reviewed week, and the level for the next week. */
  from: number;
  to: number;
  /** What the doses show: up or down only when a dose differs between the two levels. */
  change: WeekChange;
  reason: WeekReason;
  /** Per-exercise feedback acted on at this review (ladder keys). */
  feedback: { held: string[]; raised: string[] };
}

export interface WindowDay {
  date: IsoDate;
  pains: number[];
  flareDay: boolean;
}

/** Everything carried from one plan week to the next. Plain data (JSON), so it can be cached. */
export interface ProgressState {
  week: number;
  start: IsoDate;
  /** The plan's level: weekly steps taken (0 = the starting doses). */
  level: number;
  /** The level of the last week done cleanly: where a flare returns to (§5). */
  lastCleanLevel: number;
  exercises: Record<string, ExerciseProgress>;
  /** Days with check-ins in the 7 days before `start` (the §5 reference level), oldest first. */
  window: WindowDay[];
  flare: FlareCarry & { toleratedLevel: number };
  /** Mean first check-in of the last week that had enough of them (§3 morning pain). */
  morningMean: number;
  /** The last day with a check-in, a session or a walk (the intake day to begin with). */
  lastActive: IsoDate;
  /** The last day with an exercise done (§3 next-morning rule). */
  lastSession: IsoDate | null;
  /** How the week before was reviewed (null in week 1). */
  decision: WeekDecision | null;
}

export interface FoldConfig {
  intakeDate: IsoDate;
  intakeAverage: number;
  /** The days sessions are planned on. */
  days: readonly Weekday[];
  /** The days planned in the week of `date`, when `painfit settings` changed them (else `days`). */
  daysOn?: (date: IsoDate) => readonly Weekday[];
  /** A non-urgent warning sign (§1b): no step up. */
  paused: boolean;
  /** Days logged as unwell (§1a): no session, so not counted against the week's adherence. */
  unwellDates?: readonly IsoDate[];
  /** The ladder key of an exercise id, and whether it is balance work (progressed only on "easy"). */
  exerciseKey(id: string): { key: string; balance: boolean };
  /**
   * Whether the plan's doses at level `to` differ from those at `from` (sessions and walking
   * track, as numbers): a decision is "up" or "down" only when the doses show it.
   */
  differs(from: number, to: number): boolean;
}

/**
 * How far ahead a step up may show: cardio turns brisk two tolerated weeks after its minutes
 * reach their goal, so up to BRISK_AFTER_WEEKS_AT_GOAL steps may pass with the same numbers.
 */
export const RISE_LOOKAHEAD = BRISK_AFTER_WEEKS_AT_GOAL + 1;

/** Whether anything in the plan still grows above `level` (within RISE_LOOKAHEAD steps). */
export function canRise(cfg: Pick<FoldConfig, 'differs'>, level: number): boolean {
  for (let k = 1; k <= RISE_LOOKAHEAD; k++) if (cfg.differs(level, level + k)) return true;
  return false;
}

/** The facts the fold reads. Only those dated from the state's start on are looked at. */
export interface FoldFacts {
  checkins: readonly Checkin[];
  completions: readonly Completion[];
  feedback?: readonly Feedback[];
  walks?: readonly Walk[];
  flares?: readonly FlareFact[];
}

interface DayRecord {
  checkins: Checkin[];
  /** Completion rows recorded that day, and how many were done. */
  rows: number;
  done: number;
  feedback: Feedback[];
  walkMinutes: number;
  said: ('start' | 'end')[];
}

export type FactIndex = ReadonlyMap<IsoDate, DayRecord>;

export function indexFacts(f: FoldFacts): FactIndex {
  const out = new Map<IsoDate, DayRecord>();
  const at = (date: IsoDate): DayRecord => {
    let r = out.get(date);
    if (!r) {
      r = { checkins: [], rows: 0, done: 0, feedback: [], walkMinutes: 0, said: [] };
      out.set(date, r);
    }
    return r;
  };
  for (const c of [...f.checkins].sort(byCheckinOrder)) at(c.date).checkins.push(c);
  for (const c of f.completions) {
    const r = at(c.date);
    r.rows += 1;
    if (c.done) r.done += 1;
  }
  for (const fb of [...(f.feedback ?? [])].sort((a, b) => compareText(a.recordedAt, b.recordedAt))) at(fb.date).feedback.push(fb);
  for (const w of f.walks ?? []) at(w.date).walkMinutes += w.minutes;
  for (const fl of [...(f.flares ?? [])].sort((a, b) => compareText(a.recordedAt, b.recordedAt))) at(fl.date).said.push(fl.kind);
  return out;
}

/**
 * "Session done", defined once: a planned day whose recorded exercises are at least half done.
 * `painfit log` records every exercise of the day (done or not) for --done all/none and the
 * questions, so the rows are the day's planned count; with --done id,id only the done ones are
 * recorded, and such a day counts as done.
 */
export const daySessionDone = (r: Pick<DayRecord, 'rows' | 'done'> | undefined): boolean => r !== undefined && sessionDone(r.done, r.rows);

export interface DayProgress {
  date: IsoDate;
  week: number;
  /** The plan level in force today (after a step back, a flare's end or a break). */
  level: number;
  /** The level set at the start of this plan week. */
  weekLevel: number;
  /** How last week was reviewed (null in week 1). */
  decision: WeekDecision | null;
  /** A broken rule earlier this week that lowered today's doses by one step. */
  stepBack: RuleBreak | null;
  /** A flare ended this week: doses went back to the last level managed comfortably. */
  resumed: { ended: IsoDate; level: number } | null;
  /** Back after this many weeks away: doses are this many steps lower (0: no break). */
  breakWeeks: number;
  /** Per-exercise progress in force today. */
  exercises: Readonly<Record<string, ExerciseProgress>>;
  flare: FlareDay;
}

export function initialState(cfg: Pick<FoldConfig, 'intakeDate' | 'intakeAverage'>): ProgressState {
  return {
    week: 1,
    start: cfg.intakeDate,
    level: 0,
    lastCleanLevel: 0,
    exercises: {},
    window: [],
    flare: { ...NO_FLARE, toleratedLevel: 0 },
    morningMean: cfg.intakeAverage,
    lastActive: cfg.intakeDate,
    lastSession: null,
    decision: null,
  };
}

/** The decision a week's facts earn, before levels (§4 weekly review; §5 no progression in a flare). */
export function decideWeek(w: {
  planned: number;
  done: number;
  breaks: readonly RuleBreak[];
  flare: boolean;
  paused: boolean;
  breakWeeks?: number;
  canRise?: boolean;
}): { step: -1 | 0 | 1; reason: WeekReason } {
  if (w.flare) return { step: 0, reason: 'flare' };
  if (w.breaks.length > 0) return { step: -1, reason: 'rule' };
  if ((w.breakWeeks ?? 0) > 0) return { step: 0, reason: 'break' };
  if (w.planned === 0 || w.done / w.planned < ADHERENCE_TO_PROGRESS) return { step: 0, reason: 'adherence' };
  if (w.paused) return { step: 0, reason: 'paused' };
  if (w.canRise === false) return { step: 0, reason: 'top' };
  return { step: 1, reason: 'earned' };
}

const touch = (xs: Record<string, ExerciseProgress>, key: string): ExerciseProgress => {
  const p = xs[key] ? { ...xs[key]!, recent: [...xs[key]!.recent] } : { offset: 0, rungsDown: 0, recent: [] };
  xs[key] = p;
  return p;
};

/** §4 "it hurt": that exercise one step back next time; twice in a row, the easier rung instead. */
function applyHurt(p: ExerciseProgress): void {
  if (p.recent.at(-1) === 'hurt') {
    p.rungsDown += 1;
    p.offset += 1; // the easier rung replaces the step back
  } else p.offset -= 1;
}

/**
 * Replays one plan week from `state`, day by day up to `until` (inclusive; the whole week when
 * null). When the whole week was replayed, `next` is the state for the week after, with the
 * review's decision.
 */
export function replayWeek(
  cfg: FoldConfig,
  state: ProgressState,
  facts: FactIndex,
  until: IsoDate | null,
  opts: PreviewOptions = {},
  collect = true,
): { days: DayProgress[]; next: ProgressState | null } {
  const days: DayProgress[] = [];
  const exercises: Record<string, ExerciseProgress> = { ...state.exercises };
  const weekFeedback = new Map<string, FeedbackAnswer[]>();
  let window = state.window;
  let carry: FlareCarry = state.flare;
  let toleratedLevel = state.flare.toleratedLevel;
  let level = state.level;
  let { lastActive, lastSession } = state;
  let stepBack: RuleBreak | null = null;
  let resumed: DayProgress['resumed'] = null;
  const breaks: RuleBreak[] = [];
  const mornings: number[] = [];
  let planned = 0;
  let done = 0;
  let flareInWeek = false;
  let breakWeeks = 0;

  for (let k = 0; k < 7; k++) {
    const date = addDays(state.start, k);
    if (until !== null && date > until) return { days, next: null };
    const rec = facts.get(date);
    const since = addDays(date, -FLARE_REFERENCE_DAYS);
    window = window.filter((w) => w.date >= since);
    const ref = referenceFromPains(window.flatMap((w) => (w.flareDay ? [] : w.pains)), cfg.intakeAverage);

    // §4 after a break: one step lower per missed week, from the day the person comes back.
    const missed = daysBetween(lastActive, date) - 1;
    const away = missed >= BREAK_DAYS ? Math.floor(missed / 7) : 0;
    const assumed = opts.assumeActiveFrom !== undefined && date >= opts.assumeActiveFrom;
    const active = assumed || (rec !== undefined && (rec.checkins.length > 0 || rec.done > 0 || rec.walkMinutes > 0));
    if (away > 0 && active) {
      level = Math.max(0, level - away);
      breakWeeks = Math.max(breakWeeks, away);
      stepBack = null;
    }

    const step = stepFlareDay(carry, date, rec?.checkins ?? [], ref, rec?.said ?? []);
    if (step.day.active && !carry.active) toleratedLevel = Math.min(state.lastCleanLevel, level); // a flare starts today
    carry = step.carry;
    const first = rec?.checkins[0];
    if (first) mornings.push(first.pain);
    if (step.day.flareDay) flareInWeek = true;
    else if (first && lastSession === addDays(date, -1) && nextMorningBroken(first.pain, ref.level)) {
      const b: RuleBreak = { rule: 'next-morning', date, pain: first.pain, usual: ref.level };
      breaks.push(b);
      stepBack ??= b; // effective today: this morning's check-in comes before today's session
    }
    if (step.day.ended) {
      level = Math.min(level, toleratedLevel);
      stepBack = null;
      resumed = { ended: date, level };
    }

    const previewBreak = away > 0 && !active ? away : 0;
    const dayLevel = Math.max(0, level - previewBreak - (stepBack ? 1 : 0));
    if (collect) days.push({
      date,
      week: state.week,
      level: dayLevel,
      weekLevel: state.level,
      decision: state.decision,
      stepBack,
      resumed,
      breakWeeks: previewBreak || (active ? away : 0),
      exercises: { ...exercises },
      flare: step.day,
    });

    if ((cfg.daysOn?.(date) ?? cfg.days).includes(weekdayOf(date)) && !cfg.unwellDates?.includes(date)) {
      planned += 1;
      if (daySessionDone(rec)) done += 1;
    }
    // Pain during today's session lowers the doses from the next session on.
    if (!step.day.flareDay) {
      const worst = rec?.checkins.find((c) => duringBroken(c.during));
      if (worst && worst.during !== null) {
        const b: RuleBreak = { rule: 'during', date, during: worst.during };
        breaks.push(b);
        stepBack ??= b;
      }
    }
    for (const fb of rec?.feedback ?? []) {
      const { key } = cfg.exerciseKey(fb.exerciseId);
      const p = touch(exercises, key);
      if (fb.answer === 'hurt') applyHurt(p);
      p.recent = [...p.recent, fb.answer].slice(-2);
      weekFeedback.set(key, [...(weekFeedback.get(key) ?? []), fb.answer]);
    }
    if (rec && rec.checkins.length > 0) window = [...window, { date, pains: rec.checkins.map((c) => c.pain), flareDay: step.day.flareDay }];
    if (active) lastActive = date;
    if (rec && rec.done > 0) lastSession = date;
  }

  // The review (§3 morning pain should not climb week on week; §4; §5).
  const mean = morningMean(mornings);
  if (mean !== null && morningClimbBroken(mean, state.morningMean)) {
    breaks.push({ rule: 'morning-climb', date: addDays(state.start, 6), mean, previous: state.morningMean });
  }
  // Whether anything can still grow is asked only of a week that earned a step (it costs a plan).
  const facts0 = { planned, done, breaks, flare: flareInWeek, paused: cfg.paused, breakWeeks };
  const earned = decideWeek(facts0);
  const decided = earned.reason === 'earned' ? decideWeek({ ...facts0, canRise: canRise(cfg, level) }) : earned;
  const to = Math.max(0, level + decided.step);
  let lastCleanLevel = state.lastCleanLevel;
  if (decided.reason === 'earned' || decided.reason === 'paused' || decided.reason === 'top') lastCleanLevel = level;

  // Per-exercise feedback (§4): "hard" → not increased; "easy" twice → up even when the plan holds;
  // balance work → up only on "easy". Never during a flare, a pause or after a broken rule.
  const generalUp = to > level;
  const frozen = flareInWeek || cfg.paused || breaks.length > 0;
  const held: string[] = [];
  const raised: string[] = [];
  for (const [key, answers] of weekFeedback) {
    const p = touch(exercises, key);
    const last = answers.at(-1);
    const twoEasy = p.recent.length >= 2 && p.recent.every((a) => a === 'easy');
    const balance = isBalanceKey(cfg, key);
    if (balance) {
      if (!frozen && last === 'easy' && (generalUp || twoEasy)) {
        p.offset += 1;
        raised.push(key);
        if (twoEasy) p.recent = [];
      }
    } else if (generalUp && last === 'hard') {
      p.offset -= 1;
      held.push(key);
    } else if (!generalUp && !frozen && twoEasy) {
      p.offset += 1;
      raised.push(key);
      p.recent = [];
    }
  }

  const decision: WeekDecision = {
    week: state.week,
    start: state.start,
    planned,
    done,
    breaks,
    flare: flareInWeek,
    paused: cfg.paused,
    breakWeeks,
    resumed,
    from: state.level,
    to,
    change: to > state.level && cfg.differs(state.level, to) ? 'up' : to < state.level && cfg.differs(to, state.level) ? 'down' : 'hold',
    reason: decided.reason,
    feedback: { held, raised },
  };
  const nextStart = addDays(state.start, 7);
  const next: ProgressState = {
    week: state.week + 1,
    start: nextStart,
    level: to,
    lastCleanLevel,
    exercises,
    window: window.filter((w) => w.date >= addDays(nextStart, -FLARE_REFERENCE_DAYS)),
    flare: { ...carry, toleratedLevel },
    morningMean: mean ?? state.morningMean,
    lastActive,
    lastSession,
    decision,
  };
  return { days, next };
}

const isBalanceKey = (cfg: FoldConfig, key: string): boolean => cfg.exerciseKey(key).balance;

/**
 * Previews of days ahead (`painfit plan`): from `assumeActiveFrom` on, the person is assumed to keep
 * checking in, so only the first day shown can be a return from a break.
 */
export interface PreviewOptions {
  assumeActiveFrom?: IsoDate;
}

/** The state without its place in time: equal for two quiet weeks in a row means a fixed point. */
const essentials = (s: ProgressState): string => {
  const { week: _w, start: _s, decision, ...rest } = s;
  return JSON.stringify([rest, decision && { ...decision, week: 0, start: '' }]);
};

/** `s` moved `weeks` plan weeks on, its last decision with it (for runs of weeks with no facts). */
function shifted(s: ProgressState, weeks: number): ProgressState {
  const start = addDays(s.start, 7 * weeks);
  return {
    ...s,
    week: s.week + weeks,
    start,
    decision: s.decision && { ...s.decision, week: s.decision.week + weeks, start: addDays(start, -7) },
  };
}

/**
 * Folds whole weeks from `state` until the state whose week holds `date` (never past it). Weeks
 * after the last fact (and its reference window) change nothing once two of them agree, so a
 * preview years ahead jumps over them instead of replaying each.
 */
export function foldTo(cfg: FoldConfig, state: ProgressState, facts: FactIndex, date: IsoDate, onWeek?: (s: ProgressState) => void): ProgressState {
  let s = state;
  let lastFact = '';
  for (const d of facts.keys()) if (d > lastFact) lastFact = d;
  const quietFrom = lastFact === '' ? s.start : addDays(lastFact, FLARE_REFERENCE_DAYS + 1);
  while (addDays(s.start, 7) <= date) {
    const { next } = replayWeek(cfg, s, facts, null, {}, false);
    if (s.start >= quietFrom && essentials(next!) === essentials(s)) {
      const weeks = Math.floor(daysBetween(s.start, date) / 7);
      if (onWeek) for (let k = 1; k <= weeks; k++) onWeek(shifted(s, k));
      return shifted(s, weeks);
    }
    s = next!;
    onWeek?.(s);
  }
  return s;
}

/** Each day from `from` to `to` (both on or after `state.start`), folding weeks as it goes. */
export function progressDays(
  cfg: FoldConfig,
  state: ProgressState,
  facts: FactIndex,
  from: IsoDate,
  to: IsoDate,
  onWeek?: (s: ProgressState) => void,
  opts: PreviewOptions = {},
): DayProgress[] {
  if (from < state.start) throw new RangeError(`${from} is before the state's week (${state.start})`);
  let s = foldTo(cfg, state, facts, from, onWeek);
  const out: DayProgress[] = [];
  for (;;) {
    const { days, next } = replayWeek(cfg, s, facts, to, opts);
    out.push(...days.filter((d) => d.date >= from));
    if (!next) return out;
    // A week that assumed check-ins not made yet (a preview) gives a hypothetical state: not told.
    const hypothetical = opts.assumeActiveFrom !== undefined && opts.assumeActiveFrom < next.start;
    s = next;
    if (!hypothetical) onWeek?.(s);
    if (s.start > to) return out;
  }
}

/** One day's progress. */
export function progressOn(cfg: FoldConfig, state: ProgressState, facts: FactIndex, date: IsoDate): DayProgress {
  const day = progressDays(cfg, state, facts, date, date).at(-1);
  if (!day) throw new RangeError(`no progress for ${date}`);
  return day;
}
