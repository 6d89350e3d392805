// A small line chart of daily pain for the terminal. Hand-written rather than asciichart because a
// missing day must stay a gap: asciichart 1.5 has no gaps (a NaN breaks its scale). Returns a
// string; colour comes only from the theme passed in.
import type { Theme } from './theme';

export interface ChartPoint {
  /** Short label for the column (shown on the date axis when `tick` is set). */
  label: string;
  value: number | null;
  /** Mark under the chart: a done session, a planned one not done, or nothing. */
  mark: 'done' | 'missed' | null;
  /** Put `label` on the date axis at this point (e.g. each Monday). */
  tick?: boolean;
}

export interface ChartOptions {
  /** Total width available, axis included. */
  width: number;
  /** Scale bottom and top (pain: 0 to 10). */
  min: number;
  max: number;
  /** Rows from min to max inclusive (11 for a 0-10 scale: one row a point). */
  rows: number;
  theme: Theme;
}

const GLYPH = {
  flat: '─',
  start: '╶',
  dot: '•',
  upFrom: '╯',
  upTo: '╭',
  downFrom: '╮',
  downTo: '╰',
  vertical: '│',
  done: '●',
  missed: '○',
} as const;

interface Column {
  value: number | null;
  mark: 'done' | 'missed' | null;
  label: string | null;
}

/** Several days to a column when they do not fit: the mean of the days with a value; done wins over missed. */
function fit(points: readonly ChartPoint[], room: number): { columns: Column[]; per: number } {
  const perColumn = Math.max(1, Math.ceil(points.length / Math.max(1, room)));
  const columns: Column[] = [];
  for (let i = 0; i < points.length; i += perColumn) {
    const group = points.slice(i, i + perColumn);
    const values = group.map((p) => p.value).filter((v): v is number => v !== null);
    const tick = group.find((p) => p.tick);
    columns.push({
      value: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
      mark: group.some((p) => p.mark === 'done') ? 'done' : group.some((p) => p.mark === 'missed') ? 'missed' : null,
      label: tick ? tick.label : null,
    });
  }
  return { columns, per: perColumn };
}

/**
 * Renders the points as a line, one row per `rows` step, gaps left blank; below it a line of
 * session marks aligned with the days and a date axis. Days are stretched (up to 3 columns) when
 * there is room, and grouped when there is not.
 */
export function renderLineChart(points: readonly ChartPoint[], opts: ChartOptions): string {
  const { theme } = opts;
  const axisLabels = (v: number) => String(Math.round(v)).padStart(String(opts.max).length, ' ');
  const labelWidth = axisLabels(opts.max).length + 2; // "10 ┤"
  const room = Math.max(10, opts.width - labelWidth - 1);
  const { columns } = fit(points, room);
  const stretch = Math.max(1, Math.min(3, Math.floor(room / Math.max(1, columns.length))));
  const width = columns.length * stretch;
  const rows = Math.max(2, opts.rows);
  const rowOf = (v: number) => Math.round(((Math.min(opts.max, Math.max(opts.min, v)) - opts.min) / (opts.max - opts.min)) * (rows - 1));
  const grid: string[][] = Array.from({ length: rows }, () => Array.from({ length: width }, () => ' '));
  const put = (row: number, col: number, ch: string) => {
    const line = grid[rows - 1 - row];
    if (line && col < width) line[col] = ch;
  };

  columns.forEach((c, x) => {
    if (c.value === null) return;
    const y = rowOf(c.value);
    const prev = columns[x - 1]?.value ?? null;
    const next = columns[x + 1]?.value ?? null;
    const col = x * stretch;
    if (prev === null) put(y, col, next === null ? GLYPH.dot : GLYPH.start);
    else {
      const y0 = rowOf(prev);
      if (y0 === y) put(y, col, GLYPH.flat);
      else {
        const up = y > y0;
        put(y0, col, up ? GLYPH.upFrom : GLYPH.downFrom);
        put(y, col, up ? GLYPH.upTo : GLYPH.downTo);
        for (let r = Math.min(y0, y) + 1; r < Math.max(y0, y); r++) put(r, col, GLYPH.vertical);
      }
    }
    // Stretched columns carry the level on towards the next day, if there is one.
    if (next !== null) for (let k = 1; k < stretch; k++) put(y, col + k, GLYPH.flat);
  });

  const lines: string[] = [];
  grid.forEach((cells, i) => {
    const value = opts.max - (i * (opts.max - opts.min)) / (rows - 1);
    const labelled = Number.isInteger(value) && (rows <= 6 || Math.round(value) % 2 === 0);
    const axis = `${labelled ? axisLabels(value) : ' '.repeat(labelWidth - 2)} ${value === opts.min ? '┼' : '┤'}`;
    lines.push(theme.muted(axis) + theme.accent(cells.join('')).replace(/\s+$/, ''));
  });

  const marks = Array.from({ length: width }, () => ' ');
  const dates = Array.from({ length: width }, () => ' ');
  let free = 0;
  columns.forEach((c, x) => {
    const col = x * stretch;
    if (c.mark) marks[col] = c.mark === 'done' ? GLYPH.done : GLYPH.missed;
    // A date may run past the last day's column, but never past the width given.
    if (c.label && col >= free && labelWidth + col + c.label.length <= opts.width) {
      for (let k = 0; k < c.label.length; k++) dates[col + k] = c.label[k]!;
      free = col + c.label.length + 1;
    }
  });
  const pad = ' '.repeat(labelWidth);
  const markLine = marks.join('').replace(/\s+$/, '');
  const colored = [...markLine].map((ch) => (ch === GLYPH.done ? theme.good(ch) : ch === GLYPH.missed ? theme.muted(ch) : ch)).join('');
  lines.push(pad + colored);
  lines.push(theme.muted(pad + dates.join('').replace(/\s+$/, '')));
  return lines.join('\n');
}

export const CHART_LEGEND = `${GLYPH.done} session done   ${GLYPH.missed} session planned, not done   blank: no check-in that day`;
