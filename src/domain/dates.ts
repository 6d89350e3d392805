// Calendar dates as 'YYYY-MM-DD' strings. Arithmetic is done on UTC midnights so that
// daylight-saving changes in the user's zone can never shift a day. No clock here:
// callers pass the date they reason about.
import { WEEKDAYS, type Weekday } from './vocab';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function toUtc(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function weekdayOf(date: IsoDate): Weekday {
  // getUTCDay: 0 = Sunday. WEEKDAYS starts on Monday.
  const day = new Date(toUtc(date)).getUTCDay();
  return WEEKDAYS[(day + 6) % 7] as Weekday;
}

/** The Monday on or before `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  const day = new Date(toUtc(date)).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const t = new Date(toUtc(date));
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + months;
  const d = t.getUTCDate();
  // Clamp to the last day of the target month (e.g. 31 Jan + 1 month = 28/29 Feb).
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(y, m, Math.min(d, last)));
}

/** Human form, e.g. "Sat 28 Nov 2026". */
export function formatDate(date: IsoDate): string {
  const t = new Date(toUtc(date));
  const wd = weekdayOf(date);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][t.getUTCMonth()];
  return `${wd[0]!.toUpperCase()}${wd.slice(1)} ${t.getUTCDate()} ${month} ${t.getUTCFullYear()}`;
}

/**
 * Plain code-unit order for ids, ISO dates and times. Unlike localeCompare it does not start
 * ICU (several milliseconds on every run), and it is the same on every machine.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
