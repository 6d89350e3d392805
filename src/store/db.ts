// Opening the database: permissions, pragmas, migrations and the backup kept before migrating.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataError } from '../errors';
import { MIGRATIONS, type Migration } from './migrations';
import type { Paths } from './paths';

export type Db = Database.Database;

/** Health data: only the user may read the folder and files (umask 077 covers -wal, -shm and backups). */
const PRIVATE_UMASK = 0o077;
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
/** Two terminals logging at once wait for each other instead of failing with "database is locked". */
const BUSY_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Create the folder and database when missing (commands that write). Otherwise a missing database gives `null`. */
  create: boolean;
  migrations?: readonly Migration[];
  /** Clock for backup file names; injectable for tests. */
  now?: () => Date;
}

export function openDb(paths: Paths, options: OpenOptions): Db | null {
  const exists = fs.existsSync(paths.db);
  if (!exists && !options.create) return null;
  process.umask(PRIVATE_UMASK);
  if (!fs.existsSync(paths.home)) {
    fs.mkdirSync(paths.home, { recursive: true, mode: FOLDER_MODE });
    fs.chmodSync(paths.home, FOLDER_MODE);
  }
  const db = new Database(paths.db);
  try {
    const version = readVersion(db, paths);
    const migrations = options.migrations ?? MIGRATIONS;
    const latest = Math.max(0, ...migrations.map((m) => m.version));
    if (version > latest) {
      throw new DataError(
        `${paths.db} was written by a newer version of painfit (data version ${version}; this painfit knows up to ${latest}). ` +
          'It has not been changed. Update painfit to use it.',
        'NEWER_DATABASE',
      );
    }
    fs.chmodSync(paths.db, FILE_MODE);
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (version < latest) {
      if (version > 0) backupBeforeMigrating(db, paths, version, options.now ?? (() => new Date()));
      migrate(db, migrations, version);
    }
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(paths.db + suffix)) fs.chmodSync(paths.db + suffix, FILE_MODE);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function readVersion(db: Db, paths: Paths): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    const latest = latestBackup(paths);
    throw new DataError(
      `${paths.db} cannot be read: it looks damaged (${(error as Error).message}). painfit has not changed it. ` +
        (latest ? `The most recent backup is ${latest}.` : 'No backup was found in ' + paths.backups + '.') +
        ' Move the damaged file aside and copy a backup to painfit.db, or run painfit doctor.',
      'DAMAGED_DATABASE',
    );
  }
}

/** All pending steps in one transaction: either every step applies, or none. */
export function migrate(db: Db, migrations: readonly Migration[], from: number): void {
  const pending = [...migrations].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

function backupBeforeMigrating(db: Db, paths: Paths, version: number, now: () => Date): string {
  fs.mkdirSync(paths.backups, { recursive: true, mode: FOLDER_MODE });
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const file = path.join(paths.backups, `painfit-v${version}-${stamp}.db`);
  // VACUUM INTO writes a consistent copy, including anything still in the WAL.
  db.prepare('VACUUM INTO ?').run(file);
  fs.chmodSync(file, FILE_MODE);
  return file;
}

export function listBackups(paths: Paths): string[] {
  if (!fs.existsSync(paths.backups)) return [];
  return fs
    .readdirSync(paths.backups)
    .filter((f) => f.endsWith('.db'))
    .map((f) => path.join(paths.backups, f))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs || a.localeCompare(b));
}

export function latestBackup(paths: Paths): string | undefined {
  return listBackups(paths).at(-1);
}
