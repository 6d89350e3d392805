// painfit plan: the seven days from today at a glance.
import { buildWeek } from '../../domain/session';
import { renderWeek } from '../../ui/plan';
import type { Context } from '../context';
import { loadDayFacts } from '../day';

export async function runPlan(ctx: Context): Promise<void> {
  const facts = loadDayFacts(ctx, ctx.today);
  const days = buildWeek(facts);
  if (ctx.json) {
    ctx.out(JSON.stringify({ from: ctx.today, screening: facts.screening.outcome, days }, null, 2));
    return;
  }
  ctx.out(renderWeek(days, facts.intake.answers, ctx.theme, ctx.width));
}
