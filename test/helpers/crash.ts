// Helpers for the crash test (issue 5, item 3): a large export file built directly in the export
// format, a content hash of the stored facts, and a seeded random source so a failing run can be
// repeated with CRASH_SEED=<seed>.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { IntakeAnswers } from '../../src/domain/intake';
import { INTAKE_TEMPLATE } from '../../src/schema/intake';
import { EXPORT_FORMAT, EXPORT_VERSION, TABLES, type ExportFile, type ExportRow, type TableName } from '../../src/schema/export';
import { LATEST_VERSION } from '../../src/store/migrations';
import { LIBRARY } from './coach';

const NOTE_FILLER =
  'Stiff on waking, eased after the walk; stairs slower than usual but no sharp pain; slept better after the stretches; mood fine, a bit tired in the afternoon; ';

/** Days from a start date (UTC midnights: no clock, no time zone). */
function dayAfter(start: string, days: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface BigExportOptions {
  /** Days of history: one check-in and `perDay` completions each, a measures row every 7th day. */
  days: number;
  perDay?: number;
  start?: string;
  /** Varies the values, so two files built with different seeds hold different facts. */
  seed?: number;
  name?: string;
}

/**
 * A valid export with many rows, shaped like years of daily use: one intake, then per day a `log`
 * entry with its check-in and completions, and once a week a `measures` entry with its row.
 */
export function bigExport(opts: BigExportOptions): ExportFile {
  const { days, perDay = 3, start = '2016-01-04', seed = 1, name = 'Sam' } = opts;
  const rnd = seeded(seed);
  const score = () => Math.floor(rnd() * 11);
  const at = (date: string, hh: number) => `${date}T${String(hh).padStart(2, '0')}:30:00.000Z`;
  const answers: IntakeAnswers = { ...structuredClone(INTAKE_TEMPLATE), about: { name, age: 58 } };
  const intakes: ExportRow[] = [{ id: 1, date: start, recorded_at: at(start, 7), answers_version: answers.version, answers, keeps_progress: 0 }];
  const entries: ExportRow[] = [];
  const checkins: ExportRow[] = [];
  const completions: ExportRow[] = [];
  const measures: ExportRow[] = [];
  const ids = LIBRARY.map((e) => e.id);
  for (let i = 0; i < days; i++) {
    const date = dayAfter(start, i);
    const entry = entries.length + 1;
    entries.push({ id: entry, kind: 'log', recorded_at: at(date, 18), replaced: [] });
    checkins.push({
      id: checkins.length + 1,
      entry_id: entry,
      date,
      recorded_at: at(date, 18),
      pain: score(),
      during: score(),
      effort: score(),
      sleep: i % 3 === 0 ? null : score(),
      // Long enough that the import outgrows SQLite's page cache and spills into the WAL before it
      // commits: a kill then finds uncommitted frames there, the case recovery must ignore.
      note: i % 5 === 4 ? null : `day ${i}: knees “ok”, walked ${i % 40} min. ${NOTE_FILLER.repeat(3).slice(0, 200 + (i % 200))}`,
    });
    for (let k = 0; k < perDay; k++) {
      completions.push({ date, exercise_id: ids[(i * perDay + k) % ids.length]!, done: rnd() < 0.8 ? 1 : 0, minutes: 1 + k + (i % 7) / 2, entry_id: entry });
    }
    if (i % 7 === 6) {
      const m = entries.length + 1;
      entries.push({ id: m, kind: 'measures', recorded_at: at(date, 19), replaced: [] });
      measures.push({
        id: measures.length + 1,
        entry_id: m,
        date,
        recorded_at: at(date, 19),
        peg_pain: score(),
        peg_enjoyment: score(),
        peg_activity: score(),
        goals: [{ activity: 'walk to the shops', score: score() }],
      });
    }
  }
  const tables: Record<TableName, ExportRow[]> = {
    intakes,
    entries,
    checkins,
    completions,
    swaps: [],
    measures,
    clearances: [],
    rechecks: [],
    unwell: [],
    settings: [],
    lesson_reads: [],
    flare_plans: [],
    flares: [],
    feedback: [],
    walks: [],
  };
  const file: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, schemaVersion: LATEST_VERSION, exportedAt: '2026-01-01T12:00:00.000Z' };
  for (const t of TABLES) if (t.since <= LATEST_VERSION) file[t.name] = tables[t.name];
  return file;
}

export function rowCount(file: ExportFile): number {
  return TABLES.reduce((n, t) => n + (file[t.name]?.length ?? 0), 0);
}

export interface Facts {
  /** Rows per described table (0 for a table or database that does not exist). */
  counts: Record<TableName, number>;
  /** sha256 over every row of every described table, in primary-key order. */
  hash: string;
}

/** No database, an empty file, or a database with no rows: all the same "nothing stored". */
export function factsOf(dbFile: string): Facts {
  const counts = {} as Record<TableName, number>;
  const hash = crypto.createHash('sha256');
  const db = fs.existsSync(dbFile) ? new Database(dbFile, { readonly: true, fileMustExist: true }) : null;
  try {
    const present = new Set(
      db ? (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name) : [],
    );
    for (const t of TABLES) {
      hash.update(`\u0000${t.name}\u0000`);
      if (!db || !present.has(t.name)) {
        counts[t.name] = 0;
        continue;
      }
      const rows = db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${t.key.map((k) => `"${k}"`).join(', ')}`).raw().all() as unknown[][];
      counts[t.name] = rows.length;
      for (const r of rows) hash.update(JSON.stringify(r));
    }
  } finally {
    db?.close();
  }
  return { counts, hash: hash.digest('hex') };
}

/** PRAGMA integrity_check of a database file ('ok' when whole). */
export function integrityOf(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** Copies a data folder (closed databases only: no -wal in the copy means none was open). */
export function copyHome(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true });
}

/** mulberry32: a small, fast, seedable generator. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the watcher sees of a data folder, polled every millisecond while the import runs. */
export interface FolderState {
  /** Milliseconds since the import was spawned. */
  ms: number;
  dbSize: number;
  /** -1 when there is no -wal file. */
  walSize: number;
  /** Files in backups/ (finished or not). */
  backupFiles: string[];
}

export interface WatchedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The state seen when the kill was sent (undefined: the import ended first). */
  killedAt?: FolderState;
  /** The first state in which the -wal file existed. */
  walSeen?: FolderState;
  /** The largest -wal seen, and when the import ended. */
  walMax: number;
  endMs: number;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}

function stateOf(home: string, ms: number): FolderState {
  const db = path.join(home, 'painfit.db');
  let backupFiles: string[] = [];
  try {
    backupFiles = fs.readdirSync(path.join(home, 'backups'));
  } catch {
    // not created yet
  }
  return { ms, dbSize: sizeOf(db), walSize: sizeOf(`${db}-wal`), backupFiles };
}

/**
 * Spawns the built CLI, polls the data folder every millisecond, and sends SIGKILL the first time
 * `shouldKill` says so (never, when it is omitted: a calibration run).
 */
export function watchedRun(bin: string, args: string[], home: string, env: NodeJS.ProcessEnv, shouldKill?: (s: FolderState, walSeen?: FolderState) => boolean): Promise<WatchedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, '--home', home, ...args], { env, stdio: 'ignore' });
    const result: WatchedRun = { code: null, signal: null, walMax: -1, endMs: 0 };
    const poll = () => {
      const s = stateOf(home, performance.now() - started);
      if (s.walSize >= 0 && !result.walSeen) result.walSeen = s;
      result.walMax = Math.max(result.walMax, s.walSize);
      if (shouldKill && !result.killedAt && shouldKill(s, result.walSeen)) {
        result.killedAt = s;
        child.kill('SIGKILL');
      }
    };
    const timer = setInterval(poll, 1);
    poll();
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      result.code = code;
      result.signal = signal;
      result.endMs = performance.now() - started;
      // A kill sent after the process had already finished its work is not a crash.
      if (signal !== 'SIGKILL') delete result.killedAt;
      resolve(result);
    });
  });
}
