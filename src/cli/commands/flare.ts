// painfit flare: the personal flare plan (clinical-rules §5) — the person's own short list of what
// helps, their medicine as prescribed and whom to call — shown on every flare day by painfit today.
// `--plan TEXT` (repeatable) sets it; with no flag the plan in force is shown.
import { checkFlarePlan, FLARE_PLAN_ITEM_MAX, FLARE_PLAN_MAX_ITEMS } from '../../domain/flare-plan';
import { UsageError } from '../../errors';
import { flarePlanAsOf, insertFlarePlan } from '../../store/flare-plans';
import type { Context } from '../context';
import { startRecording } from '../day';

export interface FlareOptions {
  /** The new plan, already checked; undefined: leave the plan as it is. */
  plan?: string[];
}

export interface RawFlareFlags {
  plan?: string[];
}

const PLAN_EXAMPLE = 'painfit flare --plan "warm shower, then a short walk" --plan "paracetamol as prescribed" --plan "call Jo: 07700 900123"';

export function parseFlareOptions(raw: RawFlareFlags): FlareOptions {
  if (raw.plan === undefined) return {};
  const checked = checkFlarePlan(raw.plan);
  if (!checked.ok) {
    throw new UsageError(
      `--plan is not accepted: ${checked.problem}. Give 1 to ${FLARE_PLAN_MAX_ITEMS} lines, each a few words (up to ${FLARE_PLAN_ITEM_MAX} characters) and one --plan each, for example ${PLAN_EXAMPLE}.`,
      'BAD_FLARE_PLAN',
    );
  }
  return { plan: checked.items };
}

export async function runFlare(opts: FlareOptions, ctx: Context): Promise<void> {
  const { renderFlarePlan } = await import('../../ui/flare');
  if (opts.plan) {
    const date = await startRecording(ctx, { command: 'painfit flare', verb: 'save a flare plan for', interactive: false, flagsInstead: '' });
    insertFlarePlan(ctx.db(true), { date, items: opts.plan }, ctx.now().toISOString());
    if (ctx.json) ctx.out(JSON.stringify({ date, plan: opts.plan }, null, 2));
    else {
      ctx.out(renderFlarePlan(opts.plan, ctx.theme, ctx.width));
      ctx.err('Saved. painfit today shows this plan on every flare day.');
    }
    return;
  }
  const db = ctx.db(false);
  const plan = db ? flarePlanAsOf(db, ctx.today) : null;
  if (ctx.json) ctx.out(JSON.stringify({ date: ctx.today, plan: plan?.items ?? null }, null, 2));
  else ctx.out(renderFlarePlan(plan?.items ?? null, ctx.theme, ctx.width));
}
