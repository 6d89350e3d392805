// Bad input, everywhere (issue 5, item 1): random and hostile values for every flag and argument of
// every command, and damaged answers and export files. Whatever the value, painfit never shows a
// stack trace; bad input ends with exit 2, nothing on stdout, one short message that names the value
// and what is accepted (a single {"error":{code,message}} object with --json), and the database
// exactly as it was (a content hash of every table, before and after). A value the documented rules
// accept must work: each case's expected outcome comes from an oracle (test/helpers/fuzz-values.ts).
//
// Run `npm run build` first: the cases spawn bin/painfit.js.
// Reproduce a failure with the seed fast-check prints: FUZZ_SEED=<seed> npx vitest run test/fuzz-input.test.ts
// More cases: FUZZ_RUNS=1000 (flag cases; file cases are a third of that).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli';
import {
  comboCase,
  dateCase,
  doneCase,
  extraArgCase,
  fileCase,
  fileCases,
  flagCases,
  goalsCase,
  noteCase,
  pathCase,
  scoreCase,
  showCase,
  swapCase,
  unknownCommandCase,
  unknownOptionCase,
  vocabCase,
  weeksCase,
} from './helpers/fuzz-cases';
import { type FuzzCase, type FuzzEnv, prepareFuzzEnv, runCase } from './helpers/fuzz-cli';
import { addDays, LONG } from './helpers/fuzz-values';

const FLAG_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const FILE_RUNS = Math.max(50, Math.round(FLAG_RUNS / 3));
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

let env: FuzzEnv;
let ran = 0;

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'painfit.cjs'))) throw new Error('run `npm run build` first');
  const library = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'exercises.json'), 'utf8')) as { id: string }[];
  env = prepareFuzzEnv(library.map((e) => e.id));
}, 60_000);

afterAll(() => {
  if (env) fs.rmSync(env.scratch, { recursive: true, force: true });
});

const check = (c: FuzzCase) => {
  ran++;
  runCase(env, c);
};

const off = { json: false, first: false };
const on = { json: true, first: false };
const onFirst = { json: true, first: true };

/** The values issue 5 names, always run (fast-check runs examples before the random cases). */
function namedExamples(e: FuzzEnv): FuzzCase[] {
  const future = addDays(e.realToday, 1);
  return [
    dateCase(e, 'log', '2026-02-30', off),
    dateCase(e, 'today', '9999-12-31', off),
    dateCase(e, 'report', '9999-12-31', on),
    dateCase(e, 'plan', '2999-12-31', off),
    dateCase(e, 'log', future, off),
    dateCase(e, 'checkin', addDays(e.realToday, 30), onFirst),
    dateCase(e, 'today', '0000-01-01', on),
    dateCase(e, 'report', '2026-13-01', off),
    dateCase(e, 'plan', '2026-1-1', off),
    dateCase(e, 'log', '', on),
    dateCase(e, 'today', 'today', off),
    scoreCase(e, '--pain', '1e308', off),
    scoreCase(e, '--pain', 'NaN', on),
    scoreCase(e, '--effort', '-1', off),
    scoreCase(e, '--sleep', '3.5', off),
    scoreCase(e, '--during', 'Infinity', off),
    scoreCase(e, '--pain', '0x10', off),
    scoreCase(e, '--pain', ' 3', off),
    scoreCase(e, '--peg-activity', '3 ', on),
    scoreCase(e, '--pain', LONG[0]!, off),
    scoreCase(e, '--peg-pain', LONG[3]!, on),
    doneCase(e, "'; DROP TABLE checkins; --", off),
    doneCase(e, e.sessionIds.join(',').toUpperCase(), off),
    noteCase(e, "'; DROP TABLE checkins; --", off),
    noteCase(e, '\u001b[31mred\u001b[0m', on),
    noteCase(e, LONG[1]!, off),
    weeksCase('0', false, off),
    weeksCase('9'.repeat(400), false, on),
    weeksCase('4', true, on),
    vocabCase('--type', 'Strength', off),
    vocabCase('--region', '$(rm -rf /)', on),
    showCase(e, 'sit-to-stand ', off),
    showCase(e, LONG[2]!, off),
    swapCase(e, 'id', '$(rm -rf /)', off),
    swapCase(e, '--with', '\u001b[2J', on),
    goalsCase(e, '5,6', off),
    goalsCase(e, '1e1', on),
    pathCase(e, '--answers', 'dir', 'x', ' ', false, off),
    pathCase(e, '--answers', 'missingParent', 'x.json', ' ', false, on),
    pathCase(e, '--answers', 'empty', 'x', ' ', false, off),
    pathCase(e, '--answers', 'unreadable', 'x', ' ', false, off),
    pathCase(e, 'import', 'dir', 'x', ' ', true, off),
    pathCase(e, 'import', 'long', 'x', ' ', true, on),
    pathCase(e, 'import', 'newNameValid', "'; DROP TABLE checkins; --", ' ', false, off),
    pathCase(e, '--out', 'dir', 'x', ' ', false, off),
    pathCase(e, '--out', 'long', 'x', ' ', false, off),
    pathCase(e, '--out', 'newName', '$(rm -rf ~)', ' ', false, on),
    pathCase(e, '--csv', 'underFile', 'x', ' ', false, off),
    pathCase(e, '--html', 'missingParent', 'r.html', ' ', false, off),
    pathCase(e, '--html', 'dir', 'x', ' ', false, on),
    pathCase(e, '--home', 'empty', 'x', ' ', true, off),
    pathCase(e, '--home', 'underFile', 'x', ' ', true, on),
    pathCase(e, '--home', 'long', 'x', ' ', false, off),
    extraArgCase(e, 4, 'extra', off), // undo --yes extra: refused before anything is removed
    unknownOptionCase(e, 5, 'pian', on),
    unknownCommandCase('$(rm -rf /)', off),
    ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => comboCase(e, i, i % 2 ? on : off)),
    pathCase(e, '--home', 'cannotCreate', 'x', ' ', true, off),
    pathCase(e, '--csv', 'cannotCreate', 'x', ' ', true, on),
    fileCase(e, 'answers', { kind: 'structural', steps: [{ op: 'range', pick: 0, choice: 4, key: 'x' }] }, false, false, off),
    fileCase(e, 'answers', { kind: 'textual', op: 'truncate', cut: 200, garbage: new Uint8Array() }, true, false, on),
    fileCase(e, 'export', { kind: 'structural', steps: [{ op: 'badString', pick: 3, choice: 0, key: 'x' }] }, false, true, off),
    fileCase(e, 'export', { kind: 'textual', op: 'utf16', cut: 0, garbage: new Uint8Array() }, false, true, on),
    // control characters from the input must not reach the terminal raw
    fileCase(e, 'answers', { kind: 'structural', steps: [{ op: 'addKey', pick: 0, choice: 0, key: '\u001b[2J' }] }, false, false, off),
    fileCase(e, 'answers', { kind: 'textual', op: 'garbage', cut: 0, garbage: new Uint8Array([0x1b, 0x5b, 0x32, 0x4a, 0x07]) }, true, false, off),
    scoreCase(e, '--pain', '3\u007f\u009b31m', off),
  ];
}

describe('bad input, everywhere (property-based)', () => {
  it(`every flag and argument: ${FLAG_RUNS} random hostile values plus the named ones`, () => {
    const examples = namedExamples(env).map((c) => [c] as [FuzzCase]);
    fc.assert(fc.property(flagCases(env), check), { numRuns: FLAG_RUNS, seed: SEED, examples, endOnFailure: true });
  }, 300_000);

  it(`answers and export files: ${FILE_RUNS} random mutations (missing keys, wrong types, unknown keys, truncation, encodings)`, () => {
    fc.assert(fc.property(fileCases(env), check), { numRuns: FILE_RUNS, seed: SEED, endOnFailure: true });
  }, 300_000);

  it('ran at least 200 cases', () => {
    expect(ran).toBeGreaterThanOrEqual(200);
  });
});
