// The public JSON of `painfit today --json` and `painfit report --json` (design.md, the
// command-line contract), as schemas. Objects are strict: a key renamed or added inside the domain
// makes test/json-schema.test.ts fail until it is described here, so the public shape never
// changes silently. To extend the contract, add the key here (and to design.md / README).
import { z } from 'zod';
import { PHASES } from '../domain/exercise';
import { WEEK_REASONS } from '../domain/progression';
import { EXERCISE_TYPES, POSITIONS, REGIONS, WEEKDAYS } from '../domain/vocab';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const score = z.number().min(0).max(10);
const count = z.number().int().min(0);
const nullableNumber = z.number().nullable();

// ---------------------------------------------------------------------------------------------
// today --json

export const todayExerciseSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  type: z.enum(EXERCISE_TYPES),
  regions: z.array(z.enum(REGIONS)),
  position: z.enum(POSITIONS),
  equipment: z.array(z.string()),
  phase: z.enum(PHASES),
  sets: count.optional(),
  reps: count.optional(),
  holdSeconds: z.number().min(0).optional(),
  minutes: z.number().min(0).optional(),
  bouts: count.optional(),
  effort: score,
  cues: z.array(z.string()),
  purpose: z.string(),
  optional: z.literal(true).optional(),
  swappedFrom: z.string().optional(),
  /** design.md v2: said "per side" where it applies. */
  perSide: z.boolean().optional(),
});

const targetSchema = z.strictObject({ week: z.number().min(0), goal: z.number().min(0) });
const targetsSchema = z.strictObject({ moderateMinutes: targetSchema, strengthDays: targetSchema, balanceDays: targetSchema });
/** Where this is heading (clinical-rules §4 long-term targets): in plan --json and report --json. */
export const headingSchema = targetsSchema.extend({ reachedWeek: z.number().int().min(1).nullable(), words: z.array(z.string().min(1)).min(1) });

export const todaySchema = z.strictObject({
  date,
  status: z.enum(['session', 'rest', 'flare', 'stop']),
  week: count,
  focus: z.string(),
  minutes: z.number().min(0),
  exercises: z.array(todayExerciseSchema),
  notes: z.array(z.string()),
  /** The number of the lesson offered this week (painfit learn N), or null. */
  lesson: z.number().int().min(1).nullable(),
  /** On a flare day, the person's own flare plan ([] when none written); null on other days. */
  flarePlan: z.array(z.string().min(1)).nullable(),
  /** design.md v2: the day's walking-track dose (style: walking, or the cardio done instead), or null. */
  walk: z.strictObject({ minutes: z.number().int().min(1), effort: score, style: z.string().min(1), bouts: count.optional() }).nullable(),
  /** How this plan week's doses were decided: the weekly review's level, change and reason code. */
  progress: z.strictObject({ level: count, change: z.enum(['up', 'hold', 'down']).nullable(), reason: z.enum(WEEK_REASONS).nullable() }),
  /** design.md v2: the current week's plan against the long-term targets (null when there is no plan). */
  targets: targetsSchema.nullable(),
  /** Where this is heading, once a plan week, on its first rest day (clinical-rules §4: shown now and then). */
  heading: headingSchema.optional(),
});

// ---------------------------------------------------------------------------------------------
// report --json

const verdict = z.enum(['substantial', 'meaningful', 'small', 'no-clear-change', 'worse', 'not-enough-data']);

const changeSchema = z.strictObject({
  baseline: z.number(),
  current: nullableNumber,
  points: nullableNumber,
  percent: nullableNumber,
  meaningful: z.boolean(),
  verdict,
  words: z.string().min(1),
  direction: z.enum(['lower', 'higher', 'same']).nullable().optional(),
  currentDate: date.nullable().optional(),
  /** How many check-ins `current` rests on. */
  checkins: count.optional(),
});

export const weekRowSchema = z.strictObject({
  start: date,
  checkins: count,
  painMean: nullableNumber,
  painMin: nullableNumber,
  painMax: nullableNumber,
  sessionsPlanned: count,
  sessionsDone: count,
  adherence: nullableNumber,
  activeMinutes: z.number().min(0),
  /** Minutes of the walking track logged that week (painfit log --walk). */
  walkMinutes: count,
  peg: nullableNumber,
  sleepMean: nullableNumber,
  duringMean: nullableNumber,
  effortMean: nullableNumber,
});

export const reportSchema = z.strictObject({
  from: date,
  to: date,
  intake: z.strictObject({
    date,
    name: z.string().optional(),
    age: z.number().int(),
    regions: z.array(z.enum(REGIONS)),
    average: score,
  }),
  screening: z.strictObject({
    outcome: z.enum(['proceed', 'light', 'stop']),
    redFlags: z.array(z.string()),
    /** The warning signs with their tiers, from the domain (issue 8). */
    flags: z.array(z.strictObject({ flag: z.string(), tier: z.enum(['emergency', 'urgent', 'non-urgent']) })),
    notes: z.array(z.string()),
    answers: z.array(z.strictObject({ answer: z.string(), tier: z.enum(['stop', 'light', 'emergency', 'urgent', 'non-urgent']) })).optional(),
    clearance: z.strictObject({ date, by: z.string().nullable() }).nullable().optional(),
  }),
  weeks: z.array(weekRowSchema),
  daily: z.array(z.strictObject({ date, pain: nullableNumber, sessionDone: z.boolean(), planned: z.boolean().optional() })),
  change: changeSchema,
  peg: changeSchema.nullable(),
  psfs: z
    .strictObject({
      goals: z.array(
        z.strictObject({ activity: z.string(), baseline: score, current: nullableNumber, change: nullableNumber, real: z.boolean() }),
      ),
      baselineMean: z.number(),
      currentMean: nullableNumber,
      change: nullableNumber,
      real: z.boolean(),
      words: z.string(),
      currentDate: date.nullable().optional(),
    })
    .nullable(),
  flares: z.array(z.strictObject({ start: date, end: date.nullable(), days: z.number().int().min(1) })),
  steps: z.array(
    z.strictObject({ date, week: z.number().int().min(1), change: z.enum(['up', 'hold', 'down']), code: z.enum(WEEK_REASONS), from: count, to: count, reason: z.string().min(1) }),
  ),
  heading: headingSchema.nullable().optional(),
  insights: z.array(
    z.strictObject({
      kind: z.enum(['after-session', 'sleep']),
      enough: z.boolean(),
      groups: z.array(z.strictObject({ label: z.string(), days: count, painMean: nullableNumber })).length(2),
      difference: nullableNumber,
      words: z.string().min(1),
    }),
  ),
  notes: z.array(z.strictObject({ date, note: z.string() })),
  plan: z.strictObject({ days: z.array(z.enum(WEEKDAYS)), minutes: z.number(), summary: z.string() }),
  weeksAsked: z.number().int().min(1).optional(),
});
