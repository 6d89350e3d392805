// Issue 9 "Done when": a property test over random intakes with the real library. Exercises are
// chosen by clinical purpose (clinical-rules.md §4 balance, strength spacing, rounding; §6 region
// cores, osteoporosis, widespread pain) and every session fits its minutes, counting the holds
// written in the cues.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/domain/dates';
import { BONE_CAUTIONS, type Exercise } from '../../src/domain/exercise';
import type { Checkin, Completion } from '../../src/domain/facts';
import { FOLLOW_UPS, type IntakeAnswers, MOOD_QUESTIONS } from '../../src/domain/intake';
import { BALANCE_AGE, SINGLE_LEG_START_MIN_WALK_MINUTES } from '../../src/domain/rules';
import { screen } from '../../src/domain/screening';
import { coreKeys, coresTrained, goalPractices, sharedMuscles, unmetNeeds } from '../../src/domain/selection';
import { buildWeek, type Session } from '../../src/domain/session';
import { CARDIO_LIKES, EQUIPMENT, MIND_BODY_LIKES, REGIONS, WEEKDAYS } from '../../src/domain/vocab';
import { loadLibrary } from '../../src/schema/exercise';
import { answers as baseAnswers, checkin, done, intake, START } from './fixtures';

const library = loadLibrary();
const byId = new Map(library.map((e) => [e.id, e]));
const lookup = (id: string): Exercise => {
  const e = byId.get(id);
  if (!e) throw new Error(`unknown exercise ${id}`);
  return e;
};

const intakeAnswers: fc.Arbitrary<IntakeAnswers> = fc
  .record({
    age: fc.integer({ min: 18, max: 100 }),
    regions: fc.subarray([...REGIONS], { minLength: 1, maxLength: 4 }),
    average: fc.integer({ min: 0, max: 10 }),
    walkMinutes: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 120 })),
    floor: fc.boolean(),
    balanceWorries: fc.boolean(),
    osteoporosis: fc.boolean(),
    dizziness: fc.boolean(),
    // Version 2 (design.md): readiness follow-ups, mood, a dated clearance or none.
    boneJoint: fc.boolean(),
    followUps: fc.subarray([...FOLLOW_UPS]),
    otherYes: fc.subarray(['heartCondition', 'otherCondition', 'medication'] as const, { maxLength: 1 }),
    mood: fc.subarray([...MOOD_QUESTIONS]),
    cleared: fc.boolean(),
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
    minutes: fc.integer({ min: 10, max: 60 }),
    cardio: fc.subarray([...CARDIO_LIKES]),
    mindBody: fc.subarray([...MIND_BODY_LIKES]),
    equipment: fc.subarray([...EQUIPMENT]),
    goals: fc.subarray(['climb the stairs at home', 'get up from the floor', 'carry the shopping', 'walk the dog', 'play the piano'], {
      minLength: 1,
      maxLength: 3,
    }),
  })
  .map((r) => {
    const a = baseAnswers();
    return {
      ...a,
      about: { age: r.age },
      version: 2 as const,
      readiness: {
        ...a.readiness,
        ...Object.fromEntries(r.otherYes.map((q) => [q, true])),
        dizziness: r.dizziness,
        boneJoint: r.boneJoint,
        // Follow-ups are asked only after a bone/joint "yes" (all false otherwise).
        followUps: Object.fromEntries(FOLLOW_UPS.map((f) => [f, r.boneJoint && r.followUps.includes(f)])) as IntakeAnswers['readiness']['followUps'],
      },
      mood: Object.fromEntries(MOOD_QUESTIONS.map((m) => [m, r.mood.includes(m)])) as IntakeAnswers['mood'],
      clearance: r.cleared ? { date: START } : null,
      pain: { ...a.pain, regions: r.regions, average: r.average },
      goals: r.goals.map((activity) => ({ activity, score: 4 })),
      ability: { walkMinutes: r.walkMinutes, floor: r.floor, balanceWorries: r.balanceWorries, osteoporosis: r.osteoporosis },
      schedule: { days: r.days, minutes: r.minutes },
      likes: { cardio: r.cardio, mindBody: r.mindBody, equipment: r.equipment },
    };
  });

/** Three plan weeks lived well: every session done, pain steady, so doses progress. */
function threeWeeks(a: IntakeAnswers): Session[] {
  const rec = intake(a);
  const checkins: Checkin[] = [];
  const completions: Completion[] = [];
  const pain = Math.min(a.pain.average, 7); // steady, never a flare
  const sessions: Session[] = [];
  for (let w = 0; w < 3; w++) {
    const week = buildWeek({ date: addDays(START, 7 * w), intake: rec, library, checkins, completions, swaps: [], screening: screen(a, rec.date, addDays(START, 7 * w)) });
    for (const s of week) {
      checkins.push(checkin(s.date, pain, { during: s.status === 'session' ? 2 : null }));
      if (s.status === 'session') completions.push(...done(s.date, ...s.exercises.map((e) => e.id)));
    }
    sessions.push(...week);
  }
  return sessions;
}

// An independent reading of the cues: a hold inside each repetition, and "per side".
const NUMBER: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, ten: 10 };
function cueHold(e: Exercise): number {
  const m = /hold(?: each rep)?(?: for)? (one|two|three|four|five|ten) seconds?/i.exec(e.cues.join(' '));
  return m ? NUMBER[m[1]!.toLowerCase()]! : 0;
}
const cuePerSide = (e: Exercise): boolean =>
  e.perSide || /per side|swap sides|swap legs|swap arms|then the other side|other way|swap feet/i.test(e.cues.join(' '));

/** Seconds for the session as written: 4 s a rep plus any hold in the cues, both sides when per side. */
function secondsAsWritten(s: Session): number {
  let total = 0;
  for (const x of s.exercises) {
    const e = lookup(x.id);
    const sides = cuePerSide(e) ? 2 : 1;
    if (x.minutes !== undefined) total += x.minutes * 60 + 15;
    else if (x.holdSeconds !== undefined) total += (x.sets ?? 1) * x.holdSeconds * sides + ((x.sets ?? 1) - 1) * 10 + 15;
    else total += (x.sets ?? 1) * (x.reps ?? 0) * (4 + cueHold(e)) * sides + ((x.sets ?? 1) - 1) * 45 + 15;
  }
  return total;
}

/** Rounding slack: the session's minutes are whole, and holds are shown in 5 s steps. */
const SLACK_SECONDS = 60;

describe('property: exercises chosen for their clinical purpose (issue 9)', () => {
  it('300 random version 2 intakes, weeks 1–3: safe balance, bone safety, whole cores, spaced strength, fitting minutes', () => {
    fc.assert(
      fc.property(intakeAnswers, (a) => {
        const all = threeWeeks(a);
        const sessions = all.filter((s) => s.status === 'session');
        // Nothing in these answers stops the plan: every scheduled day is a session.
        expect(sessions.length, JSON.stringify(all.find((s) => s.status === 'stop')?.notes)).toBe(a.schedule.days.length * 3);
        const keys = coreKeys(a);
        const dizzy = a.readiness.dizziness;
        const walk = a.ability.walkMinutes;
        for (const s of sessions) {
          const exercises = s.exercises.filter((e) => !e.optional).map((e) => lookup(e.id));
          for (const x of exercises) {
            // §4 balance: walking balance only from 10 minutes' walking and never after dizziness;
            // standing balance only from 5 minutes' walking.
            if (walk < 10 || dizzy) expect(x.trains, `${x.id} for walk ${walk}, dizzy ${dizzy}`).not.toContain('gait');
            if (walk < 5) expect(x.support === 'supported' || x.support === 'free', `${x.id} for walk ${walk}`).toBe(false);
            if (dizzy) expect(x.support, x.id).not.toBe('free');
            // §6 osteoporosis: no loaded, repeated or end-range spinal bend or twist.
            if (a.ability.osteoporosis) expect(x.cautions.filter((c) => BONE_CAUTIONS.includes(c)), x.id).toEqual([]);
          }
          // §6 every session that trains a region holds its core.
          for (const key of coresTrained(exercises, keys)) {
            expect(unmetNeeds(exercises, key), `${s.date}: ${key} trained by ${exercises.map((e) => e.id).join(', ')}`).toEqual([]);
          }
          // §6 widespread pain: gentle aerobic work and mind-body in every session from the first
          // week (EULAR 2016).
          if (s.week === 1 && a.pain.regions.includes('widespread')) {
            expect(exercises.some((e) => e.type === 'mind-body'), `${s.date} week 1 mind-body: ${exercises.map((e) => e.id).join(', ')}`).toBe(true);
            expect(exercises.some((e) => e.type === 'cardio' && e.trains.includes('aerobic')), `${s.date} week 1 aerobic: ${exercises.map((e) => e.id).join(', ')}`).toBe(true);
          }
          // §4 balance starts on two feet holding support: one-leg standing (a yoga tree included)
          // is a later step, reached on feedback, for anyone who walks under 10 minutes or has
          // osteoporosis (physiotherapist's review, week 1).
          if (walk < SINGLE_LEG_START_MIN_WALK_MINUTES || a.ability.osteoporosis) {
            for (const x of exercises) expect(x.cautions, `${x.id} for walk ${walk}, osteoporosis ${a.ability.osteoporosis}`).not.toContain('single-leg');
          }
          // §6 goals: floor-transfer practice comes from a goal of getting up from the floor.
          if (!goalPractices(a).includes('floor-transfer')) {
            for (const x of exercises) expect(x.trains, `${x.id} without a floor goal`).not.toContain('floor-transfer');
          }
          // §4 the session fits its minutes, counting holds written in the cues and both sides.
          expect(secondsAsWritten(s), `${s.date}: ${s.exercises.map((e) => e.id).join(', ')}`).toBeLessThanOrEqual(
            a.schedule.minutes * 60 + SLACK_SECONDS,
          );
        }
        // §4 ≥ 48 h between strength work for the same muscles: none shared on adjacent days.
        for (const s of sessions) {
          const next = sessions.find((o) => daysBetween(s.date, o.date) === 1);
          if (!next) continue;
          const shared = sharedMuscles(s.exercises.map((e) => lookup(e.id)), next.exercises.map((e) => lookup(e.id)));
          expect(shared, `${s.date} → ${next.date}`).toEqual([]);
        }
        // §6 every core of the person is trained, whole, on at least one strength day each week,
        // when there are at least as many strength days as cores (physiotherapist's review: neck
        // pain beside a hip and widespread pain got no shoulder-blade work at all). Widespread
        // pain starts with about 10 minutes, aerobic and mind-body first (EULAR 2016: "then
        // strength"), so it needs two strength days per core.
        for (const week of [1, 2, 3]) {
          const strengthSessions = sessions
            .filter((s) => s.week === week)
            .map((s) => s.exercises.filter((e) => !e.optional).map((e) => lookup(e.id)))
            .filter((xs) => xs.some((x) => x.type === 'strength'));
          if (strengthSessions.length < keys.length * (a.pain.regions.includes('widespread') ? 2 : 1)) continue;
          for (const key of keys) {
            const whole = strengthSessions.some((xs) => coresTrained(xs, [key]).length > 0 && unmetNeeds(xs, key).length === 0);
            expect(whole, `week ${week}: the ${key} core is never trained whole`).toBe(true);
          }
        }
        // §4 balance on ≥ 3 days a week for osteoporosis, age ≥ 65 or balance worries (≥ 3 days scheduled).
        if ((a.ability.osteoporosis || a.about.age >= BALANCE_AGE || a.ability.balanceWorries) && a.schedule.days.length >= 3) {
          for (const week of [1, 2, 3]) {
            const days = sessions.filter((s) => s.week === week && s.exercises.some((e) => e.type === 'balance'));
            expect(days.length, `week ${week} balance days`).toBeGreaterThanOrEqual(3);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
