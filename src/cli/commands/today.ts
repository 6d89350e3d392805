// painfit today: the day's session, rest day, flare-day plan, or a safety stop (exit 3).
import { addDays, weekdayOf, type IsoDate } from '../../domain/dates';
import { buildSession, type Session } from '../../domain/session';
import type { Weekday } from '../../domain/vocab';
import { EXIT, ExitWith } from '../../errors';
import { renderSession } from '../../ui/session';
import type { Context } from '../context';
import { loadDayFacts } from '../day';

export const SAFETY_STOP_MESSAGE =
  'the safety check says to see a clinician before exercising, so there is no session. When a clinician has seen you, record it with painfit clear --seen DATE; if your health has changed, run painfit recheck.';

/** The next scheduled session day after `date`, for the rest-day screen. */
export function nextSessionDate(date: IsoDate, days: readonly Weekday[]): IsoDate | undefined {
  for (let k = 1; k <= 7; k++) {
    const d = addDays(date, k);
    if (days.includes(weekdayOf(d))) return d;
  }
  return undefined;
}

export async function runToday(ctx: Context): Promise<void> {
  const facts = loadDayFacts(ctx, ctx.today);
  const session: Session = buildSession(facts);
  const next = nextSessionDate(ctx.today, facts.intake.answers.schedule.days);
  ctx.out(ctx.json ? JSON.stringify(session, null, 2) : renderSession(session, ctx.theme, ctx.width, next));
  if (session.status === 'stop') {
    // The screen above already explains the stop; in --json mode stderr also gets the error object.
    throw new ExitWith(EXIT.notReady, 'SAFETY_STOP', ctx.json ? SAFETY_STOP_MESSAGE : '');
  }
}
