// Random damage to valid JSON files (intake answers, export files) for test/fuzz-input.test.ts.
// Each mutation knows whether the file stays acceptable and, when it does not, the path that
// painfit must name in its list of problems ("about.age: …", "checkins[0].pain: …").
import fc from 'fast-check';
import { CARDIO_LIKES, EQUIPMENT, MIND_BODY_LIKES, REGIONS, WEEKDAYS } from '../../src/domain/vocab';
import { DATE_SPECIALS, formatPath, INJECTION, isRealDate } from './fuzz-values';
import { textProblem } from '../../src/domain/text';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];
export type FileKind = 'answers' | 'export';

/** Marks a number that JSON.stringify cannot write (1e999 parses as Infinity). */
const RAW_INFINITY = '\u0000RAW:1e999\u0000';

interface Node {
  path: Path;
  value: Json;
  /** The parent is an object (so the key can be deleted), not an array. */
  inObject: boolean;
}

function nodes(doc: Json): Node[] {
  const out: Node[] = [];
  const walk = (v: Json, path: Path, inObject: boolean) => {
    if (path.length) out.push({ path, value: v, inObject });
    if (Array.isArray(v)) v.forEach((c, i) => walk(c, [...path, i], false));
    else if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, k], true);
  };
  walk(doc, [], false);
  return out;
}

const isObject = (v: Json): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);
const last = (p: Path) => p[p.length - 1];

/** Keys that may be left out (only the intake's about.name). */
/** Keys a file may leave out: about.name, and clearance.by (who cleared it is optional). */
const optional = (p: Path) => (last(p) === 'name' && p[p.length - 2] === 'about') || (last(p) === 'by' && p[p.length - 2] === 'clearance');
/** Top-level keys of an export that are checked first and alone (format, versions). */
const HEADER = new Set(['format', 'version', 'schemaVersion']);

/**
 * Replacement values of another JSON type that no field accepts. `null` is left out where a field is
 * nullable (export scores, notes, goals) or the current value is null.
 */
function otherTypes(current: Json, kind: FileKind): Json[] {
  const nullOk = kind === 'answers' && current !== null;
  const pool: Json[] = [];
  if (typeof current !== 'boolean') pool.push(true, false);
  if (typeof current !== 'number' && current !== null) pool.push(0, 1, -1, 1e308, 3.5);
  if (typeof current !== 'string' && current !== null) pool.push('', '3', 'true', 'NaN', '🙂', 'x'.repeat(5000), "'; DROP TABLE checkins; --");
  if (!Array.isArray(current)) pool.push([], [1, 'two']);
  if (!isObject(current)) pool.push({}, { value: 1 });
  if (nullOk) pool.push(null);
  return pool;
}

/** Numbers out of range (or not whole) for the field at this path. */
function badNumbers(path: Path, kind: FileKind): Json[] {
  const key = String(last(path));
  // Intake answers (alone, or inside an export's intakes): every number is a whole number 0-1200.
  if (kind === 'answers' || path.includes('answers')) return [-1, -7, 3.5, 0.25, 1e308, -1e308, RAW_INFINITY];
  if (key === 'minutes') return [-1, -0.5, -1e308];
  if (key === 'done') return [2, -1, 0.5, 1e308];
  if (key === 'version') return [2, -1, 1.5];
  // Answers versions 1 and 2 are both supported (issue 8's answers file version 2).
  if (key === 'answers_version') return [3, 0, -1, 1.5];
  if (key === 'schemaVersion') return [1e308, -1, 0, 2.5];
  if (key === 'id' || key.endsWith('_id')) return [0, -1, 1.5, 1e308, RAW_INFINITY];
  return [11, -1, 3.5, 1e308, RAW_INFINITY]; // scores
}

const BAD_TIMESTAMPS = ['2026-02-30T08:00:00.000Z', '2026-11-28', '2026-11-28 08:30', 'yesterday', '', '2026-11-28T25:00:00Z'];
const BAD_IDS = ['Sit-To-Stand', 'sit to stand', 'sit_to_stand', '-sit', 'sit--stand', 'ß-squat', '', ' ', '🙂', "'; DROP TABLE swaps; --"];
const BAD_ENUMS = ['', ' ', 'KNEE', 'knee ', 'elbow', 'Mon', 'monday', 'yoga!', '🙂', '0', "'; DROP TABLE intakes; --"];

/** Strings a constrained text field (dates, timestamps, ids, vocabularies) refuses, or [] if the field takes any text. */
function badStrings(path: Path): string[] {
  const key = String(last(path));
  const parent = String(path[path.length - 2]);
  // The export accepts real dates from 1900 on (src/domain/dates.ts isIsoDate).
  if (key === 'date') return DATE_SPECIALS.filter((d) => !isRealDate(d) || d < '1900-01-01');
  if (key === 'recorded_at' || key === 'exportedAt') return BAD_TIMESTAMPS;
  if (key === 'exercise_id' || key === 'with_id') return BAD_IDS;
  if (key === 'kind') return ['', 'LOG', 'delete', '🙂'];
  if (key === 'format') return ['', 'painfit-export ', 'PAINFIT-EXPORT', 'painfit'];
  const vocab: Record<string, readonly string[]> = { regions: REGIONS, days: WEEKDAYS, cardio: CARDIO_LIKES, mindBody: MIND_BODY_LIKES, equipment: EQUIPMENT };
  if (typeof last(path) === 'number' && vocab[parent]) return BAD_ENUMS.filter((v) => !vocab[parent]!.includes(v));
  return [];
}

/** Free-text fields and their length limits after trimming (null: not a free-text field). */
function legalTextField(path: Path): { min: number; max: number } | null {
  const key = String(last(path));
  if (key === 'name' && path[path.length - 2] === 'about') return { min: 0, max: 60 };
  if (key === 'activity' && path.includes('goals') && !path.includes('measures')) return { min: 1, max: 80 };
  if (key === 'note') return { min: 0, max: 500 };
  return null;
}
const LEGAL_TEXT = [...INJECTION.filter((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s)), 'Zoë Ñúñez-Ørsted', '李小龍', '🙂🙂🙂', 'مرحبا', '  padded  ', 'x'.repeat(60)];

export interface Mutation {
  op: string;
  /** The path painfit must list, e.g. "pain.average" ('' for text-level damage). */
  path: string;
  /** The file is still acceptable after this mutation. */
  valid: boolean;
}

export interface MutatedFile {
  bytes: Buffer;
  mutations: Mutation[];
  /** True when the file is still a valid file of its kind. */
  valid: boolean;
  /** The text is no longer JSON (so no per-path problems are expected). */
  notJson: boolean;
  /** Paths that must each be named in the list of problems. */
  expectPaths: string[];
}

const STRUCTURAL = ['delete', 'retype', 'range', 'addKey', 'badString', 'legalText'] as const;
const TEXTUAL = ['truncate', 'garbage', 'utf16', 'trailing', 'nan', 'comment', 'bom', 'deep', 'empty', 'notObject'] as const;

const hostileKey = fc.oneof(
  fc.constantFrom('extra', 'Version', 'AGE', '__proto__', 'constructor', 'toString', '', ' ', 'pain ', 'notes', '$where', "'; DROP TABLE x; --", '\u001b[31m'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
);

const structuralStep = fc.record({ op: fc.constantFrom(...STRUCTURAL), pick: fc.nat(), choice: fc.nat(), key: hostileKey });

/** Up to three structural mutations on separate parts of the file, or one text-level damage. */
export const mutationPlan = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('structural' as const), steps: fc.array(structuralStep, { minLength: 1, maxLength: 3 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('textual' as const),
      op: fc.constantFrom(...TEXTUAL),
      cut: fc.nat(),
      garbage: fc.uint8Array({ maxLength: 120 }),
    }),
  },
);
export type MutationPlan = typeof mutationPlan extends fc.Arbitrary<infer T> ? T : never;

function setAt(doc: Json, path: Path, value: Json | undefined): void {
  let parent: any = doc;
  for (const part of path.slice(0, -1)) parent = parent[part];
  const key = last(path)!;
  if (value === undefined) delete parent[key];
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true }); // '__proto__' as an own key
}

const prefixOf = (a: Path, b: Path) => a.length <= b.length && a.every((p, i) => String(p) === String(b[i]));
const overlaps = (a: Path, b: Path) => prefixOf(a, b) || prefixOf(b, a);

export function applyPlan(base: Json, plan: MutationPlan, kind: FileKind): MutatedFile {
  const baseText = JSON.stringify(base, null, 2);
  if (plan.kind === 'textual') return textual(baseText, plan);

  const doc = JSON.parse(baseText) as Json;
  const all = nodes(doc);
  const taken: Path[] = [];
  const mutations: Mutation[] = [];
  for (const step of plan.steps) {
    // The export header (format, versions) is checked first and alone: a damaged header is the
    // one problem reported, so it is only ever damaged on its own.
    const header = (p: Path) => kind === 'export' && p.length === 1 && HEADER.has(String(p[0]));
    const m = structural(doc, all, step, kind, taken, (p) => mutations.length === 0 || !header(p));
    if (!m) continue;
    mutations.push(m.mutation);
    taken.push(m.path);
    if (header(m.path)) break;
  }
  if (mutations.length === 0) mutations.push({ op: 'none', path: '', valid: true });
  let text = JSON.stringify(doc, null, 2);
  text = text.split(JSON.stringify(RAW_INFINITY)).join('1e999');
  const valid = mutations.every((m) => m.valid);
  return { bytes: Buffer.from(text, 'utf8'), mutations, valid, notJson: false, expectPaths: mutations.filter((m) => !m.valid).map((m) => m.path) };
}

function structural(
  doc: Json,
  all: Node[],
  step: { op: (typeof STRUCTURAL)[number]; pick: number; choice: number; key: string },
  kind: FileKind,
  taken: Path[],
  allowed: (p: Path) => boolean,
): { path: Path; mutation: Mutation } | null {
  const free = (p: Path) => allowed(p) && !taken.some((t) => overlaps(t, p));
  const pickFrom = <T>(list: T[]): T | undefined => (list.length ? list[step.pick % list.length] : undefined);
  const choose = <T>(list: T[]): T => list[step.choice % list.length]!;
  switch (step.op) {
    case 'delete': {
      const n = pickFrom(all.filter((x) => x.inObject && free(x.path) && stillThere(doc, x.path)));
      if (!n) return null;
      setAt(doc, n.path, undefined);
      return { path: n.path, mutation: { op: `delete ${formatPath(n.path)}`, path: formatPath(n.path), valid: optional(n.path) } };
    }
    case 'retype': {
      const n = pickFrom(all.filter((x) => free(x.path) && stillThere(doc, x.path)));
      if (!n) return null;
      const value = choose(otherTypes(n.value, kind));
      setAt(doc, n.path, value);
      return { path: n.path, mutation: { op: `retype ${formatPath(n.path)} = ${short(value)}`, path: formatPath(n.path), valid: false } };
    }
    case 'range': {
      const n = pickFrom(all.filter((x) => typeof x.value === 'number' && free(x.path) && stillThere(doc, x.path)));
      if (!n) return null;
      const value = choose(badNumbers(n.path, kind));
      setAt(doc, n.path, value);
      return { path: n.path, mutation: { op: `range ${formatPath(n.path)} = ${value === RAW_INFINITY ? '1e999' : value}`, path: formatPath(n.path), valid: false } };
    }
    case 'addKey': {
      const parents: Node[] = [{ path: [], value: doc, inObject: false }, ...all].filter((x) => isObject(x.value) && stillThere(doc, x.path));
      const n = pickFrom(parents.filter((x) => free([...x.path, step.key]) && !Object.prototype.hasOwnProperty.call(x.value, step.key)));
      if (!n) return null;
      const path = [...n.path, step.key];
      setAt(doc, path, choose<Json>([1, 'x', null, true, [], {}]));
      return { path, mutation: { op: `addKey ${formatPath(path)}`, path: formatPath(path), valid: false } };
    }
    case 'badString': {
      const n = pickFrom(all.filter((x) => typeof x.value === 'string' && badStrings(x.path).length > 0 && free(x.path) && stillThere(doc, x.path)));
      if (!n) return null;
      const value = choose(badStrings(n.path));
      setAt(doc, n.path, value);
      return { path: n.path, mutation: { op: `badString ${formatPath(n.path)} = ${JSON.stringify(value)}`, path: formatPath(n.path), valid: false } };
    }
    case 'legalText': {
      const n = pickFrom(all.filter((x) => (typeof x.value === 'string' || x.value === null) && legalTextField(x.path) && free(x.path) && stillThere(doc, x.path)));
      if (!n) return null;
      const value = choose(LEGAL_TEXT);
      const limits = legalTextField(n.path)!;
      const len = value.trim().length;
      // Issue 13: the text policy refuses overrides, invisible characters and (outside notes) line breaks.
      const note = String(last(n.path)) === 'note';
      const policed = textProblem(note ? value : value.trim(), { multiline: note }) === undefined;
      setAt(doc, n.path, value);
      return { path: n.path, mutation: { op: `legalText ${formatPath(n.path)} = ${JSON.stringify(value)}`, path: formatPath(n.path), valid: policed && len >= limits.min && len <= limits.max } };
    }
  }
}

function stillThere(doc: Json, path: Path): boolean {
  let v: any = doc;
  for (const part of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, part)) return false;
    v = v[part];
  }
  return true;
}

const short = (v: Json) => {
  const s = JSON.stringify(v);
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
};

function textual(text: string, plan: Extract<MutationPlan, { kind: 'textual' }>): MutatedFile {
  const utf8 = Buffer.from(text, 'utf8');
  const bad = (bytes: Buffer, op: string, notJson = true): MutatedFile => ({ bytes, mutations: [{ op, path: '', valid: false }], valid: false, notJson, expectPaths: [] });
  switch (plan.op) {
    case 'truncate': {
      const end = Buffer.byteLength(text.trimEnd());
      const at = plan.cut % end; // always before the closing brace
      return bad(utf8.subarray(0, at), `truncate at byte ${at}`);
    }
    case 'garbage':
      // Random bytes are almost never JSON; when they are ("7", "[]"), the schema refuses them anyway.
      return { ...bad(Buffer.from(plan.garbage), `garbage ${Buffer.from(plan.garbage).toString('hex').slice(0, 40)}`), notJson: false };
    case 'utf16':
      return bad(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16');
    case 'trailing':
      return bad(Buffer.from(text + ['x', '}', '\n{}', ',', ']'][plan.cut % 5]!, 'utf8'), 'trailing garbage');
    case 'nan':
      return bad(Buffer.from(text.replace(/: (\d+)/, ': NaN'), 'utf8'), 'NaN literal');
    case 'comment':
      return bad(Buffer.from(`// painfit answers\n${text}`, 'utf8'), 'comment');
    case 'bom':
      // Windows Notepad's byte-order mark is tolerated: the file stays valid.
      return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), mutations: [{ op: 'byte-order mark', path: '', valid: true }], valid: true, notJson: false, expectPaths: [] };
    case 'deep': {
      const n = 50_000 + (plan.cut % 50_000);
      return { ...bad(Buffer.from('['.repeat(n) + ']'.repeat(n), 'utf8'), `nested ${n} deep`), notJson: false };
    }
    case 'empty':
      return bad(Buffer.alloc(0), 'empty file');
    case 'notObject': {
      const v = ['[]', '"answers"', '42', 'null', 'true'][plan.cut % 5]!;
      return { ...bad(Buffer.from(v), `top level ${v}`), notJson: false, expectPaths: ['(top level)'] };
    }
  }
}
