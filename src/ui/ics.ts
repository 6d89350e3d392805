// painfit plan --ics FILE: the coming sessions (and walks) as an iCalendar file (RFC 5545), so a
// person can get reminders from the calendar they already use. Pure: days in, text out.
//
// Times are "floating" local times (no time zone: 09:00 wherever the calendar is), each event has
// a duration and a display alarm, lines end in CRLF and are folded at 75 octets, and text values
// are escaped (RFC 5545 §3.1, §3.3.5, §3.3.11). UIDs are stable (date and kind), so importing a
// newer file updates the same events instead of adding copies.
import type { IsoDate } from '../domain/dates';
import type { Session } from '../domain/session';
import { DISCLAIMER } from './format';

declare const PAINFIT_VERSION: string;
const VERSION = typeof PAINFIT_VERSION === 'string' ? PAINFIT_VERSION : '0.0.0-dev';

export interface IcsOptions {
  /** Start time of each session, local, "HH:MM". */
  time: string;
  /** When the file was made (DTSTAMP), UTC. */
  stamp: Date;
  /** Minutes before an event that its reminder shows. */
  alarmMinutes: number;
}

/** An event painfit puts in the calendar: a day's session, or its walk. */
export interface CalendarEvent {
  uid: string;
  date: IsoDate;
  /** Minutes after midnight, local. */
  start: number;
  minutes: number;
  summary: string;
  description: string;
}

/** A day's walking-track dose, when the session carries one (design.md v2 `walk`). */
function walkOf(day: Session): { minutes: number; effort: number } | null {
  const walk = (day as Session & { walk?: { minutes: number; effort: number } | null }).walk;
  return walk && walk.minutes > 0 ? walk : null;
}

export function calendarEvents(days: readonly Session[], time: string): CalendarEvent[] {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const base = h * 60 + m;
  const events: CalendarEvent[] = [];
  for (const day of days) {
    let start = base;
    if ((day.status === 'session' || day.status === 'flare') && day.minutes > 0) {
      const names = day.exercises.filter((e) => !e.optional).map((e) => e.name);
      const kind = day.status === 'flare' ? 'flare-day session' : 'session';
      events.push({
        uid: `${day.date}-session@painfit`,
        date: day.date,
        start,
        minutes: day.minutes,
        summary: `painfit ${kind} (${day.minutes} min)`,
        description: [
          `Week ${day.week}: ${day.focus}.`,
          `${names.length} exercises: ${names.join(', ')}.`,
          'painfit today shows the doses and how to do each one; painfit log records how it went.',
          DISCLAIMER,
        ].join('\n'),
      });
      start += day.minutes;
    }
    const walk = walkOf(day);
    if (walk && day.status !== 'stop') {
      events.push({
        uid: `${day.date}-walk@painfit`,
        date: day.date,
        start,
        minutes: walk.minutes,
        summary: `painfit walk (${walk.minutes} min)`,
        description: [`A ${walk.minutes}-minute walk at effort ${walk.effort} out of 10.`, 'painfit log --walk records it.', DISCLAIMER].join('\n'),
      });
    }
  }
  return events;
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF and one space), never inside a character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function localDateTime(date: IsoDate, minutes: number): string {
  // An event may run past midnight only in theory (sessions are at most an hour): keep it on its day.
  const clamped = Math.min(minutes, 23 * 60 + 59);
  return `${date.replace(/-/g, '')}T${pad(Math.floor(clamped / 60))}${pad(clamped % 60)}00`;
}

function utcStamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

export function renderIcs(days: readonly Session[], opts: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//painfit//painfit ${VERSION}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:painfit',
  ];
  for (const e of calendarEvents(days, opts.time)) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(opts.stamp)}`,
      `DTSTART:${localDateTime(e.date, e.start)}`,
      `DURATION:PT${e.minutes}M`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      'CATEGORIES:painfit',
      'TRANSP:OPAQUE',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(e.summary)}`,
      `TRIGGER:-PT${opts.alarmMinutes}M`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
