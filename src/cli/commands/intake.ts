// painfit intake: parse the flags, then collect answers (file or questionnaire), screen, save.
import { formatDate, weekdayOf, type IsoDate } from '../../domain/dates';
import { answersOn } from '../../domain/settings';
import type { IntakeAnswers } from '../../domain/intake';
import type { Db } from '../../store/db';
import { answerChangesUpTo } from '../day';
import { screen } from '../../domain/screening';
import { screeningPart, type AnswersFile, type Clearance } from '../../domain/intake';
import { EXIT, ExitWith, UsageError } from '../../errors';
import { INTAKE_TEMPLATE } from '../../domain/intake-template';
import type { ParseResult } from '../../schema/intake';
import { insertIntake, intakeAsOf } from '../../store/intakes';
import { allClearances, latestAnswersDate } from '../../store/screening';
import { renderIntakeSummary, renderScreening } from '../../ui/intake-summary';
import { renderActNow, type ActNow } from '../../ui/screening-wizard';
import { SAFETY_STOP_MESSAGE } from './today';
import type { Context } from '../context';
import { readInputText } from '../input-file';

export interface IntakeOptions {
  mode: 'template' | 'file' | 'interactive';
  answersFile?: string;
  /** With --answers: start the plan over at week 1 instead of keeping progress (clinical-rules §4). */
  startOver?: boolean;
}

export function parseIntakeOptions(raw: { answers?: string; template?: boolean; startOver?: boolean }): IntakeOptions {
  if (raw.template && raw.answers !== undefined) {
    throw new UsageError('--template and --answers cannot be used together: --template prints an example, --answers reads one.');
  }
  if (raw.startOver && raw.answers === undefined) {
    throw new UsageError(
      `--start-over goes with --answers FILE (a file's answers keep your progress unless it is given). ${raw.template ? '--template only prints an example.' : 'On a terminal, painfit intake asks whether to keep your progress or start over.'}`,
      'BAD_OPTION',
    );
  }
  if (raw.template) return { mode: 'template' };
  if (raw.answers !== undefined) {
    if (raw.answers.trim() === '') throw new UsageError('--answers needs a file name, or - to read from standard input.');
    return { mode: 'file', answersFile: raw.answers, startOver: raw.startOver === true };
  }
  return { mode: 'interactive' };
}

/** What saving did to the plan: the first plan, progress kept (answers apply from today on), or started over at week 1. */
export type PlanProgress = 'new' | 'kept' | 'started-over';

export async function loadAnswersFile(file: string): Promise<AnswersFile> {
  const raw = readAnswersJson(file, 'painfit intake');
  // The schema library is loaded only here, keeping it off the start-up path of other commands.
  const { parseIntake } = await import('../../schema/intake');
  return checked(parseIntake(raw), file, 'painfit intake --template prints a complete example');
}

/** Reads and parses a JSON answers file (or standard input). */
export function readAnswersJson(file: string, command: string): unknown {
  const text = readInputText(file, {
    what: 'the answers file',
    stdinExample: `Example: ${command} --answers - < answers.json`,
    hint: 'painfit intake --template prints an example to start from.',
    nothing: 'Nothing was saved.',
  });
  const label = file === '-' ? 'standard input' : file;
  try {
    // Editors on Windows (Notepad) save UTF-8 with a byte-order mark, which JSON.parse rejects.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(
      `the answers in ${label} are not valid JSON (${(error as Error).message}). painfit intake --template prints a valid example.`,
      'BAD_JSON',
    );
  }
}

/** The value, or a UsageError listing every problem. */
export function checked<T>(parsed: ParseResult<T>, file: string, example: string): T {
  if (parsed.ok) return parsed.value;
  const label = file === '-' ? 'standard input' : file;
  const n = parsed.problems.length;
  throw new UsageError(
    `the answers in ${label} have ${n} problem${n === 1 ? '' : 's'}; nothing was saved:\n` +
      parsed.problems.map((p) => `  - ${p}`).join('\n') +
      `\nFix them and run the command again (${example}).`,
    'BAD_ANSWERS',
    parsed.problems,
  );
}

/** A clearance in a file cannot be dated after the day the answers are given. */
export function checkClearanceDate(clearance: Clearance | null | undefined, date: IsoDate, file: string): void {
  if (!clearance || clearance.date <= date) return;
  checked<never>(
    { ok: false, problems: [`clearance.date: ${clearance.date} is after ${date}, the day these answers are given; use the day the clinician saw you`] },
    file,
    'a clearance is dated the day a clinician saw you',
  );
}

/**
 * §1 a newer answer always wins: answers dated before the latest intake or recheck would be
 * silently outranked by it, so they are refused (nothing is written).
 */
export function refuseBackdated(ctx: Context, command: string): void {
  const db = ctx.db(false);
  const latest = db ? latestAnswersDate(db) : undefined;
  if (latest !== undefined && ctx.today < latest) {
    throw new UsageError(
      `cannot record answers dated ${ctx.today}: your latest answers are dated ${latest}, and newer answers always take over. ` +
        `Run ${command} without --date (or with --date ${latest} or later).`,
      'BACKDATED',
    );
  }
}

/** `thenToday`: the caller shows today's session next, so no hint is printed. */
export async function runIntake(opts: IntakeOptions, ctx: Context, thenToday = false): Promise<void> {
  if (opts.mode === 'template') {
    ctx.out(JSON.stringify(INTAKE_TEMPLATE, null, 2));
    return;
  }
  let answers: AnswersFile;
  let actNow: ActNow | null = null;
  let startOver = opts.startOver === true;
  if (opts.mode === 'file') {
    answers = await loadAnswersFile(opts.answersFile!);
    if (answers.version === 2) checkClearanceDate(answers.clearance, ctx.today, opts.answersFile!);
    refuseBackdated(ctx, 'painfit intake');
  } else {
    const instead = 'Give the answers as a file instead: painfit intake --answers FILE (painfit intake --template prints an example).';
    if (ctx.json) throw new UsageError(`painfit intake with --json never asks questions. ${instead}`, 'NOT_A_TERMINAL');
    ctx.requireInteractive('painfit intake', instead);
    refuseBackdated(ctx, 'painfit intake');
    const { askIntake } = await import('../../ui/intake-wizard');
    const db = ctx.db(false);
    // The answers in force offered as defaults: the latest intake with any settings changes since.
    const previous = db ? latestAnswers(db, ctx.today) : undefined;
    const result = await askIntake(await ctx.prompter(), {
      theme: ctx.theme,
      write: ctx.err,
      previous,
      today: weekdayOf(ctx.today),
      date: ctx.today,
      planStart: db ? intakeAsOf(db, ctx.today)?.date : undefined,
    });
    startOver = result.startOver === true;
    actNow = result.actNow;
    if (!result.answers) {
      // §1b: the act-at-once message is on screen whether or not anything is saved.
      if (actNow) ctx.err(renderActNow(actNow, ctx.theme));
      ctx.err('Nothing was saved. Run painfit intake again whenever you are ready.');
      if (actNow) throw new ExitWith(EXIT.notReady, 'SAFETY_STOP', '');
      return;
    }
    answers = result.answers;
  }

  const db = ctx.db(true);
  const { saved, plan } = db.transaction(() => {
    const current = intakeAsOf(db, ctx.today);
    const keep = current !== undefined && !startOver;
    const record = insertIntake(db, answers, ctx.today, ctx.now().toISOString(), keep);
    const progress: PlanProgress = current === undefined ? 'new' : keep ? 'kept' : 'started-over';
    return { saved: record, plan: { start: keep ? current.date : record.date, progress } };
  })();
  const screening = screen(screeningPart(saved.answers), saved.date, ctx.today, allClearances(db));
  if (ctx.json) {
    ctx.out(JSON.stringify({ saved: true, intake: { id: saved.id, date: saved.date }, plan, screening }, null, 2));
  } else {
    if (opts.mode === 'file') ctx.out(renderIntakeSummary(saved.answers, ctx.theme, ctx.width));
    ctx.out(renderScreening(screening, ctx.theme, ctx.width));
    ctx.out(planWords(plan, saved.date));
    ctx.err(ctx.theme.muted(`Saved your answers in ${ctx.paths.db}.`)); // the intake's id is in --json; "version 1" read as the answers file's version
    if (actNow) ctx.err(renderActNow(actNow, ctx.theme));
    if (screening.outcome !== 'stop' && !thenToday) ctx.err(`Next: ${ctx.theme.accent('painfit today')} shows ${plan.progress === 'kept' ? "today's" : 'your first'} session.`);
  }
  if (screening.outcome === 'stop') {
    // §1b: the answers are saved (so today stops too) and intake itself says "not yet" (exit 3).
    // From a file the message goes to stderr as well, so a script that keeps only stdout sees it.
    const message = ctx.json || opts.mode === 'file' ? (screening.notes[0] ?? SAFETY_STOP_MESSAGE) : '';
    throw new ExitWith(EXIT.notReady, 'SAFETY_STOP', message);
  }
}

/** What happened to the plan, in words (intake's output says which, as its --json does). */
export function planWords(plan: { start: IsoDate; progress: PlanProgress }, date: IsoDate): string {
  if (plan.progress === 'kept') {
    return `Your progress is kept: these answers apply from ${formatDate(date)} on, and the plan that started ${formatDate(plan.start)} goes on with each exercise at its level.`;
  }
  if (plan.progress === 'started-over') return `Your plan starts over at week 1 on ${formatDate(plan.start)}.`;
  return `Your plan starts ${formatDate(plan.start)}.`;
}

/** The answers in force on `date` (the plan's intake with the changes laid over it), or the latest intake's. */
function latestAnswers(db: Db, date: IsoDate): IntakeAnswers | undefined {
  const plan = intakeAsOf(db, '9999-12-31');
  if (!plan) return undefined;
  const until = date > plan.date ? date : '9999-12-31';
  return answersOn(plan, answerChangesUpTo(db, plan, until), until);
}
