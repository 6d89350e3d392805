// Issue 9 / clinical-rules §4 "changing settings never resets progress; only an explicit start
// over does": running painfit intake again, in-process on the test app (helpers/app.ts). On a
// terminal the questionnaire ends with "Save these answers?" offering keep (the default) or start
// over; a file keeps progress unless --start-over is given, and both say which happened.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Choice, Prompter } from '../src/ui/prompts';
import { testApp } from './helpers/app';
import { dbHash, query, tempHome, writeJson } from './helpers/cli';
import { addDays, type Day, sessionDays, START, usualAnswers } from './helpers/coach';

const NOW = '2026-03-02T09:00:00';
const week6Mon = sessionDays(6)[0]!;

/** Answers every question with what it offers by default, except "Save these answers?", answered `save`. */
function defaultsPrompter(save: 'keep' | 'start-over' | 'no' | null): Prompter & { asked: string[]; selects: string[] } {
  const asked: string[] = [];
  const selects: string[] = [];
  const p = {
    asked,
    selects,
    async number(message: string, o: { default?: number; min: number }) {
      asked.push(message);
      return o.default ?? o.min;
    },
    async optionalNumber(message: string) {
      asked.push(message);
      return undefined;
    },
    async text(message: string, o?: { default?: string }) {
      asked.push(message);
      return o?.default ?? 'walk the dog';
    },
    async confirm(message: string, o?: { default?: boolean }) {
      asked.push(message);
      return o?.default ?? false;
    },
    async select<T>(message: string, choices: readonly Choice<T>[], o?: { default?: T }) {
      asked.push(message);
      selects.push(message);
      if (message === 'Save these answers?' && save !== null) return choices.find((c) => c.value === save)!.value;
      return o?.default ?? choices[0]!.value;
    },
    async checkbox<T>(message: string, choices: readonly Choice<T>[]) {
      asked.push(message);
      return choices.filter((c) => c.checked).map((c) => c.value);
    },
  };
  return p;
}

async function cli(home: string, args: string[], o: { now?: string; prompter?: Prompter; tty?: boolean } = {}) {
  const app = testApp({ now: o.now ?? NOW, prompter: o.prompter, tty: o.tty ?? false });
  const code = await app.run([...args, '--home', home]);
  return { code, stdout: app.stdout(), stderr: app.stderr() };
}

const doses = (d: Day) => d.exercises.map((e) => ({ id: e.id, sets: e.sets, reps: e.reps, holdSeconds: e.holdSeconds, minutes: e.minutes }));

async function today(home: string, date: string): Promise<Day> {
  const r = await cli(home, ['today', '--json', '--date', date]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Day;
}

/** The usual person (knee and low back, mon/wed/fri) with five weeks of good sessions logged. */
async function fiveGoodWeeks(): Promise<{ home: string; file: string }> {
  const home = tempHome('painfit-keep-');
  const file = writeJson(path.dirname(home), 'answers.json', usualAnswers());
  expect((await cli(home, ['intake', '--answers', file, '--date', START])).code).toBe(0);
  for (const week of [1, 2, 3, 4, 5]) {
    for (const d of sessionDays(week)) {
      const r = await cli(home, ['log', '--date', d, '--pain', '4', '--done', 'all', '--during', '3', '--effort', '3']);
      expect(r.code, r.stderr).toBe(0);
    }
  }
  return { home, file };
}

describe('painfit intake again keeps progress unless the person starts over', () => {
  it('on a terminal, "keep my progress" (the default) keeps every dose; "start over" goes back to week 1', async () => {
    const kept = await fiveGoodWeeks();
    const week1 = await today(kept.home, START);
    const before = await today(kept.home, week6Mon);
    expect(before.week).toBe(6);
    // There is progress to keep.
    expect(doses(before)).not.toEqual(doses(week1));

    const p = defaultsPrompter('keep');
    const r = await cli(kept.home, ['intake', '--date', week6Mon], { now: `${week6Mon}T10:00:00`, prompter: p, tty: true });
    expect(r.code, r.stderr).toBe(0);
    expect(p.selects).toEqual(['Save these answers?']);
    expect(r.stderr).toContain('Your plan started Mon 5 Jan 2026');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Your progress is kept: these answers apply from Mon 9 Feb 2026 on');
    const after = await today(kept.home, week6Mon);
    expect(after.week).toBe(6);
    expect(doses(after)).toEqual(doses(before));
    expect(query(kept.home, 'SELECT date, keeps_progress FROM intakes ORDER BY id')).toEqual([
      { date: START, keeps_progress: 0 },
      { date: week6Mon, keeps_progress: 1 },
    ]);

    const over = await fiveGoodWeeks();
    const q = defaultsPrompter('start-over');
    const s = await cli(over.home, ['intake', '--date', week6Mon], { now: `${week6Mon}T10:00:00`, prompter: q, tty: true });
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout.replace(/\s+/g, ' ')).toContain('Your plan starts over at week 1 on Mon 9 Feb 2026');
    const restarted = await today(over.home, week6Mon);
    expect(restarted.week).toBe(1);
    expect(doses(restarted)).toEqual(doses(week1));
  });

  it('"No, do not save" writes nothing', async () => {
    const { home } = await fiveGoodWeeks();
    const hash = dbHash(home);
    const r = await cli(home, ['intake', '--date', week6Mon], { now: `${week6Mon}T10:00:00`, prompter: defaultsPrompter('no'), tty: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Nothing was saved');
    expect(dbHash(home)).toBe(hash);
  });

  it('the first intake is not asked: there is no progress to keep', async () => {
    const home = tempHome('painfit-keep-');
    const p = defaultsPrompter(null);
    const r = await cli(home, ['intake', '--date', START], { now: `${START}T10:00:00`, prompter: p, tty: true });
    expect(r.code, r.stderr).toBe(0);
    // Asked as a plain yes/no, not as the keep-or-start-over choice.
    expect(p.asked.at(-1)).toBe('Save these answers?');
    expect(p.selects).not.toContain('Save these answers?');
    expect(r.stdout).toContain('Your plan starts Mon 5 Jan 2026.');
  });

  it('a file keeps progress by default and says so; --start-over restarts; --json names which', async () => {
    const kept = await fiveGoodWeeks();
    const before = await today(kept.home, week6Mon);
    const newDays = writeJson(path.dirname(kept.home), 'new-days.json', usualAnswers((a) => (a.schedule.days = ['mon', 'tue', 'thu', 'sat'])));
    const r = await cli(kept.home, ['intake', '--answers', newDays, '--date', week6Mon, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).plan).toEqual({ start: START, progress: 'kept' });
    const after = await today(kept.home, week6Mon);
    expect(after.week).toBe(6);
    const b = new Map(doses(before).map((d) => [d.id, d]));
    const stay = doses(after).filter((d) => b.has(d.id));
    expect(stay.length).toBeGreaterThanOrEqual(3);
    for (const d of stay) expect(d, d.id).toEqual(b.get(d.id));
    // The new days apply from the date on: Tuesday is now a session day, and the weeks before keep the old days.
    expect((await today(kept.home, addDays(week6Mon, 1))).status).toBe('session');
    expect((await today(kept.home, sessionDays(5)[1]!)).status).toBe('session');

    const over = await fiveGoodWeeks();
    const s = await cli(over.home, ['intake', '--answers', over.file, '--date', week6Mon, '--start-over', '--json']);
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout).plan).toEqual({ start: week6Mon, progress: 'started-over' });
    expect((await today(over.home, week6Mon)).week).toBe(1);
  });

  it('a kept intake brings its new answers too: a new painful region changes the plan from its date on', async () => {
    const { home } = await fiveGoodWeeks();
    const before = await today(home, week6Mon);
    const shoulder = writeJson(path.dirname(home), 'shoulder.json', usualAnswers((a) => (a.pain.regions = ['shoulder'])));
    expect((await cli(home, ['intake', '--answers', shoulder, '--date', week6Mon])).code).toBe(0);
    const after = await today(home, week6Mon);
    expect(after.week).toBe(6);
    expect(after.exercises.some((e) => e.regions.includes('shoulder'))).toBe(true);
    expect(before.exercises.some((e) => e.regions.includes('shoulder'))).toBe(false);
  });

  it.each([
    [['intake', '--start-over'], '--start-over goes with --answers FILE'],
    [['intake', '--template', '--start-over'], '--start-over goes with --answers FILE'],
  ])('%j → exit 2, the reason, nothing written', async (args, message) => {
    const { home } = await fiveGoodWeeks();
    const hash = dbHash(home);
    const r = await cli(home, args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(dbHash(home)).toBe(hash);
  });
});
