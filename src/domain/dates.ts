// Calendar dates as 'YYYY-MM-DD' strings. Arithmetic is done on UTC midnights so that
// daylight-saving changes in the user's zone can never shift a day. No clock here:
// callers pass the date they reason about.
import { WEEKDAYS, type Weekday } from './vocab';
import { MONTH_SHORT, WEEKDAY_SHORT } from './words';

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

// Day numbers (days since 1970-01-01) by pure integer arithmetic (Hinnant's civil-date
// algorithms): plan replays call these for every day of a year or more of history, and this is
// several times cheaper than building a Date and formatting it each time.
// Plan replays convert the same few hundred dates back and forth many times: remember them.
// (Memoising a pure function keeps it pure; the cap bounds memory in long-running callers.)
const MEMO_LIMIT = 20_000;
const numberOf = new Map<IsoDate, number>();
const dateOf = new Map<number, IsoDate>();

function dayNumber(date: IsoDate): number {
  let z = numberOf.get(date);
  if (z === undefined) {
    if (numberOf.size >= MEMO_LIMIT) numberOf.clear();
    z = parseDayNumber(date);
    numberOf.set(date, z);
  }
  return z;
}

function fromDayNumber(z: number): IsoDate {
  let date = dateOf.get(z);
  if (date === undefined) {
    if (dateOf.size >= MEMO_LIMIT) dateOf.clear();
    date = formatDayNumber(z);
    dateOf.set(z, date);
  }
  return date;
}

function parseDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  const month = Number(m[2]);
  const y = Number(m[1]) - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + Number(m[3]) - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function formatDayNumber(z: number): IsoDate {
  const shifted = z + 719468;
  const era = Math.floor(shifted / 146097);
  const doe = shifted - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function toUtc(date: IsoDate): number {
  return dayNumber(date) * DAY_MS;
}

function fromUtc(ms: number): IsoDate {
  return fromDayNumber(Math.round(ms / DAY_MS));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
const mondayIndex = (z: number): number => (((z + 3) % 7) + 7) % 7;

export function weekdayOf(date: IsoDate): Weekday {
  return WEEKDAYS[mondayIndex(dayNumber(date))] as Weekday;
}

/** The Monday on or before `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  const z = dayNumber(date);
  return fromDayNumber(z - mondayIndex(z));
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
  return `${WEEKDAY_SHORT[weekdayOf(date)]} ${t.getUTCDate()} ${MONTH_SHORT[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}

/**
 * Plain code-unit order for ids, ISO dates and times. Unlike localeCompare it does not start
 * ICU (several milliseconds on every run), and it is the same on every machine.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
