// painfit export / import end to end: the built CLI on temporary --home folders.
// Run `npm run build` first: these spawn bin/painfit.js.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { TABLES } from '../src/schema/export';
import { openDb } from '../src/store/db';
import { readExport } from '../src/store/export';
import { DISPOSABLE_TABLES, LATEST_VERSION } from '../src/store/migrations';
import { pathsFor } from '../src/store/paths';
import { dbHash, query, run, runJson, tempHome, writeJson, addWeeklyMeasures } from './helpers/cli';

const NOTE = 'with, comma "quote"\nand a second line';
const scratch = () => path.dirname(tempHome());
const dbExists = (home: string) => fs.existsSync(path.join(home, 'painfit.db'));
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const withoutStamp = (text: string) => text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "…"');

function ok(args: string[], home: string, input?: string): string {
  const r = run(args, { home, input });
  expect(r.code, `painfit ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

function sessionIds(home: string, date: string): string[] {
  const { json } = runJson(['today', '--date', date], { home });
  return (json.exercises as { id: string }[]).map((e) => e.id);
}

/** Realistic history: two intakes, logs (one overwriting another's completions), a swap, measures, an unwell day, a recheck, a clearance. */
function seededHome(): string {
  const home = tempHome();
  const dir = scratch();
  ok(['intake', '--answers', writeJson(dir, 'a.json', INTAKE_TEMPLATE), '--date', '2026-11-02'], home);
  ok(['log', '--date', '2026-11-02', '--pain', '4', '--done', 'all', '--during', '3', '--effort', '2', '--sleep', '6', '--note', NOTE], home);
  ok(['log', '--date', '2026-11-04', '--pain', '5', '--done', 'none', '--note', 'plain note'], home);
  const ids = sessionIds(home, '2026-11-04');
  ok(['log', '--date', '2026-11-04', '--pain', '3', '--done', ids.slice(0, 2).join(',')], home);
  ok(['swap', 'easy-walk', '--date', '2026-11-05'], home);
  ok(['settings', '--minutes', '25', '--date', '2026-11-05'], home);
  ok(['learn', '1', '--date', '2026-11-05'], home);
  ok(['flare', '--plan', 'heat pack, then a short walk', '--plan', 'call Jo', '--date', '2026-11-05'], home);
  // Issue 10's facts: a walk of the walking track and per-exercise feedback.
  const friday = sessionIds(home, '2026-11-06');
  ok(['log', '--date', '2026-11-06', '--pain', '2', '--done', 'all', '--walk', '12', '--feedback', `${friday[0]}=easy,${friday[1]}=hurt`], home);
  addWeeklyMeasures(home, '2026-11-08');
  const second = { ...structuredClone(INTAKE_TEMPLATE), about: { name: 'Sam "Jr", again', age: 58 } };
  ok(['intake', '--answers', writeJson(dir, 'b.json', second), '--date', '2026-11-09'], home);
  ok(['log', '--date', '2026-11-09', '--pain', '3', '--done', 'all'], home);
  // Issue 8's facts: an unwell day, a recheck of the screening answers, a dated clearance.
  ok(['log', '--date', '2026-11-10', '--unwell', '--note', 'a cold'], home);
  const { version, readiness, redFlags, mood } = structuredClone(INTAKE_TEMPLATE);
  const recheck = { version, readiness: { ...readiness, heartCondition: true }, redFlags, mood, clearance: null };
  ok(['recheck', '--answers', writeJson(dir, 'recheck.json', recheck), '--date', '2026-11-11'], home);
  ok(['clear', '--seen', '2026-11-12', '--by', 'Dr Patel', '--date', '2026-11-12'], home);
  // Issue 12's flare fact, last: a flare day has no session to mark done.
  ok(['flare', '--date', '2026-11-13'], home);
  return home;
}

let home: string;
let exported: string;
beforeAll(() => {
  home = seededHome();
  exported = ok(['export'], home);
});

describe('painfit export', () => {
  it('writes every table, rows in key order, 2-space JSON with a trailing newline', () => {
    const file = JSON.parse(exported);
    expect(Object.keys(file)).toEqual(['format', 'version', 'schemaVersion', 'exportedAt', ...TABLES.map((t) => t.name)]);
    expect(file).toMatchObject({ format: 'painfit-export', version: 1, schemaVersion: LATEST_VERSION });
    expect(Number.isNaN(Date.parse(file.exportedAt))).toBe(false);
    for (const t of TABLES) expect(file[t.name].length, t.name).toBeGreaterThan(0);
    expect(exported).toBe(`${JSON.stringify(file, null, 2)}\n`);
    expect(file.checkins.map((c: { id: number }) => c.id)).toEqual([1, 2, 3, 4, 5]);
    expect(file.checkins[0].note).toBe(NOTE);
    const keys = file.completions.map((c: { date: string; exercise_id: string }) => `${c.date} ${c.exercise_id}`);
    expect(keys).toEqual([...keys].sort());
    // JSON columns come out as JSON, not as strings inside strings.
    expect(file.intakes[1].answers.about.name).toBe('Sam "Jr", again');
    expect(file.entries.some((e: { replaced: unknown[] }) => e.replaced.length > 0)).toBe(true);
  });

  it('covers every table and column the database has (a new migration must extend src/schema/export.ts)', () => {
    const dir = scratch();
    const db = openDb(pathsFor(path.join(dir, 'fresh')), { create: true })!;
    try {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
        (r) => r.name,
      );
      // The caches of weekly states and of plan levels hold no facts (rebuilt on demand): the tables not exported.
      expect(DISPOSABLE_TABLES).toEqual(['week_states', 'plan_levels']);
      expect(TABLES.map((t) => t.name).sort()).toEqual(tables.filter((t) => !DISPOSABLE_TABLES.includes(t)));
      for (const t of TABLES) {
        const info = db.prepare(`PRAGMA table_info(${t.name})`).all() as { name: string; pk: number }[];
        expect(Object.keys(t.row.shape), `${t.name} columns`).toEqual(info.map((c) => c.name));
        const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
        expect(t.key, `${t.name} primary key`).toEqual(pk);
        const fks = db.prepare(`PRAGMA foreign_key_list(${t.name})`).all() as { table: string; from: string }[];
        expect(Object.fromEntries(fks.map((f) => [f.from, f.table])), `${t.name} foreign keys`).toEqual(t.refs);
      }
    } finally {
      db.close();
    }
  });

  it('does not silently drop a table it does not know yet', () => {
    const db = openDb(pathsFor(path.join(scratch(), 'fresh')), { create: true })!;
    try {
      db.exec("CREATE TABLE future (id INTEGER PRIMARY KEY, x TEXT); INSERT INTO future (x) VALUES ('kept')");
      expect(readExport(db, '2026-11-28T00:00:00.000Z').future).toEqual([{ id: 1, x: 'kept' }]);
    } finally {
      db.close();
    }
  });

  it('--out writes a private file atomically and says where on stderr', () => {
    const dir = scratch();
    const out = path.join(dir, 'backup.json');
    const r = run(['export', '--out', out], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(out);
    expect(mode(out)).toBe(0o600);
    expect(withoutStamp(fs.readFileSync(out, 'utf8'))).toBe(withoutStamp(exported));
    expect(fs.readdirSync(dir)).toEqual(['backup.json']);
  });

  it('--out into a folder that does not exist is exit 2', () => {
    const r = run(['export', '--out', path.join(scratch(), 'missing', 'backup.json')], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('folder does not exist');
  });

  it('with no data folder yet: exit 3, says there is nothing to export, creates nothing', () => {
    const empty = tempHome();
    const r = run(['export'], { home: empty });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nothing to export');
    expect(fs.existsSync(empty)).toBe(false);
  });
});

/** A minimal RFC 4180 reader, enough to prove the files round-trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe('painfit export --csv', () => {
  it('names a folder holding a control character escaped, never raw (found by the fuzz test)', () => {
    const dir = path.join(scratch(), '\u001b[31mred');
    const r = run(['export', '--csv', dir], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('\\u001b[31mred');
    expect(r.stderr).not.toMatch(/\u001b/);
  });

  it('writes checkins.csv and completions.csv with RFC 4180 quoting into a new private folder', () => {
    const dir = path.join(scratch(), 'csv', 'nested');
    const r = run(['export', '--csv', dir], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(mode(dir)).toBe(0o700);
    expect(fs.readdirSync(dir).sort()).toEqual(['checkins.csv', 'completions.csv']);
    const checkins = fs.readFileSync(path.join(dir, 'checkins.csv'), 'utf8');
    expect(mode(path.join(dir, 'checkins.csv'))).toBe(0o600);
    expect(checkins.startsWith('date,recorded_at,pain,during,effort,sleep,note\r\n')).toBe(true);
    expect(checkins).toContain(',"with, comma ""quote""\nand a second line"\r\n');
    const rows = parseCsv(checkins);
    const stored = query(home, 'SELECT date, recorded_at, pain, during, effort, sleep, note FROM checkins ORDER BY date, recorded_at, id');
    expect(rows.slice(1)).toEqual(stored.map((c) => Object.values(c).map((v) => (v === null ? '' : String(v)))));
    const completions = parseCsv(fs.readFileSync(path.join(dir, 'completions.csv'), 'utf8'));
    expect(completions[0]).toEqual(['date', 'exercise_id', 'done', 'minutes']);
    expect(completions.length - 1).toBe(query(home, 'SELECT * FROM completions').length);
  });

  it('with --json lists the files written', () => {
    const dir = path.join(scratch(), 'csv');
    const { code, json } = runJson(['export', '--csv', dir], { home });
    expect(code).toBe(0);
    expect(json.written.map((w: { file: string }) => path.basename(w.file))).toEqual(['checkins.csv', 'completions.csv']);
  });
});

describe('painfit import', () => {
  it('export → import into a new home → export again is byte-identical apart from exportedAt', () => {
    const file = writeJson(scratch(), 'backup.json', exported);
    const fresh = tempHome();
    const r = run(['import', file], { home: fresh });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/check-ins\s+5/);
    const again = ok(['export'], fresh);
    expect(withoutStamp(again)).toBe(withoutStamp(exported));
    expect(again).not.toBe(exported); // only the stamp differs
  });

  it('reads standard input with - and prints counts per table with --json', () => {
    const fresh = tempHome();
    const { code, json } = runJson(['import', '-'], { home: fresh, input: exported });
    expect(code).toBe(0);
    const file = JSON.parse(exported);
    expect(json.restored).toEqual(Object.fromEntries(TABLES.map((t) => [t.name, file[t.name].length])));
    expect(withoutStamp(ok(['export'], fresh))).toBe(withoutStamp(exported));
  });

  it('refuses a home that holds data without --replace: exit 2, nothing changed, the way out named', () => {
    const target = seededHome();
    ok(['log', '--date', '2026-11-11', '--pain', '6', '--done', 'none'], target);
    const before = dbHash(target);
    const r = run(['import', writeJson(scratch(), 'backup.json', exported)], { home: target });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--replace');
    expect(r.stderr).toContain('painfit export --out backup.json');
    expect(dbHash(target)).toBe(before);
  });

  it('--replace deletes everything and restores the file, keeping a copy of what it replaced', () => {
    const target = tempHome();
    ok(['intake', '--answers', writeJson(scratch(), 'a.json', INTAKE_TEMPLATE), '--date', '2026-11-16'], target);
    ok(['log', '--date', '2026-11-16', '--pain', '7', '--done', 'none'], target);
    const r = run(['import', writeJson(scratch(), 'backup.json', exported), '--replace'], { home: target });
    expect(r.code, r.stderr).toBe(0);
    expect(withoutStamp(ok(['export'], target))).toBe(withoutStamp(exported));
    const backups = fs.readdirSync(path.join(target, 'backups'));
    expect(backups.some((f) => f.startsWith('painfit-before-import-'))).toBe(true);
  });
});

describe('painfit import of a damaged file: exit 2, every problem listed, nothing written', () => {
  const edit = (change: (f: any) => void) => () => {
    const f = JSON.parse(exported);
    change(f);
    return JSON.stringify(f, null, 2);
  };
  const cases: { name: string; text: () => string; problems: string[] }[] = [
    { name: 'bad JSON', text: () => '{ "format": "painfit-export", ', problems: ['not valid JSON'] },
    { name: 'a truncated file', text: () => exported.slice(0, Math.floor(exported.length / 2)), problems: ['not valid JSON'] },
    { name: 'an empty file', text: () => '', problems: ['not valid JSON'] },
    { name: 'a wrong format tag', text: edit((f) => (f.format = 'painfit-backup')), problems: ['format: "painfit-backup" is not "painfit-export"'] },
    { name: 'an intake answers file', text: () => JSON.stringify(INTAKE_TEMPLATE), problems: ['format: is missing; this file was not written by painfit export'] },
    { name: 'a newer schemaVersion', text: edit((f) => (f.schemaVersion = LATEST_VERSION + 1)), problems: [`schemaVersion: ${LATEST_VERSION + 1} is newer`] },
    { name: 'a newer format version', text: edit((f) => (f.version = 2)), problems: ['version: 2 is a newer export format'] },
    { name: 'an out-of-range value', text: edit((f) => (f.checkins[3].pain = 11)), problems: ['checkins[3].pain: 11 is out of range 0-10'] },
    {
      name: 'a dangling entry_id',
      text: edit((f) => (f.completions[0].entry_id = 999)),
      problems: ['completions[0].entry_id: 999 is not the id of any row in entries'],
    },
    { name: 'a duplicate id', text: edit((f) => (f.checkins[1].id = f.checkins[0].id)), problems: ['checkins[1].id: 1 is also used by checkins[0]'] },
    {
      name: 'a duplicate (date, exercise_id)',
      text: edit((f) => f.completions.push({ ...f.completions[0], entry_id: 1 })),
      problems: [`completions[`, 'are also used by completions[0]'],
    },
    {
      name: 'invalid intake answers',
      text: edit((f) => {
        f.intakes[0].answers.pain.average = 11;
        delete f.intakes[1].answers.schedule;
      }),
      problems: ['intakes[0].answers.pain.average: 11 is out of range 0-10', 'intakes[1].answers.schedule: is missing'],
    },
    { name: 'a note longer than log allows', text: edit((f) => (f.checkins[0].note = 'x'.repeat(501))), problems: ['checkins[0].note: is longer than 500 characters'] },
    { name: 'a note with terminal control characters', text: edit((f) => (f.checkins[0].note = 'hi \u001b[2J there')), problems: ['checkins[0].note: holds a control character (U+001B)'] },
    { name: 'an impossible date', text: edit((f) => (f.checkins[0].date = '2026-02-30')), problems: ['checkins[0].date: "2026-02-30" is not a real date'] },
    {
      // Found by the fuzz test (seed 951910866): it was read as "starts a plan", quietly resetting the plan.
      name: 'an intake without keeps_progress',
      text: edit((f) => delete f.intakes[0].keeps_progress),
      problems: ['intakes[0].keeps_progress: is missing (an export of data version'],
    },
    {
      name: 'several problems at once',
      text: edit((f) => {
        f.checkins[0].sleep = -1;
        f.swaps[0].entry_id = 77;
        f.measures[0].peg_enjoyment = null;
        f.entries[0].kind = 'nap';
        f.checkins[2].colour = 'blue';
      }),
      problems: [
        'checkins[0].sleep: -1 is out of range 0-10',
        'swaps[0].entry_id: 77 is not the id of any row in entries',
        'measures[0]: peg_pain, peg_enjoyment and peg_activity go together',
        'entries[0].kind: "nap" is not a kind of entry',
        'checkins[2].colour: unknown key',
        'has 5 problems',
      ],
    },
  ];

  it.each(cases)('$name, into a fresh home: no database is created', ({ text, problems }) => {
    const fresh = tempHome();
    const r = run(['import', writeJson(scratch(), 'damaged.json', text())], { home: fresh });
    expect(r.code, r.stderr).toBe(2);
    for (const p of problems) expect(r.stderr).toContain(p);
    expect(dbHash(fresh)).toBe('absent');
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it.each(cases)('$name, with --replace into a home with data: unchanged', ({ text, problems }) => {
    const before = dbHash(home);
    const { code, json } = (() => {
      const r = run(['import', '-', '--replace', '--json'], { home, input: text() });
      return { code: r.code, json: JSON.parse(r.stderr) };
    })();
    expect(code).toBe(2);
    const listed = [json.error.message, ...(json.error.problems ?? [])].join('\n');
    for (const p of problems) expect(listed).toContain(p);
    expect(dbHash(home)).toBe(before);
    expect(dbExists(home)).toBe(true);
  });
});
