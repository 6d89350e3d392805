// The intake answers file, version 1 (design.md). Validation lists every problem with its path.
import { z } from 'zod';
import { INTAKE_LIMITS, READINESS_QUESTIONS, RED_FLAGS, type IntakeAnswers } from '../domain/intake';
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

export const intakeSchema = strict({
  version: z.literal(1, { error: (iss) => `${describeValue(iss.input)} is not a supported version; use 1` }),
  about: strict({
    name: z
      .string({ error: (iss) => `${describeValue(iss.input)} is not text` })
      .trim()
      .max(L.nameLength, { error: `is longer than ${L.nameLength} characters` })
      .superRefine(safeText())
      .optional(),
    age: wholeNumber(L.age.min, L.age.max, 'an age in years'),
  }),
  readiness: flagsObject(READINESS_QUESTIONS),
  redFlags: flagsObject(RED_FLAGS),
  clearedByClinician: yesNo,
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
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false, problems: string[] };

export function parseIntake(raw: unknown): ParseResult<IntakeAnswers> {
  const result = intakeSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data as IntakeAnswers };
  return { ok: false, problems: formatIssues(result.error) };
}

/** Re-exported for callers that validate and template together. */
export { INTAKE_TEMPLATE } from '../domain/intake-template';
