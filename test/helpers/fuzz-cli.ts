// The prepared data folder and the per-case runner of test/fuzz-input.test.ts.
// One home is prepared once (intake, logs, a swap, weekly measures) and kept pristine: every case
// that must not write runs against it and proves, by a content hash of every table, that it did
// not; a case expected to write successfully runs against a fresh copy.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { BIN, cliEnv, dbHash, run, runJson, tempHome, writeJson } from './cli';
import type { Json } from './fuzz-files';
import { addDays, escapeControls, localToday } from './fuzz-values';

export interface FuzzEnv {
  scratch: string;
  /** The shared data folder; must hash the same after every case that fails or only reads. */
  home: string;
  pristine: string;
  hash: string;
  /** HOME and XDG_DATA_HOME of every spawned CLI: a fall-back to the default data folder lands here. */
  fakeUserHome: string;
  realToday: string;
  /** Date of the (only) intake. */
  d0: string;
  /** A past day with a session, not logged yet, and its exercise ids. */
  sessionDate: string;
  sessionIds: string[];
  /** An exercise in the plan for the next seven days (what swap accepts). */
  swapFrom: string;
  /** A past day for weekly measures. */
  checkinDate: string;
  goals: number;
  libraryIds: string[];
  answers: Json;
  answersFile: string;
  exportDoc: Json;
  exportFile: string;
  /** A regular file and a folder that exist (for path values). */
  aFile: string;
  aDir: string;
}

function ok(args: string[], home: string): string {
  const r = run(args, { home });
  if (r.code !== 0) throw new Error(`setup: painfit ${args.join(' ')} → exit ${r.code}\n${r.stderr}`);
  return r.stdout;
}

interface PlanDay {
  date: string;
  status: string;
  exercises: { id: string; optional?: boolean }[];
}

export function prepareFuzzEnv(libraryIds: string[]): FuzzEnv {
  const home = tempHome('painfit-fuzz-');
  const scratch = path.dirname(home);
  const realToday = localToday();
  const d0 = addDays(realToday, -70);

  const answers = JSON.parse(ok(['intake', '--template'], home)) as Json;
  const answersFile = writeJson(scratch, 'answers.json', answers);
  ok(['intake', '--answers', answersFile, '--date', d0], home);

  const sessions = (from: string): PlanDay[] =>
    (runJson<{ days: PlanDay[] }>(['plan', '--date', from], { home }).json.days ?? []).filter((d) => d.status === 'session' && d.exercises.length > 0);
  const early = sessions(d0);
  if (early.length < 2) throw new Error(`setup: expected two sessions in the first week after ${d0}`);
  const [s1, s2] = [early[0]!, early[1]!];
  ok(['log', '--date', s1.date, '--pain', '4', '--done', 'all', '--during', '3', '--effort', '2', '--sleep', '6'], home);
  ok(['log', '--date', s2.date, '--pain', '5', '--done', 'all', '--note', 'stiff after the drive'], home);
  ok(['swap', s2.exercises[0]!.id, '--date', s2.date], home);
  ok(['checkin', '--date', s2.date, '--peg-pain', '5', '--peg-enjoyment', '6', '--peg-activity', '6', '--goals', '5'], home);

  const later = sessions(addDays(realToday, -14)).filter((d) => d.date < addDays(realToday, -1));
  if (later.length === 0) throw new Error('setup: no session in the last two weeks');
  const sessionDate = later[0]!.date;
  const sessionIds = runJson<{ exercises: { id: string }[] }>(['today', '--date', sessionDate], { home }).json.exercises.map((e) => e.id);

  const swapFrom = sessions(realToday).flatMap((d) => d.exercises).find((e) => !e.optional)?.id;
  if (!swapFrom) throw new Error('setup: nothing in the plan for the next seven days to swap');

  const exportFile = path.join(scratch, 'export.json');
  ok(['export', '--out', exportFile], home);
  const exportDoc = JSON.parse(fs.readFileSync(exportFile, 'utf8')) as Json;

  const pristine = path.join(scratch, 'pristine');
  fs.cpSync(home, pristine, { recursive: true });
  const aDir = path.join(scratch, 'a-folder');
  fs.mkdirSync(aDir);
  const aFile = writeJson(scratch, 'a-file.txt', 'just a file\n');
  const fakeUserHome = path.join(scratch, 'user-home');
  fs.mkdirSync(fakeUserHome);
  const goals = (answers as { goals: unknown[] }).goals.length;
  return {
    scratch,
    home,
    pristine,
    hash: dbHash(home),
    fakeUserHome,
    realToday,
    d0,
    sessionDate,
    sessionIds,
    swapFrom,
    checkinDate: addDays(realToday, -3),
    goals,
    libraryIds,
    answers,
    answersFile,
    exportDoc,
    exportFile,
    aFile,
    aDir,
  };
}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

/** 0 done, 2 bad input, 3 cannot proceed yet; 'ok-or-usage' when the domain decides (e.g. a swap). */
export type Expect = 0 | 2 | 3 | 'ok-or-usage';

export interface FuzzCase {
  /** The slot under attack, e.g. "log --pain". */
  what: string;
  /** The hostile value (for the report). */
  value: string;
  /** Arguments after `--home HOME` (which the runner adds unless ownHome). */
  args: string[];
  expect: Expect;
  /** On success the command writes the database: run it on a fresh copy of the home. */
  writes: boolean;
  /** An error message must contain one of these (the value, a prefix of it, or the flag when blank). */
  names: string[];
  /** ...and say what is accepted. */
  accepted: RegExp;
  /** File cases: each of these paths must be listed among the problems. */
  problems?: string[];
  input?: string | Buffer;
  /** Files to write into the case's working folder first. */
  files?: { name: string; bytes: Buffer | string; mode?: number }[];
  /** The case gives its own --home. */
  ownHome?: boolean;
  json: boolean;
  /** Extra check after a successful run, on the home it ran against. */
  after?: (home: string) => void;
}

/** Adds --json before the command or at the end of the options (before a `--`). */
export function withJson(args: string[], json: boolean, first: boolean): string[] {
  if (!json) return args;
  if (first) return ['--json', ...args];
  const sep = args.indexOf('--');
  return sep < 0 ? [...args, '--json'] : [...args.slice(0, sep), '--json', ...args.slice(sep)];
}

const STACK = /\n\s+at .+:\d+:\d+/;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const CRASH = /TypeError|RangeError|ReferenceError|SyntaxError:|unexpected failure|Maximum call stack/;

const clip = (s: string, n = 600) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
const show = (args: string[]) => args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(clip(a, 60)))).join(' ');

/** Every file under a folder, except SQLite's transient -wal/-shm/-journal files. */
function listing(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => !/-(wal|shm|journal)$/.test(f)).sort();
}

let copies = 0;

export function runCase(env: FuzzEnv, c: FuzzCase): void {
  const cwd = fs.mkdtempSync(path.join(env.scratch, 'cwd-'));
  for (const f of c.files ?? []) fs.writeFileSync(path.join(cwd, f.name), f.bytes, { mode: f.mode ?? 0o644 });
  const mayWrite = c.writes && (c.expect === 0 || c.expect === 'ok-or-usage');
  const home = mayWrite ? path.join(env.scratch, `copy-${++copies}`) : env.home;
  if (mayWrite) fs.cpSync(env.pristine, home, { recursive: true });
  const before = { hash: dbHash(home), files: listing(home) };

  const args = c.ownHome ? c.args : ['--home', home, ...c.args];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input: c.input ?? '',
    encoding: 'utf8',
    env: cliEnv({ HOME: env.fakeUserHome, XDG_DATA_HOME: path.join(env.fakeUserHome, 'xdg'), DEBUG: '' }),
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const where =
    `case: ${c.what} = ${JSON.stringify(clip(c.value, 80))}\n` +
    `painfit ${show(args)}\nexit ${r.status}${r.signal ? ` (${r.signal})` : ''}, expected ${c.expect}\n` +
    `stdout: ${clip(r.stdout ?? '')}\nstderr: ${clip(r.stderr ?? '')}`;

  try {
    expect(r.status, `did not finish\n${where}`).not.toBeNull();
    expect(r.stderr, `stack trace on stderr\n${where}`).not.toMatch(STACK);
    expect(r.stderr, `crash on stderr\n${where}`).not.toMatch(CRASH);
    // NO_COLOR is set, so painfit itself writes no escape sequences: any control character on
    // stderr came from the input (a key in a file, a pasted value) and could drive the terminal.
    expect(r.stderr, `raw control character on stderr\n${where}`).not.toMatch(CONTROL);
    expect(c.expect === 'ok-or-usage' ? [0, 2] : [c.expect], `exit code\n${where}`).toContain(r.status);
    if (r.status === 2) usageMessage(c, r.stdout, r.stderr, where);
    if (r.status !== 0 || !c.writes) {
      expect(dbHash(home), `database changed\n${where}`).toBe(before.hash);
      expect(listing(home), `files in the data folder changed\n${where}`).toEqual(before.files);
    }
    if (r.status === 0 && c.json && r.stdout.trim() !== '') {
      expect(() => JSON.parse(r.stdout), `--json output is not JSON\n${where}`).not.toThrow();
    }
    expect(fs.readdirSync(env.fakeUserHome), `wrote into the user's default data folder\n${where}`).toEqual([]);
    if (r.status === 0 && c.after) c.after(home);
  } finally {
    if (!mayWrite && dbHash(env.home) !== env.hash) {
      // Put the shared home back so one failure does not cascade into every later case.
      fs.rmSync(env.home, { recursive: true, force: true });
      fs.cpSync(env.pristine, env.home, { recursive: true });
    }
    if (mayWrite) fs.rmSync(home, { recursive: true, force: true });
    for (const f of fs.readdirSync(env.fakeUserHome)) fs.rmSync(path.join(env.fakeUserHome, f), { recursive: true, force: true });
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

/** Exit 2: stdout empty; one short paragraph (plus the list of problems) naming the value and what is accepted. */
function usageMessage(c: FuzzCase, stdout: string, stderr: string, where: string): void {
  expect(stdout, `stdout must be empty on an error\n${where}`).toBe('');
  let message: string;
  let problems: string[] = [];
  if (c.json) {
    const lines = stderr.trim().split('\n');
    expect(lines.length, `--json: stderr must be one JSON object on one line\n${where}`).toBe(1);
    let parsed: any;
    expect(() => (parsed = JSON.parse(lines[0]!)), `--json: stderr is not JSON\n${where}`).not.toThrow();
    expect(Object.keys(parsed), `--json: {"error":{…}} only\n${where}`).toEqual(['error']);
    expect(typeof parsed.error.code, `--json: error.code\n${where}`).toBe('string');
    expect(typeof parsed.error.message, `--json: error.message\n${where}`).toBe('string');
    message = parsed.error.message;
    if (parsed.error.problems !== undefined) {
      expect(Array.isArray(parsed.error.problems), `--json: error.problems is a list\n${where}`).toBe(true);
      problems = parsed.error.problems;
      for (const p of problems) expect(p, `--json: every problem starts with its path\n${where}`).toMatch(/^[^\n]*?: /);
    }
  } else {
    const at = stderr.search(/^(painfit|error): /m);
    expect(at, `no "painfit: …" message on stderr\n${where}`).toBeGreaterThanOrEqual(0);
    message = stderr.slice(at).trimEnd();
    problems = message.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.slice(4));
  }
  const head = message
    .split('\n')
    .filter((l) => !l.startsWith('  - '))
    .join('\n');
  expect(head, `the message is one paragraph\n${where}`).not.toMatch(/\n\s*\n/);
  expect(head.length, `the message is short\n${where}`).toBeLessThanOrEqual(600);
  expect(
    c.names.some((n) => message.includes(n)),
    `the message names the value (one of ${JSON.stringify(c.names.map((n) => clip(n, 40)))})\n${where}`,
  ).toBe(true);
  expect(message, `the message says what is accepted\n${where}`).toMatch(c.accepted);
  const listed = [message, ...problems].join('\n');
  for (const p of c.problems ?? []) {
    // A value retyped from null into an object ({} for a null clearance) is reported where it
    // falls short: at a field inside it ("clearance.date: is missing"), which names the path too.
    const at = (q: string) => [':', '.', '['].some((end) => listed.includes(`${q}${end}`));
    expect([p, escapeControls(p)].some(at), `problem "${p}" is listed with its path (or a field inside it)\n${where}`).toBe(true);
  }
}
