// Command-line polish (issue 11): "did you mean", commander's errors in painfit's words with the
// hint, --date today|yesterday|-N, and shell completion. In-process on the test app.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closest, editDistance } from '../src/cli/suggest';
import { testApp } from './helpers/app';
import { query, tempHome, writeJson } from './helpers/cli';
import { usualAnswers } from './helpers/coach';

const NOW = '2026-12-09T10:00:00'; // a Wednesday

async function cli(args: string[], home?: string) {
  // Not a terminal: messages stay one line (on a terminal they are wrapped to its width).
  const app = testApp({ now: NOW, tty: false });
  const code = await app.run(home ? ['--home', home, ...args] : args);
  return { code, stdout: app.stdout(), stderr: app.stderr() };
}

describe('usage errors in painfit words, with the fix (exit 2, nothing written)', () => {
  it.each([
    [['todya'], /^painfit: unknown command "todya"\. Did you mean painfit today\? The commands are: .*start.*\n$/],
    [['reprot'], /Did you mean painfit report\?/],
    [['log', '4'], /^painfit: too many arguments for 'log': "4"\. Expected 0 arguments but got 1\. To record pain 4, use --pain 4: painfit log --pain 4\.\n$/],
    [['today', 'now'], /too many arguments for 'today': "now"\. Expected 0 arguments but got 1\. painfit today takes only options\. painfit today --help shows its options and examples\./],
    [['log', '--pian', '3'], /^painfit: unknown option '--pian' for painfit log\. Did you mean --pain\? painfit log --help shows its options and examples\.\n$/],
    [['log', '--pain'], /^painfit: --pain needs a value \(0-10\), for example painfit log --pain 3\. painfit log --help/],
    [['report', '--weeks'], /--weeks needs a value \(n\), for example painfit report --weeks 12\./],
    [['swap'], /^painfit: painfit swap needs <id> \(the exercise to replace .*\), for example: painfit swap wall-push-up\./],
    [['--bogus'], /unknown option '--bogus' for painfit\. painfit --help shows the options and examples\./],
    // A quote inside the option is part of it (the fuzz test found "--Ɂ'…" cut at the quote).
    [['log', "--it's", '--pain', '3'], /^painfit: unknown option '--it's' for painfit log\. painfit log --help shows its options and examples\.\n$/],
  ])('painfit %j', async (args, message) => {
    const home = tempHome('painfit-polish-');
    const r = await cli(args, home);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(fs.existsSync(home)).toBe(false);
  });

  it('with --json the same words come as a JSON error', async () => {
    const r = await cli(['log', '4', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr)).toEqual({
      error: { code: 'USAGE', message: "too many arguments for 'log': \"4\". Expected 0 arguments but got 1. To record pain 4, use --pain 4: painfit log --pain 4." },
    });
  });

  it.each([
    ['todya', ['today']],
    ['lgo', ['log']],
    ['rep', ['report']],
    ['export', ['export']],
    ['banana', []],
  ])('closest(%j) → %j', (typed, expected) => {
    expect(closest(typed, ['intake', 'today', 'start', 'log', 'plan', 'exercises', 'swap', 'report', 'checkin', 'export', 'import', 'undo', 'doctor', 'completion']).slice(0, 1)).toEqual(expected);
  });

  it('skipping names far longer or shorter than what was typed changes no suggestion, and a 10,000-letter id is answered at once', () => {
    const names = ['intake', 'today', 'start', 'log', 'plan', 'exercises', 'swap', 'report', 'checkin', 'export', 'import', 'undo', 'doctor', 'completion', 'wall-push-up', 'sit-to-stand'];
    // The same rule, comparing every name letter by letter.
    const slow = (typed: string) => {
      const t = typed.toLowerCase();
      const limit = Math.min(3, Math.max(1, Math.floor(t.length / 3)));
      return names
        .map((c) => ({ c, d: c.startsWith(t) && t.length >= 2 ? 0.5 : editDistance(t, c) }))
        .filter((x) => x.d <= limit)
        .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
        .map((x) => x.c);
    };
    const typed = ['t', 'to', 'tod', 'todya', 'lgo', 'lo', 'exercsies', 'excercises', 'wall-push', 'wallpushup', 'sit-stand', 'sittostand', 'impotr', 'completoin', 'x'.repeat(40)];
    for (const t of typed) expect(closest(t, names), t).toEqual(slow(t));
    expect(closest('é'.repeat(10_000), names)).toEqual([]);
  });
});

describe('--date today, yesterday, -N', () => {
  let home: string;
  beforeAll(async () => {
    home = tempHome('painfit-dates-');
    const file = writeJson(path.dirname(home), 'answers.json', usualAnswers());
    expect((await cli(['intake', '--answers', file, '--date', '2026-11-30'], home)).code).toBe(0);
  });

  it.each([
    ['today', '2026-12-09'],
    ['yesterday', '2026-12-08'],
    ['-1', '2026-12-08'],
    ['-7', '2026-12-02'],
    ['-0', '2026-12-09'],
    ['Yesterday', '2026-12-08'],
  ])('--date %s logs for %s', async (word, date) => {
    const before = query<{ n: number }>(home, 'SELECT COUNT(*) AS n FROM checkins WHERE date = ?', date)[0]!.n;
    const r = await cli(['log', '--pain', '3', '--date', word], home);
    expect(r.code, r.stderr).toBe(0);
    expect(query<{ n: number }>(home, 'SELECT COUNT(*) AS n FROM checkins WHERE date = ?', date)[0]!.n).toBe(before + 1);
  });

  it('--date=-2 works in the = form too, for today', async () => {
    const r = await cli(['today', '--date=-2', '--json'], home);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).date).toBe('2026-12-07');
  });

  it.each(['tomorrow', '+1', '-1.5', '--1', '-999999'])('--date %s: exit 2, saying what is accepted, nothing written', async (word) => {
    const count = query<{ n: number }>(home, 'SELECT COUNT(*) AS n FROM checkins')[0]!.n;
    const r = await cli(['log', '--pain', '3', `--date=${word}`], home);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/YYYY-MM-DD/);
    expect(query<{ n: number }>(home, 'SELECT COUNT(*) AS n FROM checkins')[0]!.n).toBe(count);
  });
});

describe('painfit completion', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'painfit-completion-'));
  });

  async function script(shell: string): Promise<string> {
    const r = await cli(['completion', shell]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  }

  /** Runs the bash completion function for a command line typed so far (the last word is completed). */
  function complete(bashScript: string, words: string[]): string[] {
    const file = path.join(dir, 'painfit.bash');
    fs.writeFileSync(file, bashScript);
    const arr = words.map((w) => `'${w}'`).join(' ');
    const r = spawnSync('bash', ['-c', `source ${file}; COMP_WORDS=(${arr}); COMP_CWORD=${words.length - 1}; _painfit; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.split('\n').filter(Boolean);
  }

  it('bash: commands, their options, option values, and global options before the command', async () => {
    const bash = await script('bash');
    expect(spawnSync('bash', ['-n'], { input: bash }).status).toBe(0);
    expect(complete(bash, ['painfit', 'st'])).toEqual(['start']);
    expect(complete(bash, ['painfit', ''])).toEqual(expect.arrayContaining(['intake', 'today', 'start', 'log', 'report', 'completion', '--home', '--date']));
    expect(complete(bash, ['painfit', 'log', '--p'])).toEqual(['--pain']);
    expect(complete(bash, ['painfit', '--home', '/tmp', 'start', '--'])).toEqual(expect.arrayContaining(['--plain', '--bell', '--json']));
    expect(complete(bash, ['painfit', 'exercises', '--type', 's'])).toEqual(['strength']);
    expect(complete(bash, ['painfit', 'today', '--date', 'y'])).toEqual(['yesterday']);
    expect(complete(bash, ['painfit', 'exercises', 's'])).toEqual(['show']);
  });

  it.each(['zsh', 'fish'])('%s: names every command and every option of log and start', async (shell) => {
    const text = await script(shell);
    for (const c of ['intake', 'today', 'start', 'log', 'plan', 'exercises', 'swap', 'report', 'checkin', 'export', 'import', 'undo', 'doctor', 'completion']) expect(text).toContain(c);
    for (const o of ['pain', 'done', 'during', 'effort', 'sleep', 'note', 'plain', 'bell', 'home', 'date', 'json', 'no-color']) expect(text).toMatch(new RegExp(shell === 'fish' ? `-l ${o}\\b` : `--${o}\\b`));
    if (shell === 'zsh') expect(text.startsWith('#compdef painfit\n')).toBe(true);
  });

  // The scripts as the real shells read them (.ci/run installs zsh and fish; with CI set they must be there).
  const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
  it.skipIf(!has('zsh') && !process.env.CI)('zsh: the script parses (zsh -n) and is a compdef function for painfit', async () => {
    const zsh = await script('zsh');
    const r = spawnSync('zsh', ['-n'], { input: zsh, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(zsh).toMatch(/compdef|_painfit/);
  });
  it.skipIf(!has('fish') && !process.env.CI)('fish: real completions for commands and options, new ones included', async () => {
    const fish = await script('fish');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'painfit-fish-'));
    const file = path.join(dir, 'painfit.fish');
    fs.writeFileSync(file, fish);
    const complete = (line: string) => {
      const r = spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C '${line}'`], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
    };
    expect(complete('painfit st')).toEqual(['start']);
    expect(complete('painfit log --wa')).toEqual(['--walk']);
    expect(complete('painfit log --fe')).toEqual(['--feedback']);
    expect(complete('painfit intake --start')).toEqual(['--start-over']);
    expect(complete('painfit ')).toEqual(expect.arrayContaining(['intake', 'today', 'start', 'log', 'settings', 'flare', 'learn']));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an unknown shell: exit 2 naming the shells', async () => {
    const r = await cli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('painfit has completion for bash, zsh, fish');
  });
});
