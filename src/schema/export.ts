// The export file, format version 1: every stored fact, one list per table, with the database's
// own column names and values (ids included) so that export → import → export is exact.
// Validation lists every problem with its path, e.g. "checkins[3].pain: 11 is out of range 0-10".
import { z } from 'zod';
import { FEEDBACK_ANSWERS, FLARE_KINDS, MAX_EXERCISE_MINUTES, NOTE_MAX_LENGTH, WALK_MINUTES_MAX, WALK_MINUTES_MIN } from '../domain/facts';
import { INTAKE_LIMITS } from '../domain/intake';
import { safeText } from './text';
import { isIsoDate } from '../domain/dates';
import { LESSONS } from '../domain/lessons';
import { checkFlarePlan, FLARE_PLAN_MAX_ITEMS } from '../domain/flare-plan';
import { describeValue, formatIssues } from './issues';
import { intakeSchema, recheckSchema, settingsChangeSchema, wholeNumber, type ParseResult } from './intake';

export const EXPORT_FORMAT = 'painfit-export';
export const EXPORT_VERSION = 1;

/** The kinds of entry the database accepts (migration 2). */
export const ENTRY_KINDS = ['log', 'swap', 'measures'] as const;

const EXERCISE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function row<T extends z.ZodRawShape>(shape: T) {
  const keys = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `columns here: ${keys}`
        : `${describeValue(iss.input)} is not a row; expected an object with ${keys}`,
  });
}

const rowId = z
  .number({ error: (iss) => (iss.input === undefined ? 'is missing (an id: a whole number, 1 or more)' : `${describeValue(iss.input)} is not an id; ids are whole numbers, 1 or more`) })
  .int({ error: (iss) => `${describeValue(iss.input)} is not an id; ids are whole numbers, 1 or more` })
  .min(1, { error: (iss) => `${describeValue(iss.input)} is not an id; ids are whole numbers, 1 or more` });

const date = z
  .string({ error: (iss) => (iss.input === undefined ? 'is missing (a date, YYYY-MM-DD)' : `${describeValue(iss.input)} is not a date; use YYYY-MM-DD`) })
  .refine(isIsoDate, { error: (iss) => `${describeValue(iss.input)} is not a real date; use YYYY-MM-DD` });

const timestamp = z
  .string({ error: (iss) => (iss.input === undefined ? 'is missing (a date and time, ISO 8601)' : `${describeValue(iss.input)} is not a date and time`) })
  .pipe(z.iso.datetime({ offset: true, error: (iss) => `${describeValue(iss.input)} is not a date and time like 2026-11-28T08:30:00.000Z` }));

const exerciseId = z
  .string({ error: (iss) => (iss.input === undefined ? 'is missing (an exercise id)' : `${describeValue(iss.input)} is not an exercise id`) })
  .regex(EXERCISE_ID, { error: (iss) => `${describeValue(iss.input)} is not an exercise id; ids look like sit-to-stand` });

const text = z.string({ error: (iss) => (iss.input === undefined ? 'is missing (text, or null)' : `${describeValue(iss.input)} is not text or null`) });

const score = wholeNumber(0, 10);
const optionalScore = score.nullable();

const completionRow = row({
  date,
  exercise_id: exerciseId,
  done: z.union([z.literal(0), z.literal(1)], { error: (iss) => `${describeValue(iss.input)} is not 0 (not done) or 1 (done)` }),
  minutes: z
    .number({ error: (iss) => (iss.input === undefined ? 'is missing (minutes, 0 or more)' : `${describeValue(iss.input)} is not a number of minutes`) })
    .min(0, { error: (iss) => `${describeValue(iss.input)} is negative; minutes are 0 or more` })
    .max(MAX_EXERCISE_MINUTES, { error: (iss) => `${describeValue(iss.input)} is more minutes than a day holds; painfit plans 0 to ${MAX_EXERCISE_MINUTES}` }),
  entry_id: rowId,
});

function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: (iss) => (iss.input === undefined ? 'is missing (a list)' : `${describeValue(iss.input)} is not a list`) });
}

/**
 * One spec per table: the columns (as a row schema), the primary key, the foreign keys, which TEXT
 * columns hold JSON (exported as JSON values, stored as text), and the data version that created
 * the table. A test compares these with the real database, so a migration that adds a table or a
 * column fails the suite until it is described here.
 */
/** The data version (migration 10) from which every intake row has keeps_progress. */
export const KEEPS_PROGRESS_SINCE = 10;

export const TABLES = [
  {
    name: 'intakes',
    since: 1,
    key: ['id'],
    refs: {},
    json: ['answers'],
    row: row({
      id: rowId,
      date,
      recorded_at: timestamp,
      answers_version: z.union([z.literal(1), z.literal(2)], { error: (iss) => `${describeValue(iss.input)} is not a supported answers version; use 1 or 2` }),
      // The same schemas parseIntake uses: every intake must be a valid answers file (version 1 or 2).
      answers: intakeSchema,
      // Data version 10: 1 = a re-run intake that kept the plan's progress. An older export has no
      // such column; its intakes all started a plan (the column's default, 0).
      keeps_progress: z.union([z.literal(0), z.literal(1)], { error: (iss) => `${describeValue(iss.input)} is not 0 (starts a plan) or 1 (keeps the plan's progress)` }).optional(),
    }),
  },
  {
    name: 'entries',
    since: 2,
    key: ['id'],
    refs: {},
    json: ['replaced'],
    row: row({
      id: rowId,
      kind: z.enum(ENTRY_KINDS, { error: (iss) => `${describeValue(iss.input)} is not a kind of entry; use one of ${ENTRY_KINDS.join(', ')}` }),
      recorded_at: timestamp,
      replaced: list(completionRow),
    }),
  },
  {
    name: 'checkins',
    since: 2,
    key: ['id'],
    refs: { entry_id: 'entries' },
    json: [],
    row: row({
      id: rowId,
      entry_id: rowId,
      date,
      recorded_at: timestamp,
      pain: score,
      during: optionalScore,
      effort: optionalScore,
      sleep: optionalScore,
      // The same rules as painfit log: a file must not smuggle in what log would refuse or strip.
      note: text
        .max(NOTE_MAX_LENGTH, { error: `is longer than ${NOTE_MAX_LENGTH} characters (painfit log keeps notes to ${NOTE_MAX_LENGTH})` })
        .superRefine(safeText({ multiline: true }))
        .nullable(),
    }),
  },
  {
    name: 'completions',
    since: 2,
    key: ['date', 'exercise_id'],
    refs: { entry_id: 'entries' },
    json: [],
    row: completionRow,
  },
  {
    name: 'swaps',
    since: 2,
    key: ['id'],
    refs: { entry_id: 'entries' },
    json: [],
    row: row({ id: rowId, entry_id: rowId, date, exercise_id: exerciseId, with_id: exerciseId }),
  },
  {
    name: 'measures',
    since: 3,
    key: ['id'],
    refs: { entry_id: 'entries' },
    json: ['goals'],
    row: row({
      id: rowId,
      entry_id: rowId,
      date,
      recorded_at: timestamp,
      peg_pain: optionalScore,
      peg_enjoyment: optionalScore,
      peg_activity: optionalScore,
      goals: list(
        row({
          activity: text
            .min(1, { error: 'is empty; describe the activity in a few words' })
            .max(INTAKE_LIMITS.activityLength, { error: `is longer than ${INTAKE_LIMITS.activityLength} characters (the intake keeps activities to ${INTAKE_LIMITS.activityLength})` })
            .superRefine(safeText()),
          score,
        }),
      ).nullable(),
    }),
  },
  {
    name: 'clearances',
    since: 4,
    key: ['id'],
    refs: {},
    json: [],
    row: row({ id: rowId, seen: date, by: text.max(INTAKE_LIMITS.clearanceByLength).nullable(), recorded_on: date, recorded_at: timestamp }),
  },
  {
    name: 'rechecks',
    since: 4,
    key: ['id'],
    refs: {},
    json: ['answers'],
    // The same schema painfit recheck --answers uses.
    row: row({ id: rowId, date, recorded_at: timestamp, answers: recheckSchema }),
  },
  {
    name: 'unwell',
    since: 4,
    key: ['id'],
    refs: { entry_id: 'entries' },
    json: [],
    row: row({ id: rowId, entry_id: rowId, date, recorded_at: timestamp }),
  },
  {
    name: 'settings',
    since: 5,
    key: ['id'],
    refs: {},
    json: ['changes'],
    row: row({ id: rowId, date, recorded_at: timestamp, changes: settingsChangeSchema }),
  },
  {
    name: 'lesson_reads',
    since: 6,
    key: ['id'],
    refs: {},
    json: [],
    row: row({
      id: rowId,
      lesson_id: z
        .string({ error: (iss) => (iss.input === undefined ? 'is missing (a lesson id)' : `${describeValue(iss.input)} is not a lesson id`) })
        .refine((id) => LESSONS.some((l) => l.id === id), { error: (iss) => `${describeValue(iss.input)} is not one of painfit's lessons (painfit learn lists them)` }),
      date,
      recorded_at: timestamp,
    }),
  },
  {
    name: 'flares',
    since: 8,
    key: ['id'],
    refs: { entry_id: 'entries' },
    json: [],
    row: row({
      id: rowId,
      entry_id: rowId,
      date,
      recorded_at: timestamp,
      kind: z.enum(FLARE_KINDS, { error: (iss) => `${describeValue(iss.input)} is not start or end` }),
    }),
  },
  {
    name: 'flare_plans',
    since: 7,
    key: ['id'],
    refs: {},
    json: ['items'],
    row: row({
      id: rowId,
      date,
      recorded_at: timestamp,
      // The same rules as painfit flare --plan: a file must not smuggle in what the command would refuse.
      items: list(text).refine((items) => checkFlarePlan(items).ok, {
        error: (iss) => {
          const r = checkFlarePlan(iss.input as string[]);
          return r.ok ? 'is not a flare plan' : `${r.problem} (painfit flare --plan takes 1 to ${FLARE_PLAN_MAX_ITEMS} lines)`;
        },
      }),
    }),
  },
  {
    name: 'feedback',
    since: 11,
    key: ['id'],
    refs: { entry_id: 'entries' },
    json: [],
    row: row({
      id: rowId,
      entry_id: rowId,
      date,
      recorded_at: timestamp,
      exercise_id: exerciseId,
      answer: z.enum(FEEDBACK_ANSWERS, { error: (iss) => `${describeValue(iss.input)} is not a feedback answer; use one of ${FEEDBACK_ANSWERS.join(', ')}` }),
    }),
  },
  {
    name: 'walks',
    since: 11,
    key: ['id'],
    refs: { entry_id: 'entries' },
    json: [],
    row: row({ id: rowId, entry_id: rowId, date, recorded_at: timestamp, minutes: wholeNumber(WALK_MINUTES_MIN, WALK_MINUTES_MAX, 'minutes') }),
  },
] as const;

export type TableName = (typeof TABLES)[number]['name'];
/** A row as stored: column name → value (JSON columns as JSON values). */
export type ExportRow = Record<string, unknown>;

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** PRAGMA user_version of the database it came from. */
  schemaVersion: number;
  exportedAt: string;
}
export type ExportFile = ExportHeader & Partial<Record<TableName, ExportRow[]>>;

const fileSchema = z.strictObject(
  {
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION, { error: (iss) => `${describeValue(iss.input)} is not a supported export format version; use ${EXPORT_VERSION}` }),
    schemaVersion: wholeNumber(1, Number.MAX_SAFE_INTEGER, 'a data version'),
    exportedAt: timestamp,
    ...(Object.fromEntries(TABLES.map((t) => [t.name, list(t.row).optional()])) as Record<string, z.ZodType>),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `not part of a painfit export (keys: format, version, schemaVersion, exportedAt, ${TABLES.map((t) => t.name).join(', ')})`
        : `${describeValue(iss.input)} is not a painfit export; expected an object written by painfit export`,
  },
);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

/**
 * Problems that make the rest of the file meaningless to check: not an export at all, or written
 * by a newer painfit. Reported alone, so the person sees the one thing to do.
 */
function headerProblems(raw: unknown, latestSchemaVersion: number): string[] {
  if (!isObject(raw)) return [`(top level): ${describeValue(raw)} is not a painfit export; expected an object written by painfit export`];
  if (raw.format !== EXPORT_FORMAT) {
    const given = raw.format === undefined ? 'is missing' : `${describeValue(raw.format)} is not ${JSON.stringify(EXPORT_FORMAT)}`;
    return [`format: ${given}; this file was not written by painfit export`];
  }
  const problems: string[] = [];
  if (typeof raw.version === 'number' && raw.version > EXPORT_VERSION) {
    problems.push(`version: ${raw.version} is a newer export format than this painfit reads (up to ${EXPORT_VERSION}). Update painfit, then import again.`);
  }
  if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > latestSchemaVersion) {
    problems.push(
      `schemaVersion: ${raw.schemaVersion} is newer than this painfit's data (version ${latestSchemaVersion}). Update painfit, then import again.`,
    );
  }
  return problems;
}

/** Checks across rows and tables: present lists, unique keys, references, and each row's own rules. */
function crossProblems(raw: Record<string, unknown>, today?: string): string[] {
  const problems: string[] = [];
  if (today !== undefined) {
    // The same rule as painfit log: nothing is recorded for a day that has not come yet.
    for (const name of ['checkins', 'completions', 'measures'] as const) {
      const rows = Array.isArray(raw[name]) ? (raw[name] as unknown[]) : [];
      rows.forEach((r, i) => {
        if (isObject(r) && typeof r.date === 'string' && isIsoDate(r.date) && r.date > today) {
          problems.push(`${name}[${i}].date: ${r.date} is in the future (today is ${today}); painfit records only days that have come`);
        }
      });
    }
  }
  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : undefined;
  const rowsOf = (name: TableName): unknown[] => (Array.isArray(raw[name]) ? (raw[name] as unknown[]) : []);
  const ids = new Map<TableName, Set<number>>();
  for (const t of TABLES) {
    const set = new Set<number>();
    for (const r of rowsOf(t.name)) if (isObject(r) && isId(r.id)) set.add(r.id);
    ids.set(t.name, set);
  }

  for (const t of TABLES) {
    if (version !== undefined && t.since <= version && raw[t.name] === undefined) {
      problems.push(`${t.name}: is missing (an export of data version ${version} has this list, even if it is empty)`);
    }
    const seen = new Map<string, number>();
    rowsOf(t.name).forEach((r, i) => {
      if (!isObject(r)) return;
      const keyValues = t.key.map((k) => r[k]);
      if (keyValues.every((v) => typeof v === 'string' || typeof v === 'number')) {
        const k = JSON.stringify(keyValues);
        const first = seen.get(k);
        if (first === undefined) seen.set(k, i);
        else {
          if (t.key.length === 1) {
            problems.push(`${t.name}[${i}].${t.key[0]}: ${JSON.stringify(keyValues[0])} is also used by ${t.name}[${first}]; each ${t.key[0]} must be unique`);
          } else {
            const what = t.key.map((col, j) => `${col} ${JSON.stringify(keyValues[j])}`).join(' and ');
            problems.push(`${t.name}[${i}]: ${what} are also used by ${t.name}[${first}]; each pair must be unique`);
          }
        }
      }
      for (const [col, target] of Object.entries(t.refs) as [string, TableName][]) {
        if (isId(r[col]) && !ids.get(target)!.has(r[col])) {
          problems.push(`${t.name}[${i}].${col}: ${r[col]} is not the id of any row in ${target}`);
        }
      }
    });
  }

  rowsOf('entries').forEach((r, i) => {
    if (!isObject(r) || !Array.isArray(r.replaced)) return;
    r.replaced.forEach((old: unknown, j) => {
      // Undo puts these rows back, so they must belong to an earlier entry that still exists.
      if (isObject(old) && isId(old.entry_id) && (!ids.get('entries')!.has(old.entry_id) || (isId(r.id) && old.entry_id >= r.id))) {
        problems.push(`entries[${i}].replaced[${j}].entry_id: ${old.entry_id} is not the id of an earlier entry`);
      }
    });
  });

  rowsOf('measures').forEach((r, i) => {
    if (!isObject(r)) return;
    const peg = [r.peg_pain, r.peg_enjoyment, r.peg_activity];
    if (!peg.every((v) => v === null || typeof v === 'number')) return;
    const given = peg.filter((v) => v !== null).length;
    if (given !== 0 && given !== 3) problems.push(`measures[${i}]: peg_pain, peg_enjoyment and peg_activity go together: give all three or none`);
    if (given === 0 && r.goals === null) problems.push(`measures[${i}]: has neither PEG scores nor goals; a measures row needs at least one`);
  });

  rowsOf('intakes').forEach((r, i) => {
    if (isObject(r) && isObject(r.answers) && typeof r.answers_version === 'number' && r.answers.version !== r.answers_version) {
      problems.push(`intakes[${i}].answers_version: ${r.answers_version} does not match answers.version (${describeValue(r.answers.version)})`);
    }
    // Older exports have no keeps_progress (every intake started a plan); a newer one always has it,
    // so a missing value is damage, not "starts a plan", which would quietly reset the plan.
    if (isObject(r) && version !== undefined && version >= KEEPS_PROGRESS_SINCE && r.keeps_progress === undefined) {
      problems.push(`intakes[${i}].keeps_progress: is missing (an export of data version ${version} has it: 0 starts a plan, 1 keeps the plan's progress)`);
    }
  });
  return problems;
}

/**
 * Validates a parsed export file completely. On success the value is the input itself, not zod's
 * output: zod would trim text and reorder keys, and the point of a restore is to put back exactly
 * what was exported.
 */
export function parseExport(raw: unknown, latestSchemaVersion: number, today?: string): ParseResult<ExportFile> {
  const header = headerProblems(raw, latestSchemaVersion);
  if (header.length > 0) return { ok: false, problems: header };
  const result = fileSchema.safeParse(raw);
  const problems = [...(result.success ? [] : formatIssues(result.error)), ...crossProblems(raw as Record<string, unknown>, today)];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: raw as ExportFile };
}
