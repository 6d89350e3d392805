// Issue 8 on a terminal: painfit recheck's questions, and the daily safety net offering the
// warning-sign questions again (clinical-rules §1d). Run `npm run build` first.
import { afterEach, describe, expect, it } from 'vitest';
import { query } from './helpers/cli';
import { homeWithIntake, today, usualAnswers } from './helpers/coach';
import { exitWithin, KEY, spawnPainfit, type PtySession } from './helpers/pty';

const sessions: PtySession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

function start(home: string, args: string[]): PtySession {
  const s = spawnPainfit(home, args, { env: { NO_COLOR: '1' } });
  sessions.push(s);
  return s;
}

const no = 'n' + KEY.enter;
const yes = 'y' + KEY.enter;
const type = (text: string) => text + KEY.enter;
const TUE = '2026-01-06'; // a rest day for the usual person (mon/wed/fri)

describe('painfit recheck on a terminal', () => {
  it('asks the health questions with the follow-ups, the warning signs and mood; saves a dated version that keeps the plan', async () => {
    const home = homeWithIntake(usualAnswers());
    const s = start(home, ['recheck', '--date', TUE]);
    await s.waitFor('Step 1 of 2');
    for (const q of ['heart condition', 'pain in your chest', 'dizziness', 'another long-term']) await s.answer(q, no);
    await s.answer('prescribed medicine', no);
    await s.answer('bone, joint or muscle problem', yes);
    await s.answer('only with medical supervision', no);
    await s.answer('broken a bone', no);
    await s.answer('joint replacement or any other operation', yes); // a follow-up "yes": effort ≤ 3 until cleared
    await s.answer('steroid tablets', no);
    await s.waitFor('Step 2 of 2');
    // The usual person is 58: the two over-50 questions are asked.
    for (const q of ['passing urine', 'numbness around your bottom', 'both legs', 'temple', 'fever or chills', 'had cancer', 'fall or injury', 'spreading weakness', 'clumsy hands', 'swollen joint', 'both shoulders', 'Weight loss', 'wakes you at night', 'Stiffness most mornings']) {
      await s.answer(q, no);
    }
    await s.answer('little interest or pleasure', yes);
    await s.answer('felt down', yes);
    await s.answer('Has a doctor or physiotherapist already seen you', no);
    await s.answer('Save these answers?', yes);
    await s.waitFor('progress are kept');
    expect((await exitWithin(s)).exitCode).toBe(0);
    const text = s.text.replace(/\s+/g, ' ');
    expect(text).toContain('a joint replacement or other recent surgery');
    expect(text).toContain('3 out of 10 (moderate) at most');
    expect(text).toContain('talking to your doctor');

    const rows = query<{ date: string; answers: string }>(home, 'SELECT date, answers FROM rechecks');
    expect(rows.map((r) => r.date)).toEqual([TUE]);
    expect(JSON.parse(rows[0]!.answers)).toMatchObject({ version: 2, readiness: { followUps: { recentSurgery: true } }, mood: { interest: true, down: true }, clearance: null });
    expect(query(home, 'SELECT count(*) AS n FROM intakes')[0]).toEqual({ n: 1 });
    const day = today(home, '2026-01-07');
    expect(day.week).toBe(1);
    expect(Math.max(...day.exercises.map((e) => e.effort))).toBeLessThanOrEqual(3);
  });
});

describe('the daily safety net on a terminal (§1d)', () => {
  it('pain 9 → the warning signs are listed and offered again; an urgent "yes" is shown at once and saved, and today stops', async () => {
    const home = homeWithIntake(usualAnswers());
    const s = start(home, ['log', '--date', TUE]);
    await s.answer('(a cold, fever, infection, or feeling faint)?', no);
    await s.answer('How is your pain right now?', type('9'));
    // A rest day: the optional extra, the walking track (not walked), then sleep and a note.
    await s.answer('Did you do the optional extra?', KEY.enter);
    await s.answer('Did you do your walk', KEY.enter);
    await s.waitFor('slept');
    s.send(KEY.enter);
    await s.answer('Anything to note?', type('legs feel odd'));
    await s.waitFor('Please check for warning signs');
    await s.waitFor('within 24 hours');
    await s.answer('Answer the warning-sign questions again now?', yes);
    for (const q of ['passing urine', 'numbness around your bottom', 'both legs', 'temple', 'fever or chills', 'had cancer', 'fall or injury']) await s.answer(q, no);
    await s.answer('spreading weakness', yes);
    const between = await s.waitFor('Please see a clinician soon');
    expect(between).not.toContain('clumsy hands');
    await s.waitFor('Saved your answers');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(query(home, 'SELECT pain FROM checkins')).toEqual([{ pain: 9 }]);
    expect(query(home, 'SELECT date FROM rechecks')).toEqual([{ date: TUE }]);
    expect(today(home, '2026-01-07', 3).status).toBe('stop');
  });

  it('an ordinary check-in offers nothing', async () => {
    const home = homeWithIntake(usualAnswers());
    const s = start(home, ['log', '--date', TUE]);
    await s.answer('(a cold, fever, infection, or feeling faint)?', no);
    await s.answer('How is your pain right now?', type('4'));
    // A rest day: the optional extra, the walking track (not walked), then sleep and a note.
    await s.answer('Did you do the optional extra?', KEY.enter);
    await s.answer('Did you do your walk', KEY.enter);
    await s.waitFor('slept');
    s.send(KEY.enter);
    await s.answer('Anything to note?', KEY.enter);
    await s.waitFor('Saved for');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(s.text).not.toContain('warning signs');
  });
});
