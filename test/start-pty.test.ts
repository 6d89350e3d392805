// painfit start in a real pseudo-terminal (the built CLI, real timers, real raw mode): a whole
// session driven by keys saves a check-in; Ctrl-C mid-timer exits 130 with nothing saved and the
// terminal as it was; --plain prints no cursor movement. Run `npm run build` first.
import { describe, expect, it } from 'vitest';
import { dbHash, query, run } from './helpers/cli';
import { homeWithIntake, usualAnswers } from './helpers/coach';
import { exitWithin, KEY, screenText, spawnPainfit, stripAnsi } from './helpers/pty';
import { afterExit, interrupt, startInShell } from './helpers/shell-pty';

/** A Monday with a session, in the past so that --date is allowed. */
const MONDAY = '2026-11-30';
const EXERCISES = ['Seated pelvic tilt', 'Easy walk', 'Backward walking', 'Hip hinge at the counter', 'Mini squat at the counter', 'Clamshell', 'Lying knee drop', 'Knee hug'];

function home(): string {
  return homeWithIntake(usualAnswers(), MONDAY);
}

describe('painfit start on a real terminal', () => {
  it('a whole session driven by keys saves the check-in and every exercise', async () => {
    const h = home();
    const s = spawnPainfit(h, ['start', '--date', MONDAY], { cols: 80, rows: 24 });
    try {
      await s.answer('is anything new today?', 'n');
      await s.answer('How is your pain right now?', '3');
      s.send(KEY.enter);
      for (const [i, name] of EXERCISES.entries()) {
        await s.waitFor(`Exercise ${i + 1} of 8`);
        await s.waitFor('Enter start');
        // Enter starts, then Enter ends each step (and each rest) early, until the feedback question.
        s.send(KEY.enter);
        const feedback = `How was ${name}`;
        for (let tries = 0; !screenText(s.raw).includes(feedback); tries++) {
          if (tries > 100) throw new Error(`no feedback question for ${name}:\n${screenText(s.raw).slice(-1500)}`);
          await new Promise((r) => setTimeout(r, 300));
          if (!screenText(s.raw).includes(feedback)) s.send(KEY.enter);
        }
        await s.waitFor(feedback);
        s.send(i === 5 ? '3' : KEY.enter); // Clamshell felt hard; the rest about right
      }
      await s.answer('worst pain during the exercises', '2\r');
      await s.answer('How hard did it feel overall?', '3\r');
      await s.waitFor('Next session: Wed 2 Dec.');
      expect((await exitWithin(s)).exitCode).toBe(0);
    } finally {
      s.kill();
    }
    const [c] = query<{ pain: number; during: number; effort: number; note: string }>(h, 'SELECT pain, during, effort, note FROM checkins');
    expect(c).toEqual({ pain: 3, during: 2, effort: 3, note: 'Guided session feedback: clamshell=hard' });
    expect(query(h, 'SELECT COUNT(*) AS n FROM completions WHERE done = 1')).toEqual([{ n: 8 }]);
    // What report and undo read: one entry, seen by report --json as a done session.
    const report = JSON.parse(run(['report', '--json', '--date', MONDAY], { home: h }).stdout);
    expect(report.weeks.at(-1)).toMatchObject({ checkins: 1, sessionsDone: 1 });
  });

  it('Ctrl-C mid-timer: exit 130, nothing saved, the terminal as it was', async () => {
    const h = home();
    const before = dbHash(h);
    const sh = await startInShell(h, ['start', '--date', MONDAY]);
    await sh.s.answer('is anything new today?', 'n');
    await sh.s.answer('How is your pain right now?', '4\r');
    await sh.s.answer('Enter start', KEY.enter);
    await sh.s.waitFor(/rep 1 of 10/);
    const said = stripAnsi(await interrupt(sh));
    const after = await afterExit(sh);
    expect(after.exitCode).toBe(130);
    expect(said).toContain('Stopped. Nothing was saved.');
    expect(after.ttyAfter).toBe(sh.ttyBefore);
    expect(after.echoed).toBe(true);
    expect(after.cursorHidden).toBe(true);
    expect(after.cursorShown).toBe(true);
    expect(dbHash(h)).toBe(before);
  });

  it('--plain: one line per step and no cursor movement codes', async () => {
    const h = home();
    const s = spawnPainfit(h, ['start', '--plain', '--date', MONDAY], { cols: 80, rows: 24 });
    try {
      await s.answer('is anything new today?', 'n');
      await s.answer('How is your pain right now?', '3\r');
      await s.answer('Enter start', KEY.enter);
      await s.waitFor('Set: 10 reps, about 4 seconds each. Enter when done.');
      s.send(KEY.enter);
      await s.answer('How was Seated pelvic tilt?', KEY.enter);
      await s.answer('Exercise 2 of 8', 'q');
      await s.answer('worst pain during the exercises', '1\r');
      await s.answer('How hard did it feel overall?', '2\r');
      expect((await exitWithin(s)).exitCode).toBe(0);
      // No cursor moves, screen clears or line erases (colour is off: NO_COLOR), no carriage-return redraws.
      expect(s.raw).not.toMatch(/\x1b\[[0-9;?]*[A-HJKSTfhl]/);
      expect(s.raw.replace(/\r\n/g, '\n')).not.toMatch(/\r(?!\n)/);
    } finally {
      s.kill();
    }
    expect(query(h, 'SELECT exercise_id FROM completions WHERE done = 1')).toEqual([{ exercise_id: 'seated-pelvic-tilt' }]);
  });
});
