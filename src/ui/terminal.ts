// The layout width when a renderer is not given one. Commands pass `ctx.width` (src/cli/app.ts
// reads the terminal); this fallback reads only $COLUMNS, so a renderer called on its own (a test,
// a script) still lays out for a sensible width without touching the process's streams.
import { layoutWidth } from './width';

/** $COLUMNS when set, else 80; never below 60. */
export function terminalWidth(): number {
  return layoutWidth(typeof process === 'object' ? process.env : {}, undefined);
}
