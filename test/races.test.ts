// Races that lost data painfit had already reported as saved (issue 13). Each window is held open
// deterministically: the command under test stops at a named point (PAINFIT_TEST_PAUSE, see
// src/cli/test-pause.ts) while the test runs the "other terminal", then goes on.
// Run `npm run build` first: these spawn bin/painfit.js.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { listBackups, openDb } from '../src/store/db';
import { LATEST_VERSION, MIGRATIONS } from '../src/store/migrations';
import { pathsFor } from '../src/store/paths';
import { BIN, cliEnv, query, run, tempHome, writeJson, type RunResult } from './helpers/cli';

const scratch = () => path.dirname(tempHome());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ok(args: string[], home: string, input?: string): string {
  const r = run(args, { home, input });
  expect(r.code, `painfit ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

interface Held {
  /** Lets the held command go on; resolves with how it ended. */
  release(): Promise<RunResult>;
}

/** Starts `painfit args` and resolves once it stands still at `point`. */
async function holdAt(point: string, args: string[], home: string): Promise<Held> {
  const gate = path.join(scratch(), 'gate');
  const child = spawn(process.execPath, [BIN, '--home', home, ...args], { env: cliEnv({ PAINFIT_TEST_PAUSE: `${point}=${gate}` }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const ended = new Promise<RunResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  let finished = false;
  void ended.then(() => (finished = true));
  while (!fs.existsSync(`${gate}.reached`)) {
    if (finished) throw new Error(`painfit ${args.join(' ')} ended before reaching ${point}: ${stderr}`);
    await sleep(10);
  }
  return {
    release: () => {
      fs.writeFileSync(gate, '');
      return ended;
    },
  };
}

const notes = (home: string) => query<{ note: string }>(home, 'SELECT note FROM checkins ORDER BY id').map((r) => r.note);

function notesInBackups(home: string): string[] {
  return listBackups(pathsFor(home)).flatMap((file) => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare('SELECT note FROM checkins').all() as { note: string }[]).map((r) => r.note);
    } finally {
      db.close();
    }
  });
}

function intakeHome(): string {
  const home = tempHome();
  ok(['intake', '--answers', writeJson(scratch(), 'a.json', INTAKE_TEMPLATE), '--date', '2026-11-02'], home);
  return home;
}

describe('import into a new folder while another command saves there', () => {
  it('a refused import removes nothing: the intake and check-in saved meanwhile stay', async () => {
    // Finding: import remembered that painfit.db did not exist, and on failure deleted it with -wal
    // and -shm, although an intake and a check-in had been saved into it in between.
    const source = intakeHome();
    ok(['log', '--date', '2026-11-02', '--pain', '4', '--note', 'from the export'], source);
    const exported = path.join(scratch(), 'export.json');
    ok(['export', '--out', exported], source);

    const home = tempHome();
    const held = await holdAt('import-opened', ['import', exported], home);
    ok(['intake', '--answers', writeJson(scratch(), 'b.json', INTAKE_TEMPLATE), '--date', '2026-11-03'], home);
    ok(['log', '--date', '2026-11-03', '--pain', '2', '--note', 'saved meanwhile'], home);
    const r = await held.release();

    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('already holds data');
    expect(notes(home)).toEqual(['saved meanwhile']);
    expect(query(home, 'SELECT date FROM intakes')).toEqual([{ date: '2026-11-03' }]);
  });
});

describe('import --replace while another terminal logs', () => {
  it('the check-in saved meanwhile is in the backup the import keeps, not lost', async () => {
    // Finding: the backup was taken before, and outside, the replacing transaction: a check-in
    // committed in between was in neither the imported data nor the backup.
    const source = intakeHome();
    ok(['log', '--date', '2026-11-02', '--pain', '4', '--note', 'imported'], source);
    const exported = path.join(scratch(), 'export.json');
    ok(['export', '--out', exported], source);

    const home = intakeHome();
    ok(['log', '--date', '2026-11-02', '--pain', '5', '--note', 'before'], home);
    const held = await holdAt('import-opened', ['import', exported, '--replace'], home);
    ok(['log', '--date', '2026-11-03', '--pain', '3', '--note', 'during the import'], home);
    const r = await held.release();

    expect(r.code, r.stderr).toBe(0);
    expect(notes(home)).toEqual(['imported']);
    expect(notesInBackups(home).sort()).toEqual(['before', 'during the import']);
  });
});

describe('undo waiting while another terminal undoes and logs', () => {
  it('refuses instead of removing the new check-in it never showed', async () => {
    // Finding: entry ids were reused (INTEGER PRIMARY KEY without AUTOINCREMENT), so the waiting
    // undo found "its" id on the new entry and removed it.
    const home = intakeHome();
    ok(['log', '--date', '2026-11-02', '--pain', '4', '--note', 'first'], home);
    ok(['log', '--date', '2026-11-03', '--pain', '5', '--note', 'shown by the waiting undo'], home);
    const held = await holdAt('undo-confirmed', ['undo', '--yes'], home);
    ok(['undo', '--yes'], home);
    ok(['log', '--date', '2026-11-03', '--pain', '6', '--note', 'new, never shown'], home);
    const r = await held.release();

    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('nothing was removed');
    expect(notes(home)).toEqual(['first', 'new, never shown']);
  });

  it('refuses when import --replace brought in another entry with the same id', async () => {
    const source = intakeHome();
    ok(['log', '--date', '2026-11-02', '--pain', '1', '--note', 'imported one'], source);
    ok(['log', '--date', '2026-11-03', '--pain', '1', '--note', 'imported two'], source);
    const exported = path.join(scratch(), 'export.json');
    ok(['export', '--out', exported], source);

    const home = intakeHome();
    ok(['log', '--date', '2026-11-02', '--pain', '4', '--note', 'mine one'], home);
    ok(['log', '--date', '2026-11-03', '--pain', '5', '--note', 'mine two'], home);
    const held = await holdAt('undo-confirmed', ['undo', '--yes'], home);
    ok(['import', exported, '--replace'], home);
    const r = await held.release();

    expect(r.code, r.stderr).toBe(2);
    expect(notes(home)).toEqual(['imported one', 'imported two']);
  });

  it('ids are never handed out twice, even after an undo (the AUTOINCREMENT migration)', () => {
    const home = intakeHome();
    ok(['log', '--date', '2026-11-02', '--pain', '4'], home);
    ok(['log', '--date', '2026-11-03', '--pain', '5'], home);
    const removed = query<{ id: number }>(home, 'SELECT max(id) AS id FROM entries')[0]!.id;
    ok(['undo', '--yes'], home);
    ok(['log', '--date', '2026-11-03', '--pain', '6'], home);
    expect(query<{ id: number }>(home, 'SELECT max(id) AS id FROM entries')[0]!.id).toBe(removed + 1);
  });

  it('the AUTOINCREMENT migration keeps every entry id and continues after the largest', () => {
    const home = tempHome();
    const paths = pathsFor(home);
    const step = MIGRATIONS.find((m) => m.name.startsWith('entry ids are never reused'))!.version;
    const v3 = openDb(paths, { create: true, migrations: MIGRATIONS.filter((m) => m.version < step) })!;
    v3.exec(`INSERT INTO entries (id, kind, recorded_at) VALUES (3, 'log', '2026-11-02T09:00:00Z'), (7, 'swap', '2026-11-03T09:00:00Z');
      INSERT INTO checkins (entry_id, date, recorded_at, pain) VALUES (3, '2026-11-02', '2026-11-02T09:00:00Z', 4);
      INSERT INTO swaps (entry_id, date, exercise_id, with_id) VALUES (7, '2026-11-03', 'sit-to-stand', 'wall-push');`);
    v3.close();
    const db = openDb(paths, { create: false })!;
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.prepare('SELECT id FROM entries ORDER BY id').pluck().all()).toEqual([3, 7]);
      expect(db.prepare('SELECT count(*) FROM checkins').pluck().get()).toBe(1);
      expect(db.prepare('SELECT count(*) FROM swaps').pluck().get()).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.prepare('DELETE FROM entries WHERE id = 7').run();
      expect(db.prepare("INSERT INTO entries (kind, recorded_at) VALUES ('log', 'x') RETURNING id").pluck().get()).toBe(8);
    } finally {
      db.close();
    }
  });
});
