// painfit today: the day's session, rest day, flare-day plan, or a safety stop (exit 3).
import { buildSession, type Session } from '../../domain/session';
import { EXIT, ExitWith } from '../../errors';
import { renderSession } from '../../ui/session';
import type { Context } from '../context';
import { loadDayFacts } from '../day';

export const SAFETY_STOP_MESSAGE =
  'the safety check says to see a clinician before exercising, so there is no session. When a clinician has cleared you, run painfit intake again and say so.';

export function sessionForDay(ctx: Context): Session {
  return buildSession(loadDayFacts(ctx, ctx.today));
}

export async function runToday(ctx: Context): Promise<void> {
  const session = sessionForDay(ctx);
  ctx.out(ctx.json ? JSON.stringify(session, null, 2) : renderSession(session, ctx.theme));
  if (session.status === 'stop') {
    // The screen above already explains the stop; in --json mode stderr also gets the error object.
    throw new ExitWith(EXIT.notReady, 'SAFETY_STOP', ctx.json ? SAFETY_STOP_MESSAGE : '');
  }
}
