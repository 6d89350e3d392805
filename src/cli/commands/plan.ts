// painfit plan: the seven days from today at a glance.
import { buildWeekWithHeading } from '../../domain/session';
import { renderWeek } from '../../ui/plan';
import type { Context } from '../context';
import { loadDayFacts, saveFold } from '../day';

export async function runPlan(ctx: Context): Promise<void> {
  const facts = loadDayFacts(ctx, ctx.today);
  const { days, heading } = buildWeekWithHeading(facts);
  if (ctx.json) ctx.out(JSON.stringify({ from: ctx.today, screening: facts.screening.outcome, days, heading }, null, 2));
  else ctx.out(renderWeek(days, facts.intake.answers, ctx.theme, ctx.width, heading));
  saveFold(ctx, facts);
}
