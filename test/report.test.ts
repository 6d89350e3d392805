// painfit report, the pure part: buildReport and its verdicts against hand-computed numbers.
// Every expected number is a literal with the arithmetic beside it.
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../src/domain/dates';
import type { Checkin, Completion } from '../src/domain/facts';
import type { Goal, IntakeAnswers, IntakeRecord } from '../src/domain/intake';
import { buildSession, progressBetween } from '../src/domain/session';
import {
  buildReport,
  flareSpans,
  guarded,
  judgeChange,
  type Measure,
  painChange,
  pegChange,
  psfsChange,
  REPORT_LOOKBACK_DAYS,
  type ReportInput,
  reportRange,
} from '../src/domain/report';
import { flareTimeline } from '../src/domain/flare';
import { answers, LIBRARY } from './domain/fixtures';

// ---------------------------------------------------------------------------------------------
// Builders

let ids = 1;
const ci = (date: IsoDate, pain: number, more: Partial<Checkin> = {}): Checkin => {
  const id = ids++;
  return { id, date, recordedAt: `${date}T${String(8 + (id % 10)).padStart(2, '0')}:00:00.000Z`, pain, during: null, effort: null, sleep: null, note: null, ...more };
};
/** A day's session: `total` exercises recorded, the first `done` of them done, each `minutes` long. */
const day = (date: IsoDate, done: number, total: number, minutes: number | number[] = 5): Completion[] =>
  Array.from({ length: total }, (_, i) => ({
    date,
    exerciseId: `ex-${i}`,
    done: i < done,
    minutes: Array.isArray(minutes) ? (minutes[i] ?? 0) : minutes,
  }));
const measure = (date: IsoDate, peg: [number, number, number] | null, goals: Goal[] | null = null): Measure => ({
  id: ids++,
  date,
  recordedAt: `${date}T20:00:00.000Z`,
  peg: peg && { pain: peg[0], enjoyment: peg[1], activity: peg[2] },
  goals,
});

function intakeOn(date: IsoDate, over: Parameters<typeof answers>[0] = {}): IntakeRecord {
  return { id: 1, date, recordedAt: `${date}T08:00:00.000Z`, answers: answers(over) };
}

const SCREEN = { outcome: 'proceed' as const, redFlags: [], notes: [], progressionPaused: false };

/** The same facts as a session input: the fold `today` reads. */
function sessionInput(over: Partial<ReportInput> & Pick<ReportInput, 'intake' | 'asOf'>) {
  return {
    date: over.asOf,
    intake: over.intake,
    library: LIBRARY,
    checkins: over.checkins ?? [],
    completions: over.completions ?? [],
    swaps: [],
    screening: { outcome: 'proceed' as const, maxEffort: 4, progressionPaused: over.screening?.progressionPaused ?? false, notes: [] },
  };
}

function report(over: Partial<ReportInput> & Pick<ReportInput, 'intake' | 'asOf'>) {
  return buildReport({
    weeks: 8,
    screening: SCREEN,
    checkins: [],
    completions: [],
    measures: [],
    latestPeg: null,
    latestGoals: null,
    progress: progressBetween(sessionInput(over), over.intake.date, over.asOf),
    ...over,
  });
}

// 2026-01-05 is a Monday. Schedule: mon, wed, fri. Intake average pain 5.
const MON = '2026-01-05';
const base = intakeOn(MON, { pain: { average: 5, peg: { pain: 6, enjoyment: 6, activity: 6 } } as IntakeAnswers['pain'] });

// ---------------------------------------------------------------------------------------------

describe('weeks: counts, means, low/high, sessions, adherence, minutes', () => {
  const checkins = [ci('2026-01-05', 4), ci('2026-01-05', 6), ci('2026-01-07', 5), ci('2026-01-10', 3)];
  const completions = [
    ...day('2026-01-05', 4, 4, 5), // Mon: 4 of 4 done → a session done; 4 × 5 = 20 min
    ...day('2026-01-07', 2, 4, [3, 4, 9, 9]), // Wed: 2 of 4 ≥ half → done; 3 + 4 = 7 min
    ...day('2026-01-09', 1, 4, [6, 9, 9, 9]), // Fri: 1 of 4 < half → not done; 6 min still counts as active
    ...day('2026-01-10', 1, 1, 10), // Sat: a rest-day extra: not a planned session, 10 active minutes
  ];
  const r = report({ intake: base, asOf: '2026-01-18', checkins, completions });

  it('covers only the weeks since the intake, oldest first, starting on Monday', () => {
    expect(r.from).toBe('2026-01-05');
    expect(r.to).toBe('2026-01-18');
    expect(r.weeks.map((w) => w.start)).toEqual(['2026-01-05', '2026-01-12']);
    expect(r.weeksAsked).toBe(8);
  });

  it('computes week 1 by hand', () => {
    expect(r.weeks[0]).toEqual({
      start: '2026-01-05',
      checkins: 4,
      painMean: 4.5, // (4 + 6 + 5 + 3) / 4 = 18 / 4
      painMin: 3,
      painMax: 6,
      sessionsPlanned: 3, // Mon, Wed, Fri
      sessionsDone: 2, // Mon (4/4) and Wed (2/4); Fri (1/4) is not
      adherence: (2 / 3) * 100, // 66.67 %
      activeMinutes: 43, // 20 + 7 + 6 + 10
      walkMinutes: 0,
      peg: null,
      sleepMean: null, // these check-ins answered pain only
      duringMean: null,
      effortMean: null,
    });
  });

  it('leaves a week without check-ins as a gap, never zeros', () => {
    expect(r.weeks[1]).toEqual({
      start: '2026-01-12',
      checkins: 0,
      painMean: null,
      painMin: null,
      painMax: null,
      sessionsPlanned: 3,
      sessionsDone: 0,
      adherence: 0, // planned but not done: a real 0 %
      activeMinutes: 0,
      walkMinutes: 0,
      peg: null,
      sleepMean: null,
      duringMean: null,
      effortMean: null,
    });
  });

  it('gives one daily point per day, null where nothing was logged', () => {
    expect(r.daily).toHaveLength(14);
    expect(r.daily[0]).toEqual({ date: '2026-01-05', pain: 5, sessionDone: true, planned: true }); // (4 + 6) / 2
    expect(r.daily[1]).toEqual({ date: '2026-01-06', pain: null, sessionDone: false, planned: false });
    expect(r.daily[4]).toEqual({ date: '2026-01-09', pain: null, sessionDone: false, planned: true });
    expect(r.daily.filter((d) => d.pain !== null).map((d) => d.pain)).toEqual([5, 5, 3]);
  });

  it('says there is not enough data when the last 7 days have no check-in', () => {
    expect(r.change).toMatchObject({ baseline: 5, current: null, points: null, percent: null, meaningful: false, verdict: 'not-enough-data' });
  });
});

describe('the window', () => {
  it('shows one week when the plan is days old, counting sessions from the intake date only', () => {
    const wed = intakeOn('2026-01-07', { pain: { average: 5 } as IntakeAnswers['pain'] });
    const r = report({
      intake: wed,
      asOf: '2026-01-09',
      // A check-in and a session before the intake belong to no plan of this intake.
      checkins: [ci('2026-01-05', 9), ci('2026-01-07', 4), ci('2026-01-09', 2)],
      completions: [...day('2026-01-05', 3, 3), ...day('2026-01-07', 3, 3, 4), ...day('2026-01-09', 0, 3)],
    });
    expect(r.weeks).toHaveLength(1);
    expect(r.weeks[0]).toMatchObject({
      start: '2026-01-07', // weeks never start before the intake (issue 12): a part week from Wednesday
      checkins: 2,
      painMean: 3, // (4 + 2) / 2; the 9 on Monday was before the intake
      sessionsPlanned: 2, // Wed and Fri; Monday was before the plan started
      sessionsDone: 1,
      adherence: 50,
      activeMinutes: 12, // 3 × 4 on Wednesday only
      walkMinutes: 0,
    });
    expect(r.from).toBe('2026-01-07');
    expect(r.daily.map((d) => d.date)).toEqual(['2026-01-07', '2026-01-08', '2026-01-09']);
    expect(r.daily[0]!.pain).toBe(4);
    // Current = (4 + 2) / 2 = 3; 5 → 3 is 2 points, 40 % lower.
    expect(r.change).toMatchObject({ current: 3, points: 2, percent: 40, meaningful: true, verdict: 'meaningful' });
  });

  it('--weeks 1 on an older plan shows only the week of the date asked', () => {
    const r = report({ intake: base, asOf: '2026-02-04', weeks: 1 });
    expect(r.weeks.map((w) => w.start)).toEqual(['2026-02-02']);
    expect(r.weeks[0]!.sessionsPlanned).toBe(2); // Mon 2 and Wed 4 Feb, up to the date asked
  });

  it('spans a year boundary: weeks of 2026-12-28 and 2027-01-04', () => {
    const intake = intakeOn('2026-12-28', { pain: { average: 6 } as IntakeAnswers['pain'] });
    const checkins = [ci('2026-12-31', 6), ci('2027-01-01', 5), ci('2027-01-03', 4), ci('2027-01-04', 3), ci('2027-01-10', 2)];
    const r = report({ intake, asOf: '2027-01-10', checkins });
    expect(r.weeks.map((w) => [w.start, w.checkins, w.painMean])).toEqual([
      ['2026-12-28', 3, 5], // Thu 31 Dec, Fri 1 Jan, Sun 3 Jan: (6 + 5 + 4) / 3
      ['2027-01-04', 2, 2.5], // (3 + 2) / 2
    ]);
    expect(r.weeks.map((w) => w.sessionsPlanned)).toEqual([3, 3]); // Mon 28, Wed 30, Fri 1 Jan; Mon 4, Wed 6, Fri 8
    expect(r.daily).toHaveLength(14);
    expect(r.daily[4]).toMatchObject({ date: '2027-01-01', pain: 5 });
    // Last 7 days (4-10 Jan): (3 + 2) / 2 = 2.5; 6 → 2.5 is 3.5 points, 58.3 % lower.
    expect(r.change.points).toBe(3.5);
    expect(r.change.percent).toBeCloseTo(58.333, 3);
    expect(r.change.verdict).toBe('substantial');
  });

  it('reads only a bounded stretch before the window, however long the history', () => {
    const range = reportRange('2016-01-04', '2026-03-04', 8);
    expect(range.from).toBe('2026-01-12'); // Monday 2 Mar 2026 minus 7 weeks
    expect(range.mondays).toHaveLength(8);
    expect(range.factsFrom).toBe(addDays('2026-01-12', -REPORT_LOOKBACK_DAYS)); // 2025-12-08
    // Facts older than that change none of the window's rows, days or verdicts. (Dose levels and
    // flares come from the weekly fold, which does read the whole history, through its cache of
    // weekly states: the report must agree with today, so it cannot take its own shortcut there.)
    const old = intakeOn('2016-01-04');
    const recent = [ci('2026-03-02', 4), ci('2026-03-03', 5)];
    const ancient = Array.from({ length: 200 }, (_, k) => ci(addDays('2016-02-01', k), 9));
    const a = report({ intake: old, asOf: '2026-03-04', checkins: recent });
    const b = report({ intake: old, asOf: '2026-03-04', checkins: [...ancient, ...recent] });
    expect({ weeks: b.weeks, daily: b.daily, change: b.change, notes: b.notes }).toEqual({ weeks: a.weeks, daily: a.daily, change: a.change, notes: a.notes });
  });

  it('counts no sessions when the safety check stopped the plan', () => {
    const r = report({ intake: base, asOf: '2026-01-11', screening: { ...SCREEN, outcome: 'stop' } });
    expect(r.weeks[0]).toMatchObject({ sessionsPlanned: 0, sessionsDone: 0, adherence: null });
  });

  it('keeps notes from the window only', () => {
    const r = report({
      intake: base,
      asOf: '2026-01-11',
      checkins: [ci('2026-01-06', 5, { note: 'long drive' }), ci('2026-01-07', 5, { note: '  ' }), ci('2026-01-08', 4)],
    });
    expect(r.notes).toEqual([{ date: '2026-01-06', note: 'long drive' }]);
  });
});

describe('the pain verdict at each threshold (baseline − current; reduction positive)', () => {
  // [baseline, current, points, percent, verdict, meaningful]
  const cases: [number, number, number, number | null, string, boolean][] = [
    [5, 3.5, 1.5, 30, 'meaningful', true], // exactly 30 %: 1.5 / 5
    [5, 3.6, 1.4, 28, 'small', false], // just below 30 % and below 2 points
    [3, 2.1, 0.9, 30, 'meaningful', true], // 0.9 / 3 = 30 % (29.999… in floating point)
    [8, 6, 2, 25, 'meaningful', true], // exactly 2 points, only 25 %
    [8, 6.1, 1.9, 23.75, 'small', false], // just below 2 points
    [6, 3, 3, 50, 'substantial', true], // exactly 50 %
    [6, 3.1, 2.9, 48.333, 'meaningful', true], // just below 50 %
    [10, 8.5, 1.5, 15, 'small', false], // exactly 15 %
    [10, 8.6, 1.4, 14, 'no-clear-change', false], // just below 15 %
    [5, 5, 0, 0, 'no-clear-change', false], // no change
    [5, 6.5, -1.5, -30, 'worse', false], // a rise of exactly 30 %
    [5, 6.4, -1.4, -28, 'no-clear-change', false], // a rise just below 30 % and 2 points
    [8, 10, -2, -25, 'worse', false], // a rise of exactly 2 points
    [8, 9.9, -1.9, -23.75, 'no-clear-change', false], // just below
    [0, 1, -1, null, 'no-clear-change', false], // baseline 0: no percentage
    [0, 2, -2, null, 'worse', false],
  ];
  it.each(cases)('%d → %d: %d points, %d %% → %s', (baseline, current, points, percent, verdict, meaningful) => {
    const j = judgeChange(baseline, current);
    expect(j.points).toBeCloseTo(points, 9);
    if (percent === null) expect(j.percent).toBeNull();
    else expect(j.percent).toBeCloseTo(percent, 3);
    expect(j.verdict).toBe(verdict);
    expect(j.meaningful).toBe(meaningful);
  });

  it('reaches the same verdicts from real check-ins (means of whole numbers)', () => {
    const last7 = (pains: number[]) => pains.map((p, k) => ci(addDays('2026-01-12', k % 7), p));
    const at = (average: number, pains: number[]) =>
      report({ intake: intakeOn(MON, { pain: { average } as IntakeAnswers['pain'] }), asOf: '2026-01-18', checkins: last7(pains) }).change;
    // 5 → (3 + 4) / 2 = 3.5: exactly 30 %.
    expect(at(5, [3, 4])).toMatchObject({ current: 3.5, points: 1.5, percent: 30, meaningful: true, verdict: 'meaningful' });
    // 5 → (3 + 4 + 4 + 4 + 3) / 5 = 3.6: 28 %.
    expect(at(5, [3, 4, 4, 4, 3])).toMatchObject({ current: 3.6, verdict: 'small', meaningful: false });
    // 8 → 6: exactly 2 points.
    expect(at(8, [6, 6])).toMatchObject({ current: 6, points: 2, percent: 25, verdict: 'meaningful' });
    // 6 → 3: exactly 50 %.
    expect(at(6, [3, 3, 3])).toMatchObject({ points: 3, percent: 50, verdict: 'substantial' });
  });

  it('words the verdict plainly, and never rounds up to a threshold not reached', () => {
    expect(painChange(5, 3.4).words).toBe('Pain: 5 at the start → 3.4 in the last 7 days: 1.6 points (32%) lower — a meaningful improvement.');
    expect(painChange(5, 5).words).toBe('Pain: 5 at the start → 5 in the last 7 days: the same — no clear change yet.');
    expect(painChange(5, 6.5).words).toMatch(/1\.5 points \(30%\) higher — worse than at the start/);
    expect(painChange(5, null).words).toMatch(/no check-ins in the last 7 days/);
    // 5 → 3.52 is 1.48 points, 29.6 %: shown as 29.6 %, not "30%", beside "small".
    expect(painChange(5, 3.52).words).toMatch(/1\.5 points \(29\.6%\) lower — a small improvement/);
    expect(guarded(1.96, 1, [2])).toBe('1.96');
    expect(guarded(1.94, 1, [2])).toBe('1.9');
    expect(guarded(32.4, 0, [30])).toBe('32');
  });
});

describe('PEG', () => {
  it('compares the intake PEG with the latest weekly PEG (same thresholds as pain)', () => {
    // Intake 6, 6, 6 → 6. Latest 4, 4, 4 → 4: 2 points, 33.3 % lower → meaningful.
    const latest = measure('2026-01-14', [4, 4, 4]);
    const r = report({ intake: base, asOf: '2026-01-18', latestPeg: latest, measures: [measure('2026-01-12', [5, 5, 5]), latest] });
    expect(r.peg).toMatchObject({ baseline: 6, current: 4, points: 2, meaningful: true, verdict: 'meaningful', currentDate: '2026-01-14' });
    expect(r.peg!.percent).toBeCloseTo(33.333, 3);
    // Two measures in the week of 12 Jan: (5 + 4) / 2 = 4.5.
    expect(r.weeks[1]!.peg).toBe(4.5);
    expect(r.weeks[0]!.peg).toBeNull();
  });

  it('no clear change, and not enough data', () => {
    // (5 + 6 + 6) / 3 = 5.667 → 5: 0.667 points, 11.8 % → no clear change.
    const c = pegChange(17 / 3, measure('2026-01-14', [5, 5, 5]));
    expect(c.points).toBeCloseTo(0.667, 3);
    expect(c.percent).toBeCloseTo(11.765, 3);
    expect(c.verdict).toBe('no-clear-change');
    expect(pegChange(6, null)).toMatchObject({ current: null, verdict: 'not-enough-data', meaningful: false });
  });
});

describe('PSFS goals', () => {
  const goals: Goal[] = [
    { activity: 'walk the dog', score: 4 },
    { activity: 'garden', score: 2 },
  ];
  const rerate = (a: number, b: number) => measure('2026-01-14', null, [
    { activity: 'walk the dog', score: a },
    { activity: 'garden', score: b },
  ]);

  it('real change on one goal (≥ 3) and on the mean (≥ 2)', () => {
    const p = psfsChange(goals, rerate(7, 3))!;
    // walk: 4 → 7 = +3 (real); garden: 2 → 3 = +1. Mean 3 → 5 = +2 (real).
    expect(p.goals.map((g) => [g.change, g.real])).toEqual([
      [3, true],
      [1, false],
    ]);
    expect(p).toMatchObject({ baselineMean: 3, currentMean: 5, change: 2, real: true });
    expect(p.words).toMatch(/a real improvement/);
  });

  it('just below both thresholds is no real change', () => {
    // +2 and +1: no item ≥ 3; mean 3 → 4.5 = +1.5 < 2.
    const p = psfsChange(goals, rerate(6, 3))!;
    expect(p).toMatchObject({ currentMean: 4.5, change: 1.5, real: false });
    expect(p.words).toMatch(/no real change yet/);
  });

  it('one goal changing by 3 is enough, even when the mean moves little', () => {
    // +3 and −1: mean 3 → 4 = +1, but one goal moved 3.
    const p = psfsChange(goals, rerate(7, 1))!;
    expect(p).toMatchObject({ change: 1, real: true });
  });

  it('not re-rated yet', () => {
    const p = psfsChange(goals, null)!;
    expect(p).toMatchObject({ currentMean: null, change: null, real: false });
    expect(p.goals.every((g) => g.current === null)).toBe(true);
  });
});

describe('flare episodes', () => {
  it('finds a flare that ended and one still going, with dates and length', () => {
    // Intake average 4. 5-7 Jan at 4 (reference 4 from the intake); 8 Jan: 7 ≥ 4 + 2 → a flare.
    // 9 Jan: 5 ≤ 4 + 1 settled (1); 10 Jan: 4 settled (2) → ended on 10 Jan: 3 days.
    // 12-14 Jan at 4; 15 Jan: 8 → a flare again, still going on the 18th: 15-18 Jan = 4 days.
    const intake = intakeOn(MON, { pain: { average: 4 } as IntakeAnswers['pain'] });
    const pains: [IsoDate, number][] = [
      ['2026-01-05', 4],
      ['2026-01-06', 4],
      ['2026-01-07', 4],
      ['2026-01-08', 7],
      ['2026-01-09', 5],
      ['2026-01-10', 4],
      ['2026-01-12', 4],
      ['2026-01-13', 4],
      ['2026-01-14', 4],
      ['2026-01-15', 8],
      ['2026-01-16', 7],
    ];
    const r = report({ intake, asOf: '2026-01-18', checkins: pains.map(([d, p]) => ci(d, p)) });
    expect(r.flares).toEqual([
      { start: '2026-01-08', end: '2026-01-10', days: 3 },
      { start: '2026-01-15', end: null, days: 4 },
    ]);
  });

  it('flareSpans handles an empty timeline', () => {
    expect(flareSpans(flareTimeline([], MON, '2026-01-10', 4))).toEqual([]);
  });
});

describe('progression steps, from each week’s own facts', () => {
  // Weeks run Mon-Sun from the intake (5 Jan). Every planned day records 4 exercises.
  const intake = intakeOn(MON, { pain: { average: 4 } as IntakeAnswers['pain'] });
  const sessions = (dates: IsoDate[], done: number) => dates.flatMap((d) => day(d, done, 4));
  const completions = [
    ...sessions(['2026-01-05', '2026-01-07', '2026-01-09'], 4), // week 1: 3 of 3 → up
    ...sessions(['2026-01-12'], 4), // week 2: 1 of 3 → held for adherence
    ...sessions(['2026-01-19', '2026-01-21', '2026-01-23'], 4), // week 3: all done, but pain during 7 → down
  ];
  const checkins = [
    ci('2026-01-05', 4),
    ci('2026-01-07', 4),
    ci('2026-01-09', 4),
    ci('2026-01-12', 4),
    ci('2026-01-19', 4),
    ci('2026-01-21', 4, { during: 7 }),
    ci('2026-01-23', 4),
  ];
  const r = report({ intake, asOf: '2026-01-28', checkins, completions });

  it('up, hold, down with plain reasons', () => {
    expect(r.steps.map((s) => [s.date, s.week, s.change])).toEqual([
      ['2026-01-12', 2, 'up'],
      ['2026-01-19', 3, 'hold'],
      ['2026-01-26', 4, 'down'],
    ]);
    expect(r.steps[0]!.reason).toBe('Doses up a step: 3 of 3 sessions done and no pain rule broken the week before.');
    expect(r.steps[1]!.reason).toBe('Held: 1 of 3 sessions done the week before (two-thirds are needed to step up).');
    expect(r.steps[2]!.reason).toBe('One step back: pain during exercise was 7/10 on Wed 21 Jan 2026 (above 5).');
  });

  it('agrees with today: the same fold gives each week the same decision', () => {
    for (const step of r.steps) {
      const today = buildSession({ ...sessionInput({ intake, asOf: step.date, checkins, completions }), date: step.date });
      expect(today.progress).toEqual({ level: step.to, change: step.change, reason: step.code });
    }
  });

  it('shows only the steps that took effect in the window', () => {
    const short = report({ intake, asOf: '2026-01-28', weeks: 2, checkins, completions });
    expect(short.steps.map((s) => s.date)).toEqual(['2026-01-19', '2026-01-26']);
  });
});
