// painfit intake end to end: the built CLI on a temporary --home, a real SQLite file afterwards.
// Run `npm run build` first: these spawn bin/painfit.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../src/cli/context';
import type { IntakeAnswers } from '../src/domain/intake';
import { INTAKE_TEMPLATE, parseIntake } from '../src/schema/intake';
import { BIN, dbHash, query, ROOT, run, runJson, tempHome, writeJson } from './helpers/cli';

const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

interface IntakeRow {
  id: number;
  date: string;
  recorded_at: string;
  answers_version: number;
  answers: string;
}

const template = (): IntakeAnswers => structuredClone(INTAKE_TEMPLATE);
const scratch = () => path.dirname(tempHome());
const answersFile = (value: unknown, name = 'answers.json') => writeJson(scratch(), name, value);
const rows = (home: string) => query<IntakeRow>(home, 'SELECT * FROM intakes ORDER BY id');

/** A home that already holds one saved intake, to prove that bad input changes nothing. */
function seededHome(): string {
  const home = tempHome();
  const r = run(['intake', '--answers', answersFile(template())], { home });
  expect(r.code, r.stderr).toBe(0);
  return home;
}

describe('a valid answers file', () => {
  it('is saved as one dated intake row, with the summary on stdout and talk on stderr', () => {
    const home = tempHome();
    const r = run(['intake', '--answers', answersFile(template())], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Your answers');
    // §1a: a bone/joint "yes" alone is the pain itself: no effort cap, so "you can start".
    expect(r.stdout).toContain('Safety check: you can start');
    // Where, in plain words: "(version 1)" here was the row's id, read as the answers file's version.
    expect(r.stderr).toContain(`Saved your answers in ${path.join(home, 'painfit.db')}.`);
    const saved = rows(home);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.date).toBe(localDate(new Date()));
    expect(saved[0]!.answers_version).toBe(2);
    expect(Number.isNaN(Date.parse(saved[0]!.recorded_at))).toBe(false);
    expect(JSON.parse(saved[0]!.answers)).toEqual(INTAKE_TEMPLATE);
  });

  it('with --json prints the saved intake and its screening on stdout, nothing on stderr', () => {
    const home = tempHome();
    const { code, json, stderr } = runJson(['intake', '--answers', answersFile(template()), '--date', '2026-01-05'], { home });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(json).toMatchObject({
      saved: true,
      intake: { id: 1, date: '2026-01-05' },
      // §1a (issue 8): bone/joint alone does not cap effort; the follow-ups (all "no") decide.
      screening: { outcome: 'proceed', readiness: 'proceed', redFlagTier: null, readinessYes: ['boneJoint'], maxEffort: 4 },
    });
    expect(rows(home).map((r) => [r.id, r.date])).toEqual([[1, '2026-01-05']]);
  });

  it('is read from standard input with --answers -', () => {
    const home = tempHome();
    const r = run(['intake', '--answers', '-'], { home, input: JSON.stringify(template()) });
    expect(r.code, r.stderr).toBe(0);
    expect(rows(home)).toHaveLength(1);
  });

  it('is accepted when saved by a Windows editor with a byte-order mark', () => {
    const home = tempHome();
    const file = answersFile('\uFEFF' + JSON.stringify(template(), null, 2), 'bom.json');
    const r = run(['intake', '--answers', file], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(rows(home)).toHaveLength(1);
  });

  it('global options work after the command name too', () => {
    const home = tempHome();
    const r = run(['intake', '--answers', answersFile(template()), '--home', home, '--date', '2026-02-02']);
    expect(r.code, r.stderr).toBe(0);
    expect(rows(home).map((x) => x.date)).toEqual(['2026-02-02']);
  });

  it('shows the safety stop when the answers say see a clinician (still saved, exit 3: §1b act at once)', () => {
    const home = tempHome();
    const answers = template();
    answers.redFlags.saddleNumbness = true;
    const r = run(['intake', '--answers', answersFile(answers)], { home });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toContain('please see a clinician before starting');
    expect(r.stdout).toMatch(/emergency/);
    expect(r.stderr).not.toContain('Next: painfit today');
    expect(rows(home)).toHaveLength(1);
  });
});

describe('--template', () => {
  it('prints a complete example that parses, and writes nothing', () => {
    const home = tempHome();
    const r = run(['intake', '--template'], { home });
    expect(r.code).toBe(0);
    const parsed = parseIntake(JSON.parse(r.stdout));
    expect(parsed.ok).toBe(true);
    expect(fs.existsSync(home)).toBe(false);
  });

  it('is accepted as input by --answers, from a file and from stdin', () => {
    const home = tempHome();
    const printed = run(['intake', '--template'], { home }).stdout;
    const viaFile = run(['intake', '--answers', answersFile(printed, 'template.json')], { home });
    expect(viaFile.code, viaFile.stderr).toBe(0);
    const viaStdin = run(['intake', '--answers', '-'], { home, input: printed });
    expect(viaStdin.code, viaStdin.stderr).toBe(0);
    expect(rows(home)).toHaveLength(2);
  });

  it('cannot be combined with --answers (exit 2)', () => {
    const r = run(['intake', '--template', '--answers', 'x.json'], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--template and --answers cannot be used together');
  });
});

type Mutate = (a: Record<string, any>) => void;

/** Each kind of bad answers file: the problems that must all be listed, one line each. */
const BAD_FILES: [kind: string, content: string | Mutate, code: string, expected: string[]][] = [
  ['bad JSON', '{ "version": 1, "about": ', 'BAD_JSON', ['not valid JSON', 'painfit intake --template']],
  ['empty file', '', 'BAD_JSON', ['not valid JSON']],
  ['not an object', '[1, 2]', 'BAD_ANSWERS', ['(top level): a list is not an object']],
  [
    'unknown keys',
    (a) => {
      a.extra = true;
      a.about.nickname = 'S';
      a.redFlags.headache = false;
    },
    'BAD_ANSWERS',
    ['extra: unknown key', 'about.nickname: unknown key', 'redFlags.headache: unknown key'],
  ],
  [
    'out-of-range values',
    (a) => {
      a.pain.average = 11;
      a.about.age = 12;
      a.schedule.minutes = 90;
      a.goals[0].score = -1;
      a.ability.walkMinutes = 121;
    },
    'BAD_ANSWERS',
    [
      'pain.average: 11 is out of range 0-10',
      'about.age: 12 is out of range 18-120',
      'schedule.minutes: 90 is out of range 10-60',
      'goals[0].score: -1 is out of range 0-10',
      'ability.walkMinutes: 121 is out of range 0-120',
    ],
  ],
  [
    'wrong types',
    (a) => {
      a.about.age = '58';
      a.ability.floor = 'yes';
      a.pain.regions = 'knee';
      a.pain.months = 1.5;
      a.version = 3;
    },
    'BAD_ANSWERS',
    [
      'about.age: "58" is not a number',
      'ability.floor: "yes" is not true or false',
      'pain.regions: "knee" is not a list of regions',
      'pain.months: 1.5 is not a whole number',
      'version: 3 is not a supported version; use 2 (files of version 1 are still accepted)',
    ],
  ],
  [
    'missing answers',
    (a) => {
      delete a.readiness.chestPain;
      delete a.schedule;
    },
    'BAD_ANSWERS',
    ['readiness.chestPain: is missing (true or false)', 'schedule: is missing'],
  ],
  [
    'empty regions',
    (a) => {
      a.pain.regions = [];
    },
    'BAD_ANSWERS',
    ['pain.regions: is empty; choose at least one of neck, shoulder'],
  ],
  [
    'bad day names',
    (a) => {
      a.schedule.days = ['mon', 'Tuesday', 'funday'];
    },
    'BAD_ANSWERS',
    [
      'schedule.days[1]: "Tuesday" is not a day; use one of mon, tue, wed, thu, fri, sat, sun',
      'schedule.days[2]: "funday" is not a day',
    ],
  ],
  [
    'unknown vocabulary and repeats',
    (a) => {
      a.pain.regions = ['knee', 'elbow', 'knee'];
      a.likes.cardio = ['running'];
      a.goals = [];
    },
    'BAD_ANSWERS',
    [
      'pain.regions[1]: "elbow" is not a body region',
      'likes.cardio[0]: "running" is not a kind of cardio',
      'goals: name at least one activity',
    ],
  ],
  [
    'every kind at once',
    (a) => {
      a.surprise = 1;
      a.pain.average = 11;
      a.about.age = 'old';
      a.pain.regions = [];
      a.schedule.days = ['funday'];
    },
    'BAD_ANSWERS',
    [
      'have 5 problems',
      'surprise: unknown key',
      'pain.average: 11 is out of range 0-10',
      'about.age: "old" is not a number',
      'pain.regions: is empty',
      'schedule.days[0]: "funday" is not a day',
    ],
  ],
];

const contentOf = (content: string | Mutate): string => {
  if (typeof content === 'string') return content;
  const a = template() as unknown as Record<string, any>;
  content(a);
  return JSON.stringify(a, null, 2);
};

describe('an invalid answers file → exit 2, every problem listed, nothing written', () => {
  let seeded: string;
  beforeAll(() => {
    seeded = seededHome();
  });

  it.each(BAD_FILES)('%s (from a file)', (_kind, content, code, expected) => {
    const file = answersFile(contentOf(content));
    const before = dbHash(seeded);
    const r = run(['intake', '--answers', file], { home: seeded });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    for (const line of expected) expect(r.stderr).toContain(line);
    if (code === 'BAD_ANSWERS') {
      // One "  - path: problem" line per problem, as many as the count says.
      const listed = r.stderr.split('\n').filter((l) => l.startsWith('  - '));
      expect(listed.length).toBeGreaterThanOrEqual(expected.filter((l) => !l.startsWith('have ')).length);
      expect(r.stderr).toContain(`have ${listed.length} problem`);
      expect(r.stderr).toContain('nothing was saved');
    }
    expect(dbHash(seeded)).toBe(before);

    // A fresh home gets no database, not even its folder.
    const fresh = tempHome();
    expect(run(['intake', '--answers', file], { home: fresh }).code).toBe(2);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it.each(BAD_FILES)('%s (from stdin with --answers -)', (_kind, content, _code, expected) => {
    const before = dbHash(seeded);
    const r = run(['intake', '--answers', '-'], { home: seeded, input: contentOf(content) });
    expect(r.code).toBe(2);
    for (const line of expected) expect(r.stderr).toContain(line);
    expect(r.stderr).toContain('standard input');
    expect(dbHash(seeded)).toBe(before);
  });

  it.each(BAD_FILES)('%s with --json → a JSON error on stderr', (_kind, content, code, expected) => {
    const fresh = tempHome();
    const r = run(['intake', '--answers', answersFile(contentOf(content)), '--json'], { home: fresh });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const { error } = JSON.parse(r.stderr) as { error: { code: string; message: string; problems?: string[] } };
    expect(error.code).toBe(code);
    expect(typeof error.message).toBe('string');
    if (code === 'BAD_ANSWERS') {
      for (const line of expected.filter((l) => !l.startsWith('have '))) {
        expect(error.problems!.some((p) => p.startsWith(line)), `${line} in ${JSON.stringify(error.problems)}`).toBe(true);
      }
    } else {
      expect(error.problems).toBeUndefined();
      for (const line of expected) expect(error.message).toContain(line);
    }
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('a missing file → exit 2 naming the file', () => {
    const before = dbHash(seeded);
    const missing = path.join(scratch(), 'no-such-answers.json');
    const r = run(['intake', '--answers', missing], { home: seeded });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toContain('there is no such file');
    expect(dbHash(seeded)).toBe(before);
    const fresh = tempHome();
    expect(run(['intake', '--answers', missing], { home: fresh }).code).toBe(2);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('a folder instead of a file → exit 2', () => {
    const before = dbHash(seeded);
    const folder = scratch();
    const r = run(['intake', '--answers', folder], { home: seeded });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is a folder, not a file');
    expect(dbHash(seeded)).toBe(before);
  });

  it('--json: a missing file is a JSON error with code BAD_FILE', () => {
    const r = run(['intake', '--answers', path.join(scratch(), 'nope.json'), '--json'], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'BAD_FILE', message: expect.stringContaining('nope.json') });
  });
});

describe('intake history and --date', () => {
  it('re-running intake keeps the earlier version (two rows)', () => {
    const home = tempHome();
    expect(run(['intake', '--answers', answersFile(template()), '--date', '2026-01-05'], { home }).code).toBe(0);
    const first = rows(home);
    const second = template();
    second.pain.average = 3;
    expect(run(['intake', '--answers', answersFile(second), '--date', '2026-03-02'], { home }).code).toBe(0);
    const all = rows(home);
    expect(all).toHaveLength(2);
    expect(all[0]).toEqual(first[0]);
    expect(all.map((r) => r.date)).toEqual(['2026-01-05', '2026-03-02']);
    expect((JSON.parse(all[1]!.answers) as IntakeAnswers).pain.average).toBe(3);
  });

  it('--date dates the intake', () => {
    const home = tempHome();
    const { json } = runJson(['intake', '--answers', answersFile(template()), '--date', '2024-02-29'], { home });
    expect(json.intake.date).toBe('2024-02-29');
    expect(rows(home)[0]!.date).toBe('2024-02-29');
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-5', 'tomorrow', ''])('a bad --date %j → exit 2 naming the value, nothing written', (bad) => {
    const home = tempHome();
    const r = run(['intake', '--answers', answersFile(template()), '--date', bad], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`"${bad}"`);
    expect(r.stderr).toContain('YYYY-MM-DD');
    expect(fs.existsSync(home)).toBe(false);
  });

  it('a bad --date with --json → JSON error BAD_DATE', () => {
    const r = run(['intake', '--answers', answersFile(template()), '--date', '2026-02-30', '--json'], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'BAD_DATE', message: expect.stringContaining('2026-02-30') });
  });
});

describe('command-line conventions', () => {
  it('an unknown option → exit 2', () => {
    const r = run(['intake', '--bogus'], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
  });

  it('an unknown option with --json → a JSON usage error', () => {
    const r = run(['--bogus', '--json'], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'USAGE', message: expect.stringContaining('--bogus') });
  });

  it('an unknown command → exit 2', () => {
    const home = tempHome();
    const r = run(['bogus'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--help');
    expect(fs.existsSync(home)).toBe(false);
  });

  it.each(['--version', '-V'])('%s prints the package version', (flag) => {
    const r = run([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(PKG.version);
  });

  it('--help shows the commands and example command lines', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: painfit');
    expect(r.stdout).toMatch(/^ {2}\$ painfit intake/m);
    for (const flag of ['--home', '--date', '--json', '--no-color', '--version']) expect(r.stdout).toContain(flag);
  });

  it('every command has help with an example', () => {
    const help = run(['--help']).stdout;
    const section = help.split('Commands:')[1]?.split(/\n\s*\n/)[0] ?? '';
    const commands = [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands).toContain('intake');
    for (const command of commands) {
      const r = run([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toContain('Example');
      expect(r.stdout, command).toContain(`$ painfit ${command}`);
    }
  });

  it('intake with stdin not a terminal and no --answers → exit 2 at once, naming --answers', () => {
    const home = tempHome();
    const r = run(['intake'], { home, input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not an interactive terminal');
    expect(r.stderr).toContain('--answers');
    expect(fs.existsSync(home)).toBe(false);
  });

  it('intake with --json never prompts: JSON error naming --answers', () => {
    const r = run(['intake', '--json'], { home: tempHome(), input: '' });
    expect(r.code).toBe(2);
    const { error } = JSON.parse(r.stderr);
    expect(error.code).toBe('NOT_A_TERMINAL');
    expect(error.message).toContain('--answers');
  });
});

/** Spawns the CLI with exactly this colour environment (helpers/cli always sets NO_COLOR). */
function runWithEnv(args: string[], colorEnv: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ...colorEnv };
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'PAINFIT_HOME', 'NODE_EXTRA_CA_CERTS']) if (!(key in colorEnv)) delete env[key];
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: '', env, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ESC = '\x1b[';

describe('colour: NO_COLOR, --no-color, FORCE_COLOR, --json', () => {
  const saveArgs = () => ['--home', tempHome(), 'intake', '--answers', answersFile(template())];

  it('NO_COLOR=1 → no escape codes', () => {
    const r = runWithEnv(saveArgs(), { NO_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(ESC);
  });

  it('FORCE_COLOR=1 → colour even when not a terminal', () => {
    const r = runWithEnv(saveArgs(), { FORCE_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(ESC);
  });

  it('not a terminal and nothing forced → plain', () => {
    const r = runWithEnv(saveArgs(), {});
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(ESC);
  });

  it.each<[string, string[], Record<string, string>]>([
    ['--no-color beats FORCE_COLOR=1', ['--no-color'], { FORCE_COLOR: '1' }],
    ['--no-color after the command', ['--no-color'], { FORCE_COLOR: '3' }],
    ['NO_COLOR beats FORCE_COLOR', [], { FORCE_COLOR: '1', NO_COLOR: '1' }],
    ['FORCE_COLOR=0', [], { FORCE_COLOR: '0' }],
    ['--json never has colour', ['--json'], { FORCE_COLOR: '1' }],
  ])('%s → no escape codes', (_case, flags, env) => {
    const r = runWithEnv([...saveArgs(), ...flags], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(ESC);
  });

  it('--json errors have no colour even with FORCE_COLOR=1', () => {
    const bad = template() as unknown as Record<string, any>;
    bad.pain.average = 11;
    const r = runWithEnv(['--home', tempHome(), 'intake', '--answers', answersFile(bad), '--json'], { FORCE_COLOR: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(ESC);
    expect(JSON.parse(r.stderr).error.problems).toContain('pain.average: 11 is out of range 0-10');
  });
});
