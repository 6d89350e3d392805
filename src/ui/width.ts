// The one word-wrapping helper every renderer uses, and the width rule for every screen.
// Screens fit the terminal: lines break between words, never inside one (a single word longer
// than the whole line, e.g. a long path, is the only thing ever broken). Colour codes take no
// room, so coloured text wraps like plain text.

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

/** Breaks one word that is wider than a whole line into pieces (the last resort: a long path or id). */
function breakWord(word: string, width: number): string[] {
  const plain = stripAnsi(word);
  if (plain !== word) word = plain; // a word that long is shown plain rather than cut inside a colour code
  const chars = Array.from(word);
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += width) pieces.push(chars.slice(i, i + width).join(''));
  return pieces;
}

export interface WrapOptions {
  /** Put before every line after the first (a hanging indent). Default: nothing. */
  indent?: string;
  /** Put before the first line. Default: nothing. */
  firstIndent?: string;
}

/**
 * Word-wraps `text` so that no line is wider than `width` columns, indents included. Line breaks
 * already in the text are kept (each paragraph is wrapped on its own). Returns the lines.
 */
export function wrapLines(text: string, width: number, opts: WrapOptions = {}): string[] {
  const indent = opts.indent ?? '';
  const firstIndent = opts.firstIndent ?? '';
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/[ \t]+/).filter((w) => w !== '');
    let prefix = out.length === 0 ? firstIndent : indent;
    if (words.length === 0) {
      out.push(prefix.trimEnd());
      continue;
    }
    let line = '';
    let used = 0;
    const room = () => Math.max(1, width - visibleLength(prefix));
    for (const word of words) {
      const w = visibleLength(word);
      if (line === '' && w <= room()) {
        line = word;
        used = w;
      } else if (line !== '' && used + 1 + w <= room()) {
        line += ` ${word}`;
        used += 1 + w;
      } else {
        if (line !== '') {
          out.push(prefix + line);
          prefix = indent;
        }
        if (w <= room()) {
          line = word;
          used = w;
        } else {
          const pieces = breakWord(word, room());
          for (const piece of pieces.slice(0, -1)) {
            out.push(prefix + piece);
            prefix = indent;
          }
          line = pieces.at(-1) ?? '';
          used = visibleLength(line);
        }
      }
    }
    out.push(prefix + line);
    prefix = indent;
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
      if (visibleLength(line) <= width) return [line];
      const m = /^(\s*(?:(?:\x1b\[[0-9;]*m)*(?:[•\-*]|\d+\.)(?:\x1b\[[0-9;]*m)*\s+)?)/.exec(line);
      const lead = m?.[1] ?? '';
      const hang = ' '.repeat(Math.min(visibleLength(lead), Math.floor(width / 3)));
      return wrapLines(line.slice(lead.length), width, { firstIndent: lead, indent: hang });
    })
    .join('\n');
}
