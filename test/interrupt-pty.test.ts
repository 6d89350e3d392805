// Interrupted at any prompt (issue 5, item 5): Ctrl-C at every question of `painfit intake` and
// `painfit log`, typed in a real pseudo-terminal inside an interactive shell. Each time: exit 130,
// a calm "Stopped. Nothing was saved.", nothing saved, and the terminal left as it was found
// (same `stty` mode, typed input echoed and run, cursor visible).
// Run `npm run build` first: these spawn the built bin.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbHash, query, run, tempHome } from './helpers/cli';
import { homeWithIntake, usualAnswers } from './helpers/coach';
import { copyHome } from './helpers/crash';
import { KEY } from './helpers/pty';
import { afterExit, interrupt, signalInterrupt, startInShell } from './helpers/shell-pty';
import { INTAKE, q, type Question, type, yes } from './helpers/intake-script';


/** A session day (Wednesday, mon/wed/fri plan) over a week after the intake, with no weekly measures yet: every log question, then the weekly ones. */
const LOG_DATE = '2026-01-14';
const LOG: Question[] = [
  q('check-in', 'a cold, fever, infection, or feeling faint', KEY.enter),
  q('check-in', 'How is your pain right now?', type('3')),
  q('check-in', 'Which exercises did you do?', KEY.enter),
  q('check-in', 'Did any exercise feel too easy, too hard, or hurt?', yes),
  q('check-in', 'Which ones?', KEY.space + KEY.enter),
  q('check-in', 'How did ', KEY.enter),
  q('check-in', 'worst pain during the exercises?', type('2')),
  q('check-in', 'How hard did it feel overall?', type('3')),
  q('check-in', 'How well have you slept this past week?', type('7')),
  q('check-in', 'Anything to note?', type('knees fine')),
  q('weekly offer', 'answer the weekly questions too?', yes),
  q('weekly', 'PEG 1/3', type('4')),
  q('weekly', 'PEG 2/3', type('5')),
  q('weekly', 'PEG 3/3', type('5')),
  q('weekly', 'How well can you do "walk to the shops" now?', type('5')),
];
/** A rest day: the optional extra is offered instead of the session checklist. */
const REST_DATE = '2026-01-06';
const REST: Question[] = [
  q('rest day', 'a cold, fever, infection, or feeling faint', KEY.enter),
  q('rest day', 'How is your pain right now?', type('3')),
  q('rest day', 'Did you do the optional extra?', KEY.enter),
  q('rest day', 'Did you do your walk', yes),
  q('rest day', 'How many minutes?', KEY.enter),
];

const STOPPED = 'Stopped. Nothing was saved.';
const NOT_CALM = /Error|\bat .+:\d+:\d+|unexpected|SIGINT|ExitPrompt/;

/**
 * Starts painfit in a shell, answers every question before `stop`, presses Ctrl-C at `stop`, and
 * checks the exit, the message and the terminal. Returns what painfit printed after the Ctrl-C.
 */
async function stopAt(home: string, args: string[], script: readonly Question[], stop: number, how: 'key' | 'signal' = 'key'): Promise<string> {
  const sh = await startInShell(home, args);
  for (const { ask, keys } of script.slice(0, stop)) await sh.s.answer(ask, keys);
  await sh.s.waitFor(script[stop]!.ask);
  const after = how === 'key' ? await interrupt(sh) : await signalInterrupt(sh);
  const end = await afterExit(sh);

  expect(end.exitCode, `exit status\n${sh.s.text.slice(-1500)}`).toBe(130);
  expect(after).toContain(STOPPED);
  expect(after, 'a calm message, no stack trace').not.toMatch(NOT_CALM);
  expect(end.ttyAfter, 'terminal mode (stty -g) as before').toBe(sh.ttyBefore);
  expect(end.echoed, 'a command typed next is echoed and runs').toBe(true);
  expect(end.cursorShown, 'the cursor is visible again').toBe(true);
  if (end.cursorHidden) expect(end.shownAfterInterrupt, 'the cursor was shown again after the Ctrl-C').toBe(true);
  if (how === 'signal') expect(end.cursorHidden, 'a list prompt hid the cursor before the signal').toBe(true);
  return after;
}

const label = (script: readonly Question[]) => script.map((x, i) => ({ n: i + 1, step: x.step, ask: x.ask, stop: i }));

describe('Ctrl-C at every question of painfit intake', () => {
  it.concurrent.each(label(INTAKE))('question $n (step $step) "$ask": exit 130, nothing saved, terminal usable', async ({ stop }) => {
    const home = tempHome('painfit-interrupt-');
    await stopAt(home, ['intake'], INTAKE, stop);
    // A fresh folder gets no database at all.
    expect(fs.existsSync(path.join(home, 'painfit.db'))).toBe(false);
  });

  it('re-running intake: Ctrl-C at "Save these answers?" keeps the earlier answers only', async () => {
    const home = homeWithIntake(usualAnswers());
    const before = dbHash(home);
    await stopAt(home, ['intake'], INTAKE, INTAKE.length - 1);
    expect(query(home, 'SELECT count(*) AS n FROM intakes')).toEqual([{ n: 1 }]);
    expect(dbHash(home)).toBe(before);
  });
});

describe('SIGINT as a signal (kill -INT) while a list prompt has hidden the cursor', () => {
  // Ctrl-C typed at a prompt arrives as a key (the terminal is in raw mode); a signal from
  // elsewhere skips the prompt library's clean-up, which is what shows the cursor again.
  it.concurrent.each([
    { what: 'intake, "Where is your pain?"', stop: INTAKE.findIndex((x) => x.ask === 'Where is your pain?') },
    { what: 'intake, "What equipment do you have?"', stop: INTAKE.findIndex((x) => x.ask === 'What equipment do you have?') },
  ])('$what: exit 130, nothing saved, cursor shown, terminal usable', async ({ stop }) => {
    const home = tempHome('painfit-interrupt-');
    await stopAt(home, ['intake'], INTAKE, stop, 'signal');
    expect(fs.existsSync(path.join(home, 'painfit.db'))).toBe(false);
  });
});

describe('Ctrl-C at every question of painfit log', () => {
  /** An intake and one earlier check-in; each run works on its own copy. */
  let template = '';
  let before = '';
  beforeAll(() => {
    const filled = homeWithIntake(usualAnswers());
    expect(run(['log', '--date', '2026-01-05', '--pain', '4', '--done', 'all'], { home: filled }).code).toBe(0);
    // Copied while closed: hashing opens the database, which would leave a -wal and -shm behind.
    template = tempHome('painfit-interrupt-template-');
    copyHome(filled, template);
    before = dbHash(filled);
  });

  function copy(): string {
    const home = tempHome('painfit-interrupt-log-');
    copyHome(template, home);
    return home;
  }

  it.concurrent.each(label(LOG))('question $n ($step) "$ask": exit 130, no new check-in, terminal usable', async ({ stop }) => {
    const home = copy();
    await stopAt(home, ['log', '--date', LOG_DATE], LOG, stop);
    expect(query(home, 'SELECT date FROM checkins')).toEqual([{ date: '2026-01-05' }]);
    expect(query(home, 'SELECT count(*) AS n FROM measures')).toEqual([{ n: 0 }]);
    expect(dbHash(home)).toBe(before);
  });

  it.concurrent.each(label(REST))('rest day, question $n "$ask": exit 130, nothing saved', async ({ stop }) => {
    const home = copy();
    await stopAt(home, ['log', '--date', REST_DATE], REST, stop);
    expect(dbHash(home)).toBe(before);
  });

  it('kill -INT at the checklist (cursor hidden): exit 130, nothing saved, cursor shown, terminal usable', async () => {
    const home = copy();
    await stopAt(home, ['log', '--date', LOG_DATE], LOG, LOG.findIndex((x) => x.ask === 'Which exercises did you do?'), 'signal');
    expect(dbHash(home)).toBe(before);
  });

  it('the script reaches the end: answering everything saves the check-in and the weekly answers', async () => {
    // Proves every question above was really asked in this order (a Ctrl-C test that never reached
    // its question would fail on the wait, but this shows the list is complete).
    const home = copy();
    const sh = await startInShell(home, ['log', '--date', LOG_DATE]);
    for (const { ask, keys } of LOG) await sh.s.answer(ask, keys);
    await sh.s.waitFor('pf-ready> ');
    const end = await afterExit(sh);
    expect(end.exitCode).toBe(0);
    expect(query(home, 'SELECT date, pain, note FROM checkins ORDER BY id')).toEqual([
      { date: '2026-01-05', pain: 4, note: null },
      { date: LOG_DATE, pain: 3, note: 'knees fine' },
    ]);
    expect(query(home, 'SELECT peg_pain, goals FROM measures')).toEqual([{ peg_pain: 4, goals: JSON.stringify([{ activity: 'walk to the shops', score: 5 }]) }]);
    expect(end.ttyAfter).toBe(sh.ttyBefore);
  });
});
