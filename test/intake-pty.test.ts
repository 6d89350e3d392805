// The interactive intake, driven in a real pseudo-terminal like a person at the keyboard.
// Run `npm run build` first: these spawn the built bin.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeAnswers } from '../src/domain/intake';
import { parseIntake } from '../src/schema/intake';
import { BIN, cliEnv, query, run, tempHome } from './helpers/cli';
import { exitWithin, KEY, spawnPainfit, spawnPty, type PtySession } from './helpers/pty';

const sessions: PtySession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

// Dated on a Monday: a new user's days start ticked on the intake's weekday and every other
// day after it, so a fixed date keeps the keystrokes below meaning the same days.
function start(home: string, args: string[] = ['intake', '--date', '2026-11-30']): PtySession {
  const s = spawnPainfit(home, args, { env: { NO_COLOR: '1' } });
  sessions.push(s);
  return s;
}

const no = 'n' + KEY.enter;
const yes = 'y' + KEY.enter;
const type = (text: string) => text + KEY.enter;
/** Moves the checkbox cursor down n rows. */
const down = (n: number) => KEY.down.repeat(n);

/** Step 1 to 3: about you, the 7 health questions, the 11 warning signs. */
async function answerScreening(s: PtySession): Promise<void> {
  await s.waitFor('Step 1 of 8');
  await s.answer('What should painfit call you?', type('Alex'));
  await s.answer('How old are you?', type('62'));
  await answerHealth(s);
}

/** Step 2 and 3: the 7 health questions and the 11 warning signs. */
async function answerHealth(s: PtySession): Promise<void> {
  await s.waitFor('Step 2 of 8');
  await s.answer('heart condition or high blood pressure?', no);
  await s.answer('pain in your chest', no);
  await s.answer('lost your balance because of dizziness', no);
  await s.answer('another long-term health condition', no);
  await s.answer('prescribed medicine', yes);
  await s.answer('bone, joint or muscle problem', yes);
  await s.answer('only with medical supervision?', no);

  await s.waitFor('Step 3 of 8');
  await s.answer('controlling your bladder or bowels?', no);
  await s.answer('Numbness around your bottom', no);
  await s.answer('Weakness or numbness in both legs?', no);
  await s.answer('Fever or chills', no);
  await s.answer('Have you had cancer', no);
  await s.answer('A recent fall or injury', no);
  await s.answer('New or spreading weakness', no);
  await s.answer('Unsteady walking or clumsy hands', no);
  await s.answer('Weight loss you cannot explain?', no);
  await s.answer('Pain that wakes you at night', yes);
  await s.answer('Stiffness most mornings', no);
  // A warning sign was ticked, so painfit asks whether a clinician has already checked it.
  await s.answer('Has a doctor or physiotherapist already checked this', no);
}

/** Step 4 to 8, then the summary. */
async function answerTheRest(s: PtySession): Promise<void> {
  await s.waitFor('Step 4 of 8');
  // Regions: neck, shoulder, upper-back, low-back, hip, knee, ankle-foot, wrist-hand, widespread.
  await s.answer('Where is your pain?', KEY.space + down(3) + KEY.space + down(2) + KEY.space + KEY.enter);
  await s.answer('For how many months', type('24'));
  await s.answer('On average over the past week', type('6'));
  await s.answer('PEG 1/3', type('5'));
  await s.answer('PEG 2/3', type('7'));
  await s.answer('PEG 3/3', type('4'));

  await s.waitFor('Step 5 of 8');
  await s.answer('An activity you want to get back to', type('walk the dog'));
  await s.answer('How well can you do "walk the dog" now?', type('3'));
  await s.answer('Add another activity?', yes);
  await s.answer('Another activity', type('garden'));
  await s.answer('How well can you do "garden" now?', type('2'));
  await s.answer('Add another activity?', KEY.enter); // default: no

  await s.waitFor('Step 6 of 8');
  await s.answer('How many minutes can you walk today', type('15'));
  await s.answer('get down to the floor', yes);
  await s.answer('worry about your balance', no);
  await s.answer('osteoporosis', no);

  await s.waitFor('Step 7 of 8');
  // Days start ticked on Mon, Wed, Fri: untick those, tick Tue, Thu, Sat.
  await s.answer('Which days will you exercise?', [KEY.space, down(1), KEY.space, down(1), KEY.space, down(1), KEY.space, down(1), KEY.space, down(1), KEY.space, KEY.enter].join(''));
  await s.answer('How many minutes per session?', type('25'));

  await s.waitFor('Step 8 of 8');
  // Cardio: walking starts ticked; add swimming (third row).
  await s.answer('Which kinds of gentle cardio', down(2) + KEY.space + KEY.enter);
  // Mind-body: yoga, tai-chi, pilates, breathing.
  await s.answer('Which mind-body practices', down(3) + KEY.space + KEY.enter);
  // Equipment: band, chair, dumbbells, bike, pool, mat, step.
  await s.answer('What equipment do you have?', KEY.space + down(5) + KEY.space + KEY.enter);

  await s.waitFor('Your answers');
}

function dbFile(home: string): string {
  return path.join(home, 'painfit.db');
}

describe('painfit intake on a terminal', () => {
  it('walks through all 8 steps and saves exactly what was typed', async () => {
    const home = tempHome();
    const s = start(home);
    await answerScreening(s);
    await answerTheRest(s);
    await s.answer('Save these answers?', yes);
    await s.waitFor('Saved your answers');
    expect((await exitWithin(s)).exitCode).toBe(0);

    const rows = query<{ date: string; answers: string }>(home, 'SELECT date, answers FROM intakes');
    expect(rows).toHaveLength(1);
    const answers = JSON.parse(rows[0]!.answers) as IntakeAnswers;
    // What the questionnaire saves is a valid answers file.
    expect(parseIntake(answers)).toEqual({ ok: true, value: answers });
    expect(answers.about).toEqual({ name: 'Alex', age: 62 });
    expect(answers.readiness).toEqual({
      heartCondition: false,
      chestPain: false,
      dizziness: false,
      otherCondition: false,
      medication: true,
      boneJoint: true,
      supervisedOnly: false,
    });
    expect(Object.entries(answers.redFlags).filter(([, v]) => v).map(([k]) => k)).toEqual(['nightPain']);
    expect(answers.clearedByClinician).toBe(false);
    expect(answers.pain).toEqual({ regions: ['neck', 'low-back', 'knee'], months: 24, average: 6, peg: { pain: 5, enjoyment: 7, activity: 4 } });
    expect(answers.goals).toEqual([
      { activity: 'walk the dog', score: 3 },
      { activity: 'garden', score: 2 },
    ]);
    expect(answers.ability).toEqual({ walkMinutes: 15, floor: true, balanceWorries: false, osteoporosis: false });
    expect(answers.schedule).toEqual({ days: ['tue', 'thu', 'sat'], minutes: 25 });
    expect(answers.likes).toEqual({ cardio: ['walking', 'swimming'], mindBody: ['breathing'], equipment: ['band', 'mat'] });

    // The screening result is shown at the end: a non-urgent flag and readiness "yes" answers.
    expect(s.text).toContain('worth mentioning to your GP');
    expect(s.text).toContain('up to 3 out of 10');
  });

  it('Ctrl-C midway exits 130 and saves nothing', async () => {
    const home = tempHome();
    const s = start(home);
    await answerScreening(s);
    await s.waitFor('Step 4 of 8');
    await s.waitFor('Where is your pain?');
    s.send(KEY.ctrlC);
    expect((await exitWithin(s)).exitCode).toBe(130);
    expect(s.text).toContain('Nothing was saved');
    expect(fs.existsSync(dbFile(home))).toBe(false);
  });

  it('Ctrl-C keeps an existing database exactly as it was', async () => {
    const home = tempHome();
    const template = run(['intake', '--template'], { home });
    expect(run(['intake', '--answers', '-'], { home, input: template.stdout }).code).toBe(0);
    const before = query(home, 'SELECT * FROM intakes');

    const s = start(home);
    await s.waitFor('Step 1 of 8');
    // The earlier answers are offered as defaults.
    await s.answer('What should painfit call you? (optional, press Enter to skip) (Sam)', KEY.enter);
    await s.answer('How old are you? (58)', type('70'));
    await s.waitFor('Step 2 of 8');
    await s.waitFor('heart condition');
    s.send(KEY.ctrlC);
    expect((await exitWithin(s)).exitCode).toBe(130);
    expect(query(home, 'SELECT * FROM intakes')).toEqual(before);
  });

  it('refuses what the answers file would refuse, asks again, and saves nothing on Ctrl-C', async () => {
    const home = tempHome();
    const s = start(home);
    await s.waitFor('Step 1 of 8');
    await s.answer('What should painfit call you?', KEY.enter);
    await s.answer('How old are you?', type('150'));
    await s.waitFor('between 18 and 120');
    s.send(KEY.backspace.repeat(3) + type('62'));
    await answerHealth(s);

    await s.waitFor('Step 4 of 8');
    await s.answer('Where is your pain?', KEY.enter); // nothing ticked
    await s.answer('Please choose at least one', KEY.space + KEY.enter);
    await s.answer('For how many months', type('24'));
    await s.answer('On average over the past week', type('11'));
    await s.waitFor('between 0 and 10');
    s.send(KEY.backspace.repeat(2) + type('6'));
    await s.answer('PEG 1/3', type('5'));
    await s.answer('PEG 2/3', type('7'));
    await s.answer('PEG 3/3', type('4'));

    await s.waitFor('Step 5 of 8');
    await s.answer('An activity you want to get back to', type('   ')); // only spaces
    await s.waitFor('Please type a few words.');
    s.send(KEY.backspace.repeat(3) + type('climb stairs'));
    await s.waitFor('How well can you do "climb stairs" now?');
    s.send(KEY.ctrlC);
    expect((await exitWithin(s)).exitCode).toBe(130);
    expect(fs.existsSync(dbFile(home))).toBe(false);
  });

  it('answering no at "Save these answers?" exits 0 and saves nothing', async () => {
    const home = tempHome();
    const s = start(home);
    await answerScreening(s);
    await answerTheRest(s);
    await s.answer('Save these answers?', no);
    await s.waitFor('Nothing was saved');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(fs.existsSync(dbFile(home))).toBe(false);
  });
});

describe('colour on a terminal', () => {
  const SGR = /\x1b\[[0-9;]*m/;

  /** Shows the first question, then stops with Ctrl-C; returns everything the terminal received. */
  async function firstScreen(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
    const s = spawnPainfit(tempHome(), ['intake', ...args], { env });
    sessions.push(s);
    await s.waitFor('What should painfit call you?');
    s.send(KEY.ctrlC);
    expect((await exitWithin(s)).exitCode).toBe(130);
    return s.raw;
  }

  it('is on by default', async () => {
    expect(await firstScreen([], { NO_COLOR: undefined })).toMatch(SGR);
  });

  it.each<[string, string[], NodeJS.ProcessEnv]>([
    ['NO_COLOR=1', [], { NO_COLOR: '1' }],
    ['--no-color, prompts included', ['--no-color'], { NO_COLOR: undefined }],
    ['--no-color beats FORCE_COLOR=1, prompts included', ['--no-color'], { NO_COLOR: undefined, FORCE_COLOR: '1' }],
  ])('is off with %s', async (_case, args, env) => {
    expect(await firstScreen(args, env)).not.toMatch(SGR);
  });
});

describe('painfit intake without a terminal', () => {
  it('exits 2 at once, naming --answers, when stdin is not a terminal', () => {
    const home = tempHome();
    const r = run(['intake'], { home, input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not an interactive terminal');
    expect(r.stderr).toContain('--answers');
    expect(r.stdout).toBe('');
    expect(fs.existsSync(dbFile(home))).toBe(false);
  });

  it('exits 2 when stdin is /dev/null', () => {
    const home = tempHome();
    const devNull = fs.openSync('/dev/null', 'r');
    try {
      const r = spawnSync(process.execPath, [BIN, '--home', home, 'intake'], { stdio: [devNull, 'pipe', 'pipe'], encoding: 'utf8', env: cliEnv(), timeout: 30_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--answers');
    } finally {
      fs.closeSync(devNull);
    }
    expect(fs.existsSync(dbFile(home))).toBe(false);
  });

  it('exits 2 when stdin is a terminal but stdout is not (output piped to a file)', async () => {
    const home = tempHome();
    const out = path.join(path.dirname(home), 'out.txt');
    // The shell keeps the pty as stdin and stderr but sends stdout to a file: still no prompting.
    const s = spawnPty('/bin/sh', ['-c', `exec "$0" "$1" --home "$2" intake > "$3"`, process.execPath, BIN, home, out]);
    sessions.push(s);
    expect((await exitWithin(s)).exitCode).toBe(2);
    expect(s.text).toContain('--answers');
    expect(fs.existsSync(dbFile(home))).toBe(false);
  });
});
