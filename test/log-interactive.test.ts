// The interactive painfit log's new questions (clinical-rules §1a unwell, §4 per-exercise feedback
// and the walking track), in-process on the test app (helpers/app.ts) with a scripted prompter.
// What the questions save is compared row by row with what the matching flags save.
import { describe, expect, it } from 'vitest';
import type { Choice, Prompter } from '../src/ui/prompts';
import { testApp } from './helpers/app';
import { query, run } from './helpers/cli';
import { addDays, type Day, homeWithIntake, START, today, usualAnswers } from './helpers/coach';

type Answer = string | number | boolean | string[] | undefined;

/**
 * Answers each question by the first rule whose pattern matches its message; a question no rule
 * matches fails the test (so a question asked when it should not be is caught). Every message is recorded.
 */
function scripted(rules: [RegExp, Answer | ((choices: readonly Choice<unknown>[]) => Answer)][]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const answer = (message: string, choices: readonly Choice<unknown>[] = []): Answer => {
    asked.push(message);
    const rule = rules.find(([re]) => re.test(message));
    if (!rule) throw new Error(`unexpected question: ${message}`);
    return typeof rule[1] === 'function' ? rule[1](choices) : rule[1];
  };
  return {
    asked,
    async number(message) {
      return answer(message) as number;
    },
    async optionalNumber(message) {
      return answer(message) as number | undefined;
    },
    async text(message) {
      return (answer(message) as string | undefined) ?? '';
    },
    async confirm(message) {
      return answer(message) as boolean;
    },
    async select<T>(message: string, choices: readonly Choice<T>[]) {
      const a = answer(message, choices as readonly Choice<unknown>[]);
      const c = choices.find((x) => x.value === a);
      if (!c) throw new Error(`${String(a)} is not a choice of ${message}`);
      return c.value;
    },
    async checkbox<T>(message: string, choices: readonly Choice<T>[]) {
      const a = answer(message, choices as readonly Choice<unknown>[]) as string[];
      return choices.filter((c) => a.includes(c.value as string)).map((c) => c.value);
    },
  };
}

async function logOnTerminal(home: string, date: string, p: Prompter) {
  const app = testApp({ now: `${date}T18:00:00`, prompter: p, tty: true });
  const code = await app.run(['log', '--date', date, '--home', home]);
  return { code, stdout: app.stdout(), stderr: app.stderr() };
}

/** Every fact row a log writes, without ids, entry ids and times. */
function facts(home: string) {
  return {
    checkins: query(home, 'SELECT date, pain, during, effort, sleep, note FROM checkins ORDER BY id'),
    completions: query(home, 'SELECT date, exercise_id, done, minutes FROM completions ORDER BY exercise_id'),
    feedback: query(home, 'SELECT date, exercise_id, answer FROM feedback ORDER BY exercise_id'),
    walks: query(home, 'SELECT date, minutes FROM walks ORDER BY id'),
    unwell: query(home, 'SELECT date FROM unwell ORDER BY id'),
    entries: query<{ n: number }>(home, 'SELECT count(*) AS n FROM entries')[0]!.n,
  };
}

interface WalkDay extends Day {
  walk: { minutes: number; effort: number } | null;
}

/** The first day from START (plan week 2, so not the first days of the plan) matching `want`. */
function findDay(home: string, want: (d: WalkDay) => boolean): WalkDay {
  for (let i = 7; i < 21; i++) {
    const d = today(home, addDays(START, i)) as WalkDay;
    if (want(d)) return d;
  }
  throw new Error('no such day in weeks 2-3');
}

const fresh = () => homeWithIntake(usualAnswers());
const withWalk = (d: WalkDay) => d.walk !== null && d.walk.minutes > 0;

describe('painfit log on a terminal: unwell, per-exercise feedback and the walking track', () => {
  const probe = fresh();
  const sessionWalk = findDay(probe, (d) => d.status === 'session' && withWalk(d) && d.exercises.length >= 3);
  const restWalk = findDay(probe, (d) => d.status === 'rest' && withWalk(d));
  const noWalk = findDay(probe, (d) => d.status === 'session' && d.walk === null);
  const ids = sessionWalk.exercises.map((e) => e.id);

  it('asks "unwell?" first; "no" then asks the rest in order, and saves exactly what the flags save', async () => {
    const [a, b, c] = ids as [string, string, string];
    const home = fresh();
    const p = scripted([
      [/unwell/, false],
      [/pain right now/, 4],
      [/Which exercises/, ids.filter((id) => id !== c)],
      [/Did any exercise feel too easy, too hard, or hurt\?/, true],
      [/^Which ones\?/, [a, b]],
      [new RegExp(`How did ${sessionWalk.exercises[0]!.name} feel`), 'hurt'],
      [new RegExp(`How did ${sessionWalk.exercises[1]!.name} feel`), 'easy'],
      [/worst pain during/, 3],
      [/How hard did it feel overall/, 3],
      [/Did you do your walk/, true],
      [/How many minutes\?/, 12],
      [/slept/, 6],
      [/Anything to note/, 'ok'],
      [/weekly questions/, false],
    ]);
    const r = await logOnTerminal(home, sessionWalk.date, p);
    expect(r.code, r.stderr).toBe(0);
    expect(p.asked[0]).toMatch(/^Are you feeling unwell today \(a cold, fever, infection, or feeling faint\)\?$/);
    const order = p.asked.map((m) => m.split(/[?(]/)[0]);
    expect(order.indexOf('Which exercises did you do')).toBeLessThan(order.indexOf('Did any exercise feel too easy, too hard, or hurt'));
    expect(order.indexOf('Did any exercise feel too easy, too hard, or hurt')).toBeLessThan(order.indexOf('Did you do your walk today'));
    // Only the two picked exercises were asked about, not every done one.
    expect(p.asked.filter((m) => m.startsWith('How did '))).toHaveLength(2);
    expect(p.asked.find((m) => m.startsWith('Did you do your walk'))).toContain(`planned: ${sessionWalk.walk!.minutes} minute`);

    const flags = fresh();
    const rest = ids.filter((id) => id !== a && id !== b && id !== c);
    const fb = [`${a}=hurt`, `${b}=easy`, ...rest.map((id) => `${id}=right`)].join(',');
    const f = run(['log', '--date', sessionWalk.date, '--pain', '4', '--done', ids.filter((id) => id !== c).join(','), '--during', '3', '--effort', '3', '--walk', '12', '--sleep', '6', '--note', 'ok', '--feedback', fb], { home: flags });
    expect(f.code, f.stderr).toBe(0);
    const saved = facts(home);
    expect(saved).toEqual(facts(flags));
    expect(saved.feedback).toHaveLength(ids.length - 1);
    expect(saved.walks).toEqual([{ date: sessionWalk.date, minutes: 12 }]);
    expect(saved.entries).toBe(1);
    expect(r.stdout).toContain('walking track: 12 minutes');
    expect(r.stdout).toContain('It hurt: painfit will ease that exercise');
    // The summary names the two that were not about right, and counts the rest.
    const flat = r.stdout.replace(/\s+/g, ' ');
    const name = (id: string) => sessionWalk.exercises.find((e) => e.id === id)!.name;
    expect(flat).toContain(`how it felt: ${name(a)} it hurt, ${name(b)} easy, the other ${ids.length - 3} about right`);
  });

  it('"any that felt too easy, too hard or hurt?" answered no records every done exercise as about right, in one question', async () => {
    const home = fresh();
    const p = scripted([
      [/unwell/, false],
      [/pain right now/, 3],
      [/Which exercises/, ids],
      [/Did any exercise feel/, false],
      [/worst pain during/, 2],
      [/How hard did it feel overall/, 3],
      [/Did you do your walk/, false],
      [/slept/, undefined],
      [/Anything to note/, ''],
      [/weekly questions/, false],
    ]);
    const r = await logOnTerminal(home, sessionWalk.date, p);
    expect(r.code, r.stderr).toBe(0);
    expect(p.asked.some((m) => m.startsWith('How did '))).toBe(false);
    expect(p.asked.some((m) => m.startsWith('How many minutes'))).toBe(false);
    const saved = facts(home);
    expect(saved.feedback).toEqual(ids.map((id) => ({ date: sessionWalk.date, exercise_id: id, answer: 'right' })).sort((x, y) => x.exercise_id.localeCompare(y.exercise_id)));
    expect(saved.walks).toEqual([]);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`how it felt: all ${ids.length} about right`);
  });

  it('one exercise done: asked how it felt directly (easy / about right / hard / it hurt, about right first offered)', async () => {
    const home = fresh();
    let offered: string[] = [];
    const p = scripted([
      [/unwell/, false],
      [/pain right now/, 3],
      [/Which exercises/, [ids[0]!]],
      [/How did .* feel\?/, (choices) => ((offered = choices.map((c) => c.name)), 'hard')],
      [/worst pain during/, 2],
      [/How hard did it feel overall/, 4],
      [/Did you do your walk/, false],
      [/slept/, undefined],
      [/Anything to note/, ''],
      [/weekly questions/, false],
    ]);
    const r = await logOnTerminal(home, sessionWalk.date, p);
    expect(r.code, r.stderr).toBe(0);
    expect(offered).toEqual(['easy', 'about right', 'hard', 'it hurt']);
    expect(p.asked.some((m) => m.startsWith('Did any exercise feel'))).toBe(false);
    expect(facts(home).feedback).toEqual([{ date: sessionWalk.date, exercise_id: ids[0], answer: 'hard' }]);
  });

  it('nothing done: no feedback questions; the walk is still asked on a walking day', async () => {
    const home = fresh();
    const p = scripted([
      [/unwell/, false],
      [/pain right now/, 5],
      [/Which exercises/, []],
      [/Did you do your walk/, true],
      [/How many minutes\?/, sessionWalk.walk!.minutes],
      [/slept/, undefined],
      [/Anything to note/, ''],
      [/weekly questions/, false],
    ]);
    const r = await logOnTerminal(home, sessionWalk.date, p);
    expect(r.code, r.stderr).toBe(0);
    expect(facts(home).feedback).toEqual([]);
    expect(facts(home).walks).toEqual([{ date: sessionWalk.date, minutes: sessionWalk.walk!.minutes }]);
  });

  it('a rest day with a walk asks about the walk; a session day without one does not', async () => {
    const home = fresh();
    const p = scripted([
      [/unwell/, false],
      [/pain right now/, 3],
      [/optional extra/, []],
      [/Did you do your walk/, true],
      [/How many minutes\?/, 20],
      [/slept/, undefined],
      [/Anything to note/, ''],
      [/weekly questions/, false],
    ]);
    const r = await logOnTerminal(home, restWalk.date, p);
    expect(r.code, r.stderr).toBe(0);
    expect(facts(home).walks).toEqual([{ date: restWalk.date, minutes: 20 }]);

    const q = scripted([
      [/unwell/, false],
      [/pain right now/, 3],
      [/Which exercises/, []],
      [/slept/, undefined],
      [/Anything to note/, ''],
      [/weekly questions/, false],
    ]);
    const s = await logOnTerminal(fresh(), noWalk.date, q);
    expect(s.code, s.stderr).toBe(0);
    expect(q.asked.some((m) => /walk/i.test(m))).toBe(false);
  });

  it('unwell: asks nothing about exercise or the walk, saves the day exactly as log --unwell, shows the advice; undo removes it all', async () => {
    const home = fresh();
    const p = scripted([
      [/unwell/, true],
      [/pain right now/, 5],
      [/slept/, 4],
      [/Anything to note/, 'a cold'],
    ]);
    const r = await logOnTerminal(home, sessionWalk.date, p);
    expect(r.code, r.stderr).toBe(0);
    expect(p.asked).toHaveLength(4);
    expect(r.stdout).toContain('unwell: no session that day');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('You said you are unwell today');

    const flags = fresh();
    expect(run(['log', '--date', sessionWalk.date, '--unwell', '--pain', '5', '--sleep', '4', '--note', 'a cold'], { home: flags }).code).toBe(0);
    const saved = facts(home);
    expect(saved).toEqual(facts(flags));
    expect(saved.unwell).toEqual([{ date: sessionWalk.date }]);
    expect(saved.completions).toEqual([]);

    const day = today(home, sessionWalk.date) as WalkDay;
    expect(day.status).toBe('rest');
    expect(day.exercises).toEqual([]);

    const u = run(['undo', '--yes'], { home });
    expect(u.code, u.stderr).toBe(0);
    const after = facts(home);
    expect(after).toEqual({ checkins: [], completions: [], feedback: [], walks: [], unwell: [], entries: 0 });
    expect((today(home, sessionWalk.date) as WalkDay).status).toBe('session');
  });

  it('undo removes the check-in, completions, feedback and walk of one interactive log together', async () => {
    const home = fresh();
    const p = scripted([
      [/unwell/, false],
      [/pain right now/, 3],
      [/Which exercises/, ids],
      [/Did any exercise feel/, false],
      [/worst pain during/, 2],
      [/How hard did it feel overall/, 3],
      [/Did you do your walk/, true],
      [/How many minutes\?/, 9],
      [/slept/, undefined],
      [/Anything to note/, ''],
      [/weekly questions/, false],
    ]);
    expect((await logOnTerminal(home, sessionWalk.date, p)).code).toBe(0);
    expect(facts(home).walks).toHaveLength(1);
    const u = run(['undo', '--yes'], { home });
    expect(u.code, u.stderr).toBe(0);
    expect(facts(home)).toEqual({ checkins: [], completions: [], feedback: [], walks: [], unwell: [], entries: 0 });
  });

  it('a backfilled day asks "were you unwell on <date>", not "today"', async () => {
    const home = fresh();
    const p = scripted([[/unwell/, true], [/pain right now/, 5], [/slept/, undefined], [/Anything to note/, '']]);
    const app = testApp({ now: `${addDays(noWalk.date, 3)}T18:00:00`, prompter: p, tty: true });
    expect(await app.run(['log', '--date', noWalk.date, '--home', home])).toBe(0);
    expect(p.asked[0]).toMatch(/^Were you unwell on \w{3} \d+ \w{3} \d{4} \(a cold/);
  });
});
