// The interactive intake, driven in a real pseudo-terminal like a person at the keyboard.
// Run `npm run build` first: these spawn the built bin.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeAnswers } from '../src/domain/intake';
import { parseIntake } from '../src/schema/intake';
import { BIN, cliEnv, query, run, tempHome } from './helpers/cli';
import { exitWithin, KEY, screenText, spawnPainfit, spawnPty, type PtySession } from './helpers/pty';

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

/** Step 2 and 3: the 7 health questions with the bone/joint follow-ups, the warning signs, mood. */
async function answerHealth(s: PtySession): Promise<void> {
  await s.waitFor('Step 2 of 8');
  await s.answer('heart condition or high blood pressure?', no);
  await s.answer('pain in your chest', no);
  await s.answer('lost your balance because of dizziness', no);
  await s.answer('another long-term health condition', no);
  await s.answer('prescribed medicine', yes);
  await s.answer('bone, joint or muscle problem', yes);
  await s.answer('only with medical supervision?', no);
  // "Yes" to bone/joint brings the three PAR-Q+ follow-ups (§1a).
  await s.answer('broken a bone', no);
  await s.answer('joint replacement or any other operation', no);
  await s.answer('steroid tablets or injections', no);

  await s.waitFor('Step 3 of 8');
  // Most serious first; every question says "new or worsening" (§1b).
  await s.answer('New or worsening trouble passing urine', no);
  await s.answer('New or worsening numbness around your bottom', no);
  await s.answer('New or worsening weakness or numbness in both legs?', no);
  // Asked from age 50 (giant-cell arteritis, BSR 2020): this person is 62.
  await s.answer('headache at your temple', no);
  await s.answer('New fever or chills', no);
  await s.answer('Have you had cancer', no);
  await s.answer('A recent fall or injury', no);
  await s.answer('New or spreading weakness', no);
  await s.answer('unsteady walking or clumsy hands', no);
  await s.answer('A new hot, red, swollen joint?', no);
  await s.answer('stiffness in both shoulders or both hips', no);
  await s.answer('Weight loss you cannot explain', no);
  await s.answer('pain that wakes you at night', yes);
  await s.answer('Stiffness most mornings', no);
  await s.answer('little interest or pleasure', no);
  await s.answer('felt down, low or hopeless', no);
  // Answers that need a clinician's say, so painfit asks whether one has already seen them.
  await s.answer('Has a doctor or physiotherapist already seen you', no);
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
    expect(answers.version).toBe(2);
    expect(answers.readiness).toEqual({
      heartCondition: false,
      chestPain: false,
      dizziness: false,
      otherCondition: false,
      medication: true,
      boneJoint: true,
      supervisedOnly: false,
      followUps: { recentFracture: false, recentSurgery: false, longTermSteroids: false },
    });
    expect(Object.entries(answers.redFlags).filter(([, v]) => v).map(([k]) => k)).toEqual(['nightPain']);
    expect(answers.mood).toEqual({ interest: false, down: false });
    expect(answers.clearance).toBeNull();
    expect(answers.pain).toEqual({ regions: ['neck', 'low-back', 'knee'], months: 24, average: 6, peg: { pain: 5, enjoyment: 7, activity: 4 } });
    expect(answers.goals).toEqual([
      { activity: 'walk the dog', score: 3 },
      { activity: 'garden', score: 2 },
    ]);
    expect(answers.ability).toEqual({ walkMinutes: 15, floor: true, balanceWorries: false, osteoporosis: false });
    expect(answers.schedule).toEqual({ days: ['tue', 'thu', 'sat'], minutes: 25 });
    expect(answers.likes).toEqual({ cardio: ['walking', 'swimming'], mindBody: ['breathing'], equipment: ['band', 'mat'] });

    // The screening result is shown at the end: a non-urgent flag and readiness "yes" answers.
    expect(screenText(s.text)).toContain('worth mentioning to your GP');
    expect(screenText(s.text)).toContain('3 out of 10 (moderate) at most');
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

    // Not dated before the intake just saved (that is refused: issue 8), so no --date here.
    const s = start(home, ['intake']);
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

describe('painfit intake again on a terminal: keep your progress or start over (clinical-rules §4)', () => {
  /** A plan from Mon 2 Nov with two good weeks logged, then the questionnaire again on Mon 30 Nov. */
  async function againUpToSave(): Promise<{ home: string; s: PtySession }> {
    const home = tempHome();
    const template = run(['intake', '--template'], { home });
    expect(run(['intake', '--answers', '-', '--date', '2026-11-02'], { home, input: template.stdout }).code).toBe(0);
    for (const d of ['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-09', '2026-11-11', '2026-11-13']) {
      expect(run(['log', '--date', d, '--pain', '3', '--done', 'all', '--during', '2', '--effort', '3'], { home }).code).toBe(0);
    }
    const s = start(home, ['intake', '--date', '2026-11-30']);
    await answerScreening(s);
    await answerTheRest(s);
    await s.waitFor('Your plan started Mon 2 Nov 2026');
    await s.waitFor('Save these answers?');
    await s.waitFor('No, do not save');
    return { home, s };
  }

  it('Enter keeps progress (the default): the plan from 2 Nov goes on, in week 5', async () => {
    const { home, s } = await againUpToSave();
    expect(screenText(s.text)).toMatch(/❯ Yes, and keep my progress \(recommended\) Yes, and start over at week 1 No, do not save/);
    s.send(KEY.enter);
    await s.waitFor('Your progress is kept');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(query(home, 'SELECT date, keeps_progress FROM intakes ORDER BY id')).toEqual([
      { date: '2026-11-02', keeps_progress: 0 },
      { date: '2026-11-30', keeps_progress: 1 },
    ]);
    const day = JSON.parse(run(['today', '--json', '--date', '2026-11-30'], { home }).stdout) as { week: number };
    expect(day.week).toBe(5);
  });

  it('"start over" restarts the plan at week 1 on the intake date', async () => {
    const { home, s } = await againUpToSave();
    s.send(KEY.down + KEY.enter);
    await s.waitFor('Your plan starts over at week 1 on Mon 30 Nov 2026');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(query(home, 'SELECT date, keeps_progress FROM intakes ORDER BY id')).toEqual([
      { date: '2026-11-02', keeps_progress: 0 },
      { date: '2026-11-30', keeps_progress: 0 },
    ]);
    const day = JSON.parse(run(['today', '--json', '--date', '2026-11-30'], { home }).stdout) as { week: number };
    expect(day.week).toBe(1);
  });
});

describe('act at once (clinical-rules §1b): an emergency or urgent answer is shown before anything else', () => {
  /** Steps 1-2 with every health answer "no" (so there are no follow-ups). */
  async function toWarningSigns(s: PtySession): Promise<void> {
    await s.waitFor('Step 1 of 8');
    await s.answer('What should painfit call you?', type('Alex'));
    await s.answer('How old are you?', type('62'));
    await s.waitFor('Step 2 of 8');
    for (const q of ['heart condition', 'pain in your chest', 'dizziness', 'another long-term', 'prescribed medicine', 'bone, joint or muscle', 'only with medical supervision']) {
      await s.answer(q, no);
    }
    await s.waitFor('Step 3 of 8');
  }

  it('"yes" to new bladder trouble → the emergency message is the next screen; declining to save still ends with it', async () => {
    const home = tempHome();
    const s = start(home);
    await toWarningSigns(s);
    await s.answer('New or worsening trouble passing urine', yes);
    // Nothing is asked between the answer and the message: not the next warning sign, not mood.
    const between = await s.waitFor('Please get help today');
    expect(between).not.toMatch(/numbness around your bottom|little interest/);
    await s.waitFor('Call emergency services or go to an emergency department now, today.');
    await s.waitFor('Tell them: "I have back pain and new trouble passing urine');
    expect(s.text).not.toContain('numbness around your bottom');
    // The person may still answer the rest, so the plan is ready for later; then declines to save.
    await s.answer('Answer the other questions now anyway', yes);
    await answerTheRest(s);
    await s.answer('Save these answers?', no);
    await s.waitFor('Nothing was saved');
    expect((await exitWithin(s)).exitCode).toBe(3);
    const end = s.text.slice(s.text.lastIndexOf('Save these answers?'));
    expect(screenText(end)).toContain('Call emergency services or go to an emergency department now, today.');
    expect(fs.existsSync(dbFile(home))).toBe(false);
  });

  it('an urgent answer → its message at once, at its tier (within 24 hours); stopping there saves nothing and shows it again', async () => {
    const home = tempHome();
    const s = start(home);
    await toWarningSigns(s);
    await s.answer('New or worsening trouble passing urine', no);
    await s.answer('New or worsening numbness around your bottom', no);
    await s.answer('New or worsening weakness or numbness in both legs?', no);
    await s.answer('headache at your temple', no);
    await s.answer('New fever or chills', yes);
    const between = await s.waitFor('Please see a clinician soon');
    expect(between).not.toMatch(/Have you had cancer|little interest/);
    await s.waitFor('within 24 hours');
    expect(s.text).not.toContain('Have you had cancer');
    expect(s.text).not.toMatch(/emergency department/);
    await s.answer('Has a doctor or physiotherapist already seen you about this', no);
    await s.answer('Answer the other questions now', no);
    await s.waitFor('Nothing was saved');
    expect((await exitWithin(s)).exitCode).toBe(3);
    const end = s.text.slice(s.text.lastIndexOf('Answer the other questions now'));
    expect(screenText(end)).toContain('within 24 hours');
    expect(fs.existsSync(dbFile(home))).toBe(false);
  });

  it('an emergency answer saved → intake exits 3 and today stops', async () => {
    const home = tempHome();
    const s = start(home);
    await toWarningSigns(s);
    await s.answer('New or worsening trouble passing urine', no);
    await s.answer('New or worsening numbness around your bottom', yes);
    await s.waitFor('Please get help today');
    await s.answer('Answer the other questions now anyway', yes);
    await answerTheRest(s);
    await s.answer('Save these answers?', yes);
    await s.waitFor('Saved your answers');
    expect((await exitWithin(s)).exitCode).toBe(3);
    const today = run(['today', '--date', '2026-11-30', '--json'], { home });
    expect(today.code).toBe(3);
    expect(JSON.parse(today.stdout)).toMatchObject({ status: 'stop', exercises: [] });
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
