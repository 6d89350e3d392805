// The day's session (design.md, the `today --json` contract): the plan, progressed to the date
// asked, with flares, swaps and the reasons for any change. Pure: the command reads the facts and
// the screening, passes them in with the date, and renders what comes back.
import { addDays, compareText, daysBetween, formatDate, type IsoDate, weekdayOf } from './dates';
import type { Dose, Exercise, Phase } from './exercise';
import type { Checkin, Completion, FlareFact, Swap } from './facts';
import { targetEffort } from './effort';
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
  sessionOrder,
  startCardioMinutes,
  startDose,
  TRANSITION_SECONDS,
  type WeekPlan,
} from './plan';
import {
  type DayProgress,
  doseAtLevel,
  type Dosed,
  progressionTimeline,
  type RuleBreak,
  type StepContext,
  weekOf,
} from './progression';
import {
  ADHERENCE_TO_PROGRESS,
  HOLD_STEP_SECONDS,
  LIGHT_ONLY_MAX_EFFORT,
  MAX_BOUT_MINUTES_DECONDITIONED,
  MAX_PAIN_DURING_EXERCISE,
  TARGET_EFFORT_MAX,
  WEEKLY_PROGRESSION,
} from './rules';
import { FLARE_RECHECK_MESSAGE, flareRecheckDue, readinessOf, type Screening, SCREENING_MESSAGES } from './screening';
import { answersOn, type DatedSettings } from './settings';
import { decideSwap, swapAlternatives } from './swap';
import type { ExerciseType, Position, Region } from './vocab';
import { REGION_LABEL } from './words';

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
  /** "I'm flaring" / "it has settled" (painfit flare), from the intake on. */
  flares?: readonly FlareFact[];
  screening: ScreeningInput;
  /** `painfit settings` changes dated on or before the date (settings.ts); none when left out. */
  settings?: readonly DatedSettings[];
  /** Days logged as unwell (`log --unwell`): no session, a rest day with advice (clinical-rules §1a). */
  unwellDates?: readonly IsoDate[];
  /** The day the screening answers in force were given (for the §1d flare recheck). */
  screenedOn?: IsoDate;
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
  notes: string[];
}

// ---------------------------------------------------------------------------------------------
// Words (§3, §4, §7)

export const SESSION_MESSAGES = {
  disclaimer: 'painfit does not replace advice from your doctor or physiotherapist.',
  painRule: `Pain during exercise up to ${MAX_PAIN_DURING_EXERCISE} out of 10 is fine, and it should settle back to your usual level by the next morning. If it goes above ${MAX_PAIN_DURING_EXERCISE}, ease off or stop that exercise.`,
  soreness:
    'Some muscle soreness in the first weeks is normal and is not a sign of harm. It usually eases within a day or two.',
  firstWeek: `This first week starts a little below what you can do now. Doses go up about ${Math.round(WEEKLY_PROGRESSION * 100)}% a week when things go well.`,
  rest: 'Today is a rest day: rest helps your body adapt. A short gentle walk or a few minutes of relaxed breathing is a nice extra if you feel like it.',
  resumed: 'Back to the doses you last managed comfortably.',
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

/** The "why this week's doses are what they are" lines (§4). */
export function progressionNotes(p: DayProgress, asked: IsoDate): string[] {
  if (p.resumed) return [SESSION_MESSAGES.resumed];
  const notes: string[] = [];
  const r = p.review;
  if (r) {
    const step = `${Math.round(WEEKLY_PROGRESSION * 100)}%`;
    const need = Math.ceil(r.planned * ADHERENCE_TO_PROGRESS);
    if (r.change === 'up') {
      notes.push(`Doses go up about ${step} this week because last week you did ${r.done} of ${r.planned} sessions with pain staying within the rules.`);
    } else if (r.reason === 'rule') {
      const why = r.breaks[0] ? ruleWords(r.breaks[0], asked) : 'a pain rule was broken';
      notes.push(
        r.level > 0
          ? `Doses are one step lower this week because ${why}.`
          : `Doses stay at the starting level this week because ${why}.`,
      );
    } else if (r.reason === 'flare') {
      notes.push('Doses are held this week because last week included a flare-up.');
    } else if (r.reason === 'paused') {
      notes.push('Doses are held this week until a clinician has seen you about your health answers.');
    } else {
      notes.push(`Doses are held this week: you did ${r.done} of ${r.planned} planned sessions. Doing at least ${need} lets them go up next week.`);
    }
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
}

function contextOf(input: SessionInput): Context {
  const settings = input.settings ?? [];
  const answers = answersOn(input.intake, settings, input.date);
  // One plan per (answers in force, session length): a settings change from a date on changes the
  // plan from that date, while the weeks before it are replayed with the plan they had (so the
  // progress they earned is kept, clinical-rules §4).
  const cache = new Map<string, WeekPlan>();
  const planOn = (a: IntakeAnswers, level: number): WeekPlan => {
    const budget = sessionBudget(a, level);
    // Every answer counts: an intake that kept progress may change regions, age or screening too.
    const key = `${a === answers ? 'now' : JSON.stringify(a)}|${budget}`;
    let plan = cache.get(key);
    if (!plan) {
      plan = buildPlan(a, input.library, { maxEffort: input.screening.maxEffort, budgetMinutes: budget });
      cache.set(key, plan);
    }
    return plan;
  };
  const planFor = (level: number): WeekPlan => planOn(answers, level);
  const answersAt = (date: IsoDate): IntakeAnswers => (settings.length === 0 ? answers : answersOn(input.intake, settings, date));
  return {
    input,
    answers,
    byId: indexLibrary(input.library),
    limits: limitsOf(answers, input.screening.maxEffort),
    planFor,
    dayPlan: (date, level) => planOn(answersAt(date), level).days.find((d) => d.weekday === weekdayOf(date)) ?? null,
  };
}

interface Usual {
  items: Resolved[];
  budgetMinutes: number;
  /** Doses were kept lower than the level allows so the session fits. */
  capped: boolean;
  /** Cardio kept below its progressed time so the rest of the session fits. */
  cardioCapped: { name: string; minutes: number } | null;
}

const totalSeconds = (items: readonly { exercise: Exercise; dose: Dose }[]): number =>
  items.reduce((s, i) => s + estimateSeconds(i.dose, i.exercise), 0);

/**
 * The usual session for a scheduled day at `level`, swaps applied, fitted to the session length:
 * if the progressed doses do not fit, non-cardio doses step back until they do, and cardio takes
 * the time left (never more than its share on strength days).
 */
function usualSession(ctx: Context, day: DayPlan, date: IsoDate, level: number): Usual {
  const budgetMinutes = ctx.planFor(level).budgetMinutes;
  const budget = budgetMinutes * 60;
  const swaps = swapsInForce(ctx.input.swaps, date);
  const step: StepContext = { byId: ctx.byId, limits: ctx.limits, allowRungs: true };
  const resolve = (it: PlanItem, l: number): Resolved => {
    const dosed =
      it.exercise.type === 'cardio' && 'minutes' in it.dose
        ? { exercise: it.exercise, dose: { minutes: growMinutes(it.dose.minutes, level, Infinity) }, rungs: [it.exercise.id] }
        : doseAtLevel(it.exercise, it.dose, l, step);
    return applySwaps({ ...dosed, required: it.required, priority: it.priority }, swaps, l, step);
  };
  const isCardio = (r: Resolved) => r.exercise.type === 'cardio';
  const cardioBase = day.items.filter((i) => i.exercise.type === 'cardio').reduce((s, i) => s + estimateSeconds(i.dose, i.exercise), 0);

  let l = level;
  let items = day.items.map((it) => resolve(it, l));
  while (l > 0 && totalSeconds(items.filter((r) => !isCardio(r))) + cardioBase > budget) {
    l -= 1;
    items = day.items.map((it) => resolve(it, l));
  }
  // Swaps can still overflow: drop optional items, least important first.
  const byPriority = [...items].sort((a, b) => b.priority - a.priority);
  for (const r of byPriority) {
    if (totalSeconds(items.filter((x) => !isCardio(x))) + cardioBase <= budget) break;
    if (!r.required && !isCardio(r)) items = items.filter((x) => x !== r);
  }
  // Cardio takes the time left, up to its progressed dose and its share on strength days.
  const capped = l < level;
  let cardioCapped: Usual['cardioCapped'] = null;
  const fixed = totalSeconds(items.filter((r) => !isCardio(r)));
  const share = day.strength ? Math.floor(budgetMinutes * CARDIO_SHARE_ON_STRENGTH_DAYS) : budgetMinutes;
  items = items.flatMap((r) => {
    if (!isCardio(r) || !('minutes' in r.dose)) return [r];
    const room = Math.floor((budget - fixed - TRANSITION_SECONDS) / 60);
    const minutes = Math.min(r.dose.minutes, share, room);
    if (minutes < r.dose.minutes && level > 0) cardioCapped = { name: r.exercise.name, minutes };
    return minutes >= 1 ? [{ ...r, dose: { minutes } }] : [];
  });
  // Two items swapped to the same exercise: keep the first, so each is logged once.
  const seen = new Set<string>();
  items = items.filter((r) => !seen.has(r.exercise.id) && seen.add(r.exercise.id));
  return { items: sessionOrder(items), budgetMinutes, capped, cardioCapped };
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

function toSessionExercise(
  ex: Exercise,
  dose: Dose,
  opts: { maxEffort: number; maxBout: number; optional?: boolean; swappedFrom?: string; week: number; toleratedWeeks: number },
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
    // §4 effort ladder within the §1a cap (effort.ts decides; never worked out here).
    effort: targetEffort({ type: ex.type, week: opts.week, toleratedWeeks: opts.toleratedWeeks, libraryEffort: ex.effort, cap: opts.maxEffort }),
    perSide: ex.perSide,
    cues: [...ex.cues],
    purpose: ex.purpose,
  };
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
function restExtra(ctx: Context, date: IsoDate, p: DayProgress): SessionExercise[] {
  const { answers } = ctx;
  const limits: Limits = { ...ctx.limits, maxEffort: Math.min(ctx.limits.maxEffort, FLARE_MAX_EFFORT) };
  const walkFirst = answers.ability.walkMinutes > 0 && daysBetween(ctx.input.intake.date, date) % 2 === 0;
  const walk = candidatesFor('cardio', null, ['walking'], answers, ctx.input.library, ctx.byId, limits).find((e) => e.gentle);
  const breathe = candidatesFor('mind-body', null, ['breathing'], answers, ctx.input.library, ctx.byId, limits).find((e) => e.gentle);
  const opts = { maxEffort: limits.maxEffort, maxBout: Infinity, optional: true, week: p.week, toleratedWeeks: p.toleratedWeeks };
  if (walk && (walkFirst || !breathe) && answers.ability.walkMinutes > 0) {
    const minutes = Math.min(startCardioMinutes(answers), MAX_BOUT_MINUTES_DECONDITIONED);
    return [toSessionExercise(walk, { minutes }, opts)];
  }
  return breathe ? [toSessionExercise(breathe, startDose(breathe), opts)] : [];
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
      notes: [FLARE_RECHECK_MESSAGE, ...input.screening.notes, SESSION_MESSAGES.disclaimer],
    };
  }
  const screeningNotes = input.screening.notes;
  const tail = [...screeningNotes, SESSION_MESSAGES.disclaimer];
  const day = ctx.dayPlan(date, p.level);
  const earlyNotes = p.week === 1 ? [SESSION_MESSAGES.firstWeek, SESSION_MESSAGES.soreness] : [];
  const safety = [SESSION_MESSAGES.painRule, SCREENING_MESSAGES.alwaysStop];

  if (!day) {
    const extra = restExtra(ctx, date, p);
    return {
      date,
      status: flare ? 'flare' : 'rest',
      week: p.week,
      focus: flare ? 'rest and gentle movement while the flare-up settles' : 'rest',
      minutes: 0,
      exercises: extra,
      notes: [...(flare ? flareNotes(flare, date, shortDay) : []), SESSION_MESSAGES.rest, ...tail],
    };
  }

  const usual = usualSession(ctx, day, date, p.level);
  if (flare) {
    const cardio = usual.items.find((r) => r.exercise.type === 'cardio');
    const items = buildFlareDay(answers, input.library, {
      maxEffort: input.screening.maxEffort,
      usualMinutes: Math.round(totalSeconds(usual.items) / 60),
      usualCardioMinutes: cardio && 'minutes' in cardio.dose ? cardio.dose.minutes : 0,
      index: ctx.planFor(p.level).days.indexOf(day),
    });
    const opts = { maxEffort: Math.min(input.screening.maxEffort, FLARE_MAX_EFFORT), maxBout: FLARE_BOUT_MINUTES, week: p.week, toleratedWeeks: p.toleratedWeeks };
    return {
      date,
      status: 'flare',
      week: p.week,
      focus: 'gentle movement and relaxation while the flare-up settles',
      minutes: Math.round(totalSeconds(items) / 60),
      exercises: items.map((i) => toSessionExercise(i.exercise, i.dose, opts)),
      notes: [...flareNotes(flare, date, shortDay), ...safety, ...tail],
    };
  }

  const opts = { maxEffort: input.screening.maxEffort, maxBout: maxBoutMinutes(answers), week: p.week, toleratedWeeks: p.toleratedWeeks };
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
      toSessionExercise(r.exercise, r.dose, r.swappedFrom ? { ...opts, swappedFrom: r.swappedFrom } : opts),
    ),
    notes: [...progressionNotes(p, date), ...capNote, ...earlyNotes, ...safety, ...tail],
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
    notes: [...input.screening.notes, SESSION_MESSAGES.disclaimer],
  };
}

function timeline(ctx: Context, until: IsoDate): DayProgress[] {
  const { input, answers } = ctx;
  if (until < input.intake.date) {
    throw new RangeError(`${until} is before the intake of ${input.intake.date}: pass the intake in force on that date`);
  }
  return progressionTimeline(
    {
      intakeDate: input.intake.date,
      intakeAverage: answers.pain.average,
      checkins: input.checkins,
      completions: input.completions,
      ...(input.flares ? { flares: input.flares } : {}),
      paused: input.screening.progressionPaused,
      // An unwell day has no session, so it does not count against the week's adherence.
      plannedCount: (date, level) => (input.unwellDates?.includes(date) ? 0 : (ctx.dayPlan(date, level)?.items.length ?? 0)),
    },
    until,
  );
}

/** The session for `input.date` (today, a preview, or a past day). */
export function buildSession(input: SessionInput): Session {
  if (input.date < input.intake.date) {
    throw new RangeError(`${input.date} is before the intake of ${input.intake.date}: pass the intake in force on that date`);
  }
  if (input.screening.outcome === 'stop') return stopSession(input, input.date);
  const ctx = contextOf(input);
  const days = timeline(ctx, input.date);
  const today = days[days.length - 1];
  if (!today) throw new RangeError(`no plan day for ${input.date}`);
  return sessionFor(ctx, today);
}

/**
 * `count` days from `input.date` (default seven: today and the six after): the week at a glance
 * for `painfit plan`, or the weeks of its calendar file. Days ahead assume no new check-ins or
 * completions, so they show the plan as it stands.
 */
export function buildWeek(input: SessionInput, count = 7): Session[] {
  const dates = Array.from({ length: count }, (_, k) => addDays(input.date, k));
  if (input.screening.outcome === 'stop') return dates.map((d) => stopSession(input, d));
  const ctx = contextOf(input);
  const days = timeline(ctx, dates[count - 1] ?? input.date);
  return days.slice(-count).map((p) => sessionFor(ctx, p));
}
