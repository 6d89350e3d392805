// painfit swap ID [--with ID]: replace an exercise in the plan from today on (stored as a fact).
import { checkSwap, swapCandidates } from '../../domain/session';
import { UsageError } from '../../errors';
import { insertSwap } from '../../store/facts';
import type { Context } from '../context';
import { loadDayFacts } from '../day';
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
  const from = findExercise(facts.library, opts.id);
  let withId = opts.withId;
  if (withId === undefined) {
    const candidate = swapCandidates(from, facts.intake, facts.library, facts.screening)[0];
    if (!candidate) throw new UsageError(`there is no other ${from.type} exercise that fits your answers to swap ${from.name} for.`, 'NO_ALTERNATIVE');
    withId = candidate.id;
  } else {
    findExercise(facts.library, withId, 'exercise for --with');
  }
  const check = checkSwap(from.id, withId, facts.intake, facts.library, facts.screening);
  if (!check.ok) throw new UsageError(`cannot swap ${from.id} for ${withId}: ${check.reason}`, 'UNSUITABLE_SWAP');

  const db = ctx.db(true);
  const swap = insertSwap(db, { date: ctx.today, exerciseId: from.id, withId }, ctx.now().toISOString());
  const to = findExercise(facts.library, withId);
  if (ctx.json) {
    ctx.out(JSON.stringify({ swap: { ...swap, name: from.name, withName: to.name } }, null, 2));
    return;
  }
  ctx.out(`From ${swap.date} on, ${to.name} (${to.id}) replaces ${from.name} (${from.id}) in your plan.`);
  ctx.err(ctx.theme.muted('Changed your mind? painfit undo removes this swap.'));
}
