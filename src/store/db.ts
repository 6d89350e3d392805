// Opening the database: permissions, pragmas, migrations and the backup kept before migrating.
//
// Three promises hold here, and the tests in test/damaged.test.ts, test/concurrency.test.ts and
// test/privacy.test.ts prove them:
// - a damaged, foreign or newer file is refused before anything is written to it: no "repair",
//   no re-creation, no journal switch, no chmod, no -wal/-shm left behind;
// - two terminals may open, migrate and write at the same time: they wait for each other;
// - the folder is 0700 and every file painfit writes is 0600, whatever the umask.
import fs from 'node:fs';
import { requireHere } from '../builtin';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataError } from '../errors';
import { MIGRATIONS, type Migration } from './migrations';
import type { Paths } from './paths';
import { describeDiskProblem, diagnoseDisk, isStorageError, type DiskProblem } from './disk';
import { FOLDER_MODE, makePrivateFolder } from './folders';
import { writePrivateFile } from './private-file';

export type Db = Database.Database;

interface Addon {
  /** The addon's path, or null when it is not there. */
  binding: string | null;
  /** The folder painfit is installed in (where `npm rebuild better-sqlite3` must run). */
  installDir: string;
  /** The installed better-sqlite3's version. */
  version: string | undefined;
}
let addon: Addon | null | undefined;

/**
 * The addon's path, found once. Handing it to better-sqlite3 skips the `bindings` package,
 * which searches a dozen candidate paths on every start; when it cannot be found here,
 * better-sqlite3 searches as usual.
 */
function findAddon(): Addon | null {
  if (addon !== undefined) return addon;
  try {
    const from = requireHere();
    const pkgFile = from.resolve('better-sqlite3/package.json');
    const dir = path.dirname(pkgFile);
    const file = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
    let version: string | undefined;
    if (typeof PAINFIT_SQLITE_VERSION === 'string') version = (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { version?: string }).version;
    addon = { binding: fs.existsSync(file) ? file : null, installDir: path.resolve(dir, '..', '..'), version };
  } catch {
    addon = null;
  }
  return addon;
}

/** What fixes a broken SQLite component: rebuilding the addon for this Node, in painfit's folder. */
const rebuildFix = (a: Addon | null) => `Fix: run npm rebuild better-sqlite3${a ? ` in ${a.installDir}` : " in painfit's folder"} (or reinstall painfit).`;

/** dlopen's words for an addon built for another Node, another system, or not an addon at all. */
const ADDON_LOAD_FAILURE = /NODE_MODULE_VERSION|was compiled against a different|invalid ELF header|wrong ELF class|not a valid Win32|Module did not self-register|cannot open shared object|image not found|ERR_DLOPEN_FAILED/;

/**
 * Node's addon ABI number (process.versions.modules) of each Node line painfit supports, read off
 * Node 20.20, 22.23 and 24.22: to name the Node an addon was built for, not just its number.
 */
const NODE_LINE_OF_ABI: Readonly<Record<string, string>> = { '115': 'Node 20', '127': 'Node 22', '137': 'Node 24' };

/**
 * Why dlopen refused the addon, in one line. Node's message for an addon built for another Node
 * starts "The module '<path>'" and gives the reason on the next lines (the same text on Node 20,
 * 22 and 24), so its first line alone says nothing: the usual case after upgrading Node.
 */
export function addonLoadReason(message: string): string {
  const abi = /NODE_MODULE_VERSION (\d+)\. This version of Node\.js requires\s+NODE_MODULE_VERSION (\d+)/.exec(message);
  if (abi) {
    const [, built = '', needed = ''] = abi;
    const builtFor = NODE_LINE_OF_ABI[built] ? `${NODE_LINE_OF_ABI[built]} (NODE_MODULE_VERSION ${built})` : `NODE_MODULE_VERSION ${built}`;
    return `it was built for ${builtFor}, and this Node needs NODE_MODULE_VERSION ${needed}`;
  }
  return message.replace(/\s*\n\s*/g, ' ').trim().replace(/\.$/, '');
}

/** Every SQLite connection painfit opens goes through here. */
export function openSqlite(file: string | Buffer, options: Database.Options = {}): Db {
  const found = findAddon();
  if (typeof PAINFIT_VERSION === 'string') {
    // Bundled, better-sqlite3 cannot search for its addon itself: say what is wrong and how to repair the install.
    if (!found?.binding) {
      throw new DataError(`painfit's SQLite component (better-sqlite3's native addon) is missing. ${rebuildFix(found)}`, 'MISSING_ADDON');
    }
    if (typeof PAINFIT_SQLITE_VERSION === 'string' && found.version !== PAINFIT_SQLITE_VERSION) {
      throw new DataError(
        `painfit was built with better-sqlite3 ${PAINFIT_SQLITE_VERSION}, but ${found.version ?? 'an unknown version'} is installed in ${found.installDir}: the two must match. ` +
          `Fix: run npm install better-sqlite3@${PAINFIT_SQLITE_VERSION} in ${found.installDir} (or reinstall painfit).`,
        'ADDON_VERSION_MISMATCH',
      );
    }
  }
  try {
    return new Database(file, found?.binding ? { ...options, nativeBinding: found.binding } : options);
  } catch (error) {
    const message = (error as Error).message ?? '';
    if ((error as { code?: unknown }).code === 'ERR_DLOPEN_FAILED' || ADDON_LOAD_FAILURE.test(message)) {
      throw new DataError(
        `painfit's SQLite component (better-sqlite3's native addon${found?.binding ? `, ${found.binding}` : ''}) cannot be loaded by Node ${process.version}: ${addonLoadReason(message)}. ${rebuildFix(found)}`,
        'BROKEN_ADDON',
      );
    }
    throw error;
  }
}

declare const PAINFIT_VERSION: string | undefined;
declare const PAINFIT_SQLITE_VERSION: string | undefined;

/** Health data: only the user may read the folder and files (umask 077 covers -wal, -shm and backups). */
const PRIVATE_UMASK = 0o077;
export { FOLDER_MODE } from './folders';
export const FILE_MODE = 0o600;
/** Two terminals logging at once wait for each other instead of failing with "database is locked". */
export const BUSY_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Create the folder and database when missing (commands that write). Otherwise a missing database gives `null`. */
  create: boolean;
  migrations?: readonly Migration[];
  /** Clock for backup file names; injectable for tests. */
  now?: () => Date;
  /** Sets the process umask (the app context's, src/cli/app.ts); process.umask when not given. */
  setUmask?: (mask: number) => void;
}

export function latestVersionOf(migrations: readonly Migration[]): number {
  return Math.max(0, ...migrations.map((m) => m.version));
}

/** How long opening keeps retrying when two terminals upgrade or switch the file at the same moment. */
const OPEN_RETRY_MS = BUSY_TIMEOUT_MS;

const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
};

/** Blocks this (single-threaded, short-lived) process for a moment without spinning the CPU. */
const pause = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Why the database was opened as a read-only copy (a read-only or full disk), per connection. */
const readOnlyBecause = new WeakMap<Db, DiskProblem>();
/** The data folder of the last database opened: to explain a write that fails later (a disk that fills up). */
let lastHome: string | undefined;

/** Set when the data could be read but nothing can be saved: the disk is read-only, full, or not ours to write. */
export function whyReadOnly(db: Db): DiskProblem | undefined {
  return readOnlyBecause.get(db);
}

/**
 * A write that failed because of the disk, as one line with the cause and the fix; undefined when
 * the error is something else. Used by src/cli/run.ts for any command.
 */
export function explainStorageError(error: unknown): DataError | undefined {
  if (!lastHome || !isStorageError(error)) return undefined;
  const problem = diagnoseDisk(lastHome, error);
  if (!problem) return undefined;
  return new DataError(`cannot save: ${describeDiskProblem(problem, lastHome)}. Nothing was saved.`, problem === 'read-only' ? 'READ_ONLY' : problem === 'no-permission' ? 'NO_PERMISSION' : 'DISK_FULL');
}

export function openDb(paths: Paths, options: OpenOptions): Db | null {
  lastHome = paths.home;
  try {
    return openDbRetrying(paths, options);
  } catch (error) {
    // A read-only folder or a full disk: SQLite cannot even make its -shm file, so reading fails
    // too ("unable to open database file", "disk I/O error"). The data is still there: read it from
    // a private in-memory copy, so doctor, export, today, plan and report work, and say why nothing
    // can be saved.
    const cause = (error as { cause?: unknown }).cause ?? error;
    if (!isStorageError(cause) || !fs.existsSync(paths.db)) {
      if (isStorageError(cause) && options.create) {
        const problem = diagnoseDisk(paths.home, cause);
        if (problem) throw new DataError(`cannot save in ${paths.home}: ${describeDiskProblem(problem, paths.home)}. Nothing was saved.`, 'CANNOT_SAVE');
      }
      throw error;
    }
    const problem = diagnoseDisk(paths.home, cause);
    if (!problem) throw error;
    return openSnapshot(paths, options.migrations ?? MIGRATIONS, problem);
  }
}

/**
 * The database as a read-only, in-memory copy of the file (nothing is written next to it). A WAL
 * database is marked as a rollback-journal one in the copy, because an in-memory database has no
 * WAL; changes still in painfit.db-wal (only after a crash) cannot be read this way.
 */
export function openSnapshotCopy(file: string): Db {
  const bytes = fs.readFileSync(file);
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return openSqlite(bytes, { readonly: true });
}

function openSnapshot(paths: Paths, migrations: readonly Migration[], problem: DiskProblem): Db {
  const db = openSnapshotCopy(paths.db);
  try {
    const { version, objects } = probe(db, paths);
    const latest = latestVersionOf(migrations);
    if (version > latest) throw newerError(paths, version, latest);
    if (version === 0 && objects > 0) throw foreignError(paths, objects);
    if (version < latest) {
      throw new DataError(
        `${paths.db} needs an upgrade to this painfit's data version ${latest} (it is at ${version}), which cannot be written now: ${describeDiskProblem(problem, paths.home)}. Nothing was changed.`,
        'CANNOT_UPGRADE',
      );
    }
    db.pragma('foreign_keys = ON');
    readOnlyBecause.set(db, problem);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function openDbRetrying(paths: Paths, options: OpenOptions): Db | null {
  // Every opening step is safe to repeat (the migration re-reads the version under the write
  // lock), so when two terminals upgrade an old file at once and SQLite refuses the lock order
  // outright instead of waiting (it does so to avoid a deadlock), close and try again.
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return openDbOnce(paths, options);
    } catch (error) {
      if (!isBusy(error) || Date.now() - started > OPEN_RETRY_MS) throw error;
      pause(20 + Math.floor(Math.random() * 40) * attempt);
    }
  }
}

function openDbOnce(paths: Paths, options: OpenOptions): Db | null {
  const exists = fs.existsSync(paths.db);
  if (!exists && !options.create) return null;
  (options.setUmask ?? ((mask: number) => void process.umask(mask)))(PRIVATE_UMASK);
  if (!exists) makePrivateFolder(paths.home, 'the data folder');
  // An existing file is opened as it is: if it vanished meanwhile, fail rather than start an empty one.
  const db = openFile(paths, exists);
  try {
    // First of all, so that every step below waits for another terminal instead of failing at once.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const { version, objects } = probe(db, paths);
    const migrations = options.migrations ?? MIGRATIONS;
    const latest = latestVersionOf(migrations);
    if (version > latest) throw newerError(paths, version, latest);
    if (version === 0 && objects > 0) throw foreignError(paths, objects);
    // Only now is the file known to be painfit's: the steps below may write to it.
    fs.chmodSync(paths.db, FILE_MODE);
    tightenFolder(paths.home);
    // SQLite creates -wal and -shm with the database file's own mode, so they are 0600 as well.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (version < latest) upgrade(db, paths, migrations, options.now ?? (() => new Date()));
    for (const suffix of ['-wal', '-shm']) chmodIfPresent(paths.db + suffix, FILE_MODE);
    return immediateTransactions(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

function openFile(paths: Paths, mustExist: boolean): Db {
  try {
    return openSqlite(paths.db, { fileMustExist: mustExist });
  } catch (error) {
    if (error instanceof DataError) throw error; // the addon, not the file
    throw Object.assign(
      new DataError(
        `${paths.db} cannot be opened (${(error as Error).message}). Check that it is a file you can read and write, in a folder you own.`,
        'CANNOT_OPEN',
      ),
      { cause: error },
    );
  }
}

/** SQLite's own words for a file that is not (or no longer) a whole database. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export interface VersionProbe {
  /** PRAGMA user_version: the last migration applied (0 for a new or foreign file). */
  version: number;
  /** Tables, indexes and the like in the file (0 for a new, empty database). */
  objects: number;
}

/** The raw probe; throws SQLite's own error for a damaged file. */
export function readVersionProbe(db: Db): VersionProbe {
  return db.prepare('SELECT (SELECT user_version FROM pragma_user_version) AS version, (SELECT count(*) FROM sqlite_master) AS objects').get() as VersionProbe;
}

/**
 * Reads the data version and whether the file holds anything at all, in one statement (one
 * consistent snapshot, even while another terminal is migrating). Reading never writes, so a damaged
 * file is refused exactly as it was found.
 */
function probe(db: Db, paths: Paths): VersionProbe {
  try {
    return readVersionProbe(db);
  } catch (error) {
    if (isDamageError(error)) throw damagedError(paths, (error as Error).message);
    throw error;
  }
}

/** What to do about a file painfit cannot use: the latest backup, or that there is none. */
export function backupAdvice(paths: Paths, mentionDoctor = true): string {
  const latest = latestBackup(paths);
  const doctor = mentionDoctor ? ' painfit doctor shows the details.' : '';
  return latest
    ? `The most recent backup is ${latest}: move ${paths.db} aside and copy that backup to ${paths.db}.${doctor}`
    : `No backup was found in ${paths.backups}. Move ${paths.db} aside to start afresh.${doctor}`;
}

export function newerError(paths: Paths, version: number, latest: number): DataError {
  return new DataError(
    `${paths.db} was written by a newer version of painfit (data version ${version}; this painfit knows up to ${latest}). ` +
      'It has not been changed. Update painfit to use it.',
    'NEWER_DATABASE',
  );
}

export function foreignError(paths: Paths, objects: number, mentionDoctor = true): DataError {
  return new DataError(
    `${paths.db} is an SQLite database, but not one painfit wrote (it holds ${objects} table${objects === 1 ? '' : 's'} or index${objects === 1 ? '' : 'es'} and no painfit data version). ` +
      `painfit has not changed it. ${backupAdvice(paths, mentionDoctor)}`,
    'FOREIGN_DATABASE',
  );
}

export function damagedError(paths: Paths, reason: string, mentionDoctor = true): DataError {
  return new DataError(`${paths.db} cannot be read: it looks damaged (${reason}). painfit has not changed it. ${backupAdvice(paths, mentionDoctor)}`, 'DAMAGED_DATABASE');
}

/**
 * Migrates under the write lock. Two terminals opening an old (or brand-new) database at the same
 * time both get here; the second finds the work done when the lock is its turn, and does nothing.
 */
function upgrade(db: Db, paths: Paths, migrations: readonly Migration[], now: () => Date): void {
  withoutForeignKeys(db, () =>
    db.transaction(() => {
      const current = userVersion(db);
      if (current >= latestVersionOf(migrations)) return;
      if (current > 0) backupBeforeMigrating(paths, current, now);
      applyPending(db, migrations, current);
    }).immediate(),
  );
}

function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * All pending steps in one transaction: either every step applies, or none. The steps above the
 * version found under the write lock are applied (`from` is the version the caller last read; if
 * another terminal migrated meanwhile, its steps are not repeated).
 */
export function migrate(db: Db, migrations: readonly Migration[], from: number): void {
  withoutForeignKeys(db, () => db.transaction(() => applyPending(db, migrations, Math.max(from, userVersion(db)))).immediate());
}

/**
 * SQLite's procedure for reshaping tables: foreign keys off outside the transaction (the pragma is
 * a no-op inside one), `foreign_key_check` inside it before commit, and the setting restored after.
 */
function withoutForeignKeys(db: Db, fn: () => void): void {
  const was = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    fn();
  } finally {
    db.pragma(`foreign_keys = ${was ? 'ON' : 'OFF'}`);
  }
}

function applyPending(db: Db, migrations: readonly Migration[], from: number): void {
  const pending = [...migrations].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  for (const m of pending) {
    m.up(db);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration ${m.version} (${m.name}) would leave ${broken.length} row(s) pointing at nothing; nothing was changed`);
    db.pragma(`user_version = ${m.version}`);
  }
}

/**
 * Called inside the migrating transaction, which holds the write lock: nobody can change the file
 * meanwhile, so a second (read-only) connection copies exactly the version about to be migrated.
 * VACUUM INTO writes a consistent copy, including anything still in the WAL.
 */
function backupBeforeMigrating(paths: Paths, version: number, now: () => Date): string {
  makePrivateFolder(paths.backups, 'the backups folder');
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const file = path.join(paths.backups, `painfit-v${version}-${stamp}.db`);
  // Filled under a temporary name listBackups() does not show, then renamed: a crash while copying
  // must not leave a partial file that doctor and the damaged-file advice would offer as "the latest backup".
  writePrivateFile(
    file,
    (temp) => {
      const reader = openSqlite(paths.db, { readonly: true, fileMustExist: true });
      try {
        reader.prepare('VACUUM INTO ?').run(temp);
      } finally {
        reader.close();
      }
    },
    'the backup',
  );
  return file;
}

/**
 * Every transaction starts with BEGIN IMMEDIATE unless `.deferred()` is asked for. In WAL mode a
 * deferred transaction that reads and then writes fails at once with SQLITE_BUSY when another
 * terminal wrote in between (its snapshot is stale, and busy_timeout cannot help); IMMEDIATE takes
 * the write lock first, waiting up to the busy timeout for the other terminal to finish.
 */
function immediateTransactions(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn) => transaction(fn).immediate) as Db['transaction'];
  return db;
}

/**
 * The data folder holds health data: one found open to others (made by hand, or by an old version)
 * is made 0700 again, but only when it is the user's own folder.
 */
function tightenFolder(dir: string): void {
  const stat = fs.statSync(dir);
  if ((stat.mode & 0o077) !== 0 && typeof process.getuid === 'function' && stat.uid === process.getuid()) fs.chmodSync(dir, FOLDER_MODE);
}

function chmodIfPresent(file: string, mode: number): void {
  try {
    fs.chmodSync(file, mode);
  } catch (error) {
    // The last connection of another terminal may have just removed it.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Finished backups, oldest first. Anything else in backups/ (a temporary file, a link, a folder) is not one. */
export function listBackups(paths: Paths): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(paths.backups);
  } catch {
    return []; // missing, or not a folder: no backups
  }
  const found: { file: string; mtime: number }[] = [];
  for (const name of names.filter((f) => f.endsWith('.db'))) {
    const file = path.join(paths.backups, name);
    try {
      const stat = fs.lstatSync(file);
      if (stat.isFile()) found.push({ file, mtime: stat.mtimeMs });
    } catch {
      // removed meanwhile
    }
  }
  return found.sort((a, b) => a.mtime - b.mtime || a.file.localeCompare(b.file)).map((f) => f.file);
}

export function latestBackup(paths: Paths): string | undefined {
  return listBackups(paths).at(-1);
}
