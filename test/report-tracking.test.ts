// Richer tracking in the report (issue 12): sleep, pain during exercise and effort by week, the two
// insights with the days they rest on, "not enough data yet", and no week before the intake.
// Every expected number is computed by hand beside it.
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate, weekdayOf } from '../src/domain/dates';
import type { Checkin, Completion } from '../src/domain/facts';
import type { IntakeAnswers, IntakeRecord } from '../src/domain/intake';
import { buildReport, INSIGHT_MIN_DAYS, type ReportInput, VERDICT_MIN_CHECKINS } from '../src/domain/report';
import { answers } from './domain/fixtures';

let ids = 1;
const ci = (date: IsoDate, pain: number, more: Partial<Checkin> = {}): Checkin => {
  const id = ids++;
  return { id, date, recordedAt: `${date}T09:00:00.000Z`, pain, during: null, effort: null, sleep: null, note: null, ...more };
};
const session = (date: IsoDate): Completion[] => [0, 1, 2].map((i) => ({ date, exerciseId: `ex-${i}`, done: true, minutes: 5 }));
const intakeOn = (date: IsoDate): IntakeRecord => ({
  id: 1,
  date,
  recordedAt: `${date}T08:00:00.000Z`,
  answers: answers({ pain: { average: 5 } as IntakeAnswers['pain'] }),
});
const report = (over: Partial<ReportInput> & Pick<ReportInput, 'intake' | 'asOf'>) =>
  buildReport({
    weeks: 8,
    screening: { outcome: 'proceed', redFlags: [], notes: [], progressionPaused: false },
    checkins: [],
    completions: [],
    measures: [],
    latestPeg: null,
    latestGoals: null,
    progress: [], // the weekly fold's days: flares and dose steps, not what these tests read
    ...over,
  });

// A three-week course from Monday 5 Jan 2026 (schedule Mon, Wed, Fri), a check-in every day.
//   pain:   3 on the day after a session (Tue, Thu, Sat), 5 on the others (Mon, Wed, Fri, Sun)
//   sleep:  poor (2) on Mon and Wed, good (8) on Tue, Thu and Sat, middling (5) on Fri and Sun
//   during: on session days, Mon 1, Wed 2, Fri 3, plus (week − 1)
//   effort: on session days, Mon 2, Wed 3, Fri 3
const MON = '2026-01-05';
const checkins: Checkin[] = [];
const completions: Completion[] = [];
for (let d = 0; d < 21; d++) {
  const date = addDays(MON, d);
  const wd = weekdayOf(date);
  const week = Math.floor(d / 7);
  const sessionDay = wd === 'mon' || wd === 'wed' || wd === 'fri';
  const pain = wd === 'tue' || wd === 'thu' || wd === 'sat' ? 3 : 5;
  const sleep = wd === 'mon' || wd === 'wed' ? 2 : wd === 'fri' || wd === 'sun' ? 5 : 8;
  const during = sessionDay ? { mon: 1, wed: 2, fri: 3 }[wd as 'mon'] + week : null;
  const effort = sessionDay ? { mon: 2, wed: 3, fri: 3 }[wd as 'mon'] : null;
  checkins.push(ci(date, pain, { sleep, during, effort }));
  if (sessionDay) completions.push(...session(date));
}
const course = report({ intake: intakeOn(MON), asOf: addDays(MON, 20), checkins, completions });

describe('sleep, pain during exercise and effort, week by week', () => {
  it('are the means of the week’s answers', () => {
    expect(course.weeks.map((w) => w.start)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    for (const w of course.weeks) {
      // (2 + 8 + 2 + 8 + 5 + 8 + 5) / 7 = 38 / 7
      expect(w.sleepMean).toBeCloseTo(38 / 7, 10);
      // (2 + 3 + 3) / 3 = 8 / 3; only session days answered
      expect(w.effortMean).toBeCloseTo(8 / 3, 10);
    }
    // (1 + 2 + 3) / 3 = 2, then 3, then 4
    expect(course.weeks.map((w) => w.duringMean)).toEqual([2, 3, 4]);
  });
});

describe('the two insights', () => {
  it('pain on the day after a session: 9 such days at 3, 12 other days at 5', () => {
    const i = course.insights.find((x) => x.kind === 'after-session')!;
    expect(i.enough).toBe(true);
    // Tue, Thu and Sat of 3 weeks follow a session day: 9 days at pain 3. The other 12 days
    // (Mon 5 Jan has no day of the plan before it) are at 5.
    expect(i.groups).toEqual([
      { label: 'days after a session', days: 9, painMean: 3 },
      { label: 'other days', days: 12, painMean: 5 },
    ]);
    expect(i.difference).toBe(-2);
    expect(i.words).toBe(
      'Pain on the day after a session: 3 on average over the 9 days after a session, 5 over 12 other days with a check-in (2 points lower after a session). This shows what went together, not what caused what.',
    );
  });

  it('pain after poor and good sleep: 6 poor days at 5, 9 good days at 3, middling days left out', () => {
    const i = course.insights.find((x) => x.kind === 'sleep')!;
    expect(i.enough).toBe(true);
    // Poor: Mon and Wed × 3 weeks = 6 days, all at pain 5. Good: Tue, Thu, Sat × 3 = 9 days at 3.
    expect(i.groups).toEqual([
      { label: 'days with poor sleep (0-4)', days: 6, painMean: 5 },
      { label: 'days with good sleep (7-10)', days: 9, painMean: 3 },
    ]);
    expect(i.difference).toBe(2);
    expect(i.words).toContain('5 on average on the 6 days with poor sleep (0-4), 3 on the 9 days with good sleep (7-10) (2 points higher with poor sleep).');
  });

  it('never claim a cause', () => {
    for (const i of course.insights) {
      expect(i.words).toContain('not what caused what');
      expect(i.words).not.toMatch(/\bbecause\b|\bcauses\b|\bleads? to\b|\bmakes?\b|\bdue to\b/i);
    }
  });

  it('say "not enough data yet" below the minimum days, with the counts and no comparison', () => {
    expect(INSIGHT_MIN_DAYS).toBe(5);
    const wed = '2026-01-07';
    const short = report({
      intake: intakeOn(wed),
      asOf: '2026-01-09',
      checkins: [ci(wed, 4, { sleep: 3 }), ci('2026-01-08', 3, { sleep: 8 }), ci('2026-01-09', 4, { sleep: 6 })],
      completions: session(wed),
    });
    for (const i of short.insights) {
      expect(i.enough).toBe(false);
      expect(i.difference).toBeNull();
      expect(i.words).toMatch(/not enough data yet \(\d+ .+ and \d+ .+ so far; at least 5 of each are needed\)\.$/);
    }
    expect(short.insights[0]!.words).toBe(
      'Pain on the day after a session: not enough data yet (1 day after a session and 2 other days so far; at least 5 of each are needed).',
    );
  });
});

describe('a short course', () => {
  const wed = '2026-01-07';
  const short = report({ intake: intakeOn(wed), asOf: '2026-01-09', checkins: [ci(wed, 4), ci('2026-01-09', 3), ci('2026-01-09', 2)] });

  it('has no week, and no day, before the intake', () => {
    expect(short.from).toBe(wed);
    expect(short.weeks.map((w) => w.start)).toEqual([wed]);
    expect(short.daily[0]!.date).toBe(wed);
    expect(short.weeks[0]!.sleepMean).toBeNull(); // nobody answered: a gap, not a zero
  });

  it('says when the pain verdict rests on fewer than 4 check-ins', () => {
    expect(VERDICT_MIN_CHECKINS).toBe(4);
    expect(short.change.checkins).toBe(3);
    expect(short.change.current).toBe(3); // (4 + 3 + 2) / 3
    expect(short.change.words).toContain('This rests on only 3 check-ins in the last 7 days, so take it as a first sign.');
    // The full course has 7 check-ins in its last 7 days: no such caution.
    expect(course.change.checkins).toBe(7);
    expect(course.change.words).not.toContain('rests on only');
  });
});
