// Schema migrations in the Signal-Desktop style: fresh → latest; N−1 → N with rows in place;
// all pending steps in one transaction; a backup before migrating; a newer database refused untouched.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DataError } from '../src/errors';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { INTAKE_TEMPLATE_V1 } from '../src/domain/intake-template';
import { listBackups, migrate, openDb, type Db } from '../src/store/db';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../src/store/migrations';
import { pathsFor, type Paths } from '../src/store/paths';
import { query, run, tempHome, writeJson } from './helpers/cli';

const N = LATEST_VERSION;

function freshPaths(): Paths {
  return pathsFor(tempHome());
}

const userVersion = (db: Db) => db.pragma('user_version', { simple: true }) as number;

/** Every table's and index's definition, by name (sqlite's own objects left out). */
function schemaOf(db: Db): Record<string, string> {
  const objects = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; sql: string }[];
  return Object.fromEntries(objects.map((o) => [o.name, o.sql]));
}

function tablesOf(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (t) => t.name,
  );
}

function rowsOf(db: Db, table: string): unknown[] {
  return db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
}

function contentOf(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(tablesOf(db).map((t) => [t, rowsOf(db, t)]));
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** A version 1 intake, as painfit wrote it before answers file version 2 (issue 8). */
function intakeRow(date: string, average: number) {
  const answers = { ...structuredClone(INTAKE_TEMPLATE_V1), pain: { ...INTAKE_TEMPLATE_V1.pain, average } };
  return { date, recorded_at: `${date}T08:00:00.000Z`, answers_version: 1, answers: JSON.stringify(answers) };
}

/**
 * Rows to put in right after migrating to a version, written against that version's schema,
 * so every later migration runs over real data. A new migration may add its own seed here.
 */
const SEED: Record<number, (db: Db) => void> = {
  1(db) {
    const insert = db.prepare('INSERT INTO intakes (date, recorded_at, answers_version, answers) VALUES (@date, @recorded_at, @answers_version, @answers)');
    insert.run(intakeRow('2026-01-05', 6));
    insert.run(intakeRow('2026-03-02', 4));
  },
  2(db) {
    db.exec(`
      INSERT INTO entries (id, kind, recorded_at) VALUES (1, 'log', '2026-01-06T09:00:00Z'), (2, 'swap', '2026-01-07T09:00:00Z');
      INSERT INTO checkins (entry_id, date, recorded_at, pain, during, effort, sleep, note)
        VALUES (1, '2026-01-06', '2026-01-06T09:00:00Z', 5, 4, 3, 6, 'stiff morning');
      INSERT INTO completions (date, exercise_id, done, entry_id) VALUES ('2026-01-06', 'sit-to-stand', 1, 1);
      INSERT INTO swaps (entry_id, date, exercise_id, with_id) VALUES (2, '2026-01-07', 'sit-to-stand', 'wall-push');
    `);
  },
  4(db) {
    db.exec(`
      INSERT INTO entries (id, kind, recorded_at) VALUES (3, 'log', '2026-03-09T09:00:00Z');
      INSERT INTO unwell (entry_id, date, recorded_at) VALUES (3, '2026-03-09', '2026-03-09T09:00:00Z');
      INSERT INTO clearances (seen, by, recorded_on, recorded_at) VALUES ('2026-03-10', 'Dr Patel', '2026-03-10', '2026-03-10T09:00:00Z');
    `);
  },
  6(db) {
    db.exec("INSERT INTO lesson_reads (lesson_id, date, recorded_at) VALUES ('pacing', '2026-01-08', '2026-01-08T09:00:00Z')");
  },
  7(db) {
    db.exec(`INSERT INTO flare_plans (date, recorded_at, items) VALUES ('2026-01-09', '2026-01-09T09:00:00Z', '["heat pack","call Jo"]')`);
  },
  8(db) {
    db.exec("INSERT INTO entries (id, kind, recorded_at) VALUES (9, 'log', '2026-01-10T09:00:00Z'); INSERT INTO flares (entry_id, date, recorded_at, kind) VALUES (9, '2026-01-10', '2026-01-10T09:00:00Z', 'start')");
  },
  10(db) {
    // An intake run again that kept the plan's progress (painfit intake, "keep your progress").
    const row = intakeRow('2026-03-16', 3);
    db.prepare('INSERT INTO intakes (date, recorded_at, answers_version, answers, keeps_progress) VALUES (@date, @recorded_at, @answers_version, @answers, 1)').run(row);
  },
  11(db) {
    db.exec(`
      INSERT INTO entries (id, kind, recorded_at) VALUES (10, 'log', '2026-01-11T09:00:00Z');
      INSERT INTO feedback (entry_id, date, recorded_at, exercise_id, answer) VALUES (10, '2026-01-11', '2026-01-11T09:00:00Z', 'sit-to-stand', 'hurt');
      INSERT INTO walks (entry_id, date, recorded_at, minutes) VALUES (10, '2026-01-11', '2026-01-11T09:00:00Z', 15);
    `);
  },
};

/** Opens a raw database file at exactly `version`, with the seed rows of every version up to it. */
function databaseAt(file: string, version: number): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  for (let v = 1; v <= version; v++) {
    migrate(db, MIGRATIONS.filter((m) => m.version <= v), v - 1);
    SEED[v]?.(db);
  }
  return db;
}

describe('the migration list', () => {
  it('numbers its steps 1, 2, 3… with a name each, and LATEST_VERSION is the last', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.name.trim()).not.toBe('');
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });
});

describe('fresh → latest', () => {
  it('creates every table, sets user_version, WAL, foreign keys and a busy timeout', () => {
    const paths = freshPaths();
    const db = openDb(paths, { create: true })!;
    try {
      expect(userVersion(db)).toBe(N);
      expect(tablesOf(db)).toEqual(expect.arrayContaining(['intakes']));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    } finally {
      db.close();
    }
    expect(fs.existsSync(paths.backups)).toBe(false);
  });

  it('a missing database is not created unless asked', () => {
    const paths = freshPaths();
    expect(openDb(paths, { create: false })).toBeNull();
    expect(fs.existsSync(paths.home)).toBe(false);
  });

  it('reopening a database at the latest version changes nothing and makes no backup', () => {
    const paths = freshPaths();
    openDb(paths, { create: true })!.close();
    const db = openDb(paths, { create: false })!;
    expect(userVersion(db)).toBe(N);
    db.close();
    expect(listBackups(paths)).toEqual([]);
  });
});

describe('the real migrations, one step at a time with rows in place', () => {
  it.each(MIGRATIONS.map((m) => [m.version, m.name] as const))('%i − 1 → %i (%s): keeps every row, passes integrity checks', (version) => {
    const paths = freshPaths();
    const db = databaseAt(paths.db, version - 1);
    try {
      const before = contentOf(db);
      migrate(db, MIGRATIONS.filter((m) => m.version <= version), version - 1);
      expect(userVersion(db)).toBe(version);
      // A migration may reshape a table, but must not lose the facts in it.
      for (const [table, rows] of Object.entries(before)) {
        expect(tablesOf(db), `table ${table} survives migration ${version}`).toContain(table);
        expect(rowsOf(db, table), `rows of ${table} after migration ${version}`).toHaveLength(rows.length);
      }
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      SEED[version]?.(db);
    } finally {
      db.close();
    }
  });

  it('stepwise and all-at-once give the same schema as a fresh install', () => {
    const stepwise = databaseAt(freshPaths().db, N);
    const paths = freshPaths();
    const fresh = openDb(paths, { create: true })!;
    try {
      expect(schemaOf(stepwise)).toEqual(schemaOf(fresh));
      expect(userVersion(stepwise)).toBe(userVersion(fresh));
    } finally {
      stepwise.close();
      fresh.close();
    }
  });

  it('the seeded facts are all readable at the latest version', () => {
    const db = databaseAt(freshPaths().db, N);
    try {
      const intakes = db.prepare('SELECT date, answers FROM intakes ORDER BY id').all() as { date: string; answers: string }[];
      expect(intakes.map((r) => [r.date, JSON.parse(r.answers).pain.average])).toEqual([
        ['2026-01-05', 6],
        ['2026-03-02', 4],
        ['2026-03-16', 3],
      ]);
      expect(db.prepare('SELECT keeps_progress FROM intakes ORDER BY id').all()).toEqual([{ keeps_progress: 0 }, { keeps_progress: 0 }, { keeps_progress: 1 }]);
    } finally {
      db.close();
    }
  });
});

/** A synthetic next version: a new column filled from the stored answers, and a new table. */
const NEXT: Migration = {
  version: N + 1,
  name: 'test: average pain as a column, and notes',
  up(db) {
    db.exec(`
      ALTER TABLE intakes ADD COLUMN pain_average INTEGER;
      UPDATE intakes SET pain_average = json_extract(answers, '$.pain.average');
      CREATE TABLE test_notes (id INTEGER PRIMARY KEY, intake_id INTEGER NOT NULL REFERENCES intakes (id), text TEXT NOT NULL) STRICT;
      INSERT INTO test_notes (intake_id, text) SELECT id, 'migrated' FROM intakes;
    `);
  },
};
const WITH_NEXT = [...MIGRATIONS, NEXT];

function failingAt(version: number): Migration {
  return {
    version,
    name: 'test: fails halfway',
    up(db) {
      db.exec('CREATE TABLE half_done (x INTEGER)');
      db.exec("UPDATE intakes SET date = '1999-01-01'");
      throw new Error('disk on fire');
    },
  };
}

describe('N → N+1 with rows (a synthetic next migration through openDb)', () => {
  it('transforms the existing rows and adds the new table', () => {
    const paths = freshPaths();
    databaseAt(paths.db, N).close();
    const db = openDb(paths, { create: false, migrations: WITH_NEXT })!;
    try {
      expect(userVersion(db)).toBe(N + 1);
      expect(db.prepare('SELECT id, date, pain_average FROM intakes ORDER BY id').all()).toEqual([
        { id: 1, date: '2026-01-05', pain_average: 6 },
        { id: 2, date: '2026-03-02', pain_average: 4 },
        { id: 3, date: '2026-03-16', pain_average: 3 },
      ]);
      expect(rowsOf(db, 'test_notes')).toEqual([
        { id: 1, intake_id: 1, text: 'migrated' },
        { id: 2, intake_id: 2, text: 'migrated' },
        { id: 3, intake_id: 3, text: 'migrated' },
      ]);
    } finally {
      db.close();
    }
  });

  it('keeps a private backup copy of the old database in <home>/backups first', () => {
    const paths = freshPaths();
    const old = databaseAt(paths.db, N);
    const oldContent = contentOf(old);
    old.close();
    const db = openDb(paths, { create: false, migrations: WITH_NEXT, now: () => new Date('2026-04-01T10:00:00Z') })!;
    db.close();

    const backups = listBackups(paths);
    expect(backups).toHaveLength(1);
    const backup = backups[0]!;
    expect(path.dirname(backup)).toBe(paths.backups);
    expect(path.basename(backup)).toMatch(new RegExp(`^painfit-v${N}-2026-04-01T10-00-00-000Z\\.db$`));
    expect(modeOf(backup)).toBe(0o600);
    expect(modeOf(paths.backups)).toBe(0o700);
    const copy = new Database(backup, { readonly: true });
    try {
      expect(userVersion(copy)).toBe(N);
      expect(contentOf(copy)).toEqual(oldContent);
    } finally {
      copy.close();
    }
  });

  it('all pending steps are one transaction: a failing step leaves the version, tables and rows as they were', () => {
    const paths = freshPaths();
    const old = databaseAt(paths.db, N);
    const before = { schema: schemaOf(old), content: contentOf(old) };
    old.close();

    expect(() => openDb(paths, { create: false, migrations: [...WITH_NEXT, failingAt(N + 2)] })).toThrow('disk on fire');

    const db = new Database(paths.db, { readonly: true });
    try {
      expect(userVersion(db)).toBe(N);
      expect(schemaOf(db)).toEqual(before.schema); // not even NEXT's column and table
      expect(contentOf(db)).toEqual(before.content);
    } finally {
      db.close();
    }
  });

  it('a failing step on a fresh database leaves no tables and version 0', () => {
    const paths = freshPaths();
    expect(() => openDb(paths, { create: true, migrations: [...MIGRATIONS, failingAt(N + 1)] })).toThrow('disk on fire');
    const db = new Database(paths.db, { readonly: true });
    try {
      expect(userVersion(db)).toBe(0);
      expect(tablesOf(db)).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('N−1 → N through the CLI', () => {
  it.skipIf(N < 2)('migrates an older database, keeping its rows and a 0600 backup', () => {
    const home = tempHome();
    const paths = pathsFor(home);
    const old = databaseAt(paths.db, N - 1);
    const oldContent = contentOf(old);
    const oldDates = (old.prepare('SELECT date FROM intakes ORDER BY id').all() as { date: string }[]).map((x) => x.date);
    old.close();
    expect(oldDates.slice(0, 2)).toEqual(['2026-01-05', '2026-03-02']);

    const file = writeJson(path.dirname(home), 'answers.json', INTAKE_TEMPLATE);
    const r = run(['intake', '--answers', file, '--date', '2026-04-06'], { home });
    expect(r.code, r.stderr).toBe(0);

    expect(query(home, 'PRAGMA user_version')[0]).toEqual({ user_version: N });
    // Every intake the older database held (the seeds of its versions), then the new one.
    expect(query(home, 'SELECT date FROM intakes ORDER BY id').map((x) => x.date)).toEqual([...oldDates, '2026-04-06']);
    const backups = listBackups(paths);
    expect(backups).toHaveLength(1);
    expect(path.basename(backups[0]!)).toMatch(new RegExp(`^painfit-v${N - 1}-`));
    expect(modeOf(backups[0]!)).toBe(0o600);
    const copy = new Database(backups[0]!, { readonly: true });
    try {
      expect(contentOf(copy)).toEqual(oldContent);
    } finally {
      copy.close();
    }
  });

  it('a fresh home gets no backup', () => {
    const home = tempHome();
    const file = writeJson(path.dirname(home), 'answers.json', INTAKE_TEMPLATE);
    expect(run(['intake', '--answers', file], { home }).code).toBe(0);
    expect(fs.existsSync(path.join(home, 'backups'))).toBe(false);
  });
});

describe('version 1 intakes in a database made before issue 8 (migration 3 → 4)', () => {
  it('keep working: stored as given, read as version 2 with "not asked yet", today suggests painfit recheck', () => {
    const home = tempHome();
    const paths = pathsFor(home);
    const old = databaseAt(paths.db, 3);
    const storedBefore = rowsOf(old, 'intakes');
    old.close();

    const today = run(['today', '--date', '2026-03-04', '--json'], { home });
    expect(today.code, today.stderr).toBe(0);
    expect(query(home, 'PRAGMA user_version')[0]).toEqual({ user_version: N });
    const session = JSON.parse(today.stdout) as { status: string; notes: string[]; exercises: { effort: number }[] };
    expect(session.status).toBe('session');
    expect(session.notes.join(' ')).toContain('painfit recheck');
    // The follow-ups to its bone/joint "yes" were never asked: effort stays at 3 (moderate) at most.
    expect(Math.max(...session.exercises.map((e) => e.effort))).toBeLessThanOrEqual(3);
    // The stored rows are untouched: answers as they were given, version 1 (migration 10 adds
    // keeps_progress, 0 for every intake made before it: each started a plan).
    expect(query(home, 'SELECT id, date, recorded_at, answers_version, answers FROM intakes ORDER BY rowid')).toEqual(storedBefore);
    expect(query(home, 'SELECT DISTINCT keeps_progress FROM intakes')).toEqual([{ keeps_progress: 0 }]);

    // A recheck answers what was not asked, keeps the plan, and the suggestion goes away.
    const { version, readiness, redFlags, mood } = structuredClone(INTAKE_TEMPLATE);
    const file = writeJson(path.dirname(home), 'recheck.json', { version, readiness, redFlags, mood, clearance: null });
    expect(run(['recheck', '--answers', file, '--date', '2026-03-04'], { home }).code).toBe(0);
    const after = JSON.parse(run(['today', '--date', '2026-03-04', '--json'], { home }).stdout) as typeof session;
    expect(after.notes.join(' ')).not.toContain('painfit recheck');
    expect(query(home, 'SELECT count(*) AS n FROM intakes')[0]).toEqual({ n: 2 });
  });

  it('a version 1 answers file is still accepted by painfit intake', () => {
    const home = tempHome();
    const file = writeJson(path.dirname(home), 'v1.json', INTAKE_TEMPLATE_V1);
    const r = run(['intake', '--answers', file, '--date', '2026-04-06', '--json'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).screening).toMatchObject({ notAsked: ['followUps', 'temporalHeadache', 'hotSwollenJoint', 'girdleStiffness', 'mood'] });
    expect(query(home, 'SELECT answers_version FROM intakes')).toEqual([{ answers_version: 1 }]);
  });
});

describe('a database from a newer painfit is refused and left untouched', () => {
  /** A database file written by a future painfit, in WAL mode as painfit leaves it (or not). */
  function newerDatabase(home: string, wal: boolean): string {
    const file = path.join(home, 'painfit.db');
    fs.mkdirSync(home, { recursive: true });
    const db = new Database(file);
    if (wal) db.pragma('journal_mode = WAL');
    db.exec("CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('keep me')");
    db.pragma(`user_version = ${N + 5}`);
    db.close();
    return file;
  }

  it.each([
    ['in WAL mode', true],
    ['in rollback-journal mode', false],
  ])('the CLI exits 1 naming the file, and its bytes are unchanged (%s)', (_mode, wal) => {
    const home = tempHome();
    const file = newerDatabase(home, wal);
    const before = sha256(file);
    const answers = writeJson(path.dirname(home), 'answers.json', INTAKE_TEMPLATE);

    const r = run(['intake', '--answers', answers], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('newer version of painfit');
    expect(r.stderr).toContain(`data version ${N + 5}`);
    expect(r.stderr).toContain('has not been changed');
    expect(r.stderr).not.toContain('unexpected');

    expect(sha256(file)).toBe(before);
    for (const suffix of ['-wal', '-shm', '-journal']) expect(fs.existsSync(file + suffix), suffix).toBe(false);
    expect(fs.existsSync(path.join(home, 'backups'))).toBe(false);
  });

  it('with --json the refusal is a JSON error with code NEWER_DATABASE', () => {
    const home = tempHome();
    const file = newerDatabase(home, true);
    const answers = writeJson(path.dirname(home), 'answers.json', INTAKE_TEMPLATE);
    const r = run(['intake', '--answers', answers, '--json'], { home });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'NEWER_DATABASE', message: expect.stringContaining(file) });
  });

  it('openDb throws a DataError and does not migrate or back up', () => {
    const home = tempHome();
    const file = newerDatabase(home, false);
    const before = sha256(file);
    const paths = pathsFor(home);
    expect(() => openDb(paths, { create: true })).toThrow(DataError);
    expect(sha256(file)).toBe(before);
    expect(listBackups(paths)).toEqual([]);
  });
});
