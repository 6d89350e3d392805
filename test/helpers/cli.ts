// Spawns the built CLI (node bin/painfit.js) against a temporary data folder.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'painfit.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function tempHome(prefix = 'painfit-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return path.join(dir, 'home');
}

/** Environment for a spawned CLI: no colour, no inherited PAINFIT_HOME, no CA-cert preload. */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete env.PAINFIT_HOME;
  delete env.FORCE_COLOR;
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

export function run(args: string[], opts: { home?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const fullArgs = opts.home ? ['--home', opts.home, ...args] : args;
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...fullArgs], {
    encoding: 'utf8',
    input: opts.input ?? '',
    env: cliEnv(opts.env),
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runJson<T = any>(args: string[], opts: { home?: string; input?: string } = {}): { code: number | null; json: T; stderr: string } {
  const r = run([...args, '--json'], opts);
  let json: T;
  try {
    json = JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
  return { code: r.code, json, stderr: r.stderr };
}

/** A content hash of every table: proves "nothing was written". Missing database → 'absent'. */
export function dbHash(home: string): string {
  const file = path.join(home, 'painfit.db');
  if (!fs.existsSync(file)) return 'absent';
  const db = new Database(file, { readonly: true });
  try {
    const hash = crypto.createHash('sha256');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    hash.update(String(db.pragma('user_version', { simple: true })));
    for (const { name } of tables) {
      hash.update(name);
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

export function query<T = any>(home: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(home, 'painfit.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function writeJson(dir: string, name: string, value: unknown): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

/** Weekly measures through `painfit checkin` (PEG 4/5/5, one goal re-rated 6); fails the test if it fails. */
export function addWeeklyMeasures(home: string, date: string): void {
  const r = run(['checkin', '--date', date, '--peg-pain', '4', '--peg-enjoyment', '5', '--peg-activity', '5', '--goals', '6'], { home });
  if (r.code !== 0) throw new Error(`painfit checkin failed (exit ${r.code}): ${r.stderr}`);
}

/** Every file under `home` with its mode and content hash: proves nothing was written, added or removed. */
export function folderSnapshot(home: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(home)) return out;
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const stat = fs.statSync(file);
      if (stat.isDirectory()) walk(file);
      else out[path.relative(home, file)] = `${(stat.mode & 0o777).toString(8)} ${crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`;
    }
  };
  walk(home);
  return out;
}
