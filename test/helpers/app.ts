// The test version of the app context (src/cli/app.ts), after gh's iostreams.Test(): stdout and
// stderr go to buffers, the clock is fake and moves only when the test says so, key presses are
// scripted, and environment and umask changes are recorded instead of applied to the test process.
import type { App, Clock, Key, KeyInput, TerminalInfo } from '../../src/cli/app';
import { runCli } from '../../src/cli/run';
import type { ExitCode } from '../../src/errors';
import type { Prompter } from '../../src/ui/prompts';

export interface FakeClock extends Clock {
  /** Moves both clocks on by `ms`, firing every timer that falls due, in order, letting the code under test run after each. */
  advance(ms: number): Promise<void>;
  /** Timers waiting to fire. */
  pending(): number;
}

/** Lets promise chains and already-due callbacks run (several rounds, since one step may schedule the next). */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export function fakeClock(start: Date | string = '2026-12-01T09:00:00'): FakeClock {
  let wall = typeof start === 'string' ? new Date(start).getTime() : start.getTime();
  let mono = 1_000;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void; order: number }>();
  const clock: FakeClock = {
    now: () => new Date(wall),
    monotonicMs: () => mono,
    setTimer(ms, fn) {
      const id = nextId++;
      timers.set(id, { at: mono + Math.max(0, ms), fn, order: id });
      return () => void timers.delete(id);
    },
    async advance(ms) {
      const target = mono + ms;
      await settle();
      for (;;) {
        let due: [number, { at: number; fn: () => void; order: number }] | undefined;
        for (const entry of timers) {
          if (entry[1].at <= target && (!due || entry[1].at < due[1].at || (entry[1].at === due[1].at && entry[1].order < due[1].order))) due = entry;
        }
        if (!due) break;
        timers.delete(due[0]);
        wall += due[1].at - mono;
        mono = due[1].at;
        due[1].fn();
        await settle();
      }
      wall += target - mono;
      mono = target;
      await settle();
    },
    pending: () => timers.size,
  };
  return clock;
}

export interface TestKeys extends KeyInput {
  /** Sends keys to the listener (queued until something listens). Names as src/cli/app.ts decodes them. */
  press(...keys: Key[]): Promise<void>;
  /** Types text one character at a time, then optionally Enter. */
  type(text: string): Promise<void>;
  /** Whether the terminal is in raw mode (someone listening) right now. */
  readonly listening: boolean;
  /** How many times listening started, and stopped (restored the terminal). */
  readonly starts: number;
  readonly stops: number;
}

function testKeys(): TestKeys {
  let listener: ((key: Key) => void) | null = null;
  const queue: Key[] = [];
  let starts = 0;
  let stops = 0;
  const keys: TestKeys = {
    listen(onKey) {
      starts++;
      listener = onKey;
      while (queue.length && listener === onKey) onKey(queue.shift()!);
      return () => {
        if (listener === onKey) listener = null;
        stops++;
      };
    },
    async press(...ks) {
      for (const k of ks) {
        if (listener) listener(k);
        else queue.push(k);
        await settle();
      }
    },
    async type(text) {
      for (const ch of text) await keys.press(ch === ' ' ? 'space' : ch);
    },
    get listening() {
      return listener !== null;
    },
    get starts() {
      return starts;
    },
    get stops() {
      return stops;
    },
  };
  return keys;
}

export interface TestAppOptions {
  now?: Date | string;
  env?: Record<string, string | undefined>;
  /** Whether stdin/stdout/stderr are terminals (default: all true, like a person at a terminal). */
  tty?: boolean;
  columns?: number;
  rows?: number;
  prompter?: Prompter;
}

export interface TestApp extends App {
  readonly clock: FakeClock;
  readonly input: TestKeys;
  /** Everything written to stdout and stderr so far. */
  stdout(): string;
  stderr(): string;
  /** Environment changes and umask calls the code asked for (not applied to the test process). */
  readonly envChanges: [string, string | undefined][];
  readonly umasks: number[];
  /** What was shown through the pager. */
  readonly paged: string[];
  /** Runs a painfit command line on this app, in-process. */
  run(args: string[]): Promise<ExitCode>;
}

export function testApp(opts: TestAppOptions = {}): TestApp {
  let out = '';
  let err = '';
  const env: Record<string, string | undefined> = { NO_COLOR: '1', ...opts.env };
  const tty = opts.tty ?? true;
  const terminal: TerminalInfo = { stdinIsTTY: tty, stdoutIsTTY: tty, stderrIsTTY: tty, columns: tty ? (opts.columns ?? 80) : undefined, rows: tty ? (opts.rows ?? 24) : undefined };
  const envChanges: [string, string | undefined][] = [];
  const umasks: number[] = [];
  const paged: string[] = [];
  const app: TestApp = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    env,
    setEnv(key, value) {
      envChanges.push([key, value]);
      if (value === undefined) delete env[key];
      else env[key] = value;
    },
    setUmask: (mask) => void umasks.push(mask),
    clock: fakeClock(opts.now),
    terminal,
    input: testKeys(),
    async prompter() {
      if (!opts.prompter) throw new Error('this test app has no scripted prompter');
      return opts.prompter;
    },
    async page(text) {
      paged.push(text);
      return true;
    },
    paged,
    stdout: () => out,
    stderr: () => err,
    envChanges,
    umasks,
    run: (args) => runCli(args, app),
  };
  return app;
}
