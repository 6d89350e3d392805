// Validation and loading of the curated exercise library (data/exercises.json).
import { z } from 'zod';
import { libraryFile, readLibraryJson } from '../store/library';
import {
  BALANCE_PURPOSES,
  CAUTIONS,
  GENTLE_ALLOWED_CAUTIONS,
  LIBRARY_EQUIPMENT,
  PHASES,
  PURPOSES,
  STYLES_BY_TYPE,
  SUPPORT_LEVELS,
} from '../domain/exercise';
import type { Exercise } from '../domain/exercise';
import { CARDIO_LIKES, EXERCISE_TYPES, MIND_BODY_LIKES, POSITIONS, REGIONS } from '../domain/vocab';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_CUE_CHARS = 90;
const MAX_PURPOSE_CHARS = 100;
const MAX_NAME_CHARS = 50;
/** A hold inside each repetition longer than this is a hold dose, not reps. */
const MAX_REP_HOLD_SECONDS = 10;

const ALL_STYLES = [...CARDIO_LIKES, ...MIND_BODY_LIKES, 'balance', 'gait'] as const;

const id = z.string().regex(ID_PATTERN, { error: 'must be kebab-case (lower-case words joined by "-")' });

function uniqueArray<T extends z.ZodType>(item: T) {
  return z.array(item).refine((xs) => new Set(xs).size === xs.length, { error: 'must not repeat an entry' });
}

/** Starting doses (clinical-rules.md §4): sets 1-3; reps up to 15; holds 15-30 s; time 2-15 min. */
const repsDose = z.strictObject({ sets: z.int().min(1).max(3), reps: z.int().min(1).max(15) });
const holdDose = z.strictObject({ sets: z.int().min(1).max(3), holdSeconds: z.int().min(15).max(30) });
const minutesDose = z.strictObject({ minutes: z.int().min(2).max(15) });
const doseSchema = z.union([repsDose, holdDose, minutesDose], {
  error: 'must be one of {sets, reps}, {sets, holdSeconds} or {minutes}, with whole numbers in range',
});

export const exerciseSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1).max(MAX_NAME_CHARS),
    type: z.enum(EXERCISE_TYPES),
    regions: uniqueArray(z.enum(REGIONS)).min(1),
    position: z.enum(POSITIONS),
    equipment: uniqueArray(
      z.enum(LIBRARY_EQUIPMENT, {
        error: `must be one of ${LIBRARY_EQUIPMENT.join(', ')} (a chair and a wall are assumed, never listed)`,
      }),
    ),
    style: z.enum(ALL_STYLES).nullable(),
    phase: z.enum(PHASES),
    easier: id.nullable(),
    harder: id.nullable(),
    dose: doseSchema,
    effort: z.int().min(0).max(10),
    cues: z.array(z.string().trim().min(1).max(MAX_CUE_CHARS)).min(2).max(4),
    cautions: uniqueArray(z.enum(CAUTIONS)),
    gentle: z.boolean(),
    purpose: z.string().trim().min(1).max(MAX_PURPOSE_CHARS),
    trains: uniqueArray(z.enum(PURPOSES)).min(1),
    support: z.enum(SUPPORT_LEVELS).nullable(),
    perSide: z.boolean(),
    repHoldSeconds: z.int().min(1).max(MAX_REP_HOLD_SECONDS).nullable(),
  })
  .superRefine((ex, ctx) => {
    const styles = STYLES_BY_TYPE[ex.type];
    if (styles.length === 0 && ex.style !== null) {
      ctx.addIssue({ code: 'custom', path: ['style'], message: `must be null for a ${ex.type} exercise` });
    } else if (styles.length > 0 && (ex.style === null || !styles.includes(ex.style))) {
      ctx.addIssue({
        code: 'custom',
        path: ['style'],
        message: `must be one of ${styles.join(', ')} for a ${ex.type} exercise (got ${JSON.stringify(ex.style)})`,
      });
    }
    if (ex.type === 'cardio' && !('minutes' in ex.dose)) {
      ctx.addIssue({ code: 'custom', path: ['dose'], message: 'a cardio dose must be {minutes}' });
    }
    if (ex.type === 'strength' && !('reps' in ex.dose)) {
      ctx.addIssue({ code: 'custom', path: ['dose'], message: 'a strength dose must be {sets, reps}' });
    }
    if (ex.gentle && ex.effort > 2) {
      ctx.addIssue({ code: 'custom', path: ['effort'], message: `a gentle exercise must have effort 2 or less (got ${ex.effort})` });
    }
    if (ex.gentle && ex.cautions.some((c) => !GENTLE_ALLOWED_CAUTIONS.includes(c))) {
      ctx.addIssue({
        code: 'custom',
        path: ['cautions'],
        message: `a gentle exercise may carry no cautions except ${GENTLE_ALLOWED_CAUTIONS.join(' and ')}`,
      });
    }
    const trainsBalance = ex.trains.some((p) => BALANCE_PURPOSES.includes(p));
    if (trainsBalance !== (ex.support !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['support'],
        message: trainsBalance
          ? 'an exercise that trains balance must say its support: seated, supported or free'
          : 'must be null unless the exercise trains balance (static-balance, dynamic-balance or gait)',
      });
    }
    if (ex.type === 'balance' && !trainsBalance) {
      ctx.addIssue({ code: 'custom', path: ['trains'], message: 'a balance exercise must train static-balance, dynamic-balance or gait' });
    }
    if ((ex.style === 'gait') !== ex.trains.includes('gait') && ex.type === 'balance') {
      ctx.addIssue({ code: 'custom', path: ['trains'], message: 'a gait-style balance exercise trains gait, and only those do' });
    }
    if (ex.repHoldSeconds !== null && !('reps' in ex.dose)) {
      ctx.addIssue({ code: 'custom', path: ['repHoldSeconds'], message: 'only a {sets, reps} dose can hold each repetition' });
    }
    if (ex.easier !== null && ex.easier === ex.harder) {
      ctx.addIssue({ code: 'custom', path: ['harder'], message: 'easier and harder must differ' });
    }
    for (const key of ['easier', 'harder'] as const) {
      if (ex[key] === ex.id) ctx.addIssue({ code: 'custom', path: [key], message: 'must not point to itself' });
    }
  });

export const librarySchema = z.array(exerciseSchema);

export interface LibraryProblem {
  /** Where the problem is, e.g. `[3].harder` or `[0].dose.sets`. */
  readonly path: string;
  readonly message: string;
}

/** Thrown by parseLibrary: lists every problem found. */
export class LibraryError extends Error {
  readonly problems: readonly LibraryProblem[];
  constructor(problems: readonly LibraryProblem[], source?: string) {
    const where = source ? ` (${source})` : '';
    super(
      `The exercise library${where} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n'),
    );
    this.name = 'LibraryError';
    this.problems = problems;
  }
}

function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : `.${String(s)}`;
  return out === '' ? '(root)' : out.startsWith('.') ? out.slice(1) : out;
}

function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[]): LibraryProblem[] {
  const out: LibraryProblem[] = [];
  for (const issue of error.issues) {
    const base = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...base, key]), message: 'unknown key' });
    } else {
      out.push({ path: formatPath(base), message: issue.message });
    }
  }
  return out;
}

/** The fields the cross-checks need; read leniently so they run even when another field is wrong. */
const linkFields = z.object({
  id: z.string(),
  type: z.string(),
  easier: z.string().nullable(),
  harder: z.string().nullable(),
});
type LinkFields = z.infer<typeof linkFields>;

/** Checks across exercises: unique ids; ladder links exist, are mutual, acyclic and keep the type. */
function crossProblems(items: readonly { index: number; ex: LinkFields }[]): LibraryProblem[] {
  const out: LibraryProblem[] = [];
  const byId = new Map<string, { index: number; ex: LinkFields }>();
  for (const item of items) {
    const first = byId.get(item.ex.id);
    if (first) {
      out.push({ path: `[${item.index}].id`, message: `duplicate id "${item.ex.id}" (first used at [${first.index}])` });
    } else {
      byId.set(item.ex.id, item);
    }
  }
  const opposite = { easier: 'harder', harder: 'easier' } as const;
  for (const { index, ex } of items) {
    if (byId.get(ex.id)?.index !== index) continue; // duplicates already reported
    for (const key of ['easier', 'harder'] as const) {
      const target = ex[key];
      if (target === null || target === ex.id) continue;
      const other = byId.get(target);
      if (!other) {
        out.push({ path: `[${index}].${key}`, message: `"${target}" is not an exercise id in the library` });
        continue;
      }
      const back = other.ex[opposite[key]];
      if (back !== ex.id) {
        out.push({
          path: `[${index}].${key}`,
          message: `"${target}" must list "${ex.id}" as its ${opposite[key]} rung (it has ${JSON.stringify(back)})`,
        });
      }
      const knownTypes: readonly string[] = EXERCISE_TYPES;
      if (other.ex.type !== ex.type && knownTypes.includes(ex.type) && knownTypes.includes(other.ex.type)) {
        out.push({
          path: `[${index}].${key}`,
          message: `"${target}" is ${other.ex.type} but "${ex.id}" is ${ex.type}: a ladder keeps one type`,
        });
      }
    }
  }
  // Cycles: follow each direction from every exercise; report each cycle once.
  const seenCycles = new Set<string>();
  for (const key of ['harder', 'easier'] as const) {
    for (const { index, ex } of items) {
      if (byId.get(ex.id)?.index !== index) continue;
      const trail: string[] = [];
      let current: LinkFields | undefined = ex;
      while (current && !trail.includes(current.id)) {
        trail.push(current.id);
        const next: string | null = current[key];
        current = next === null ? undefined : byId.get(next)?.ex;
      }
      // No cycle, a cycle not through this exercise, or a self-link (reported by the schema).
      if (!current || current.id !== ex.id || trail.length === 1) continue;
      const signature = [...trail].sort().join(',');
      if (seenCycles.has(signature)) continue;
      seenCycles.add(signature);
      out.push({ path: `[${index}].${key}`, message: `ladder cycle: ${[...trail, ex.id].join(' → ')}` });
    }
  }
  return out;
}

/** Validates the library's shape and cross-references; throws a LibraryError listing every problem. */
export function parseLibrary(raw: unknown, source?: string): Exercise[] {
  if (!Array.isArray(raw)) {
    throw new LibraryError([{ path: '(root)', message: 'must be a JSON array of exercises' }], source);
  }
  const problems: LibraryProblem[] = [];
  const parsed: Exercise[] = [];
  const links: { index: number; ex: LinkFields }[] = [];
  raw.forEach((item: unknown, index: number) => {
    const result = exerciseSchema.safeParse(item);
    if (result.success) parsed.push(result.data as Exercise);
    else problems.push(...zodProblems(result.error, [index]));
    const link = linkFields.safeParse(item);
    if (link.success) links.push({ index, ex: link.data });
  });
  problems.push(...crossProblems(links));
  if (problems.length > 0) throw new LibraryError(problems, source);
  return parsed;
}

const cache = new Map<string, Exercise[]>();

/** Reads and fully validates the exercise library (cached per file). The CLI uses readLibrary instead. */
export function loadLibrary(file?: string): Exercise[] {
  const resolved = libraryFile(file);
  const cached = cache.get(resolved);
  if (cached) return cached;
  const library = parseLibrary(readLibraryJson(resolved), resolved);
  cache.set(resolved, library);
  return library;
}

/** Forgets cached libraries (for tests). */
export function clearLibraryCache(): void {
  cache.clear();
}
