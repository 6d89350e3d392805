// painfit recheck: the screening questions again (readiness with its follow-ups, warning signs,
// mood, clearance), on a terminal or from a file. Stored as a new dated version of the screening
// answers; the plan of the intake in force and its progress are kept.
import { screeningPart, type RecheckAnswers } from '../../domain/intake';
import { screen } from '../../domain/screening';
import { EXIT, ExitWith, UsageError } from '../../errors';
import { allClearances, insertRecheck } from '../../store/screening';
import { renderScreening } from '../../ui/intake-summary';
import type { ActNow } from '../../ui/screening-wizard';
import type { Context } from '../context';
import { requireIntake, startRecording } from '../day';
import { checkClearanceDate, checked, readAnswersJson, refuseBackdated } from './intake';
import { SAFETY_STOP_MESSAGE } from './today';

export interface RecheckOptions {
  answersFile?: string;
}

export function parseRecheckOptions(raw: { answers?: string }): RecheckOptions {
  if (raw.answers === undefined) return {};
  if (raw.answers.trim() === '') throw new UsageError('--answers needs a file name, or - to read from standard input.');
  return { answersFile: raw.answers };
}

const FILE_EXAMPLE =
  'a recheck file holds { "version": 2, "readiness", "redFlags", "mood", "clearance" } as in painfit intake --template';

export async function runRecheck(opts: RecheckOptions, ctx: Context): Promise<void> {
  const interactive = opts.answersFile === undefined;
  const date = await startRecording(ctx, {
    command: 'painfit recheck',
    verb: 'record answers for',
    interactive,
    flagsInstead: `Give the answers as a file instead: painfit recheck --answers FILE (${FILE_EXAMPLE}).`,
  });
  const intake = requireIntake(ctx, date);
  let answers: RecheckAnswers;
  let actNow: ActNow | null = null;
  if (opts.answersFile !== undefined) {
    const raw = readAnswersJson(opts.answersFile, 'painfit recheck');
    const { parseRecheck } = await import('../../schema/intake');
    answers = checked(parseRecheck(raw), opts.answersFile, FILE_EXAMPLE);
    checkClearanceDate(answers.clearance, date, opts.answersFile);
    refuseBackdated(ctx, 'painfit recheck');
  } else {
    refuseBackdated(ctx, 'painfit recheck');
    const { askScreening, renderActNow } = await import('../../ui/screening-wizard');
    const p = await ctx.prompter();
    const steps = ['Health questions', 'Warning signs'];
    let step = 0;
    ctx.err(ctx.theme.heading('painfit recheck') + '\nThe health questions again. Your plan and your progress are kept. Press Ctrl-C to stop: nothing is saved until the end.');
    const result = await askScreening(p, {
      theme: ctx.theme,
      write: ctx.err,
      section: (intro) => {
        step += 1;
        ctx.err(`\n${ctx.theme.heading(`Step ${step} of ${steps.length} · ${steps[step - 1] ?? ''}`)}`);
        if (intro) ctx.err(ctx.theme.muted(intro));
      },
      age: intake.answers.about.age,
      today: date,
    });
    actNow = result.actNow;
    if (!(await p.confirm('Save these answers?', { default: true }))) {
      if (actNow) ctx.err(renderActNow(actNow, ctx.theme));
      ctx.err('Nothing was saved. Run painfit recheck again whenever you are ready.');
      if (actNow) throw new ExitWith(EXIT.notReady, 'SAFETY_STOP', '');
      return;
    }
    answers = { version: 2, ...result.answers };
  }

  const db = ctx.db(true);
  const saved = db.transaction(() => insertRecheck(db, answers, date, ctx.now().toISOString()))();
  const screening = screen(screeningPart(saved.answers), saved.date, date, allClearances(db));
  if (ctx.json) {
    ctx.out(JSON.stringify({ saved: true, recheck: { id: saved.id, date: saved.date }, screening }, null, 2));
  } else {
    ctx.out(renderScreening(screening, ctx.theme, ctx.width));
    ctx.err(ctx.theme.muted(`Saved your answers for ${saved.date}; your plan (from ${intake.date}) and its progress are kept.`));
    if (actNow) {
      const { renderActNow } = await import('../../ui/screening-wizard');
      ctx.err(renderActNow(actNow, ctx.theme));
    }
  }
  if (screening.outcome === 'stop') {
    const message = ctx.json || !interactive ? (screening.notes[0] ?? SAFETY_STOP_MESSAGE) : '';
    throw new ExitWith(EXIT.notReady, 'SAFETY_STOP', message);
  }
}
