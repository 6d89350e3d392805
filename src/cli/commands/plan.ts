// painfit plan: the seven days from today at a glance (or --weeks N of them), where this is
// heading, and --ics FILE to write them as an iCalendar file for the calendar a person already uses.
import fs from 'node:fs';
import path from 'node:path';
import { buildWeekWithHeading } from '../../domain/session';
import { NotReadyError, UsageError } from '../../errors';
import { renderWeek } from '../../ui/plan';
import type { Context } from '../context';
import { answersInForce, loadDayFacts, saveFold } from '../day';
import { escapeControls } from '../escape';

/** The longest a plan or calendar file looks ahead. DEFAULT: doses beyond that are only a guess. */
export const MAX_PLAN_WEEKS = 12;
/** Weeks a calendar file covers when --weeks is not given. DEFAULT */
export const DEFAULT_ICS_WEEKS = 4;
/** Session start time when --time is not given. DEFAULT */
export const DEFAULT_ICS_TIME = '09:00';
/** Reminder this many minutes before each event. DEFAULT */
export const ICS_ALARM_MINUTES = 15;

export interface PlanOptions {
  weeks: number;
  ics?: string;
  time: string;
}

export interface RawPlanFlags {
  weeks?: string;
  ics?: string;
  time?: string;
}

export function parsePlanOptions(raw: RawPlanFlags): PlanOptions {
  let weeks = raw.ics === undefined ? 1 : DEFAULT_ICS_WEEKS;
  if (raw.weeks !== undefined) {
    const t = raw.weeks.trim();
    if (!/^\d{1,2}$/.test(t) || Number(t) < 1 || Number(t) > MAX_PLAN_WEEKS) {
      throw new UsageError(
        `--weeks ${JSON.stringify(raw.weeks)} is not accepted: give a whole number of weeks from 1 to ${MAX_PLAN_WEEKS}, for example --weeks 4.`,
        'BAD_WEEKS',
      );
    }
    weeks = Number(t);
  }
  let time = DEFAULT_ICS_TIME;
  if (raw.time !== undefined) {
    const m = /^(\d{1,2}):(\d{2})$/.exec(raw.time.trim());
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
      throw new UsageError(`--time ${JSON.stringify(raw.time)} is not a time of day: use HH:MM on the 24-hour clock, for example --time 09:30 or --time 18:00.`, 'BAD_TIME');
    }
    time = `${m[1]!.padStart(2, '0')}:${m[2]}`;
  }
  const opts: PlanOptions = { weeks, time };
  if (raw.ics !== undefined) {
    if (raw.ics.trim() === '') throw new UsageError('--ics needs a file name to write the calendar to, for example --ics painfit.ics.', 'BAD_ICS_FILE');
    opts.ics = raw.ics;
  } else if (raw.time !== undefined) {
    throw new UsageError('--time sets the time of the calendar events: use it with --ics FILE, for example painfit plan --ics painfit.ics --time 18:00.', 'TIME_WITHOUT_ICS');
  }
  return opts;
}

export async function runPlan(opts: PlanOptions, ctx: Context): Promise<void> {
  const facts = loadDayFacts(ctx, ctx.today);
  const { days, heading } = buildWeekWithHeading(facts, opts.weeks * 7);
  if (opts.ics !== undefined) {
    if (facts.screening.outcome === 'stop') {
      throw new NotReadyError('there is no plan to put in a calendar yet: the safety check says to see a clinician first (painfit today explains).', 'SAFETY_STOP');
    }
    const { calendarEvents, renderIcs } = await import('../../ui/ics');
    const file = path.resolve(opts.ics);
    try {
      fs.writeFileSync(file, renderIcs(days, { time: opts.time, stamp: ctx.now(), alarmMinutes: ICS_ALARM_MINUTES }), { mode: 0o600 });
      fs.chmodSync(file, 0o600); // which exercises a person does is health data
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
      throw new UsageError(`cannot write the calendar to ${file} (${reason}). Choose a file in a folder that exists and you can write to.`, 'BAD_ICS_FILE');
    }
    const n = calendarEvents(days, opts.time).length;
    ctx.err(`${n} event${n === 1 ? '' : 's'} for the next ${opts.weeks} week${opts.weeks === 1 ? '' : 's'} are in ${escapeControls(file)}. Import it into your calendar app; each has a reminder ${ICS_ALARM_MINUTES} minutes before.`);
  }
  if (ctx.json) {
    // Each day as painfit today --json gives it for that date, and where this is heading.
    const { todayExtras } = await import('./today');
    const { todayJson } = await import('../../ui/json');
    ctx.out(JSON.stringify({ from: ctx.today, screening: facts.screening.outcome, days: days.map((d) => todayJson(d, todayExtras(ctx, d))), heading }, null, 2));
  } else if (opts.ics === undefined) ctx.out(renderWeek(days, answersInForce(facts), ctx.theme, ctx.width, heading));
  saveFold(ctx, facts);
}
