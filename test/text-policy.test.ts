// The text policy (issue 13): hostile text is refused on the way in (exit 2, naming the field,
// nothing written) and neutralised on the way out for data stored before the policy; CSV cells
// never start a formula; files that cannot be text are refused before they are read.
// Run `npm run build` first: the end-to-end part spawns bin/painfit.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NOTE_RULE } from '../src/domain/facts';
import { displayText, spreadsheetSafe, textProblem } from '../src/domain/text';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { BIN, cliEnv, dbHash, folderSnapshot, run, runJson, tempHome, writeJson } from './helpers/cli';

const scratch = () => path.dirname(tempHome());

/** What an attacker puts in text: each one does something to a terminal or a reader. */
const HOSTILE: [string, string][] = [
  ['window title (OSC 0)', 'Sam\u001b]0;pwned\u0007'],
  ['clipboard write (OSC 52)', 'x\u001b]52;c;cm0gLXJmIH4=\u0007'],
  ['screen clear', '\u001b[2J\u001b[Hok'],
  ['hidden link (OSC 8)', '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\'],
  ['8-bit CSI (C1)', 'a\u009b31mred'],
  ['bell and NUL', 'a\u0007b\u0000c'],
  ['right-to-left override', 'pain 3 \u202e01 niap'],
  ['bidi isolate', 'walk \u2066hidden\u2069'],
  ['zero-width space', 'wa\u200blk'],
  ['byte-order mark (zero-width no-break space)', 'wa\ufefflk'],
  ['zero-width joiner between ASCII letters', 'wa\u200dlk'],
];

/** Characters that must never reach a terminal raw. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]|[a-z]\u200d[a-z]/;

describe('textProblem: refused on the way in', () => {
  it.each(HOSTILE)('%s', (_name, value) => {
    expect(textProblem(value, { max: 500 })).toMatch(/^holds /);
    expect(textProblem(value, NOTE_RULE)).toMatch(/^holds /);
  });

  it.each([
    ['plain', 'walk to the shops'],
    ['accents and CJK', 'Café au lait, 散步 30 分'],
    ['emoji', 'feeling 🙂 today 👍🏽'],
    ['emoji ZWJ sequence', 'family walk 👨\u200d👩\u200d👧'],
    ['Persian with ZWNJ', 'می\u200cروم'],
    ['Hebrew', 'הליכה קצרה'],
  ])('accepts %s', (_name, value) => {
    expect(textProblem(value, { max: 80 })).toBeUndefined();
  });

  it('a line break or tab only where the field is multi-line (notes)', () => {
    expect(textProblem('one\ntwo', NOTE_RULE)).toBeUndefined();
    expect(textProblem('one\ttwo', NOTE_RULE)).toBeUndefined();
    expect(textProblem('one\ntwo', { max: 60 })).toMatch(/line break/);
    expect(textProblem('one\u2028two', { max: 60 })).toMatch(/line separator/);
  });

  it('a broken (lone surrogate) character, and text over the limit', () => {
    expect(textProblem('a\ud800b', NOTE_RULE)).toMatch(/broken character \(U\+D800\)/);
    expect(textProblem('x'.repeat(501), NOTE_RULE)).toBe('is 501 characters long; keep it to 500 characters or fewer');
  });
});

describe('displayText: neutralised on the way out', () => {
  it.each(HOSTILE)('%s', (_name, value) => {
    const shown = displayText(value);
    expect(shown).not.toMatch(RAW);
    expect(displayText(shown)).toBe(shown);
  });

  it('leaves clean text exactly as it is', () => {
    for (const clean of ['walk to the shops', 'family walk 👨\u200d👩\u200d👧', 'می\u200cروم', 'a note\nwith two lines']) {
      expect(displayText(clean, { multiline: true })).toBe(clean);
    }
  });
});

describe('spreadsheetSafe: CSV cells never start a formula', () => {
  it.each(['=HYPERLINK("http://evil.example","x")', '+1+cmd|calc', '-2+3', '@SUM(A1)', '\tx', '\rx'])('%j', (cell) => {
    expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
  });
  it('other text is unchanged', () => expect(spreadsheetSafe('knees ok, 3 - 4')).toBe('knees ok, 3 - 4'));
});

function ok(args: string[], home: string, input?: string): string {
  const r = run(args, { home, input });
  expect(r.code, `painfit ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

function intakeHome(): string {
  const home = tempHome();
  ok(['intake', '--answers', writeJson(scratch(), 'a.json', INTAKE_TEMPLATE), '--date', '2026-11-02'], home);
  return home;
}

describe('refused on the way in, end to end (exit 2, field named, nothing written)', () => {
  const home = intakeHome();

  it.each(HOSTILE)('log --note: %s', (_name, value) => {
    const before = folderSnapshot(home);
    const r = run(['log', '--date', '2026-11-03', '--pain', '3', '--note', value.replace(/\u0000/g, '')], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--note holds /);
    expect(r.stderr).not.toMatch(RAW);
    expect(folderSnapshot(home)).toEqual(before);
  });

  it.each(HOSTILE)('answers file about.name and goals[0].activity: %s', (_name, value) => {
    const fresh = tempHome();
    const answers = { ...structuredClone(INTAKE_TEMPLATE), about: { name: value.slice(0, 40), age: 58 } };
    answers.goals[0]!.activity = value.slice(0, 60);
    const r = run(['intake', '--answers', writeJson(scratch(), 'bad.json', answers)], { home: fresh });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/about\.name: holds /);
    expect(r.stderr).toMatch(/goals\[0\]\.activity: holds /);
    expect(r.stderr).not.toMatch(RAW);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('answers file with a raw NUL byte, or bytes that are not UTF-8', () => {
    const text = JSON.stringify(INTAKE_TEMPLATE);
    const nul = path.join(scratch(), 'nul.json');
    fs.writeFileSync(nul, text.replace('"Sam"', '"Sa\u0000m"'));
    const latin1 = path.join(scratch(), 'latin1.json');
    fs.writeFileSync(latin1, Buffer.concat([Buffer.from(text.replace('"Sam"', '"Jos')), Buffer.from([0xe9]), Buffer.from(text.slice(text.indexOf('"Sam"') + 4))]));
    for (const [file, message] of [
      [nul, /not valid JSON|holds a control character/],
      [latin1, /is not UTF-8 text \(an unreadable byte at offset \d+\)/],
    ] as const) {
      const fresh = tempHome();
      const r = run(['intake', '--answers', file], { home: fresh });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(fs.existsSync(fresh)).toBe(false);
    }
  });
});

describe('import takes only what painfit log and intake take', () => {
  const source = intakeHome();
  ok(['log', '--date', '2026-11-02', '--pain', '4', '--done', 'all', '--note', 'fine'], source);
  ok(['checkin', '--date', '2026-11-02', '--peg-pain', '4', '--peg-enjoyment', '5', '--peg-activity', '5', '--goals', '6'], source);
  const exported = JSON.parse(ok(['export'], source));

  const cases: [string, (f: any) => void, RegExp][] = [
    ['minutes: 1e308', (f) => (f.completions[0].minutes = 1e308), /completions\[0\]\.minutes: 1e\+308 is more minutes than a day holds/],
    ['a check-in in year 2999', (f) => (f.checkins[0].date = '2999-01-01'), /checkins\[0\]\.date: 2999-01-01 is in the future/],
    ['a measures goal of 10,000 characters', (f) => (f.measures[0].goals[0].activity = 'x'.repeat(10_000)), /measures\[0\]\.goals\[0\]\.activity: is longer than 80 characters/],
    ['a measures goal with a clipboard write', (f) => (f.measures[0].goals[0].activity = 'x\u001b]52;c;aGk=\u0007'), /measures\[0\]\.goals\[0\]\.activity: holds a control character/],
    ['a note with a right-to-left override', (f) => (f.checkins[0].note = 'ok \u202e'), /checkins\[0\]\.note: holds a text-direction override/],
    ['a name with a zero-width space', (f) => (f.intakes[0].answers.about.name = 'S\u200bam'), /intakes\[0\]\.answers\.about\.name: holds an invisible character/],
  ];

  it.each(cases)('%s: refused, nothing written', (_name, change, message) => {
    const file = structuredClone(exported);
    change(file);
    const fresh = tempHome();
    const r = run(['import', writeJson(scratch(), 'bad.json', file)], { home: fresh });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(dbHash(fresh)).toBe('absent');
  });

  it('a device (/dev/zero) is refused at once, as a file or as standard input', () => {
    // Finding: import /dev/zero read until it had used 16.8 GB of memory, then crashed.
    const fresh = tempHome();
    const direct = run(['import', '/dev/zero'], { home: fresh });
    expect(direct.code).toBe(2);
    expect(direct.stderr).toContain('it is a device, not a file');
    const piped = spawnSync(process.execPath, [BIN, '--home', fresh, 'import', '-'], { env: cliEnv(), stdio: [fs.openSync('/dev/zero', 'r'), 'pipe', 'pipe'], encoding: 'utf8' });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toContain('it is a device, not a file');
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('a stream larger than any real export is refused as soon as it passes the limit', () => {
    const fresh = tempHome();
    const r = spawnSync('sh', ['-c', `head -c 70000000 /dev/zero | "${process.execPath}" "${BIN}" --home "${fresh}" import -`], { env: cliEnv(), encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is larger than 64 MiB');
    expect(fs.existsSync(fresh)).toBe(false);
  });
});

describe('text stored before the policy is neutralised wherever it is shown', () => {
  // Stands for a database written by an older painfit, or filled by an import before this rule.
  const home = intakeHome();
  ok(['log', '--date', '2026-11-02', '--pain', '4', '--done', 'all', '--note', 'placeholder'], home);
  ok(['checkin', '--date', '2026-11-02', '--peg-pain', '4', '--peg-enjoyment', '5', '--peg-activity', '5', '--goals', '6'], home);
  const db = new Database(path.join(home, 'painfit.db'));
  const answers = JSON.parse(db.prepare('SELECT answers FROM intakes').pluck().get() as string);
  answers.about.name = 'Sam\u001b]0;pwned\u0007\u202e';
  answers.goals[0].activity = 'walk\u001b]52;c;cm0gLXJmIH4=\u0007 to the shops\u200b';
  db.prepare('UPDATE intakes SET answers = ?').run(JSON.stringify(answers));
  db.prepare('UPDATE checkins SET note = ?').run('=HYPERLINK("http://evil.example")\u001b[2J\u009b31m\u2066x\u2069');
  db.prepare('UPDATE measures SET goals = ?').run(JSON.stringify([{ activity: 'walk\u001b]8;;http://evil\u001b\\x', score: 6 }]));
  db.close();

  it.each([
    ['today', ['today', '--date', '2026-11-02']],
    ['plan', ['plan', '--date', '2026-11-02']],
    ['report', ['report', '--date', '2026-11-03']],
    ['report --json', ['report', '--date', '2026-11-03', '--json']],
    ['export', ['export']],
  ])('%s', (_name, args) => {
    const r = run(args, { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.stdout).not.toContain('\u202e');
  });

  it('report --html, export --csv (formula shown as text) and import of that export', () => {
    const dir = scratch();
    ok(['report', '--html', path.join(dir, 'r.html'), '--date', '2026-11-03'], home);
    expect(fs.readFileSync(path.join(dir, 'r.html'), 'utf8')).not.toMatch(RAW);
    ok(['export', '--csv', path.join(dir, 'csv')], home);
    const csv = fs.readFileSync(path.join(dir, 'csv', 'checkins.csv'), 'utf8');
    expect(csv.replace(/\r\n/g, '\n')).not.toMatch(RAW); // RFC 4180 ends lines in CRLF
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")`);
    const again = tempHome();
    const r = run(['import', '-'], { home: again, input: ok(['export'], home) });
    expect(r.code, r.stderr).toBe(0);
  });

  it('a file name with control characters is shown escaped: report --html, plan --ics, import (found by fuzz seed 3161422026)', () => {
    const dir = scratch();
    const name = (base: string) => path.join(dir, `\u001b]0;pwned\u0007${base}`);
    for (const args of [
      ['report', '--html', name('r.html'), '--date', '2026-11-03'],
      ['report', '--html', name('r2.html'), '--date', '2026-11-03', '--json'],
      ['plan', '--ics', name('p.ics'), '--date', '2026-11-02'],
    ]) {
      const r = run(args, { home });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(RAW);
      expect(r.stderr).toContain('\\u001b]0;pwned\\u0007');
    }
    fs.writeFileSync(name('e.json'), ok(['export'], home));
    const r = run(['import', name('e.json')], { home: tempHome() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.stdout).toContain('\\u001b]0;pwned\\u0007e.json');
  });

  it('undo shows the entry neutralised', () => {
    const copy = tempHome();
    fs.cpSync(home, copy, { recursive: true });
    const shown = run(['undo', '--yes'], { home: copy }); // the measures entry
    const second = run(['undo', '--yes'], { home: copy }); // the check-in with its note
    for (const r of [shown, second]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(RAW);
    }
    expect(runJson(['report', '--date', '2026-11-03'], { home: copy }).code).toBe(0);
  });
});
