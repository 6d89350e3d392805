// What `painfit doctor` finds in the data folder. It only looks: the database is opened read-only,
// nothing is migrated, repaired, created or chmod-ed, and a damaged file is left exactly as it was.
import fs from 'node:fs';
import { DataError } from '../errors';
import {
  BUSY_TIMEOUT_MS,
  damagedError,
  FILE_MODE,
  FOLDER_MODE,
  foreignError,
  isDamageError,
  latestVersionOf,
  listBackups,
  newerError,
  openSnapshotCopy,
  openSqlite,
  readVersionProbe,
  type Db,
} from './db';
import { describeDiskProblem, diagnoseDisk, isStorageError, type DiskProblem } from './disk';
import { MIGRATIONS, type Migration } from './migrations';
import type { Paths } from './paths';

/** Bits that let anyone but the owner in: 0700 and 0600 have none of them. */
const OTHERS_MASK = 0o077;
/** integrity_check stops after this many problems: enough to judge, short enough to read. */
const INTEGRITY_MAX_MESSAGES = 20;

export interface FolderInfo {
  path: string;
  exists: boolean;
  /** e.g. "0700"; null when missing. */
  mode: string | null;
  /** Only the owner can get in (nothing looser than 0700). */
  private: boolean | null;
}

export interface FileInfo {
  path: string;
  size: number;
  mode: string;
  /** Only the owner can read it (nothing looser than 0600). */
  private: boolean;
  /** Last modified, ISO 8601. */
  modified: string;
}

/** Why painfit cannot use the data, and what to do about it (the same words the other commands use). */
export interface Problem {
  code: string;
  message: string;
}

export type DoctorStatus =
  /** No database yet: nothing has been saved. */
  | 'no-data'
  /** Readable, intact, a version this painfit knows (it may still need upgrading on next use). */
  | 'ok'
  | 'damaged'
  | 'newer'
  | 'foreign'
  | 'cannot-open';

export interface DoctorReport {
  folder: FolderInfo;
  database: (FileInfo & { exists: true; wal: FileInfo | null; shm: FileInfo | null }) | { path: string; exists: false };
  status: DoctorStatus;
  schema: {
    /** The file's data version (PRAGMA user_version); null when there is no readable file. */
    version: number | null;
    /** The latest data version this painfit knows. */
    latest: number;
    /** The next painfit command that opens it will upgrade it (keeping a backup first). */
    upgradePending: boolean;
  };
  /** PRAGMA integrity_check; null when it could not run. */
  integrity: { ok: boolean; messages: string[] } | null;
  /** Rows that point at a missing parent (PRAGMA foreign_key_check); null when it could not run. */
  foreignKeyProblems: number | null;
  /** Row count per table, by table name. */
  tables: Record<string, number>;
  backupFolder: FolderInfo;
  /** Oldest first. */
  backups: FileInfo[];
  /** Things to fix that do not stop painfit from working (e.g. a folder others can read). */
  warnings: string[];
  /** Why painfit cannot use this data (exit 1), with what to do about it; null when all is well. */
  problem: Problem | null;
}

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

function folderInfo(dir: string): FolderInfo {
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat) return { path: dir, exists: false, mode: null, private: null };
  return { path: dir, exists: true, mode: octal(stat.mode), private: (stat.mode & OTHERS_MASK) === 0 };
}

function fileInfo(file: string): FileInfo | null {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return null;
  return { path: file, size: stat.size, mode: octal(stat.mode), private: (stat.mode & OTHERS_MASK) === 0, modified: stat.mtime.toISOString() };
}

function modeWarnings(report: Pick<DoctorReport, 'folder' | 'database' | 'backupFolder' | 'backups'>): string[] {
  const warnings: string[] = [];
  const folder = (f: FolderInfo) => {
    if (f.exists && !f.private) warnings.push(`${f.path} is ${f.mode}: others on this computer can look inside. Fix: chmod ${octal(FOLDER_MODE).slice(1)} '${f.path}'`);
  };
  const file = (f: FileInfo | null) => {
    if (f && !f.private) warnings.push(`${f.path} is ${f.mode}: others on this computer can read it. Fix: chmod ${octal(FILE_MODE).slice(1)} '${f.path}'`);
  };
  folder(report.folder);
  if (report.database.exists) {
    file(report.database);
    file(report.database.wal);
    file(report.database.shm);
  }
  folder(report.backupFolder);
  report.backups.forEach(file);
  return warnings;
}

const asProblem = (e: DataError): Problem => ({ code: e.code, message: e.message });
/** The other commands' words for a damaged file, without sending the user to doctor: this is doctor. */
const damaged = (paths: Paths, reason: string) => damagedError(paths, reason, false);

interface Findings {
  status: DoctorStatus;
  version: number | null;
  integrity: DoctorReport['integrity'];
  foreignKeyProblems: number | null;
  tables: Record<string, number>;
  problem: Problem | null;
  /** Set when the data can be read but not saved (a read-only folder, a full disk). */
  cannotSave?: DiskProblem;
}

/**
 * A read-only connection; on a read-only folder or a full disk (where SQLite cannot make its -shm
 * file even to read), an in-memory copy of the file instead, and the reason is noted.
 */
function openForLooking(paths: Paths, findings: Findings): Db {
  let db: Db | undefined;
  try {
    db = openSqlite(paths.db, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    readVersionProbe(db);
    return db;
  } catch (error) {
    db?.close();
    const problem = isStorageError(error) ? diagnoseDisk(paths.home, error) : undefined;
    if (!problem) throw error;
    findings.cannotSave = problem;
    return openSnapshotCopy(paths.db);
  }
}

/** Everything doctor learns from the file itself, through a read-only connection. */
function examine(paths: Paths, latest: number): Findings {
  const findings: Findings = { status: 'ok', version: null, integrity: null, foreignKeyProblems: null, tables: {}, problem: null };
  let db: Db;
  try {
    db = openForLooking(paths, findings);
  } catch (error) {
    if (error instanceof DataError) throw error; // painfit's SQLite component, not the file: its own message
    const reason = (error as Error).message;
    if (isDamageError(error)) return { ...findings, status: 'damaged', integrity: { ok: false, messages: [reason] }, problem: asProblem(damaged(paths, reason)) };
    return {
      ...findings,
      status: 'cannot-open',
      problem: {
        code: 'CANNOT_OPEN',
        message: `${paths.db} cannot be opened (${reason}). painfit has not changed it. Check that it is a file you can read, in a folder you own.`,
      },
    };
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const { version, objects } = readVersionProbe(db);
    findings.version = version;
    if (version > latest) {
      findings.status = 'newer';
      findings.problem = asProblem(newerError(paths, version, latest));
    } else if (version === 0 && objects > 0) {
      // Someone else's data: counting its tables is none of painfit's business.
      return { ...findings, status: 'foreign', problem: asProblem(foreignError(paths, objects, false)) };
    }
    const messages = (db.pragma(`integrity_check(${INTEGRITY_MAX_MESSAGES})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
    findings.integrity = { ok: messages.length === 1 && messages[0] === 'ok', messages };
    findings.foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").pluck().all() as string[];
    for (const name of tables) {
      findings.tables[name] = (db.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number) ?? 0;
    }
    if (!findings.integrity.ok) {
      findings.status = 'damaged';
      findings.problem = asProblem(damaged(paths, `integrity check: ${messages.slice(0, 3).join('; ')}${messages.length > 3 ? '; …' : ''}`));
    } else if (findings.foreignKeyProblems > 0 && !findings.problem) {
      findings.status = 'damaged';
      findings.problem = asProblem(damaged(paths, `${findings.foreignKeyProblems} row(s) refer to rows that are missing`));
    }
    return findings;
  } catch (error) {
    if (!isDamageError(error)) throw error;
    const reason = (error as Error).message;
    return { ...findings, status: 'damaged', integrity: { ok: false, messages: [reason] }, problem: asProblem(damaged(paths, reason)) };
  } finally {
    db.close();
  }
}

/**
 * A read-only connection to a WAL database creates -wal and -shm and, unable to checkpoint, leaves
 * them behind. When doctor created them (they were not there before and the log is empty), a normal
 * connection opened and closed lets SQLite remove them the safe way: only if no other terminal has
 * the database open, and with nothing to copy into the file.
 */
function tidyJournalFiles(paths: Paths, hadWal: boolean, hadShm: boolean): void {
  const wal = fileInfo(paths.db + '-wal');
  const leftover = (!hadWal && wal !== null) || (!hadShm && fs.existsSync(paths.db + '-shm'));
  if (!leftover || (wal && wal.size > 0)) return;
  let db: Db | undefined;
  try {
    db = openSqlite(paths.db, { fileMustExist: true });
    db.pragma('user_version');
  } catch {
    // A damaged file fails here too; closing below still removes what the read-only look created.
  } finally {
    db?.close();
  }
}

export function inspectDataFolder(paths: Paths, migrations: readonly Migration[] = MIGRATIONS): DoctorReport {
  const latest = latestVersionOf(migrations);
  const hadWal = fs.existsSync(paths.db + '-wal');
  const hadShm = fs.existsSync(paths.db + '-shm');
  const dbFile = fileInfo(paths.db);
  let findings: Findings = { status: 'no-data', version: null, integrity: null, foreignKeyProblems: null, tables: {}, problem: null };
  if (dbFile) {
    findings = examine(paths, latest);
    tidyJournalFiles(paths, hadWal, hadShm);
  }
  const base = {
    folder: folderInfo(paths.home),
    database: dbFile
      ? { ...dbFile, exists: true as const, wal: fileInfo(paths.db + '-wal'), shm: fileInfo(paths.db + '-shm') }
      : { path: paths.db, exists: false as const },
    backupFolder: folderInfo(paths.backups),
    backups: listBackups(paths)
      .map(fileInfo)
      .filter((b): b is FileInfo => b !== null),
  };
  return {
    status: findings.status,
    problem: findings.problem,
    folder: base.folder,
    database: base.database,
    schema: {
      version: findings.version,
      latest,
      upgradePending: findings.status === 'ok' && findings.version !== null && findings.version < latest,
    },
    integrity: findings.integrity,
    foreignKeyProblems: findings.foreignKeyProblems,
    tables: findings.tables,
    backupFolder: base.backupFolder,
    backups: base.backups,
    warnings: [
      ...(findings.cannotSave ? [`painfit can read your data but cannot save anything now: ${describeDiskProblem(findings.cannotSave, paths.home)}.`] : []),
      ...modeWarnings(base),
    ],
  };
}
