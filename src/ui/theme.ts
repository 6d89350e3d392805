// The one place that decides about colour. NO_COLOR, FORCE_COLOR, --no-color and --json are honoured.
import { Chalk, type ChalkInstance } from 'chalk';

export type ColorLevel = 0 | 1 | 2 | 3;

export function colorLevel(opts: { noColor: boolean; json: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }): ColorLevel {
  if (opts.json || opts.noColor) return 0;
  if ('NO_COLOR' in opts.env && opts.env.NO_COLOR !== '') return 0;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return (n >= 1 && n <= 3 ? n : 1) as ColorLevel;
  }
  return opts.isTTY && opts.env.TERM !== 'dumb' ? 2 : 0;
}

export interface Theme {
  chalk: ChalkInstance;
  heading(text: string): string;
  muted(text: string): string;
  good(text: string): string;
  warn(text: string): string;
  danger(text: string): string;
  accent(text: string): string;
}

export function makeTheme(level: ColorLevel): Theme {
  const chalk = new Chalk({ level });
  return {
    chalk,
    heading: (t) => chalk.bold(t),
    muted: (t) => chalk.dim(t),
    good: (t) => chalk.green(t),
    warn: (t) => chalk.yellow(t),
    danger: (t) => chalk.red.bold(t),
    accent: (t) => chalk.cyan(t),
  };
}
