// Issue 10 through the built CLI: the walking track (today, log --walk, report), per-exercise
// feedback (log --feedback), after a break, and "I'm flaring" as a stored fact the fold reads.
import { beforeAll, describe, expect, it } from 'vitest';
import { dbHash, query, run, runJson } from './helpers/cli';
import { addDays, type Day, GOOD, homeWithIntake, log, ok, sessionDays, START, today, usualAnswers } from './helpers/coach';

interface TodayJson extends Day {
  walk: { minutes: number; effort: number; style: string; bouts?: number } | null;
  progress: { level: number; change: string | null; reason: string | null };
}
const todayJson = (home: string, date: string) => today(home, date) as TodayJson;

/** Mon/Wed/Fri sessions done well for `weeks` weeks, a check-in every other day too. */
function goodWeeks(home: string, weeks: number): void {
  for (let w = 1; w <= weeks; w++) {
    for (const d of sessionDays(w)) {
      log(home, d, GOOD);
      log(home, addDays(d, 1), { pain: 4 });
    }
  }
}

describe('the walking track in today (clinical-rules §4; WalkBack, Pocovi 2024)', () => {
  let home: string;
  beforeAll(() => {
    home = homeWithIntake(usualAnswers()); // walks 20 minutes, Mon/Wed/Fri sessions
  });

  it('on 5 days a week, rest days first, from about 75 % of the comfortable walk, easy', () => {
    const week = Array.from({ length: 7 }, (_, k) => todayJson(home, addDays(START, k)));
    const walking = week.filter((d) => d.walk !== null);
    expect(walking).toHaveLength(5);
    expect(week.filter((d) => d.status === 'rest').every((d) => d.walk !== null)).toBe(true);
    expect(walking[0]!.walk).toEqual({ minutes: 15, effort: 2, style: 'walking' }); // 20 × 0.75
  });

  it('is shown on the terminal with how to log it, also on a rest day', () => {
    const r = ok(['today', '--date', addDays(START, 1)], home);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Walking track: a 15-minute walk, easy: you could sing (effort 2/10, light). Log it with painfit log --walk 15.');
  });

  it('seated cardio for someone who cannot walk yet; the cardio they chose for someone who will not walk', () => {
    const seated = homeWithIntake(usualAnswers((a) => (a.ability.walkMinutes = 0)));
    expect(todayJson(seated, addDays(START, 1)).walk).toMatchObject({ style: 'seated', minutes: 3 });
    const cyclist = homeWithIntake(usualAnswers((a) => (a.likes.cardio = ['cycling'])));
    expect(todayJson(cyclist, addDays(START, 1)).walk).toMatchObject({ style: 'cycling' });
  });
});

describe('painfit log --walk', () => {
  it('stores the minutes, says so, and the report counts them in the week', () => {
    const home = homeWithIntake(usualAnswers());
    const r = ok(['log', '--date', addDays(START, 1), '--pain', '3', '--walk', '15'], home);
    expect(r.stdout).toContain('walking track: 15 minutes');
    ok(['log', '--date', addDays(START, 3), '--pain', '3', '--walk', '12'], home);
    expect(query(home, 'SELECT date, minutes FROM walks ORDER BY id')).toEqual([
      { date: addDays(START, 1), minutes: 15 },
      { date: addDays(START, 3), minutes: 12 },
    ]);
    const report = runJson<{ weeks: { start: string; walkMinutes: number }[] }>(['report', '--date', addDays(START, 6)], { home }).json;
    expect(report.weeks[0]).toMatchObject({ start: START, walkMinutes: 27 });
    const json = runJson(['log', '--date', addDays(START, 4), '--pain', '3', '--walk', '20'], { home }).json;
    expect(json.walk).toEqual({ minutes: 20 });
  });

  it.each([
    ['0', /whole number from 1 to 300/],
    ['301', /whole number from 1 to 300/],
    ['2.5', /--walk "2.5" is not accepted/],
    ['ten', /--walk "ten" is not accepted/],
  ])('--walk %s → exit 2, nothing written', (value, message) => {
    const home = homeWithIntake(usualAnswers());
    const before = dbHash(home);
    const r = run(['log', '--date', START, '--pain', '3', '--walk', value], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(dbHash(home)).toBe(before);
  });

  it('--walk without --pain → exit 2 naming --pain', () => {
    const home = homeWithIntake(usualAnswers());
    const r = run(['log', '--walk', '15'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('painfit log needs --pain');
  });
});

describe('painfit log --feedback (clinical-rules §4)', () => {
  it('"it hurt" → that exercise one step back at the next session, the others go on', () => {
    const plain = homeWithIntake(usualAnswers());
    const hurt = homeWithIntake(usualAnswers());
    goodWeeks(plain, 2);
    goodWeeks(hurt, 2);
    const monday = sessionDays(3)[0]!;
    const before = todayJson(hurt, monday);
    const strength = before.exercises.find((e) => e.type === 'strength' && (e.reps ?? 0) > 8)!;
    log(plain, monday, GOOD);
    ok([...['log', '--date', monday, '--pain', '4', '--done', 'all', '--during', '3'], '--feedback', `${strength.id}=hurt`], hurt);
    expect(query(hurt, 'SELECT date, exercise_id, answer FROM feedback')).toEqual([{ date: monday, exercise_id: strength.id, answer: 'hurt' }]);
    // Next Monday (week 4): the same exercise one step lower than for the person who said nothing.
    const next = sessionDays(4)[0]!;
    for (const d of sessionDays(3).slice(1)) {
      log(plain, d, GOOD);
      log(hurt, d, GOOD);
    }
    const mine = todayJson(hurt, next).exercises.find((e) => e.id === strength.id)!;
    const theirs = todayJson(plain, next).exercises.find((e) => e.id === strength.id)!;
    expect((mine.sets ?? 1) * (mine.reps ?? 0)).toBeLessThan((theirs.sets ?? 1) * (theirs.reps ?? 0));
  });

  it.each([
    ['an exercise not in that day’s session', 'no-such-exercise=easy', /--feedback names "no-such-exercise", which is not in the session/],
    ['an answer that is not one of the four', 'ID=fine', /"fine" is not one of easy, right, hard, hurt/],
    ['no = sign', 'ID', /is not ID=answer/],
    ['the same exercise twice', 'ID=easy,ID=hurt', /is named twice/],
  ])('%s → exit 2, nothing written', (_n, value, message) => {
    const home = homeWithIntake(usualAnswers());
    const id = todayJson(home, START).exercises[0]!.id;
    const before = dbHash(home);
    const r = run(['log', '--date', START, '--pain', '3', '--done', 'all', '--feedback', value.replace(/ID/g, id)], { home });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(dbHash(home)).toBe(before);
  });

  it('undo removes the walk and the feedback with their check-in', () => {
    const home = homeWithIntake(usualAnswers());
    const id = todayJson(home, START).exercises[0]!.id;
    const before = dbHash(home);
    ok(['log', '--date', START, '--pain', '3', '--done', 'all', '--walk', '10', '--feedback', `${id}=easy`], home);
    expect(query(home, 'SELECT count(*) AS n FROM feedback')[0].n).toBe(1);
    const undone = ok(['undo', '--yes'], home);
    expect(undone.stderr).toContain('walking track: 10 minutes');
    expect(undone.stderr).toMatch(/how it felt: .* easy/);
    expect(query(home, 'SELECT (SELECT count(*) FROM feedback) + (SELECT count(*) FROM walks) + (SELECT count(*) FROM checkins) AS n')[0].n).toBe(0);
    expect(dbHash(home)).not.toBe('absent');
    void before;
  });
});

describe('after a break (clinical-rules §4)', () => {
  it('two weeks away → one step lower per missed week, said in plain words', () => {
    const home = homeWithIntake(usualAnswers());
    goodWeeks(home, 3); // week 4 starts at level 3
    const week4 = todayJson(home, sessionDays(4)[0]!);
    expect(week4.progress.level).toBe(3);
    // Last check-in: Saturday of week 3. Back on Monday of week 6: 15 days with nothing.
    const back = todayJson(home, sessionDays(6)[0]!);
    expect(back.progress.level).toBe(1);
    expect(back.notes[0]).toBe('Welcome back. After 2 weeks away, doses are 2 steps lower to ease you back in.');
    const text = ok(['today', '--date', sessionDays(6)[0]!], home).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Welcome back. After 2 weeks away, doses are 2 steps lower to ease you back in.');
  });
});

describe('"I\'m flaring" is a fact the fold reads (clinical-rules §5)', () => {
  it('a flares row makes that day a flare day; an end row settles it', () => {
    const home = homeWithIntake(usualAnswers());
    goodWeeks(home, 1);
    const wed = sessionDays(2)[1]!;
    expect(todayJson(home, wed).status).toBe('session');
    ok(['flare', '--date', wed], home); // painfit flare (issue 12): "I'm flaring now"
    const flaring = todayJson(home, wed);
    expect(flaring.status).toBe('flare');
    expect(flaring.notes[0]).toBe('You said you were flaring today, so today is a lighter flare-day session.');
    expect(todayJson(home, addDays(wed, 2)).status).toBe('flare');
    ok(['flare', '--end', '--date', addDays(wed, 1)], home);
    expect(todayJson(home, addDays(wed, 2)).status).toBe('session');
    // undo removes it like any entry, and says what it is.
    const undone = ok(['undo', '--yes'], home);
    expect(undone.stderr).toContain('The most recent entry is the end of the flare-up recorded for');
    expect(undone.stderr).toContain('the flare-up has settled');
    expect(query(home, 'SELECT kind FROM flares')).toEqual([{ kind: 'start' }]);
  });
});

describe('where this is heading: plan, report and today (clinical-rules §4 long-term targets)', () => {
  it('plan and report show the targets and the week the course reaches them; today --json has this week’s targets', () => {
    const home = homeWithIntake(usualAnswers());
    goodWeeks(home, 1);
    const date = sessionDays(2)[0]!;
    const plan = runJson<{ heading: { reachedWeek: number | null; words: string[]; moderateMinutes: { week: number; goal: number } } }>(['plan', '--date', date], { home }).json;
    expect(plan.heading.moderateMinutes.goal).toBe(150);
    expect(plan.heading.reachedWeek).toBeGreaterThan(2);
    expect(plan.heading.words[1]).toBe(`With every session and walk done, the plan reaches them in week ${plan.heading.reachedWeek}.`);
    const planText = ok(['plan', '--date', date], home).stdout.replace(/\s+/g, ' ');
    expect(planText).toContain(`the plan reaches them in week ${plan.heading.reachedWeek}.`);
    const report = runJson<{ heading: { reachedWeek: number | null } }>(['report', '--date', date], { home }).json;
    expect(report.heading.reachedWeek).toBe(plan.heading.reachedWeek);
    expect(ok(['report', '--date', date], home).stdout).toContain('Where this is heading');
    const t = todayJson(home, date) as TodayJson & { targets: unknown; heading?: unknown };
    expect(t.targets).toEqual({ moderateMinutes: plan.heading.moderateMinutes, strengthDays: expect.any(Object), balanceDays: expect.any(Object) });
    expect(t.heading).toBeUndefined(); // a session day
    const restDay = todayJson(home, addDays(date, 1)) as TodayJson & { heading?: { reachedWeek: number | null } };
    expect(restDay.heading?.reachedWeek).toBe(plan.heading.reachedWeek); // the plan week's first rest day
    expect(ok(['today', '--date', addDays(date, 1)], home).stdout.replace(/\s+/g, ' ')).toContain('Where this is heading: this week');
  });
});
