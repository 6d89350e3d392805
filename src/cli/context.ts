// Everything a command needs from the outside world, built once from the global options.
import type { Command } from 'commander';
import { isIsoDate, type IsoDate } from '../domain/dates';
import { UsageError } from '../errors';
import { openDb, type Db } from '../store/db';
import { pathsFor, resolveHome, type Paths } from '../store/paths';
import { colorLevel, makeTheme, type Theme } from '../ui/theme';

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

export function parseDateOption(value: string, flag: string, example: IsoDate): IsoDate {
  if (!isIsoDate(value)) {
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is not a real date. Use the form YYYY-MM-DD, for example ${flag} ${example}.`,
      'BAD_DATE',
    );
  }
  return value;
}

export function createContext(global: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Context {
  const now = new Date();
  const realToday = localDate(now);
  const today = global.date === undefined ? realToday : parseDateOption(global.date, '--date', realToday);
  const paths = pathsFor(resolveHome(global.home, env));
  const theme = makeTheme(colorLevel({ noColor: !global.color, json: global.json, isTTY: Boolean(process.stdout.isTTY), env }));
  let db: Db | null = null;
  const ctx: Context = {
    paths,
    today,
    realToday,
    dateGiven: global.date !== undefined,
    json: global.json,
    theme,
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    db: ((create: boolean) => {
      if (!db) db = openDb(paths, { create });
      return db;
    }) as Context['db'],
    now: () => new Date(),
    close: () => {
      db?.close();
      db = null;
    },
  };
  return ctx;
}
