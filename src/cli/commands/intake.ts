// painfit intake: parse the flags, then collect answers (file or questionnaire), screen, save.
import { weekdayOf, type IsoDate } from '../../domain/dates';
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
}

export function parseIntakeOptions(raw: { answers?: string; template?: boolean }): IntakeOptions {
  if (raw.template && raw.answers !== undefined) {
    throw new UsageError('--template and --answers cannot be used together: --template prints an example, --answers reads one.');
  }
  if (raw.template) return { mode: 'template' };
  if (raw.answers !== undefined) {
    if (raw.answers.trim() === '') throw new UsageError('--answers needs a file name, or - to read from standard input.');
    return { mode: 'file', answersFile: raw.answers };
  }
  return { mode: 'interactive' };
}

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
    const previous = ctx.db(false) ? intakeAsOf(ctx.db(true), '9999-12-31')?.answers : undefined;
    const result = await askIntake(await ctx.prompter(), {
      theme: ctx.theme,
      write: ctx.err,
      previous,
      today: weekdayOf(ctx.today),
      date: ctx.today,
    });
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
  const saved = db.transaction(() => insertIntake(db, answers, ctx.today, ctx.now().toISOString()))();
  const screening = screen(screeningPart(saved.answers), saved.date, ctx.today, allClearances(db));
  if (ctx.json) {
    ctx.out(JSON.stringify({ saved: true, intake: { id: saved.id, date: saved.date }, screening }, null, 2));
  } else {
    if (opts.mode === 'file') ctx.out(renderIntakeSummary(saved.answers, ctx.theme, ctx.width));
    ctx.out(renderScreening(screening, ctx.theme, ctx.width));
    ctx.err(ctx.theme.muted(`Saved your answers (version ${saved.id}, plan starts ${saved.date}) in ${ctx.paths.db}.`));
    if (actNow) ctx.err(renderActNow(actNow, ctx.theme));
    if (screening.outcome !== 'stop' && !thenToday) ctx.err(`Next: ${ctx.theme.accent('painfit today')} shows your first session.`);
  }
  if (screening.outcome === 'stop') {
    // §1b: the answers are saved (so today stops too) and intake itself says "not yet" (exit 3).
    // From a file the message goes to stderr as well, so a script that keeps only stdout sees it.
    const message = ctx.json || opts.mode === 'file' ? (screening.notes[0] ?? SAFETY_STOP_MESSAGE) : '';
    throw new ExitWith(EXIT.notReady, 'SAFETY_STOP', message);
  }
}
