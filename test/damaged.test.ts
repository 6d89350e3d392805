// Damaged and foreign files (issue 5, item 4): a truncated or overwritten painfit.db, a database from
// a newer painfit, and someone else's SQLite file are refused by every command that reads or writes
// data, with a message naming the file and the latest backup, and their bytes are never changed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { INTAKE_TEMPLATE } from '../src/domain/intake-template';
import { listBackups, migrate } from '../src/store/db';
import { LATEST_VERSION, MIGRATIONS } from '../src/store/migrations';
import { pathsFor } from '../src/store/paths';
import { folderSnapshot, run, tempHome, writeJson } from './helpers/cli';


const DATE = '2026-01-07';

function answersFile(home: string): string {
  return writeJson(path.join(path.dirname(home), 'in'), 'answers.json', INTAKE_TEMPLATE);
}

/** A home with real data. With `backup`, it starts at data version 1, so the first command keeps a backup. */
function homeWithData(backup: boolean): string {
  const home = tempHome();
  if (backup) {
    fs.mkdirSync(home, { recursive: true, mode: 0o700 });
    const old = new Database(pathsFor(home).db);
    migrate(old, MIGRATIONS.filter((m) => m.version <= 1), 0);
    old.close();
  }
  const intake = run(['intake', '--answers', answersFile(home), '--date', '2026-01-05'], { home });
  expect(intake.code, intake.stderr).toBe(0);
  const log = run(['log', '--pain', '4', '--done', 'all', '--date', DATE], { home });
  expect(log.code, log.stderr).toBe(0);
  expect(listBackups(pathsFor(home))).toHaveLength(backup ? 1 : 0);
  return home;
}

const DAMAGE: [string, (file: string) => void][] = [
  ['truncated to 1000 bytes', (file) => fs.truncateSync(file, 1000)],
  ['truncated to two pages', (file) => fs.truncateSync(file, 8192)],
  ['overwritten with random bytes', (file) => fs.writeFileSync(file, crypto.randomBytes(fs.statSync(file).size))],
  ['overwritten with text', (file) => fs.writeFileSync(file, 'these are my notes, not a database\n'.repeat(200))],
];

/** Every command that reads or writes the data, as a user would type it. */
const COMMANDS: [string, string, (home: string) => string[]][] = [
  ['today', 'today', () => ['today']],
  ['painfit (no command)', 'default', () => []],
  ['log', 'log', () => ['log', '--pain', '3', '--date', DATE]],
  ['log --done all', 'log', () => ['log', '--pain', '3', '--done', 'all', '--date', DATE]],
  ['plan', 'plan', () => ['plan']],
  ['swap', 'swap', () => ['swap', 'sit-to-stand']],
  ['report', 'report', () => ['report']],
  ['report --csv', 'report', () => ['report', '--csv']],
  ['export', 'export', () => ['export']],
  ['checkin', 'checkin', () => ['checkin', '--peg-pain', '4', '--peg-enjoyment', '5', '--peg-activity', '5']],
  ['undo --yes', 'undo', () => ['undo', '--yes']],
  ['doctor', 'doctor', () => ['doctor']],
  ['intake --answers', 'intake', (home) => ['intake', '--answers', answersFile(home)]],
];

/** One damaged home per (damage, backup) pair, shared by every command: each must leave it as found. */
const homes = new Map<string, string>();
function damagedHome(damage: string, backup: boolean): string {
  const key = `${damage}/${backup}`;
  let home = homes.get(key);
  if (!home) {
    home = homeWithData(backup);
    DAMAGE.find(([name]) => name === damage)![1](pathsFor(home).db);
    homes.set(key, home);
  }
  return home;
}

describe.each(DAMAGE.map(([name]) => name))('a painfit.db %s', (damage) => {
  describe.each([
    ['no backup yet', false],
    ['a backup kept from an earlier upgrade', true],
  ] as const)('with %s', (_label, backup) => {
    it.each(COMMANDS)('%s exits 1 naming the file and what to do, and changes nothing', (_name, _command, args) => {
      const home = damagedHome(damage, backup);
      const paths = pathsFor(home);
      const argv = args(home);
      const before = folderSnapshot(home);

      const r = run(argv, { home });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(paths.db);
      expect(r.stderr).toMatch(/damaged/);
      expect(r.stderr).toContain('has not changed it');
      const latest = listBackups(paths).at(-1);
      if (backup) expect(r.stderr).toContain(`The most recent backup is ${latest}`);
      else expect(r.stderr).toContain(`No backup was found in ${paths.backups}`);
      expect(r.stderr).not.toMatch(/unexpected|\n\s+at /);
      // One message, one line (doctor's report goes to stdout).
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(folderSnapshot(home)).toEqual(before);

      if (argv.includes('--csv')) return; // --csv and --json are exclusive
      const json = run([...argv, '--json'], { home });
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stderr).error).toMatchObject({ code: 'DAMAGED_DATABASE', message: expect.stringContaining(paths.db) });
      expect(folderSnapshot(home)).toEqual(before);
    });
  });
});

describe('doctor on a damaged database', () => {
  it('reports the problem in its JSON, with the backups, and leaves no -wal or -shm behind', () => {
    const home = damagedHome('truncated to 1000 bytes', true);
    const before = folderSnapshot(home);
    const r = run(['doctor', '--json'], { home });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      status: 'damaged',
      problem: { code: 'DAMAGED_DATABASE' },
      database: { exists: true, size: 1000, wal: null, shm: null },
      integrity: { ok: false, messages: [expect.stringContaining('malformed')] },
    });
    expect(report.backups).toHaveLength(1);
    expect(folderSnapshot(home)).toEqual(before);
  });
});

describe('a database from a newer painfit, and a foreign SQLite file', () => {
  function newerHome(): string {
    const home = homeWithData(false);
    const db = new Database(pathsFor(home).db);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    return home;
  }
  function foreignHome(): string {
    const home = tempHome();
    fs.mkdirSync(home, { recursive: true });
    const db = new Database(pathsFor(home).db);
    db.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')");
    db.close();
    return home;
  }
  const newer = newerHome();
  const foreign = foreignHome();

  it.each(COMMANDS)('%s refuses both and changes neither', (_name, _command, args) => {
    for (const [home, code, words] of [
      [newer, 'NEWER_DATABASE', `data version ${LATEST_VERSION + 1}`],
      [foreign, 'FOREIGN_DATABASE', 'not one painfit wrote'],
    ] as const) {
      const before = folderSnapshot(home);
      const argv = args(home);
      const r = run(argv.includes('--csv') ? argv : [...argv, '--json'], { home });
      expect(r.code, r.stderr).toBe(1);
      if (argv.includes('--csv')) {
        expect(r.stderr).toContain(words);
        expect(folderSnapshot(home)).toEqual(before);
        continue;
      }
      const error = JSON.parse(r.stderr).error;
      expect(error.code).toBe(code);
      expect(error.message).toContain(pathsFor(home).db);
      expect(error.message).toContain(words);
      expect(error.message).toMatch(/has not (been )?changed/);
      expect(folderSnapshot(home)).toEqual(before);
    }
  });
});

describe('opening never repairs or recreates', () => {
  it('an empty (0-byte) painfit.db is a new database, not a damaged one', () => {
    const home = tempHome();
    fs.mkdirSync(home, { recursive: true, mode: 0o700 });
    fs.writeFileSync(pathsFor(home).db, '');
    const r = run(['intake', '--answers', answersFile(home)], { home });
    expect(r.code, r.stderr).toBe(0);
  });

  it('painfit.db that is a folder is refused without touching it', () => {
    const home = tempHome();
    fs.mkdirSync(path.join(pathsFor(home).db, 'inside'), { recursive: true });
    const r = run(['log', '--pain', '3', '--json'], { home });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.message).toContain(pathsFor(home).db);
    expect(fs.readdirSync(pathsFor(home).db)).toEqual(['inside']);
  });
});

describe('damage that only shows once a query reaches it', () => {
  it('a clear exit 1 naming painfit doctor, no stack trace, the file unchanged', () => {
    const home = homeWithData(false);
    const file = pathsFor(home).db;
    for (let d = 8; d <= 20; d++) {
      const r = run(['log', '--pain', '3', '--done', 'all', '--date', `2026-01-${String(d).padStart(2, '0')}`, '--note', 'x'.repeat(400)], { home });
      expect(r.code, r.stderr).toBe(0);
    }
    // Fold the WAL into the file, then overwrite every page but the first (header and schema stay readable).
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(4 * pageSize);
    for (let i = pageSize * 3; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    fs.writeFileSync(file, bytes);
    const before = folderSnapshot(home);

    const r = run(['report', '--date', '2026-01-20'], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/damaged/);
    expect(r.stderr).toContain('painfit doctor');
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(r.stdout).toBe('');
    expect(folderSnapshot(home)).toEqual(before);
  });
});
