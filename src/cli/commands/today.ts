// painfit today: the day's session, rest day, flare-day plan, or a safety stop (exit 3).
import { addDays, weekdayOf, type IsoDate } from '../../domain/dates';
import { buildSession, type Session } from '../../domain/session';
import type { Weekday } from '../../domain/vocab';
import { EXIT, ExitWith } from '../../errors';
import { offeredLesson, readDates } from '../../domain/lessons';
import { flarePlanAsOf } from '../../store/flare-plans';
import { lessonReadsUpTo } from '../../store/lessons';
import { renderFlarePlan } from '../../ui/flare';
import { type TodayExtras, todayJson } from '../../ui/json';
import { lessonOfferLine } from '../../ui/lessons';
import { renderSession } from '../../ui/session';
import { WIDE_LAYOUT_MIN } from '../../ui/width';
import type { Context } from '../context';
import { answersInForce, loadDayFacts, saveFold } from '../day';

/** Columns left free at the right of a narrow terminal (see runToday). */
export const TODAY_MARGIN = 2;

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

/**
 * What today --json adds to the day's session: the lesson offered that plan week (clinical-rules
 * §8) and, on a flare day, the person's own flare plan. Worked out for the session's own date, so
 * painfit plan --json gives each day exactly what painfit today --json gives for it.
 */
export function todayExtras(ctx: Context, session: Session): TodayExtras {
  const db = ctx.db(false);
  const read = readDates(db ? lessonReadsUpTo(db, session.date) : [], session.date);
  const lesson = session.status === 'stop' ? null : offeredLesson(new Set(read.keys()), session.week);
  const flarePlan = session.status === 'flare' ? ((db ? flarePlanAsOf(db, session.date) : null)?.items ?? []) : null;
  return { lesson, flarePlan };
}

export async function runToday(ctx: Context): Promise<void> {
  const facts = loadDayFacts(ctx, ctx.today);
  const session: Session = buildSession(facts);
  const next = nextSessionDate(ctx.today, answersInForce(facts).schedule.days);
  // On a flare day, the person's own flare plan (clinical-rules §5), or how to write one.
  const { lesson, flarePlan } = todayExtras(ctx, session);
  if (ctx.json) ctx.out(JSON.stringify(todayJson(session, { lesson, flarePlan }), null, 2));
  else {
    // On a narrow terminal, a right margin of two columns: a line exactly as wide as the terminal
    // makes some terminals wrap an empty line after it, and tools that count bytes (mawk's length)
    // read the bullets and the × of a dose as two or three characters each.
    const width = ctx.width < WIDE_LAYOUT_MIN ? ctx.width - TODAY_MARGIN : ctx.width;
    const parts = [renderSession(session, ctx.theme, width, next)];
    if (flarePlan !== null) parts.push('', renderFlarePlan(flarePlan, ctx.theme, width));
    if (lesson !== null) parts.push(lessonOfferLine(lesson, ctx.theme, width));
    ctx.out(parts.join('\n'));
  }
  saveFold(ctx, facts);
  if (session.status === 'stop') {
    // The screen above already explains the stop; in --json mode stderr also gets the error object.
    throw new ExitWith(EXIT.notReady, 'SAFETY_STOP', ctx.json ? SAFETY_STOP_MESSAGE : '');
  }
}
