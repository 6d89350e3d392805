// Screens that fit (issue 11): every terminal screen at COLUMNS=60, 80 and 120 has no line longer
// than the width and no word cut in two. A cut word shows up as a fragment that is not a word
// painfit knows: every word on screen must come from painfit's own text (its source and exercise
// library), the answers given, or the data folder's path.
// Run `npm run build` first: these spawn the built bin.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempHome, writeJson } from './helpers/cli';
import { addDays, START, usualAnswers } from './helpers/coach';
import { wrapLines, fitScreen, visibleLength } from '../src/ui/width';

const WIDTHS = [60, 80, 120] as const;
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const wordsOf = (text: string) => (text.match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase());

/** Every word painfit itself can print: from its source code and its exercise library. */
function knownWords(extra: string[]): Set<string> {
  const known = new Set<string>();
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) walk(file);
      else if (/\.(ts|json)$/.test(name)) for (const w of wordsOf(fs.readFileSync(file, 'utf8'))) known.add(w);
    }
  };
  walk(path.join(ROOT, 'src'));
  walk(path.join(ROOT, 'data'));
  for (const e of extra) for (const w of wordsOf(e)) known.add(w);
  return known;
}

let home: string;
let answersFile: string;
let known: Set<string>;
const TODAY = addDays(START, 40); // week 6, with check-ins and sessions behind it

beforeAll(() => {
  home = tempHome('painfit-width-');
  answersFile = writeJson(path.dirname(home), 'answers.json', usualAnswers((a) => (a.goals = [{ activity: 'walk to the shops and back', score: 4 }])));
  expect(run(['intake', '--answers', answersFile, '--date', START], { home }).code).toBe(0);
  for (let d = 0; d < 40; d += 2) {
    const r = run(['log', '--date', addDays(START, d), '--pain', String(3 + (d % 4)), '--done', 'all', '--during', '3', '--effort', '3'], { home });
    if (r.code !== 0) {
      // Rest days have no session: record the check-in alone.
      expect(run(['log', '--date', addDays(START, d), '--pain', '4'], { home }).code).toBe(0);
    }
  }
  known = knownWords([home, answersFile, 'walk to the shops and back']);
}, 120_000);

const SCREENS: { name: string; args: () => string[]; freshHome?: boolean }[] = [
  { name: 'today', args: () => ['today', '--date', TODAY] },
  { name: 'today (a session day)', args: () => ['today', '--date', addDays(START, 37)] },
  { name: 'plan', args: () => ['plan', '--date', TODAY] },
  { name: 'report', args: () => ['report', '--date', TODAY] },
  { name: 'exercises', args: () => ['exercises'] },
  { name: 'exercises show', args: () => ['exercises', 'show', 'lying-hamstring-stretch'] },
  { name: 'doctor', args: () => ['doctor'] },
  { name: 'intake summary', args: () => ['intake', '--answers', answersFile, '--date', TODAY], freshHome: true },
];

describe.each(WIDTHS)('COLUMNS=%i', (width) => {
  it.each(SCREENS)('$name fits, with no word cut in two', ({ args, freshHome }) => {
    const where = freshHome ? tempHome('painfit-width-intake-') : home;
    if (freshHome) known = knownWords([...known, where]);
    const r = run(args(), { home: where, env: { COLUMNS: String(width) } });
    expect(r.code, r.stderr).toBe(0);
    const screen = `${r.stdout}\n${r.stderr}`.replace(ANSI, '');
    expect(screen.trim().length).toBeGreaterThan(0);
    const tooLong = screen.split('\n').filter((line) => visibleLength(line) > width);
    expect(tooLong, `lines longer than ${width}`).toEqual([]);
    // A table's lines are all as wide as its frame: a table broken to fit would show ragged lines.
    const tables = screen.split(/\n(?![┌│├└])/).filter((block) => /^[┌│]/.test(block));
    for (const t of tables) expect(new Set(t.split('\n').map(visibleLength)).size, `a table with ragged lines:\n${t}`).toBe(1);
    const strangers = [...new Set(wordsOf(screen))].filter((w) => !known.has(w));
    expect(strangers, 'words painfit does not know (a word cut in two?)').toEqual([]);
  });
});

describe('today at 80 × 24', () => {
  it('a usual short session (10 minutes, 5 exercises, week 3) fits 80 columns and 24 rows', () => {
    const h = tempHome('painfit-width-short-');
    const file = writeJson(path.dirname(h), 'short.json', usualAnswers((a) => ((a.schedule.minutes = 10), (a.readiness.boneJoint = false))));
    expect(run(['intake', '--answers', file, '--date', START], { home: h }).code).toBe(0);
    for (const d of [0, 2, 4, 7, 9, 11]) expect(run(['log', '--date', addDays(START, d), '--pain', '4', '--done', 'all', '--during', '3', '--effort', '3'], { home: h }).code).toBe(0);
    const r = run(['today', '--date', addDays(START, 14)], { home: h, env: { COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => /^ *\d+\. /.test(l))).toHaveLength(5);
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(lines.every((l) => visibleLength(l) <= 80)).toBe(true);
  });
});

describe('today on a narrow terminal keeps a two-column margin', () => {
  it.each(['today (a session day)', 'today'])('%s at 80 columns: no line over 80 even counted in UTF-8 bytes (as mawk counts)', (name) => {
    const screen = SCREENS.find((s) => s.name === name)!;
    const r = run(screen.args(), { home, env: { COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.replace(ANSI, '').split('\n');
    expect(lines.some((l) => /[•·×]/.test(l))).toBe(true);
    expect(lines.filter((l) => Buffer.byteLength(l, 'utf8') > 80)).toEqual([]);
  });
});

describe('the wrapping helper', () => {
  it('breaks between words, keeps indents inside the width, and never cuts a word that fits', () => {
    const text = 'A drop of 30% or 2 points is a meaningful improvement (Farrar 2001; IMMPACT).';
    for (let w = 15; w <= 40; w++) {
      const lines = wrapLines(text, w, { firstIndent: '• ', indent: '  ' });
      expect(lines.every((l) => visibleLength(l) <= w)).toBe(true);
      expect(lines.join(' ').replace(/[•\s]+/g, ' ').trim()).toBe(text);
    }
  });

  it('gives colour codes no width', () => {
    const red = (s: string) => `\x1b[31m${s}\x1b[39m`;
    const lines = wrapLines(`${red('alpha')} beta ${red('gamma')} delta`, 11);
    expect(lines.map((l) => l.replace(ANSI, ''))).toEqual(['alpha beta', 'gamma delta']);
  });

  it('never breaks a word: one longer than the line (a path) gets a line of its own, whole', () => {
    expect(wrapLines('see /a/very/long/path/that/cannot/fit here', 12)).toEqual(['see', '/a/very/long/path/that/cannot/fit', 'here']);
  });

  it('fits a screen: long lines wrap under their bullet, short ones are left alone', () => {
    expect(fitScreen('short\n  • one two three four five six', 17)).toBe('short\n  • one two three\n    four five six');
  });
});
