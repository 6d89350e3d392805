// painfit plan --ics FILE: an iCalendar file (RFC 5545) parsed back with ical.js (Mozilla's
// parser, used by Thunderbird), whose events must match `plan --json` day by day: dates, start
// time, minutes. Run `npm run build` first: this spawns bin/painfit.js.
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/dates';
import type { Session } from '../src/domain/session';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { escapeText, foldLine, renderIcs } from '../src/ui/ics';
import { dbHash, run, runJson, tempHome, writeJson } from './helpers/cli';

const START = '2026-11-02'; // a Monday

function intakeHome(answers: unknown = INTAKE_TEMPLATE): string {
  const home = tempHome();
  const r = run(['intake', '--answers', writeJson(path.dirname(home), 'a.json', answers), '--date', START], { home });
  expect([0, 3]).toContain(r.code);
  return home;
}

interface ParsedEvent {
  uid: string;
  date: string;
  time: string;
  minutes: number;
  summary: string;
  description: string;
  alarms: number;
  floating: boolean;
}

function parseIcs(text: string): { events: ParsedEvent[]; calendar: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    const start = e.startDate;
    return {
      uid: e.uid,
      date: `${start.year}-${String(start.month).padStart(2, '0')}-${String(start.day).padStart(2, '0')}`,
      time: `${String(start.hour).padStart(2, '0')}:${String(start.minute).padStart(2, '0')}`,
      minutes: e.duration.toSeconds() / 60,
      summary: e.summary,
      description: e.description,
      alarms: c.getAllSubcomponents('valarm').length,
      floating: start.zone === ICAL.Timezone.localTimezone,
    };
  });
  return { events, calendar };
}

describe('painfit plan --ics', () => {
  it('writes a valid calendar whose events match plan --json: dates, start time, minutes', () => {
    const home = intakeHome();
    const date = addDays(START, 3);
    for (let d = 0; d <= 3; d++) expect(run(['log', '--date', addDays(START, d), '--pain', '4', '--done', 'all'], { home }).code).toBe(0);
    const file = path.join(path.dirname(home), 'plan.ics');
    const r = run(['plan', '--ics', file, '--date', date, '--time', '18:30'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const text = fs.readFileSync(file, 'utf8');
    // RFC 5545 §3.1: CRLF line ends, no line longer than 75 octets.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);

    const { events, calendar } = parseIcs(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(calendar.getFirstPropertyValue('prodid'))).toContain('painfit');

    const plan = runJson<{ days: (Session & { walk?: { minutes: number } | null })[] }>(['plan', '--date', date, '--weeks', '4'], { home }).json;
    expect(plan.days).toHaveLength(28);
    expect(plan.days[0]!.date).toBe(date);
    const sessions = plan.days.filter((d) => (d.status === 'session' || d.status === 'flare') && d.minutes > 0);
    const walks = plan.days.filter((d) => d.walk && d.walk.minutes > 0);
    expect(sessions.length).toBeGreaterThanOrEqual(12); // Mon, Wed, Fri for four weeks
    expect(events).toHaveLength(sessions.length + walks.length);

    const sessionEvents = events.filter((e) => e.uid.endsWith('-session@painfit'));
    expect(sessionEvents.map((e) => [e.date, e.time, e.minutes])).toEqual(sessions.map((d) => [d.date, '18:30', d.minutes]));
    for (const [i, e] of sessionEvents.entries()) {
      expect(e.summary).toBe(`painfit session (${sessions[i]!.minutes} min)`);
      // The description survives escaping: every exercise name, commas included.
      for (const ex of sessions[i]!.exercises.filter((x) => !x.optional)) expect(e.description).toContain(ex.name);
      expect(e.description).toContain('painfit does not replace advice from your doctor or physiotherapist.');
      expect(e.alarms).toBe(1);
      expect(e.floating).toBe(true);
    }
    for (const w of walks) {
      const e = events.find((x) => x.uid === `${w.date}-walk@painfit`);
      expect(e?.minutes).toBe(w.walk!.minutes);
    }
    // Rest days have no session event.
    const rest = plan.days.filter((d) => d.status === 'rest').map((d) => d.date);
    expect(sessionEvents.filter((e) => rest.includes(e.date))).toEqual([]);
    // UIDs are unique and stable: the same file again gives the same events.
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(run(['plan', '--ics', file, '--date', date, '--time', '18:30'], { home }).code).toBe(0);
    expect(parseIcs(fs.readFileSync(file, 'utf8')).events.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });

  it('defaults to four weeks at 09:00; --json still prints the plan', () => {
    const home = intakeHome();
    const file = path.join(path.dirname(home), 'default.ics');
    const r = runJson(['plan', '--ics', file, '--date', START], { home });
    expect(r.code).toBe(0);
    expect(r.json.days).toHaveLength(28);
    const { events } = parseIcs(fs.readFileSync(file, 'utf8'));
    expect(events.length).toBeGreaterThanOrEqual(12);
    expect(new Set(events.filter((e) => e.uid.includes('session')).map((e) => e.time))).toEqual(new Set(['09:00']));
    expect(events.every((e) => e.date >= START && e.date <= addDays(START, 27))).toBe(true);
  });

  it.each([
    [['--time', '25:00'], '--time'],
    [['--time', '9'], '--time'],
    [['--weeks', '0'], '--weeks'],
    [['--weeks', '13'], '--weeks'],
    [['--weeks', 'four'], '--weeks'],
  ])('bad %j: exit 2, names %s, no file, nothing written', (extra, flag) => {
    const home = intakeHome();
    const hash = dbHash(home);
    const file = path.join(path.dirname(home), 'bad.ics');
    const r = run(['plan', '--ics', file, '--date', START, ...extra], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(flag);
    expect(r.stderr).toMatch(/for example/);
    expect(fs.existsSync(file)).toBe(false);
    expect(dbHash(home)).toBe(hash);
  });

  it('--time without --ics, an empty --ics, and a folder that does not exist are refused (exit 2)', () => {
    const home = intakeHome();
    expect(run(['plan', '--time', '09:00', '--date', START], { home }).code).toBe(2);
    expect(run(['plan', '--ics', ' ', '--date', START], { home }).code).toBe(2);
    const r = run(['plan', '--ics', path.join(path.dirname(home), 'no', 'such', 'plan.ics'), '--date', START], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write the calendar');
  });

  it('a safety stop writes no calendar (exit 3)', () => {
    const answers = structuredClone(INTAKE_TEMPLATE) as typeof INTAKE_TEMPLATE & { readiness: Record<string, boolean> };
    answers.readiness.chestPain = true;
    const home = intakeHome(answers);
    const file = path.join(path.dirname(home), 'stop.ics');
    const r = run(['plan', '--ics', file, '--date', START], { home });
    expect(r.code).toBe(3);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('RFC 5545 text rules', () => {
  it('escapes backslash, semicolon, comma and newline, and ical.js reads them back', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    const day = {
      date: START,
      status: 'session',
      week: 1,
      focus: 'strength; for knee, hip',
      minutes: 20,
      notes: [],
      exercises: [{ name: 'Sit-to-stand, from a chair; slowly \\ with care' }, { name: 'Ünïcödé wall push — ✓' }],
    } as unknown as Session;
    const text = renderIcs([day], { time: '07:05', stamp: new Date('2026-11-01T12:00:00Z'), alarmMinutes: 15 });
    const { events } = parseIcs(text);
    expect(events).toHaveLength(1);
    expect(events[0]!.description).toContain('Sit-to-stand, from a chair; slowly \\ with care');
    expect(events[0]!.description).toContain('Ünïcödé wall push — ✓');
    expect(events[0]!.description).toContain('strength; for knee, hip');
    expect(events[0]!.time).toBe('07:05');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });
});
