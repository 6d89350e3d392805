// The public JSON of `today --json` and `report --json` against src/schema/public-json.ts. The
// schemas are strict, so a key renamed, dropped or added inside the domain fails here until the
// contract (the schema, design.md and the README) says so. Run `npm run build` first.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/dates';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { headingSchema, reportSchema, todaySchema } from '../src/schema/public-json';
import { addWeeklyMeasures, run, runJson, tempHome, writeJson } from './helpers/cli';

const START = '2026-11-02'; // a Monday; the template's days are Mon, Wed, Fri

function ok(args: string[], home: string): void {
  const r = run(args, { home });
  expect(r.code, `painfit ${args.join(' ')}\n${r.stderr}`).toBe(0);
}

/** Three weeks: sessions done, a flare (pain 9) in week 2, a note, weekly measures. */
function courseHome(): string {
  const home = tempHome();
  ok(['intake', '--answers', writeJson(path.dirname(home), 'a.json', INTAKE_TEMPLATE), '--date', START], home);
  for (let d = 0; d < 21; d++) {
    const date = addDays(START, d);
    const pain = d === 9 || d === 10 ? 9 : 4;
    ok(['log', '--date', date, '--pain', String(pain), '--done', 'all', '--during', '3', '--effort', '3', '--sleep', '6', ...(d === 3 ? ['--note', 'stiff'] : [])], home);
  }
  addWeeklyMeasures(home, addDays(START, 13));
  return home;
}

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string {
  return result.success ? '' : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
}

describe('today --json matches its schema', () => {
  const home = courseHome();
  it.each([
    ['a session day', START, 'session'],
    ['a rest day', addDays(START, 1), 'rest'],
    ['a flare day', addDays(START, 11), 'flare'],
    ['a day ahead', addDays(START, 30), undefined],
  ] as const)('%s', (_name, date, status) => {
    const { code, json } = runJson(['today', '--date', date], { home });
    expect(code).toBe(0);
    const parsed = todaySchema.safeParse(json);
    expect(parsed.success, issues(parsed)).toBe(true);
    if (status) expect(json.status).toBe(status);
    // design.md's required keys are all there.
    for (const key of ['date', 'status', 'week', 'minutes', 'exercises', 'notes', 'lesson']) expect(json).toHaveProperty(key);
    for (const ex of json.exercises) for (const key of ['id', 'name', 'type', 'regions', 'position', 'equipment', 'effort']) expect(ex).toHaveProperty(key);
  });

  it('a safety stop (exit 3) too', () => {
    const stopHome = tempHome();
    const answers = structuredClone(INTAKE_TEMPLATE) as typeof INTAKE_TEMPLATE & { readiness: Record<string, boolean> };
    answers.readiness.chestPain = true;
    run(['intake', '--answers', writeJson(path.dirname(stopHome), 'stop.json', answers), '--date', START], { home: stopHome });
    const { code, json } = runJson(['today', '--date', START], { home: stopHome });
    expect(code).toBe(3);
    const parsed = todaySchema.safeParse(json);
    expect(parsed.success, issues(parsed)).toBe(true);
    expect(json).toMatchObject({ status: 'stop', exercises: [], lesson: null });
  });

  it('each day of plan --json is what today --json gives for it, and matches the schema', () => {
    const { code, json } = runJson(['plan', '--date', addDays(START, 9), '--weeks', '2'], { home });
    expect(code).toBe(0);
    for (const day of json.days) {
      const parsed = todaySchema.safeParse(day);
      expect(parsed.success, issues(parsed)).toBe(true);
    }
    expect(json.days[2]).toEqual(runJson(['today', '--date', json.days[2].date], { home }).json);
    // Where this is heading (issue 10): the long-term targets with the week the plan reaches them.
    const heading = headingSchema.safeParse(json.heading);
    expect(heading.success, issues(heading)).toBe(true);
    expect(json.heading.moderateMinutes.goal).toBe(150);
  });

  it('catches a renamed or an unknown key (the check can fail)', () => {
    const { json } = runJson(['today', '--date', START], { home });
    const { minutes, ...rest } = json;
    expect(todaySchema.safeParse({ ...rest, totalMinutes: minutes }).success).toBe(false);
    const [first, ...others] = json.exercises;
    const { effort, ...ex } = first;
    expect(todaySchema.safeParse({ ...json, exercises: [{ ...ex, targetEffort: effort }, ...others] }).success).toBe(false);
  });
});

describe('report --json matches its schema', () => {
  const home = courseHome();
  it.each([
    ['the whole course', ['--date', addDays(START, 20)]],
    ['one week, early', ['--date', addDays(START, 2), '--weeks', '1']],
    ['12 weeks asked of a 3-week plan', ['--date', addDays(START, 20), '--weeks', '12']],
  ] as const)('%s', (_name, args) => {
    const { code, json } = runJson(['report', ...args], { home });
    expect(code).toBe(0);
    const parsed = reportSchema.safeParse(json);
    expect(parsed.success, issues(parsed)).toBe(true);
    for (const w of json.weeks) for (const key of ['start', 'checkins', 'painMean', 'sessionsPlanned', 'sessionsDone']) expect(w).toHaveProperty(key);
    for (const key of ['baseline', 'current', 'points', 'percent', 'meaningful']) expect(json.change).toHaveProperty(key);
  });

  it('catches a renamed week key (the check can fail)', () => {
    const { json } = runJson(['report', '--date', addDays(START, 20)], { home });
    const [w, ...others] = json.weeks;
    const { painMean, ...rest } = w;
    expect(reportSchema.safeParse({ ...json, weeks: [{ ...rest, meanPain: painMean }, ...others] }).success).toBe(false);
  });
});
