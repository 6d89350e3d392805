// The weekly questions on a terminal: `painfit checkin`, and the once-a-week offer at the end of
// the interactive `painfit log`. Driven in a real pseudo-terminal. Run `npm run build` first.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeAnswers } from '../src/domain/intake';
import { dbHash, query, run, tempHome, writeJson } from './helpers/cli';
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
const type = (text: string) => text + KEY.enter;

function homeWithIntake(): string {
  const home = tempHome('painfit-checkin-pty-');
  const a = JSON.parse(run(['intake', '--template']).stdout) as IntakeAnswers;
  a.goals = [
    { activity: 'walk the dog', score: 4 },
    { activity: 'garden', score: 2 },
  ];
  a.schedule = { days: ['mon', 'wed', 'fri'], minutes: 20 };
  const file = writeJson(path.dirname(home), 'answers.json', a);
  expect(run(['intake', '--answers', file, '--date', '2026-03-02'], { home }).code).toBe(0);
  return home;
}

const measures = (home: string) =>
  query<{ date: string; peg_pain: number; peg_enjoyment: number; peg_activity: number; goals: string; kind: string }>(
    home,
    'SELECT m.date, m.peg_pain, m.peg_enjoyment, m.peg_activity, m.goals, e.kind FROM measures m JOIN entries e ON e.id = m.entry_id ORDER BY m.id',
  );

async function answerWeekly(s: PtySession, scores: [number, number, number, number, number]): Promise<void> {
  await s.answer('PEG 1/3', type(String(scores[0])));
  await s.answer('PEG 2/3', type(String(scores[1])));
  await s.answer('PEG 3/3', type(String(scores[2])));
  await s.answer('How well can you do "walk the dog" now? (0 cannot, 10 as well as before; at the start: 4)', type(String(scores[3])));
  await s.answer('How well can you do "garden" now? (0 cannot, 10 as well as before; at the start: 2)', type(String(scores[4])));
}

describe('painfit checkin on a terminal', () => {
  it('asks the three PEG questions, re-rates each goal showing the intake score, stores and echoes', async () => {
    const home = homeWithIntake();
    const s = start(home, ['checkin', '--date', '2026-03-09']);
    await s.waitFor('Weekly questions for Mon 9 Mar 2026');
    await answerWeekly(s, [4, 5, 3, 6, 3]);
    await s.waitFor('Weekly questions saved for Mon 9 Mar 2026:');
    await s.waitFor('PEG: pain 4, enjoyment 5, activity 3 (score 4)');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(measures(home)).toEqual([
      {
        date: '2026-03-09',
        peg_pain: 4,
        peg_enjoyment: 5,
        peg_activity: 3,
        goals: JSON.stringify([
          { activity: 'walk the dog', score: 6 },
          { activity: 'garden', score: 3 },
        ]),
        kind: 'measures',
      },
    ]);
  });

  it('Ctrl-C before the end saves nothing', async () => {
    const home = homeWithIntake();
    const before = dbHash(home);
    const s = start(home, ['checkin', '--date', '2026-03-09']);
    await s.answer('PEG 1/3', type('4'));
    await s.waitFor('PEG 2/3');
    s.send(KEY.ctrlC);
    expect((await exitWithin(s)).exitCode).toBe(130);
    expect(dbHash(home)).toBe(before);
  });
});

describe('painfit log offers the weekly questions once a week', () => {
  /** A rest day (Tuesday): not unwell, pain, the optional extra left unticked, no walk, no sleep score, no note. */
  async function restDayLog(s: PtySession, pain: number): Promise<void> {
    await s.answer('(a cold, fever, infection, or feeling faint)?', KEY.enter);
    await s.answer('How is your pain right now?', type(String(pain)));
    await s.answer('Did you do the optional extra?', KEY.enter);
    await s.answer('Did you do your walk', KEY.enter);
    await s.answer('How well have you slept this past week?', KEY.enter);
    await s.answer('Anything to note?', KEY.enter);
  }

  it('yes (the default): asks them and saves them with the check-in; not offered again that week', async () => {
    const home = homeWithIntake();
    const s = start(home, ['log', '--date', '2026-03-10']);
    await restDayLog(s, 5);
    await s.answer('It has been a week: answer the weekly questions too? (about 1 minute)', KEY.enter);
    await answerWeekly(s, [5, 5, 5, 5, 2]);
    await s.waitFor('Saved for Tue 10 Mar 2026:');
    await s.waitFor('Weekly questions saved for Tue 10 Mar 2026:');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(query(home, 'SELECT date, pain FROM checkins')).toEqual([{ date: '2026-03-10', pain: 5 }]);
    expect(measures(home).map((m) => [m.date, m.peg_pain, m.kind])).toEqual([['2026-03-10', 5, 'measures']]);
    // Two entries (undo removes the weekly answers first), written together.
    expect(query(home, 'SELECT kind FROM entries ORDER BY id')).toEqual([{ kind: 'log' }, { kind: 'measures' }]);

    // Six days later the week is not over: no offer.
    const again = start(home, ['log', '--date', '2026-03-16']);
    await again.answer('(a cold, fever, infection, or feeling faint)?', KEY.enter);
    await again.answer('How is your pain right now?', type('4'));
    await again.waitFor('Which exercises did you do?');
    // Enter once the whole checklist is drawn (all ticked: all done).
    const day = JSON.parse(run(['today', '--json', '--date', '2026-03-16'], { home }).stdout) as { exercises: { name: string }[]; walk: { minutes: number } | null };
    await again.waitFor(day.exercises[day.exercises.length - 1]!.name);
    again.send(KEY.enter);
    await again.answer('Did any exercise feel too easy, too hard, or hurt?', KEY.enter);
    await again.answer('worst pain during the exercises?', type('2'));
    await again.answer('How hard did it feel overall?', type('3'));
    // A walking-track day asks about the walk too: not walked.
    if (day.walk) await again.answer('Did you do your walk', KEY.enter);
    await again.answer('How well have you slept this past week?', KEY.enter);
    await again.answer('Anything to note?', KEY.enter);
    await again.waitFor('Saved for Mon 16 Mar 2026:');
    expect((await exitWithin(again)).exitCode).toBe(0);
    expect(again.text).not.toContain('weekly questions too?');
    expect(measures(home)).toHaveLength(1);
  });

  it('not in the first week after the intake, which asked the same questions', async () => {
    const home = homeWithIntake(); // intake on Mon 2 Mar 2026
    const s = start(home, ['log', '--date', '2026-03-03']);
    await restDayLog(s, 4);
    await s.waitFor('Saved for Tue 3 Mar 2026:');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(s.text).not.toContain('weekly questions too?');
    expect(measures(home)).toEqual([]);
  });

  it('no: saves the check-in alone', async () => {
    const home = homeWithIntake();
    const s = start(home, ['log', '--date', '2026-03-10']);
    await restDayLog(s, 3);
    await s.answer('weekly questions too?', 'n' + KEY.enter);
    await s.waitFor('Saved for Tue 10 Mar 2026:');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(query(home, 'SELECT count(*) AS n FROM checkins')).toEqual([{ n: 1 }]);
    expect(measures(home)).toEqual([]);
  });

  it('Ctrl-C during the weekly questions saves neither the check-in nor the answers', async () => {
    const home = homeWithIntake();
    const before = dbHash(home);
    const s = start(home, ['log', '--date', '2026-03-10']);
    await restDayLog(s, 3);
    await s.answer('weekly questions too?', KEY.enter);
    await s.answer('PEG 1/3', type('4'));
    await s.waitFor('PEG 2/3');
    s.send(KEY.ctrlC);
    expect((await exitWithin(s)).exitCode).toBe(130);
    expect(dbHash(home)).toBe(before);
  });
});
