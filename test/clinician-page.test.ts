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
    expect(page).toContain('Answers that shaped the plan:');
    // The labels and tier words are the domain's (screening.ts READINESS_LABEL, RED_FLAG_LABEL, TIER_LABEL).
    expect(page).toMatch(/A heart condition or high blood pressure \(health question: yes\) <span class="tier tier-light">light effort<\/span>/);
    expect(page).toMatch(/Night pain that does not ease <span class="tier tier-non-urgent">see your GP soon<\/span>/);
    expect(page).toContain("No clinician's clearance recorded.");
  });
});
