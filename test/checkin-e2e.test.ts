// painfit checkin by flags, end to end: what is stored (one `entries` row of kind 'measures' and
// its measures row), what is echoed, and every bad input refused with nothing written.
// Run `npm run build` first.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IntakeAnswers } from '../src/domain/intake';
import { BIN, cliEnv, dbHash, query, run, runJson, tempHome, writeJson } from './helpers/cli';

const INTAKE = '2026-03-02';

function homeWithIntake(): string {
  const home = tempHome('painfit-checkin-');
  const a = JSON.parse(run(['intake', '--template']).stdout) as IntakeAnswers;
  a.goals = [
    { activity: 'walk the dog', score: 4 },
    { activity: 'garden', score: 2 },
  ];
  const file = writeJson(path.dirname(home), 'answers.json', a);
  expect(run(['intake', '--answers', file, '--date', INTAKE], { home }).code).toBe(0);
  return home;
}

interface Row {
  entry_id: number;
  kind: string;
  date: string;
  peg_pain: number | null;
  peg_enjoyment: number | null;
  peg_activity: number | null;
  goals: string | null;
}
const stored = (home: string) =>
  query<Row>(home, 'SELECT m.entry_id, e.kind, m.date, m.peg_pain, m.peg_enjoyment, m.peg_activity, m.goals FROM measures m JOIN entries e ON e.id = m.entry_id ORDER BY m.id');

const PEG = ['--peg-pain', '4', '--peg-enjoyment', '5', '--peg-activity', '6'];

describe('painfit checkin with flags', () => {
  let home: string;
  beforeEach(() => {
    home = homeWithIntake();
  });

  it('stores PEG and goals under one measures entry, and echoes them', () => {
    const r = run(['checkin', '--date', '2026-03-09', ...PEG, '--goals', '6,3'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Weekly questions saved for Mon 9 Mar 2026:');
    expect(r.stdout).toContain('PEG: pain 4, enjoyment 5, activity 6 (score 5)'); // (4 + 5 + 6) / 3
    expect(r.stdout).toContain('walk the dog: 6/10 (4 at the start)');
    expect(r.stdout).toContain('garden: 3/10 (2 at the start)');
    const rows = stored(home);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'measures', date: '2026-03-09', peg_pain: 4, peg_enjoyment: 5, peg_activity: 6 });
    expect(JSON.parse(rows[0]!.goals!)).toEqual([
      { activity: 'walk the dog', score: 6 },
      { activity: 'garden', score: 3 },
    ]);
    expect(query(home, 'SELECT count(*) AS n FROM entries')).toEqual([{ n: 1 }]);
  });

  it('PEG alone, or goals alone', () => {
    expect(run(['checkin', '--date', '2026-03-09', ...PEG], { home }).code).toBe(0);
    expect(run(['checkin', '--date', '2026-03-10', '--goals', '5, 2'], { home }).code).toBe(0);
    const rows = stored(home);
    expect(rows.map((r) => [r.date, r.peg_pain, r.goals === null])).toEqual([
      ['2026-03-09', 4, true],
      ['2026-03-10', null, false],
    ]);
    expect(rows[0]!.entry_id).not.toBe(rows[1]!.entry_id);
  });

  it('--json prints what was stored', () => {
    const { code, json } = runJson(['checkin', '--date', '2026-03-09', ...PEG, '--goals', '6,3'], { home });
    expect(code).toBe(0);
    expect(json).toEqual({
      date: '2026-03-09',
      peg: { pain: 4, enjoyment: 5, activity: 6, score: 5 },
      goals: [
        { activity: 'walk the dog', score: 6, atIntake: 4 },
        { activity: 'garden', score: 3, atIntake: 2 },
      ],
    });
  });

  it('the report uses them', () => {
    run(['checkin', '--date', '2026-03-09', ...PEG, '--goals', '7,3'], { home });
    const { json } = runJson(['report', '--date', '2026-03-10'], { home });
    // Template intake PEG 5, 6, 6 → 17 / 3 = 5.667; now 5: 0.667 points, 11.8 % lower.
    expect(json.peg).toMatchObject({ current: 5, verdict: 'no-clear-change', currentDate: '2026-03-09' });
    expect(json.weeks[1].peg).toBe(5);
    expect(json.psfs).toMatchObject({ baselineMean: 3, currentMean: 5, real: true });
  });
});

describe('bad input: exit 2, a clear message, nothing written', () => {
  const home = homeWithIntake();
  const cases: [string, string[], RegExp][] = [
    ['a score above 10', ['--peg-pain', '11', '--peg-enjoyment', '5', '--peg-activity', '5'], /--peg-pain "11" is not accepted: give a whole number from 0 to 10/],
    ['a PEG item missing', ['--peg-pain', '4'], /the three PEG answers go together: also give --peg-enjoyment and --peg-activity/],
    ['too few goal scores', ['--goals', '5'], /--goals gives 1 score, but your intake has 2 goals \(1\. walk the dog, 2\. garden\).*--goals 4,2/],
    ['too many goal scores', ['--goals', '5,5,5'], /gives 3 scores, but your intake has 2 goals/],
    ['a goal score that is not a number', ['--goals', '5,x'], /--goals "5,x" is not accepted: give one whole number from 0/],
    ['an empty goal score', ['--goals', '5,'], /--goals "5," is not accepted/],
    ['a future date', ['--date', '2999-01-01', ...PEG], /cannot record 2999-01-01: that date is in the future/],
    ['no flags off a terminal', [], /not an interactive terminal.*--peg-pain.*--goals/],
    ['--json and no flags', ['--json'], /never asks questions.*--peg-pain/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const before = dbHash(home);
    const r = run(['checkin', ...args], { home });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(dbHash(home)).toBe(before);
  });

  it('no intake → exit 3', () => {
    const empty = tempHome();
    const r = run(['checkin', ...PEG], { home: empty });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Run painfit intake first');
    expect(dbHash(empty)).toBe('absent');
  });

  it('a date before the intake → exit 3 naming the date', () => {
    const before = dbHash(home);
    const r = run(['checkin', '--date', '2026-02-01', ...PEG], { home });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no intake dated on or before 2026-02-01');
    expect(dbHash(home)).toBe(before);
  });

  it('never waits for input when stdin is an open pipe', async () => {
    const before = dbHash(home);
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--home', home, 'checkin'], { env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error('painfit checkin waited for input'));
      }, 20_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        child.stdin.destroy();
        resolve({ code, stderr });
      });
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--peg-pain');
    expect(dbHash(home)).toBe(before);
  });
});
