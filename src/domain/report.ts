// Weekly trends for `painfit report` (clinical-rules §2). Pure: facts and dates in, numbers out.
// The types below are the contract shared by the terminal, JSON, CSV and HTML renderers.
import { addDays, daysBetween, formatDate, type IsoDate, mondayOf, weekdayOf } from './dates';
import type { Checkin, Completion, Walk } from './facts';
import { type FlareDay, groupByDate } from './flare';
import type { Goal, IntakeRecord } from './intake';
import { type DayProgress, type RuleBreak, sessionDone, type WeekDecision } from './progression';
import {
  MAX_PAIN_DURING_EXERCISE,
  MEANINGFUL_CHANGE_PERCENT,
  MEANINGFUL_CHANGE_POINTS,
  NOISE_CHANGE_PERCENT,
  PSFS_ITEM_CHANGE,
  PSFS_MEAN_CHANGE,
  SUBSTANTIAL_CHANGE_PERCENT,
} from './rules';
import { flagTiers, type FlagTier, READINESS_LIGHT, READINESS_STOP, type RedFlagTier, type Screening } from './screening';
import { type Region, WEEKDAYS, type Weekday } from './vocab';
import { listWords, PEG, WEEKDAY_SHORT } from './words';

export interface WeekRow {
  /** Monday of the week, or the intake date when the plan started later that week (never before it). */
  start: IsoDate;
  checkins: number;
  /** Mean of the week's check-ins; null when there were none (a gap, never a zero). */
  painMean: number | null;
  painMin: number | null;
  painMax: number | null;
  sessionsPlanned: number;
  sessionsDone: number;
  /** sessionsDone / sessionsPlanned as a percentage (0-100); null when nothing was planned. */
  adherence: number | null;
  /** Minutes of exercise done that week. */
  activeMinutes: number;
  /** Minutes of the walking track logged that week (painfit log --walk). */
  walkMinutes: number;
  /** Mean PEG score of that week's weekly measures; null when none was given. */
  peg: number | null;
  /** Means of the week's check-in answers (0-10), each null when none was given. */
  sleepMean: number | null;
  /** Worst pain during exercise. */
  duringMean: number | null;
  effortMean: number | null;
}

export interface DayPoint {
  date: IsoDate;
  /** Mean of that day's check-ins; null when there were none. */
  pain: number | null;
  sessionDone: boolean;
  /** A session was planned that day (a scheduled day of the plan, up to the date asked). */
  planned?: boolean;
}

export type Verdict = 'substantial' | 'meaningful' | 'small' | 'no-clear-change' | 'worse' | 'not-enough-data';

export interface Change {
  /** Intake average pain (or the baseline PEG / PSFS mean). */
  baseline: number;
  /** Mean of the last 7 days' check-ins; null when there were none. */
  current: number | null;
  /** baseline - current: a reduction is positive. */
  points: number | null;
  /** Reduction as a percentage of the baseline: positive is better. */
  percent: number | null;
  /** Reduction >= 30 % or >= 2 points (Farrar 2001; IMMPACT). */
  meaningful: boolean;
  verdict: Verdict;
  /** One plain sentence naming the verdict. */
  words: string;
  /** Which way the score moved ('lower' is better for pain and PEG); null without a current value. */
  direction?: Direction | null;
  /** PEG only: the date of the weekly measure used as `current`. */
  currentDate?: IsoDate | null;
  /** Pain only: how many check-ins `current` rests on. */
  checkins?: number;
}

export interface GoalChange {
  activity: string;
  baseline: number;
  current: number | null;
  change: number | null;
  /** >= 3 points on one item (Stratford 1995). */
  real: boolean;
}

export interface PsfsChange {
  goals: GoalChange[];
  baselineMean: number;
  currentMean: number | null;
  change: number | null;
  /** >= 2 on the mean or >= 3 on one item (Stratford 1995). */
  real: boolean;
  words: string;
  /** The date of the re-rating used as `current`. */
  currentDate?: IsoDate | null;
}

export interface FlareSpan {
  start: IsoDate;
  /** Last flare day; null while it is still going on. */
  end: IsoDate | null;
  days: number;
}

export interface ProgressionStep {
  /** The plan-week start the change took effect. */
  date: IsoDate;
  week: number;
  change: 'up' | 'hold' | 'down';
  /** The weekly fold's reason code (progression.ts WeekReason), the same `today --json` shows. */
  code: WeekDecision['reason'];
  /** The plan level before and after. */
  from: number;
  to: number;
  reason: string;
}

/**
 * A pattern in the person's own data, with how many days it rests on. It says what went together,
 * never what caused what; with too few days it says so and gives no comparison.
 */
export interface Insight {
  kind: 'after-session' | 'sleep';
  enough: boolean;
  /** The two groups compared: days in each and their mean pain (null without days). */
  groups: { label: string; days: number; painMean: number | null }[];
  /** First group's mean pain minus the second's; null when there is not enough data. */
  difference: number | null;
  words: string;
}

export interface ScreeningAnswer {
  /** The answer's key in the answers file (a readiness question or a warning sign). */
  answer: string;
  tier: 'stop' | 'light' | RedFlagTier;
}

export interface Report {
  from: IsoDate;
  to: IsoDate;
  intake: { date: IsoDate; name?: string; age: number; regions: Region[]; average: number };
  screening: {
    outcome: 'proceed' | 'light' | 'stop';
    redFlags: string[];
    flags: FlagTier[];
    notes: string[];
    /** The answers that shaped the plan, each with its tier (readiness: stop or light; warning signs: their tier). */
    answers?: ScreeningAnswer[];
    /** The clinician's clearance in force, if any. */
    clearance?: { date: IsoDate; by: string | null } | null;
  };
  /** Oldest first; weeks start on Monday. */
  weeks: WeekRow[];
  daily: DayPoint[];
  change: Change;
  peg: Change | null;
  psfs: PsfsChange | null;
  flares: FlareSpan[];
  steps: ProgressionStep[];
  /** Pain the day after a session vs other days; pain after poor vs good sleep. */
  insights: Insight[];
  notes: { date: IsoDate; note: string }[];
  plan: { days: string[]; minutes: number; summary: string };
  /** The --weeks asked for; `weeks` is shorter when the plan is younger. */
  weeksAsked?: number;
  /** Where this is heading: the plan against the long-term targets (clinical-rules §4), from session.buildHeading. */
  heading?: { moderateMinutes: { week: number; goal: number }; strengthDays: { week: number; goal: number }; balanceDays: { week: number; goal: number }; reachedWeek: number | null; words: string[] } | null;
}

// ---------------------------------------------------------------------------------------------
// The functions. Everything below is pure: the command reads the facts for the window (see
// reportRange) and passes them in with the date asked about.

/** One weekly-measures answer (painfit checkin): PEG items and/or the intake goals re-rated. */
export interface Measure {
  id: number;
  date: IsoDate;
  recordedAt: string;
  peg: { pain: number; enjoyment: number; activity: number } | null;
  /** The intake goals re-rated, in intake order. */
  goals: Goal[] | null;
}

/** Weeks shown when --weeks is not given (issue 4). */
export const DEFAULT_REPORT_WEEKS = 8;
/** The most --weeks accepts: ten years. */
export const MAX_REPORT_WEEKS = 520;
/** "Current" pain is the mean of the check-ins in this many days ending on the date asked (design.md). */
export const CURRENT_PAIN_DAYS = 7;
/**
 * How far before the window the report reads facts. Covers the §5 reference level (7 days), the
 * week reviewed for the first progression step (7 days) and three more weeks so that a flare or a
 * morning-pain trend already under way when the window opens is seen. DEFAULT. Bounded on purpose:
 * the report must not replay the whole history (its cost must not grow with years of data).
 */
export const REPORT_LOOKBACK_DAYS = 35;
/** A pain verdict resting on fewer check-ins than this says so. DEFAULT (about every other day). */
export const VERDICT_MIN_CHECKINS = 4;
/** An insight compares two groups only when each has at least this many days. DEFAULT */
export const INSIGHT_MIN_DAYS = 5;
/** Differences in mean pain smaller than this are "about the same". DEFAULT (day-to-day noise). */
export const INSIGHT_SAME_POINTS = 0.5;
/** Sleep rated this or lower counts as poor, this or higher as good (0-10 scale, Snyder 2018). DEFAULT cut points. */
export const POOR_SLEEP_MAX = 4;
export const GOOD_SLEEP_MIN = 7;
/** Float noise guard for the threshold comparisons (e.g. 1.5 / 5 * 100 = 30.000000000000004). */
const EPSILON = 1e-9;

export interface ReportRange {
  /** First day shown: the Monday of the first week, or the intake date when that is later. */
  from: IsoDate;
  to: IsoDate;
  /** Mondays of the weeks shown, oldest first. */
  mondays: IsoDate[];
  /** First date whose check-ins and completions the report needs (flare reference, first step). */
  factsFrom: IsoDate;
}

/** The weeks covered: `weeks` weeks ending with the week of `asOf`, but never before the intake's week. */
export function reportRange(intakeDate: IsoDate, asOf: IsoDate, weeks: number): ReportRange {
  if (asOf < intakeDate) throw new RangeError(`${asOf} is before the intake of ${intakeDate}`);
  const last = mondayOf(asOf);
  const first = maxDate(addDays(last, -7 * (Math.max(1, weeks) - 1)), mondayOf(intakeDate));
  // Weeks never start before the intake: the plan's first week may be a part week.
  const from = maxDate(first, intakeDate);
  const mondays: IsoDate[] = [];
  for (let m = first; m <= last; m = addDays(m, 7)) mondays.push(m);
  const earliest = minDate(from, addDays(asOf, -(CURRENT_PAIN_DAYS - 1)));
  return { from, to: asOf, mondays, factsFrom: maxDate(intakeDate, addDays(earliest, -REPORT_LOOKBACK_DAYS)) };
}

export interface ReportInput {
  /** The date asked about (ctx.today): the last day of the report. */
  asOf: IsoDate;
  /** Weeks asked for (--weeks); fewer are shown when the plan is younger. */
  weeks: number;
  /** The intake in force on `asOf`. */
  intake: IntakeRecord;
  screening: Pick<Screening, 'outcome' | 'redFlags' | 'notes' | 'progressionPaused'> & Partial<Pick<Screening, 'flags' | 'readinessYes' | 'followUpsYes' | 'clearance'>>;
  /** Check-ins from reportRange().factsFrom to asOf (others are ignored). */
  checkins: readonly Checkin[];
  /** Completions from reportRange().factsFrom to asOf. */
  completions: readonly Completion[];
  /** Weekly measures dated in the window. */
  measures: readonly Measure[];
  /** Walks of the walking track dated in the window. */
  walks?: readonly Walk[];
  /** The latest measure with PEG answers dated from the intake to asOf. */
  latestPeg: Measure | null;
  /** The latest measure with re-rated goals dated from the intake to asOf. */
  latestGoals: Measure | null;
  /**
   * The weekly fold's days (progression.ts, via session.progressBetween), at least from the
   * window's first day (or the intake) to asOf: the report's flares and dose changes come from
   * the same fold as `today`.
   */
  progress: readonly DayProgress[];
  /** Where this is heading on asOf (session.buildHeading), shown with the dose changes. */
  heading?: Report['heading'];
}

export function buildReport(input: ReportInput): Report {
  const { asOf, intake } = input;
  const answers = intake.answers;
  const range = reportRange(intake.date, asOf, input.weeks);
  const inPlan = (d: IsoDate) => d >= intake.date && d <= asOf;
  // Facts before this intake belong to an earlier plan: the report covers the plan in force.
  const checkins = input.checkins.filter((c) => inPlan(c.date) && c.date >= range.factsFrom);
  const completions = input.completions.filter((c) => inPlan(c.date) && c.date >= range.factsFrom);
  const byDate = groupByDate(checkins);
  const days = dayCompletions(completions);
  const scheduled = new Set<Weekday>(input.screening.outcome === 'stop' ? [] : answers.schedule.days);
  const isPlanned = (d: IsoDate) => inPlan(d) && scheduled.has(weekdayOf(d));
  const isDone = (d: IsoDate) => isPlanned(d) && (days.get(d)?.sessionDone ?? false);
  const window = (d: IsoDate) => d >= range.from && d <= asOf;

  const weeks = range.mondays.map((monday): WeekRow => {
    const dates = datesFrom(monday, 7).filter(inPlan);
    const pains = dates.flatMap((d) => (byDate.get(d) ?? []).map((c) => c.pain));
    const planned = dates.filter(isPlanned).length;
    const done = dates.filter(isDone).length;
    const pegs = input.measures.filter((m) => m.peg && inPlan(m.date) && m.date >= monday && m.date <= addDays(monday, 6)).map((m) => pegScore(m.peg!));
    const answered = (pick: (c: Checkin) => number | null) => mean(dates.flatMap((d) => (byDate.get(d) ?? []).map(pick).filter((x): x is number => x !== null)));
    return {
      start: maxDate(monday, intake.date),
      checkins: pains.length,
      painMean: mean(pains),
      painMin: pains.length ? Math.min(...pains) : null,
      painMax: pains.length ? Math.max(...pains) : null,
      sessionsPlanned: planned,
      sessionsDone: done,
      adherence: planned > 0 ? (done / planned) * 100 : null,
      activeMinutes: dates.reduce((sum, d) => sum + (days.get(d)?.minutesDone ?? 0), 0),
      walkMinutes: (input.walks ?? []).filter((w) => dates.includes(w.date)).reduce((sum, w) => sum + w.minutes, 0),
      peg: mean(pegs),
      sleepMean: answered((c) => c.sleep),
      duringMean: answered((c) => c.during),
      effortMean: answered((c) => c.effort),
    };
  });

  const daily: DayPoint[] = datesBetween(range.from, asOf).map((date) => ({
    date,
    pain: inPlan(date) ? mean((byDate.get(date) ?? []).map((c) => c.pain)) : null,
    sessionDone: isDone(date),
    planned: isPlanned(date),
  }));

  const recent = checkins.filter((c) => c.date > addDays(asOf, -CURRENT_PAIN_DAYS)).map((c) => c.pain);
  const change = painChange(answers.pain.average, mean(recent), recent.length);
  const peg = pegChange(pegScore(answers.pain.peg), input.latestPeg);
  const psfs = psfsChange(answers.goals, input.latestGoals);

  const shown = input.progress.filter((d) => d.date >= range.from && d.date <= asOf);
  const flares = flareSpans(shown.map((d) => d.flare));
  const steps = progressionSteps(shown);

  const shownDates = datesBetween(range.from, asOf).filter(inPlan);
  const insights = [afterSessionInsight(shownDates, byDate, isDone, intake.date), sleepInsight(shownDates, byDate)];

  const notes = checkins
    .filter((c) => window(c.date) && c.note !== null && c.note.trim() !== '')
    .map((c) => ({ date: c.date, note: c.note as string }));

  return {
    from: range.from,
    to: asOf,
    intake: {
      date: intake.date,
      ...(answers.about.name !== undefined ? { name: answers.about.name } : {}),
      age: answers.about.age,
      regions: [...answers.pain.regions],
      average: answers.pain.average,
    },
    screening: {
      outcome: input.screening.outcome,
      redFlags: [...input.screening.redFlags],
      flags: input.screening.flags ? [...input.screening.flags] : flagTiers(input.screening.redFlags),
      notes: [...input.screening.notes],
      answers: screeningAnswers(input.screening),
      clearance: input.screening.clearance ? { date: input.screening.clearance.seen, by: input.screening.clearance.by } : null,
    },
    weeks,
    daily,
    change,
    peg,
    psfs,
    flares,
    steps,
    insights,
    notes,
    plan: planSummary(answers.schedule.days, answers.schedule.minutes, input.screening.outcome === 'stop'),
    weeksAsked: input.weeks,
    ...(input.heading !== undefined ? { heading: input.heading } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Sessions and minutes per day

export interface DayCompletions {
  rows: number;
  done: number;
  minutesDone: number;
  /**
   * A day's session counts as done by progression's rule (sessionDone: at least half its
   * exercises done). The denominator is the day's completion rows: `painfit log` records every
   * exercise of the day (done or not) for --done all/none and the interactive log, so that is the
   * day's planned count without replaying the plan; with --done id,id only the done ones are
   * recorded, and such a day counts as done.
   */
  sessionDone: boolean;
}

export function dayCompletions(completions: readonly Completion[]): Map<IsoDate, DayCompletions> {
  const out = new Map<IsoDate, DayCompletions>();
  for (const c of completions) {
    const d = out.get(c.date) ?? { rows: 0, done: 0, minutesDone: 0, sessionDone: false };
    d.rows += 1;
    if (c.done) {
      d.done += 1;
      d.minutesDone += c.minutes ?? 0;
    }
    out.set(c.date, d);
  }
  for (const d of out.values()) d.sessionDone = sessionDone(d.done, d.rows);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Change from the start (clinical-rules §2)

export type Direction = 'lower' | 'higher' | 'same';

export interface Judged {
  points: number;
  percent: number | null;
  meaningful: boolean;
  verdict: Exclude<Verdict, 'not-enough-data'>;
  direction: Direction;
}

const atLeast = (value: number, threshold: number) => value >= threshold - EPSILON;

/**
 * Names a change in a score where lower is better (pain, PEG), from `baseline` to `current`.
 * points = baseline − current and percent = points / baseline × 100, so a reduction is positive.
 * Checked in this order, each edge inclusive (exactly 30 % is meaningful):
 *   worse        — a rise of ≥ 30 % or ≥ 2 points (the meaningful thresholds, the other way);
 *   substantial  — a reduction of ≥ 50 %;
 *   meaningful   — a reduction of ≥ 30 % or ≥ 2 points (Farrar 2001; IMMPACT);
 *   small        — a reduction of ≥ 15 % (beyond day-to-day noise, not yet meaningful);
 *   no-clear-change — anything else: a reduction under 15 % (and under 2 points), or a rise under
 *                  30 % and under 2 points (not a meaningful worsening; `direction` says which way).
 * A baseline of 0 has no percentage: only the points rules apply (a rise of 2 is worse).
 */
export function judgeChange(baseline: number, current: number): Judged {
  const points = baseline - current;
  const percent = baseline === 0 ? null : (points * 100) / baseline;
  const direction: Direction = Math.abs(points) < EPSILON ? 'same' : points > 0 ? 'lower' : 'higher';
  const meaningful = (percent !== null && atLeast(percent, MEANINGFUL_CHANGE_PERCENT)) || atLeast(points, MEANINGFUL_CHANGE_POINTS);
  let verdict: Judged['verdict'];
  if ((percent !== null && atLeast(-percent, MEANINGFUL_CHANGE_PERCENT)) || atLeast(-points, MEANINGFUL_CHANGE_POINTS)) verdict = 'worse';
  else if (percent !== null && atLeast(percent, SUBSTANTIAL_CHANGE_PERCENT)) verdict = 'substantial';
  else if (meaningful) verdict = 'meaningful';
  else if (percent !== null && atLeast(percent, NOISE_CHANGE_PERCENT)) verdict = 'small';
  else verdict = 'no-clear-change';
  return { points, percent, meaningful, verdict, direction };
}

const VERDICT_WORDS: Record<Judged['verdict'], string> = {
  substantial: 'a substantial improvement',
  meaningful: 'a meaningful improvement',
  small: 'a small improvement, not yet the 30% or 2 points that counts as meaningful',
  'no-clear-change': 'no clear change yet',
  worse: 'worse than at the start; if it stays like this, talk to your doctor or physiotherapist',
};

/** No comparison to make yet: the baseline and the sentence that says why. */
function noVerdict(baseline: number, words: string): Change {
  return { baseline, current: null, points: null, percent: null, meaningful: false, verdict: 'not-enough-data', words, direction: null };
}

/**
 * Pain, as design.md's `change`: intake average → mean of the last 7 days' check-ins. With fewer
 * than VERDICT_MIN_CHECKINS of them (when the count is given) the words say the verdict rests on few.
 */
export function painChange(baseline: number, current: number | null, checkins?: number): Change {
  const start = `Pain: ${num(baseline)} at the start`;
  const count = checkins === undefined ? {} : { checkins };
  if (current === null) return { ...noVerdict(baseline, `${start}; no check-ins in the last 7 days, so no verdict yet (painfit log records one).`), ...count };
  const j = judgeChange(baseline, current);
  const few =
    checkins !== undefined && checkins < VERDICT_MIN_CHECKINS
      ? ` This rests on only ${checkins === 1 ? 'one check-in' : `${checkins} check-ins`} in the last 7 days, so take it as a first sign.`
      : '';
  return { baseline, current, ...j, words: `${start} → ${num(current)} in the last 7 days: ${changeWords(j)}.${few}`, ...count };
}

/** PEG (Krebs 2009): intake PEG → the latest weekly PEG, with the pain thresholds (clinical-rules §2). */
export function pegChange(baseline: number, latest: Measure | null): Change {
  const start = `${PEG.label}: ${num(baseline)} at the start`;
  if (!latest?.peg) return { ...noVerdict(baseline, `${start}; not asked again yet (painfit checkin asks once a week).`), currentDate: null };
  const current = pegScore(latest.peg);
  const j = judgeChange(baseline, current);
  return {
    baseline,
    current,
    ...j,
    words: `${start} → ${num(current)} on ${formatDate(latest.date)}: ${changeWords(j)}.`,
    currentDate: latest.date,
  };
}

function changeWords(j: Judged): string {
  if (j.direction === 'same') return `the same — ${VERDICT_WORDS[j.verdict]}`;
  const pts = Math.abs(j.points);
  const amount = `${guarded(pts, 1, [MEANINGFUL_CHANGE_POINTS])} ${pts === 1 ? 'point' : 'points'}`;
  const pct = j.percent === null ? '' : ` (${guarded(Math.abs(j.percent), 0, [NOISE_CHANGE_PERCENT, MEANINGFUL_CHANGE_PERCENT, SUBSTANTIAL_CHANGE_PERCENT])}%)`;
  const tail = j.verdict === 'no-clear-change' && j.direction === 'higher' ? 'not a clear change yet' : VERDICT_WORDS[j.verdict];
  return `${amount}${pct} ${j.direction} — ${tail}`;
}

/** PSFS (Stratford 1995): each intake goal then and now; real change ≥ 3 on one goal or ≥ 2 on the mean. */
export function psfsChange(goals: readonly Goal[], latest: Measure | null): PsfsChange | null {
  if (goals.length === 0) return null;
  const rated = latest?.goals ?? null;
  const rows: GoalChange[] = goals.map((g, i) => {
    const again = rated ? (rated[i]?.activity === g.activity ? rated[i] : rated.find((r) => r.activity === g.activity)) : undefined;
    const current = again ? again.score : null;
    const change = current === null ? null : current - g.score;
    return { activity: g.activity, baseline: g.score, current, change, real: change !== null && Math.abs(change) >= PSFS_ITEM_CHANGE };
  });
  const baselineMean = mean(goals.map((g) => g.score)) ?? 0;
  const currents = rows.map((r) => r.current).filter((c): c is number => c !== null);
  // The mean is compared over the goals re-rated, so a goal left out does not count as a change.
  const ratedRows = rows.filter((r) => r.current !== null);
  const currentMean = currents.length ? mean(currents) : null;
  const change = currentMean === null ? null : currentMean - (mean(ratedRows.map((r) => r.baseline)) ?? baselineMean);
  const real = (change !== null && atLeast(Math.abs(change), PSFS_MEAN_CHANGE)) || rows.some((r) => r.real);
  const start = `Goals (0 cannot do, 10 as before): mean ${num(baselineMean)} at the start`;
  let words: string;
  if (currentMean === null || change === null) words = `${start}; not re-rated yet (painfit checkin asks once a week).`;
  else {
    const when = latest ? ` on ${formatDate(latest.date)}` : '';
    const dir = Math.abs(change) < EPSILON ? 'the same' : `${num(Math.abs(change))} ${Math.abs(change) === 1 ? 'point' : 'points'} ${change > 0 ? 'better' : 'worse'}`;
    const realUp = rows.some((r) => r.real && (r.change ?? 0) > 0) || atLeast(change, PSFS_MEAN_CHANGE);
    const realDown = rows.some((r) => r.real && (r.change ?? 0) < 0) || atLeast(-change, PSFS_MEAN_CHANGE);
    const verdict = !real
      ? 'no real change yet (that takes 2 points on the mean or 3 on one goal)'
      : realUp && !realDown
        ? 'a real improvement'
        : realDown && !realUp
          ? 'a real change for the worse'
          : 'real changes both ways';
    words = `${start} → ${num(currentMean)}${when}: ${dir} — ${verdict}.`;
  }
  return { goals: rows, baselineMean, currentMean, change, real, words, currentDate: latest && currentMean !== null ? latest.date : null };
}

export const pegScore = (p: { pain: number; enjoyment: number; activity: number }): number => (p.pain + p.enjoyment + p.activity) / 3;

/** Which answers shaped the plan, each with its tier, from the domain's own tables. */
function screeningAnswers(s: ReportInput['screening']): ScreeningAnswer[] {
  const readiness = (s.readinessYes ?? []).flatMap((q): ScreeningAnswer[] =>
    READINESS_STOP.includes(q) ? [{ answer: q, tier: 'stop' }] : READINESS_LIGHT.includes(q) ? [{ answer: q, tier: 'light' }] : [],
  );
  const followUps = (s.followUpsYes ?? []).map((f): ScreeningAnswer => ({ answer: f, tier: 'light' }));
  const flags = (s.flags ?? flagTiers(s.redFlags)).map((f): ScreeningAnswer => ({ answer: f.flag, tier: f.tier }));
  return [...readiness, ...followUps, ...flags];
}

// ---------------------------------------------------------------------------------------------
// Insights: two patterns in the person's own days, each with the days it rests on. They say what
// went together, never what caused what.

const NOT_CAUSE = 'This shows what went together, not what caused what.';

/** The mean pain of each day that has a check-in. */
function dayPain(byDate: ReadonlyMap<IsoDate, readonly Checkin[]>, date: IsoDate): number | null {
  return mean((byDate.get(date) ?? []).map((c) => c.pain));
}

function compareWords(a: number, b: number): string {
  const d = a - b;
  if (Math.abs(d) < INSIGHT_SAME_POINTS - EPSILON) return 'about the same';
  return `${num(Math.abs(d))} ${Math.abs(d) === 1 ? 'point' : 'points'} ${d < 0 ? 'lower' : 'higher'}`;
}

function insight(kind: Insight['kind'], title: string, groups: Insight['groups'], compared: (a: number, b: number) => string): Insight {
  const [a, b] = groups as [Insight['groups'][0], Insight['groups'][0]];
  const enough = a.days >= INSIGHT_MIN_DAYS && b.days >= INSIGHT_MIN_DAYS && a.painMean !== null && b.painMean !== null;
  if (!enough) {
    return {
      kind,
      enough,
      groups,
      difference: null,
      words: `${title}: not enough data yet (${a.days} ${a.label} and ${b.days} ${b.label} so far; at least ${INSIGHT_MIN_DAYS} of each are needed).`,
    };
  }
  const difference = a.painMean! - b.painMean!;
  return { kind, enough, groups, difference, words: `${title}: ${compared(a.painMean!, b.painMean!)} ${NOT_CAUSE}` };
}

/** Pain on the day after a session compared with the other days (days with a check-in). */
export function afterSessionInsight(
  dates: readonly IsoDate[],
  byDate: ReadonlyMap<IsoDate, readonly Checkin[]>,
  isDone: (d: IsoDate) => boolean,
  intakeDate: IsoDate,
): Insight {
  const after: number[] = [];
  const other: number[] = [];
  for (const d of dates) {
    const pain = dayPain(byDate, d);
    if (pain === null) continue;
    const yesterday = addDays(d, -1);
    (yesterday >= intakeDate && isDone(yesterday) ? after : other).push(pain);
  }
  const groups = [
    { label: after.length === 1 ? 'day after a session' : 'days after a session', days: after.length, painMean: mean(after) },
    { label: other.length === 1 ? 'other day' : 'other days', days: other.length, painMean: mean(other) },
  ];
  return insight('after-session', 'Pain on the day after a session', groups, (a, b) =>
    `${num(a)} on average over the ${after.length} days after a session, ${num(b)} over ${other.length} other days with a check-in (${compareWords(a, b)} after a session).`,
  );
}

/** Pain on days with poor sleep (rated 0-4) compared with days with good sleep (7-10). */
export function sleepInsight(dates: readonly IsoDate[], byDate: ReadonlyMap<IsoDate, readonly Checkin[]>): Insight {
  const poor: number[] = [];
  const good: number[] = [];
  for (const d of dates) {
    const day = byDate.get(d) ?? [];
    const sleep = mean(day.map((c) => c.sleep).filter((x): x is number => x !== null));
    const pain = dayPain(byDate, d);
    if (sleep === null || pain === null) continue;
    if (sleep <= POOR_SLEEP_MAX + EPSILON) poor.push(pain);
    else if (sleep >= GOOD_SLEEP_MIN - EPSILON) good.push(pain);
  }
  const poorLabel = `days with poor sleep (0-${POOR_SLEEP_MAX})`;
  const goodLabel = `days with good sleep (${GOOD_SLEEP_MIN}-10)`;
  const groups = [
    { label: poorLabel, days: poor.length, painMean: mean(poor) },
    { label: goodLabel, days: good.length, painMean: mean(good) },
  ];
  return insight('sleep', 'Pain and sleep', groups, (a, b) =>
    `${num(a)} on average on the ${poor.length} ${poorLabel}, ${num(b)} on the ${good.length} ${goodLabel} (${compareWords(a, b)} with poor sleep).`,
  );
}

// ---------------------------------------------------------------------------------------------
// Flares and progression steps

/** Flare episodes (§5) as spans of flare days; the one still going on the last day has end null. */
export function flareSpans(timeline: readonly FlareDay[]): FlareSpan[] {
  const spans: FlareSpan[] = [];
  let start: IsoDate | null = null;
  let last: IsoDate | null = null;
  for (const day of timeline) {
    if (!day.flareDay) {
      if (start !== null && last !== null) spans.push({ start, end: last, days: daysBetween(start, last) + 1 });
      start = last = null;
      continue;
    }
    start ??= day.ended?.start ?? day.active?.start ?? day.date;
    last = day.date;
    if (day.ended) {
      spans.push({ start, end: day.date, days: daysBetween(start, day.date) + 1 });
      // A new flare can start later on the day the last one ended.
      start = day.active ? day.active.start : null;
      last = day.active ? day.date : null;
    }
  }
  if (start !== null && last !== null) spans.push({ start, end: null, days: daysBetween(start, last) + 1 });
  return spans;
}

/**
 * The weekly decisions that took effect in the days given (the first day of each plan week), as
 * the fold made them: the report and `today` read the same decisions.
 */
export function progressionSteps(days: readonly DayProgress[]): ProgressionStep[] {
  return days
    .filter((d) => d.decision !== null && d.date === addDays(d.decision.start, 7))
    .map((d) => {
      const r = d.decision!;
      return { date: d.date, week: d.week, change: r.change, code: r.reason, from: r.from, to: r.to, reason: stepReason(r) };
    });
}

function stepReason(w: WeekDecision): string {
  const sessions = `${w.done} of ${w.planned} sessions done`;
  switch (w.reason) {
    case 'earned':
      return w.change === 'up'
        ? `Doses up a step: ${sessions} and no pain rule broken the week before.`
        : `Same doses for one more good week before a brisker pace: ${sessions} and no pain rule broken the week before.`;
    case 'flare':
      return w.change === 'down'
        ? 'Stepped back: after a flare-up the week before, back to the last doses managed comfortably.'
        : 'Held: a flare-up the week before, so no increase.';
    case 'paused':
      return 'Held: increases are paused until a clinician has seen you.';
    case 'top':
      return 'Held: the sessions are as full as their minutes allow (see the targets).';
    case 'break':
      return `Stepped back: eased in after ${w.breakWeeks === 1 ? 'a week' : `${w.breakWeeks} weeks`} away.`;
    case 'adherence':
      return w.planned === 0 ? 'Held: no sessions were planned the week before.' : `Held: ${sessions} the week before (two-thirds are needed to step up).`;
    case 'rule': {
      const b: RuleBreak | undefined = w.breaks[0];
      const back = w.change === 'down' ? 'One step back' : 'Held at the starting level';
      if (!b) return `${back}: a pain rule was broken the week before.`;
      if (b.rule === 'during') return `${back}: pain during exercise was ${b.during}/10 on ${formatDate(b.date)} (above ${MAX_PAIN_DURING_EXERCISE}).`;
      if (b.rule === 'next-morning') {
        return `${back}: pain had not settled by the next morning (${b.pain} on ${formatDate(b.date)}, usually about ${num(b.usual)}).`;
      }
      return `${back}: morning pain rose week on week (${num(b.mean)}, was ${num(b.previous)}).`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function planSummary(days: readonly Weekday[], minutes: number, stopped: boolean): Report['plan'] {
  const order = WEEKDAYS.filter((d) => days.includes(d));
  const list = listWords(order.map((d) => WEEKDAY_SHORT[d]));
  const summary = stopped
    ? 'No plan yet: the safety check says to see a clinician first.'
    : `${order.length} ${order.length === 1 ? 'day' : 'days'} a week (${list}), about ${minutes} minutes each.`;
  return { days: [...order], minutes, summary };
}

export function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** One decimal, without a trailing ".0" (5, 3.4). */
export function num(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/**
 * Rounds for display, except where rounding would carry a value up to a threshold it has not
 * reached (29.6 % must not read "30%" beside "a small improvement"): then it is cut, not rounded.
 */
export function guarded(x: number, decimals: number, thresholds: readonly number[]): string {
  const f = 10 ** decimals;
  const rounded = Math.round(x * f) / f;
  if (thresholds.some((t) => x < t - EPSILON && rounded >= t)) {
    const g = 10 ** (decimals + 1);
    return (Math.floor(x * g) / g).toFixed(decimals + 1);
  }
  return decimals === 0 ? String(rounded) : num(rounded);
}

function datesFrom(start: IsoDate, n: number): IsoDate[] {
  return Array.from({ length: n }, (_, k) => addDays(start, k));
}

function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  return from > to ? [] : datesFrom(from, daysBetween(from, to) + 1);
}

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
