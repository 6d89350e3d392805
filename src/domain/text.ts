// The one text policy for everything a person types or a file brings (notes, names, goal
// activities, flare plans, a clinician's name…) and for everything shown again.
//
// Input: text holding a control character, a bidirectional override or an invisible character is
// refused, naming the field and the character (the command then exits 2 and writes nothing).
// Output: text stored by an older painfit or brought in before this rule is neutralised before it
// reaches a terminal, a report, a CSV file or an export: it can never set a window title, write
// the clipboard (OSC 52), clear the screen, hide a link or reorder what the reader sees.
//
//   textProblem(value, rule)   → undefined, or why the value is refused ("holds …")
//   displayText(value, rule?)  → the value, safe to show
//   spreadsheetSafe(cell)      → a CSV cell a spreadsheet will not run as a formula
//
// Sources: Unicode TR#9 (bidi controls); Boucher & Anderson, "Trojan Source" (2021, CVE-2021-42574);
// OWASP "CSV Injection" (formula prefixes = + - @ and tab / carriage return).

export interface TextRule {
  /** Longest accepted value, in UTF-16 code units (what `.length` counts); none when the caller checks it. */
  max?: number;
  /** Notes may keep line breaks and tabs; one-line fields may not. */
  multiline?: boolean;
}

/** C0 and C1 control characters and DEL; tab and line feed are judged by the rule. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
/** Embeddings, overrides and isolates (TR#9): they reorder the text around them. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;
/** Invisible: zero-width space, word joiner, invisible operators, BOM, Mongolian vowel separator, interlinear annotation. */
const INVISIBLE = /[\u200b\u2060-\u2064\ufeff\u180e\ufff9-\ufffb]/u;
/** Line and paragraph separators: a second line hidden in a one-line field. */
const SEPARATOR = /[\u2028\u2029]/u;
/** An unpaired surrogate: not text at all (it cannot be written as UTF-8). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/**
 * Zero-width joiner and non-joiner are part of real writing — emoji sequences (👨‍👩‍👧), Persian and
 * Indic scripts — so they are accepted between two such characters, and refused anywhere else.
 */
const JOINABLE = String.raw`[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]`;
const JOINER_MISUSED = new RegExp(String.raw`(?<!${JOINABLE})[\u200c\u200d]|[\u200c\u200d](?!${JOINABLE})`, 'u');
const ASCII_JOINER = /[\x00-\x7f][\u200c\u200d]|[\u200c\u200d][\x00-\x7f]/u;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` is refused for `rule`, or undefined when it is fine. The caller names the field: "--note holds …". */
export function textProblem(value: string, rule: TextRule): string | undefined {
  const found = (re: RegExp) => re.exec(value);
  let m: RegExpExecArray | null;
  if ((m = found(LONE_SURROGATE))) return `holds a broken character (${codePoint(m[0])}); type the text again`;
  if (!rule.multiline && (m = found(/[\t\n]/))) return `holds a ${m[0] === '\t' ? 'tab' : 'line break'}; keep it on one line`;
  if ((m = found(CONTROL))) return `holds a control character (${codePoint(m[0])}), which could change your terminal; type plain text`;
  if ((m = found(BIDI))) return `holds a text-direction override (${codePoint(m[0])}), which would show the text out of order; type plain text`;
  if ((m = found(INVISIBLE)) || (m = found(JOINER_MISUSED)) || (m = found(ASCII_JOINER)))
    return `holds an invisible character (${codePoint(m[0].replace(/[\x00-\x7f]/g, ''))}); type plain text`;
  if (!rule.multiline && (m = found(SEPARATOR))) return `holds a line separator (${codePoint(m[0])}); keep it on one line`;
  if (rule.max !== undefined && value.length > rule.max) return `is ${value.length} characters long; keep it to ${rule.max} characters or fewer`;
  return undefined;
}

const REPLACEMENT = '\ufffd';
/** Any character one of the rules above may act on. */
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\u180e\u200b-\u200d\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]/;

/**
 * The value made safe to show: controls become U+FFFD (so the reader sees that something was
 * there), overrides and invisible characters are dropped, a one-line field stays on one line.
 * Clean text comes back unchanged.
 */
export function displayText(value: string, rule: { multiline?: boolean } = {}): string {
  if (!SUSPECT.test(value)) return value; // the common case, cheap: today reads a year of notes
  let out = value
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), REPLACEMENT)
    .replace(new RegExp(BIDI.source, 'gu'), '')
    .replace(new RegExp(INVISIBLE.source, 'gu'), '')
    .replace(new RegExp(ASCII_JOINER.source, 'gu'), (s) => s.replace(/[\u200c\u200d]/gu, ''))
    .replace(new RegExp(JOINER_MISUSED.source, 'gu'), '');
  out = rule.multiline
    ? out.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/gu, '\n')
    : out.replace(/[\t\n\r\u2028\u2029]+/gu, ' ');
  return out.replace(new RegExp(CONTROL.source, 'gu'), REPLACEMENT);
}

/** Every string inside a JSON-like value made safe to show (names and goals inside intake answers). */
export function displayDeep<T>(value: T, rule: { multiline?: boolean } = {}): T {
  if (typeof value === 'string') return displayText(value, rule) as T;
  if (Array.isArray(value)) return value.map((v) => displayDeep(v, rule)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, displayDeep(v, rule)])) as T;
  return value;
}

/** A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection). */
export const FORMULA_PREFIXES = ['=', '+', '-', '@', '\t', '\r'] as const;

/** A text cell for a CSV file: a leading formula character is shown, not run (prefixed with '). */
export function spreadsheetSafe(cell: string): string {
  return FORMULA_PREFIXES.some((p) => cell.startsWith(p)) ? `'${cell}` : cell;
}
