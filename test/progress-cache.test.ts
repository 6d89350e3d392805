// The cache of weekly states (week_states, migration 4) is disposable: every answer with it is the
// answer without it, a fact dated in the past drops what it changes, and it is never exported.
import Database from 'better-sqlite3';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, run } from './helpers/cli';
import { addDays, GOOD, homeWithIntake, log, ok, sessionDays, START, usualAnswers } from './helpers/coach';

function exec(home: string, sql: string): void {
  const db = new Database(path.join(home, 'painfit.db'));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

const todayJson = (home: string, date: string) => ok(['today', '--json', '--date', date], home).stdout;
const reportJson = (home: string, date: string) => ok(['report', '--json', '--weeks', '12', '--date', date], home).stdout;
const cold = (home: string, f: () => string): string => {
  exec(home, 'DELETE FROM week_states');
  return f();
};

describe('the cache of weekly states', () => {
  let home: string;
  const mondays = [2, 3, 4, 5, 6, 7].map((w) => sessionDays(w)[0]!);
  beforeAll(() => {
    home = homeWithIntake(usualAnswers());
    for (let w = 1; w <= 6; w++) {
      for (const d of sessionDays(w)) {
        log(home, d, w === 3 && d === sessionDays(3)[1] ? { pain: 4, done: 'all', during: 6 } : GOOD);
        log(home, addDays(d, 1), { pain: 4 });
      }
    }
  });

  it('is filled by today, one state per plan week reached, and gives the same answers as none', () => {
    const warm = mondays.map((d) => todayJson(home, d));
    const states = query(home, 'SELECT week, start FROM week_states ORDER BY week');
    expect(states.map((s) => s.week)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(states[0]).toEqual({ week: 2, start: addDays(START, 7) });
    expect(mondays.map((d) => todayJson(home, d))).toEqual(warm); // read from the cache
    expect(mondays.map((d) => cold(home, () => todayJson(home, d)))).toEqual(warm); // rebuilt
  });

  it('the report reads the same fold, with or without the cache', () => {
    const asOf = addDays(mondays[5]!, 3);
    todayJson(home, asOf);
    const warm = reportJson(home, asOf);
    expect(cold(home, () => reportJson(home, asOf))).toBe(warm);
    expect(JSON.parse(warm).steps.map((s: { change: string; code: string }) => `${s.change}:${s.code}`)).toEqual([
      'up:earned',
      'up:earned',
      'down:rule',
      'up:earned',
      'up:earned',
      'up:earned',
    ]);
  });

  it('a fact dated in the past drops the states after it, and the answers change as they should', () => {
    const date = mondays[5]!;
    const before = todayJson(home, date);
    expect(query(home, 'SELECT count(*) AS n FROM week_states')[0].n).toBeGreaterThan(0);
    // A flare in week 2, backfilled: the cache from week 3 on is gone at once.
    log(home, addDays(START, 10), { pain: 9 });
    expect(query(home, 'SELECT max(start) AS s FROM week_states')[0].s <= addDays(START, 10)).toBe(true);
    const after = todayJson(home, date);
    expect(after).not.toBe(before);
    expect(cold(home, () => todayJson(home, date))).toBe(after);
    // undo drops them too, and the answer is back.
    ok(['undo', '--yes'], home);
    expect(todayJson(home, date)).toBe(before);
  });

  it('a state kept under other answers or another build is never used', () => {
    const date = mondays[5]!;
    const right = todayJson(home, date);
    exec(home, "UPDATE week_states SET state = replace(state, '\"level\":', '\"level\":9') WHERE week = 7");
    exec(home, "UPDATE week_states SET config = 'another-build:x:y'");
    expect(todayJson(home, date)).toBe(right);
  });

  it('is not data: export leaves it out, and an import rebuilds it on demand', () => {
    const file = ok(['export'], home).stdout;
    expect(JSON.parse(file).week_states).toBeUndefined();
    const other = homeWithIntake(usualAnswers());
    const r = run(['import', '-', '--replace'], { home: other, input: file });
    expect(r.code, r.stderr).toBe(0);
    expect(query(other, 'SELECT count(*) AS n FROM week_states')[0].n).toBe(0);
    expect(todayJson(other, mondays[5]!)).toBe(todayJson(home, mondays[5]!));
  });
});

describe('the cache of plan levels (plan_levels, migration 12)', () => {
  const planJson = (home: string, date: string) => ok(['plan', '--json', '--date', date], home).stdout;
  const rows = (home: string) => query<{ config: string; level: number; summary: string }>(home, 'SELECT config, level, summary FROM plan_levels ORDER BY level');

  it('is filled by plan, read on the next run, and gives the same answers as none', () => {
    const home = homeWithIntake(usualAnswers());
    const date = addDays(START, 3);
    const first = planJson(home, date);
    const kept = rows(home);
    // Where this is heading looks levels ahead: each is kept once, under one config.
    expect(kept.length).toBeGreaterThan(3);
    expect(new Set(kept.map((r) => r.config)).size).toBe(1);
    expect(kept.map((r) => r.level)).toEqual([...kept.keys()]);
    expect(planJson(home, date)).toBe(first);
    expect(rows(home)).toEqual(kept); // nothing planned again, nothing rewritten
    exec(home, 'DELETE FROM plan_levels');
    expect(planJson(home, date)).toBe(first);
    expect(rows(home)).toEqual(kept);
    expect(reportJson(home, date)).toBe(cold(home, () => reportJson(home, date)));
  });

  it('a damaged row is planned again and replaced; rows of another build are dropped', () => {
    const home = homeWithIntake(usualAnswers());
    const date = addDays(START, 3);
    const right = planJson(home, date);
    const kept = rows(home);
    exec(home, "UPDATE plan_levels SET summary = '{\"signature\": 3}' WHERE level = 1");
    exec(home, "UPDATE plan_levels SET summary = 'not json' WHERE level = 2");
    exec(home, "INSERT INTO plan_levels (config, level, summary) VALUES ('another-build:x:y', 0, '{}')");
    expect(planJson(home, date)).toBe(right);
    expect(rows(home)).toEqual(kept);
  });

  it('is not data: export leaves it out', () => {
    const home = homeWithIntake(usualAnswers());
    planJson(home, addDays(START, 3));
    expect(rows(home).length).toBeGreaterThan(0);
    expect(JSON.parse(ok(['export'], home).stdout).plan_levels).toBeUndefined();
  });
});
