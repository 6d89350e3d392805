// Per command slot: a builder that turns one hostile value into a case with its expected outcome
// (from the oracles in fuzz-values.ts), and a fast-check arbitrary over those cases.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { MAX_REPORT_WEEKS } from '../../src/domain/report';
import { EXERCISE_TYPES, REGIONS } from '../../src/domain/vocab';
import { query } from './cli';
import { applyPlan, mutationPlan, type MutationPlan } from './fuzz-files';
import { type Expect, type FuzzCase, type FuzzEnv, withJson } from './fuzz-cli';
import {
  BLANKS,
  dateText,
  doneVerdict,
  EXERCISE_ID,
  hostileText,
  isDateOption,
  resolveDateOption,
  isGoals,
  isNote,
  isScore,
  isWeeks,
  notAnOption,
  valuePrefixes,
} from './fuzz-values';

const PROCFS = process.platform === 'linux' && fs.existsSync('/proc/self');

const SCORE_FLAGS = ['--pain', '--during', '--effort', '--sleep', '--peg-pain', '--peg-enjoyment', '--peg-activity'] as const;
type ScoreFlag = (typeof SCORE_FLAGS)[number];

/** --json on or off, and before the command or after its options. */
const jsonArb = fc.record({ json: fc.boolean(), first: fc.boolean() });
type JsonPos = { json: boolean; first: boolean };

/** The value itself, or the flag when the value is blank (a message cannot quote nothing visibly). */
const naming = (value: string, ...flags: string[]) => [...valuePrefixes(value), ...(value.trim() === '' ? flags : [])];

function make(base: Omit<FuzzCase, 'json' | 'args'> & { args: string[] }, j: JsonPos): FuzzCase {
  return { ...base, args: withJson(base.args, j.json, j.first), json: j.json };
}

// ---------------------------------------------------------------------------------------------
// Builders: one hostile value → a case with its expected outcome
// ---------------------------------------------------------------------------------------------

export function scoreCase(env: FuzzEnv, flag: ScoreFlag, value: string, j: JsonPos): FuzzCase {
  const log = !flag.startsWith('--peg');
  let args: string[];
  if (log) args = ['log', '--date', env.sessionDate, ...(flag === '--pain' ? ['--pain', value] : ['--pain', '3', flag, value])];
  else {
    const peg: Record<string, string> = { '--peg-pain': '4', '--peg-enjoyment': '5', '--peg-activity': '5', [flag]: value };
    args = ['checkin', '--date', env.checkinDate, ...Object.entries(peg).flat()];
  }
  const good = isScore(value);
  return make({ what: `${log ? 'log' : 'checkin'} ${flag}`, value, args, expect: good ? 0 : 2, writes: true, names: naming(value, flag), accepted: /0 to 10/ }, j);
}

export function doneCase(env: FuzzEnv, value: string, j: JsonPos): FuzzCase {
  const v = doneVerdict(value, env.sessionIds);
  return make(
    {
      what: 'log --done',
      value,
      args: ['log', '--date', env.sessionDate, '--pain', '3', '--done', value],
      expect: v.ok ? 0 : 2,
      writes: true,
      names: [...naming(value, '--done'), ...v.tokens.flatMap((t) => valuePrefixes(t))],
      accepted: /all, none/,
    },
    j,
  );
}

export function noteCase(env: FuzzEnv, value: string, j: JsonPos): FuzzCase {
  return make(
    { what: 'log --note', value, args: ['log', '--date', env.sessionDate, '--pain', '3', '--note', value], expect: isNote(value) ? 0 : 2, writes: true, names: ['--note'], accepted: /500 characters/ },
    j,
  );
}

const DATE_COMMANDS = ['today', 'plan', 'report', 'doctor', 'exercises', 'export', 'log', 'checkin', 'intake'] as const;
type DateCommand = (typeof DATE_COMMANDS)[number];

export function dateCase(env: FuzzEnv, command: DateCommand, value: string, j: JsonPos): FuzzCase {
  const args: Record<DateCommand, string[]> = {
    today: ['today'],
    plan: ['plan'],
    report: ['report'],
    doctor: ['doctor'],
    exercises: ['exercises'],
    export: ['export'],
    log: ['log', '--pain', '3'],
    checkin: ['checkin', '--peg-pain', '4', '--peg-enjoyment', '5', '--peg-activity', '5'],
    intake: ['intake', '--answers', env.answersFile],
  };
  const needsIntake = ['today', 'plan', 'report', 'log', 'checkin'].includes(command);
  const noFuture = command === 'log' || command === 'checkin';
  const writes = ['log', 'checkin', 'intake'].includes(command);
  let expect: Expect = 0;
  let accepted = /YYYY-MM-DD/;
  const date = resolveDateOption(value, env.realToday);
  if (!isDateOption(date)) expect = 2;
  else if (noFuture && date > env.realToday) [expect, accepted] = [2, /today|earlier/];
  // Issue 8: an intake dated before the latest answers (the home's intake on d0) is refused.
  else if (command === 'intake' && date < env.d0) [expect, accepted] = [2, /or later/];
  else if (needsIntake && date < env.d0) expect = 3;
  return make({ what: `${command} --date`, value, args: [...args[command], '--date', value], expect, writes, names: naming(value, '--date'), accepted }, j);
}

export function weeksCase(value: string, csv: boolean, j: JsonPos): FuzzCase {
  const good = isWeeks(value, MAX_REPORT_WEEKS);
  const clash = good && csv && j.json;
  return make(
    {
      what: `report${csv ? ' --csv' : ''} --weeks`,
      value,
      args: ['report', ...(csv ? ['--csv'] : []), '--weeks', value],
      expect: good && !clash ? 0 : 2,
      writes: false,
      names: clash ? ['--csv'] : naming(value, '--weeks'),
      accepted: clash ? /--json/ : new RegExp(`1 to ${MAX_REPORT_WEEKS}`),
    },
    j,
  );
}

export function vocabCase(flag: '--type' | '--region', value: string, j: JsonPos): FuzzCase {
  const list: readonly string[] = flag === '--type' ? EXERCISE_TYPES : REGIONS;
  return make(
    {
      what: `exercises ${flag}`,
      value,
      args: ['exercises', flag, value],
      expect: list.includes(value) ? 0 : 2,
      writes: false,
      names: naming(value, flag),
      accepted: flag === '--type' ? /cardio, strength, flexibility, mind-body, balance/ : /neck, shoulder, upper-back/,
    },
    j,
  );
}

export function textCase(value: string, j: JsonPos): FuzzCase {
  return make({ what: 'exercises [text]', value, args: ['exercises', '--', value], expect: 0, writes: false, names: [], accepted: /./ }, j);
}

export function showCase(env: FuzzEnv, value: string, j: JsonPos): FuzzCase {
  return make(
    {
      what: 'exercises show <id>',
      value,
      args: ['exercises', 'show', '--', value],
      expect: env.libraryIds.includes(value) ? 0 : 2,
      writes: false,
      names: naming(value, 'id'),
      accepted: /painfit exercises/,
    },
    j,
  );
}

export function swapCase(env: FuzzEnv, slot: 'id' | '--with', value: string, j: JsonPos): FuzzCase {
  const known = EXERCISE_ID.test(value) && env.libraryIds.includes(value);
  const from = env.swapFrom;
  return make(
    {
      what: `swap ${slot === 'id' ? '<id>' : '--with'}`,
      value,
      args: slot === 'id' ? ['swap', '--', value] : ['swap', '--with', value, '--', from],
      // A known id may still not fit (the domain decides): then exit 2, nothing written.
      expect: known ? 'ok-or-usage' : 2,
      writes: true,
      names: naming(value, 'ID', '--with', 'id'),
      accepted: /sit-to-stand|painfit exercises|painfit plan|cannot swap|no other/,
    },
    j,
  );
}

export function goalsCase(env: FuzzEnv, value: string, j: JsonPos): FuzzCase {
  return make(
    {
      what: 'checkin --goals',
      value,
      args: ['checkin', '--date', env.checkinDate, '--goals', value],
      expect: isGoals(value, env.goals) ? 0 : 2,
      writes: true,
      names: [...naming(value, '--goals'), '--goals gives'],
      accepted: /0 \(cannot do it\) to 10|one score for each/,
    },
    j,
  );
}

// Paths ----------------------------------------------------------------------------------------

export const PATH_KINDS = ['empty', 'blank', 'dir', 'missingParent', 'underFile', 'long', 'longComponent', 'newName', 'newNameValid', 'unreadable', 'cannotCreate'] as const;
export type PathKind = (typeof PATH_KINDS)[number];
const PATH_TARGETS = ['--answers', 'import', '--out', '--csv', '--html', '--home'] as const;
export type PathTarget = (typeof PATH_TARGETS)[number];

/** Legal but unusual file names (relative: the case runs in its own scratch folder). */
export const fileName = fc
  .oneof(
    fc.constantFrom("'; DROP TABLE checkins; --", '$(rm -rf ~)', '`reboot`', ' leading space', 'trailing space ', 'a\nb', '\u001b[31mred', '-dash.json', '~', '*', '?.json', 'CON', 'nul.json', 'ünïcödé.json', '李.json', '🙂.json', '.hidden'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }),
  )
  .filter((n) => n.trim() !== '' && !n.includes('/') && !n.includes('\u0000') && n !== '.' && n !== '..' && n !== '-' && Buffer.byteLength(n) <= 200 && notAnOption(n));

export function pathCase(env: FuzzEnv, target: PathTarget, kind: PathKind, name: string, blank: string, replace: boolean, j: JsonPos): FuzzCase {
  if (kind === 'cannotCreate' && !PROCFS) kind = 'missingParent';
  const values: Record<PathKind, string> = {
    empty: '',
    blank: blank.trim() === '' ? blank : ' ',
    dir: target === '--home' ? name : env.aDir, // a home "dir" is a fresh folder: painfit may create its database there
    // relative: resolved in the case's own fresh folder, so a command that creates it cannot affect later cases
    missingParent: path.join('no-such-folder', name),
    underFile: path.join(env.aFile, name),
    long: path.join(env.scratch, 'a'.repeat(10_000)),
    longComponent: path.join(env.scratch, 'é'.repeat(200)),
    newName: name,
    newNameValid: name,
    // mode 000 (root reads it anyway, and finds "{}": refused either way)
    unreadable: 'locked.json',
    // Linux /proc takes no new folders (Node's recursive mkdir spins forever there)
    cannotCreate: path.join('/proc', 'painfit-fuzz', name),
  };
  const value = values[kind];
  const invalidPath = kind === 'empty' || kind === 'blank' || kind === 'underFile' || kind === 'long' || kind === 'longComponent';
  let expect: Expect;
  let writes = false;
  let args: string[];
  let accepted: RegExp;
  let files: FuzzCase['files'] = kind === 'unreadable' ? [{ name: 'locked.json', bytes: '{}', mode: 0o000 }] : undefined;
  let ownHome = false;
  let after: FuzzCase['after'];
  switch (target) {
    case '--answers':
    case 'import': {
      const reads = kind === 'newNameValid';
      if (reads) files = [{ name, bytes: JSON.stringify(target === 'import' ? env.exportDoc : env.answers) }];
      if (target === '--answers') {
        args = ['intake', '--answers', value];
        expect = reads ? 0 : 2;
        writes = true;
        accepted = /--template|needs a file/;
        after = (home) => expectIntakes(home, 2);
      } else {
        args = ['import', ...(replace ? ['--replace'] : []), '--', value];
        // A valid export into a home that holds data: refused unless --replace.
        expect = reads && replace ? 0 : 2;
        writes = true;
        accepted = reads ? /--replace/ : /painfit export|needs a file/;
      }
      return make({ what: `${target} <file: ${kind}>`, value, args, expect, writes, names: reads ? ['already holds data'] : naming(value, target, 'painfit import'), accepted, files, after }, j);
    }
    case '--out':
    case '--html':
    case '--csv': {
      const command = target === '--html' ? ['report', '--html', value] : ['export', target, value];
      // --csv writes into a folder (created when missing); --out and --html write a file.
      const good = target === '--csv' ? !invalidPath && kind !== 'unreadable' && kind !== 'cannotCreate' : kind === 'newName' || kind === 'newNameValid';
      // Over a file the user cannot read: replacing it (a new file renamed over it) or refusing are both fine.
      expect = good ? 0 : kind === 'unreadable' && target !== '--csv' ? 'ok-or-usage' : 2;
      accepted = /choose|needs a (file|folder)/i; // "Choose another name" or, over a file, "choose another folder"
      args = command;
      break;
    }
    case '--home': {
      const intake = replace; // reuse the coin: a reading command or an intake (which creates the folder)
      args = ['--home', value, ...(intake ? ['intake', '--answers', env.answersFile] : ['today'])];
      ownHome = true;
      expect = invalidPath || kind === 'unreadable' ? 2 : kind === 'cannotCreate' ? (intake ? 2 : 3) : intake ? 0 : 3;
      accepted = /folder/;
      break;
    }
  }
  return make(
    { what: `${target} <path: ${kind}>${target === '--home' ? (replace ? ' intake' : ' today') : ''}`, value, args, expect, writes, names: naming(value, target), accepted, files, ownHome },
    j,
  );
}

function expectIntakes(home: string, n: number): void {
  const rows = query<{ n: number }>(home, 'SELECT count(*) AS n FROM intakes');
  if (rows[0]!.n !== n) throw new Error(`expected ${n} intakes in ${home}, found ${rows[0]!.n}`);
}

// Extra arguments, unknown options, unknown commands -------------------------------------------

const BASES = (env: FuzzEnv): { name: string; args: string[] }[] => [
  { name: 'today', args: ['today'] },
  { name: 'plan', args: ['plan'] },
  { name: 'doctor', args: ['doctor'] },
  { name: 'report', args: ['report'] },
  { name: 'undo', args: ['undo', '--yes'] },
  { name: 'log', args: ['log', '--date', env.sessionDate, '--pain', '3'] },
  { name: 'intake', args: ['intake', '--template'] },
  { name: 'export', args: ['export'] },
  { name: 'checkin', args: ['checkin', '--date', env.checkinDate, '--goals', '5'] },
  { name: 'show', args: ['exercises', 'show', 'sit-to-stand'] },
  { name: 'swap', args: ['swap', env.swapFrom] },
  { name: 'import', args: ['import', env.exportFile] },
];

export function extraArgCase(env: FuzzEnv, base: number, value: string, j: JsonPos): FuzzCase {
  const b = BASES(env)[base % BASES(env).length]!;
  return make({ what: `${b.name} <extra argument>`, value, args: [...b.args, '--', value], expect: 2, writes: false, names: [`'${b.name}'`], accepted: /Expected \d+ arguments?/ }, j);
}

export function unknownOptionCase(env: FuzzEnv, base: number, name: string, j: JsonPos): FuzzCase {
  const b = BASES(env)[base % BASES(env).length]!;
  const option = `--${name}`;
  return make({ what: `${b.name} <unknown option>`, value: option, args: [...b.args.slice(0, 1), option, ...b.args.slice(1)], expect: 2, writes: false, names: valuePrefixes(option), accepted: /--help/ }, j);
}

export function unknownCommandCase(value: string, j: JsonPos): FuzzCase {
  return make({ what: '<unknown command>', value, args: ['--', value], expect: 2, writes: false, names: naming(value, '""'), accepted: /The commands are/ }, j);
}

// Missing answers and clashing flags -----------------------------------------------------------

/**
 * Commands run without a terminal and without the flags that answer their questions, and flags
 * that do not go together: refused at once (exit 2), naming the flag to use.
 */
export function comboCase(env: FuzzEnv, pick: number, j: JsonPos): FuzzCase {
  const combos: { what: string; args: string[]; names: string[]; accepted: RegExp }[] = [
    { what: 'intake (no terminal)', args: ['intake'], names: ['--answers'], accepted: /--answers FILE/ },
    { what: 'log (no terminal)', args: ['log', '--date', env.sessionDate], names: ['--pain'], accepted: /--pain 3/ },
    { what: 'checkin (no terminal)', args: ['checkin', '--date', env.checkinDate], names: ['--peg-pain'], accepted: /--peg-pain 4/ },
    { what: 'undo (no terminal)', args: ['undo'], names: ['--yes'], accepted: /--yes/ },
    { what: 'intake --template --answers', args: ['intake', '--template', '--answers', env.answersFile], names: ['--template'], accepted: /--answers/ },
    { what: 'checkin: one PEG answer only', args: ['checkin', '--date', env.checkinDate, '--peg-pain', '4'], names: ['--peg-enjoyment'], accepted: /each 0-10/ },
    { what: 'log: --done without --pain', args: ['log', '--date', env.sessionDate, '--done', 'all'], names: ['--pain'], accepted: /<0-10>/ },
    { what: 'log --note without a value', args: ['log', '--date', env.sessionDate, '--pain', '3', '--note'], names: ['--note'], accepted: /--help/ },
  ];
  const c = combos[pick % combos.length]!;
  return make({ ...c, value: c.args.join(' '), expect: 2, writes: true }, j);
}

// File contents ----------------------------------------------------------------------------------

export function fileCase(env: FuzzEnv, kind: 'answers' | 'export', plan: MutationPlan, viaStdin: boolean, replace: boolean, j: JsonPos): FuzzCase {
  const file = applyPlan(kind === 'answers' ? env.answers : env.exportDoc, plan, kind);
  const name = kind === 'answers' ? 'answers-fuzz.json' : 'export-fuzz.json';
  const source = viaStdin ? '-' : name;
  const ops = file.mutations.map((m) => m.op).join('; ');
  const base = {
    what: `${kind} file: ${ops}`,
    value: ops,
    input: viaStdin ? file.bytes : undefined,
    files: viaStdin ? undefined : [{ name, bytes: file.bytes }],
    problems: file.expectPaths,
  };
  if (kind === 'answers') {
    return make(
      {
        ...base,
        args: ['intake', '--answers', source],
        expect: file.valid ? 0 : 2,
        writes: true,
        names: [viaStdin ? 'standard input' : name],
        accepted: /--template/,
        after: (home) => expectIntakes(home, 2),
      },
      j,
    );
  }
  const refused = file.valid && !replace; // the shared home already holds data
  return make(
    {
      ...base,
      args: ['import', source, ...(replace ? ['--replace'] : [])],
      expect: file.valid && replace ? 0 : 2,
      writes: true,
      names: refused ? ['already holds data'] : [viaStdin ? 'standard input' : name],
      accepted: refused ? /--replace/ : /nothing was imported/i,
    },
    j,
  );
}
/** --walk: whole minutes 1-300 (surrounding spaces trimmed, as the parser does). */
export const isWalk = (v: string): boolean => /^\d{1,3}$/.test(v.trim()) && Number(v.trim()) >= 1 && Number(v.trim()) <= 300;

export function walkCase(env: FuzzEnv, value: string, j: JsonPos): FuzzCase {
  return make(
    { what: 'log --walk', value, args: ['log', '--date', env.sessionDate, '--pain', '3', '--walk', value], expect: isWalk(value) ? 0 : 2, writes: true, names: naming(value, '--walk'), accepted: /whole number from 1 to 300/ },
    j,
  );
}

const FEEDBACK_ANSWERS = ['easy', 'right', 'hard', 'hurt'];

/** The parser's rules for --feedback: id=answer pairs, no repeats, ids of that day's session. */
export function feedbackVerdict(value: string, sessionIds: readonly string[]): { ok: boolean; tokens: string[] } {
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return { ok: false, tokens: [] };
  const ids: string[] = [];
  for (const part of parts) {
    const m = /^([a-z0-9]+(?:-[a-z0-9]+)*)=([a-z]+)$/.exec(part.toLowerCase());
    if (!m || !FEEDBACK_ANSWERS.includes(m[2]!) || ids.includes(m[1]!)) return { ok: false, tokens: [] };
    ids.push(m[1]!);
  }
  const unknown = ids.filter((id) => !sessionIds.includes(id));
  return { ok: unknown.length === 0, tokens: unknown };
}

export function feedbackCase(env: FuzzEnv, value: string, j: JsonPos): FuzzCase {
  const v = feedbackVerdict(value, env.sessionIds);
  return make(
    {
      what: 'log --feedback',
      value,
      args: ['log', '--date', env.sessionDate, '--pain', '3', '--feedback', value],
      expect: v.ok ? 0 : 2,
      writes: true,
      names: [...naming(value, '--feedback'), ...v.tokens.flatMap((t) => valuePrefixes(t))],
      accepted: /easy, right, hard, hurt/,
    },
    j,
  );
}

function feedbackValue(env: FuzzEnv) {
  const ids = [...env.sessionIds, ...env.libraryIds.slice(0, 4), 'no-such-exercise', 'Sit-To-Stand'];
  const pair = fc.tuple(fc.constantFrom(...ids), fc.constantFrom('=', ' = ', ':', '=='), fc.constantFrom(...FEEDBACK_ANSWERS, 'EASY', 'fine', '', 'hurts')).map(([id, eq, a]) => `${id}${eq}${a}`);
  return fc.oneof(hostileText, fc.array(pair, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(',')), fc.constantFrom(',', ' , ', `${env.sessionIds[0] ?? 'x'}=easy,${env.sessionIds[0] ?? 'x'}=hurt`));
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const scoreValue = fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 10 }).map(String) });

function doneValue(env: FuzzEnv) {
  const ids = [...env.sessionIds, ...env.libraryIds.slice(0, 6), 'Sit-To-Stand', 'no-such-exercise', 'sit to stand', 'a--b', '-x', 'all', 'none'];
  const list = fc
    .tuple(fc.subarray(ids, { minLength: 0, maxLength: 4 }), fc.constantFrom(',', ', ', ' ,', ',,'), fc.boolean())
    .map(([picked, sep, upper]) => (upper ? picked.join(sep).toUpperCase() : picked.join(sep)));
  return fc.oneof(hostileText, list, fc.constantFrom('all', 'none', 'ALL', ' None ', 'all,none', ',', ' , '), fc.constant(env.sessionIds.join(',')));
}

const noteValue = fc.oneof(hostileText, fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', minLength: 490, maxLength: 520 }).filter((s) => !s.includes('\u0000')));

const vocabValue = (list: readonly string[]) =>
  fc.oneof(hostileText, fc.constantFrom(...list), fc.constantFrom(...list).map((v) => v.toUpperCase()), fc.constantFrom(...list).map((v) => ` ${v}`), fc.constantFrom(...list).map((v) => v.replace('-', ' ')));

const idValue = (env: FuzzEnv) =>
  fc.oneof(
    { weight: 3, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.constantFrom(...env.libraryIds) },
    { weight: 1, arbitrary: fc.constantFrom(...env.libraryIds).map((id) => id.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom(...env.libraryIds).map((id) => `${id} `) },
    { weight: 1, arbitrary: fc.constantFrom(...env.libraryIds).map((id) => id.replace(/-/g, '_')) },
    { weight: 1, arbitrary: fc.constantFrom(...env.libraryIds).map((id) => `${id}-2`) }, // well-formed, unknown
  );

const goalsValue = fc.oneof(
  hostileText,
  fc.array(fc.oneof(fc.integer({ min: -1, max: 12 }).map(String), fc.constantFrom(' 5', '5 ', '', 'x', '3.5', '١')), { minLength: 1, maxLength: 3 }).map((a) => a.join(',')),
);

const optionName = fc
  .oneof(fc.constantFrom('pian', 'Pain', 'JSON', 'yes', 'force', 'drop-table', 'no-json', 'color', 'home=', 'date2', 'x=1', '-json'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }))
  .filter((n) => !n.includes('\u0000') && notAnOption(`--${n}`) && n.trim() !== '' && !/^\s/.test(n));

const commandName = hostileText.filter((v) => !['intake', 'today', 'log', 'plan', 'exercises', 'swap', 'report', 'checkin', 'export', 'import', 'undo', 'doctor', 'help'].includes(v));

/** Every flag and argument of every command, one hostile value each. */
export function flagCases(env: FuzzEnv): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { weight: 7, arbitrary: fc.tuple(fc.constantFrom(...SCORE_FLAGS), scoreValue, jsonArb).map(([f, v, j]) => scoreCase(env, f, v, j)) },
    { weight: 3, arbitrary: fc.tuple(doneValue(env), jsonArb).map(([v, j]) => doneCase(env, v, j)) },
    { weight: 2, arbitrary: fc.tuple(noteValue, jsonArb).map(([v, j]) => noteCase(env, v, j)) },
    { weight: 2, arbitrary: fc.tuple(fc.oneof(hostileText, fc.integer({ min: -2, max: 320 }).map(String), fc.constantFrom('15', ' 20 ', '0', '300', '301', '2.5', '1e2')), jsonArb).map(([v, j]) => walkCase(env, v, j)) },
    { weight: 2, arbitrary: fc.tuple(feedbackValue(env), jsonArb).map(([v, j]) => feedbackCase(env, v, j)) },
    { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...DATE_COMMANDS), dateText(env.realToday), jsonArb).map(([c, v, j]) => dateCase(env, c, v, j)) },
    { weight: 2, arbitrary: fc.tuple(fc.oneof(hostileText, fc.integer({ min: -5, max: 600 }).map(String)), fc.boolean(), jsonArb).map(([v, csv, j]) => weeksCase(v, csv, j)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('--type' as const, '--region' as const), jsonArb).chain(([f, j]) => vocabValue(f === '--type' ? EXERCISE_TYPES : REGIONS).map((v) => vocabCase(f, v, j))) },
    { weight: 1, arbitrary: fc.tuple(hostileText, jsonArb).map(([v, j]) => textCase(v, j)) },
    { weight: 2, arbitrary: fc.tuple(idValue(env), jsonArb).map(([v, j]) => showCase(env, v, j)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('id' as const, '--with' as const), idValue(env), jsonArb).map(([s, v, j]) => swapCase(env, s, v, j)) },
    { weight: 2, arbitrary: fc.tuple(goalsValue, jsonArb).map(([v, j]) => goalsCase(env, v, j)) },
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.constantFrom(...PATH_TARGETS), fc.constantFrom(...PATH_KINDS), fileName, fc.constantFrom(...BLANKS), fc.boolean(), jsonArb)
        .map(([t, k, n, b, r, j]) => pathCase(env, t, k, n, b, r, j)),
    },
    { weight: 2, arbitrary: fc.tuple(fc.nat(), hostileText, jsonArb).map(([b, v, j]) => extraArgCase(env, b, v, j)) },
    { weight: 2, arbitrary: fc.tuple(fc.nat(), optionName, jsonArb).map(([b, n, j]) => unknownOptionCase(env, b, n, j)) },
    { weight: 1, arbitrary: fc.tuple(commandName, jsonArb).map(([v, j]) => unknownCommandCase(v, j)) },
    { weight: 1, arbitrary: fc.tuple(fc.nat(), jsonArb).map(([p, j]) => comboCase(env, p, j)) },
  );
}

/** Answers files and export files, damaged at random. */
export function fileCases(env: FuzzEnv): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(fc.constantFrom('answers' as const, 'export' as const), mutationPlan, fc.boolean(), fc.boolean(), jsonArb)
    .map(([kind, plan, stdin, replace, j]) => fileCase(env, kind, plan, stdin, replace, j));
}
