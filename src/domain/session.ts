// The day's session (design.md, the `today --json` contract): the plan, progressed to the date
// asked, with flares, swaps and the reasons for any change. Pure: the command reads the facts and
// the screening, passes them in with the date, and renders what comes back.
import { addDays, compareText, daysBetween, formatDate, type IsoDate, weekdayOf } from './dates';
import type { Dose, Exercise, Phase } from './exercise';
import type { Checkin, Completion, Feedback, FlareFact, Swap, Walk } from './facts';
import { buildFlareDay, FLARE_BOUT_MINUTES, FLARE_MAX_EFFORT, flareNotes } from './flare';
import type { IntakeAnswers, IntakeRecord } from './intake';
import {
  boutsFor,
  buildPlan,
  CARDIO_SHARE_ON_STRENGTH_DAYS,
  candidatesFor,
  type DayPlan,
  estimateSeconds,
  fits,
  growMinutes,
  indexLibrary,
  type Library,
  type Limits,
  limitsOf,
  maxBoutMinutes,
  type PlanItem,
  sessionBudget,
  strengthFromLevel,
  sessionOrder,
  startCardioMinutes,
  startDose,
  TRANSITION_SECONDS,
  type WeekPlan,
} from './plan';
import {
  cardioEffort,
  type DayProgress,
  doseAtLevel,
  type Dosed,
  easierRungs,
  type ExerciseProgress,
  canRise,
  type FoldConfig,
  type PreviewOptions,
  indexFacts,
  initialState,
  ladderKey,
  progressDays,
  type ProgressState,
  type RuleBreak,
  type StepContext,
  stepUp,
  type WeekDecision,
  weekOf,
} from './progression';
import {
  ADHERENCE_TO_PROGRESS,
  BALANCE_AGE,
  BALANCE_DAYS_TARGET,
  MODERATE_EFFORT,
  STRENGTH_DAYS_TARGET,
  WEEKLY_MODERATE_MINUTES_MIN,
  FLARE_VOLUME_FRACTION,
  HOLD_STEP_SECONDS,
  LIGHT_ONLY_MAX_EFFORT,
  MAX_BOUT_MINUTES_DECONDITIONED,
  MAX_PAIN_DURING_EXERCISE,
  TARGET_EFFORT_MAX,
  WALK_DAYS_DEFAULT,
  WALK_GOAL_MINUTES,
} from './rules';
import { FLARE_RECHECK_MESSAGE, flareRecheckDue, readinessOf, type Screening, SCREENING_MESSAGES } from './screening';
import { answersOn, type DatedSettings } from './settings';
import { decideSwap, swapAlternatives } from './swap';
import { type ExerciseType, type Position, type Region, WEEKDAYS, type Weekday } from './vocab';
import { REGION_LABEL } from './words';
import { targetEffort } from './effort';

/** What session building needs from screen(): the command calls screen() and passes this in. */
export type ScreeningInput = Pick<Screening, 'outcome' | 'maxEffort' | 'progressionPaused' | 'notes'> & Partial<Pick<Screening, 'stopReason'>>;

export interface SessionInput {
  date: IsoDate;
  /** The intake in force on `date` (the latest dated on or before it). */
  intake: IntakeRecord;
  library: readonly Exercise[];
  checkins: readonly Checkin[];
  completions: readonly Completion[];
  swaps: readonly Swap[];
  screening: ScreeningInput;
  /** Per-exercise feedback, walks and "I'm flaring" (clinical-rules §4, §5). */
  feedback?: readonly Feedback[];
  walks?: readonly Walk[];
  flares?: readonly FlareFact[];
  /**
   * Where the weekly fold starts: a state from the cache of weekly states (facts dated before its
   * start are then not needed), or the intake's initial state when absent.
   */
  progress?: ProgressState;
  /** Told each weekly state the fold reaches (for the cache of weekly states). */
  onWeek?: (state: ProgressState) => void;
  /** `painfit settings` changes dated on or before the date (settings.ts); none when left out. */
  settings?: readonly DatedSettings[];
  /** Days logged as unwell (`log --unwell`): no session, a rest day with advice (clinical-rules §1a). */
  unwellDates?: readonly IsoDate[];
  /** The day the screening answers in force were given (for the §1d flare recheck). */
  screenedOn?: IsoDate;
  /** Summaries of plan levels kept from earlier runs (a cache: answers are the same without it). */
  levelMemo?: LevelMemo;
}

/**
 * What the weekly review and "where this is heading" need of the plan at one level: whether its
 * numbers differ from another level's (the signature), and the long-term targets it meets. The
 * same for every run with the same answers, effort cap and library, so it can be kept.
 */
export interface LevelSummary {
  signature: string;
  moderateMinutes: number;
  strengthDays: number;
  balanceDays: number;
}

/**
 * A store of level summaries between runs. `identity` names everything a summary depends on
 * besides the level (the answers in force and the effort cap); the store adds the build and the
 * library. Looking up the plan's numbers at up to two years of levels ahead is most of the cost
 * of `plan`, `report` and the weekly heading otherwise.
 */
export interface LevelMemo {
  get(identity: string, level: number): LevelSummary | undefined;
  set(identity: string, level: number, summary: LevelSummary): void;
}

export type SessionStatus = 'session' | 'rest' | 'flare' | 'stop';

export interface SessionExercise {
  id: string;
  name: string;
  type: ExerciseType;
  regions: Region[];
  position: Position;
  equipment: string[];
  phase: Phase;
  sets?: number;
  reps?: number;
  holdSeconds?: number;
  minutes?: number;
  /** Cardio split into this many bouts of minutes/bouts each (only when more than one). */
  bouts?: number;
  /** Target effort, 0-10 (Borg CR10). */
  effort: number;
  /** Reps and holds are per side (done on each side in turn). */
  perSide: boolean;
  /** Each repetition is held this many seconds (said in the cues). */
  repHoldSeconds?: number;
  cues: string[];
  purpose: string;
  /** An extra the user may skip (rest days). */
  optional?: true;
  /** The plan's exercise this one replaces (a swap in force). */
  swappedFrom?: string;
}

/** The day's walking-track dose (clinical-rules §4), separate from the session. */
export interface WalkDose {
  minutes: number;
  /** Target effort, Borg CR10: 2 easy, 3 brisk. */
  effort: number;
  /** walking, or the cardio done instead (seated, cycling, swimming). */
  style: string;
  /** On a flare day, in short bouts of this many minutes. */
  bouts?: number;
}

/** One long-term target (clinical-rules §4, WHO 2020; ACSM): this week's plan against the goal. */
export interface TargetValue {
  week: number;
  goal: number;
}

export interface Targets {
  /** Brisk (effort ≥ 3) minutes a week: session cardio plus the walking track. Goal 150. */
  moderateMinutes: TargetValue;
  /** Days a week with strength work. Goal 2. */
  strengthDays: TargetValue;
  /** Days a week with balance work. Goal 3 when called for (over 65, balance worries, osteoporosis), else 0. */
  balanceDays: TargetValue;
}

/** "Where this is heading": the targets now, the plan week the course reaches them, or what would. */
export interface Heading extends Targets {
  /** The plan week the current course reaches every target with every session and walk done; null if it cannot. */
  reachedWeek: number | null;
  /** Plain words: where this is heading, and when the schedule cannot get there, what would. */
  words: string[];
}

/** How this plan week's doses were decided (the weekly fold's decision, shared with the report). */
export interface ProgressSummary {
  level: number;
  change: 'up' | 'hold' | 'down' | null;
  reason: WeekDecision['reason'] | null;
}

export interface Session {
  date: IsoDate;
  status: SessionStatus;
  /** 1-based week of the current plan. */
  week: number;
  /** A few words on what today focuses on. */
  focus: string;
  /** Planned total, whole minutes (0 on rest and stop days). */
  minutes: number;
  exercises: SessionExercise[];
  /** The walking track today, or null (not a walking day, or no plan). */
  walk: WalkDose | null;
  progress: ProgressSummary;
  /** This week's plan against the long-term targets (null when there is no plan). */
  targets: Targets | null;
  /** On the first day of each plan week: where this is heading (shown once a week). */
  heading?: Heading;
  notes: string[];
}

// ---------------------------------------------------------------------------------------------
// Words (§3, §4, §7)

export const SESSION_MESSAGES = {
  disclaimer: 'painfit does not replace advice from your doctor or physiotherapist.',
  painRule: `Pain during exercise up to ${MAX_PAIN_DURING_EXERCISE} out of 10 is fine, and it should settle back to your usual level by the next morning. If it goes above ${MAX_PAIN_DURING_EXERCISE}, ease off or stop that exercise.`,
  soreness:
    'Some muscle soreness in the first weeks is normal and is not a sign of harm. It usually eases within a day or two.',
  firstWeek:
    'This first week starts a little below what you can do now. After each week that goes well the plan steps up a little: more repetitions, then sets, then a harder version; more minutes, then a brisker pace.',
  rest: 'Today is a rest day: rest helps your body adapt. A short gentle walk or a few minutes of relaxed breathing is a nice extra if you feel like it.',
  restWithWalk: 'Today is a rest day from the session: rest helps your body adapt. Your walk is still on.',
  resumed: 'Back to the doses you last managed comfortably.',
  briskPace: 'Go at a brisk pace now: breathing faster, able to talk but not sing (3 out of 10).',
  unwell:
    'You said you are unwell today (a cold, fever, infection or feeling faint), so there is no session: rest, drink plenty, and start again when you feel better. If it gets worse, or you have chest pain or trouble breathing, contact a doctor.',
  stopFocus: 'check with a clinician first',
  recheckFocus: 'answer the health questions again first (painfit recheck)',
} as const;

const shortDay = (d: IsoDate): string => formatDate(d).replace(/ \d{4}$/, '');

function dayWords(date: IsoDate, asked: IsoDate): string {
  const ago = daysBetween(date, asked);
  if (ago === 0) return 'today';
  if (ago === 1) return 'yesterday';
  return `on ${shortDay(date)}`;
}

function ruleWords(b: RuleBreak, asked: IsoDate): string {
  switch (b.rule) {
    case 'during':
      return `pain during exercise reached ${b.during} out of 10 ${dayWords(b.date, asked)}, above the ${MAX_PAIN_DURING_EXERCISE} out of 10 limit`;
    case 'next-morning':
      return `your pain the morning after a session (${b.pain} ${dayWords(b.date, asked)}) had not settled back to your usual ${Math.round(b.usual)}`;
    case 'morning-climb':
      return `your morning pain crept up, from about ${b.previous.toFixed(1)} to ${b.mean.toFixed(1)} on average`;
  }
}

/** The "why this week's doses are what they are" line for a weekly decision (§4), or null. */
export function decisionNote(r: WeekDecision, asked: IsoDate, name: (key: string) => string = (k) => k, minutes?: number): string | null {
  const need = Math.ceil(r.planned * ADHERENCE_TO_PROGRESS);
  switch (r.reason) {
    case 'earned':
      return r.change === 'up'
        ? `Doses go up a step this week because last week you did ${r.done} of ${r.planned} sessions with pain staying within the rules.`
        : `Last week went well (${r.done} of ${r.planned} sessions, pain within the rules). Doses stay the same for one more good week before the pace gets brisker.`;
    case 'rule': {
      const why = r.breaks[0] ? ruleWords(r.breaks[0], asked) : 'a pain rule was broken';
      return r.change === 'down' ? `Doses are one step lower this week because ${why}.` : `Doses stay at the starting level this week because ${why}.`;
    }
    case 'flare':
      return r.change === 'down'
        ? 'After last week\'s flare-up, doses are back to the last level you managed comfortably.'
        : 'Doses are held this week because last week included a flare-up.';
    case 'break':
      return `Doses stay ${r.change === 'down' ? 'lower' : 'where they are'} this week while you ease back in after your break.`;
    case 'paused':
      return 'Doses are held this week until a clinician has seen you about your health answers.';
    case 'top':
      return `Your sessions are as full as ${minutes ? `your ${minutes} minutes` : 'your session time'} allow${minutes ? '' : 's'}, so doses stay the same. painfit plan shows where this is heading.`;
    case 'adherence':
      return r.planned === 0
        ? 'Doses are held this week: no sessions were planned last week.'
        : `Doses are held this week: you did ${r.done} of ${r.planned} planned sessions. Doing at least ${need} lets them go up next week.`;
  }
  void name;
  return null;
}

/** The lines on per-exercise feedback acted on at the review (§4). */
function feedbackNotes(r: WeekDecision, name: (key: string) => string): string[] {
  const notes: string[] = [];
  if (r.feedback.held.length > 0) notes.push(`${listWords(r.feedback.held.map(name))} stay${r.feedback.held.length === 1 ? 's' : ''} at last week's dose because you said ${r.feedback.held.length === 1 ? 'it' : 'they'} felt hard.`);
  if (r.feedback.raised.length > 0) notes.push(`${listWords(r.feedback.raised.map(name))} step${r.feedback.raised.length === 1 ? 's' : ''} up because you said ${r.feedback.raised.length === 1 ? 'it' : 'they'} felt easy.`);
  return notes;
}

/** The "why this week's doses are what they are" lines (§4). */
export function progressionNotes(p: DayProgress, asked: IsoDate, name: (key: string) => string = (k) => k, minutes?: number): string[] {
  const notes: string[] = [];
  if (p.breakWeeks > 0) {
    const weeks = p.breakWeeks === 1 ? 'a week' : `${p.breakWeeks} weeks`;
    const steps = p.breakWeeks === 1 ? 'one step' : `${p.breakWeeks} steps`;
    notes.push(
      p.level < p.weekLevel
        ? `Welcome back. After ${weeks} away, doses are ${steps} lower to ease you back in.`
        : `Welcome back. After ${weeks} away, doses start again from the first week's to ease you back in.`,
    );
  }
  if (p.resumed) {
    notes.push(SESSION_MESSAGES.resumed);
    return notes;
  }
  const r = p.decision;
  if (r && p.date < addDays(r.start, 14)) {
    const line = decisionNote(r, asked, name, minutes);
    if (line) notes.push(line);
    notes.push(...feedbackNotes(r, name));
  }
  if (p.stepBack) {
    const from = p.stepBack.rule === 'during' ? addDays(p.stepBack.date, 1) : p.stepBack.date;
    const why = ruleWords(p.stepBack, asked);
    // At the starting level there is no lower step: say so rather than promise a change.
    notes.push(
      p.level < p.weekLevel
        ? `Doses are one step lower from ${dayWords(from, asked)} because ${why}.`
        : `Doses stay at the starting level because ${why}. Ease off any exercise that takes pain above ${MAX_PAIN_DURING_EXERCISE}.`,
    );
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------
// Swaps

/** Swaps in force on `date`: dated on or before it, the latest per exercise winning. */
export function swapsInForce(swaps: readonly Swap[], date: IsoDate): Map<string, Swap> {
  const out = new Map<string, Swap>();
  const sorted = swaps.filter((s) => s.date <= date).sort((a, b) => compareText(a.date, b.date) || a.id - b.id);
  for (const s of sorted) out.set(s.exerciseId, s);
  return out;
}

export type SwapCheck = { ok: true } | { ok: false; reason: string };

const defaultMaxEffort = (answers: IntakeAnswers): number =>
  readinessOf(answers).readiness === 'proceed' ? TARGET_EFFORT_MAX : LIGHT_ONLY_MAX_EFFORT;

/** Whether `withId` may replace `fromId` for this person (swap.ts decides: kind, eligibility, purpose, support). */
export function checkSwap(
  fromId: string,
  withId: string,
  intake: IntakeRecord,
  library: readonly Exercise[],
  screening: Pick<ScreeningInput, 'maxEffort'>,
): SwapCheck {
  const d = decideSwap(fromId, withId, intake, library, screening);
  return d.ok ? { ok: true } : { ok: false, reason: d.reason };
}

/** Fitting alternatives of the same kind and purpose, the closest first (swap.ts). */
export function swapCandidates(
  exercise: Exercise,
  intake: IntakeRecord,
  library: readonly Exercise[],
  screening?: Pick<ScreeningInput, 'maxEffort'>,
): Exercise[] {
  return swapAlternatives(exercise, intake, library, { maxEffort: screening?.maxEffort ?? defaultMaxEffort(intake.answers) });
}

/** The swapped-in exercise takes the dose the original would have had today. */
function mapDose(from: Dose, to: Exercise, level: number, ctx: StepContext): Dose {
  const own = doseAtLevel(to, startDose(to), level, { ...ctx, allowRungs: false }).dose;
  if ('minutes' in from && 'minutes' in own) return { minutes: from.minutes };
  if ('reps' in from && 'reps' in own) return { sets: from.sets, reps: from.reps };
  if ('holdSeconds' in from && 'holdSeconds' in own) return { sets: from.sets, holdSeconds: from.holdSeconds };
  return own; // different kinds of dose: the new exercise's own start, stepped to the same level
}

interface Resolved extends Dosed {
  required: boolean;
  priority: number;
  swappedFrom?: string;
}

const swapOrder = (a: Swap, b: Swap): number => compareText(a.date, b.date) || a.id - b.id;

function applySwaps(item: Resolved, swaps: ReadonlyMap<string, Swap>, level: number, ctx: StepContext): Resolved {
  // A swap of any rung this item has been on holds as it climbs the ladder.
  let swap = [...item.rungs].reverse().map((id) => swaps.get(id)).find((s) => s !== undefined);
  // The chain of exercises followed, each with the swap that led away from it.
  const chain: { state: Resolved; leftBy?: Swap }[] = [{ state: item }];
  while (swap) {
    const last = chain[chain.length - 1]!;
    const to = ctx.byId.get(swap.withId);
    // A swap that no longer fits (new intake answers) is ignored rather than obeyed.
    if (!to || to.type !== last.state.exercise.type || !fits(to, ctx.limits)) break;
    const earlier = chain.find((c) => c.state.exercise.id === to.id);
    if (earlier) {
      // A swap back: the later of the two swaps wins (e.g. A→B on Monday, B→A on Friday gives A).
      last.leftBy = swap;
      return earlier.leftBy && swapOrder(swap, earlier.leftBy) > 0 ? earlier.state : last.state;
    }
    last.leftBy = swap;
    chain.push({
      state: {
        ...last.state,
        exercise: to,
        dose: mapDose(last.state.dose, to, level, ctx),
        rungs: [...last.state.rungs, to.id],
        swappedFrom: item.exercise.id,
      },
    });
    swap = swaps.get(to.id);
  }
  return chain[chain.length - 1]!.state;
}

// ---------------------------------------------------------------------------------------------
// Building days

interface Context {
  input: SessionInput;
  answers: IntakeAnswers;
  byId: Library;
  limits: Limits;
  planFor: (level: number) => WeekPlan;
  dayPlan: (date: IsoDate, level: number) => DayPlan | null;
  fold: FoldConfig;
  /** A name for a ladder key, for notes. */
  nameOf: (key: string) => string;
  /** The plan's week at a level (memoised). */
  weekAt: (level: number) => PlannedWeek;
  /** What `differs` and the targets compare at a level: from the level memo, else from weekAt. */
  summaryAt: (level: number) => LevelSummary;
  /** doseAtLevel for a plan item, memoised (each level is one step from the one below). */
  doseAt: (it: PlanItem, level: number, step: StepContext) => Dosed;
}

/** Days the walking track falls on: the non-session days first, then session days, in week order (§4). */
export function walkingDays(sessionDays: readonly Weekday[], count: number = WALK_DAYS_DEFAULT): Weekday[] {
  const rest = WEEKDAYS.filter((d) => !sessionDays.includes(d));
  const chosen = [...rest, ...WEEKDAYS.filter((d) => sessionDays.includes(d))].slice(0, Math.max(0, Math.min(7, count)));
  return WEEKDAYS.filter((d) => chosen.includes(d));
}

/** The walking track's style (§4): walking; seated cardio for those who cannot walk; else their liked cardio. */
export function walkStyle(answers: IntakeAnswers): string {
  if (answers.ability.walkMinutes === 0) return 'seated';
  const liked = answers.likes.cardio;
  if (liked.length === 0 || liked.includes('walking')) return 'walking';
  return liked[0] ?? 'walking';
}

/** The walking track's dose at a level: +10 % a week to 30 minutes, then brisk (§4). */
export function walkDoseAt(answers: IntakeAnswers, level: number, maxEffort: number): WalkDose {
  const start = Math.min(startCardioMinutes(answers), WALK_GOAL_MINUTES);
  const minutes = growMinutes(start, level, WALK_GOAL_MINUTES);
  return { minutes, effort: Math.min(maxEffort, cardioEffort(start, level, WALK_GOAL_MINUTES)), style: walkStyle(answers) };
}

const NO_PROGRESS: Readonly<Record<string, ExerciseProgress>> = {};

function contextOf(input: SessionInput): Context {
  const settings = input.settings ?? [];
  const answers = answersOn(input.intake, settings, input.date);
  // One plan per (answers in force, session length): a settings change from a date on changes the
  // plan from that date, while the weeks before it are replayed with the plan they had (so the
  // progress they earned is kept, clinical-rules §4).
  const cache = new Map<string, WeekPlan>();
  const planOn = (a: IntakeAnswers, level: number): WeekPlan => {
    const budget = sessionBudget(a, level);
    const strength = level >= strengthFromLevel(a);
    // Every answer counts: an intake that kept progress may change regions, age or screening too.
    const key = `${a === answers ? 'now' : JSON.stringify(a)}|${budget}|${strength}`;
    let plan = cache.get(key);
    if (!plan) {
      plan = buildPlan(a, input.library, { maxEffort: input.screening.maxEffort, budgetMinutes: budget, level });
      cache.set(key, plan);
    }
    return plan;
  };
  const planFor = (level: number): WeekPlan => planOn(answers, level);
  const answersAt = (date: IsoDate): IntakeAnswers => (settings.length === 0 ? answers : answersOn(input.intake, settings, date));
  const byId = indexLibrary(input.library);
  const keys = new Map<string, { key: string; balance: boolean }>();
  const doses = new Map<string, Dosed[]>();
  const ctx: Context = {
    input,
    answers,
    byId,
    limits: limitsOf(answers, input.screening.maxEffort),
    planFor,
    dayPlan: (date, level) => planOn(answersAt(date), level).days.find((d) => d.weekday === weekdayOf(date)) ?? null,
    nameOf: (key) => byId.get(key)?.name ?? key,
    weekAt: () => {
      throw new Error('set below');
    },
    summaryAt: () => {
      throw new Error('set below');
    },
    doseAt: (it, level, step) => {
      const key = `${it.exercise.id}|${JSON.stringify(it.dose)}`;
      let ladder = doses.get(key);
      if (!ladder) {
        ladder = [{ exercise: it.exercise, dose: it.dose, rungs: [it.exercise.id] }];
        doses.set(key, ladder);
      }
      while (ladder.length <= level) {
        const last = ladder[ladder.length - 1]!;
        const next = stepUp(last, step);
        ladder.push(next === last ? last : next);
      }
      return ladder[level]!;
    },
    fold: {
      intakeDate: input.intake.date,
      intakeAverage: answers.pain.average,
      days: answers.schedule.days,
      // A settings change of days counts from its date: the weeks before keep the days they had.
      ...(settings.length > 0 ? { daysOn: (date: IsoDate) => answersAt(date).schedule.days } : {}),
      paused: input.screening.progressionPaused,
      ...(input.unwellDates ? { unwellDates: input.unwellDates } : {}),
      exerciseKey: (id) => {
        let k = keys.get(id);
        if (!k) {
          k = { key: ladderKey(id, byId), balance: byId.get(id)?.type === 'balance' };
          keys.set(id, k);
        }
        return k;
      },
      differs: () => true,
    },
  };
  // Whether anything grows from one level to the next: the week's sessions and the walking track,
  // compared as numbers (so a decision never says "up" when nothing went up).
  const weeks = new Map<number, PlannedWeek>();
  ctx.weekAt = (level) => {
    let week = weeks.get(level);
    if (!week) {
      const plan = planFor(level);
      const sessions = plan.days.map((day) => usualSession(ctx, day, input.intake.date, level, NO_PROGRESS, false));
      const walk = walkDoseAt(answers, level, input.screening.maxEffort);
      const parts = sessions.map((u) => u.items.map((r) => `${r.exercise.id}:${JSON.stringify(r.dose)}:${r.effort}`).join(','));
      parts.push(JSON.stringify(walk));
      week = { sessions, walk, walkDays: walkingDays(answers.schedule.days).length, signature: parts.join('|') };
      weeks.set(level, week);
    }
    return week;
  };
  const memo = input.levelMemo;
  const identity = memo ? JSON.stringify({ answers, maxEffort: input.screening.maxEffort }) : '';
  const summaries = new Map<number, LevelSummary>();
  ctx.summaryAt = (level) => {
    let s = summaries.get(level) ?? memo?.get(identity, level);
    if (!s) {
      s = summarise(ctx.weekAt(level));
      memo?.set(identity, level, s);
    }
    summaries.set(level, s);
    return s;
  };
  ctx.fold.differs = (from, to) => ctx.summaryAt(from).signature !== ctx.summaryAt(to).signature;
  return ctx;
}

/** A planned week's numbers for the long-term targets (§4; WHO 2020): moderate minutes, strength and balance days. */
function summarise(w: PlannedWeek): LevelSummary {
  const brisk = (u: Usual) =>
    u.items.filter((r) => r.exercise.type === 'cardio' && r.effort >= MODERATE_EFFORT).reduce((m, r) => m + ('minutes' in r.dose ? r.dose.minutes : 0), 0);
  const days = (type: ExerciseType) => w.sessions.filter((u) => u.items.some((r) => r.exercise.type === type)).length;
  return {
    signature: w.signature,
    moderateMinutes: w.sessions.reduce((m, u) => m + brisk(u), 0) + (w.walk.effort >= MODERATE_EFFORT ? w.walk.minutes * w.walkDays : 0),
    strengthDays: days('strength'),
    balanceDays: days('balance'),
  };
}

/** A plan week at one level, as the numbers a person would see (no swaps, no per-exercise steps). */
interface PlannedWeek {
  sessions: Usual[];
  walk: WalkDose;
  walkDays: number;
  signature: string;
}

interface Usual {
  items: (Resolved & { effort: number })[];
  budgetMinutes: number;
  /** Doses were kept lower than the level allows so the session fits. */
  capped: boolean;
  /** Cardio kept below its progressed time so the rest of the session fits. */
  cardioCapped: { name: string; minutes: number } | null;
}

/** When a full session gives back a step, the order exercises get it in (§4: strength first). */
const RAISE_ORDER: readonly ExerciseType[] = ['strength', 'balance', 'mind-body', 'flexibility'];

const totalSeconds = (items: readonly { exercise: Exercise; dose: Dose }[]): number =>
  items.reduce((s, i) => s + estimateSeconds(i.dose, i.exercise), 0);

/**
 * The usual session for a scheduled day at plan `level` with each exercise's own progress, swaps
 * applied, fitted to the session length: if the progressed doses do not fit, non-cardio doses step
 * back until they do, and cardio takes the time left (never more than its share on strength days).
 * Target effort follows §4's ladder from each exercise's level (the steps taken, whether or not
 * the session had room to show them).
 */
function usualSession(
  ctx: Context,
  day: DayPlan,
  date: IsoDate,
  level: number,
  progress: Readonly<Record<string, ExerciseProgress>>,
  withSwaps = true,
): Usual {
  const budgetMinutes = ctx.planFor(level).budgetMinutes;
  const budget = budgetMinutes * 60;
  const swaps = withSwaps ? swapsInForce(ctx.input.swaps, date) : new Map<string, Swap>();
  const step: StepContext = { byId: ctx.byId, limits: ctx.limits, allowRungs: true };
  // `setbacks`: with "it hurt" applied (a step back, or an easier rung). The cut that fits the
  // session is found without them, so an exercise that hurt ends one step below where it would
  // have been, never level with it because its smaller dose spared the others a cut.
  const own = (it: PlanItem, setbacks = true): { level: number; rungsDown: number } => {
    const { key, balance } = ctx.fold.exerciseKey(it.exercise.id);
    const p = progress[key];
    const offset = p?.offset ?? 0;
    return { level: Math.max(0, (balance ? 0 : level) + (setbacks ? offset : Math.max(0, offset))), rungsDown: setbacks ? (p?.rungsDown ?? 0) : 0 };
  };
  const resolve = (it: PlanItem, cut: number, setbacks = true): Resolved => {
    const o = own(it, setbacks);
    const l = Math.max(0, o.level - cut);
    let dosed =
      it.exercise.type === 'cardio' && 'minutes' in it.dose
        ? { exercise: it.exercise, dose: { minutes: growMinutes(it.dose.minutes, o.level, Infinity) }, rungs: [it.exercise.id] }
        : ctx.doseAt(it, l, step);
    if (o.rungsDown > 0) dosed = easierRungs(dosed, o.rungsDown, step);
    return applySwaps({ ...dosed, required: it.required, priority: it.priority }, swaps, l, step);
  };
  const isCardio = (r: Resolved) => r.exercise.type === 'cardio';
  const cardioBase = day.items.filter((i) => i.exercise.type === 'cardio').reduce((s, i) => s + estimateSeconds(i.dose, i.exercise), 0);

  const maxOwn = Math.max(0, ...day.items.map((it) => own(it).level));
  const over = (rs: readonly Resolved[]) => totalSeconds(rs.filter((r) => !isCardio(r))) + cardioBase > budget;
  // The smallest step back that fits (doses shrink as the cut grows, so search it by halves: a
  // plan years in can be dozens of steps above what its minutes hold).
  const at = (c: number) => day.items.map((it) => resolve(it, c, false));
  let cut = 0;
  let items = at(0);
  if (maxOwn > 0 && over(items)) {
    let lo = 1;
    let hi = maxOwn;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (over(at(mid))) lo = mid + 1;
      else hi = mid;
    }
    cut = lo;
    items = at(cut);
  }
  // The whole session stepped back to fit: give the step back to as many exercises as still fit,
  // strength first (its next set is what the session was short of), so a full session keeps
  // progressing where it can instead of standing still (§4).
  const cuts = day.items.map(() => cut);
  if (cut > 0) {
    const order = day.items
      .map((it, i) => ({ it, i }))
      .filter(({ it }) => it.exercise.type !== 'cardio')
      .sort((a, b) => RAISE_ORDER.indexOf(a.it.exercise.type) - RAISE_ORDER.indexOf(b.it.exercise.type) || a.it.priority - b.it.priority);
    for (const { it, i } of order) {
      const trial = items.slice();
      trial[i] = resolve(it, cut - 1, false);
      if (!over(trial)) {
        items = trial;
        cuts[i] = cut - 1;
      }
    }
  }
  items = day.items.map((it, i) => resolve(it, cuts[i]!));
  // Swaps can still overflow: drop optional items, least important first.
  const byPriority = [...items].sort((a, b) => b.priority - a.priority);
  for (const r of byPriority) {
    if (totalSeconds(items.filter((x) => !isCardio(x))) + cardioBase <= budget) break;
    if (!r.required && !isCardio(r)) items = items.filter((x) => x !== r);
  }
  // Cardio takes the time left, up to its progressed dose and its share on strength days; once it
  // has been at that goal for two tolerated weeks it turns brisk (§4, ACSM).
  const capped = cuts.some((c) => c > 0);
  let cardioCapped: Usual['cardioCapped'] = null;
  const fixed = totalSeconds(items.filter((r) => !isCardio(r)));
  const share = day.strength ? Math.floor(budgetMinutes * CARDIO_SHARE_ON_STRENGTH_DAYS) : budgetMinutes;
  const planned = new Map(day.items.map((it) => [it.exercise.id, it]));
  const levelOf = (r: Resolved): number => {
    const it = planned.get(r.rungs[0] ?? r.exercise.id);
    return it ? own(it).level : level;
  };
  const out = items.flatMap((r): (Resolved & { effort: number })[] => {
    const l = levelOf(r);
    if (!isCardio(r) || !('minutes' in r.dose)) {
      const effort = targetEffort({ type: r.exercise.type, steps: l, libraryEffort: r.exercise.effort });
      return [{ ...r, effort }];
    }
    const room = Math.floor((budget - fixed - TRANSITION_SECONDS) / 60);
    const goal = Math.min(share, room);
    const minutes = Math.min(r.dose.minutes, goal);
    if (minutes < r.dose.minutes && level > 0) cardioCapped = { name: r.exercise.name, minutes };
    const start = planned.get(r.rungs[0] ?? '')?.dose;
    const startMinutes = start && 'minutes' in start ? start.minutes : minutes;
    return minutes >= 1 ? [{ ...r, dose: { minutes }, effort: cardioEffort(startMinutes, l, goal) }] : [];
  });
  // Two items swapped to the same exercise: keep the first, so each is logged once.
  const seen = new Set<string>();
  const unique = out.filter((r) => !seen.has(r.exercise.id) && seen.add(r.exercise.id));
  return { items: sessionOrder(unique), budgetMinutes, capped, cardioCapped };
}

/** §4 doses shown to a person are round: holds in 5 s steps, minutes and reps whole. */
export function roundDose(dose: Dose): Dose {
  if ('minutes' in dose) return { minutes: Math.max(1, Math.round(dose.minutes)) };
  if ('holdSeconds' in dose) {
    const hold = Math.round(dose.holdSeconds / HOLD_STEP_SECONDS) * HOLD_STEP_SECONDS;
    return { sets: dose.sets, holdSeconds: Math.max(HOLD_STEP_SECONDS, hold) };
  }
  return { sets: dose.sets, reps: Math.round(dose.reps) };
}

/** Cardio cues that set an easy pace (library wording); replaced by SESSION_MESSAGES.briskPace once brisk. */
const EASY_PACE_CUE = /\beasy pace\b|could chat|pace easy|slow laps|easy, steady pace|swim slow/i;

function toSessionExercise(
  ex: Exercise,
  dose: Dose,
  opts: { maxEffort: number; maxBout: number; optional?: boolean; swappedFrom?: string; effort?: number },
): SessionExercise {
  const out: SessionExercise = {
    id: ex.id,
    name: ex.name,
    type: ex.type,
    regions: [...ex.regions],
    position: ex.position,
    equipment: [...ex.equipment],
    phase: ex.phase,
    ...roundDose(dose),
    effort: Math.min(opts.effort ?? ex.effort, opts.maxEffort),
    perSide: ex.perSide,
    cues: [...ex.cues],
    purpose: ex.purpose,
  };
  // Once cardio has turned brisk (§4: duration, then intensity), cues that say "easy pace" would
  // contradict the dose: say the pace instead.
  if (ex.type === 'cardio' && out.effort >= MODERATE_EFFORT) out.cues = [SESSION_MESSAGES.briskPace, ...ex.cues.filter((c) => !EASY_PACE_CUE.test(c))];
  if (ex.type === 'cardio' && 'minutes' in dose) {
    const bouts = boutsFor(dose.minutes, opts.maxBout);
    if (bouts > 1) out.bouts = bouts;
  }
  if (ex.repHoldSeconds !== null) out.repHoldSeconds = ex.repHoldSeconds;
  if (opts.optional) out.optional = true;
  if (opts.swappedFrom) out.swappedFrom = opts.swappedFrom;
  return out;
}

const STYLE_WORDS: Record<string, string> = {
  walking: 'walking',
  cycling: 'cycling',
  swimming: 'pool work',
  seated: 'seated cardio',
  yoga: 'yoga',
  'tai-chi': 'tai chi',
  pilates: 'Pilates-style work',
  breathing: 'relaxed breathing',
  balance: 'balance',
  gait: 'walking balance',
};

function listWords(xs: readonly string[]): string {
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** e.g. "strength for knee and hip, balance, walking, stretching". */
export function focusOf(exercises: readonly Exercise[], userRegions: readonly Region[]): string {
  const parts: string[] = [];
  const strength = exercises.filter((e) => e.type === 'strength');
  if (strength.length > 0) {
    const regions = userRegions.filter((r) => strength.some((e) => e.regions.includes(r)));
    parts.push(regions.length > 0 ? `strength for ${listWords(regions.map((r) => REGION_LABEL[r]))}` : 'strength');
  }
  for (const type of ['balance', 'cardio', 'mind-body'] as const) {
    for (const e of exercises.filter((x) => x.type === type)) {
      const word = e.style ? (STYLE_WORDS[e.style] ?? e.style) : type;
      if (!parts.includes(word)) parts.push(word);
    }
  }
  if (exercises.some((e) => e.type === 'flexibility')) parts.push('stretching');
  return parts.join(', ');
}

/** Rest days offer one optional extra: a short gentle walk, or relaxed breathing. */
function restExtra(ctx: Context, date: IsoDate, walkDay: boolean): SessionExercise[] {
  const { answers } = ctx;
  const limits: Limits = { ...ctx.limits, maxEffort: Math.min(ctx.limits.maxEffort, FLARE_MAX_EFFORT) };
  const walkFirst = answers.ability.walkMinutes > 0 && daysBetween(ctx.input.intake.date, date) % 2 === 0;
  const walk = candidatesFor('cardio', null, ['walking'], answers, ctx.input.library, ctx.byId, limits).find((e) => e.gentle);
  const breathe = candidatesFor('mind-body', null, ['breathing'], answers, ctx.input.library, ctx.byId, limits).find((e) => e.gentle);
  const opts = { maxEffort: limits.maxEffort, maxBout: Infinity, optional: true };
  // On a walking-track day the walk is already there: the extra is relaxed breathing.
  if (walk && (walkFirst || !breathe) && answers.ability.walkMinutes > 0 && !walkDay) {
    const minutes = Math.min(startCardioMinutes(answers), MAX_BOUT_MINUTES_DECONDITIONED);
    return [toSessionExercise(walk, { minutes }, opts)];
  }
  return breathe ? [toSessionExercise(breathe, startDose(breathe), opts)] : [];
}

/** The walking track on `date` (§4): null on other days; on a flare day, half of it in short bouts. */
function walkOn(ctx: Context, p: DayProgress): WalkDose | null {
  const { answers, input } = ctx;
  if (!walkingDays(answers.schedule.days).includes(weekdayOf(p.date))) return null;
  const dose = walkDoseAt(answers, p.level, input.screening.maxEffort);
  if (!p.flare.active) return dose;
  const minutes = Math.max(1, Math.round(dose.minutes * FLARE_VOLUME_FRACTION));
  const flare: WalkDose = { ...dose, minutes, effort: Math.min(dose.effort, FLARE_MAX_EFFORT) };
  const bouts = boutsFor(minutes, FLARE_BOUT_MINUTES);
  return bouts > 1 ? { ...flare, bouts } : flare;
}

/** Where this is heading is said once a week: on the plan week's first rest day (its first day if it has none). */
function isHeadingDay(ctx: Context, date: IsoDate): boolean {
  const offset = daysBetween(ctx.input.intake.date, date) % 7;
  const weekStart = addDays(date, -offset);
  const days = ctx.answers.schedule.days;
  const rest = Array.from({ length: 7 }, (_, k) => k).find((k) => !days.includes(weekdayOf(addDays(weekStart, k))));
  return offset === (rest ?? 0);
}

function summaryOf(p: DayProgress): ProgressSummary {
  return { level: p.level, change: p.decision?.change ?? null, reason: p.decision?.reason ?? null };
}

function sessionFor(ctx: Context, p: DayProgress): Session {
  const { input, answers } = ctx;
  const date = p.date;
  if (input.unwellDates?.includes(date)) {
    // §1a PAR-Q+ "delay becoming more active" while unwell: a rest day, one line of advice.
    return {
      date,
      status: 'rest',
      week: p.week,
      focus: 'rest while you are unwell',
      minutes: 0,
      exercises: [],
      walk: null,
      progress: summaryOf(p),
      targets: null,
      notes: [SESSION_MESSAGES.unwell, ...input.screening.notes, SESSION_MESSAGES.disclaimer],
    };
  }
  // §1d: a flare lasting more than FLARE_RESCREEN_DAYS asks for the warning-sign questions again first.
  const flare = p.flare.active;
  if (flare && input.screenedOn !== undefined && flareRecheckDue(flare.start, input.screenedOn, date)) {
    return {
      date,
      status: 'stop',
      week: p.week,
      focus: SESSION_MESSAGES.recheckFocus,
      minutes: 0,
      exercises: [],
      walk: null,
      progress: summaryOf(p),
      targets: null,
      notes: [FLARE_RECHECK_MESSAGE, ...input.screening.notes, SESSION_MESSAGES.disclaimer],
    };
  }
  const screeningNotes = input.screening.notes;
  const tail = [...screeningNotes, SESSION_MESSAGES.disclaimer];
  const day = ctx.dayPlan(date, p.level);
  const earlyNotes = p.week === 1 ? [SESSION_MESSAGES.firstWeek, SESSION_MESSAGES.soreness] : [];
  const safety = [SESSION_MESSAGES.painRule, SCREENING_MESSAGES.alwaysStop];
  const walk = walkOn(ctx, p);
  const progress = summaryOf(p);
  const targets = targetsAt(ctx, p.level);
  const heading = isHeadingDay(ctx, date) ? { heading: headingFor(ctx, p) } : {};

  if (!day) {
    const extra = restExtra(ctx, date, walk !== null);
    return {
      date,
      status: flare ? 'flare' : 'rest',
      week: p.week,
      focus: flare ? 'rest and gentle movement while the flare-up settles' : 'rest',
      minutes: 0,
      exercises: extra,
      walk,
      progress,
      targets,
      ...heading,
      notes: [...(flare ? flareNotes(flare, date, shortDay) : []), walk ? SESSION_MESSAGES.restWithWalk : SESSION_MESSAGES.rest, ...tail],
    };
  }

  const usual = usualSession(ctx, day, date, p.level, p.exercises);
  if (flare) {
    const cardio = usual.items.find((r) => r.exercise.type === 'cardio');
    const items = buildFlareDay(answers, input.library, {
      maxEffort: input.screening.maxEffort,
      usualMinutes: Math.round(totalSeconds(usual.items) / 60),
      usualCardioMinutes: cardio && 'minutes' in cardio.dose ? cardio.dose.minutes : 0,
      index: ctx.planFor(p.level).days.indexOf(day),
    });
    const opts = { maxEffort: Math.min(input.screening.maxEffort, FLARE_MAX_EFFORT), maxBout: FLARE_BOUT_MINUTES };
    return {
      date,
      status: 'flare',
      week: p.week,
      focus: 'gentle movement and relaxation while the flare-up settles',
      minutes: Math.round(totalSeconds(items) / 60),
      exercises: items.map((i) => toSessionExercise(i.exercise, i.dose, opts)),
      walk,
      progress,
      targets,
      ...heading,
      notes: [...flareNotes(flare, date, shortDay), ...safety, ...tail],
    };
  }

  const opts = { maxEffort: input.screening.maxEffort, maxBout: maxBoutMinutes(answers) };
  const capNote = [
    ...(usual.capped ? [`Some doses stay where they are so the session still fits your ${usual.budgetMinutes} minutes.`] : []),
    ...(usual.cardioCapped
      ? [`${usual.cardioCapped.name} stays at ${usual.cardioCapped.minutes} minutes so there is time for the rest of the session.`]
      : []),
  ];
  return {
    date,
    status: 'session',
    week: p.week,
    focus: focusOf(usual.items.map((r) => r.exercise), answers.pain.regions),
    minutes: Math.round(totalSeconds(usual.items) / 60),
    exercises: usual.items.map((r) =>
      toSessionExercise(r.exercise, r.dose, r.swappedFrom ? { ...opts, effort: r.effort, swappedFrom: r.swappedFrom } : { ...opts, effort: r.effort }),
    ),
    walk,
    progress,
    targets,
    ...heading,
    notes: [...progressionNotes(p, date, ctx.nameOf, usual.budgetMinutes), ...capNote, ...earlyNotes, ...safety, ...tail],
  };
}

function stopSession(input: SessionInput, date: IsoDate): Session {
  return {
    date,
    status: 'stop',
    week: weekOf(input.intake.date, date),
    focus: input.screening.stopReason === 'clearance-expired' ? SESSION_MESSAGES.recheckFocus : SESSION_MESSAGES.stopFocus,
    minutes: 0,
    exercises: [],
    walk: null,
    progress: { level: 0, change: null, reason: null },
    targets: null,
    notes: [...input.screening.notes, SESSION_MESSAGES.disclaimer],
  };
}

// ---------------------------------------------------------------------------------------------
// Where this is heading (clinical-rules §4 long-term targets; WHO 2020; ACSM)

/** How far ahead the course is projected. DEFAULT: two years. */
export const HEADING_MAX_WEEKS = 104;

/** Balance on ≥ 3 days for people over 65, with balance worries, or with osteoporosis (WHO 2020; §4). */
export function balanceGoal(answers: IntakeAnswers): number {
  return answers.about.age >= BALANCE_AGE || answers.ability.balanceWorries || answers.ability.osteoporosis ? BALANCE_DAYS_TARGET : 0;
}

function targetsAt(ctx: Context, level: number): Targets {
  const s = ctx.summaryAt(level);
  return {
    moderateMinutes: { week: s.moderateMinutes, goal: WEEKLY_MODERATE_MINUTES_MIN },
    strengthDays: { week: s.strengthDays, goal: STRENGTH_DAYS_TARGET },
    balanceDays: { week: s.balanceDays, goal: balanceGoal(ctx.answers) },
  };
}

const met = (t: Targets): boolean => [t.moderateMinutes, t.strengthDays, t.balanceDays].every((v) => v.week >= v.goal);

function headingFor(ctx: Context, p: DayProgress): Heading {
  const now = targetsAt(ctx, p.level);
  let reachedWeek: number | null = null;
  let top = now;
  for (let k = 0, level = p.level; k <= HEADING_MAX_WEEKS; k++, level++) {
    top = targetsAt(ctx, level);
    if (met(top)) {
      reachedWeek = p.week + k;
      break;
    }
    if (!canRise(ctx.fold, level)) break;
  }
  const m = now.moderateMinutes;
  // "strength on 3 of 2 days" reads as a mistake: past the goal, say the goal beside the count.
  const daysOf = (what: string, t: TargetValue) =>
    t.week >= t.goal
      ? `${what} on ${t.week} day${t.week === 1 ? '' : 's'} a week (the target is ${t.goal} or more)`
      : `${what} on ${t.week} of ${t.goal} days a week`;
  const minutes =
    m.week >= m.goal
      ? `${m.week} minutes of moderate activity a week (brisk walking and cardio; the target is ${m.goal} or more)`
      : `${m.week} of ${m.goal} minutes of moderate activity a week (brisk walking and cardio)`;
  const parts = [minutes, daysOf('strength', now.strengthDays)];
  if (now.balanceDays.goal > 0) parts.push(daysOf('balance', now.balanceDays));
  const words = [`Where this is heading: this week's plan has ${listWords(parts)}.`];
  if (met(now)) words.push('This week the plan meets the long-term targets. Keep it up.');
  else if (reachedWeek !== null) words.push(`With every session and walk done, the plan reaches them in week ${reachedWeek}.`);
  else {
    words.push(`Your current schedule cannot get all the way there.`);
    const short = WEEKLY_MODERATE_MINUTES_MIN - top.moderateMinutes.week;
    const walkDays = walkingDays(ctx.answers.schedule.days).length;
    if (short > 0) {
      const more = Math.ceil(short / WALK_GOAL_MINUTES);
      words.push(
        walkDays + more <= 7
          ? `A brisk ${WALK_GOAL_MINUTES}-minute walk on ${more} more day${more === 1 ? '' : 's'} a week would reach ${WEEKLY_MODERATE_MINUTES_MIN} minutes.`
          : 'Longer sessions, or brisk cardio in them, would reach it.',
      );
    }
    if (top.strengthDays.week < top.strengthDays.goal) words.push(`Strength needs ${top.strengthDays.goal} days a week: one more session day would allow it.`);
    if (top.balanceDays.week < top.balanceDays.goal) words.push(`Balance needs ${top.balanceDays.goal} days a week: more session days would allow it.`);
  }
  return { ...now, reachedWeek, words };
}

/** Where this is heading on `input.date` (painfit plan, the report, and today once a week). */
export function buildHeading(input: SessionInput): Heading | null {
  if (input.screening.outcome === 'stop') return null;
  const ctx = contextOf(input);
  const p = timeline(ctx, input.date, input.date).at(-1);
  return p ? headingFor(ctx, p) : null;
}

/** The report's days of the fold from `from` to `input.date`, and where this is heading, from one plan. */
export function progressWithHeading(input: SessionInput, from: IsoDate): { days: DayProgress[]; heading: Heading | null } {
  if (input.screening.outcome === 'stop') return { days: [], heading: null };
  const ctx = contextOf(input);
  const days = timeline(ctx, from, input.date);
  const today = days.at(-1);
  return { days, heading: today ? headingFor(ctx, today) : null };
}

/** The weekly fold's configuration for this person and plan (exported for the store's cache and the report). */
export function foldConfigOf(input: SessionInput): FoldConfig {
  return contextOf(input).fold;
}

/** Each day's progress from `from` to `to`, folded from `input.progress` (or the intake) over the input's facts. */
export function progressBetween(input: SessionInput, from: IsoDate, to: IsoDate, onWeek?: (s: ProgressState) => void): DayProgress[] {
  return timeline(contextOf(input), from, to, onWeek);
}

function timeline(ctx: Context, from: IsoDate, until: IsoDate, onWeek?: (s: ProgressState) => void, opts: PreviewOptions = {}): DayProgress[] {
  const { input } = ctx;
  if (until < input.intake.date) {
    throw new RangeError(`${until} is before the intake of ${input.intake.date}: pass the intake in force on that date`);
  }
  const state = input.progress ?? initialState(ctx.fold);
  const facts = indexFacts({
    checkins: input.checkins,
    completions: input.completions,
    feedback: input.feedback ?? [],
    walks: input.walks ?? [],
    flares: input.flares ?? [],
  });
  return progressDays(ctx.fold, state, facts, from < state.start ? state.start : from, until, onWeek ?? input.onWeek, opts);
}

/** The session for `input.date` (today, a preview, or a past day). */
export function buildSession(input: SessionInput): Session {
  if (input.date < input.intake.date) {
    throw new RangeError(`${input.date} is before the intake of ${input.intake.date}: pass the intake in force on that date`);
  }
  if (input.screening.outcome === 'stop') return stopSession(input, input.date);
  const ctx = contextOf(input);
  const today = timeline(ctx, input.date, input.date).at(-1);
  if (!today) throw new RangeError(`no plan day for ${input.date}`);
  return sessionFor(ctx, today);
}

/**
 * `count` days from `input.date` (default seven: today and the six after): the week at a glance
 * for `painfit plan`, or the weeks of its calendar file. Days ahead assume no new check-ins or
 * completions, so they show the plan as it stands.
 */
export function buildWeek(input: SessionInput, count = 7): Session[] {
  return buildWeekWithHeading(input, count).days;
}

/** `count` days at a glance and where this is heading (painfit plan), from one plan. */
export function buildWeekWithHeading(input: SessionInput, count = 7): { days: Session[]; heading: Heading | null } {
  const dates = Array.from({ length: count }, (_, k) => addDays(input.date, k));
  if (input.screening.outcome === 'stop') return { days: dates.map((d) => stopSession(input, d)), heading: null };
  const ctx = contextOf(input);
  // Days ahead assume the person keeps checking in: only today can be a return from a break.
  const days = timeline(ctx, input.date, dates[count - 1] ?? input.date, undefined, { assumeActiveFrom: addDays(input.date, 1) });
  const today = days[0];
  return { days: days.map((p) => sessionFor(ctx, p)), heading: today ? headingFor(ctx, today) : null };
}
