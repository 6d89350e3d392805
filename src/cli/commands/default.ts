// `painfit` with no command: today's session. A new user on a terminal is offered the intake first.
import { NotReadyError } from '../../errors';
import { intakeAsOf } from '../../store/intakes';
import type { Context } from '../context';
import { runIntake } from './intake';
import { runToday } from './today';

export async function runDefault(ctx: Context): Promise<void> {
  const db = ctx.db(false);
  const hasIntake = db ? intakeAsOf(db, ctx.today) !== undefined : false;
  if (!hasIntake) {
    if (ctx.json || !ctx.interactive) {
      throw new NotReadyError('painfit has no intake answers yet. Run painfit intake first (or painfit intake --answers FILE).', 'NO_INTAKE');
    }
    const p = await ctx.prompter();
    ctx.err(ctx.theme.heading('Welcome to painfit, a gentle exercise coach for long-term pain.'));
    if (!(await p.confirm('A few questions first, for a safe plan (about 5 minutes). Start now?', { default: true }))) {
      ctx.err('No problem. Run painfit intake whenever you are ready.');
      return;
    }
    await runIntake({ mode: 'interactive' }, ctx, true);
    if (!intakeAsOf(ctx.db(true), ctx.today)) return; // chose not to save
    ctx.err('');
  }
  await runToday(ctx);
}
