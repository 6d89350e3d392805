// Privacy (issue 5, item 6): the data folder is 0700 and painfit.db, -wal, -shm and backups are 0600
// even under umask 000; and no command loads a network module (net, http, https, http2, dns, tls,
// dgram, undici/fetch). Both are measured inside the real CLI process through a --require probe.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { INTAKE_TEMPLATE } from '../src/domain/intake-template';
import { listBackups, migrate } from '../src/store/db';
import { MIGRATIONS } from '../src/store/migrations';
import { pathsFor } from '../src/store/paths';
import { BIN, cliEnv, tempHome, writeJson } from './helpers/cli';

/**
 * Preloaded into the CLI (node --require). Records, into $PAINFIT_PROBE_OUT at exit:
 * - every require of a network module that goes through Module._load, with who asked;
 * - any read of the global fetch (undici is loaded lazily behind it);
 * - http, https, http2, dns, tls or undici anywhere in process.moduleLoadList, whoever loaded them
 *   (net and dgram are left out here: the probe itself loads them to watch sockets, and Node
 *   loads them for a terminal or a pipe; a socket is caught below instead);
 * - any socket connect, listen or UDP use (net.Socket, net.Server and dgram.Socket are patched);
 * - the modes of -wal and -shm just before each better-sqlite3 connection closes (they exist only
 *   while a connection is open, so this is the moment to look).
 */
const PROBE = String.raw`
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
// Loaded before the hook below, so the probe's own requires are not counted.
const net = require('node:net');
const dgram = require('node:dgram');
const NETWORK = /^(?:node:)?(net|http|https|http2|dns|dns\/promises|tls|dgram|undici|_http_\w+|_tls_\w+)$/;
const requires = [];
const modes = [];
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (NETWORK.test(request)) requires.push({ request, from: parent && parent.filename });
  const loaded = load.apply(this, arguments);
  // Unbundled, better-sqlite3 is required by name; bundled, only its native addon is required (by
  // path). Either way, wrap the connection's close to look at -wal and -shm just before they go.
  const target = request === 'better-sqlite3' ? loaded.prototype : /better_sqlite3\.node$/.test(request) ? loaded.Database.prototype : null;
  if (target && !target.__probed) {
    const close = target.close;
    target.close = function () {
      for (const suffix of ['-wal', '-shm']) {
        try { modes.push({ file: this.name + suffix, mode: (fs.statSync(this.name + suffix).mode & 0o777).toString(8) }); } catch {}
      }
      return close.apply(this, arguments);
    };
    target.__probed = true;
  }
  return loaded;
};
const fetch = globalThis.fetch;
Object.defineProperty(globalThis, 'fetch', { configurable: true, get() { requires.push({ request: 'globalThis.fetch' }); return fetch; } });
const sockets = [];
const spy = (proto, method, label) => {
  const original = proto[method];
  proto[method] = function () { sockets.push(label); return original.apply(this, arguments); };
};
spy(net.Socket.prototype, 'connect', 'net.Socket#connect');
spy(net.Server.prototype, 'listen', 'net.Server#listen');
spy(dgram.Socket.prototype, 'bind', 'dgram.Socket#bind');
spy(dgram.Socket.prototype, 'send', 'dgram.Socket#send');
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => /^NativeModule (http|https|http2|dns|dns\/promises|tls|_http_\w+|_tls_\w+|internal\/deps\/undici\/undici)$/.test(m));
  fs.writeFileSync(process.env.PAINFIT_PROBE_OUT, JSON.stringify({ requires, builtins, sockets, modes }));
});
`;

interface ProbeResult {
  requires: { request: string; from?: string }[];
  builtins: string[];
  sockets: string[];
  modes: { file: string; mode: string }[];
}

const work = path.dirname(tempHome('painfit-privacy-'));
fs.mkdirSync(work, { recursive: true });
const probeFile = path.join(work, 'probe.cjs');
fs.writeFileSync(probeFile, PROBE);

let runs = 0;
/**
 * Runs the CLI under `umask` with the probe preloaded. stdin, stdout and stderr are files, not pipes:
 * a piped stdio would make Node itself load net, which is not the program's doing.
 */
function probed(args: string[], opts: { home: string; umask?: string; input?: string }) {
  const dir = path.join(work, `run-${++runs}`);
  fs.mkdirSync(dir);
  const files = { in: path.join(dir, 'stdin'), out: path.join(dir, 'stdout'), err: path.join(dir, 'stderr'), probe: path.join(dir, 'probe.json') };
  fs.writeFileSync(files.in, opts.input ?? '');
  const fds = [fs.openSync(files.in, 'r'), fs.openSync(files.out, 'w'), fs.openSync(files.err, 'w')];
  try {
    const r = spawnSync('/bin/sh', ['-c', `umask ${opts.umask ?? '077'}; exec "$@"`, 'sh', process.execPath, '--require', probeFile, BIN, '--home', opts.home, ...args], {
      stdio: fds,
      env: cliEnv({ PAINFIT_PROBE_OUT: files.probe }),
      timeout: 30_000,
    });
    const probe: ProbeResult = fs.existsSync(files.probe) ? JSON.parse(fs.readFileSync(files.probe, 'utf8')) : { requires: [], builtins: [], sockets: [], modes: [] };
    return { code: r.status, stdout: fs.readFileSync(files.out, 'utf8'), stderr: fs.readFileSync(files.err, 'utf8'), probe, probed: fs.existsSync(files.probe) };
  } finally {
    fds.forEach((fd) => fs.closeSync(fd));
  }
}

const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8).padStart(4, '0');

/** The mode of every file and folder under home, by relative path. */
function modesUnder(home: string): Record<string, string> {
  const out: Record<string, string> = { '.': modeOf(home) };
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      out[path.relative(home, file)] = modeOf(file);
      if (fs.statSync(file).isDirectory()) walk(file);
    }
  };
  walk(home);
  return out;
}

function expectPrivate(home: string): void {
  for (const [name, mode] of Object.entries(modesUnder(home))) {
    const isDir = fs.statSync(path.join(home, name)).isDirectory();
    expect(mode, `${name} is ${mode}`).toBe(isDir ? '0700' : '0600');
  }
}

const answers = writeJson(path.join(work, 'input'), 'answers.json', INTAKE_TEMPLATE);
const INTAKE_DATE = '2026-01-05';
const SESSION_DATE = '2026-01-07';

describe('files are private even with umask 000', () => {
  it('intake and log: the folder 0700, painfit.db 0600, and -wal/-shm 0600 while open', () => {
    const home = path.join(tempHome(), 'nested', 'painfit');
    const intake = probed(['intake', '--answers', answers, '--date', INTAKE_DATE], { home, umask: '000' });
    expect(intake.code, intake.stderr).toBe(0);
    const log = probed(['log', '--pain', '3', '--done', 'all', '--date', SESSION_DATE], { home, umask: '000' });
    expect(log.code, log.stderr).toBe(0);

    expectPrivate(home);
    expect(modeOf(path.dirname(home))).toBe('0700'); // created on the way, private too
    // The -wal and -shm the CLI itself made, seen from inside it just before it closed them.
    for (const run of [intake, log]) {
      expect(run.probe.modes.map((m) => path.basename(m.file)).sort()).toEqual(['painfit.db-shm', 'painfit.db-wal']);
      for (const m of run.probe.modes) expect(m.mode, m.file).toBe('600');
    }
  });

  it('a migration keeps a 0600 backup in a 0700 backups folder', () => {
    const home = tempHome();
    fs.mkdirSync(home, { recursive: true, mode: 0o700 });
    const old = new Database(pathsFor(home).db);
    migrate(old, MIGRATIONS.filter((m) => m.version <= 1), 0);
    old.close();

    const r = probed(['intake', '--answers', answers, '--date', INTAKE_DATE], { home, umask: '000' });
    expect(r.code, r.stderr).toBe(0);
    const backups = listBackups(pathsFor(home));
    expect(backups).toHaveLength(1);
    expect(modeOf(pathsFor(home).backups)).toBe('0700');
    expect(modeOf(backups[0]!)).toBe('0600');
    expectPrivate(home);
  });

  it('doctor flags a folder or file that others can read, with the command that fixes it', () => {
    const home = tempHome();
    expect(probed(['intake', '--answers', answers, '--date', INTAKE_DATE], { home }).code).toBe(0);
    fs.chmodSync(home, 0o755);
    fs.chmodSync(pathsFor(home).db, 0o644);
    const r = probed(['doctor', '--json'], { home });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.folder).toMatchObject({ mode: '0755', private: false });
    expect(report.database).toMatchObject({ mode: '0644', private: false });
    expect(report.warnings).toEqual([expect.stringContaining(`chmod 700 '${home}'`), expect.stringContaining(`chmod 600 '${pathsFor(home).db}'`)]);
    // doctor only looks: it changes no mode.
    expect(modeOf(home)).toBe('0755');
  });
});

describe('no command loads a network module', () => {
  const home = tempHome();
  const restored = tempHome();
  const exportFile = path.join(work, 'export.json');

  /** In order: each step leaves what the next one needs (a session day, an entry to undo, an export). */
  const STEPS: [string, string | null, () => { args: string[]; home?: string; input?: string }][] = [
    ['--help', null, () => ({ args: ['--help'] })],
    ['--version', null, () => ({ args: ['--version'] })],
    ['intake --template', 'intake', () => ({ args: ['intake', '--template'] })],
    ['intake --answers', 'intake', () => ({ args: ['intake', '--answers', answers, '--date', INTAKE_DATE] })],
    ['intake --answers - (standard input)', 'intake', () => ({ args: ['intake', '--answers', '-', '--date', INTAKE_DATE], input: JSON.stringify(INTAKE_TEMPLATE) })],
    ['today', 'today', () => ({ args: ['today'] })],
    ['today --json', 'today', () => ({ args: ['today', '--json', '--date', SESSION_DATE] })],
    ['painfit (no command)', 'default', () => ({ args: [] })],
    ['log', 'log', () => ({ args: ['log', '--pain', '3', '--done', 'all', '--during', '2', '--effort', '3', '--date', SESSION_DATE] })],
    ['plan', 'plan', () => ({ args: ['plan'] })],
    ['plan --ics', 'plan', () => ({ args: ['plan', '--ics', path.join(work, 'plan.ics')] })],
    ['learn', 'learn', () => ({ args: ['learn'] })],
    ['learn 1', 'learn', () => ({ args: ['learn', '1'] })],
    ['exercises', 'exercises', () => ({ args: ['exercises', '--type', 'strength'] })],
    ['exercises show', 'exercises', () => ({ args: ['exercises', 'show', 'sit-to-stand'] })],
    ['swap', 'swap', () => ({ args: ['swap', firstExercise(), '--date', SESSION_DATE] })],
    ['report', 'report', () => ({ args: ['report'] })],
    ['report --html', 'report', () => ({ args: ['report', '--html', path.join(work, 'report.html')] })],
    ['report --csv', 'report', () => ({ args: ['report', '--csv'] })],
    ['checkin', 'checkin', () => ({ args: ['checkin', '--peg-pain', '4', '--peg-enjoyment', '5', '--peg-activity', '5'] })],
    ['export', 'export', () => ({ args: ['export', '--out', exportFile] })],
    ['import', 'import', () => ({ args: ['import', exportFile], home: restored })],
    ['undo --yes', 'undo', () => ({ args: ['undo', '--yes'] })],
    ['doctor', 'doctor', () => ({ args: ['doctor'] })],
    ['doctor --json', 'doctor', () => ({ args: ['doctor', '--json'] })],
  ];

  let session: string | undefined;
  function firstExercise(): string {
    if (!session) {
      const r = probed(['today', '--json', '--date', SESSION_DATE], { home });
      session = JSON.parse(r.stdout).exercises[0].id as string;
    }
    return session;
  }

  it.each(STEPS)('%s', (_name, _command, step) => {
    const { args, home: where = home, input } = step();
    const r = probed(args, { home: where, input });
    expect(r.code, r.stderr).toBe(0);
    expect(r.probed, 'the probe wrote its record').toBe(true);
    expect(r.probe.requires).toEqual([]);
    expect(r.probe.builtins).toEqual([]);
    expect(r.probe.sockets).toEqual([]);
  });

  it('the probe does catch a network module (so the checks above can fail)', () => {
    const out = path.join(work, 'self-check.json');
    const script = "require('node:https'); require('dns'); void fetch; require('net').connect(9, '127.0.0.1').on('error', () => {})";
    const r = spawnSync(process.execPath, ['--require', probeFile, '-e', script], {
      env: cliEnv({ PAINFIT_PROBE_OUT: out }),
      stdio: 'ignore',
    });
    expect(r.status).toBe(0);
    const probe = JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeResult;
    expect(probe.requires.map((x) => x.request)).toEqual(['node:https', 'dns', 'globalThis.fetch', 'net']);
    expect(probe.builtins).toEqual(expect.arrayContaining(['NativeModule https', 'NativeModule dns', 'NativeModule tls']));
    expect(probe.sockets).toContain('net.Socket#connect');
  });
});
