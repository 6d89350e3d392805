// painfit swap ID [--with ID]: replace an exercise in the plan from today on (stored as a fact).
import { buildWeek } from '../../domain/session';
import { planSwap } from '../../domain/swap';
import { UsageError } from '../../errors';
import { insertSwap } from '../../store/facts';
import type { Context } from '../context';
import { answersInForce, loadDayFacts } from '../day';
import { findExercise } from './exercises';

export interface SwapOptions {
  id: string;
  withId?: string;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function parseSwapOptions(id: string, raw: { with?: string }): SwapOptions {
  for (const [flag, value] of [['ID', id], ['--with', raw.with]] as const) {
    if (value !== undefined && !ID.test(value)) {
      throw new UsageError(`${flag} ${JSON.stringify(value)} is not an exercise id: ids look like sit-to-stand (painfit exercises lists them).`, 'BAD_ID');
    }
  }
  return raw.with === undefined ? { id } : { id, withId: raw.with };
}

export async function runSwap(opts: SwapOptions, ctx: Context): Promise<void> {
  const facts = loadDayFacts(ctx, ctx.today);
  const named = findExercise(facts.library, opts.id);
  if (opts.withId !== undefined) findExercise(facts.library, opts.withId, 'exercise for --with');
  // The decision is the domain's (swap.ts): in the plan, same kind and purpose, allowed for you.
  const plan = planSwap(named, opts.withId, buildWeek(facts), { answers: answersInForce(facts) }, facts.library, facts.screening);
  if (!plan.ok) throw new UsageError(plan.reason, plan.code);

  const db = ctx.db(true);
  const from = plan.original;
  const to = plan.to;
  const swap = insertSwap(db, { date: ctx.today, exerciseId: from.id, withId: to.id }, ctx.now().toISOString());
  if (ctx.json) {
    ctx.out(JSON.stringify({ swap: { ...swap, name: from.name, withName: to.name, cautions: plan.cautions } }, null, 2));
    return;
  }
  ctx.out(
    plan.endsSwap
      ? `From ${swap.date} on, your plan uses ${from.name} (${from.id}) again.`
      : `From ${swap.date} on, ${to.name} (${to.id}) replaces ${from.name} (${from.id}) in your plan.`,
  );
  for (const c of plan.cautions) ctx.err(ctx.theme.warn(`Take care: ${c}`));
  ctx.err(ctx.theme.muted('Changed your mind? painfit undo removes this swap.'));
}
