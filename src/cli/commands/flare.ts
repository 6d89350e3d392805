// painfit flare: "I'm flaring now" (clinical-rules §5). Records it for the date (the weekly fold
// reads it: the day becomes a flare day), then shows the person's own flare plan and the
// flare-day session; --end records that it has settled; --plan TEXT (repeatable) sets the plan
// (asked on a terminal when there is none yet). A flare of more than 14 days brings the
// warning-sign questions first (clinical-rules §1d), as painfit today does.
import { checkFlarePlan, cleanPlanItem, FLARE_PLAN_ITEM_MAX, FLARE_PLAN_MAX_ITEMS, FLARE_PLAN_QUESTIONS } from '../../domain/flare-plan';
import { UsageError } from '../../errors';
import { insertFlare } from '../../store/facts';
import { flarePlanAsOf, insertFlarePlan } from '../../store/flare-plans';
import type { Context } from '../context';
import { requireIntake, startRecording } from '../day';
import { runToday } from './today';

export interface FlareOptions {
  /** The new plan, already checked; undefined: leave the plan as it is. */
  plan?: string[];
  /** Record that the flare has settled (instead of that it started). */
  end: boolean;
  /** Only show the plan in force (--show). */
  show: boolean;
}

export interface RawFlareFlags {
  plan?: string[];
  end?: boolean;
  show?: boolean;
}

const PLAN_EXAMPLE = 'painfit flare --plan "warm shower, then a short walk" --plan "paracetamol as prescribed" --plan "call Jo: 07700 900123"';

export function parseFlareOptions(raw: RawFlareFlags): FlareOptions {
  const opts: FlareOptions = { end: raw.end === true, show: raw.show === true };
  if ([raw.plan !== undefined, opts.end, opts.show].filter(Boolean).length > 1) {
    throw new UsageError(
      '--plan, --end and --show each do one thing: use one of them (painfit flare --plan "…" writes your plan, painfit flare --end says the flare has settled, painfit flare --show shows your plan).',
      'FLARE_FLAGS',
    );
  }
  if (raw.plan === undefined) return opts;
  const checked = checkFlarePlan(raw.plan);
  if (!checked.ok) {
    throw new UsageError(
      `--plan is not accepted: ${checked.problem}. Give 1 to ${FLARE_PLAN_MAX_ITEMS} lines, each a few words (up to ${FLARE_PLAN_ITEM_MAX} characters) and one --plan each, for example ${PLAN_EXAMPLE}.`,
      'BAD_FLARE_PLAN',
    );
  }
  return { ...opts, plan: checked.items };
}

/** On a terminal with no plan yet: the three questions, each may be left empty. */
async function askPlan(ctx: Context): Promise<string[] | null> {
  const p = await ctx.prompter();
  ctx.err(ctx.theme.muted('A short plan of your own helps on a bad day. Three questions; press Enter to leave one empty.'));
  const items: string[] = [];
  for (const q of FLARE_PLAN_QUESTIONS) {
    const answer = cleanPlanItem(await p.text(q.question, { required: false, maxLength: FLARE_PLAN_ITEM_MAX }));
    if (answer !== '') items.push(answer);
  }
  return items.length > 0 ? items : null;
}

export async function runFlare(opts: FlareOptions, ctx: Context): Promise<void> {
  const { renderFlarePlan } = await import('../../ui/flare');
  if (opts.show) {
    const db = ctx.db(false);
    const plan = db ? flarePlanAsOf(db, ctx.today) : null;
    if (ctx.json) ctx.out(JSON.stringify({ date: ctx.today, plan: plan?.items ?? null }, null, 2));
    else ctx.out(renderFlarePlan(plan?.items ?? null, ctx.theme, ctx.width));
    return;
  }
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
  // "I'm flaring now" (or, with --end, "it has settled"), for the date: a fact the weekly fold reads.
  const date = await startRecording(ctx, { command: 'painfit flare', verb: opts.end ? 'record the end of a flare-up on' : 'record a flare-up on', interactive: false, flagsInstead: '' });
  requireIntake(ctx, date);
  const db = ctx.db(true);
  const ask = !opts.end && !ctx.json && ctx.interactive && flarePlanAsOf(db, date) === null;
  const asked = ask ? await askPlan(ctx) : null;
  const recordedAt = ctx.now().toISOString();
  db.transaction(() => {
    insertFlare(db, { date, kind: opts.end ? 'end' : 'start' }, recordedAt);
    if (asked) insertFlarePlan(db, { date, items: asked }, recordedAt);
  })();
  if (!ctx.json) ctx.err(opts.end ? `Recorded: the flare-up has settled (${date}).` : `Recorded: a flare-up on ${date}.`);
  // Then the day as painfit today shows it: the flare-day session and the plan (or the safety stop).
  await runToday(ctx);
}
