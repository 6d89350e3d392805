// Reading every stored fact out (export) and putting a validated export back (import).
// Reading is generic over sqlite_master, so a table or column added by a later migration is
// exported even before src/schema/export.ts describes it (and then a test fails until it does).
import path from 'node:path';
import { EXPORT_FORMAT, EXPORT_VERSION, TABLES, type ExportFile, type ExportRow, type TableName } from '../schema/export';
import { openSqlite, type Db } from './db';
import type { Paths } from './paths';
import { makePrivateFolder } from './folders';
import { DISPOSABLE_TABLES } from './migrations';
import { writePrivateFile } from './private-file';
import { displayDeep, displayText, spreadsheetSafe } from '../domain/text';

export { writePrivateFile } from './private-file';

/** Quotes an SQL identifier (table and column names come from sqlite_master, never from a user). */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

const specOf = (name: string) => TABLES.find((t) => t.name === name);

/**
 * Every user table that holds facts: the described ones in their order (parents before children),
 * then any others by name. The disposable cache (DISPOSABLE_TABLES) is not data: never exported.
 */
export function listTables(db: Db): string[] {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !DISPOSABLE_TABLES.includes(n));
  const known = TABLES.map((t) => t.name as string).filter((n) => names.includes(n));
  return [...known, ...names.filter((n) => !known.includes(n))];
}

interface ColumnInfo {
  name: string;
  pk: number;
}

function columnsOf(db: Db, table: string): ColumnInfo[] {
  return db.prepare(`PRAGMA table_info(${ident(table)})`).all() as ColumnInfo[];
}

/** All rows of a table, every column in declaration order, ordered by primary key (rowid when none). */
export function readTable(db: Db, table: string): ExportRow[] {
  const columns = columnsOf(db, table);
  const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const order = key.length > 0 ? key.map((c) => ident(c.name)).join(', ') : 'rowid';
  const rows = db.prepare(`SELECT ${columns.map((c) => ident(c.name)).join(', ')} FROM ${ident(table)} ORDER BY ${order}`).all() as ExportRow[];
  const json: readonly string[] = specOf(table)?.json ?? [];
  // Text saved before the text policy (domain/text.ts) is neutralised, so the file is safe to open
  // and painfit import accepts it again; clean text is unchanged, so export → import → export is exact.
  return rows.map((r) => {
    const out: ExportRow = {};
    for (const c of columns) {
      const v = r[c.name];
      out[c.name] = displayDeep(json.includes(c.name) && typeof v === 'string' ? JSON.parse(v) : v, { multiline: true });
    }
    return out;
  });
}

/** Every stored fact, as the export file (format version 1). */
export function readExport(db: Db, exportedAt: string): ExportFile & Record<string, unknown> {
  const file: ExportFile & Record<string, unknown> = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    exportedAt,
  };
  for (const table of listTables(db)) file[table] = readTable(db, table);
  return file;
}

/** 2-space indentation and a trailing newline; key order is the order the object was built in. */
export function serializeExport(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type RowCounts = Record<string, number>;

export function countRows(db: Db): RowCounts {
  const counts: RowCounts = {};
  for (const table of listTables(db)) counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${ident(table)}`).get() as { n: number }).n;
  return counts;
}

export const totalRows = (counts: RowCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

export interface RestoreOptions {
  /** Delete everything first (in the same transaction). */
  replace: boolean;
  /** Called inside the transaction, before any write, with what the database holds; throw to refuse. */
  guard?: (existing: RowCounts) => void;
  /** With `replace`: called inside the transaction, holding the write lock, before anything is deleted. */
  beforeReplacing?: (existing: RowCounts) => void;
}

/** Restores a validated export in one transaction: either every row is in, or nothing changed. */
export function restoreExport(db: Db, file: ExportFile, opts: RestoreOptions): Record<TableName, number> {
  return db.transaction(() => {
    const existing = countRows(db);
    opts.guard?.(existing);
    if (opts.replace) {
      opts.beforeReplacing?.(existing);
      // Children before parents, so no cascade has to do the work.
      for (const table of [...listTables(db)].reverse()) db.prepare(`DELETE FROM ${ident(table)}`).run();
    }
    const restored = {} as Record<TableName, number>;
    for (const spec of TABLES) {
      const rows = file[spec.name] ?? [];
      const json: readonly string[] = spec.json;
      for (const r of rows) {
        const columns = Object.keys(r);
        const values = columns.map((c) => (json.includes(c) ? JSON.stringify(r[c]) : r[c]));
        db.prepare(`INSERT INTO ${ident(spec.name)} (${columns.map(ident).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...values);
      }
      restored[spec.name] = rows.length;
    }
    return restored;
  })();
}

/**
 * A consistent copy of the database, kept before --replace deletes anything. Called while the
 * replacing transaction holds the write lock (and has not written yet): a second, read-only
 * connection then copies exactly what is about to be replaced, nobody can commit in between.
 */
export function backupBeforeReplacing(paths: Paths, now: Date): string {
  makePrivateFolder(paths.backups, 'the backups folder');
  const file = path.join(paths.backups, `painfit-before-import-${now.toISOString().replace(/[:.]/g, '-')}.db`);
  // Filled under a temporary name that is not listed as a backup, then renamed: a crash while
  // copying must not leave a partial file that doctor and the damaged-file advice offer as "the latest backup".
  writePrivateFile(file, (temp) => copyDatabase(paths.db, temp), 'the backup');
  return file;
}

/** A consistent copy of `from` into the (empty) file `to`, through its own read-only connection. */
export function copyDatabase(from: string, to: string): void {
  const reader = openSqlite(from, { readonly: true, fileMustExist: true });
  try {
    reader.prepare('VACUUM INTO ?').run(to);
  } finally {
    reader.close();
  }
}

/** Creates a folder readable only by the user, when it does not exist yet. */
export function ensurePrivateFolder(dir: string): void {
  makePrivateFolder(dir, 'the CSV folder (--csv)');
}

/** One CSV field, quoted per RFC 4180 when it holds a comma, a quote or a line break. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Text: neutralised (domain/text.ts), and a leading = + - @ shown rather than run as a formula.
  const s = typeof value === 'string' ? spreadsheetSafe(displayText(value, { multiline: true })) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A header row, then one row per record; lines end in CRLF as RFC 4180 says. */
export function toCsv(columns: readonly string[], rows: readonly ExportRow[]): string {
  return [columns, ...rows.map((r) => columns.map((c) => r[c]))].map((cells) => `${cells.map(csvField).join(',')}\r\n`).join('');
}

export const CSV_FILES = {
  'checkins.csv': {
    columns: ['date', 'recorded_at', 'pain', 'during', 'effort', 'sleep', 'note'],
    sql: 'SELECT date, recorded_at, pain, during, effort, sleep, note FROM checkins ORDER BY date, recorded_at, id',
  },
  'completions.csv': {
    columns: ['date', 'exercise_id', 'done', 'minutes'],
    sql: 'SELECT date, exercise_id, done, minutes FROM completions ORDER BY date, exercise_id',
  },
} as const;

/** Check-ins and completions as CSV files in `dir` (created 0700 when missing); returns file → rows. */
export function writeCsvFiles(db: Db, dir: string): { file: string; rows: number }[] {
  ensurePrivateFolder(dir);
  return Object.entries(CSV_FILES).map(([name, spec]) => {
    const rows = db.prepare(spec.sql).all() as ExportRow[];
    const file = path.join(dir, name);
    writePrivateFile(file, toCsv(spec.columns, rows), 'the CSV file');
    return { file, rows: rows.length };
  });
}
