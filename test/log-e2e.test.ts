// painfit log from flags, end to end: validation (exit 2, nothing written), the echo of what was
// stored, several check-ins a day, completions updated rather than duplicated, and --date backfill.
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../src/cli/context';
import { dbHash, query, run, runJson, tempHome } from './helpers/cli';
import { addDays, flat, homeWithIntake, sessionDays, START, today, usualAnswers } from './helpers/coach';

interface CheckinRow {
  id: number;
  entry_id: number;
  date: string;
  recorded_at: string;
  pain: number;
  during: number | null;
  effort: number | null;
  sleep: number | null;
  note: string | null;
}
interface CompletionRow {
  date: string;
  exercise_id: string;
  done: number;
  minutes: number;
  entry_id: number;
}

const checkins = (home: string) => query<CheckinRow>(home, 'SELECT * FROM checkins ORDER BY id');
const completions = (home: string, date?: string) =>
  date
    ? query<CompletionRow>(home, 'SELECT * FROM completions WHERE date = ? ORDER BY exercise_id', date)
    : query<CompletionRow>(home, 'SELECT * FROM completions ORDER BY date, exercise_id');

const WED = sessionDays(1)[1]!; // 2026-01-07, a session day

describe('bad input: a clear message, exit 2, nothing written', () => {
  let home: string;
  let planIds: string[];

  beforeAll(() => {
    home = homeWithIntake(usualAnswers());
    // Something already stored, so "nothing written" is checked against real data.
    expect(run(['log', '--date', START, '--pain', '4', '--done', 'all'], { home }).code).toBe(0);
    planIds = today(home, WED).exercises.map((e) => e.id);
  });

  const future = () => addDays(localDate(new Date()), 3);

  const cases: { name: string; args: () => string[]; message: RegExp }[] = [
    { name: '--pain 11', args: () => ['--pain', '11'], message: /--pain "11" is not accepted: give a whole number from 0 to 10/ },
    { name: '--pain abc', args: () => ['--pain', 'abc'], message: /--pain "abc" is not accepted: give a whole number from 0 to 10/ },
    { name: '--pain -1', args: () => ['--pain', '-1'], message: /--pain "-1" is not accepted: give a whole number from 0 to 10/ },
    { name: '--pain 3.5', args: () => ['--pain', '3.5'], message: /--pain "3\.5" is not accepted: give a whole number from 0 to 10/ },
    {
      name: '--done with an id not in the day’s session',
      args: () => ['--pain', '3', '--done', 'no-such-exercise'],
      message: /--done names "no-such-exercise", which is not in the session for 2026-01-07\. That day's exercises are: [a-z-, ]+\. Use all, none, or ids from that list\./,
    },
    {
      name: '--done with a library id that is not planned that day',
      args: () => ['--pain', '3', '--done', 'wall-push-up'],
      message: /--done names "wall-push-up", which is not in the session for 2026-01-07/,
    },
    { name: '--done ""', args: () => ['--pain', '3', '--done', ''], message: /--done "" is not accepted: use all, none, or exercise ids separated by commas/ },
    { name: '--effort 99', args: () => ['--pain', '3', '--effort', '99'], message: /--effort "99" is not accepted: give a whole number from 0 to 10/ },
    { name: '--during 6.0', args: () => ['--pain', '3', '--during', '6.0'], message: /--during "6\.0" is not accepted/ },
    { name: '--sleep 12', args: () => ['--pain', '3', '--sleep', '12'], message: /--sleep "12" is not accepted/ },
    {
      name: '--note over 500 characters',
      args: () => ['--pain', '3', '--note', 'x'.repeat(501)],
      message: /--note is 501 characters long; keep it to 500 characters or fewer/,
    },
    {
      name: 'a future --date',
      args: () => ['--pain', '3', '--date', future()],
      message: /cannot log \d{4}-\d{2}-\d{2}: that date is in the future\. Log today \(\d{4}-\d{2}-\d{2}\) or an earlier day/,
    },
    {
      name: '--date 2026-02-30',
      args: () => ['--pain', '3', '--date', '2026-02-30'],
      message: /--date "2026-02-30" is not a real date\. Use the form YYYY-MM-DD/,
    },
    { name: '--done all without --pain', args: () => ['--done', 'all'], message: /painfit log needs --pain <0-10>/ },
    { name: '--effort and --during without --pain', args: () => ['--effort', '3', '--during', '2'], message: /painfit log needs --pain <0-10>/ },
    { name: '--note without --pain', args: () => ['--note', 'sore today'], message: /painfit log needs --pain <0-10>/ },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const before = dbHash(home);
      const args = c.args();
      // --date WED first: a later --date in the case wins (global options may come anywhere).
      const r = run(['log', '--date', WED, ...args], { home });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^painfit: /);
      expect(flat(r.stderr)).toMatch(c.message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(dbHash(home)).toBe(before);
    });
  }

  it('the future-date message names the date given', () => {
    const d = future();
    const r = run(['log', '--pain', '3', '--date', d], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot log ${d}`);
  });

  it('with --json, the error is a JSON object on stderr, and still nothing is written', () => {
    const before = dbHash(home);
    const r = run(['log', '--date', WED, '--pain', '11', '--json'], { home });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'BAD_SCORE', message: expect.stringContaining('--pain "11"') } });
    expect(dbHash(home)).toBe(before);
  });

  it('the planned ids really were valid choices (sanity check for the --done cases)', () => {
    expect(planIds.length).toBeGreaterThan(2);
    expect(planIds).not.toContain('wall-push-up');
  });
});

describe('what is stored, and the echo of it', () => {
  it('text: echoes exactly what was stored and for which date', () => {
    const home = homeWithIntake(usualAnswers());
    const session = today(home, WED);
    const [first, second] = session.exercises;
    const r = run(['log', '--date', WED, '--pain', '3', '--done', `${first!.id},${second!.id}`, '--during', '2', '--effort', '3', '--sleep', '6', '--note', '  stiff but fine  '], {
      home,
    });
    expect(r.code, r.stderr).toBe(0);

    const [row] = checkins(home);
    expect(row).toMatchObject({ date: WED, pain: 3, during: 2, effort: 3, sleep: 6, note: 'stiff but fine' });
    // The named exercises are done; the day's others are recorded as not done (a first log that day).
    const done = completions(home, WED);
    const expected = session.exercises.map((e) => [e.id, e.id === first!.id || e.id === second!.id ? 1 : 0]);
    expect(done.map((c) => [c.exercise_id, c.done]).sort()).toEqual(expected.sort());
    expect(done.every((c) => c.entry_id === row!.entry_id)).toBe(true);

    // Lines break between words to fit 80 columns (issue 11), so compare with line breaks as spaces.
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('Saved for Wed 7 Jan 2026:');
    expect(out).toContain(`pain now ${row!.pain}/10`);
    expect(out).toContain(`worst pain during exercise ${row!.during}/10 · effort ${row!.effort}/10 · sleep ${row!.sleep}/10`);
    expect(out).toContain(`note: "${row!.note}"`);
    expect(out).toContain(`done: ${first!.name}, ${second!.name} (2 of ${session.exercises.length} recorded)`);
    expect(out).toContain(`not done: ${session.exercises.slice(2).map((e) => e.name).join(', ')}`);
  });

  it('a second --done later that day adds to the first instead of undoing it', () => {
    const home = homeWithIntake(usualAnswers());
    const session = today(home, WED);
    const [first, second, third] = session.exercises;
    expect(run(['log', '--date', WED, '--pain', '3', '--done', first!.id], { home }).code).toBe(0);
    expect(run(['log', '--date', WED, '--pain', '4', '--done', `${second!.id},${third!.id}`], { home }).code).toBe(0);
    const rows = completions(home, WED);
    expect(rows).toHaveLength(session.exercises.length);
    const doneIds = rows.filter((c) => c.done === 1).map((c) => c.exercise_id).sort();
    expect(doneIds).toEqual([first!.id, second!.id, third!.id].sort());
  });

  it('--json: prints the stored check-in and completions, equal to the rows in the database', () => {
    const home = homeWithIntake(usualAnswers());
    const session = today(home, WED);
    const { code, json } = runJson(['log', '--date', WED, '--pain', '5', '--done', 'all', '--during', '4', '--effort', '2'], { home });
    expect(code).toBe(0);
    const [row] = checkins(home);
    expect(json.date).toBe(WED);
    expect(json.checkin).toEqual({
      id: row!.id,
      date: WED,
      recordedAt: row!.recorded_at,
      pain: 5,
      during: 4,
      effort: 2,
      sleep: null,
      note: null,
    });
    const rows = completions(home, WED);
    expect(rows.map((c) => c.exercise_id).sort()).toEqual(session.exercises.map((e) => e.id).sort());
    expect(
      (json.completions as { date: string; exerciseId: string; done: boolean; minutes: number }[])
        .map((c) => ({ date: c.date, exercise_id: c.exerciseId, done: c.done ? 1 : 0, minutes: c.minutes }))
        .sort((a, b) => a.exercise_id.localeCompare(b.exercise_id)),
    ).toEqual(rows.map(({ date, exercise_id, done, minutes }) => ({ date, exercise_id, done, minutes })));
  });

  it('--done none records every planned exercise as not done, and says so', () => {
    const home = homeWithIntake(usualAnswers());
    const session = today(home, WED);
    const r = run(['log', '--date', WED, '--pain', '4', '--done', 'none'], { home });
    expect(r.code, r.stderr).toBe(0);
    const rows = completions(home, WED);
    expect(rows).toHaveLength(session.exercises.length);
    expect(rows.every((c) => c.done === 0)).toBe(true);
    expect(r.stdout).toContain(`done: none (0 of ${session.exercises.length} recorded)`);
  });

  it('several check-ins a day are all kept, in order', () => {
    const home = homeWithIntake(usualAnswers());
    for (const pain of ['3', '5', '4']) expect(run(['log', '--date', WED, '--pain', pain], { home }).code).toBe(0);
    const rows = checkins(home);
    expect(rows.map((c) => [c.date, c.pain])).toEqual([
      [WED, 3],
      [WED, 5],
      [WED, 4],
    ]);
    expect(new Set(rows.map((c) => c.entry_id)).size).toBe(3);
    expect(completions(home)).toEqual([]);
  });

  it('completions for the same exercise and date are updated, not duplicated', () => {
    const home = homeWithIntake(usualAnswers());
    const ids = today(home, WED).exercises.map((e) => e.id);
    const grouped = () =>
      query<{ n: number }>(home, 'SELECT COUNT(*) AS n FROM completions WHERE date = ? GROUP BY exercise_id HAVING n > 1', WED);

    expect(run(['log', '--date', WED, '--pain', '4', '--done', 'all'], { home }).code).toBe(0);
    expect(completions(home, WED).map((c) => c.done)).toEqual(ids.map(() => 1));

    expect(run(['log', '--date', WED, '--pain', '4', '--done', 'none'], { home }).code).toBe(0);
    expect(completions(home, WED)).toHaveLength(ids.length);
    expect(completions(home, WED).every((c) => c.done === 0)).toBe(true);

    expect(run(['log', '--date', WED, '--pain', '4', '--done', ids[0]!], { home }).code).toBe(0);
    const rows = completions(home, WED);
    expect(rows).toHaveLength(ids.length);
    expect(rows.find((c) => c.exercise_id === ids[0])!.done).toBe(1);
    expect(rows.filter((c) => c.exercise_id !== ids[0]).every((c) => c.done === 0)).toBe(true);
    expect(grouped()).toEqual([]);
    // Three check-ins, one per log.
    expect(checkins(home)).toHaveLength(3);
  });

  it('--date backfills that day; without --date the check-in is for today', () => {
    const home = homeWithIntake(usualAnswers());
    const friday = sessionDays(1)[2]!;
    const fri = today(home, friday);
    const r = run(['log', '--date', friday, '--pain', '2', '--done', 'all'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Saved for Fri 9 Jan 2026:');
    expect(checkins(home).map((c) => c.date)).toEqual([friday]);
    // The completions are that day's session, not today's.
    expect(completions(home).map((c) => c.exercise_id).sort()).toEqual(fri.exercises.map((e) => e.id).sort());
    expect(completions(home).every((c) => c.date === friday)).toBe(true);
    // recorded_at is the real time it was written.
    const recorded = Date.parse(checkins(home)[0]!.recorded_at);
    expect(Math.abs(Date.now() - recorded)).toBeLessThan(10 * 60_000);

    const now = localDate(new Date());
    const t = run(['log', '--pain', '3'], { home });
    expect(t.code, t.stderr).toBe(0);
    expect(checkins(home).map((c) => c.date)).toEqual([friday, now]);
  });

  it('a backfilled day changes the plan derived for the days after it (facts in, decisions derived)', () => {
    const home = homeWithIntake(usualAnswers());
    const week2 = sessionDays(2)[1]!;
    const before = today(home, week2);
    for (const d of sessionDays(1)) expect(run(['log', '--date', d, '--pain', '4', '--done', 'all'], { home }).code).toBe(0);
    const after = today(home, week2);
    expect(after.notes).toContain('Doses go up about 10% this week because last week you did 3 of 3 sessions with pain staying within the rules.');
    expect(after).not.toEqual(before);
  });
});

describe('no intake yet', () => {
  it('log exits 3 naming painfit intake, and creates nothing', () => {
    const home = tempHome();
    const r = run(['log', '--pain', '3'], { home });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('painfit intake');
    expect(dbHash(home)).toBe('absent');
  });
});
