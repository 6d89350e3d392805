// painfit undo end to end: the built CLI on a temporary --home; the whole database is compared
// before and after, so "removes exactly the last entry and nothing else" is checked row by row.
// Run `npm run build` first: these spawn bin/painfit.js.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { DISPOSABLE_TABLES } from '../src/store/migrations';
import { openDb } from '../src/store/db';
import { pathsFor } from '../src/store/paths';
import { lastUndoable, NotLastEntryError, removeEntry, removeSettings } from '../src/store/undo';
import { dbHash, query, run, runJson, tempHome, writeJson, addWeeklyMeasures } from './helpers/cli';
import { exitWithin, KEY, spawnPainfit, type PtySession } from './helpers/pty';

type Row = Record<string, unknown>;
type Snapshot = Record<string, Row[]>;

function ok(args: string[], home: string): string {
  const r = run(args, { home });
  expect(r.code, `painfit ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/**
 * Every row of every table that holds facts, in a canonical order. The cache of weekly states is
 * left out: it is not data, and undo drops the states its entry changed (test/progress-cache.test.ts).
 */
function snapshot(home: string): Snapshot {
  const tables = query<{ name: string }>(home, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const out: Snapshot = {};
  for (const { name } of tables.filter((t) => !DISPOSABLE_TABLES.includes(t.name))) {
    out[name] = query<Row>(home, `SELECT * FROM "${name}"`).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

/** What the database must hold after undoing entry `id`: its rows gone, the rows it overwrote back. */
function withoutEntry(before: Snapshot, id: number): Snapshot {
  const entry = before.entries!.find((e) => e.id === id)!;
  const after: Snapshot = {};
  for (const [table, rows] of Object.entries(before)) {
    after[table] = rows.filter((r) => (table === 'entries' ? r.id !== id : r.entry_id !== id));
  }
  after.completions!.push(...(JSON.parse(entry.replaced as string) as Row[]));
  for (const rows of Object.values(after)) rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return after;
}

const lastEntryId = (home: string) => query<{ id: number | null }>(home, 'SELECT max(id) AS id FROM entries')[0]!.id;

/** intake; log (all done); log (none done); a second log the same day that overwrites it; a swap; measures; a last log. */
function seededHome(): string {
  const home = tempHome();
  ok(['intake', '--answers', writeJson(path.dirname(home), 'a.json', INTAKE_TEMPLATE), '--date', '2026-11-02'], home);
  ok(['log', '--date', '2026-11-02', '--pain', '4', '--done', 'all', '--note', 'first'], home);
  ok(['log', '--date', '2026-11-04', '--pain', '5', '--done', 'none'], home);
  const ids = (runJson(['today', '--date', '2026-11-04'], { home }).json.exercises as { id: string }[]).map((e) => e.id);
  ok(['log', '--date', '2026-11-04', '--pain', '3', '--done', ids.slice(0, 2).join(','), '--during', '4', '--note', 'second go'], home);
  ok(['swap', 'easy-walk', '--date', '2026-11-05'], home);
  addWeeklyMeasures(home, '2026-11-08');
  ok(['log', '--date', '2026-11-09', '--pain', '2', '--done', 'all', '--sleep', '7'], home);
  return home;
}

describe('painfit undo --yes', () => {
  it('removes exactly the last entry each time, restores what it overwrote, back to empty', () => {
    const home = seededHome();
    const kinds: string[] = [];
    for (let id = lastEntryId(home); id !== null; id = lastEntryId(home)) {
      const before = snapshot(home);
      kinds.push(before.entries!.find((e) => e.id === id)!.kind as string);
      const r = run(['undo', '--yes'], { home });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Removed the /);
      expect(r.stderr).toContain('The most recent entry is');
      expect(snapshot(home)).toEqual(withoutEntry(before, id));
    }
    expect(kinds).toEqual(['log', 'measures', 'swap', 'log', 'log', 'log']);
    expect(query(home, 'SELECT count(*) AS n FROM intakes')[0].n).toBe(1);
    const r = run(['undo', '--yes'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Nothing to undo.\n');
    expect(r.stderr).toContain('run painfit intake again');
  });

  it('undoing a log that overwrote the same day puts the earlier answers back', () => {
    const home = seededHome();
    // Undo the last log, the measures and the swap: the overwriting log is then the most recent.
    for (let i = 0; i < 3; i++) ok(['undo', '--yes'], home);
    const overwriting = lastEntryId(home)!;
    const earlier = overwriting - 1;
    // The overwriting log marked two exercises done; the earlier one had recorded them as not done.
    expect(query(home, 'SELECT count(*) AS n FROM completions WHERE entry_id = ?', overwriting)[0].n).toBe(2);
    const r = run(['undo', '--yes'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('pain 3/10');
    expect(r.stderr).toContain('note: "second go"');
    // Lines wrap between words to fit 80 columns (issue 11): the done line is read with breaks as spaces.
    const said = r.stderr.replace(/\s+/g, ' ');
    expect(said).toMatch(/ done: [^()]*\([^()]*\), [^()]*\([^()]*\)/);
    expect(said).toContain('those come back');
    expect(r.stdout).toContain('are back');
    const back = query<{ done: number; entry_id: number }>(home, "SELECT done, entry_id FROM completions WHERE date = '2026-11-04'");
    expect(back.length).toBeGreaterThan(0);
    expect(back.every((c) => c.done === 0 && c.entry_id === earlier)).toBe(true);
  });

  it('with --json prints what was removed', () => {
    const home = seededHome();
    const { code, json, stderr } = runJson(['undo', '--yes'], { home });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(json.removed).toMatchObject({ kind: 'log', checkins: [{ date: '2026-11-09', pain: 2, sleep: 7 }], restores: [] });
    expect(json.removed.completions.length).toBeGreaterThan(0);
    expect(json.removed.completions.every((c: { done: boolean }) => c.done)).toBe(true);
    // The swap is shown as a swap.
    ok(['undo', '--yes'], home); // measures
    const swap = runJson(['undo', '--yes'], { home }).json.removed;
    expect(swap).toMatchObject({ kind: 'swap', swaps: [{ date: '2026-11-05', exerciseId: 'easy-walk' }] });
  });

  it('with nothing stored: a calm "Nothing to undo.", exit 0, no database created', () => {
    const home = tempHome();
    expect(run(['undo', '--yes'], { home })).toMatchObject({ code: 0, stdout: 'Nothing to undo.\n' });
    expect(runJson(['undo'], { home })).toMatchObject({ code: 0, json: { removed: null } });
    expect(fs.existsSync(home)).toBe(false);
  });
});

describe('painfit undo without --yes', () => {
  it('off a terminal: exit 2 naming --yes, shows what it would remove, removes nothing', () => {
    const home = seededHome();
    const before = dbHash(home);
    const r = run(['undo'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(r.stderr).toContain('pain 2/10');
    expect(dbHash(home)).toBe(before);
  });

  it('with --json: never asks, exit 2 naming --yes, removes nothing', () => {
    const home = seededHome();
    const before = dbHash(home);
    const r = run(['undo', '--json'], { home });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'NEEDS_YES' });
    expect(r.stderr).toContain('--yes');
    expect(dbHash(home)).toBe(before);
  });
});

describe('painfit undo on a terminal', () => {
  const sessions: PtySession[] = [];
  afterEach(() => {
    for (const s of sessions.splice(0)) s.kill();
  });
  const start = (home: string) => {
    const s = spawnPainfit(home, ['undo'], { env: { NO_COLOR: '1' } });
    sessions.push(s);
    return s;
  };

  it('shows the entry and asks; Enter (default no) removes nothing', async () => {
    const home = seededHome();
    const before = dbHash(home);
    const s = start(home);
    await s.waitFor('pain 2/10');
    await s.answer('Remove it?', KEY.enter);
    await s.waitFor('Nothing was removed.');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(dbHash(home)).toBe(before);
  });

  it('y removes it', async () => {
    const home = seededHome();
    const before = snapshot(home);
    const last = lastEntryId(home)!;
    const s = start(home);
    await s.answer('Remove it?', 'y' + KEY.enter);
    await s.waitFor('Removed the check-in for Mon 9 Nov 2026.');
    expect((await exitWithin(s)).exitCode).toBe(0);
    expect(snapshot(home)).toEqual(withoutEntry(before, last));
  });
});

describe('painfit undo and settings changes (a settings change is a dated fact too)', () => {
  it('the latest settings change is offered and removed like an entry; the days before it apply again; then the entry before it', () => {
    const home = seededHome();
    const planBefore = runJson(['plan', '--date', '2026-11-16'], { home }).json;
    ok(['settings', '--days', 'tue,thu,sat', '--minutes', '25', '--date', '2026-11-16'], home);
    expect(runJson(['plan', '--date', '2026-11-16'], { home }).json).not.toEqual(planBefore);
    const before = snapshot(home);

    const r = run(['undo', '--yes'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('The most recent entry is the settings change from Mon 16 Nov 2026');
    expect(r.stderr).toContain('days tue, thu, sat; 25 minutes a session');
    expect(r.stdout).toContain('Removed the settings change from Mon 16 Nov 2026.');
    // Only the settings row went.
    expect(snapshot(home)).toEqual({ ...before, settings: [] });
    expect(runJson(['plan', '--date', '2026-11-16'], { home }).json).toEqual(planBefore);

    // Then the most recent entry again.
    const id = lastEntryId(home)!;
    const next = snapshot(home);
    ok(['undo', '--yes'], home);
    expect(snapshot(home)).toEqual(withoutEntry(next, id));
  });

  it('--json names it a settings change; without --yes off a terminal nothing is removed', () => {
    const home = seededHome();
    ok(['settings', '--equipment', 'band,mat', '--date', '2026-11-16'], home);
    const hash = dbHash(home);
    const refused = run(['undo'], { home });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('settings change');
    expect(dbHash(home)).toBe(hash);
    const { code, json } = runJson(['undo', '--yes'], { home });
    expect(code).toBe(0);
    expect(json.removed).toMatchObject({ kind: 'settings', date: '2026-11-16', changes: { equipment: ['band', 'mat'] } });
    expect(query(home, 'SELECT count(*) AS n FROM settings')[0].n).toBe(0);
  });

  it('a log saved after a settings change is undone first', () => {
    const home = seededHome();
    ok(['settings', '--minutes', '25', '--date', '2026-11-10'], home);
    ok(['log', '--date', '2026-11-11', '--pain', '3'], home);
    const r = runJson(['undo', '--yes'], { home });
    expect(r.json.removed).toMatchObject({ kind: 'log', checkins: [{ date: '2026-11-11' }] });
    expect(query(home, 'SELECT count(*) AS n FROM settings')[0].n).toBe(1);
    expect(runJson(['undo', '--yes'], { home }).json.removed).toMatchObject({ kind: 'settings' });
  });
});

describe('undo of a settings change removes only what it showed', () => {
  it('a check-in saved in between (another terminal): the settings change is not removed', () => {
    const home = seededHome();
    ok(['settings', '--minutes', '25', '--date', '2026-11-10'], home);
    const db = openDb(pathsFor(home), { create: false })!;
    try {
      const shown = lastUndoable(db);
      expect(shown?.kind).toBe('settings');
      ok(['log', '--date', '2026-11-11', '--pain', '3'], home);
      const hash = dbHash(home);
      expect(() => shown?.kind === 'settings' && removeSettings(db, shown.settings)).toThrow(NotLastEntryError);
      expect(dbHash(home)).toBe(hash);
    } finally {
      db.close();
    }
  });

  it('a settings change saved in between: the entry shown is not removed', () => {
    const home = seededHome();
    const db = openDb(pathsFor(home), { create: false })!;
    try {
      const shown = lastUndoable(db);
      expect(shown?.kind).toBe('entry');
      ok(['settings', '--minutes', '25', '--date', '2026-11-10'], home);
      const hash = dbHash(home);
      expect(() => shown?.kind === 'entry' && removeEntry(db, shown.entry)).toThrow(NotLastEntryError);
      expect(dbHash(home)).toBe(hash);
    } finally {
      db.close();
    }
  });
});
