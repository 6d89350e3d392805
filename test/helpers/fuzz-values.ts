// Hostile values for the bad-input property test (test/fuzz-input.test.ts), and the oracles that say,
// from the documented rules (design.md, each flag's --help), whether a value is acceptable.
import fc from 'fast-check';
import { NOTE_RULE } from '../../src/domain/facts';
import { textProblem } from '../../src/domain/text';

// ---------------------------------------------------------------------------------------------
// Hostile strings
// ---------------------------------------------------------------------------------------------

/** NUL cannot travel in argv; everything else can. */
const argvSafe = (s: string) => !s.includes('\u0000');

/**
 * Option names of painfit itself. Given as the *value* of another option they change how commander
 * splits the command line (`--pain --version` prints the version and exits 0; `--note --json` is
 * "argument missing"), which is commander's territory, not a value check: those are exercised by
 * the unknown-option slot instead.
 */
const OWN_OPTIONS = new Set([
  '--home', '--date', '--json', '--no-color', '--color', '--version', '-V', '--help', '-h', '--yes', '-y',
  '--answers', '--template', '--pain', '--done', '--during', '--effort', '--sleep', '--note', '--type', '--region',
  '--with', '--weeks', '--csv', '--html', '--peg-pain', '--peg-enjoyment', '--peg-activity', '--goals', '--out', '--replace',
]);
export const notAnOption = (s: string) => !OWN_OPTIONS.has(s.split('=')[0]!) && s !== '--';

export const INJECTION = [
  "'; DROP TABLE checkins; --",
  "Robert'); DROP TABLE intakes;--",
  '" OR 1=1 --',
  '$(rm -rf /)',
  '`reboot`',
  '${PATH}',
  '%s%s%n',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\u001b[31mred\u001b[0m',
  '\u001b]0;owned\u0007',
  '\u001b[2J\u001b[H',
  '\u202eevil\u202c',
  '\r\nSaved!',
  'a\nb',
  '\t',
  '__proto__',
  'constructor',
] as const;

export const NUMBERISH = [
  '1e308', '-1e308', '1e999', '-1', '-0', '3.5', '0.5', '10.0', '11', '100', 'NaN', 'Infinity', '-Infinity',
  '0x10', '0x0A', '0b1', '0o7', '1e1', '07', '007', ' 3', '3 ', '\t3\n', '+3', '3,5', '3.', '.5', '1_0', '٣', '３', '½',
  '9'.repeat(400), 'null', 'undefined', 'true', 'false', '[]', '{}', '[3]',
] as const;

export const BLANKS = ['', ' ', '   ', '\t', '\n', ' \t\n ', '\u00a0', '\u3000', '\ufeff'] as const;

/** 10,000-character strings (well under the 128 KiB argv limit even as 4-byte UTF-8). */
export const LONG = ['a', '7', 'é', '🙂', '\u001b[31m', ' ', 'sit-to-stand,', '語'].map((u) => u.repeat(Math.ceil(10_000 / u.length)).slice(0, 10_000));

const smallIntWithNoise = fc
  .tuple(fc.constantFrom('', '', '', ' ', '\t', '0', '00', '+', '-', '\u00a0'), fc.integer({ min: 0, max: 12 }), fc.constantFrom('', '', '', ' ', '\n', '.0', '.', 'e0', ',', 'x'))
  .map(([a, n, b]) => `${a}${n}${b}`);

export const numberText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: smallIntWithNoise },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERISH) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 400n), max: 10n ** 400n }).map(String) },
);

/** Any hostile text: unicode, control characters, injections, numbers as text, blanks, 10k strings. */
export const hostileText: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom<string>(...INJECTION, ...BLANKS) },
    { weight: 3, arbitrary: numberText },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 12 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.constantFrom(...LONG) },
  )
  .filter((s) => argvSafe(s) && notAnOption(s));

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

export const EARLIEST_DATE = '1900-01-01';
/** The latest date painfit reasons about (src/cli/context.ts). */
export const LATEST_DATE = '2999-12-31';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const isoOf = (d: Date) => d.toISOString().slice(0, 10);
export function addDays(date: string, days: number): string {
  return isoOf(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

/** YYYY-MM-DD (ASCII digits, no spaces), a day that exists in the Gregorian calendar. */
export function isRealDate(s: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/** A value --date accepts: a real date from 1900-01-01 to 2999-12-31. */
export const isDateOption = (s: string) => isRealDate(s) && s >= EARLIEST_DATE && s <= LATEST_DATE;

/**
 * --date also takes today, yesterday and -N (N days ago, up to 36525), as of the real date
 * (issue 11); anything else is taken as written.
 */
export function resolveDateOption(s: string, realToday: string): string {
  const v = s.trim().toLowerCase();
  if (v === 'today') return realToday;
  if (v === 'yesterday') return addDays(realToday, -1);
  const back = /^-(\d{1,6})$/.exec(v);
  return back && Number(back[1]) <= 36_525 ? addDays(realToday, -Number(back[1])) : s;
}

export const DATE_SPECIALS = [
  '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '0000-01-01', '9999-12-31', '9999-01-01', '3000-01-01',
  '2999-12-31', '1899-12-31', '1900-01-01', '2024-02-29', '2100-02-29', '2000-02-29', '2026-1-1', '26-01-01', '20260101',
  '2026/01/01', '2026-01-01T00:00', '2026-01-01 ', ' 2026-01-01', '+02026-01-01', '-2026-01-01', '２０２６-01-01',
  '2026-W01', 'today', 'yesterday', 'tomorrow', 'now', '', 'Today', ' yesterday ', '-1', '-0', '-30', '-36525', '-36526', '-1.5', '--1',
] as const;

export function dateText(realToday: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<string>(...DATE_SPECIALS) },
    { weight: 4, arbitrary: fc.integer({ min: -120, max: 40 }).map((d) => addDays(realToday, d)) },
    { weight: 1, arbitrary: fc.integer({ min: -4000, max: 4000 }).map((d) => addDays(realToday, d)) },
    { weight: 1, arbitrary: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map(isoOf) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
    },
    { weight: 1, arbitrary: hostileText },
  );
}

// ---------------------------------------------------------------------------------------------
// Oracles for flag values (design.md and each flag's --help)
// ---------------------------------------------------------------------------------------------

/** Scores are whole numbers 0-10; surrounding blanks and leading zeros are tolerated. */
export function isScore(s: string): boolean {
  const t = s.trim();
  return /^[0-9]{1,2}$/.test(t) && Number(t) <= 10;
}

/** --weeks: a whole number of weeks, 1 to max. */
export function isWeeks(s: string, max: number): boolean {
  const t = s.trim();
  return /^[0-9]+$/.test(t) && Number(t) >= 1 && Number(t) <= max;
}

export const EXERCISE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** --done: all, none, or ids of that day's exercises separated by commas (case and blanks tolerated). */
export function doneVerdict(s: string, sessionIds: readonly string[]): { ok: boolean; tokens: string[] } {
  const v = s.trim().toLowerCase();
  if (v === 'all' || v === 'none') return { ok: sessionIds.length > 0, tokens: [v] };
  const tokens = v.split(',').map((t) => t.trim()).filter(Boolean);
  return { ok: tokens.length > 0 && tokens.every((t) => EXERCISE_ID.test(t) && sessionIds.includes(t)), tokens };
}

/** --note: up to 500 characters once control characters are dropped and blanks trimmed. */
export function isNote(s: string): boolean {
  // Issue 13: a note holding control characters, overrides or invisible characters is refused (it was stripped before).
  return textProblem(s.trim(), NOTE_RULE) === undefined;
}

/** --goals: one 0-10 score per intake goal, comma separated. */
export function isGoals(s: string, goals: number): boolean {
  const parts = s.split(',').map((p) => p.trim());
  return parts.length === goals && parts.every((p) => /^[0-9]{1,2}$/.test(p) && Number(p) <= 10);
}

/** A folder or file name the operating system takes (each component at most 255 bytes). */
export function isLegalPath(p: string): boolean {
  return p.trim() !== '' && p.split('/').every((part) => Buffer.byteLength(part) <= 255);
}

/** Paths in error messages, as src/schema/issues.ts formatPath prints them. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || '(top level)';
}

/** Control characters as painfit shows them in messages: \u001b, never the raw byte. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The first characters of a value, raw and JSON-escaped: a message quoting the value contains one of them. */
export function valuePrefixes(value: string, n = 24): string[] {
  const cut = (s: string) => Array.from(s).slice(0, n).join('');
  const escaped = JSON.stringify(value).slice(1, -1);
  const shown = escapeControls(escaped); // JSON.stringify leaves DEL and C1 controls raw
  return [...new Set([cut(value), cut(escaped), escaped.slice(0, n), cut(shown), shown.slice(0, n)])].filter((p) => p !== '');
}
