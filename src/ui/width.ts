// The one word-wrapping helper every renderer uses, and the width rule for every screen.
// Screens fit the terminal: lines break between words, never inside one. A single word longer
// than a whole line (a long path) gets a line of its own and is left whole, so it can still be
// copied. Colour codes take no room, so coloured text wraps like plain text.

/** Screens are laid out for at least this many columns (design.md: "at least 60 columns"). */
export const MIN_WIDTH = 60;
/** Wider than this, lines get hard to read: paragraphs stop growing. */
export const MAX_WIDTH = 160;
/** Not a terminal and no $COLUMNS: the classic terminal width. */
export const DEFAULT_WIDTH = 80;
/** Below this width `today` uses its compact layout (a list, not a table). */
export const WIDE_LAYOUT_MIN = 100;

/** The columns to lay screens out in: $COLUMNS when set, else the terminal's width, else 80; never below 60. */
export function layoutWidth(env: Readonly<Record<string, string | undefined>>, terminalColumns: number | undefined): number {
  const fromEnv = Number(env.COLUMNS);
  const cols = env.COLUMNS && Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : terminalColumns || DEFAULT_WIDTH;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, cols));
}

// CSI sequences (colours, cursor moves) and OSC sequences.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Columns a string takes on screen: colour codes take none; each character one. */
export function visibleLength(text: string): number {
  let n = 0;
  for (const _ of stripAnsi(text)) n++;
  return n;
}

/** Pads with spaces to `width` visible columns. */
export function padVisible(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}


export interface WrapOptions {
  /** Put before every line after the first (a hanging indent). Default: nothing. */
  indent?: string;
  /** Put before the first line. Default: nothing. */
  firstIndent?: string;
}

/**
 * Word-wraps `text` so that no line is wider than `width` columns, indents included. Line breaks
 * already in the text are kept (each paragraph is wrapped on its own), and so are runs of spaces
 * inside a line (columns stay aligned); the spaces where a line breaks are dropped.
 */
export function wrapLines(text: string, width: number, opts: WrapOptions = {}): string[] {
  const indent = opts.indent ?? '';
  const firstIndent = opts.firstIndent ?? '';
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let prefix = out.length === 0 ? firstIndent : indent;
    // [gap, word, gap, word, ...]: the gap before each word, as typed.
    const parts = paragraph.split(/([ \t]+)/);
    const pieces: { gap: string; word: string }[] = [];
    let gap = '';
    for (const part of parts) {
      if (part === '') continue;
      if (/^[ \t]+$/.test(part)) gap += part;
      else {
        pieces.push({ gap, word: part });
        gap = '';
      }
    }
    if (pieces.length === 0) {
      out.push(prefix.trimEnd());
      continue;
    }
    let line = '';
    let used = 0;
    const room = () => Math.max(1, width - visibleLength(prefix));
    pieces.forEach(({ gap: before, word }, k) => {
      // The first word keeps its indentation; at a line break the gap is dropped.
      const lead = k === 0 ? before : line === '' ? '' : before;
      const w = visibleLength(word);
      if (used + lead.length + w <= room()) {
        line += lead + word;
        used += lead.length + w;
        return;
      }
      if (line !== '') {
        out.push(prefix + line);
        prefix = indent;
      }
      line = word;
      used = w;
    });
    out.push(prefix + line);
  }
  return out;
}

/** wrapLines joined into one string. */
export function wrapText(text: string, width: number, opts: WrapOptions = {}): string {
  return wrapLines(text, width, opts).join('\n');
}

/**
 * Fits a finished screen to `width`: lines that already fit are left alone; a longer line is
 * word-wrapped with a hanging indent that lines up under its text (after any leading spaces and
 * a bullet such as "•", "-" or "1.").
 */
export function fitScreen(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      // Tables lay themselves out to fit (their borders must not be broken): left alone.
      if (visibleLength(line) <= width || /^(?:\x1b\[[0-9;]*m)*[┌│├└╭╰]/.test(line)) return [line];
      const m = /^(\s*(?:(?:\x1b\[[0-9;]*m)*(?:[•\-*]|\d+\.)(?:\x1b\[[0-9;]*m)*\s+)?)/.exec(line);
      const lead = m?.[1] ?? '';
      const hang = ' '.repeat(Math.min(visibleLength(lead), Math.floor(width / 3)));
      return wrapLines(line.slice(lead.length), width, { firstIndent: lead, indent: hang });
    })
    .join('\n');
}
