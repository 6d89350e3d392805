// The only module that talks to the prompt library. Every prompt goes to stderr (stdout is data),
// and prompting is refused outright unless stdin and stdout are both terminals.
import { styleText } from 'node:util';
import { CancelledError, UsageError } from '../errors';
import { layoutWidth, visibleLength, wrapLines } from './width';

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

/**
 * The columns prompts wrap to: the layout width ($COLUMNS, else the terminal's), never wider than
 * the terminal the prompt is drawn on (stderr), which the prompt library breaks lines at.
 */
export function promptWidth(env: Readonly<Record<string, string | undefined>>, columns: number | undefined): number {
  const width = layoutWidth(env, columns);
  return columns && columns > 0 ? Math.min(width, columns) : width;
}

/** The prompt library starts a question's first line with a one-character mark and a space ("? "). */
const MARK = 2;
/**
 * A question's text wrapped between words to `width` (the prompt library would cut it mid-word):
 * its first line leaves room for the "? " mark, its last line `room` columns for what the prompt
 * library writes after it while asking (" (y/N)", a default such as " (15)", a typed number).
 */
export function wrapMessage(message: string, width: number, room = 0): string {
  const lines = wrapLines(message, width, { firstIndent: ' '.repeat(MARK) });
  lines[0] = lines[0]!.slice(MARK);
  const last = lines.length - 1;
  const lastRoom = width - room - (last === 0 ? MARK : 0);
  if (visibleLength(lines[last]!) > lastRoom) {
    const again = wrapLines(lines[last]!, lastRoom + (last === 0 ? MARK : 0), { firstIndent: last === 0 ? ' '.repeat(MARK) : '' });
    if (last === 0) again[0] = again[0]!.slice(MARK);
    lines.splice(last, 1, ...again);
  }
  return lines.join('\n');
}

/**
 * Text that goes on after `column` columns of a line (an answer after its question), with line
 * breaks between words so that no line is wider than `width`.
 */
export function continueLine(text: string, column: number, width: number): string {
  const words = text.split(' ');
  let out = '';
  let col = column;
  for (const [i, word] of words.entries()) {
    const w = visibleLength(word);
    const gap = i === 0 ? 0 : 1;
    if (col + gap + w > width && col > 0) {
      out += '\n';
      col = 0;
    } else if (gap) {
      out += ' ';
      col += 1;
    }
    out += word;
    col += w;
  }
  return out;
}

/** " (y/N)" while asking, then " Yes" / " No". */
const CONFIRM_ROOM = 6;

/** " (15)" (the default) while asking, or the number typed, with its space. */
function numberRoom(max: number, def?: number): number {
  return Math.max(def !== undefined ? String(def).length + 3 : 0, String(max).length + 1);
}

/** Where the answer starts on the last line of a wrapped question (after its text and a space). */
function answerColumn(wrapped: string): number {
  const lines = wrapped.split('\n');
  return (lines.length === 1 ? MARK : 0) + visibleLength(lines[lines.length - 1]!) + 1;
}

/** The prompt library's theme for one question: its answer (shown once given) wraps between words too. */
function answerTheme(wrapped: string, width: number) {
  const column = answerColumn(wrapped);
  return { style: { answer: (text: string) => styleText('cyan', continueLine(text, column, width)) } };
}

/** A choice's name wrapped under itself (after the pointer and box the list draws before it). */
function wrapChoice(name: string, width: number, lead: number): string {
  return wrapLines(name, width, { firstIndent: ' '.repeat(lead), indent: ' '.repeat(lead) })
    .map((l, i) => (i === 0 ? l.slice(lead) : l))
    .join('\n');
}

function cancelled(error: unknown): never {
  if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new CancelledError();
  throw error;
}

/**
 * Loads the single prompt packages lazily, so commands that never prompt never pay for them.
 * `color: false` (--no-color) must reach the prompt library too: it colours through node's
 * styleText, which reads only NO_COLOR/FORCE_COLOR (FORCE_COLOR first), some of it at import time.
 */
export async function createPrompter(
  opts: { color?: boolean; setEnv?: (key: string, value: string | undefined) => void; width?: () => number } = {},
): Promise<Prompter> {
  const widthNow = opts.width ?? (() => promptWidth(process.env, process.stderr.columns));
  /** The question wrapped to the terminal as it is now, and the theme that wraps its answer. */
  const fit = (message: string, room = 0) => {
    const width = widthNow();
    const wrapped = wrapMessage(message, width, room);
    return { message: wrapped, theme: answerTheme(wrapped, width), width };
  };
  const ask = (message: string, room = 0) => {
    const { message: m, theme } = fit(message, room);
    return { message: m, theme };
  };
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
          ...ask(message, numberRoom(max, def)),
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
          ...ask(message, numberRoom(max)),
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
            // The default is shown after the question; a typed answer wraps where the library puts it.
            ...ask(message, opts.default ? visibleLength(opts.default) + 3 : 1),
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
      return confirm({ ...ask(message, CONFIRM_ROOM), default: opts.default ?? false }, context).catch(cancelled);
    },
    async select(message, choices, opts = {}) {
      const { width, ...q } = fit(message);
      // "❯ " before each choice; once chosen, the answer shows the name unwrapped (then wrapped as an answer).
      return select({ ...q, choices: choices.map((c) => ({ ...c, name: wrapChoice(c.name, width, 2), short: c.name })), default: opts.default }, context).catch(cancelled);
    },
    async checkbox(message, choices, opts = {}) {
      const { min = 0, max } = opts;
      const { width, ...q } = fit(message);
      return checkbox(
        {
          ...q,
          // "❯◉ " before each choice.
          choices: choices.map((c) => ({ ...c, name: wrapChoice(c.name, width, 3), short: c.name })),
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
