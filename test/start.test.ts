// painfit start, in-process on the test app (helpers/app.ts): a fake clock, scripted keys and
// buffers. Timers count down and end, pause holds the clock, s / e / q / Enter do what they say,
// and the session is saved exactly as painfit log saves it (the rows are compared).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guidedSteps, easierForToday, type GuidedExercise } from '../src/domain/guided';
import { indexLibrary } from '../src/domain/plan';
import type { Exercise } from '../src/domain/exercise';
import { settle, testApp, type TestApp } from './helpers/app';
import { query, tempHome, writeJson } from './helpers/cli';
import { LIBRARY, usualAnswers } from './helpers/coach';

/** A Monday, a session day for the usual test person (mon/wed/fri). */
const MONDAY = '2026-11-30';
const AT_NINE = `${MONDAY}T09:00:00`;
/** Monday's exercises for the usual person, in order (checked in the first test). */
const MONDAY_IDS = ['seated-pelvic-tilt', 'easy-walk', 'backward-walking', 'hip-hinge', 'mini-squat', 'clamshell', 'supine-twist', 'knee-to-chest'];
const MINUTE = 60_000;

async function homeWithIntake(): Promise<string> {
  const home = tempHome('painfit-start-');
  const file = writeJson(path.dirname(home), 'answers.json', usualAnswers());
  const app = testApp({ now: AT_NINE });
  const code = await app.run(['intake', '--answers', file, '--home', home]);
  if (code !== 0) throw new Error(`intake failed: ${app.stderr()}`);
  return home;
}

/** stderr as a person reads it: colour and cursor codes removed, every run of whitespace one space (lines wrap to the width). */
const screen = (app: TestApp) => app.stderr().replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\s+/g, ' ');

/** Waits (letting the command run) until `pattern` appears on screen after `from`; returns the position after it. */
async function until(app: TestApp, pattern: string | RegExp, from = 0): Promise<number> {
  // Real time, not the fake clock: the command may still be loading its modules.
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
    const text = screen(app).slice(from);
    const m = typeof pattern === 'string' ? (text.includes(pattern) ? { index: text.indexOf(pattern), 0: pattern } : null) : pattern.exec(text);
    if (m) return from + m.index + m[0].length;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`never saw ${String(pattern)} in:\n${screen(app).slice(from).slice(-2000)}`);
}

/** The last thing drawn on the timer line (after the last carriage return). */
function timerLine(app: TestApp): string {
  const err = app.stderr();
  return err.slice(err.lastIndexOf('\r')).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').trim();
}

interface Started {
  app: TestApp;
  home: string;
  exit: Promise<number>;
}

/** Starts painfit start and answers the pre-session question "no" and pain now 3. */
async function startSession(args: string[] = [], opts: { home?: string } = {}): Promise<Started> {
  const home = opts.home ?? (await homeWithIntake());
  const app = testApp({ now: AT_NINE, columns: 80 });
  const exit = app.run(['start', '--home', home, ...args]);
  await until(app, 'is anything new today?');
  await app.input.press('n');
  await until(app, 'How is your pain right now?');
  await app.input.type('3');
  await app.input.press('enter');
  await until(app, 'Exercise 1 of 8');
  return { app, home, exit };
}

/** From an exercise card: Enter to start, let every step run out on the clock, Enter for "about right". */
async function doByClock(app: TestApp, name: string): Promise<void> {
  const at = await until(app, new RegExp(`Exercise \\d of 8\\s+${name}`));
  await app.input.press('enter');
  await app.clock.advance(30 * MINUTE);
  await until(app, `How was`, at);
  await app.input.press('enter');
}

const rows = (home: string) => ({
  checkins: query(home, 'SELECT date, pain, during, effort, sleep, note FROM checkins ORDER BY id'),
  completions: query(home, 'SELECT date, exercise_id, done, minutes FROM completions ORDER BY exercise_id'),
  entries: query(home, 'SELECT kind FROM entries ORDER BY id'),
});

describe('painfit start, in-process with a fake clock', () => {
  it('a whole session saves exactly the rows painfit log --done all saves', async () => {
    const { app, home, exit } = await startSession();
    const names = ['Seated pelvic tilt', 'Easy walk', 'Backward walking', 'Hip hinge at the counter', 'Mini squat at the counter', 'Clamshell', 'Lying knee drop', 'Knee hug'];
    for (const name of names) await doByClock(app, name.split(' ')[0]!);
    await until(app, 'worst pain during the exercises');
    await app.input.type('2');
    await app.input.press('enter');
    await until(app, 'How hard did it feel overall?');
    await app.input.type('3');
    await app.input.press('enter');
    expect(await exit).toBe(0);
    expect(app.stdout()).toContain('Saved for Mon 30 Nov 2026');
    expect(app.stdout()).toContain('Next session: Wed 2 Dec.');

    const logHome = await homeWithIntake();
    const log = testApp({ now: `${MONDAY}T10:00:00` });
    expect(await log.run(['log', '--home', logHome, '--pain', '3', '--done', 'all', '--during', '2', '--effort', '3'])).toBe(0);
    const started = rows(home);
    expect(started).toEqual(rows(logHome));
    expect((started.completions as { exercise_id: string }[]).map((c) => c.exercise_id).sort()).toEqual([...MONDAY_IDS].sort());
    expect(started.entries).toEqual([{ kind: 'log' }]);
    // The terminal is handed back: raw mode ended as often as it began, and the cursor is shown.
    expect(app.input.starts).toBe(app.input.stops);
    expect(app.stderr().lastIndexOf('\x1b[?25h')).toBeGreaterThan(app.stderr().lastIndexOf('\x1b[?25l'));
  });

  it('counts a timer down on the clock and ends it when the time is up', async () => {
    const { app, exit } = await startSession();
    await doByClock(app, 'Seated');
    await until(app, 'Easy walk');
    await app.input.press('enter');
    await settle();
    expect(timerLine(app)).toBe('Keep going  15:00 left');
    await app.clock.advance(MINUTE);
    expect(timerLine(app)).toBe('Keep going  14:00 left');
    await app.clock.advance(13 * MINUTE + 59_000);
    expect(timerLine(app)).toBe('Keep going  0:01 left');
    expect(app.stderr()).not.toContain('How was Easy walk?');
    await app.clock.advance(1000);
    await until(app, 'How was Easy walk?');
    await app.input.press('ctrl-c');
    expect(await exit).toBe(130);
  });

  it('pause holds the clock; space goes on from the same second', async () => {
    const { app, exit } = await startSession();
    await doByClock(app, 'Seated');
    await until(app, 'Easy walk');
    await app.input.press('enter');
    await app.clock.advance(10_000);
    expect(timerLine(app)).toBe('Keep going  14:50 left');
    await app.input.press('space');
    expect(timerLine(app)).toMatch(/^Paused {2}Keep going, 14:50 left/);
    await app.clock.advance(5 * MINUTE);
    expect(timerLine(app)).toMatch(/^Paused {2}Keep going, 14:50 left/);
    expect(app.clock.pending()).toBe(0); // nothing ticks while paused: the process just waits for a key
    await app.input.press('space');
    await app.clock.advance(1000);
    expect(timerLine(app)).toBe('Keep going  14:49 left');
    await app.input.press('ctrl-c');
    expect(await exit).toBe(130);
  });

  it('Enter ends a timer early; reps are paced and counted on screen', async () => {
    const { app, exit } = await startSession();
    await until(app, 'Seated pelvic tilt');
    await app.input.press('enter');
    await settle();
    expect(timerLine(app)).toBe('Set  rep 1 of 10');
    await app.clock.advance(4000);
    expect(timerLine(app)).toBe('Set  rep 2 of 10');
    await app.clock.advance(8000);
    expect(timerLine(app)).toBe('Set  rep 4 of 10');
    await app.input.press('enter'); // done early
    await until(app, 'How was Seated pelvic tilt?');
    await app.input.press('enter');
    await until(app, 'Easy walk');
    await app.input.press('enter');
    await app.clock.advance(2000);
    await app.input.press('enter'); // ends the 15-minute walk after 2 seconds
    await until(app, 'How was Easy walk?');
    await app.input.press('ctrl-c');
    expect(await exit).toBe(130);
  });

  it('s skips, e gives the easier version, q stops and keeps what was done; feedback goes with the check-in', async () => {
    const { app, home, exit } = await startSession();
    // Seated pelvic tilt: e on the card → half the reps today (the exercise has no easier rung).
    await until(app, 'Seated pelvic tilt');
    await app.input.press('e');
    await until(app, 'the easier version for today');
    expect(app.stderr().slice(app.stderr().lastIndexOf('Exercise 1 of 8'))).toContain('1 × 5');
    await app.input.press('enter');
    await app.clock.advance(16_000);
    expect(timerLine(app)).toBe('Set  rep 5 of 5');
    await app.clock.advance(MINUTE);
    await until(app, 'How was Seated pelvic tilt?');
    await app.input.press('1'); // easy
    // Easy walk: skipped from its card.
    await until(app, 'Exercise 2 of 8');
    await app.input.press('s');
    // Backward walking: started, then skipped mid-set.
    await until(app, 'Exercise 3 of 8');
    await app.input.press('enter');
    await app.clock.advance(4000);
    await app.input.press('s');
    // Hip hinge: done, "hard".
    await doByClockWithFeedback(app, 'Hip', '3');
    // Sit to stand: q mid-set stops the session; it is not counted as done.
    await until(app, 'Exercise 5 of 8');
    await app.input.press('enter');
    await app.input.press('q');
    await until(app, 'Stopping here. What you did is kept.');
    await until(app, 'worst pain during the exercises');
    await app.input.type('4');
    await app.input.press('enter');
    await app.input.type('3');
    await app.input.press('enter');
    expect(await exit).toBe(0);

    const { checkins, completions } = rows(home);
    expect(checkins).toEqual([
      { date: MONDAY, pain: 3, during: 4, effort: 3, sleep: null, note: 'Guided session feedback: seated-pelvic-tilt=easy (easier version), hip-hinge=hard' },
    ]);
    const done = Object.fromEntries((completions as { exercise_id: string; done: number }[]).map((c) => [c.exercise_id, c.done]));
    expect(done).toEqual({
      'seated-pelvic-tilt': 1,
      'easy-walk': 0,
      'backward-walking': 0,
      'hip-hinge': 1,
      'mini-squat': 0,
      clamshell: 0,
      'supine-twist': 0,
      'knee-to-chest': 0,
    });
    expect(app.stdout()).toMatch(/done: Seated pelvic tilt, Hip hinge at the counter \(2 of 8 recorded\)/);
    // The answers are facts the weekly review reads (issue 10): one row per exercise done.
    expect(query(home, 'SELECT date, exercise_id, answer FROM feedback ORDER BY id')).toEqual([
      { date: MONDAY, exercise_id: 'seated-pelvic-tilt', answer: 'easy' },
      { date: MONDAY, exercise_id: 'hip-hinge', answer: 'hard' },
    ]);
  });

  it('Ctrl-C mid-timer: exit 130, nothing saved, the terminal handed back', async () => {
    const { app, home, exit } = await startSession();
    await doByClock(app, 'Seated');
    await until(app, 'Easy walk');
    await app.input.press('enter');
    await app.clock.advance(3 * MINUTE);
    await app.input.press('ctrl-c');
    expect(await exit).toBe(130);
    expect(rows(home)).toEqual({ checkins: [], completions: [], entries: [] });
    expect(app.stderr()).toContain('Stopped. Nothing was saved.');
    expect(app.input.listening).toBe(false);
    expect(app.input.starts).toBe(app.input.stops);
    expect(app.stderr().lastIndexOf('\x1b[?25h')).toBeGreaterThan(app.stderr().lastIndexOf('\x1b[?25l'));
    expect(app.clock.pending()).toBe(0);
  });

  it('--plain: one line per step, no cursor movement or screen clearing', async () => {
    const { app, exit } = await startSession(['--plain']);
    await until(app, 'Seated pelvic tilt');
    await app.input.press('enter');
    await until(app, 'Set: 10 reps, about 4 seconds each. Enter when done.');
    await app.clock.advance(MINUTE);
    await until(app, 'Set: time.');
    await app.input.press('ctrl-c');
    expect(await exit).toBe(130);
    expect(app.stderr()).not.toMatch(/\x1b\[|\r/);
  });
});

async function doByClockWithFeedback(app: TestApp, name: string, key: string): Promise<void> {
  const at = await until(app, new RegExp(`Exercise \\d of 8\\s+${name}`));
  await app.input.press('enter');
  await app.clock.advance(30 * MINUTE);
  await until(app, 'How was', at);
  await app.input.press(key);
}

describe('the pre-session question', () => {
  it.each([
    ['1', 'unwell', 0, /rest while you are unwell/],
    ['2', 'numbness', 3, /within 24 hours/],
    ['3', 'chest', 3, /If you have chest pain now, call emergency services/],
  ] as const)('yes, %s (%s): no session, the advice, exit %d, and the check-in is kept', async (key, _reason, code, advice) => {
    const home = await homeWithIntake();
    const app = testApp({ now: AT_NINE });
    const exit = app.run(['start', '--home', home]);
    await until(app, 'is anything new today?');
    await app.input.press('y');
    await until(app, 'Which one?');
    await app.input.press(key);
    await until(app, 'How is your pain right now?');
    await app.input.type('5');
    await app.input.press('enter');
    expect(await exit).toBe(code);
    expect(screen(app)).toMatch(advice);
    expect(app.stderr()).not.toContain('Exercise 1 of');
    const { checkins, completions } = rows(home);
    expect(checkins).toHaveLength(1);
    expect(checkins[0]).toMatchObject({ date: MONDAY, pain: 5, during: null, effort: null });
    expect((checkins[0] as { note: string }).note).toMatch(/^No session: /);
    expect(completions).toEqual([]);
    // An unwell day is recorded as painfit log --unwell records it (a rest day, not a missed one).
    expect(query(home, 'SELECT date FROM unwell')).toEqual(key === '1' ? [{ date: MONDAY }] : []);
  });
});

describe('where painfit start refuses', () => {
  it('off a terminal: exit 2 naming painfit log, nothing written', async () => {
    const home = await homeWithIntake();
    const app = testApp({ now: AT_NINE, tty: false });
    expect(await app.run(['start', '--home', home])).toBe(2);
    expect(app.stderr()).toMatch(/not an interactive terminal\. Record the session with painfit log instead/);
    expect(rows(home).checkins).toEqual([]);
  });

  it('with --json: exit 2 naming painfit log', async () => {
    const home = await homeWithIntake();
    const app = testApp({ now: AT_NINE });
    expect(await app.run(['start', '--home', home, '--json'])).toBe(2);
    expect(app.stderr()).toContain('painfit log');
  });

  it('a future --date: exit 2', async () => {
    const home = await homeWithIntake();
    const app = testApp({ now: AT_NINE });
    expect(await app.run(['start', '--home', home, '--date', '2026-12-02'])).toBe(2);
    expect(app.stderr()).toContain('in the future');
  });

  it('a rest day says so and asks nothing', async () => {
    const home = await homeWithIntake();
    const app = testApp({ now: '2026-12-01T09:00:00' });
    expect(await app.run(['start', '--home', home])).toBe(0);
    expect(app.stdout()).toContain('Rest day.');
    expect(app.stderr()).toContain('No guided session today');
    expect(app.input.starts).toBe(0);
  });
});

describe('the steps of an exercise', () => {
  const base: GuidedExercise = { id: 'x', name: 'X', purpose: '', cues: [], position: 'standing', equipment: [], effort: 2, perSide: false, dose: {}, style: null };
  it.each([
    ['reps: sets with rests between', { sets: 2, reps: 10 }, false, null, ['reps Set 1 of 2', 'rest 45', 'reps Set 2 of 2']],
    ['holds per side: both sides each set', { sets: 2, holdSeconds: 20 }, true, null, ['timer Hold 1 of 2, first side 20', 'rest 5', 'timer Hold 1 of 2, other side 20', 'rest 10', 'timer Hold 2 of 2, first side 20', 'rest 5', 'timer Hold 2 of 2, other side 20']],
    ['minutes in bouts: rests between bouts', { minutes: 6, bouts: 2 }, false, null, ['timer Bout 1 of 2 180', 'rest 60', 'timer Bout 2 of 2 180']],
    ['breathing: a pacer', { minutes: 3 }, false, 'breathing', ['breathe Breathe 180']],
  ] as const)('%s', (_name, dose, perSide, style, expected) => {
    const steps = guidedSteps({ ...base, dose, perSide, style });
    expect(steps.map((s) => [s.kind, s.label, s.kind === 'reps' ? '' : s.seconds].filter((x) => x !== '').join(' ').replace(/^rest [^0-9]+/, 'rest '))).toEqual(expected);
  });

  it('the easier version: the next rung down when there is one, else about half the dose, else none', () => {
    const lib = indexLibrary(LIBRARY as Exercise[]);
    const withRung = LIBRARY.find((e) => e.easier && 'reps' in e.dose)!;
    const easier = easierForToday({ ...base, id: withRung.id, name: withRung.name, dose: { sets: 2, reps: 12 } }, lib)!;
    expect(easier.name).toBe(lib.get(withRung.easier!)!.name);
    expect(easier.id).toBe(withRung.id);
    expect(easierForToday({ ...base, dose: { sets: 2, reps: 10 } }, lib)!.dose).toEqual({ sets: 1, reps: 5 });
    expect(easierForToday({ ...base, dose: { sets: 1, holdSeconds: 30 } }, lib)!.dose).toEqual({ sets: 1, holdSeconds: 15 });
    expect(easierForToday({ ...base, dose: { sets: 1, reps: 1 } }, lib)).toBeNull();
  });
});
