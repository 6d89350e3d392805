// Reads the stored facts a day's decision needs, so every command derives the session the same way.
import type { IsoDate } from '../domain/dates';
import { progressBetween } from '../domain/session';
import type { Exercise } from '../domain/exercise';
import type { IntakeAnswers, IntakeRecord } from '../domain/intake';
import { answersOn, type DatedSettings, keptIntakeChange } from '../domain/settings';
import { settingsUpTo } from '../store/settings';
import { screen, type Screening } from '../domain/screening';
import { NotReadyError, UsageError } from '../errors';
import { fingerprint, libraryStamp, readLibrary } from '../store/library';
import { latestState, saveStates } from '../store/progress';
import { levelsOf, saveLevels } from '../store/plan-levels';
import type { LevelMemo, LevelSummary } from '../domain/session';
import type { ProgressState } from '../domain/progression';
import { checkinsBetween, completionsBetween, feedbackBetween, flaresBetween, swapsUpTo, unwellBetween, walksBetween } from '../store/facts';
import { intakeAsOf, keptIntakesSince } from '../store/intakes';
import { allClearances, screeningInForce } from '../store/screening';
import { whyReadOnly, type Db } from '../store/db';
import type { Checkin, Completion, Feedback, FlareFact, Swap, Walk } from '../domain/facts';
import type { Context } from './context';

export interface DayFacts {
  date: IsoDate;
  intake: IntakeRecord;
  library: Exercise[];
  checkins: Checkin[];
  completions: Completion[];
  swaps: Swap[];
  feedback: Feedback[];
  walks: Walk[];
  flares: FlareFact[];
  screening: Screening;
  /** painfit settings changes up to the date (laid over the intake's answers from their dates). */
  settings: DatedSettings[];
  unwellDates: IsoDate[];
  screenedOn: IsoDate;
  /** The cached weekly state the fold starts from (facts before its week are not read). */
  progress?: ProgressState;
  /** Collects the weekly states the fold reaches, for saveFold. */
  onWeek: (state: ProgressState) => void;
  fold: { intakeId: number; config: string; reached: ProgressState[]; realToday: IsoDate; levels: KeptLevels };
  /** Plan-level summaries kept between runs (the plan_levels cache), read and added to by the domain. */
  levelMemo: LevelMemo;
}

/** The level memo's rows: those read from plan_levels, and those computed in this run (for saveFold). */
interface KeptLevels {
  prefix: string;
  fresh: { config: string; level: number; summary: LevelSummary }[];
}

/** A level memo over the plan_levels cache: each config's rows are read once, on first use. */
function levelMemoOver(db: Db, library: string): { memo: LevelMemo; kept: KeptLevels } {
  const kept: KeptLevels = { prefix: `${BUILD}:${library}:`, fresh: [] };
  const read = new Map<string, Map<number, LevelSummary>>();
  const configs = new Map<string, string>(); // identity → config: the identity is the answers' JSON, hashed once
  const configOf = (identity: string) => {
    let config = configs.get(identity);
    if (config === undefined) {
      config = `${kept.prefix}${fingerprint(identity)}`;
      configs.set(identity, config);
    }
    return config;
  };
  const rowsOf = (config: string) => {
    let rows = read.get(config);
    if (!rows) {
      rows = levelsOf(db, config);
      read.set(config, rows);
    }
    return rows;
  };
  const memo: LevelMemo = {
    get: (identity, level) => rowsOf(configOf(identity)).get(level),
    set: (identity, level, summary) => {
      const config = configOf(identity);
      rowsOf(config).set(level, summary);
      kept.fresh.push({ config, level, summary });
    },
  };
  return { memo, kept };
}

declare const PAINFIT_BUILD: string | undefined;
/** Which build made a cached state: one whose rules may differ never reuses it. */
const BUILD = typeof PAINFIT_BUILD === 'string' ? PAINFIT_BUILD : 'source';

/** Everything the weekly fold's result depends on besides the facts: the cache key. */
export function foldConfigKey(intake: IntakeRecord, screening: Pick<Screening, 'maxEffort' | 'progressionPaused'>, library: string): string {
  const answers = JSON.stringify({ answers: intake.answers, maxEffort: screening.maxEffort, paused: screening.progressionPaused });
  return `${BUILD}:${library}:${fingerprint(answers)}`;
}

/**
 * Keeps the weekly states the fold reached (weeks starting on or before the real today), so the
 * next command starts from there. Called after a command's answer is out; `log` calls it inside
 * its own write transaction, before the new facts (whose triggers then drop what they change).
 */
export function saveFold(ctx: Context, facts: Pick<DayFacts, 'fold'>): void {
  const { intakeId, config, reached, levels } = facts.fold;
  const db = ctx.db(true);
  // Caches only: on a read-only or full disk the answers were shown, and there is nothing to keep.
  if (whyReadOnly(db)) return;
  const keep = reached.filter((s) => s.start <= facts.fold.realToday);
  if (keep.length > 0) saveStates(db, intakeId, config, keep);
  saveLevels(db, levels.fresh.splice(0), levels.prefix);
}

export const NO_INTAKE_MESSAGE = 'painfit has no intake answers yet, so it cannot make a plan. Run painfit intake first (it takes about 5 minutes).';

/**
 * What every command that records answers checks first: the date is not in the future, and
 * questions are asked only on a terminal (else the flags to use are named). Returns the date.
 */
export async function startRecording(ctx: Context, o: { command: string; verb: string; interactive: boolean; flagsInstead: string }): Promise<IsoDate> {
  const date = ctx.today;
  if (date > ctx.realToday) {
    const Verb = o.verb[0]!.toUpperCase() + o.verb.slice(1);
    throw new UsageError(
      `cannot ${o.verb} ${date}: that date is in the future. ${Verb} today (${ctx.realToday}) or an earlier day, e.g. --date ${ctx.realToday}.`,
      'FUTURE_DATE',
    );
  }
  if (o.interactive) {
    if (ctx.json) throw new UsageError(`${o.command} with --json never asks questions. ${o.flagsInstead}`, 'NOT_A_TERMINAL');
    ctx.requireInteractive(o.command, o.flagsInstead);
  }
  return date;
}

/** The intake in force on `date`, or a NotReadyError when there is none on or before it. */
export function requireIntake(ctx: Context, date: IsoDate): IntakeRecord {
  const db = ctx.db(false);
  const intake = db ? intakeAsOf(db, date) : undefined;
  if (!db || !intake) {
    throw new NotReadyError(
      db && date < ctx.realToday ? `there is no intake dated on or before ${date}. ${NO_INTAKE_MESSAGE}` : NO_INTAKE_MESSAGE,
      'NO_INTAKE',
    );
  }
  return intake;
}

/** The screening on `date`: the answers in force (the intake's or a later recheck's) and every clearance. */
export function screeningOn(db: Db, intake: IntakeRecord, date: IsoDate): Screening {
  return screeningWithDate(db, intake, date).screening;
}

function screeningWithDate(db: Db, intake: IntakeRecord, date: IsoDate): { screening: Screening; screenedOn: IsoDate } {
  const inForce = screeningInForce(db, intake, date);
  return { screening: screen(inForce.answers, inForce.reportedOn, date, allClearances(db)), screenedOn: inForce.reportedOn };
}

/**
 * The facts in force on `date`, or a NotReadyError when there is no intake on or before it. The
 * weekly fold starts from the latest cached state on or before `foldFrom` (default `date`), so
 * only the facts from that state's week on are read: the cost does not grow with the history.
 */
export function loadDayFacts(ctx: Context, date: IsoDate, foldFrom: IsoDate = date): DayFacts {
  const intake = requireIntake(ctx, date);
  const db = ctx.db(true);
  const library = readLibrary();
  const screened = screeningWithDate(db, intake, date);
  // Settings changes and re-run intakes that kept progress, made since this intake (an intake
  // that starts over leaves older ones behind): part of the cache key, so a change rebuilds.
  const settings = answerChangesUpTo(db, intake, date);
  const stamp = libraryStamp();
  const config = foldConfigKey(intake, screened.screening, `${stamp}:${fingerprint(JSON.stringify(settings))}`);
  const levels = levelMemoOver(db, stamp);
  const cached = latestState(db, intake.id, config, foldFrom < date ? foldFrom : date);
  const from = cached?.start ?? intake.date;
  const reached: ProgressState[] = [];
  return {
    date,
    intake,
    library,
    checkins: checkinsBetween(db, from, date),
    completions: completionsBetween(db, from, date),
    swaps: swapsUpTo(db, date),
    feedback: feedbackBetween(db, from, date),
    walks: walksBetween(db, from, date),
    flares: flaresBetween(db, from, date),
    ...screened,
    unwellDates: unwellBetween(db, intake.date, date),
    ...(cached ? { progress: cached } : {}),
    onWeek: (s) => void reached.push(s),
    fold: { intakeId: intake.id, config, reached, realToday: ctx.realToday, levels: levels.kept },
    levelMemo: levels.memo,
    settings,
  };
}

/**
 * The settings changes and the re-run intakes that kept progress, laid over the plan's intake up to
 * `date`. Only those made since that intake: an intake that starts over leaves older ones behind.
 */
export function answerChangesUpTo(db: Db, intake: IntakeRecord, date: IsoDate): DatedSettings[] {
  const since = (c: { date: IsoDate; recordedAt?: string }) => c.date > intake.date || (c.date === intake.date && (c.recordedAt ?? '') >= intake.recordedAt);
  return [...settingsUpTo(db, date).filter(since), ...keptIntakesSince(db, intake, date).map(keptIntakeChange)];
}

/** The answers in force on the facts' date: the intake's, with the settings changes laid over them. */
export const answersInForce = (facts: DayFacts): IntakeAnswers => answersOn(facts.intake, facts.settings, facts.date);

/** §5 the reference level for `date` (the usual level before that day's check-ins), for the §1d safety net. */
export function referenceOn(ctx: Context, intake: IntakeRecord, date: IsoDate, loaded?: DayFacts): number {
  // From the weekly fold (its cache of weekly states), so the cost does not grow with the years
  // of check-ins before the date. The day's own reference leaves the day's check-ins out, so facts
  // loaded for `date` before a check-in on it was saved (`loaded`) give the same answer.
  const facts = loaded ?? loadDayFacts(ctx, date);
  const day = progressBetween(facts, date, date, facts.onWeek).at(-1);
  if (!loaded) saveFold(ctx, facts);
  return day?.flare.reference ?? intake.answers.pain.average;
}
