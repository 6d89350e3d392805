// The only module that talks to the prompt library. Every prompt goes to stderr (stdout is data),
// and prompting is refused outright unless stdin and stdout are both terminals.
import { CancelledError, UsageError } from '../errors';

export interface Choice<T> {
  value: T;
  name: string;
  checked?: boolean;
  description?: string;
}

export interface Prompter {
  number(message: string, opts: { min: number; max: number; default?: number }): Promise<number>;
  /** Like number, but Enter on an empty answer skips it (undefined). */
  optionalNumber(message: string, opts: { min: number; max: number }): Promise<number | undefined>;
  text(message: string, opts?: { default?: string; required?: boolean; maxLength?: number; validate?: (value: string) => string | true }): Promise<string>;
  confirm(message: string, opts?: { default?: boolean }): Promise<boolean>;
  select<T>(message: string, choices: readonly Choice<T>[], opts?: { default?: T }): Promise<T>;
  checkbox<T>(message: string, choices: readonly Choice<T>[], opts?: { min?: number; max?: number }): Promise<T[]>;
}

export function isInteractive(stdin: { isTTY?: boolean } = process.stdin, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return Boolean(stdin.isTTY && stdout.isTTY);
}

/** Throws a usage error naming the flags to use instead when the session is not a terminal. */
export function requireInteractive(what: string, instead: string, interactive = isInteractive()): void {
  if (!interactive) {
    throw new UsageError(`${what} asks questions, but this is not an interactive terminal. ${instead}`, 'NOT_A_TERMINAL');
  }
}

const context = { output: process.stderr, clearPromptOnDone: false } as const;

function cancelled(error: unknown): never {
  if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new CancelledError();
  throw error;
}

/**
 * Loads the single prompt packages lazily, so commands that never prompt never pay for them.
 * `color: false` (--no-color) must reach the prompt library too: it colours through node's
 * styleText, which reads only NO_COLOR/FORCE_COLOR (FORCE_COLOR first), some of it at import time.
 */
export async function createPrompter(opts: { color?: boolean; setEnv?: (key: string, value: string | undefined) => void } = {}): Promise<Prompter> {
  if (opts.color === false) {
    // Through the app context (src/cli/app.ts), which owns changes to the process environment.
    const setEnv = opts.setEnv ?? ((key: string, value: string | undefined) => (value === undefined ? delete process.env[key] : (process.env[key] = value)));
    setEnv('NO_COLOR', '1');
    setEnv('FORCE_COLOR', undefined);
  }
  const [{ default: number }, { default: input }, { default: confirm }, { default: select }, { default: checkbox }] = await Promise.all([
    import('@inquirer/number'),
    import('@inquirer/input'),
    import('@inquirer/confirm'),
    import('@inquirer/select'),
    import('@inquirer/checkbox'),
  ]);
  return {
    async number(message, { min, max, default: def }) {
      const value = await number(
        {
          message,
          min,
          max,
          step: 1,
          required: true,
          default: def,
          validate: (v) => (v === undefined || !Number.isInteger(v) || v < min || v > max ? `Please type a whole number from ${min} to ${max}.` : true),
        },
        context,
      ).catch(cancelled);
      return value as number;
    },
    async optionalNumber(message, { min, max }) {
      return number(
        {
          message,
          min,
          max,
          step: 1,
          required: false,
          validate: (v) => (v === undefined || (Number.isInteger(v) && v >= min && v <= max) ? true : `Please type a whole number from ${min} to ${max}, or leave it empty.`),
        },
        context,
      ).catch(cancelled);
    },
    async text(message, opts = {}) {
      const max = opts.maxLength ?? 200;
      return (
        await input(
          {
            message,
            default: opts.default,
            required: opts.required ?? false,
            validate: (v) => {
              // The prompt library accepts spaces as an answer; the answers file does not.
              if (opts.required && v.trim() === '') return 'Please type a few words.';
              if (v.trim().length > max) return `Please keep it under ${max} characters.`;
              return opts.validate ? opts.validate(v.trim()) : true;
            },
          },
          context,
        ).catch(cancelled)
      ).trim();
    },
    async confirm(message, opts = {}) {
      return confirm({ message, default: opts.default ?? false }, context).catch(cancelled);
    },
    async select(message, choices, opts = {}) {
      return select({ message, choices: choices.map((c) => ({ ...c })), default: opts.default }, context).catch(cancelled);
    },
    async checkbox(message, choices, opts = {}) {
      const { min = 0, max } = opts;
      return checkbox(
        {
          message,
          choices: choices.map((c) => ({ ...c })),
          validate: (picked) => {
            if (picked.length < min) return `Please choose at least ${min === 1 ? 'one' : min} (space to tick, enter when done).`;
            if (max !== undefined && picked.length > max) return `Please choose at most ${max}.`;
            return true;
          },
        },
        context,
      ).catch(cancelled);
    },
  };
}
