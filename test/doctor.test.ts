// painfit doctor (issue 5, item 4): what is stored where, its version, integrity, counts, backups and
// file modes. It only looks: fresh, healthy, old, damaged or busy, the data folder is left as found.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { INTAKE_TEMPLATE } from '../src/domain/intake-template';
import { migrate } from '../src/store/db';
import { LATEST_VERSION, MIGRATIONS } from '../src/store/migrations';
import { pathsFor } from '../src/store/paths';
import { run, runJson, tempHome, writeJson, folderSnapshot } from './helpers/cli';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function answersFile(home: string): string {
  return writeJson(path.join(path.dirname(home), 'in'), 'answers.json', INTAKE_TEMPLATE);
}

function atVersion1(home: string): void {
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const old = new Database(pathsFor(home).db);
  migrate(old, MIGRATIONS.filter((m) => m.version <= 1), 0);
  old.close();
}

/** Intake plus two check-ins (one with the session done). With `fromOld`, the first command migrates from version 1. */
function healthyHome(fromOld = false): string {
  const home = tempHome();
  if (fromOld) atVersion1(home);
  for (const args of [
    ['intake', '--answers', answersFile(home), '--date', '2026-01-05'],
    ['log', '--pain', '4', '--done', 'all', '--date', '2026-01-07'],
    ['log', '--pain', '3', '--date', '2026-01-08'],
  ]) {
    const r = run(args, { home });
    expect(r.code, r.stderr).toBe(0);
  }
  return home;
}

describe('painfit doctor', () => {
  it('on a fresh home: says there is no data yet, exit 0, and creates nothing', () => {
    const home = tempHome();
    const r = run(['doctor'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(home);
    expect(r.stdout).toContain('There is no data yet');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('painfit intake'); // lines wrap to the width (issue 11)
    const { json } = runJson(['doctor'], { home });
    expect(json).toMatchObject({
      status: 'no-data',
      problem: null,
      folder: { path: home, exists: false },
      database: { path: pathsFor(home).db, exists: false },
      schema: { version: null, latest: LATEST_VERSION },
      backups: [],
      warnings: [],
    });
    expect(fs.existsSync(home)).toBe(false);
  });

  it('on a healthy home: folder, file and size, version, integrity, counts, modes; exit 0; nothing changed', () => {
    const home = healthyHome();
    const paths = pathsFor(home);
    const before = folderSnapshot(home);

    const r = run(['doctor'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    for (const text of [home, paths.db, `${LATEST_VERSION} (this painfit knows up to ${LATEST_VERSION})`, 'Integrity     ok', 'All is well']) {
      expect(r.stdout).toContain(text);
    }
    expect(r.stdout).toMatch(/checkins\s+2\b/);
    expect(r.stdout).toMatch(/intakes\s+1\b/);
    // Lines wrap between words to fit the width (issue 11).
    expect(r.stdout).toMatch(/\(0700,\s+only\s+you\)/);
    expect(r.stdout).toMatch(/\(0600,\s+only\s+you\)/);

    const { code, json } = runJson(['doctor'], { home });
    expect(code).toBe(0);
    expect(json).toMatchObject({
      status: 'ok',
      problem: null,
      folder: { path: home, exists: true, mode: '0700', private: true },
      database: { path: paths.db, exists: true, size: fs.statSync(paths.db).size, mode: '0600', private: true, wal: null, shm: null },
      schema: { version: LATEST_VERSION, latest: LATEST_VERSION, upgradePending: false },
      integrity: { ok: true, messages: ['ok'] },
      foreignKeyProblems: 0,
      backups: [],
      warnings: [],
    });
    expect(json.tables).toMatchObject({ intakes: 1, checkins: 2, entries: 2 });
    expect(json.tables.completions).toBeGreaterThan(0);
    expect(Object.keys(json.tables).sort()).toEqual([
      'checkins',
      'clearances',
      'completions',
      'entries',
      'feedback',
      'flare_plans',
      'flares',
      'intakes',
      'lesson_reads',
      'measures',
      'plan_levels',
      'rechecks',
      'settings',
      'swaps',
      'unwell',
      'walks',
      'week_states',
    ]);
    // No -wal or -shm left by the read-only look, no mode or byte changed.
    expect(folderSnapshot(home)).toEqual(before);
  });

  it('lists the backups kept before an upgrade: path, size, date and mode', () => {
    const home = healthyHome(true);
    const { code, json } = runJson(['doctor'], { home });
    expect(code).toBe(0);
    expect(json.backups).toHaveLength(1);
    const backup = json.backups[0];
    expect(backup).toMatchObject({ mode: '0600', private: true });
    expect(path.dirname(backup.path)).toBe(pathsFor(home).backups);
    expect(path.basename(backup.path)).toMatch(/^painfit-v1-.*\.db$/);
    expect(backup.size).toBe(fs.statSync(backup.path).size);
    expect(Date.parse(backup.modified)).not.toBeNaN();
    expect(json.backupFolder).toMatchObject({ exists: true, mode: '0700', private: true });
    const text = run(['doctor'], { home }).stdout;
    expect(text).toContain(backup.path);
  });

  it('on an old database: reports the pending upgrade and does not perform it', () => {
    const home = tempHome();
    atVersion1(home);
    const before = folderSnapshot(home);
    const { code, json } = runJson(['doctor'], { home });
    expect(code).toBe(0);
    expect(json).toMatchObject({ status: 'ok', schema: { version: 1, latest: LATEST_VERSION, upgradePending: true }, tables: { intakes: 0 } });
    expect(folderSnapshot(home)).toEqual(before);
    expect(run(['doctor'], { home }).stdout).toContain('upgraded on next use');
  });

  it('on damage only the integrity check finds: exit 1, the check\'s own words, file untouched', () => {
    const home = healthyHome();
    const paths = pathsFor(home);
    // Enough rows to span many pages, then one page in the middle overwritten; page 1 and the schema stay intact.
    const db = new Database(paths.db);
    const insert = db.prepare("INSERT INTO entries (kind, recorded_at) VALUES ('log', ?)");
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`2026-01-07T09:00:00.${String(i).padStart(4, '0')}Z`);
    })();
    db.close();
    const pageSize = 4096;
    const pages = fs.statSync(paths.db).size / pageSize;
    const fd = fs.openSync(paths.db, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, Math.floor(pages / 2) * pageSize);
    fs.closeSync(fd);
    const before = folderSnapshot(home);

    const r = run(['doctor', '--json'], { home });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.status).toBe('damaged');
    expect(report.integrity.ok).toBe(false);
    expect(report.integrity.messages.length).toBeGreaterThan(0);
    expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'DAMAGED_DATABASE', message: expect.stringContaining(paths.db) });
    expect(folderSnapshot(home)).toEqual(before);

    const text = run(['doctor'], { home });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('painfit cannot use this data as it is');
    expect(text.stderr).toContain('No backup was found');
    expect(text.stderr).not.toContain('painfit doctor shows'); // no sending the user to where they are
  });

  it('on a database from a newer painfit: reports it, exit 1, untouched', () => {
    const home = healthyHome();
    const db = new Database(pathsFor(home).db);
    db.pragma(`user_version = ${LATEST_VERSION + 2}`);
    db.close();
    const before = folderSnapshot(home);
    const r = run(['doctor', '--json'], { home });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'newer', schema: { version: LATEST_VERSION + 2, latest: LATEST_VERSION }, integrity: { ok: true } });
    expect(JSON.parse(r.stderr).error.code).toBe('NEWER_DATABASE');
    expect(folderSnapshot(home)).toEqual(before);
  });

  it('while another terminal has the database open with unsaved WAL pages: reads them, and leaves its -wal and -shm alone', () => {
    const home = healthyHome();
    const paths = pathsFor(home);
    const other = new Database(paths.db);
    try {
      other.pragma('wal_autocheckpoint = 0');
      other.prepare("INSERT INTO entries (kind, recorded_at) VALUES ('log', '2026-01-09T09:00:00Z')").run();
      const walBefore = sha256(paths.db + '-wal');
      const { code, json } = runJson(['doctor'], { home });
      expect(code).toBe(0);
      expect(json.tables.entries).toBe(3);
      expect(json.database.wal).toMatchObject({ mode: '0600' });
      expect(sha256(paths.db + '-wal')).toBe(walBefore);
      expect(fs.existsSync(paths.db + '-shm')).toBe(true);
      // The other terminal carries on as if nothing happened.
      other.prepare("INSERT INTO entries (kind, recorded_at) VALUES ('log', '2026-01-10T09:00:00Z')").run();
    } finally {
      other.close();
    }
    expect(runJson(['doctor'], { home }).json.tables.entries).toBe(4);
  });
});
