import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import type { Checkin } from '../../src/domain/facts';
import {
  buildFlareDay,
  FLARE_MESSAGES,
  flareNotes,
  flareTimeline,
  flareTrigger,
  groupByDate,
  referenceLevel,
} from '../../src/domain/flare';
import { estimateMinutes } from '../../src/domain/plan';
import { answers, checkin, days, LIBRARY, START } from './fixtures';

const d = (k: number) => addDays(START, k);
/** Usual pain of 4 on each of the days before `day`. */
const usual = (from: number, to: number, pain = 4): Checkin[] => days(d(from), to - from).map((date) => checkin(date, pain));
const timelineOf = (checkins: Checkin[], until: number, intakeAverage = 4) => flareTimeline(checkins, START, d(until), intakeAverage);
const lastDay = (checkins: Checkin[], until: number, intakeAverage = 4) => timelineOf(checkins, until, intakeAverage).at(-1)!;

describe('§5 reference level (NICE NG193; DEFAULT thresholds)', () => {
  it.each([
    ['mean of the 7 days before', [3, 4, 5, 4], new Set<string>(), 4],
    ['fewer than 3 check-ins → intake average', [2, 2], new Set<string>(), 6],
  ])('§5 reference: %s', (_n, pains, flareDays, expected) => {
    const checkins = pains.map((p, i) => checkin(d(i), p));
    expect(referenceLevel(groupByDate(checkins), d(7), flareDays, 6).level).toBe(expected);
  });

  it('§5 reference leaves out flare days', () => {
    const checkins = [checkin(d(0), 4), checkin(d(1), 4), checkin(d(2), 9), checkin(d(3), 4)];
    expect(referenceLevel(groupByDate(checkins), d(7), new Set([d(2)]), 6).level).toBe(4);
  });

  it('§5 reference only looks back 7 days', () => {
    const checkins = [checkin(d(0), 9), ...usual(1, 8, 3)];
    expect(referenceLevel(groupByDate(checkins), d(8), new Set(), 6).level).toBe(3);
  });

  it('§5 in the replay, a flare day is left out of later reference levels', () => {
    const checkins = [...usual(0, 5), checkin(d(5), 9), checkin(d(6), 4), checkin(d(7), 4)];
    const day = timelineOf(checkins, 8).at(-1)!;
    expect(timelineOf(checkins, 8)[5]!.flareDay).toBe(true);
    expect(day.reference).toBe(4); // the 9 does not count
  });
});

describe('§5 what counts as a flare (NICE NG193; CUH NHS; DEFAULT thresholds)', () => {
  it.each([
    ['+2 above the reference → flare (rise)', { pain: 6, during: null }, 4, 0, 'rise'],
    ['+1 above the reference → no flare', { pain: 5, during: null }, 4, 0, null],
    ['a check-in ≥ 8 with a reference below 7 → flare', { pain: 8, during: null }, 6.5, 0, 'high'],
    ['8 with a reference of 7 → no flare (entry and exit never overlap)', { pain: 8, during: null }, 7, 0, null],
    ['a steady usual 8 → no flare', { pain: 8, during: null }, 8, 0, null],
    ['9 with a reference of 8 → no flare (a rise needs 10)', { pain: 9, during: null }, 8, 0, null],
    ['10 with a reference of 8 → flare (rise)', { pain: 10, during: null }, 8, 0, 'rise'],
    ['7 with reference 6 → no flare', { pain: 7, during: null }, 6, 0, null],
    ['pain during > 5 on two sessions running → flare', { pain: 4, during: 6 }, 4, 2, 'during'],
    ['pain during > 5 once → no flare (a §3 broken rule instead)', { pain: 4, during: 6 }, 4, 1, null],
    ['pain during exactly 5 → no flare', { pain: 4, during: 5 }, 4, 2, null],
  ] as const)('§5 %s', (_n, c, reference, run, expected) => {
    expect(flareTrigger(c, reference, run)).toBe(expected);
  });

  it('§5 a spike from 4 to 8 makes that day (and the next) a flare day', () => {
    const checkins = [...usual(0, 6), checkin(d(6), 8)];
    const t = timelineOf(checkins, 7);
    expect(t[6]!.active?.trigger).toMatchObject({ kind: 'rise', pain: 8 });
    expect(t[6]!.flareDay).toBe(true);
    expect(t[7]!.active).not.toBeNull();
  });

  it('§5 the intake average is the reference until there are 3 check-ins', () => {
    const checkins = [checkin(d(0), 5)];
    expect(lastDay(checkins, 0, 3).active?.trigger.kind).toBe('rise'); // 5 ≥ 3 + 2
    expect(lastDay(checkins, 0, 4).active).toBeNull();
  });

  it('§5 pain during exercise > 5 on two sessions running, with rest days between, is a flare', () => {
    const checkins = [...usual(0, 4), checkin(d(4), 4, { during: 6 }), checkin(d(5), 4), checkin(d(6), 4, { during: 7 })];
    const t = timelineOf(checkins, 6);
    expect(t[4]!.active).toBeNull();
    expect(t[6]!.active?.trigger.kind).toBe('during');
  });

  it('§5 pain during exercise > 5 twice, but not running, is no flare', () => {
    const checkins = [...usual(0, 4), checkin(d(4), 4, { during: 6 }), checkin(d(5), 4, { during: 3 }), checkin(d(6), 4, { during: 6 })];
    expect(lastDay(checkins, 6).active).toBeNull();
  });
});

describe('§5 leaving a flare', () => {
  const spike = [...usual(0, 6), checkin(d(6), 8)];
  it.each([
    ['two settled check-ins in a row (≤ reference + 1) → the flare is over', [5, 4], false],
    ['one settled check-in → still in the flare', [5], true],
    ['settled, then high, then settled → still in the flare (must be consecutive)', [5, 7, 5], true],
  ])('§5 %s', (_n, after, stillActive) => {
    const checkins = [...spike, ...after.map((p, i) => checkin(d(7 + i), p))];
    const last = lastDay(checkins, 6 + after.length);
    expect(last.active !== null).toBe(stillActive);
  });

  it('§5 leaving is measured against the reference the flare started from', () => {
    // Usual 4 → flare at 8; while flaring the window fills with high days, which are left out.
    const checkins = [...spike, checkin(d(7), 7), checkin(d(8), 7), checkin(d(9), 5), checkin(d(10), 5)];
    const t = timelineOf(checkins, 10);
    expect(t[9]!.active?.reference).toBe(4);
    expect(t[10]!.ended?.start).toBe(d(6));
    expect(t[10]!.active).toBeNull();
  });

  it('§5 a flare lasting more than 14 days asks the red-flag questions again', () => {
    const checkins = [...spike, ...days(d(7), 14).map((date) => checkin(date, 7))];
    const t = timelineOf(checkins, 20);
    const flare = t[20]!.active!;
    expect(flareNotes(flare, d(19), (x) => x)).not.toContain(FLARE_MESSAGES.rescreen);
    expect(flareNotes(flare, d(20), (x) => x)).toContain(FLARE_MESSAGES.rescreen);
  });
});

describe('§5 the flare-day plan', () => {
  const a = answers({ pain: { regions: ['low-back', 'knee'] }, ability: { walkMinutes: 20, floor: true, balanceWorries: false, osteoporosis: false } });
  const items = buildFlareDay(a, LIBRARY, { maxEffort: 4, usualMinutes: 20, usualCardioMinutes: 10, index: 0 });
  const minutes = items.reduce((s, i) => s + estimateMinutes(i.exercise, i.dose), 0);

  it('§5 about half the usual volume (FLARE_VOLUME_FRACTION)', () => {
    expect(minutes).toBeLessThanOrEqual(10);
    expect(minutes).toBeGreaterThanOrEqual(6);
  });
  it('§5 gentle range of motion, walking in short bouts, breathing and relaxation', () => {
    expect(items.map((i) => i.exercise.type)).toEqual(expect.arrayContaining(['flexibility', 'cardio']));
    expect(items.every((i) => i.exercise.effort <= 2)).toBe(true);
    expect(items.filter((i) => i.exercise.type === 'flexibility').every((i) => i.exercise.gentle)).toBe(true);
    const walk = items.find((i) => i.exercise.type === 'cardio')!;
    expect(walk.exercise.style).toBe('walking');
    expect('minutes' in walk.dose && walk.dose.minutes).toBe(5);
  });
  it('§5/§6 no loaded back bending or twisting on a flare day (DEFAULT caution)', () => {
    expect(items.flatMap((i) => i.exercise.cautions)).toEqual([]);
  });
  it('§5 the message: common, 2–7 days, not new damage, bed rest does not help', () => {
    expect(FLARE_MESSAGES.reassure).toMatch(/common/);
    expect(FLARE_MESSAGES.reassure).toMatch(/2 to 7 days/);
    expect(FLARE_MESSAGES.reassure).toMatch(/not a sign of new damage/);
    expect(FLARE_MESSAGES.reassure).toMatch(/bed rest/);
  });
});
