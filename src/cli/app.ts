// The app context: everything painfit takes from (or does to) the process, built once in
// src/main.ts and handed down (after gh's iostreams). Commands and the store never reach for
// `process` themselves: output, the clock, the terminal, key presses, environment changes and the
// umask all go through here, so a test builds the same thing from buffers and a fake clock
// (test/helpers/app.ts) and runs any command in-process.
import fs from 'node:fs';
import { builtin } from '../builtin';
import type { Prompter } from '../ui/prompts';

export interface Clock {
  /** Wall-clock time: the local date a command acts on, and when facts were recorded. */
  now(): Date;
  /** Milliseconds on a clock that never jumps (NTP, daylight saving): what timers count with. */
  monotonicMs(): number;
  /** Calls `fn` once after `ms` milliseconds; the returned function cancels it. The process idles meanwhile. */
  setTimer(ms: number, fn: () => void): () => void;
}

/** What a key press is called once decoded: 'enter', 'space', 'ctrl-c', 'backspace', 'up', 'down', or the character typed. */
export type Key = string;

export interface KeyInput {
  /**
   * Delivers each key press to `onKey`, with the terminal in raw mode (no echo, no line buffering).
   * The returned function stops listening and puts the terminal back exactly as it was.
   */
  listen(onKey: (key: Key) => void): () => void;
}

export interface TerminalInfo {
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** When stdout is a regular file (`painfit export > file`): its mode and, where the system tells, its name. */
  readonly stdoutFile?: { mode: number; name: string } | undefined;
  /** The terminal's own size, when stdout is one. */
  readonly columns: number | undefined;
  readonly rows: number | undefined;
}

export interface App {
  /** Writes to stdout as given (data: tables, JSON). */
  out(text: string): void;
  /** Writes to stderr as given (talk: questions, confirmations, errors). */
  err(text: string): void;
  readonly env: Readonly<NodeJS.ProcessEnv>;
  /** Changes an environment variable for this process and the libraries it loads (undefined removes it). */
  setEnv(key: string, value: string | undefined): void;
  /** Sets the process file-creation mask (health data: painfit's files are private whatever the user's umask). */
  setUmask(mask: number): void;
  readonly clock: Clock;
  readonly terminal: TerminalInfo;
  readonly input: KeyInput;
  /** The question library, loaded on first use; `color: false` keeps it plain. */
  prompter(opts: { color: boolean }): Promise<Prompter>;
  /** Shows `text` through $PAGER (else `less -R`); false when no pager could be run (then nothing was shown). */
  page(text: string): Promise<boolean>;
}

// ---------------------------------------------------------------------------------------------
// Key decoding, shared by the real input and tests: a chunk of bytes from a raw-mode terminal.

const NAMED: Record<string, Key> = {
  '\r': 'enter',
  '\n': 'enter',
  ' ': 'space',
  '\x03': 'ctrl-c',
  '\x04': 'ctrl-d',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x1b': 'escape',
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[C': 'right',
  '\x1b[D': 'left',
};

/** Splits what a terminal sent into key names (several keys may arrive in one chunk). */
export function decodeKeys(chunk: string): Key[] {
  const keys: Key[] = [];
  for (let i = 0; i < chunk.length; ) {
    if (chunk[i] === '\x1b') {
      const m = /^\x1b\[[0-9;]*[A-Za-z~]/.exec(chunk.slice(i));
      const seq = m ? m[0] : '\x1b';
      keys.push(NAMED[seq] ?? 'escape');
      i += seq.length;
      continue;
    }
    if (chunk[i] === '\r' && chunk[i + 1] === '\n') {
      keys.push('enter');
      i += 2;
      continue;
    }
    const cp = chunk.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    keys.push(NAMED[ch] ?? ch.toLowerCase());
    i += ch.length;
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// The real app, on this process.

let stdoutTerminal: boolean | undefined;

/** Whether stdout is a terminal; pipes, files and /dev/null are told apart without creating a stream. */
function stdoutIsTerminal(): boolean {
  if (stdoutTerminal !== undefined) return stdoutTerminal;
  try {
    const out = fs.fstatSync(1);
    stdoutTerminal = out.isCharacterDevice() && out.rdev !== fs.statSync('/dev/null').rdev && Boolean(process.stdout.isTTY);
  } catch {
    stdoutTerminal = Boolean(process.stdout.isTTY);
  }
  return stdoutTerminal;
}

/**
 * When stdout is a pipe, a file or /dev/null, painfit writes to it directly instead of creating
 * Node's stream for it: that stream pulls in Node's stream and network modules, a noticeable share
 * of a short command's run time (e.g. `painfit today --json | jq`).
 */
function writeFd(fd: 1 | 2, text: string): void {
  if (fd === 1 && stdoutIsTerminal()) {
    process.stdout.write(text);
    return;
  }
  if (fd === 2) {
    process.stderr.write(text);
    return;
  }
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += fs.writeSync(fd, bytes, offset);
    } catch (error) {
      // A pipe left non-blocking by the parent process: wait for the reader and go on.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

const realClock: Clock = {
  now: () => new Date(),
  monotonicMs: () => performance.now(),
  setTimer(ms, fn) {
    const t = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(t);
  },
};

/** A character device that is not /dev/null, checked without creating stdin's stream. */
function fdIsTerminal(fd: number): boolean {
  try {
    const s = fs.fstatSync(fd);
    return s.isCharacterDevice() && s.rdev !== fs.statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

const realInput: KeyInput = {
  listen(onKey) {
    const stdin = process.stdin;
    const wasRaw = stdin.isTTY ? stdin.isRaw : false;
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const key of decodeKeys(chunk)) onKey(key);
    };
    stdin.on('data', onData);
    stdin.resume();
    return () => {
      stdin.off('data', onData);
      if (stdin.isTTY) stdin.setRawMode(wasRaw);
      stdin.pause();
    };
  },
};

let theRealApp: App | undefined;

/** The app on this process: built once (src/main.ts), reused by every command it runs. */
export function realApp(): App {
  if (theRealApp) return theRealApp;
  let stdinTTY: boolean | undefined;
  let stderrTTY: boolean | undefined;
  const app: App = {
    out: (text) => writeFd(1, text),
    err: (text) => writeFd(2, text),
    env: process.env,
    setEnv(key, value) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    },
    setUmask: (mask) => void process.umask(mask),
    clock: realClock,
    terminal: {
      get stdinIsTTY() {
        stdinTTY ??= fdIsTerminal(0) && Boolean(process.stdin.isTTY);
        return stdinTTY;
      },
      get stdoutIsTTY() {
        return stdoutIsTerminal();
      },
      get stderrIsTTY() {
        stderrTTY ??= fdIsTerminal(2);
        return stderrTTY;
      },
      get stdoutFile() {
        try {
          const stat = fs.fstatSync(1);
          if (!stat.isFile()) return undefined;
          let name = 'the file standard output goes to';
          try {
            name = fs.readlinkSync('/proc/self/fd/1');
          } catch {
            // not Linux
          }
          return { mode: stat.mode, name };
        } catch {
          return undefined;
        }
      },
      get columns() {
        return stdoutIsTerminal() ? process.stdout.columns : undefined;
      },
      get rows() {
        return stdoutIsTerminal() ? process.stdout.rows : undefined;
      },
    },
    input: realInput,
    async prompter({ color }) {
      const { createPrompter, promptWidth } = await import('../ui/prompts');
      // Prompts are drawn on stderr: wrapped to its width (and to $COLUMNS when that is narrower).
      return createPrompter({ color, setEnv: app.setEnv, width: () => promptWidth(app.env, process.stderr.isTTY ? process.stderr.columns : undefined) });
    },
    async page(text) {
      // Loaded only here: a pager is rare.
      const { spawnSync } = builtin('node:child_process');
      const [command, ...args] = process.env.PAGER?.trim() ? process.env.PAGER.trim().split(/\s+/) : ['less', '-R'];
      // less shows colour codes as colour only with -R: give it that unless the user set LESS.
      const env = { ...process.env, LESS: process.env.LESS ?? 'R' };
      const r = spawnSync(command!, args, { input: text, stdio: ['pipe', 'inherit', 'inherit'], env });
      return !r.error;
    },
  };
  theRealApp = app;
  return app;
}
