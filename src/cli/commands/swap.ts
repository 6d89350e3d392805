// painfit swap ID [--with ID]: replace an exercise in the plan from today on (stored as a fact).
import { buildWeek, checkSwap, swapCandidates } from '../../domain/session';
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
  const named = findExercise(facts.library, opts.id);
  // Only what the plan holds can be swapped. An exercise that is itself a swap stands in for the
  // plan's original: the new swap replaces the original, so there is never a chain of swaps.
  const planned = buildWeek(facts)
    .flatMap((day) => day.exercises)
    .find((e) => e.id === named.id && !e.optional);
  if (!planned) {
    throw new UsageError(
      `${named.name} (${named.id}) is not in your plan for the next seven days, so there is nothing to swap. painfit plan shows the exercises you can swap.`,
      'NOT_IN_PLAN',
    );
  }
  const original = findExercise(facts.library, planned.swappedFrom ?? named.id);
  let withId = opts.withId;
  if (withId === undefined) {
    const candidate = swapCandidates(named, facts.intake, facts.library, facts.screening).find((e) => e.id !== original.id);
    if (!candidate) throw new UsageError(`there is no other ${named.type} exercise that fits your answers to swap ${named.name} for.`, 'NO_ALTERNATIVE');
    withId = candidate.id;
  } else {
    findExercise(facts.library, withId, 'exercise for --with');
  }
  // Swapping back to the plan's own exercise ends the swap; anything else must fit the person.
  const backToOriginal = withId === original.id && named.id !== original.id;
  if (!backToOriginal) {
    const check = checkSwap(named.id, withId, facts.intake, facts.library, facts.screening);
    if (!check.ok) throw new UsageError(`cannot swap ${named.id} for ${withId}: ${check.reason}`, 'UNSUITABLE_SWAP');
  }

  const db = ctx.db(true);
  const from = original;
  const swap = insertSwap(db, { date: ctx.today, exerciseId: from.id, withId }, ctx.now().toISOString());
  const to = findExercise(facts.library, withId);
  if (ctx.json) {
    ctx.out(JSON.stringify({ swap: { ...swap, name: from.name, withName: to.name } }, null, 2));
    return;
  }
  ctx.out(
    to.id === from.id
      ? `From ${swap.date} on, your plan uses ${from.name} (${from.id}) again.`
      : `From ${swap.date} on, ${to.name} (${to.id}) replaces ${from.name} (${from.id}) in your plan.`,
  );
  ctx.err(ctx.theme.muted('Changed your mind? painfit undo removes this swap.'));
}
