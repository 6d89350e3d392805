// painfit intake: parse the flags, then collect answers (file or questionnaire), screen, save.
import { weekdayOf } from '../../domain/dates';
import { screen } from '../../domain/screening';
import type { IntakeAnswers } from '../../domain/intake';
import { UsageError } from '../../errors';
import { INTAKE_TEMPLATE } from '../../domain/intake-template';
import { insertIntake, intakeAsOf } from '../../store/intakes';
import { renderIntakeSummary, renderScreening } from '../../ui/intake-summary';
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

export async function loadAnswersFile(file: string): Promise<IntakeAnswers> {
  const text = readInputText(file, {
    what: 'the answers file',
    stdinExample: 'Example: painfit intake --answers - < answers.json',
    hint: 'painfit intake --template prints an example to start from.',
    nothing: 'Nothing was saved.',
  });
  const label = file === '-' ? 'standard input' : file;
  let raw: unknown;
  try {
    // Editors on Windows (Notepad) save UTF-8 with a byte-order mark, which JSON.parse rejects.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(
      `the answers in ${label} are not valid JSON (${(error as Error).message}). painfit intake --template prints a valid example.`,
      'BAD_JSON',
    );
  }
  // The schema library is loaded only here, keeping it off the start-up path of other commands.
  const { parseIntake } = await import('../../schema/intake');
  const parsed = parseIntake(raw);
  if (!parsed.ok) {
    const n = parsed.problems.length;
    throw new UsageError(
      `the answers in ${label} have ${n} problem${n === 1 ? '' : 's'}; nothing was saved:\n` +
        parsed.problems.map((p) => `  - ${p}`).join('\n') +
        '\nFix them and run the command again (painfit intake --template prints a complete example).',
      'BAD_ANSWERS',
      parsed.problems,
    );
  }
  return parsed.value;
}

/** `thenToday`: the caller shows today's session next, so no hint is printed. */
export async function runIntake(opts: IntakeOptions, ctx: Context, thenToday = false): Promise<void> {
  if (opts.mode === 'template') {
    ctx.out(JSON.stringify(INTAKE_TEMPLATE, null, 2));
    return;
  }
  let answers: IntakeAnswers;
  if (opts.mode === 'file') {
    answers = await loadAnswersFile(opts.answersFile!);
  } else {
    const instead = 'Give the answers as a file instead: painfit intake --answers FILE (painfit intake --template prints an example).';
    if (ctx.json) throw new UsageError(`painfit intake with --json never asks questions. ${instead}`, 'NOT_A_TERMINAL');
    ctx.requireInteractive('painfit intake', instead);
    const { askIntake } = await import('../../ui/intake-wizard');
    const previous = ctx.db(false) ? intakeAsOf(ctx.db(true), '9999-12-31')?.answers : undefined;
    const result = await askIntake(await ctx.prompter(), { theme: ctx.theme, write: ctx.err, previous, today: weekdayOf(ctx.today) });
    if (!result) {
      ctx.err('Nothing was saved. Run painfit intake again whenever you are ready.');
      return;
    }
    answers = result;
  }

  const db = ctx.db(true);
  const saved = db.transaction(() => insertIntake(db, answers, ctx.today, ctx.now().toISOString()))();
  const screening = screen(answers, saved.date, ctx.today);
  if (ctx.json) {
    ctx.out(JSON.stringify({ saved: true, intake: { id: saved.id, date: saved.date }, screening }, null, 2));
    return;
  }
  if (opts.mode === 'file') ctx.out(renderIntakeSummary(answers, ctx.theme, ctx.width));
  ctx.out(renderScreening(screening, ctx.theme, ctx.width));
  ctx.err(ctx.theme.muted(`Saved your answers (version ${saved.id}, plan starts ${saved.date}) in ${ctx.paths.db}.`));
  if (screening.outcome !== 'stop' && !thenToday) ctx.err(`Next: ${ctx.theme.accent('painfit today')} shows your first session.`);
}
