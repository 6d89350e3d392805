// painfit flare: the personal flare plan (clinical-rules §5) — set with --plan (repeatable), kept
// in every version, shown by painfit today on every flare day and in today --json as flarePlan.
// Run `npm run build` first: this spawns bin/painfit.js.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/dates';
import { FLARE_PLAN_ITEM_MAX, FLARE_PLAN_MAX_ITEMS } from '../src/domain/flare-plan';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { dbHash, folderSnapshot, query, run, runJson, tempHome, writeJson } from './helpers/cli';
import { exitWithin, spawnPainfit } from './helpers/pty';

const START = '2026-11-02'; // a Monday
const PLAN = ['warm shower, then a 5-minute walk', 'paracetamol as prescribed', 'call Jo: 07700 900123'];

function intakeHome(): string {
  const home = tempHome();
  const r = run(['intake', '--answers', writeJson(path.dirname(home), 'a.json', INTAKE_TEMPLATE), '--date', START], { home });
  expect(r.code, r.stderr).toBe(0);
  return home;
}

const planArgs = (items: readonly string[]) => items.flatMap((i) => ['--plan', i]);

describe('painfit flare --plan', () => {
  it('saves the plan, shows it back, and keeps every version', () => {
    const home = intakeHome();
    const r = run(['flare', ...planArgs(PLAN), '--date', START], { home, env: { COLUMNS: '70' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Your flare plan');
    for (const item of PLAN) expect(r.stdout).toContain(`• ${item}`);
    expect(r.stdout).toContain('Take medicine only as prescribed.');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(70);
    expect(query(home, 'SELECT date, items FROM flare_plans')).toEqual([{ date: START, items: JSON.stringify(PLAN) }]);

    // A newer plan replaces it from its date on; the old one is kept for the days before.
    expect(run(['flare', '--plan', 'heat pack', '--date', '2026-11-10'], { home }).code).toBe(0);
    expect(runJson(['flare', '--show', '--date', '2026-11-09'], { home }).json).toEqual({ date: '2026-11-09', plan: PLAN });
    expect(runJson(['flare', '--show', '--date', '2026-11-10'], { home }).json).toEqual({ date: '2026-11-10', plan: ['heat pack'] });
    expect(query(home, 'SELECT count(*) AS n FROM flare_plans')[0].n).toBe(2);
  });

  it('with no plan yet, says how to write one', () => {
    const home = intakeHome();
    const r = run(['flare', '--show', '--date', START], { home });
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('You have no flare plan of your own yet.');
    expect(runJson(['flare', '--show', '--date', START], { home }).json.plan).toBeNull();
  });

  it('is shown on every flare day by painfit today (screen and --json), and only then', () => {
    const home = intakeHome();
    expect(run(['flare', ...planArgs(PLAN), '--date', START], { home }).code).toBe(0);
    // Usual pain 5 (the template's intake average); a 9 the next day starts a flare (§5).
    expect(run(['log', '--pain', '9', '--date', '2026-11-03'], { home }).code).toBe(0);
    const flareDay = runJson(['today', '--date', '2026-11-04'], { home }).json;
    expect(flareDay.status).toBe('flare');
    expect(flareDay.flarePlan).toEqual(PLAN);
    const screen = run(['today', '--date', '2026-11-04'], { home, env: { COLUMNS: '80' } }).stdout;
    expect(screen).toContain('Flare-day plan');
    expect(screen).toContain('Your flare plan');
    for (const item of PLAN) expect(screen).toContain(`• ${item}`);

    const ordinary = runJson(['today', '--date', START], { home }).json;
    expect(ordinary.status).toBe('session');
    expect(ordinary.flarePlan).toBeNull();
    expect(run(['today', '--date', START], { home }).stdout).not.toContain('Your flare plan');
  });

  it('a flare day without a plan of their own says how to write one ([] in --json)', () => {
    const home = intakeHome();
    expect(run(['log', '--pain', '9', '--date', '2026-11-03'], { home }).code).toBe(0);
    expect(runJson(['today', '--date', '2026-11-04'], { home }).json.flarePlan).toEqual([]);
    expect(run(['today', '--date', '2026-11-04'], { home }).stdout.replace(/\s+/g, ' ')).toContain('You have no flare plan of your own yet.');
  });

  it.each([
    ['an empty line', [''], 'line 1 of the plan is empty'],
    ['a blank second line', ['heat', '   '], 'line 2 of the plan is empty'],
    ['too many lines', Array.from({ length: FLARE_PLAN_MAX_ITEMS + 1 }, (_, i) => `step ${i}`), `keep it to ${FLARE_PLAN_MAX_ITEMS} or fewer`],
    ['a line too long', ['x'.repeat(FLARE_PLAN_ITEM_MAX + 1)], `keep each line to ${FLARE_PLAN_ITEM_MAX}`],
  ])('%s: exit 2, what is accepted, nothing written', (_name, items, problem) => {
    const home = intakeHome();
    const hash = dbHash(home);
    const before = folderSnapshot(home);
    const r = run(['flare', ...planArgs(items), '--date', START], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(problem);
    expect(r.stderr).toContain('for example painfit flare --plan');
    expect(dbHash(home)).toBe(hash);
    expect(folderSnapshot(home)).toEqual(before);
  });

  it('a future --date is refused (exit 2, nothing written); control characters are never stored', () => {
    const home = intakeHome();
    const hash = dbHash(home);
    const future = addDays(new Date().toISOString().slice(0, 10), 2);
    const r = run(['flare', '--plan', 'heat', '--date', future, '--json'], { home });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.code).toBe('FUTURE_DATE');
    expect(dbHash(home)).toBe(hash);
    expect(run(['flare', '--plan', 'heat\u001b[31m pack\u0007', '--date', START], { home }).code).toBe(0);
    expect(runJson(['flare', '--show', '--date', START], { home }).json.plan).toEqual(['heat [31m pack']);
  });
});

describe("painfit flare: I'm flaring now", () => {
  it('records the flare for the date: today becomes the flare-day plan with the personal plan; the fold reads it', () => {
    const home = intakeHome();
    expect(run(['flare', ...planArgs(PLAN), '--date', START], { home }).code).toBe(0);
    const usual = runJson(['today', '--date', '2026-11-04'], { home }).json;
    expect(usual.status).toBe('session');

    const r = run(['flare', '--date', '2026-11-04'], { home, env: { COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Recorded: a flare-up on 2026-11-04.');
    expect(r.stdout).toContain('Flare-day plan');
    expect(r.stdout).toContain('You said you were flaring today');
    for (const item of PLAN) expect(r.stdout).toContain(`• ${item}`);
    expect(query(home, 'SELECT date, kind FROM flares')).toEqual([{ date: '2026-11-04', kind: 'start' }]);

    const flareDay = runJson(['today', '--date', '2026-11-04'], { home }).json;
    expect(flareDay.status).toBe('flare');
    expect(flareDay.minutes).toBeLessThan(usual.minutes); // about half the usual volume (§5)
    expect(flareDay.flarePlan).toEqual(PLAN);
    // It goes on (no check-ins to settle it) until the person says it has settled.
    expect(runJson(['today', '--date', '2026-11-06'], { home }).json.status).toBe('flare');
    // --json of painfit flare is today's --json for that day.
    const again = runJson(['flare', '--date', '2026-11-06'], { home }).json;
    expect(again.status).toBe('flare');
  });

  it('--end: the flare is over from that day, and the report agrees with today', () => {
    const home = intakeHome();
    expect(run(['flare', '--date', '2026-11-04'], { home }).code).toBe(0);
    const end = run(['flare', '--end', '--date', '2026-11-06'], { home });
    expect(end.code, end.stderr).toBe(0);
    expect(end.stderr).toContain('Recorded: the flare-up has settled (2026-11-06).');
    expect(runJson(['today', '--date', '2026-11-05'], { home }).json.status).toBe('flare');
    expect(runJson(['today', '--date', '2026-11-06'], { home }).json.status).toBe('session'); // a Friday, back to the usual plan
    expect(runJson(['today', '--date', '2026-11-09'], { home }).json.status).toBe('session');
    const report = runJson(['report', '--date', '2026-11-10'], { home }).json;
    expect(report.flares).toEqual([{ start: '2026-11-04', end: '2026-11-06', days: 3 }]);
    expect(query(home, 'SELECT date, kind FROM flares ORDER BY id')).toEqual([
      { date: '2026-11-04', kind: 'start' },
      { date: '2026-11-06', kind: 'end' },
    ]);
  });

  it('after 14 days of a flare, today asks for the warning-sign questions again (exit 3, naming painfit recheck)', () => {
    const home = intakeHome();
    expect(run(['flare', '--date', START], { home }).code).toBe(0);
    const day13 = runJson(['today', '--date', addDays(START, 13)], { home });
    expect(day13.code).toBe(0);
    expect(day13.json.status).toBe('flare');
    // More than 14 days (clinical-rules §1d, issue 8's recheck): no session until the questions are answered again.
    const day14 = run(['today', '--date', addDays(START, 14)], { home, env: { COLUMNS: '100' } });
    expect(day14.code).toBe(3);
    const words = day14.stdout.replace(/\s+/g, ' ');
    expect(words).toContain('This flare-up has lasted more than 14 days.');
    expect(words).toContain('painfit recheck');
  });

  it('bad use: no intake (exit 3), --end with --plan (exit 2), a future date (exit 2); nothing written', () => {
    const empty = tempHome();
    const none = run(['flare', '--date', START], { home: empty });
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('painfit intake');
    const home = intakeHome();
    const hash = dbHash(home);
    const both = run(['flare', '--end', '--plan', 'heat', '--date', START], { home });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('use one of them');
    const future = run(['flare', '--date', addDays(new Date().toISOString().slice(0, 10), 2)], { home });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('future');
    expect(dbHash(home)).toBe(hash);
  });

  it('on a terminal with no plan yet, asks the three questions (what helps, medicine, whom to call) and saves the answers', async () => {
    const home = intakeHome();
    const p = spawnPainfit(home, ['flare', '--date', '2026-11-04'], { cols: 100 });
    await p.answer('What helps you during a flare-up?', 'heat pack and a slow walk\r');
    await p.answer('Which medicine do you take for a flare-up', '\r'); // left empty
    await p.answer('Whom can you call', 'Sam next door\r');
    await p.waitFor('Flare-day plan');
    const { exitCode } = await exitWithin(p);
    expect(exitCode).toBe(0);
    expect(p.text).toContain('• heat pack and a slow walk');
    expect(runJson(['flare', '--show', '--date', '2026-11-04'], { home }).json.plan).toEqual(['heat pack and a slow walk', 'Sam next door']);
    expect(query(home, 'SELECT kind FROM flares')).toEqual([{ kind: 'start' }]);
  });
});
