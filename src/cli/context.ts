// Everything a command needs from the outside world, built once from the global options.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { addDays, isIsoDate, type IsoDate } from '../domain/dates';
import { UsageError } from '../errors';
import { openDb, whyReadOnly, type Db } from '../store/db';
import { describeDiskProblem } from '../store/disk';
import { pathsFor, resolveHome, type Paths } from '../store/paths';
import type { Prompter } from '../ui/prompts';
import { colorLevel, makeTheme, type Theme } from '../ui/theme';
import { fitScreen, layoutWidth } from '../ui/width';
import { realApp, type App, type Clock } from './app';

export interface GlobalOptions {
  home?: string;
  date?: string;
  json: boolean;
  color: boolean;
}

export interface Context {
  paths: Paths;
  /** The local date the command acts as of (today, or --date). */
  today: IsoDate;
  /** The real local date, whatever --date says (to refuse logging the future). */
  realToday: IsoDate;
  dateGiven: boolean;
  json: boolean;
  theme: Theme;
  /** Data: tables, JSON, reports. */
  out(text: string): void;
  /** Talk: confirmations, warnings, progress. */
  err(text: string): void;
  /** The database, created (with its folder) when `create` is true; null when missing and not creating. */
  db(create: true): Db;
  db(create: false): Db | null;
  now(): Date;
  close(): void;
  /** The process-wide context this one was built from (src/cli/app.ts): streams, clock, terminal, keys. */
  app: App;
  /** Wall clock and monotonic clock (timers). */
  clock: Clock;
  /** Columns to lay screens out in: $COLUMNS, else the terminal's width, else 80 (never below 60). */
  width: number;
  /** Rows of the terminal, when stdout is one (for paging). */
  rows: number | undefined;
  /** Whether questions may be asked: stdin and stdout are both terminals. */
  interactive: boolean;
  /** The question library (loaded on first use), plain when colour is off. */
  prompter(): Promise<Prompter>;
  /** Throws a usage error naming `instead` when questions cannot be asked here. */
  requireInteractive(what: string, instead: string): void;
  /** Prints `text` like out(), through a pager when it is longer than the terminal's screen. */
  page(text: string): Promise<void>;
}

const GLOBAL_KEYS = ['home', 'date', 'json', 'color'] as const;

/** Global options may stand before or after the command: take whichever the user actually gave. */
export function globalOptions(command: Command): GlobalOptions {
  const merged: Record<string, unknown> = { json: false, color: true };
  const chain: Command[] = [];
  for (let c: Command | null = command; c; c = c.parent) chain.unshift(c);
  for (const c of chain) {
    const opts = c.opts();
    for (const key of GLOBAL_KEYS) {
      const source = c.getOptionValueSource(key);
      if (source === 'cli' || source === 'env') merged[key] = opts[key];
    }
  }
  return merged as unknown as GlobalOptions;
}

export function localDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The latest date --date takes. Near year 9999 the calendar code fails (a plan looks days ahead,
 * into year 10000), and the plan for a day is worked out from the intake day by day, so dates
 * centuries ahead are slow: a millennium of room is plenty.
 */
export const LATEST_DATE: IsoDate = '2999-12-31';

export function parseDateOption(value: string, flag: string, example: IsoDate): IsoDate {
  if (!isIsoDate(value)) {
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is not a real date. Use the form YYYY-MM-DD, for example ${flag} ${example}${flag === '--date' ? ', or today, yesterday, or -N for N days ago' : ''}.`,
      'BAD_DATE',
    );
  }
  if (value > LATEST_DATE) {
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is too far ahead: painfit takes dates up to ${LATEST_DATE}, in the form YYYY-MM-DD, for example ${flag} ${example}.`,
      'BAD_DATE',
    );
  }
  return value;
}

/**
 * --home must name a folder (or one painfit can create). An empty value would otherwise fall back
 * to the default data folder, and a file or an impossible name would fail later as an unexpected error.
 */
export function parseHomeOption(value: string, source: '--home' | 'PAINFIT_HOME' = '--home'): string {
  const example = source === '--home' ? 'for example --home ~/painfit-data' : 'for example PAINFIT_HOME=~/painfit-data';
  if (value.trim() === '') throw new UsageError(`${source} needs the name of a folder to keep the data in, ${example}.`, 'BAD_HOME');
  let isFolder: boolean;
  try {
    isFolder = fs.statSync(path.resolve(value)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return value; // created when painfit first saves something
    const why =
      code === 'ENOTDIR' ? 'part of that path is a file, not a folder' : code === 'ENAMETOOLONG' ? 'the name is too long' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`${source} ${JSON.stringify(value)} cannot be used as the data folder: ${why}. Give a folder, ${example}.`, 'BAD_HOME');
  }
  if (!isFolder) throw new UsageError(`${source} ${JSON.stringify(value)} is a file, not a folder. Give the folder to keep the data in, ${example}.`, 'BAD_HOME');
  return value;
}

/** A command's context: the app's streams and clock, with the global options applied. */
/** The longest look back that `--date -N` takes, in days (about 100 years). */
export const MAX_DAYS_BACK = 36_525;

/**
 * --date also takes the words a person uses: today, yesterday, or -N for N days ago
 * (`--date -1` is yesterday). Anything else is a YYYY-MM-DD date, checked by parseDateOption.
 */
export function resolveDateWord(value: string, realToday: IsoDate): string {
  const v = value.trim().toLowerCase();
  if (v === 'today') return realToday;
  if (v === 'yesterday') return addDays(realToday, -1);
  const back = /^-(\d{1,6})$/.exec(v);
  if (back) {
    const days = Number(back[1]);
    if (days > MAX_DAYS_BACK) {
      throw new UsageError(`--date ${JSON.stringify(value)} goes back too far: -N takes up to ${MAX_DAYS_BACK} days. Give a date as YYYY-MM-DD instead.`, 'BAD_DATE');
    }
    return addDays(realToday, -days);
  }
  return value;
}

export function createContext(global: GlobalOptions, app: App = realApp()): Context {
  const env = app.env;
  const now = app.clock.now();
  const realToday = localDate(now);
  const today = global.date === undefined ? realToday : parseDateOption(resolveDateWord(global.date, realToday), '--date', realToday);
  // PAINFIT_HOME is checked like --home: naming a file must not end as an unexpected failure.
  if (global.home === undefined && env.PAINFIT_HOME) parseHomeOption(env.PAINFIT_HOME, 'PAINFIT_HOME');
  const paths = pathsFor(resolveHome(global.home === undefined ? undefined : parseHomeOption(global.home), env));
  const theme = makeTheme(colorLevel({ noColor: !global.color, json: global.json, isTTY: app.terminal.stdoutIsTTY, env }));
  let db: Db | null = null;
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  const interactive = () => app.terminal.stdinIsTTY && app.terminal.stdoutIsTTY;
  const ctx: Context = {
    paths,
    today,
    realToday,
    dateGiven: global.date !== undefined,
    json: global.json,
    theme,
    out: (text) => app.out(line(text)),
    // Talk is fitted to the width too (a table or JSON goes to out, never through here).
    err: (text) => app.err(line(global.json ? text : fitScreen(text, layoutWidth(env, app.terminal.columns)))),
    db: ((create: boolean) => {
      if (!db) {
        db = openDb(paths, { create, now: () => app.clock.now(), setUmask: (mask) => app.setUmask(mask) });
        const problem = db && whyReadOnly(db);
        // Reading still works; say once, on stderr, why nothing can be saved.
        if (problem) ctx.err(`Note: painfit can show your data but cannot save anything now: ${describeDiskProblem(problem, paths.home)}.`);
      }
      return db;
    }) as Context['db'],
    now: () => app.clock.now(),
    close: () => {
      db?.close();
      db = null;
    },
    app,
    clock: app.clock,
    get width() {
      return layoutWidth(env, app.terminal.columns);
    },
    get rows() {
      return app.terminal.rows;
    },
    get interactive() {
      return interactive();
    },
    prompter: () => app.prompter({ color: theme.chalk.level > 0 }),
    requireInteractive(what, instead) {
      if (!interactive()) throw new UsageError(`${what} asks questions, but this is not an interactive terminal. ${instead}`, 'NOT_A_TERMINAL');
    },
    async page(text) {
      const rows = app.terminal.rows;
      const long = rows !== undefined && text.split('\n').length > rows - 1;
      if (global.json || !long || !interactive() || !(await app.page(line(text)))) ctx.out(text);
    },
  };
  return ctx;
}
