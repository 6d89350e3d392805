// Issue 9 "Done when": painfit settings keeps progress (clinical-rules §4 "changing settings never
// resets progress"). Five weeks of good check-ins, then new days and equipment: the next session's
// doses for the exercises that stay are the same as before the change.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { dbHash, query, run, tempHome, writeJson } from './helpers/cli';
import { addDays, type Day, flat, GOOD, homeWithIntake, log, sessionDays, START, today, usualAnswers } from './helpers/coach';

const doses = (d: Day) => new Map(d.exercises.map((e) => [e.id, { sets: e.sets, reps: e.reps, holdSeconds: e.holdSeconds, minutes: e.minutes }]));

describe('painfit settings keeps every exercise at its level', () => {
  let home: string;
  const week6Mon = sessionDays(6)[0]!;
  let week1: Day;
  let before: Day;
  let after: Day;

  beforeAll(() => {
    home = homeWithIntake(usualAnswers()); // knee and low back, mon/wed/fri, 30 minutes
    for (const week of [1, 2, 3, 4, 5]) for (const d of sessionDays(week)) log(home, d, GOOD);
    week1 = today(home, START);
    before = today(home, week6Mon);
    const r = run(['settings', '--days', 'mon,tue,thu,sat', '--equipment', 'band', '--date', week6Mon], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(flat(r.stdout)).toContain('Your progress is kept');
    after = today(home, week6Mon);
  });

  it('the week and the doses of the exercises that stay are the same as before the change', () => {
    expect(after.week).toBe(before.week);
    expect(after.week).toBe(6);
    const b = doses(before);
    const a = doses(after);
    const stay = [...b.keys()].filter((id) => a.has(id));
    expect(stay.length, `exercises in both: ${stay.join(', ')}`).toBeGreaterThanOrEqual(3);
    for (const id of stay) expect(a.get(id), id).toEqual(b.get(id));
  });

  it('there was progress to keep: the doses are above the first week’s', () => {
    const first = doses(week1);
    const grown = [...doses(after).entries()].filter(([id, d]) => {
      const f = first.get(id);
      return f !== undefined && ((d.reps ?? 0) > (f.reps ?? 0) || (d.minutes ?? 0) > (f.minutes ?? 0) || (d.holdSeconds ?? 0) > (f.holdSeconds ?? 0));
    });
    expect(grown.length).toBeGreaterThan(0);
  });

  it('the new days take effect from the date: Tuesday is a session day, Wednesday a rest day', () => {
    expect(today(home, addDays(week6Mon, 1)).status).toBe('session');
    expect(today(home, sessionDays(6)[1]!).status).toBe('rest');
    // Before the change the old days stand.
    expect(today(home, sessionDays(5)[1]!).status).toBe('session');
  });

  it('is stored as a dated fact', () => {
    const rows = query(home, 'SELECT date, changes FROM settings') as { date: string; changes: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.date).toBe(week6Mon);
    expect(JSON.parse(rows[0]!.changes)).toEqual({ days: ['mon', 'tue', 'thu', 'sat'], equipment: ['band'] });
  });

  it('by contrast, a new intake with --start-over starts the plan again at week 1, with the first doses', () => {
    // Issue 9: an answers file keeps progress unless --start-over (test/intake-keep.test.ts has both).
    const h = homeWithIntake(usualAnswers());
    for (const week of [1, 2, 3, 4, 5]) for (const d of sessionDays(week)) log(h, d, GOOD);
    const file = writeJson(path.dirname(h), 'new-days.json', usualAnswers((a) => (a.schedule.days = ['mon', 'tue', 'thu', 'sat'])));
    const r = run(['intake', '--answers', file, '--date', week6Mon, '--start-over'], { home: h });
    expect(r.code, r.stderr).toBe(0);
    const restarted = today(h, week6Mon);
    expect(restarted.week).toBe(1);
    expect(restarted).not.toEqual(before);
  });
});

describe('painfit settings: bad input', () => {
  it.each([
    [['--days', 'mon,fun'], '--days "mon,fun": "fun" is not accepted'],
    [['--days', 'none'], '--days "none"'],
    [['--minutes', '5'], '--minutes "5" is not accepted: give the minutes a session as a whole number from 10 to 60'],
    [['--equipment', 'rocket'], '--equipment "rocket": "rocket" is not accepted'],
    [['--floor', 'maybe'], '--floor "maybe" is not accepted: use --floor yes or --floor no'],
    [['--walk-minutes', '-3'], '--walk-minutes'],
    [[], 'not an interactive terminal. Give the changes as flags: --days'],
  ])('%j → exit 2, the reason and what is accepted, nothing written', (args, message) => {
    const h = homeWithIntake(usualAnswers());
    const hash = dbHash(h);
    const r = run(['settings', ...args], { home: h });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(flat(r.stderr)).toContain(message);
    expect(dbHash(h)).toBe(hash);
  });

  it('with no intake yet: exit 3 naming painfit intake', () => {
    const r = run(['settings', '--minutes', '20'], { home: tempHome('painfit-settings-') });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('painfit intake');
  });
});
