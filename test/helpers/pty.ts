// Drives the real CLI in a pseudo-terminal (node-pty), the way a person at a keyboard would.
// Waits are generous: these tests must hold on a slow 2-core CI machine.
import * as pty from 'node-pty';
import { BIN, cliEnv } from './cli';

/** Keys as a terminal sends them. */
export const KEY = {
  enter: '\r',
  space: ' ',
  down: '\x1b[B',
  up: '\x1b[A',
  ctrlC: '\x03',
  backspace: '\x7f',
} as const;

export const DEFAULT_WAIT_MS = 15_000;

// CSI sequences (colours, cursor moves, erase), OSC sequences, and single-character escapes.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '').replace(/\r/g, '');
}

/**
 * What waitFor matches against: ANSI removed and every run of whitespace made one space, because
 * the prompt library breaks long questions over several lines to fit the terminal width.
 */
export function screenText(raw: string): string {
  return stripAnsi(raw).replace(/\s+/g, ' ');
}

export interface PtySession {
  /** Everything printed so far, ANSI codes removed. */
  readonly text: string;
  /** Everything printed so far, exactly as the terminal received it. */
  readonly raw: string;
  /**
   * Resolves once `pattern` appears after the last consumed position, and consumes up to its end.
   * Matched against screenText(): write spaces where the output may wrap.
   */
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  send(keys: string): void;
  /** Waits for the prompt text, then sends the keys. */
  answer(prompt: string | RegExp, keys: string): Promise<void>;
  readonly exit: Promise<{ exitCode: number; signal?: number }>;
  kill(): void;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cols?: number;
  rows?: number;
}

/** Spawns `node bin/painfit.js --home <home> ...args` on a pseudo-terminal. */
export function spawnPainfit(home: string, args: string[], opts: SpawnOptions = {}): PtySession {
  return spawnPty(process.execPath, [BIN, '--home', home, ...args], opts);
}

/** Spawns any program on a pseudo-terminal, with the test environment of helpers/cli (NO_COLOR, no PAINFIT_HOME). */
export function spawnPty(file: string, args: string[], opts: SpawnOptions = {}): PtySession {
  const env = cliEnv({ TERM: 'xterm', ...opts.env });
  const child = pty.spawn(file, args, {
    name: 'xterm',
    cols: opts.cols ?? 120,
    rows: opts.rows ?? 40,
    cwd: process.cwd(),
    env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
  });

  let raw = '';
  let consumed = 0;
  let exited = false;
  const listeners = new Set<() => void>();
  child.onData((chunk) => {
    raw += chunk;
    for (const l of listeners) l();
  });
  const exit = new Promise<{ exitCode: number; signal?: number }>((resolve) => {
    child.onExit((e) => {
      exited = true;
      for (const l of listeners) l();
      resolve(e);
    });
  });

  const session: PtySession = {
    get text() {
      return stripAnsi(raw);
    },
    get raw() {
      return raw;
    },
    waitFor(pattern, timeoutMs = DEFAULT_WAIT_MS) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const rest = screenText(raw).slice(consumed);
          let end = -1;
          if (typeof pattern === 'string') {
            const at = rest.indexOf(pattern);
            if (at >= 0) end = at + pattern.length;
          } else {
            const m = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(rest);
            if (m) end = m.index + m[0].length;
          }
          if (end < 0) return false;
          const seen = rest.slice(0, end);
          consumed += end;
          resolve(seen);
          return true;
        };
        if (check()) return;
        const done = () => {
          clearTimeout(timer);
          listeners.delete(listener);
        };
        const listener = () => {
          if (check()) done();
          else if (exited) {
            done();
            reject(new Error(`painfit exited before ${String(pattern)} appeared. Output after the last match:\n${screenText(raw).slice(consumed)}`));
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${String(pattern)}. Output after the last match:\n${screenText(raw).slice(consumed)}`));
        }, timeoutMs);
        listeners.add(listener);
      });
    },
    send(keys) {
      child.write(keys);
    },
    async answer(prompt, keys) {
      await session.waitFor(prompt);
      child.write(keys);
    },
    exit,
    kill() {
      if (!exited) child.kill();
    },
  };
  return session;
}

/** Resolves with the exit, or rejects if the process is still running after `timeoutMs`. */
export function exitWithin(session: PtySession, timeoutMs = DEFAULT_WAIT_MS): Promise<{ exitCode: number; signal?: number }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`painfit did not exit within ${timeoutMs} ms. Output:\n${session.text.slice(-2000)}`)), timeoutMs);
  });
  return Promise.race([session.exit, timeout]).finally(() => clearTimeout(timer));
}
