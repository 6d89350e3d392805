// The intake answers file, versions 1 and 2 (design.md), and the recheck file. Validation lists
// every problem with its path.
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import {
  FOLLOW_UPS,
  INTAKE_LIMITS,
  MOOD_QUESTIONS,
  READINESS_QUESTIONS,
  RED_FLAGS,
  RED_FLAGS_V1,
  type AnswersFile,
  type IntakeAnswers,
  type IntakeAnswersV1,
  type RecheckAnswers,
} from '../domain/intake';
import { CARDIO_LIKES, EQUIPMENT, MIND_BODY_LIKES, REGIONS, WEEKDAYS } from '../domain/vocab';
import { describeValue, formatIssues } from './issues';
import { safeText } from './text';

const keysOf = (shape: Record<string, unknown>) => Object.keys(shape).join(', ');

function strict<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `accepted keys here: ${keysOf(shape)}`
        : iss.input === undefined
          ? `is missing (expected an object with ${keysOf(shape)})`
          : `${describeValue(iss.input)} is not an object; expected one with ${keysOf(shape)}`,
  });
}

export function wholeNumber(min: number, max: number, what = 'a whole number') {
  const range = `${what} from ${min} to ${max}`;
  return z
    .number({ error: (iss) => (iss.input === undefined ? `is missing (${range})` : `${describeValue(iss.input)} is not a number; use ${range}`) })
    .int({ error: (iss) => `${describeValue(iss.input)} is not a whole number; use ${range}` })
    .min(min, { error: (iss) => `${describeValue(iss.input)} is out of range ${min}-${max}` })
    .max(max, { error: (iss) => `${describeValue(iss.input)} is out of range ${min}-${max}` });
}

const yesNo = z.boolean({
  error: (iss) => (iss.input === undefined ? 'is missing (true or false)' : `${describeValue(iss.input)} is not true or false`),
});

function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined ? `is missing (${what}: ${values.join(', ')})` : `${describeValue(iss.input)} is not ${what}; use one of ${values.join(', ')}`,
  });
}

function uniqueList<const T extends readonly [string, ...string[]]>(values: T, one: string, many: string, min: number) {
  return z
    .array(oneOf(values, one), {
      error: (iss) => (iss.input === undefined ? `is missing (a list of ${many})` : `${describeValue(iss.input)} is not a list of ${many}`),
    })
    .min(min, { error: `is empty; choose at least one of ${values.join(', ')}` })
    .refine((list) => new Set(list).size === list.length, { error: `lists the same ${many.replace(/s$/, '')} twice` });
}

function flagsObject<const K extends readonly string[]>(keys: K) {
  return strict(Object.fromEntries(keys.map((k) => [k, yesNo])) as { [P in K[number]]: typeof yesNo });
}

const L = INTAKE_LIMITS;
const score = wholeNumber(L.score.min, L.score.max);

const version = (v: 1 | 2) =>
  z.literal(v, { error: (iss) => `${describeValue(iss.input)} is not a supported version; use 2 (files of version 1 are still accepted)` });

const isoDate = z
  .string({ error: (iss) => (iss.input === undefined ? 'is missing (a date, YYYY-MM-DD)' : `${describeValue(iss.input)} is not a date; use YYYY-MM-DD`) })
  .refine(isIsoDate, { error: (iss) => `${describeValue(iss.input)} is not a real date; use YYYY-MM-DD` });

const clearanceSchema = strict({
  date: isoDate,
  by: z
    .string({ error: (iss) => `${describeValue(iss.input)} is not text` })
    .trim()
    .min(1, { error: 'is empty; name the clinician or leave "by" out' })
    .max(L.clearanceByLength, { error: `is longer than ${L.clearanceByLength} characters` })
    .superRefine(safeText())
    .optional(),
}).nullable();

const readinessV2 = strict({
  ...Object.fromEntries(READINESS_QUESTIONS.map((k) => [k, yesNo])),
  followUps: flagsObject(FOLLOW_UPS),
} as { [P in (typeof READINESS_QUESTIONS)[number]]: typeof yesNo } & { followUps: ReturnType<typeof flagsObject<typeof FOLLOW_UPS>> }).superRefine((r, ctx) => {
  if (r.boneJoint) return;
  for (const f of FOLLOW_UPS) {
    if (r.followUps[f]) {
      ctx.addIssue({
        code: 'custom',
        path: ['followUps', f],
        message: 'is true, but boneJoint is false: the follow-ups are about a bone, joint or muscle problem, so set boneJoint to true or this to false',
      });
    }
  }
});

/** The screening parts of a version 2 file (what `painfit recheck --answers` takes). */
const screeningShape = {
  readiness: readinessV2,
  redFlags: flagsObject(RED_FLAGS),
  mood: flagsObject(MOOD_QUESTIONS),
  clearance: clearanceSchema,
};

const bodyShape = {
  about: strict({
    name: z
      .string({ error: (iss) => `${describeValue(iss.input)} is not text` })
      .trim()
      .max(L.nameLength, { error: `is longer than ${L.nameLength} characters` })
      .superRefine(safeText())
      .optional(),
    age: wholeNumber(L.age.min, L.age.max, 'an age in years'),
  }),
  pain: strict({
    regions: uniqueList(REGIONS, 'a body region', 'regions', 1),
    months: wholeNumber(L.months.min, L.months.max, 'a number of months'),
    average: score,
    peg: strict({ pain: score, enjoyment: score, activity: score }),
  }),
  goals: z
    .array(
      strict({
        activity: z
          .string({ error: (iss) => (iss.input === undefined ? 'is missing (a short description)' : `${describeValue(iss.input)} is not text`) })
          .trim()
          .min(1, { error: 'is empty; describe the activity in a few words' })
          .max(L.activityLength, { error: `is longer than ${L.activityLength} characters` })
          .superRefine(safeText()),
        score,
      }),
      { error: (iss) => (iss.input === undefined ? 'is missing (a list of 1-5 activities)' : `${describeValue(iss.input)} is not a list`) },
    )
    .min(L.goals.min, { error: 'name at least one activity you want to get back to' })
    .max(L.goals.max, { error: `has more than ${L.goals.max} activities; keep the ${L.goals.max} that matter most` }),
  ability: strict({
    walkMinutes: wholeNumber(L.walkMinutes.min, L.walkMinutes.max, 'a number of minutes'),
    floor: yesNo,
    balanceWorries: yesNo,
    osteoporosis: yesNo,
  }),
  schedule: strict({
    days: uniqueList(WEEKDAYS, 'a day', 'days', 1),
    minutes: wholeNumber(L.sessionMinutes.min, L.sessionMinutes.max, 'a number of minutes'),
  }),
  likes: strict({
    cardio: uniqueList(CARDIO_LIKES, 'a kind of cardio', 'cardio kinds', 0),
    mindBody: uniqueList(MIND_BODY_LIKES, 'a kind of mind-body work', 'mind-body kinds', 0),
    equipment: uniqueList(EQUIPMENT, 'a piece of equipment', 'pieces of equipment', 0),
  }),
};

export const intakeSchemaV1 = strict({
  version: version(1),
  ...bodyShape,
  readiness: flagsObject(READINESS_QUESTIONS),
  redFlags: flagsObject(RED_FLAGS_V1),
  clearedByClinician: yesNo,
});

export const intakeSchemaV2 = strict({
  version: version(2),
  ...bodyShape,
  ...screeningShape,
});

export const recheckSchema = strict({ version: version(2), ...screeningShape });

const isVersion1 = (raw: unknown): boolean => typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version === 1;

/** Version 1 or 2, chosen by the file's `version` (anything else is checked as version 2). */
export const intakeSchema = z.unknown().transform((raw, ctx): AnswersFile => {
  const result = (isVersion1(raw) ? intakeSchemaV1 : intakeSchemaV2).safeParse(raw);
  if (result.success) return result.data as AnswersFile;
  for (const issue of result.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
  return z.NEVER;
});

/** A `painfit settings` change as stored: any of these, at least one (the same rules as the intake). */
export const settingsChangeSchema = strict({
  days: uniqueList(WEEKDAYS, 'a day', 'days', 1).optional(),
  minutes: wholeNumber(L.sessionMinutes.min, L.sessionMinutes.max, 'a number of minutes').optional(),
  equipment: uniqueList(EQUIPMENT, 'a piece of equipment', 'pieces of equipment', 0).optional(),
  cardio: uniqueList(CARDIO_LIKES, 'a kind of cardio', 'cardio kinds', 0).optional(),
  mindBody: uniqueList(MIND_BODY_LIKES, 'a kind of mind-body work', 'mind-body kinds', 0).optional(),
  walkMinutes: wholeNumber(L.walkMinutes.min, L.walkMinutes.max, 'a number of minutes').optional(),
  floor: yesNo.optional(),
  balanceWorries: yesNo.optional(),
  osteoporosis: yesNo.optional(),
}).refine((c) => Object.keys(c).length > 0, { error: 'changes nothing; a settings change sets at least one thing' });

export type ParseResult<T> = { ok: true; value: T } | { ok: false, problems: string[] };

/** An answers file, as given: version 2, or version 1 (upgraded by the caller with upgradeAnswers). */
export function parseIntake(raw: unknown): ParseResult<AnswersFile> {
  if (isVersion1(raw)) {
    const v1 = intakeSchemaV1.safeParse(raw);
    return v1.success ? { ok: true, value: v1.data as IntakeAnswersV1 } : { ok: false, problems: formatIssues(v1.error) };
  }
  const v2 = intakeSchemaV2.safeParse(raw);
  return v2.success ? { ok: true, value: v2.data as IntakeAnswers } : { ok: false, problems: formatIssues(v2.error) };
}

/** A recheck file: `{ version: 2, readiness, redFlags, mood, clearance }`. */
export function parseRecheck(raw: unknown): ParseResult<RecheckAnswers> {
  const result = recheckSchema.safeParse(raw);
  return result.success ? { ok: true, value: result.data as RecheckAnswers } : { ok: false, problems: formatIssues(result.error) };
}

/** Re-exported for callers that validate and template together. */
export { INTAKE_TEMPLATE } from '../domain/intake-template';
