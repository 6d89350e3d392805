// Property test over random valid intakes with the real library (issue 3, "Done when"):
// sessions fit the minutes, respect floor / equipment / osteoporosis / light-only, strength on
// ≥ 2 days a week when there are ≥ 3 days, balance when called for, first cardio ≤ walkMinutes,
// effort ≤ the screening's maximum, flexibility in every session.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import type { Exercise } from '../../src/domain/exercise';
import type { Checkin, Completion } from '../../src/domain/facts';
import type { IntakeAnswers } from '../../src/domain/intake';
import { balanceCalledFor, isDeconditioned, NO_WALK_CARDIO_MINUTES, strengthFromLevel } from '../../src/domain/plan';
import { MAX_BOUT_MINUTES_DECONDITIONED, WIDESPREAD_START_MINUTES } from '../../src/domain/rules';
import { screen } from '../../src/domain/screening';
import { buildWeek, type Session } from '../../src/domain/session';
import { CARDIO_LIKES, EQUIPMENT, MIND_BODY_LIKES, REGIONS, WEEKDAYS } from '../../src/domain/vocab';
import { loadLibrary } from '../../src/schema/exercise';
import { answers as baseAnswers, checkin, done, intake, START } from './fixtures';

const library = loadLibrary();
const byId = new Map(library.map((e) => [e.id, e]));

const intakeAnswers: fc.Arbitrary<IntakeAnswers> = fc
  .record({
    age: fc.integer({ min: 18, max: 100 }),
    regions: fc.subarray([...REGIONS], { minLength: 1, maxLength: 4 }),
    average: fc.integer({ min: 0, max: 10 }),
    walkMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 120 })),
    floor: fc.boolean(),
    balanceWorries: fc.boolean(),
    osteoporosis: fc.boolean(),
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
    minutes: fc.integer({ min: 10, max: 60 }),
    cardio: fc.subarray([...CARDIO_LIKES]),
    mindBody: fc.subarray([...MIND_BODY_LIKES]),
    equipment: fc.subarray([...EQUIPMENT]),
    // Any readiness "yes" except the two that stop the plan → light intensity only.
    readinessYes: fc.subarray(['heartCondition', 'dizziness', 'otherCondition', 'medication', 'boneJoint'] as const),
    nonUrgent: fc.subarray(['weightLoss', 'nightPain', 'morningStiffness'] as const, { maxLength: 1 }),
  })
  .map((r) => {
    const a = baseAnswers();
    return {
      ...a,
      about: { age: r.age },
      readiness: { ...a.readiness, ...Object.fromEntries(r.readinessYes.map((q) => [q, true])) },
      redFlags: { ...a.redFlags, ...Object.fromEntries(r.nonUrgent.map((q) => [q, true])) },
      pain: { ...a.pain, regions: r.regions, average: r.average },
      ability: { walkMinutes: r.walkMinutes, floor: r.floor, balanceWorries: r.balanceWorries, osteoporosis: r.osteoporosis },
      schedule: { days: r.days, minutes: r.minutes },
      likes: { cardio: r.cardio, mindBody: r.mindBody, equipment: r.equipment },
    };
  });

/** Three plan weeks lived well: every session done, pain steady, so doses progress. */
function threeWeeks(a: IntakeAnswers): { sessions: Session[]; maxEffort: number } {
  const rec = intake(a);
  const screening = screen(a, rec.date, START);
  const checkins: Checkin[] = [];
  const completions: Completion[] = [];
  const pain = Math.min(a.pain.average, 7); // steady, never a flare
  const sessions: Session[] = [];
  for (let w = 0; w < 3; w++) {
    // Within a week lived well nothing changes the week's sessions, so a week is built at once.
    const week = buildWeek({ date: addDays(START, 7 * w), intake: rec, library, checkins, completions, swaps: [], screening });
    for (const s of week) {
      checkins.push(checkin(s.date, pain, { during: s.status === 'session' ? 2 : null }));
      if (s.status === 'session') completions.push(...done(s.date, ...s.exercises.map((e) => e.id)));
    }
    sessions.push(...week);
  }
  return { sessions, maxEffort: screening.maxEffort };
}

const lookup = (id: string): Exercise => {
  const e = byId.get(id);
  if (!e) throw new Error(`unknown exercise ${id}`);
  return e;
};

describe('property: random valid intakes, real library, weeks 1–3', () => {
  it('every session keeps the §1a, §4 and §6 rules', () => {
    fc.assert(
      fc.property(intakeAnswers, (a) => {
        const { sessions, maxEffort } = threeWeeks(a);
        const scheduled = sessions.filter((s) => s.status === 'session');
        expect(scheduled.length).toBe(a.schedule.days.length * 3);
        for (const s of scheduled) {
          // Fits the minutes (widespread pain: about 10 minutes a day in week 1).
          expect(s.minutes).toBeLessThanOrEqual(a.schedule.minutes);
          // §6 widespread pain: about 10 minutes a day to start, never below what the person can
          // already walk comfortably.
          if (s.week === 1 && a.pain.regions.includes('widespread')) expect(s.minutes).toBeLessThanOrEqual(Math.max(WIDESPREAD_START_MINUTES, a.ability.walkMinutes));
          expect(s.exercises.some((e) => e.type === 'flexibility')).toBe(true);
          if (balanceCalledFor(a)) expect(s.exercises.some((e) => e.type === 'balance')).toBe(true);
          for (const e of s.exercises) {
            const x = lookup(e.id);
            if (!a.ability.floor) expect(x.position).not.toBe('floor');
            for (const q of x.equipment) expect(a.likes.equipment).toContain(q);
            if (a.ability.osteoporosis) expect(x.cautions.filter((c) => c === 'loaded-flexion' || c === 'loaded-twist')).toEqual([]);
            expect(x.cautions).not.toContain('high-impact');
            expect(e.effort).toBeLessThanOrEqual(maxEffort);
            if (e.type === 'cardio' && isDeconditioned(a)) expect(e.minutes! / (e.bouts ?? 1)).toBeLessThanOrEqual(MAX_BOUT_MINUTES_DECONDITIONED);
          }
        }
        // First cardio dose ≤ walkMinutes (someone who cannot walk yet: a very short seated option).
        for (const s of scheduled.filter((x) => x.week === 1)) {
          for (const e of s.exercises.filter((x) => x.type === 'cardio')) {
            if (a.ability.walkMinutes === 0) {
              expect(e.position).toBe('seated');
              expect(e.minutes).toBeLessThanOrEqual(NO_WALK_CARDIO_MINUTES);
            } else {
              expect(e.minutes).toBeLessThanOrEqual(a.ability.walkMinutes);
            }
          }
        }
        // Strength on ≥ 2 days of every plan week when there are ≥ 3 days, except that widespread
        // pain alone starts with aerobic and mind-body work only, "then strength" (§6, EULAR 2016):
        // none in its first weeks, as many days as anyone's once it joins.
        if (a.schedule.days.length >= 3) {
          for (const week of [1, 2, 3]) {
            const strengthDays = scheduled.filter((s) => s.week === week && s.exercises.some((e) => e.type === 'strength'));
            const level = scheduled.find((s) => s.week === week)?.progress.level ?? 0;
            if (level < strengthFromLevel(a)) {
              expect(strengthDays, `week ${week} (level ${level}) of widespread pain alone`).toEqual([]);
              continue;
            }
            expect(strengthDays.length).toBeGreaterThanOrEqual(2);
          }
        }
        if (maxEffort === 3) expect(a.readiness).not.toEqual(baseAnswers().readiness);
      }),
      { numRuns: 200 },
    );
  });
});
