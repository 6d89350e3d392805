// Small builders for domain tests: intake answers, facts, and a tiny exercise library.
import { addDays, type IsoDate } from '../../src/domain/dates';
import type { Exercise } from '../../src/domain/exercise';
import type { Checkin, Completion, Swap } from '../../src/domain/facts';
import type { IntakeAnswers, IntakeRecord } from '../../src/domain/intake';
import { INTAKE_TEMPLATE } from '../../src/domain/intake-template';
import { buildSession, type ScreeningInput, type Session, type SessionInput } from '../../src/domain/session';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

export function answers(over: DeepPartial<IntakeAnswers> = {}): IntakeAnswers {
  // The shipped template, made neutral: no readiness "yes", one region, no equipment.
  const template = structuredClone(INTAKE_TEMPLATE);
  const base: IntakeAnswers = {
    ...template,
    readiness: { ...template.readiness, boneJoint: false },
    pain: { regions: ['knee'], months: 18, average: 4, peg: { pain: 4, enjoyment: 5, activity: 5 } },
    likes: { cardio: ['walking'], mindBody: ['breathing'], equipment: [] },
  };
  const merged = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(over)) {
    const b = (base as unknown as Record<string, unknown>)[k];
    merged[k] = v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...(b as object), ...v } : v;
  }
  return merged as unknown as IntakeAnswers;
}

/** 2026-01-05 is a Monday: plan weeks then run Monday to Sunday. */
export const START: IsoDate = '2026-01-05';

export function intake(a: IntakeAnswers = answers(), date: IsoDate = START): IntakeRecord {
  return { id: 1, date, recordedAt: `${date}T08:00:00.000Z`, answers: a };
}

let nextId = 1;
export function checkin(date: IsoDate, pain: number, more: Partial<Checkin> = {}): Checkin {
  const id = nextId++;
  return { id, date, recordedAt: `${date}T08:00:${String(id % 60).padStart(2, '0')}.000Z`, pain, during: null, effort: null, sleep: null, note: null, ...more };
}

export const done = (date: IsoDate, ...ids: string[]): Completion[] => ids.map((exerciseId) => ({ date, exerciseId, done: true }));

export const swap = (date: IsoDate, exerciseId: string, withId: string, id = nextId++): Swap => ({ id, date, exerciseId, withId });

export const PROCEED: ScreeningInput = { outcome: 'proceed', maxEffort: 4, progressionPaused: false, notes: [] };
export const LIGHT: ScreeningInput = { outcome: 'light', maxEffort: 3, progressionPaused: false, notes: ['light note'] };

export const days = (from: IsoDate, n: number): IsoDate[] => Array.from({ length: n }, (_, k) => addDays(from, k));

// ---------------------------------------------------------------------------------------------
// A tiny library: enough of each type to exercise the rules, small enough to reason about.

const DEFAULT_TRAINS: Record<Exercise['type'], Exercise['trains']> = {
  strength: ['quadriceps'],
  cardio: ['aerobic'],
  flexibility: ['mobility'],
  'mind-body': ['relaxation'],
  balance: ['static-balance'],
};

export function ex(id: string, over: Partial<Exercise> = {}): Exercise {
  const type = over.type ?? 'strength';
  return {
    id,
    name: id.replace(/-/g, ' '),
    type: 'strength',
    regions: ['knee'],
    position: 'standing',
    equipment: [],
    style: null,
    phase: 'main',
    easier: null,
    harder: null,
    dose: { sets: 1, reps: 10 },
    effort: 2,
    cues: ['Move slowly.', 'Breathe out as you push.'],
    cautions: [],
    gentle: false,
    purpose: 'Test exercise.',
    trains: DEFAULT_TRAINS[type],
    support: type === 'balance' ? 'supported' : null,
    perSide: false,
    repHoldSeconds: null,
    ...over,
  };
}

const walk = (id: string, over: Partial<Exercise> = {}) =>
  ex(id, { type: 'cardio', style: 'walking', regions: ['knee', 'hip', 'low-back', 'widespread'], dose: { minutes: 10 }, ...over });
const stretch = (id: string, over: Partial<Exercise> = {}) =>
  ex(id, { type: 'flexibility', phase: 'cool-down', dose: { sets: 2, holdSeconds: 20 }, effort: 1, ...over });

const STAND: Exercise['trains'] = ['quadriceps', 'hip-extensors'];

export const LIBRARY: Exercise[] = [
  // cardio
  walk('easy-walk', { harder: 'brisk-walk', gentle: true }),
  walk('brisk-walk', { easier: 'easy-walk', effort: 3 }),
  walk('jog', { effort: 4, cautions: ['high-impact'] }),
  walk('bike', { style: 'cycling', position: 'seated', equipment: ['bike'] }),
  walk('seated-march', { style: 'seated', position: 'seated', gentle: true }),
  // strength: a three-rung ladder, plus floor, equipment and spinal-load cases
  ex('sit-to-stand-high', { regions: ['knee', 'hip', 'widespread'], harder: 'sit-to-stand', trains: STAND }),
  ex('sit-to-stand', { regions: ['knee', 'hip', 'widespread'], easier: 'sit-to-stand-high', harder: 'sit-to-stand-weights', effort: 3, trains: STAND }),
  ex('sit-to-stand-weights', { regions: ['knee', 'hip'], easier: 'sit-to-stand', equipment: ['dumbbells'], effort: 3, trains: STAND }),
  ex('bridge', { regions: ['low-back', 'hip'], position: 'floor', trains: ['hip-extensors'] }),
  ex('wall-push', { regions: ['shoulder', 'neck', 'widespread'], trains: ['arms'] }),
  ex('curl-up', { regions: ['low-back'], cautions: ['loaded-flexion', 'back-flare'], effort: 3, trains: ['trunk'] }),
  ex('band-chop', { regions: ['low-back'], equipment: ['band'], cautions: ['loaded-twist', 'back-flare'], effort: 3, trains: ['trunk'] }),
  ex('hard-squat', { regions: ['knee'], effort: 4 }),
  // flexibility
  stretch('hamstring-stretch', { regions: ['knee', 'hip', 'low-back'], position: 'seated' }),
  stretch('side-bend', { regions: ['low-back', 'widespread'], position: 'seated', dose: { sets: 2, holdSeconds: 15 }, gentle: true }),
  stretch('knee-to-chest', { regions: ['low-back', 'hip'], position: 'floor', gentle: true }),
  stretch('neck-stretch', { regions: ['neck', 'shoulder', 'widespread'], position: 'seated', gentle: true }),
  // mind-body
  ex('breathing', { type: 'mind-body', style: 'breathing', regions: ['widespread', 'low-back'], position: 'seated', phase: 'cool-down', dose: { minutes: 3 }, effort: 1, gentle: true }),
  ex('chair-yoga', { type: 'mind-body', style: 'yoga', regions: ['widespread', 'low-back', 'knee'], position: 'seated', dose: { minutes: 6 }, gentle: true }),
  ex('floor-pilates', { type: 'mind-body', style: 'pilates', regions: ['low-back'], position: 'floor', dose: { sets: 1, reps: 8 } }),
  // balance
  ex('tandem-stance', { type: 'balance', style: 'balance', regions: ['hip', 'knee', 'ankle-foot'], dose: { sets: 2, holdSeconds: 20 }, harder: 'single-leg-stance' }),
  ex('single-leg-stance', { type: 'balance', style: 'balance', regions: ['hip', 'knee', 'ankle-foot'], dose: { sets: 2, holdSeconds: 20 }, easier: 'tandem-stance', effort: 3 }),
];

export function input(over: Partial<SessionInput> = {}): SessionInput {
  return {
    date: START,
    intake: intake(),
    library: LIBRARY,
    checkins: [],
    completions: [],
    swaps: [],
    screening: PROCEED,
    ...over,
  };
}

export interface DayLog {
  pain?: number;
  during?: number | null;
  /** Which of the session's exercises were done: all (default), none, or a count. */
  did?: 'all' | 'none' | number;
}

/**
 * Lives through the plan day by day from the intake date up to (not including) `until`: each day
 * the session is built, then `log` says what the person reported. Returns the facts gathered.
 */
export function live(
  base: SessionInput,
  until: IsoDate,
  log: (date: IsoDate, s: Session) => DayLog | null,
): Pick<SessionInput, 'checkins' | 'completions'> {
  const checkins = [...base.checkins];
  const completions = [...base.completions];
  for (let date = base.intake.date; date < until; date = addDays(date, 1)) {
    const s = buildSession({ ...base, date, checkins, completions });
    const entry = log(date, s);
    if (!entry) continue;
    const planned = s.exercises.filter((e) => !e.optional);
    const n = entry.did === 'none' ? 0 : entry.did === undefined || entry.did === 'all' ? planned.length : entry.did;
    completions.push(...done(date, ...planned.slice(0, n).map((e) => e.id)));
    if (entry.pain !== undefined) checkins.push(checkin(date, entry.pain, { during: entry.during ?? null }));
  }
  return { checkins, completions };
}
