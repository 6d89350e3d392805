// The interactive `painfit log`, driven in a real pseudo-terminal like a person at the keyboard,
// and its refusal to prompt off a terminal. Run `npm run build` first: these spawn the built bin.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cliEnv, dbHash, query, run, tempHome } from './helpers/cli';
import { type Day, homeWithIntake, sessionDays, today, usualAnswers } from './helpers/coach';
import { exitWithin, KEY, spawnPainfit, spawnPty, type PtySession } from './helpers/pty';

const sessions: PtySession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

function start(home: string, args: string[]): PtySession {
  const s = spawnPainfit(home, args, { env: { NO_COLOR: '1' } });
  sessions.push(s);
  return s;
}

const type = (text: string) => text + KEY.enter;

/**
 * After the note, painfit log may offer the weekly questions (issue 4) once a week: say no here,
 * then wait for the echo of what was saved.
 */
async function finish(s: PtySession, saved: string): Promise<void> {
  const seen = await s.waitFor(/weekly questions too\?|Saved for/);
  if (/weekly questions too\?$/.test(seen)) s.send('n' + KEY.enter);
  if (!/Saved for$/.test(seen)) await s.waitFor('Saved for');
  await s.waitFor(saved.replace(/^Saved for/, ''));
}
const flatText = (text: string) => text.replace(/\s+/g, ' ');
const WED = sessionDays(1)[1]!; // 2026-01-07, a session day
const TUE = '2026-01-06'; // a rest day

interface CheckinRow {
  date: string;
  pain: number;
  during: number | null;
  effort: number | null;
  sleep: number | null;
  note: string | null;
}
const checkins = (home: string) => query<CheckinRow>(home, 'SELECT date, pain, during, effort, sleep, note FROM checkins ORDER BY id');
const feedback = (home: string) => query<{ exercise_id: string; answer: string }>(home, 'SELECT exercise_id, answer FROM feedback ORDER BY exercise_id');
const walks = (home: string) => query<{ date: string; minutes: number }>(home, 'SELECT date, minutes FROM walks ORDER BY id');
const unwellDays = (home: string) => query<{ date: string }>(home, 'SELECT date FROM unwell ORDER BY id');
const completions = (home: string) =>
  query<{ date: string; exercise_id: string; done: number }>(home, 'SELECT date, exercise_id, done FROM completions ORDER BY exercise_id');

describe('painfit log on a terminal', () => {
  let session: Day;
  beforeAll(() => {
    session = today(homeWithIntake(usualAnswers()), WED);
  });

  it('asks each question, stores exactly the answers, and echoes them for the date', async () => {
    const home = homeWithIntake(usualAnswers());
    const s = start(home, ['log', '--date', WED]);
    await s.waitFor('Check-in for Wed 7 Jan 2026');
    // Unwell today? Enter keeps the default, no.
    await s.answer('Were you unwell on Wed 7 Jan 2026 (a cold, fever, infection, or feeling faint)? (y/N)', KEY.enter);
    await s.answer('How is your pain right now?', type('3'));
    // The checklist lists the day's exercises, all ticked: Enter keeps them.
    const list = await s.waitFor('Which exercises did you do?');
    expect(list).toBeTruthy();
    await s.waitFor(session.exercises[session.exercises.length - 1]!.name);
    s.send(KEY.enter);
    // All felt about right: Enter (no) is one question however many exercises were done.
    await s.answer('Did any exercise feel too easy, too hard, or hurt? (Enter: no, all about right) (y/N)', KEY.enter);
    await s.answer('worst pain during the exercises?', type('2'));
    await s.answer('How hard did it feel overall?', type('3'));
    await s.answer('How well have you slept this past week?', type('7'));
    await s.answer('Anything to note?', type('knees fine today'));
    await finish(s, 'Saved for Wed 7 Jan 2026:');
    expect((await exitWithin(s)).exitCode).toBe(0);

    expect(checkins(home)).toEqual([{ date: WED, pain: 3, during: 2, effort: 3, sleep: 7, note: 'knees fine today' }]);
    const rows = completions(home);
    expect(rows.map((r) => r.exercise_id)).toEqual(session.exercises.map((e) => e.id).sort());
    expect(rows.every((r) => r.done === 1 && r.date === WED)).toBe(true);
    expect(feedback(home)).toEqual(session.exercises.map((e) => ({ exercise_id: e.id, answer: 'right' })).sort((a, b) => a.exercise_id.localeCompare(b.exercise_id)));
    // Wednesday has no walking-track dose: the walk is not asked about.
    expect(s.text).not.toContain('Did you do your walk');

    const echo = s.text.slice(s.text.indexOf('Saved for'));
    expect(echo).toContain('pain now 3/10');
    expect(echo).toContain('worst pain during exercise 2/10 · effort 3/10 · sleep 7/10');
    expect(echo).toContain('note: "knees fine today"');
    expect(echo).toContain(`(${session.exercises.length} of ${session.exercises.length} recorded)`);
  });

  it('space unticks an exercise; skipped questions are stored as empty', async () => {
    const home = homeWithIntake(usualAnswers());
    const s = start(home, ['log', '--date', WED]);
    await s.answer('(a cold, fever, infection, or feeling faint)?', KEY.enter);
    await s.answer('How is your pain right now?', type('4'));
    await s.waitFor('Which exercises did you do?');
    await s.waitFor(session.exercises[session.exercises.length - 1]!.name);
    s.send(KEY.space + KEY.enter); // untick the first
    await s.answer('Did any exercise feel too easy, too hard, or hurt?', KEY.enter);
    await s.answer('worst pain during the exercises?', type('5'));
    await s.answer('How hard did it feel overall?', type('4'));
    await s.answer('How well have you slept this past week?', KEY.enter);
    await s.answer('Anything to note?', KEY.enter);
    await finish(s, 'Saved for Wed 7 Jan 2026:');
    expect((await exitWithin(s)).exitCode).toBe(0);

    expect(checkins(home)).toEqual([{ date: WED, pain: 4, during: 5, effort: 4, sleep: null, note: null }]);
    const first = session.exercises[0]!.id;
    const rows = completions(home);
    expect(rows).toHaveLength(session.exercises.length);
    expect(rows.find((r) => r.exercise_id === first)!.done).toBe(0);
    expect(rows.filter((r) => r.exercise_id !== first).every((r) => r.done === 1)).toBe(true);
    expect(s.text).toContain(`not done: ${session.exercises[0]!.name}`);
  });

  it('nothing done → no questions about pain during or effort', async () => {
    const home = homeWithIntake(usualAnswers());
    const s = start(home, ['log', '--date', WED]);
    await s.answer('(a cold, fever, infection, or feeling faint)?', KEY.enter);
    await s.answer('How is your pain right now?', type('2'));
    await s.waitFor('Which exercises did you do?');
    await s.waitFor(session.exercises[session.exercises.length - 1]!.name);
    // Untick every exercise: space, then down, for each row.
    s.send(session.exercises.map(() => KEY.space + KEY.down).join('') + KEY.enter);
    await s.answer('How well have you slept this past week?', KEY.enter);
    await s.answer('Anything to note?', KEY.enter);
    await finish(s, 'Saved for');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(s.text).not.toContain('worst pain during');
    expect(s.text).not.toContain('Did any exercise feel');
    expect(checkins(home)).toEqual([{ date: WED, pain: 2, during: null, effort: null, sleep: null, note: null }]);
    expect(completions(home).every((r) => r.done === 0)).toBe(true);
  });

  it('refuses an out-of-range pain score and asks again', async () => {
    const home = homeWithIntake(usualAnswers());
    const s = start(home, ['log', '--date', TUE]);
    await s.answer('(a cold, fever, infection, or feeling faint)?', KEY.enter);
    await s.answer('How is your pain right now?', type('11'));
    await s.waitFor(/between 0 and 10|whole number from 0 to 10/);
    s.send(KEY.backspace.repeat(2) + type('6'));
    // A rest day: the optional extra is offered, unticked.
    await s.answer('Did you do the optional extra?', KEY.enter);
    // Tuesday carries a walking-track dose: asked, and Enter (no) records no walk.
    await s.answer('Did you do your walk on Tue 6 Jan 2026? (planned: 15 minutes) (y/N)', KEY.enter);
    await s.answer('How well have you slept this past week?', KEY.enter);
    await s.answer('Anything to note?', KEY.enter);
    await finish(s, 'Saved for Tue 6 Jan 2026:');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(checkins(home)).toEqual([{ date: TUE, pain: 6, during: null, effort: null, sleep: null, note: null }]);
    expect(walks(home)).toEqual([]);
  });

  it('unwell: "yes" asks nothing about exercise, saves an unwell day as log --unwell does, and shows the advice', async () => {
    const home = homeWithIntake(usualAnswers());
    const s = start(home, ['log', '--date', WED]);
    await s.answer('(a cold, fever, infection, or feeling faint)?', type('y'));
    await s.answer('How is your pain right now?', type('5'));
    await s.answer('How well have you slept this past week?', KEY.enter);
    await s.answer('Anything to note?', type('a cold'));
    await s.waitFor('Saved for Wed 7 Jan 2026:');
    await s.waitFor('unwell: no session that day');
    await s.waitFor('rest, drink plenty, and start again when you feel better');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(s.text).not.toContain('Which exercises did you do?');
    expect(s.text).not.toContain('worst pain during');
    expect(s.text).not.toContain('weekly questions');
    expect(unwellDays(home)).toEqual([{ date: WED }]);
    expect(checkins(home)).toEqual([{ date: WED, pain: 5, during: null, effort: null, sleep: null, note: 'a cold' }]);
    expect(completions(home)).toEqual([]);
    expect(today(home, WED).status).toBe('rest');
  });

  it('feedback: "yes, some" → tick the ones, then easy / about right / hard / it hurt for each; the rest are about right', async () => {
    const home = homeWithIntake(usualAnswers());
    const s = start(home, ['log', '--date', WED]);
    await s.answer('(a cold, fever, infection, or feeling faint)?', KEY.enter);
    await s.answer('How is your pain right now?', type('3'));
    await s.waitFor('Which exercises did you do?');
    await s.waitFor(session.exercises[session.exercises.length - 1]!.name);
    s.send(KEY.enter);
    await s.answer('Did any exercise feel too easy, too hard, or hurt?', type('y'));
    await s.waitFor('Which ones?');
    await s.waitFor(session.exercises[session.exercises.length - 1]!.name);
    s.send(KEY.down + KEY.space + KEY.enter); // the second exercise
    const second = session.exercises[1]!;
    await s.waitFor(`How did ${second.name} feel?`);
    await s.waitFor('it hurt');
    s.send(KEY.down + KEY.down + KEY.enter); // from "about right" (the default) down to "it hurt"
    await s.answer('worst pain during the exercises?', type('4'));
    await s.answer('How hard did it feel overall?', type('4'));
    await s.answer('How well have you slept this past week?', KEY.enter);
    await s.answer('Anything to note?', KEY.enter);
    await finish(s, 'Saved for Wed 7 Jan 2026:');
    await s.waitFor(`${second.name} it hurt`);
    expect((await exitWithin(s)).exitCode).toBe(0);
    // Only the ticked exercise was asked about.
    expect(new Set([...flatText(s.text).matchAll(/How did (.+?) feel\?/g)].map((m) => m[1]))).toEqual(new Set([second.name]));
    const rows = feedback(home);
    expect(rows).toHaveLength(session.exercises.length);
    expect(rows.find((r) => r.exercise_id === second.id)!.answer).toBe('hurt');
    expect(rows.filter((r) => r.exercise_id !== second.id).every((r) => r.answer === 'right')).toBe(true);
  });

  it('walking track: asks whether and how long; Enter takes the prescribed minutes; 0 is refused and asked again', async () => {
    const MON = sessionDays(1)[0]!; // 2026-01-05: a session day with a 15-minute walk
    const home = homeWithIntake(usualAnswers());
    const mon = today(home, MON) as Day & { walk: { minutes: number } | null };
    expect(mon.walk?.minutes).toBe(15);
    const s = start(home, ['log', '--date', MON]);
    await s.answer('(a cold, fever, infection, or feeling faint)?', KEY.enter);
    await s.answer('How is your pain right now?', type('3'));
    await s.waitFor('Which exercises did you do?');
    await s.waitFor(mon.exercises[0]!.name);
    await s.waitFor('submit'); // the list is paged: its key help comes last
    s.send(KEY.enter);
    await s.answer('Did any exercise feel too easy, too hard, or hurt?', KEY.enter);
    await s.answer('worst pain during the exercises?', type('2'));
    await s.answer('How hard did it feel overall?', type('3'));
    await s.answer('Did you do your walk on Mon 5 Jan 2026? (planned: 15 minutes)', type('y'));
    await s.answer('How many minutes? (whole minutes, 1-300; Enter for 15 minutes) (15)', type('0'));
    await s.waitFor(/between 1 and 300|whole number from 1 to 300/);
    s.send(KEY.backspace + KEY.enter); // empty: the prescribed 15
    await s.answer('How well have you slept this past week?', KEY.enter);
    await s.answer('Anything to note?', KEY.enter);
    await finish(s, 'Saved for Mon 5 Jan 2026:');
    await s.waitFor('walking track: 15 minutes');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(walks(home)).toEqual([{ date: MON, minutes: 15 }]);
  });

  it('Ctrl-C midway exits 130 and writes nothing', async () => {
    const home = homeWithIntake(usualAnswers());
    expect(run(['log', '--date', '2026-01-05', '--pain', '4', '--done', 'all'], { home }).code).toBe(0);
    const before = dbHash(home);
    const s = start(home, ['log', '--date', WED]);
    await s.answer('(a cold, fever, infection, or feeling faint)?', KEY.enter);
    await s.answer('How is your pain right now?', type('3'));
    await s.waitFor('Which exercises did you do?');
    await s.waitFor(session.exercises[session.exercises.length - 1]!.name);
    s.send(KEY.enter);
    await s.answer('Did any exercise feel too easy, too hard, or hurt?', type('y'));
    await s.waitFor('Which ones?');
    s.send(KEY.ctrlC);
    expect((await exitWithin(s)).exitCode).toBe(130);
    expect(s.text).toContain('Nothing was saved');
    expect(dbHash(home)).toBe(before);
  });
});

describe('painfit log off a terminal', () => {
  /** Spawns with stdin a pipe that stays open: a prompt would wait forever, so exiting proves it never asked. */
  function spawnWithOpenStdin(home: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--home', home, ...args], { env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`painfit ${args.join(' ')} waited for input instead of exiting.\n${stderr}`));
      }, 20_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        child.stdin.destroy();
        resolve({ code, stdout, stderr });
      });
    });
  }

  it('without flags exits 2 at once, naming the flags to use, and writes nothing', async () => {
    const home = homeWithIntake(usualAnswers());
    const before = dbHash(home);
    const r = await spawnWithOpenStdin(home, ['log', '--date', WED]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('not an interactive terminal');
    expect(r.stderr).toContain('--pain');
    expect(r.stderr).toContain('--done');
    expect(dbHash(home)).toBe(before);
  });

  it('with --json and no flags exits 2 with a JSON error', async () => {
    const home = homeWithIntake(usualAnswers());
    const r = await spawnWithOpenStdin(home, ['log', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'NOT_A_TERMINAL', message: expect.stringContaining('--pain') } });
  });

  it('exits 2 when stdin is a terminal but stdout is not (output piped to a file)', async () => {
    const home = homeWithIntake(usualAnswers());
    const before = dbHash(home);
    const out = path.join(path.dirname(home), 'out.txt');
    const s = spawnPty('/bin/sh', ['-c', `exec "$0" "$1" --home "$2" log > "$3"`, process.execPath, BIN, home, out]);
    sessions.push(s);
    expect((await exitWithin(s)).exitCode).toBe(2);
    expect(s.text).toContain('--pain');
    expect(fs.readFileSync(out, 'utf8')).toBe('');
    expect(dbHash(home)).toBe(before);
  });
});

describe('painfit alone on a terminal with no intake yet', () => {
  it('offers to start the intake; "no" exits 0 and creates nothing', async () => {
    const home = tempHome();
    const s = start(home, []);
    await s.answer('for a safe plan (about 5 minutes). Start now?', 'n' + KEY.enter);
    await s.waitFor('Run painfit intake whenever you are ready');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(fs.existsSync(path.join(home, 'painfit.db'))).toBe(false);
  });

  it('"yes" starts the intake questionnaire', async () => {
    const home = tempHome();
    const s = start(home, []);
    await s.answer('for a safe plan (about 5 minutes). Start now?', 'y' + KEY.enter);
    await s.waitFor('Step 1 of 8');
    s.send(KEY.ctrlC);
    expect((await exitWithin(s)).exitCode).toBe(130);
    expect(dbHash(home)).toBe('absent');
  });
});
