// Soak (issue 13): 2 writers × 300 `painfit log` against 20 `import --replace` and 50 `undo --yes`,
// all at once on one data folder. Every log that exited 0 must be in the database, in a backup that
// import --replace kept, or in the output of the undo that removed it; no "database is locked";
// integrity ok. Long: not part of `npm test`. Run: npm run build && npm run soak
// (SOAK_LOGS / SOAK_IMPORTS / SOAK_UNDOS scale it). The figures are printed and written to
// test/soak/last-run.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { INTAKE_TEMPLATE } from '../../src/schema/intake';
import { listBackups } from '../../src/store/db';
import { pathsFor } from '../../src/store/paths';
import { BIN, cliEnv, run, tempHome, writeJson } from '../helpers/cli';
import { integrityOf } from '../helpers/crash';

const LOGS = Number(process.env.SOAK_LOGS ?? 300);
const IMPORTS = Number(process.env.SOAK_IMPORTS ?? 20);
const UNDOS = Number(process.env.SOAK_UNDOS ?? 50);
const LOCKED = /database is locked|SQLITE_BUSY|SQLITE_LOCKED/i;

/**
 * One "terminal": runs `painfit <args>` COUNT times (spawnSync of the built CLI) and prints every
 * result as JSON. {i} in an argument is replaced by the call's number. A writer (pace 0) adds a byte
 * to the progress file after each call; a disruptor (pace = the writers' total) spreads its calls
 * evenly over the writers' run, whatever the machine's speed, by waiting for their progress.
 */
const TERMINAL = `
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const [bin, home, count, pace, progress, ...args] = process.argv.slice(2);
const results = [];
const wait = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const done = () => { try { return fs.statSync(progress).size; } catch { return 0; } };
for (let i = 0; i < Number(count); i++) {
  if (Number(pace) > 0) while (done() < ((i + 1) * Number(pace)) / (Number(count) + 1)) wait(20);
  const r = spawnSync(process.execPath, [bin, '--home', home, ...args.map((a) => a.replace('{i}', String(i)))], { encoding: 'utf8', input: '' });
  results.push({ i, code: r.status, stdout: r.stdout, stderr: r.stderr });
  if (Number(pace) === 0) fs.appendFileSync(progress, '.');
}
process.stdout.write(JSON.stringify(results));
`;

interface CallResult {
  i: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

function terminal(script: string, home: string, count: number, pace: number, args: string[]): Promise<CallResult[]> {
  return new Promise((resolve, reject) => {
    const progress = path.join(path.dirname(script), 'progress');
    const child = spawn(process.execPath, [script, BIN, home, String(count), String(pace), progress, ...args], { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as CallResult[]) : reject(new Error(`terminal exited ${code}: ${err}`))));
  });
}

function notesIn(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT note FROM checkins WHERE note IS NOT NULL').pluck().all() as string[];
  } finally {
    db.close();
  }
}

const codes = (rs: CallResult[]) => rs.reduce<Record<string, number>>((m, r) => ((m[String(r.code)] = (m[String(r.code)] ?? 0) + 1), m), {});

it(`${LOGS * 2} logs from 2 terminals against ${IMPORTS} import --replace and ${UNDOS} undo --yes: nothing lost`, async () => {
  const home = tempHome('painfit-soak-');
  const dir = path.dirname(home);
  const script = path.join(dir, 'terminal.cjs');
  fs.writeFileSync(script, TERMINAL);
  expect(run(['intake', '--answers', writeJson(dir, 'a.json', INTAKE_TEMPLATE), '--date', '2026-01-05'], { home }).code).toBe(0);
  for (let d = 5; d <= 9; d++) expect(run(['log', '--date', `2026-01-0${d}`, '--pain', '4', '--note', `baseline ${d}`], { home }).code).toBe(0);
  const exported = path.join(dir, 'baseline.json');
  expect(run(['export', '--out', exported], { home }).code).toBe(0);

  const started = Date.now();
  const [a, b, imports, undos] = await Promise.all([
    terminal(script, home, LOGS, 0, ['log', '--date', '2026-01-07', '--pain', '3', '--done', 'all', '--note', 'A {i}', '--json']),
    terminal(script, home, LOGS, 0, ['log', '--date', '2026-01-08', '--pain', '5', '--note', 'B {i}', '--json']),
    terminal(script, home, IMPORTS, LOGS * 2, ['import', exported, '--replace', '--json']),
    terminal(script, home, UNDOS, LOGS * 2, ['undo', '--yes', '--json']),
  ]);
  const seconds = (Date.now() - started) / 1000;

  const saved = [...a, ...b].filter((r) => r.code === 0).map((r) => (JSON.parse(r.stdout) as { checkin: { note: string } }).checkin.note);
  const undone = undos
    .filter((r) => r.code === 0)
    .flatMap((r) => ((JSON.parse(r.stdout).removed?.checkins ?? []) as { note: string | null }[]).map((c) => c.note));
  const backups = listBackups(pathsFor(home));
  const found = new Set([...notesIn(path.join(home, 'painfit.db')), ...backups.flatMap(notesIn), ...undone]);
  const lost = saved.filter((n) => !found.has(n));
  const all = [...a, ...b, ...imports, ...undos];
  const figures = {
    seconds,
    logs: { calls: a.length + b.length, exitCodes: codes([...a, ...b]) },
    imports: { calls: imports.length, exitCodes: codes(imports) },
    undos: { calls: undos.length, exitCodes: codes(undos), removedCheckins: undone.length },
    backupsKept: backups.length,
    savedLogs: saved.length,
    lostLogs: lost.length,
    lockErrors: all.filter((r) => LOCKED.test(r.stderr)).length,
    integrity: integrityOf(path.join(home, 'painfit.db')),
  };
  fs.writeFileSync(path.join(__dirname, 'last-run.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));

  expect(lost).toEqual([]);
  expect(figures.lockErrors).toBe(0);
  expect(figures.integrity).toBe('ok');
  expect(figures.logs.exitCodes).toEqual({ 0: LOGS * 2 });
  expect(figures.imports.exitCodes).toEqual({ 0: IMPORTS });
  // An undo refuses (exit 2, "nothing was removed") when a log lands between showing and removing.
  expect(Object.keys(figures.undos.exitCodes).filter((c) => c !== '0' && c !== '2')).toEqual([]);
});
