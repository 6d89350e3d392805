// The clinician's page from the real CLI (painfit report --html), read as text: the current
// programme matches `painfit today --json` exercise by exercise, the person is named (never "the
// user"), and no week starts before the intake. test/report-html-browser.test.ts prints it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/dates';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { type DoseFields, doseText } from '../src/ui/format';
import { run, runJson, tempHome, writeJson } from './helpers/cli';

const WED = '2026-11-04'; // a Wednesday: the plan starts mid-week

function seeded(): { home: string; file: string; asOf: string } {
  const home = tempHome();
  const answers = { ...structuredClone(INTAKE_TEMPLATE), about: { name: 'Robin Ash', age: 61 } };
  expect(run(['intake', '--answers', writeJson(path.dirname(home), 'a.json', answers), '--date', WED], { home }).code).toBe(0);
  for (let d = 0; d < 19; d++) {
    const r = run(['log', '--date', addDays(WED, d), '--pain', String(4 + (d % 3)), '--done', 'all', '--sleep', String(3 + (d % 6)), '--during', '3', '--effort', '3'], { home });
    expect(r.code, r.stderr).toBe(0);
  }
  const asOf = addDays(WED, 19);
  const file = path.join(path.dirname(home), 'page.html');
  const r = run(['report', '--html', file, '--date', asOf], { home });
  expect(r.code, r.stderr).toBe(0);
  return { home, file, asOf };
}

const unescape = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe("the clinician's page", () => {
  const { home, file, asOf } = seeded();
  const page = fs.readFileSync(file, 'utf8');

  it('lists the current programme exactly as painfit today --json gives it: exercise, dose, effort', () => {
    const today = runJson(['today', '--date', asOf], { home }).json as { exercises: ({ id: string; name: string; effort: number; optional?: true } & DoseFields)[] };
    const table = /<table class="programme">[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
    const rows = [...table.matchAll(/<tr><td class="text">(.*?)<span class="id"> (.*?)<\/span><\/td><td class="text">(.*?)<\/td><td>(\d+) /g)].map((m) => ({
      name: unescape(m[1]!),
      id: m[2],
      dose: unescape(m[3]!),
      effort: Number(m[4]),
    }));
    const expected = today.exercises.filter((e) => !e.optional);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected.map((e) => ({ name: e.name, id: e.id, dose: doseText(e), effort: e.effort })));
  });

  it('on a rest day shows the next session day\'s programme, as painfit today --json gives it for that day', () => {
    const sunday = addDays(WED, 18); // Sun 22 Nov 2026, a rest day; the next session is Mon 23 Nov
    expect((runJson(['today', '--date', sunday], { home }).json as { status: string }).status).toBe('rest');
    const next = runJson(['today', '--date', addDays(WED, 19)], { home }).json as { status: string; exercises: ({ id: string; name: string; effort: number; optional?: true } & DoseFields)[] };
    expect(next.status).toBe('session');
    const restFile = path.join(path.dirname(file), 'sunday.html');
    expect(run(['report', '--html', restFile, '--date', sunday], { home }).code).toBe(0);
    const restPage = unescape(fs.readFileSync(restFile, 'utf8'));
    expect(restPage).toContain('22 Nov 2026 is a rest day; the next session, Mon 23 Nov 2026: plan week');
    expect(restPage).not.toContain('A rest day: no exercises.');
    const table = /<table class="programme">[\s\S]*?<\/table>/.exec(restPage)?.[0] ?? '';
    const ids = [...table.matchAll(/<span class="id"> (.*?)<\/span>/g)].map((m) => m[1]);
    expect(ids).toEqual(next.exercises.filter((e) => !e.optional).map((e) => e.id));
  });

  it('names the person, never "the user"', () => {
    expect(page).toContain('Exercise and pain report: <b>Robin Ash</b>');
    expect(unescape(page)).toContain("Robin Ash's notes");
    expect(page).not.toMatch(/the user/i);
  });

  it('starts the first week on the intake day, never before it (HTML, JSON, CSV and terminal alike)', () => {
    const json = runJson(['report', '--date', asOf], { home }).json as { from: string; weeks: { start: string }[] };
    expect(json.from).toBe(WED);
    expect(json.weeks[0]!.start).toBe(WED);
    expect(json.weeks.slice(1).map((w) => w.start)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    expect(page).toContain('<td class="text">4 Nov 2026</td>');
    expect(page).not.toContain('2 Nov 2026');
    expect(run(['report', '--csv', '--date', asOf], { home }).stdout.split('\n')[1]).toMatch(/^2026-11-04,/);
    const text = run(['report', '--date', asOf], { home, env: { COLUMNS: '100' } }).stdout;
    expect(text).toContain("Robin Ash's report: Wed 4 Nov 2026 to Mon 23 Nov 2026");
    expect(text).toContain('│ Wed 4 Nov');
    expect(text).not.toContain('Mon 2 Nov');
  });

  it('shows sleep, pain during exercise and effort by week, and the two insights', () => {
    expect(page).toMatch(/<th>Sleep<\/th><th>Pain during<\/th><th>Effort<\/th>/);
    expect(page).toContain('Pain on the day after a session:');
    expect(page).toContain('Pain and sleep:');
  });
});

describe("the clinician's page: the screening answers that shaped the plan", () => {
  it('names each answer with its tier, and whether a clinician has cleared the person', () => {
    const home = tempHome();
    const answers = structuredClone(INTAKE_TEMPLATE) as typeof INTAKE_TEMPLATE & { readiness: Record<string, boolean>; redFlags: Record<string, boolean> };
    answers.readiness.heartCondition = true;
    answers.redFlags.nightPain = true;
    expect(run(['intake', '--answers', writeJson(path.dirname(home), 'a.json', answers), '--date', WED], { home }).code).toBe(0);
    const json = runJson(['report', '--date', addDays(WED, 2)], { home }).json as { screening: { answers: { answer: string; tier: string }[]; clearance: unknown } };
    expect(json.screening.answers).toEqual(expect.arrayContaining([{ answer: 'heartCondition', tier: 'light' }, { answer: 'nightPain', tier: 'non-urgent' }]));
    expect(json.screening.clearance).toBeNull();
    const file = path.join(path.dirname(home), 'screening.html');
    expect(run(['report', '--html', file, '--date', addDays(WED, 2)], { home }).code).toBe(0);
    const page = unescape(fs.readFileSync(file, 'utf8'));
    // Issue 12: the page says which answers these are (here the intake's, Wed 4 Nov 2026).
    expect(page).toContain('Answers that shaped the plan (intake of Wed 4 Nov 2026):');
    // The labels and tier words are the domain's (screening.ts READINESS_LABEL, RED_FLAG_LABEL, TIER_LABEL).
    expect(page).toMatch(/A heart condition or high blood pressure \(health question: yes\) <span class="tier tier-light">light effort<\/span>/);
    expect(page).toMatch(/Night pain that does not ease <span class="tier tier-non-urgent">see your GP soon<\/span>/);
    expect(page).toContain("No clinician's clearance recorded.");
  });
});

describe("the clinician's page: answers from a later recheck say so", () => {
  it('names the recheck and its date, and lists the recheck\'s answers, not the intake\'s', () => {
    const home = tempHome();
    const answers = structuredClone(INTAKE_TEMPLATE) as typeof INTAKE_TEMPLATE & { readiness: Record<string, boolean>; redFlags: Record<string, boolean> };
    answers.redFlags.nightPain = true;
    expect(run(['intake', '--answers', writeJson(path.dirname(home), 'a.json', answers), '--date', WED], { home }).code).toBe(0);
    // Recheck on Thu 12 Nov 2026: the night pain has gone; morning stiffness is new.
    answers.redFlags.nightPain = false;
    answers.redFlags.morningStiffness = true;
    const { version, readiness, redFlags, mood, clearance } = answers as typeof answers & { mood?: unknown; clearance?: unknown };
    const recheck = writeJson(path.dirname(home), 'r.json', { version, readiness, redFlags, mood, clearance });
    const r = run(['recheck', '--answers', recheck, '--date', '2026-11-12'], { home });
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(path.dirname(home), 'recheck.html');
    expect(run(['report', '--html', file, '--date', '2026-11-16'], { home }).code).toBe(0);
    const page = unescape(fs.readFileSync(file, 'utf8'));
    expect(page).toContain('Answers that shaped the plan (recheck of Thu 12 Nov 2026):');
    expect(page).not.toContain('at intake):');
    expect(page).toMatch(/Long morning stiffness that eases with movement \(inflammatory pattern\) <span class="tier tier-non-urgent">/);
    expect(page).not.toContain('Night pain that does not ease');
    // A page made before the recheck still rests on the intake's answers, and says so.
    const before = path.join(path.dirname(home), 'before.html');
    expect(run(['report', '--html', before, '--date', '2026-11-11'], { home }).code).toBe(0);
    expect(unescape(fs.readFileSync(before, 'utf8'))).toContain('Answers that shaped the plan (intake of Wed 4 Nov 2026):');
  });
});

describe("the clinician's page: how each exercise went in the last 14 days", () => {
  // Intake Mon 2 Nov 2026 (sessions Mon, Wed, Fri). The page is made on Fri 27 Nov: its 14 days
  // are Sat 14 Nov to Fri 27 Nov. Sessions before 14 Nov are logged too, and must not count.
  const MON = '2026-11-02';
  const AS_OF = '2026-11-27';
  const SINCE = '2026-11-14';
  /** One answer per session, in turn (2 Nov first); the first six sessions (2 to 13 Nov) are before the window. */
  const ANSWERS = ['hurt', 'hurt', 'easy', 'right', 'easy', 'hard', 'easy', 'right', 'right', 'easy', 'hurt', 'right'] as const;

  it('shows done/of and the feedback counts over exactly those days, even after the weekly fold is cached', () => {
    const home = tempHome();
    const answers = { ...structuredClone(INTAKE_TEMPLATE), about: { name: 'Robin Ash', age: 61 } };
    expect(run(['intake', '--answers', writeJson(path.dirname(home), 'a.json', answers), '--date', MON], { home }).code).toBe(0);
    // What the test itself logs, per exercise id: done in the window, recorded in the window, answers in the window.
    const expected = new Map<string, { done: number; of: number; felt: string[] }>();
    let k = 0;
    for (let d = 0; d <= 25; d++) {
      const date = addDays(MON, d);
      if (![0, 2, 4].includes(d % 7)) continue;
      const today = runJson(['today', '--date', date], { home }).json as { exercises: { id: string; optional?: true }[] };
      const ids = today.exercises.filter((e) => !e.optional).map((e) => e.id);
      expect(ids.length).toBeGreaterThan(1);
      // Every session: the first exercise skipped, the rest done; each done one gets this session's answer.
      const answer = ANSWERS[k++ % ANSWERS.length]!;
      const done = ids.slice(1);
      const r = run(['log', '--date', date, '--pain', '4', '--done', done.join(','), '--feedback', done.map((id) => `${id}=${answer}`).join(',')], { home });
      expect(r.code, r.stderr).toBe(0);
      if (date < SINCE) continue;
      for (const id of ids) {
        const e = expected.get(id) ?? { done: 0, of: 0, felt: [] };
        e.of += 1;
        if (id !== ids[0]) {
          e.done += 1;
          e.felt.push(answer);
        }
        expected.set(id, e);
      }
    }
    // `today` saves the weekly fold: the day's facts then start at this week's Monday, not 14 days back.
    expect(run(['today', '--date', AS_OF], { home }).code).toBe(0);
    const file = path.join(path.dirname(home), 'page.html');
    expect(run(['report', '--html', file, '--date', AS_OF], { home }).code).toBe(0);
    const page = unescape(fs.readFileSync(file, 'utf8'));
    // Done, then how often it felt easy, about right, hard, it hurt (the words module's labels).
    expect(page).toContain('<th>Done</th><th class="felt">Easy</th><th class="felt">About right</th><th class="felt">Hard</th><th class="felt">It hurt</th></tr>');
    const rows = [...page.matchAll(/<tr><td class="text">[^<]*<span class="id"> (.*?)<\/span>.*?<td>([^<]*)<\/td>((?:<td class="felt[^>]*>[^<]*<\/td>)+)<\/tr>/g)];
    expect(rows.length).toBeGreaterThan(0);
    let withFeedback = 0;
    for (const [, id, done, cells] of rows) {
      const e = expected.get(id!);
      expect(done, id).toBe(e ? `${e.done} of ${e.of}` : '–');
      const felt = [...cells!.matchAll(/>([^<]*)<\/td>/g)].map((m) => m[1]);
      if (!e || e.felt.length === 0) {
        expect(felt, id).toEqual(['–']);
        continue;
      }
      withFeedback++;
      expect(felt, id).toEqual((['easy', 'right', 'hard', 'hurt'] as const).map((a) => String(e.felt.filter((x) => x === a).length)));
      // By hand: the window's six sessions (16, 18, 20, 23, 25, 27 Nov) were answered easy, about right,
      // about right, easy, it hurt, about right; "hard" was given only on 13 Nov, outside it.
      expect(felt[2], id).toBe('0');
      expect(Number(felt[0]) + Number(felt[1]) + Number(felt[3]), id).toBeLessThanOrEqual(6);
    }
    expect(withFeedback).toBeGreaterThan(0);
  });
});
