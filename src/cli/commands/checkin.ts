// painfit checkin: the weekly measures — the three PEG questions (Krebs 2009) and the intake goals
// re-rated (Patient-Specific Functional Scale, Stratford 1995). Asked on a terminal, or all by flags.
import { formatDate } from '../../domain/dates';
import { pegScore } from '../../domain/report';
import type { Goal } from '../../domain/intake';
import { UsageError } from '../../errors';
import { insertMeasure, type NewMeasure } from '../../store/measures';
import type { Prompter } from '../../ui/prompts';
import { renderMeasureSaved } from '../../ui/report';
import type { Context } from '../context';
import { parseScore } from './log-options';
import { requireIntake, startRecording } from '../day';

export interface CheckinOptions {
  /** True when no answer flag was given: ask on the terminal. */
  interactive: boolean;
  peg?: { pain: number; enjoyment: number; activity: number };
  /** One score per intake goal, in intake order. */
  goals?: number[];
}

export interface RawCheckinFlags {
  pegPain?: string;
  pegEnjoyment?: string;
  pegActivity?: string;
  goals?: string;
}

const PEG_FLAGS = { pegPain: '--peg-pain', pegEnjoyment: '--peg-enjoyment', pegActivity: '--peg-activity' } as const;
const FLAGS_INSTEAD =
  'Give the answers as flags instead, for example: painfit checkin --peg-pain 4 --peg-enjoyment 5 --peg-activity 5 --goals 6,5 (one score per intake goal, in order).';

function parseGoalScores(value: string): number[] {
  const parts = value.split(',').map((s) => s.trim());
  if (parts.length === 0 || parts.some((s) => !/^\d{1,2}$/.test(s) || Number(s) > 10)) {
    throw new UsageError(
      `--goals ${JSON.stringify(value)} is not accepted: give one whole number from 0 (cannot do it) to 10 (as well as before the problem) for each of your goals, in intake order, separated by commas, for example --goals 5,6.`,
      'BAD_GOALS',
    );
  }
  return parts.map(Number);
}

export function parseCheckinOptions(raw: RawCheckinFlags): CheckinOptions {
  const keys = Object.keys(PEG_FLAGS) as (keyof typeof PEG_FLAGS)[];
  const given = keys.filter((k) => raw[k] !== undefined);
  const opts: CheckinOptions = { interactive: given.length === 0 && raw.goals === undefined };
  if (given.length > 0 && given.length < keys.length) {
    const missing = keys.filter((k) => raw[k] === undefined).map((k) => PEG_FLAGS[k]);
    throw new UsageError(
      `the three PEG answers go together: also give ${missing.join(' and ')} (each 0-10), for example --peg-pain 4 --peg-enjoyment 5 --peg-activity 5.`,
      'PEG_INCOMPLETE',
    );
  }
  if (given.length === keys.length) {
    opts.peg = {
      pain: parseScore('--peg-pain', raw.pegPain!),
      enjoyment: parseScore('--peg-enjoyment', raw.pegEnjoyment!),
      activity: parseScore('--peg-activity', raw.pegActivity!),
    };
  }
  if (raw.goals !== undefined) opts.goals = parseGoalScores(raw.goals);
  return opts;
}

/** The weekly questions, through the one prompt module. Shared with the once-a-week offer in painfit log. */
export async function askWeeklyMeasures(p: Prompter, ctx: Pick<Context, 'err' | 'theme'>, goals: readonly Goal[]): Promise<Omit<NewMeasure, 'date'>> {
  ctx.err(ctx.theme.muted('Three quick questions about the past week (the PEG scale).'));
  const peg = {
    pain: await p.number('PEG 1/3 · Your average pain over the past week? (0 none, 10 worst imaginable)', { min: 0, max: 10 }),
    enjoyment: await p.number('PEG 2/3 · How much did pain get in the way of enjoying life? (0 not at all, 10 completely)', { min: 0, max: 10 }),
    activity: await p.number('PEG 3/3 · How much did pain get in the way of your general activity? (0 not at all, 10 completely)', { min: 0, max: 10 }),
  };
  if (goals.length === 0) return { peg, goals: null };
  ctx.err(ctx.theme.muted('Now your goals from the intake: how well can you do each one now?'));
  const rated: Goal[] = [];
  for (const g of goals) {
    const score = await p.number(`How well can you do "${g.activity}" now? (0 cannot, 10 as well as before; at the start: ${g.score})`, { min: 0, max: 10 });
    rated.push({ activity: g.activity, score });
  }
  return { peg, goals: rated };
}

export async function runCheckin(opts: CheckinOptions, ctx: Context): Promise<void> {
  const date = await startRecording(ctx, { command: 'painfit checkin', verb: 'record', interactive: opts.interactive, flagsInstead: FLAGS_INSTEAD });
  const intake = requireIntake(ctx, date);
  const goals = intake.answers.goals;

  let answers: Omit<NewMeasure, 'date'>;
  if (opts.interactive) {
    const p = await ctx.prompter();
    ctx.err(ctx.theme.heading(`Weekly questions for ${formatDate(date)}`) + ctx.theme.muted('  (Ctrl-C to stop; nothing is saved until the end)'));
    answers = await askWeeklyMeasures(p, ctx, goals);
  } else {
    if (opts.goals && opts.goals.length !== goals.length) {
      const names = goals.map((g, i) => `${i + 1}. ${g.activity}`).join(', ');
      const example = goals.map((g) => g.score).join(',');
      throw new UsageError(
        `--goals gives ${opts.goals.length} ${opts.goals.length === 1 ? 'score' : 'scores'}, but your intake has ${goals.length} ${goals.length === 1 ? 'goal' : 'goals'} (${names}): give one score for each, in that order, for example --goals ${example}.`,
        'GOALS_COUNT',
      );
    }
    answers = {
      peg: opts.peg ?? null,
      goals: opts.goals ? goals.map((g, i) => ({ activity: g.activity, score: opts.goals![i]! })) : null,
    };
  }

  const saved = insertMeasure(ctx.db(true), { date, ...answers }, ctx.now().toISOString());
  if (ctx.json) ctx.out(JSON.stringify(measureJson(saved, goals), null, 2));
  else ctx.out(renderMeasureSaved(saved, goals, ctx.theme));
}

function measureJson(saved: ReturnType<typeof insertMeasure>, intakeGoals: readonly Goal[]) {
  return {
    date: saved.date,
    peg: saved.peg ? { ...saved.peg, score: pegScore(saved.peg) } : null,
    goals: saved.goals?.map((g, i) => ({ ...g, atIntake: intakeGoals[i]?.score ?? null })) ?? null,
  };
}
