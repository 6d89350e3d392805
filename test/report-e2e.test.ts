// painfit report end to end: the built CLI on a temp home, backfilled with `log --date`, checked
// against hand-computed numbers. Run `npm run build` first.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntakeAnswers } from '../src/domain/intake';
import type { Report } from '../src/domain/report';
import { dbHash, query, run, type RunResult, tempHome, writeJson } from './helpers/cli';

function ok(args: string[], home: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const r = run(args, { home, env });
  expect(r.code, `painfit ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r;
}

/** `intake --template`, tweaked, given with --answers and dated with --date. */
function homeWithIntake(date: string, tweak: (a: IntakeAnswers) => void, env: NodeJS.ProcessEnv = {}): string {
  const home = tempHome('painfit-report-');
  const a = JSON.parse(run(['intake', '--template']).stdout) as IntakeAnswers;
  tweak(a);
  const file = writeJson(path.dirname(home), 'answers.json', a);
  ok(['intake', '--answers', file, '--date', date], home, env);
  return home;
}

const log = (home: string, date: string, pain: number, done?: 'all' | 'none', env: NodeJS.ProcessEnv = {}) =>
  ok(['log', '--date', date, '--pain', String(pain), ...(done ? ['--done', done] : [])], home, env);

function report(home: string, date: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Report {
  const r = run(['report', '--json', '--date', date, ...extra], { home, env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

/** Minutes of the done completions between two dates, straight from the database. */
const minutesDone = (home: string, from: string, to: string) =>
  query<{ m: number | null }>(home, 'SELECT sum(minutes) AS m FROM completions WHERE done = 1 AND date BETWEEN ? AND ?', from, to)[0]!.m ?? 0;

// Intake on Monday 2 March 2026: average pain 6, PEG 6/6/6, two goals, Mon/Wed/Fri.
const INTAKE = '2026-03-02';
const tweak = (a: IntakeAnswers) => {
  a.about.name = 'Robin';
  a.pain.average = 6;
  a.pain.peg = { pain: 6, enjoyment: 6, activity: 6 };
  a.goals = [
    { activity: 'walk the dog', score: 4 },
    { activity: 'garden', score: 2 },
  ];
  a.schedule = { days: ['mon', 'wed', 'fri'], minutes: 20 };
};

describe('painfit report --json on three backfilled weeks', () => {
  let home: string;
  let r: Report;
  beforeAll(() => {
    home = homeWithIntake(INTAKE, tweak);
    // Week 1 (2-8 Mar): pains 6, 5, 5, 4; Mon and Wed done, Fri logged as not done.
    log(home, '2026-03-02', 6, 'all');
    log(home, '2026-03-04', 5, 'all');
    log(home, '2026-03-06', 5, 'none');
    // Walking track (log --walk): 15 minutes in week 1 (Sat), none in week 2, 10 + 20 in week 3.
    ok(['log', '--date', '2026-03-07', '--pain', '4', '--walk', '15'], home);
    // Week 2 (9-15 Mar): nothing at all.
    // Week 3 (16-22 Mar): pains 4, 3, 4, 3; every session done.
    log(home, '2026-03-16', 4, 'all');
    ok(['log', '--date', '2026-03-18', '--pain', '3', '--done', 'all', '--walk', '10'], home);
    log(home, '2026-03-20', 4, 'all');
    ok(['log', '--date', '2026-03-22', '--pain', '3', '--walk', '20'], home);
    ok(['checkin', '--date', '2026-03-20', '--peg-pain', '4', '--peg-enjoyment', '4', '--peg-activity', '4', '--goals', '7,3'], home);
    r = report(home, '2026-03-22');
  });

  it('has design.md’s fields, weeks oldest first from the intake’s Monday', () => {
    expect(r.weeks.map((w) => w.start)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    for (const w of r.weeks) expect(Object.keys(w)).toEqual(expect.arrayContaining(['start', 'checkins', 'painMean', 'sessionsPlanned', 'sessionsDone']));
    expect(Object.keys(r.change)).toEqual(expect.arrayContaining(['baseline', 'current', 'points', 'percent', 'meaningful']));
  });

  it('week 1 by hand', () => {
    expect(r.weeks[0]).toMatchObject({
      checkins: 4,
      painMean: 5, // (6 + 5 + 5 + 4) / 4 = 20 / 4
      painMin: 4,
      painMax: 6,
      sessionsPlanned: 3,
      sessionsDone: 2, // Fri was logged with --done none
      peg: null,
    });
    expect(r.weeks[0]!.adherence).toBeCloseTo(66.667, 3); // 2 / 3
    expect(r.weeks[0]!.activeMinutes).toBeCloseTo(minutesDone(home, '2026-03-02', '2026-03-08'), 9);
    expect(r.weeks[0]!.activeMinutes).toBeGreaterThan(0);
  });

  it('walking-track minutes by week: 15, none, 10 + 20', () => {
    expect(r.weeks.map((w) => w.walkMinutes)).toEqual([15, 0, 30]);
  });

  it('a week with no check-ins is a gap, not zeros', () => {
    expect(r.weeks[1]).toMatchObject({ checkins: 0, painMean: null, painMin: null, painMax: null, sessionsPlanned: 3, sessionsDone: 0, adherence: 0, activeMinutes: 0 });
    expect(r.daily.filter((d) => d.date >= '2026-03-09' && d.date <= '2026-03-15').every((d) => d.pain === null)).toBe(true);
  });

  it('week 3 by hand, with the weekly PEG', () => {
    expect(r.weeks[2]).toMatchObject({ checkins: 4, painMean: 3.5, painMin: 3, painMax: 4, sessionsPlanned: 3, sessionsDone: 3, adherence: 100, peg: 4 });
  });

  it('change: 6 → 3.5 is 2.5 points, 41.7 % lower: meaningful', () => {
    // Last 7 days (16-22 Mar): (4 + 3 + 4 + 3) / 4 = 3.5. 6 − 3.5 = 2.5; 2.5 / 6 = 41.67 %.
    expect(r.change).toMatchObject({ baseline: 6, current: 3.5, points: 2.5, meaningful: true, verdict: 'meaningful' });
    expect(r.change.percent).toBeCloseTo(41.667, 3);
  });

  it('PEG 6 → 4 (meaningful) and goals 3 → 5 (real)', () => {
    expect(r.peg).toMatchObject({ baseline: 6, current: 4, points: 2, verdict: 'meaningful' });
    expect(r.psfs).toMatchObject({ baselineMean: 3, currentMean: 5, change: 2, real: true });
    expect(r.psfs!.goals).toEqual([
      { activity: 'walk the dog', baseline: 4, current: 7, change: 3, real: true },
      { activity: 'garden', baseline: 2, current: 3, change: 1, real: false },
    ]);
  });

  it('progression: up after week 1 (2 of 3 is two-thirds), held after the empty week', () => {
    expect(r.steps.map((s) => [s.date, s.week, s.change])).toEqual([
      ['2026-03-09', 2, 'up'],
      ['2026-03-16', 3, 'hold'],
    ]);
  });

  it('--csv prints one row per week', () => {
    const csv = ok(['report', '--csv', '--date', '2026-03-22'], home).stdout;
    const m = (from: string, to: string) => String(Number(minutesDone(home, from, to).toFixed(1)));
    expect(csv).toBe(
      [
        // Issue 12 adds sleep, pain during exercise and effort; these check-ins answered pain only.
        // Issue 10's walking track is the last column: 15 minutes, none, 10 + 20.
        'week_start,checkins,pain_mean,pain_min,pain_max,sessions_planned,sessions_done,adherence_percent,active_minutes,peg,sleep_mean,during_mean,effort_mean,walk_minutes',
        `2026-03-02,4,5,4,6,3,2,66.7,${m('2026-03-02', '2026-03-08')},,,,,15`,
        '2026-03-09,0,,,,3,0,0,0,,,,,0',
        `2026-03-16,4,3.5,3,4,3,3,100,${m('2026-03-16', '2026-03-22')},4,,,,30`,
        '',
      ].join('\n'),
    );
  });

  it('the terminal report shows the table, chart and verdicts', () => {
    const text = ok(['report', '--date', '2026-03-22'], home, { COLUMNS: '100' }).stdout;
    expect(text).toContain("Robin's report: Mon 2 Mar 2026 to Sun 22 Mar 2026 (3 weeks)");
    expect(text).toMatch(/│ Mon 9 Mar\s+│\s+0 │\s+– │/);
    // Exercise minutes, then the walking track's minutes (15, none, 10 + 20), then PEG.
    expect(text).toMatch(/│ Mon 2 Mar .*│\s+\d+ │\s+15 │\s+– │\n/);
    expect(text).toMatch(/│ Mon 9 Mar .*│\s+0 │\s+0 │\s+– │\n/);
    expect(text).toMatch(/│ Mon 16 Mar .*│\s+\d+ │\s+30 │\s+4 │\n/);
    expect(text).toContain('Pain: 6 at the start → 3.5 in the last 7 days: 2.5 points (42%) lower — a meaningful improvement.');
    expect(text).toContain('● session done');
    // Longer than 100 columns: wrapped between words to fit (issue 11), so compared with breaks as spaces.
    expect(text.replace(/\s+/g, ' ')).toContain('Goals (0 cannot do, 10 as before): mean 3 at the start → 5 on Fri 20 Mar 2026: 2 points better — a real improvement.');
  });

  it('--weeks 1 shows only the last week', () => {
    const one = report(home, '2026-03-22', ['--weeks', '1']);
    expect(one.weeks.map((w) => w.start)).toEqual(['2026-03-16']);
    expect(one.weeks[0]!.painMean).toBe(3.5);
  });

  it('--html writes the page (0600) and says where on stderr', () => {
    const file = path.join(path.dirname(home), 'report.html');
    const res = ok(['report', '--date', '2026-03-22', '--html', file], home);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain('<html');
  });
});

describe('bad input: exit 2, a clear message, nothing written', () => {
  let home: string;
  beforeAll(() => {
    home = homeWithIntake(INTAKE, tweak);
    log(home, '2026-03-02', 5, 'all');
  });
  const cases: [string, string[], RegExp][] = [
    ['--weeks 0', ['--weeks', '0'], /--weeks "0" is not accepted: give a whole number of weeks from 1 to 520/],
    ['--weeks 521', ['--weeks', '521'], /from 1 to 520/],
    ['--weeks 2.5', ['--weeks', '2.5'], /whole number of weeks/],
    ['--weeks abc', ['--weeks', 'abc'], /--weeks "abc"/],
    ['--weeks -1', ['--weeks=-1'], /whole number of weeks/],
    ['--csv with --json', ['--csv', '--json'], /--csv and --json/],
    ['--json before the command with --csv', ['--csv'], /--csv and --json/],
  ];
  it.each(cases)('%s', (name, args, message) => {
    const before = dbHash(home);
    const argv = name.startsWith('--json before') ? ['--json', 'report', ...args] : ['report', ...args];
    const r = run(argv, { home });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(dbHash(home)).toBe(before);
  });

  it('no intake → exit 3 and the intake advice', () => {
    const empty = tempHome();
    const r = run(['report'], { home: empty });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Run painfit intake first');
    expect(dbHash(empty)).toBe('absent');
  });
});

describe('dates hold across a year boundary and daylight-saving changes', () => {
  it('weeks of 29 Dec 2025 and 5 Jan 2026', () => {
    const home = homeWithIntake('2025-12-29', (a) => {
      tweak(a);
      a.pain.average = 5;
    });
    log(home, '2025-12-31', 6);
    log(home, '2026-01-01', 4);
    log(home, '2026-01-04', 5);
    log(home, '2026-01-05', 3, 'all');
    const r = report(home, '2026-01-11');
    expect(r.weeks.map((w) => [w.start, w.checkins, w.painMean])).toEqual([
      ['2025-12-29', 3, 5], // (6 + 4 + 5) / 3
      ['2026-01-05', 1, 3],
    ]);
    expect(r.daily.map((d) => d.date).slice(2, 5)).toEqual(['2025-12-31', '2026-01-01', '2026-01-02']);
    expect(r.weeks[1]).toMatchObject({ sessionsPlanned: 3, sessionsDone: 1 });
  });

  // Europe: clocks go forward on Sunday 29 March 2026. The US: on Sunday 8 March 2026.
  const zones: [string, string, string[]][] = [
    ['Europe/London', '2026-03-23', ['2026-03-28', '2026-03-29', '2026-03-30']],
    ['America/New_York', '2026-03-02', ['2026-03-07', '2026-03-08', '2026-03-09']],
  ];
  it.each(zones)('TZ=%s', (tz, intakeDate, [sat, sun, mon]) => {
    const env = { TZ: tz };
    const home = homeWithIntake(intakeDate, tweak, env);
    log(home, sat!, 5, undefined, env);
    log(home, sun!, 4, undefined, env); // the day the clocks change
    log(home, mon!, 3, 'all', env);
    const asOf = addDaysUtc(mon!, 2);
    const r = report(home, asOf, [], env);
    expect(r.weeks.map((w) => w.start)).toEqual([intakeDate, mon]);
    expect(r.weeks.map((w) => [w.checkins, w.painMean])).toEqual([
      [2, 4.5], // Sat and Sun: (5 + 4) / 2
      [1, 3],
    ]);
    // One point per calendar day, none lost or doubled by the 23-hour day.
    expect(r.daily).toHaveLength(10);
    expect(r.daily.map((d) => d.date)).toEqual(Array.from({ length: 10 }, (_, k) => addDaysUtc(intakeDate, k)));
    expect(r.daily.find((d) => d.date === sun)!.pain).toBe(4);
    expect(r.weeks[1]).toMatchObject({ sessionsPlanned: 2, sessionsDone: 1 }); // Mon (done) and Wed
    expect(run(['report', '--csv', '--date', asOf], { home, env }).stdout.split('\n')[2]).toMatch(new RegExp(`^${mon},1,3,3,3,2,1,50,`));
  });
});

function addDaysUtc(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}
