// Health data on disk: the data folder is 0700 and the database files 0600, whatever the umask;
// and the data folder is found in one documented order (design.md, "Global options").
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { pathsFor, resolveHome } from '../src/store/paths';
import { BIN, cliEnv, query, run, tempHome, writeJson } from './helpers/cli';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const octal = (mode: number) => mode.toString(8).padStart(4, '0');

/** The answers file lives in a folder of its own, so it never creates any part of the home path. */
function answersFile(): string {
  return writeJson(path.dirname(tempHome()), 'answers.json', INTAKE_TEMPLATE);
}

/** Runs the CLI from a shell that first sets a permissive umask. */
function runWithUmask(umask: string, args: string[], env: NodeJS.ProcessEnv = cliEnv()) {
  const r = spawnSync('/bin/sh', ['-c', `umask ${umask}; exec "$@"`, 'sh', process.execPath, BIN, ...args], { encoding: 'utf8', input: '', env, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The mode of the folder, the database and any -wal/-shm next to it. */
function modes(home: string): Record<string, string> {
  const out: Record<string, string> = { folder: octal(modeOf(home)) };
  for (const name of ['painfit.db', 'painfit.db-wal', 'painfit.db-shm']) {
    const file = path.join(home, name);
    if (fs.existsSync(file)) out[name] = octal(modeOf(file));
  }
  return out;
}

const PRIVATE = { folder: '0700', 'painfit.db': '0600' };

describe('file modes', () => {
  it('intake --answers creates the folder 0700 and painfit.db 0600', () => {
    const home = tempHome();
    expect(run(['intake', '--answers', answersFile()], { home }).code).toBe(0);
    expect(modes(home)).toMatchObject(PRIVATE);
  });

  it.each(['000', '002', '022'])('also with umask %s, for a nested folder that does not exist yet', (umask) => {
    const home = path.join(tempHome(), 'deeper', 'painfit');
    const r = runWithUmask(umask, ['--home', home, 'intake', '--answers', answersFile()]);
    expect(r.code, r.stderr).toBe(0);
    expect(modes(home)).toMatchObject(PRIVATE);
    // The folders painfit created on the way are private too.
    expect(octal(modeOf(path.dirname(home)))).toBe('0700');
  });

  it('-wal and -shm are 0600 while another connection keeps them open', () => {
    const home = tempHome();
    expect(runWithUmask('000', ['--home', home, 'intake', '--answers', answersFile()]).code).toBe(0);
    // A second reader (another terminal) keeps the write-ahead log from being removed on exit.
    const reader = new Database(path.join(home, 'painfit.db'), { readonly: true });
    try {
      reader.prepare('SELECT count(*) FROM intakes').get();
      const r = runWithUmask('000', ['--home', home, 'intake', '--answers', answersFile()]);
      expect(r.code, r.stderr).toBe(0);
      const found = modes(home);
      expect(found).toMatchObject({ ...PRIVATE, 'painfit.db-wal': '0600', 'painfit.db-shm': '0600' });
    } finally {
      reader.close();
    }
  });

  it('a database copied in with a permissive mode is made private again', () => {
    const home = tempHome();
    expect(run(['intake', '--answers', answersFile()], { home }).code).toBe(0);
    fs.chmodSync(path.join(home, 'painfit.db'), 0o644);
    expect(run(['intake', '--answers', answersFile()], { home }).code).toBe(0);
    expect(modes(home)['painfit.db']).toBe('0600');
  });

  it('a folder that already exists is used as it is, and the database in it is 0600', () => {
    const home = tempHome();
    fs.mkdirSync(home, { mode: 0o755 });
    fs.chmodSync(home, 0o755);
    expect(runWithUmask('000', ['--home', home, 'intake', '--answers', answersFile()]).code).toBe(0);
    expect(modes(home)['painfit.db']).toBe('0600');
  });
});

describe('resolveHome: --home, then PAINFIT_HOME, then the platform data folder', () => {
  const home = os.homedir();
  it.each<[string, string | undefined, NodeJS.ProcessEnv, NodeJS.Platform, string]>([
    ['--home wins over everything', '/data/flag', { PAINFIT_HOME: '/data/env', XDG_DATA_HOME: '/xdg' }, 'linux', '/data/flag'],
    ['a relative --home is made absolute', 'rel/home', {}, 'linux', path.resolve('rel/home')],
    ['PAINFIT_HOME when no --home', undefined, { PAINFIT_HOME: '/data/env', XDG_DATA_HOME: '/xdg' }, 'linux', '/data/env'],
    ['an empty PAINFIT_HOME is ignored', undefined, { PAINFIT_HOME: '', XDG_DATA_HOME: '/xdg' }, 'linux', '/xdg/painfit'],
    ['$XDG_DATA_HOME/painfit on Linux', undefined, { XDG_DATA_HOME: '/xdg' }, 'linux', '/xdg/painfit'],
    ['~/.local/share/painfit on Linux without XDG_DATA_HOME', undefined, {}, 'linux', path.join(home, '.local', 'share', 'painfit')],
    ['an empty XDG_DATA_HOME is ignored', undefined, { XDG_DATA_HOME: '' }, 'linux', path.join(home, '.local', 'share', 'painfit')],
    ['a relative XDG_DATA_HOME is ignored (XDG spec)', undefined, { XDG_DATA_HOME: 'relative/xdg' }, 'linux', path.join(home, '.local', 'share', 'painfit')],
    ['PAINFIT_HOME on macOS', undefined, { PAINFIT_HOME: '/data/env' }, 'darwin', '/data/env'],
    ['~/Library/Application Support/painfit on macOS', undefined, { XDG_DATA_HOME: '/xdg' }, 'darwin', path.join(home, 'Library', 'Application Support', 'painfit')],
    ['%APPDATA%\\painfit on Windows', undefined, { APPDATA: 'C:\\Users\\sam\\AppData\\Roaming' }, 'win32', path.win32.join('C:\\Users\\sam\\AppData\\Roaming', 'painfit')],
    ['PAINFIT_HOME on Windows', undefined, { PAINFIT_HOME: '/data/env', APPDATA: 'C:\\x' }, 'win32', '/data/env'],
  ])('%s', (_case, flag, env, platform, expected) => {
    expect(resolveHome(flag, env, platform)).toBe(expected);
  });

  it('Windows without APPDATA falls back to AppData\\Roaming in the user folder', () => {
    const resolved = resolveHome(undefined, {}, 'win32');
    expect(resolved.startsWith(path.win32.normalize(home))).toBe(true);
    expect(resolved.split(/[\\/]/).slice(-3)).toEqual(['AppData', 'Roaming', 'painfit']);
  });

  it('the database and backups live inside the home folder', () => {
    expect(pathsFor('/data/painfit')).toEqual({ home: '/data/painfit', db: '/data/painfit/painfit.db', backups: '/data/painfit/backups' });
  });
});

describe('the CLI finds its data folder in that order', () => {
  /** cliEnv() removes PAINFIT_HOME; put back exactly what each case needs. */
  function runIn(env: NodeJS.ProcessEnv, args: string[]) {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: '', env: { ...cliEnv(), ...env }, timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
  }
  const savedIn = (home: string) => fs.existsSync(path.join(home, 'painfit.db')) && query(home, 'SELECT id FROM intakes').length === 1;

  it('--home beats PAINFIT_HOME', () => {
    const flag = tempHome();
    const env = tempHome();
    runIn({ PAINFIT_HOME: env }, ['--home', flag, 'intake', '--answers', answersFile()]);
    expect(savedIn(flag)).toBe(true);
    expect(fs.existsSync(env)).toBe(false);
  });

  it('PAINFIT_HOME beats XDG_DATA_HOME', () => {
    const env = tempHome();
    const xdg = tempHome();
    runIn({ PAINFIT_HOME: env, XDG_DATA_HOME: xdg }, ['intake', '--answers', answersFile()]);
    expect(savedIn(env)).toBe(true);
    expect(fs.existsSync(xdg)).toBe(false);
  });

  it('XDG_DATA_HOME/painfit, then ~/.local/share/painfit', () => {
    const xdg = tempHome();
    runIn({ XDG_DATA_HOME: xdg }, ['intake', '--answers', answersFile()]);
    expect(savedIn(path.join(xdg, 'painfit'))).toBe(true);

    const userHome = tempHome();
    runIn({ HOME: userHome, XDG_DATA_HOME: '' }, ['intake', '--answers', answersFile()]);
    expect(savedIn(path.join(userHome, '.local', 'share', 'painfit'))).toBe(true);
  });
});
