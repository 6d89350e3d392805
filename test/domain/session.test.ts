import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate, weekdayOf } from '../../src/domain/dates';
import type { IntakeAnswers } from '../../src/domain/intake';
import {
  buildSession,
  buildWeek,
  checkSwap,
  focusOf,
  SESSION_MESSAGES,
  type SessionInput,
  swapCandidates,
  swapsInForce,
} from '../../src/domain/session';
import { answers, checkin, input, intake, LIBRARY, LIGHT, live, PROCEED, START, swap } from './fixtures';

const d = (k: number) => addDays(START, k);
const at = (date: IsoDate, over: Partial<SessionInput> = {}) => buildSession(input({ ...over, date }));
const withAnswers = (a: IntakeAnswers, over: Partial<SessionInput> = {}) => input({ intake: intake(a), ...over });

describe('today: status (design.md `today --json`)', () => {
  it('§1 stop (screening outcome stop): no exercises, the referral notes, exit-3 material', () => {
    const s = at(START, { screening: { outcome: 'stop', maxEffort: 0, progressionPaused: false, notes: ['Please see a doctor within 24 hours.'] } });
    expect(s).toMatchObject({ status: 'stop', exercises: [], minutes: 0, week: 1 });
    expect(s.notes).toEqual(['Please see a doctor within 24 hours.', SESSION_MESSAGES.disclaimer]);
  });

  it('rest on a day off: minutes 0, at most one optional gentle walk or breathing', () => {
    for (const date of [d(1), d(3)]) {
      const s = at(date);
      expect(s).toMatchObject({ status: 'rest', minutes: 0 });
      expect(s.exercises.length).toBe(1);
      expect(s.exercises[0]).toMatchObject({ optional: true });
      expect(['walking', 'breathing']).toContain(LIBRARY.find((e) => e.id === s.exercises[0]!.id)!.style);
      expect(s.notes.at(-1)).toBe(SESSION_MESSAGES.disclaimer);
    }
  });

  it('session on a scheduled day, with every field of the contract', () => {
    const s = at(START);
    expect(s.status).toBe('session');
    expect(Object.keys(s).sort()).toEqual(['date', 'exercises', 'focus', 'minutes', 'notes', 'progress', 'status', 'targets', 'walk', 'week']);
    for (const e of s.exercises) {
      expect(e).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), type: expect.any(String), position: expect.any(String), effort: expect.any(Number) }));
      expect(Array.isArray(e.equipment) && Array.isArray(e.regions) && Array.isArray(e.cues)).toBe(true);
      expect(['sets', 'reps', 'holdSeconds', 'minutes'].some((k) => k in e)).toBe(true);
    }
    expect(s.minutes).toBeGreaterThan(0);
    expect(s.minutes).toBeLessThanOrEqual(20);
  });

  it('order: warm-up → main → cool-down', () => {
    const order = { 'warm-up': 0, main: 1, 'cool-down': 2 } as const;
    for (const k of [0, 2, 4]) {
      const phases = at(d(k)).exercises.map((e) => order[e.phase]);
      expect(phases).toEqual([...phases].sort());
    }
  });

  it('a date before the intake is refused (the command passes the intake in force)', () => {
    expect(() => at(d(-1))).toThrow(RangeError);
  });
});

describe('§3 §4 §7 notes: plain words, always the disclaimer', () => {
  it('§3 the 5/10 rule and §7 the disclaimer on every session day; §3 soreness note in week 1 (Geneen 2017; NICE NG226)', () => {
    const s = at(START, { screening: LIGHT });
    expect(s.notes).toContain(SESSION_MESSAGES.painRule);
    expect(s.notes).toContain(SESSION_MESSAGES.soreness);
    expect(s.notes).toContain('light note');
    expect(s.notes.at(-1)).toBe('painfit does not replace advice from your doctor or physiotherapist.');
    expect(at(d(7)).notes).not.toContain(SESSION_MESSAGES.soreness);
  });

  it('§1a light-only readiness: every effort ≤ 3', () => {
    for (let k = 0; k < 7; k++) for (const e of at(d(k), { screening: LIGHT }).exercises) expect(e.effort).toBeLessThanOrEqual(3);
  });

  it('focus says what today is about', () => {
    const lib = (id: string) => LIBRARY.find((e) => e.id === id)!;
    expect(focusOf([lib('sit-to-stand'), lib('bridge'), lib('easy-walk'), lib('hamstring-stretch')], ['knee', 'hip'])).toBe(
      'strength for knee and hip, walking, stretching',
    );
  });
});

describe('§3 a broken rule at the starting level', () => {
  it('§3 pain during 6/10 in week 1: doses cannot go lower, so the note says they stay at the start and to ease off', () => {
    const s = at(d(2), { checkins: [checkin(d(0), 4, { during: 6 })] });
    expect(s.notes[0]).toBe(
      'Doses stay at the starting level because pain during exercise reached 6 out of 10 on Mon 5 Jan, above the 5 out of 10 limit. Ease off any exercise that takes pain above 5.',
    );
  });
});

describe('§4 cardio bouts (ACSM arthritis; WHO 2020)', () => {
  it('§4 deconditioned starters (walk < 20 min) get cardio in bouts of ≤ 10 minutes', () => {
    const a = answers({ ability: { walkMinutes: 19, floor: true, balanceWorries: false, osteoporosis: false }, schedule: { days: ['mon', 'wed', 'fri'], minutes: 40 } });
    const walk = buildSession({ ...withAnswers(a), date: d(2) }).exercises.find((e) => e.type === 'cardio')!;
    expect(walk.minutes).toBe(14);
    expect(walk.bouts).toBe(2);
  });
  it('§4 someone who walks 30 minutes gets one continuous bout', () => {
    const a = answers({ ability: { walkMinutes: 30, floor: true, balanceWorries: false, osteoporosis: false }, schedule: { days: ['mon', 'wed', 'fri'], minutes: 40 } });
    const walk = buildSession({ ...withAnswers(a), date: d(2) }).exercises.find((e) => e.type === 'cardio')!;
    expect(walk.minutes).toBeLessThanOrEqual(30);
    expect(walk.bouts).toBeUndefined();
  });
});

describe('§5 flare days in the session', () => {
  const isScheduled = (date: IsoDate) => ['mon', 'wed', 'fri'].includes(weekdayOf(date));

  it('§5 a spike (4 → 8) → the next day is a flare-day session with about half the volume and a note why', () => {
    // Usual pain 4; Tuesday of week 2 a spike to 8; Wednesday is a scheduled day.
    const tuesday = d(8);
    const wednesday = d(9);
    const facts = live(input(), wednesday, (date) => (date === tuesday ? { pain: 8 } : isScheduled(date) ? { pain: 4, during: 2 } : { pain: 4 }));
    const flareDay = at(wednesday, facts);
    // The same Wednesday without the spike (week 2's doses are a step up on week 1's since issue 10).
    const usualWednesday = at(wednesday, live(input(), wednesday, (date) => (isScheduled(date) ? { pain: 4, during: 2 } : { pain: 4 })));
    expect(at(tuesday, facts).status).toBe('flare'); // the day of the spike, a day off: rest, with the flare notes
    expect(flareDay.status).toBe('flare');
    expect(flareDay.notes[0]).toBe('Your pain was 8 yesterday, well above your usual 4, so today is still a lighter flare-day session.');
    expect(flareDay.minutes).toBeLessThanOrEqual(Math.ceil(usualWednesday.minutes / 2));
    expect(flareDay.minutes).toBeGreaterThanOrEqual(Math.floor(usualWednesday.minutes / 4));
    expect(flareDay.notes).toContain(SESSION_MESSAGES.painRule);
    expect(flareDay.notes.at(-1)).toBe(SESSION_MESSAGES.disclaimer);
  });

  it('§5 a spike logged today makes today a flare day', () => {
    const s = at(d(2), { checkins: [checkin(d(2), 9)] });
    expect(s.status).toBe('flare');
    expect(s.notes[0]).toBe('Your pain was 9 today, well above your usual 4, so today is a lighter flare-day session.');
  });

  it('§5 a flare on a day off: status flare, minutes 0, one optional gentle extra, the flare notes', () => {
    const s = at(d(1), { checkins: [checkin(d(1), 8)] });
    expect(s).toMatchObject({ status: 'flare', minutes: 0 });
    expect(s.exercises.every((e) => e.optional === true && e.effort <= 2)).toBe(true);
    expect(s.notes[0]).toMatch(/^Your pain was 8 today/);
  });

  it('§5 flare-day walking comes in short bouts', () => {
    const a = answers({ ability: { walkMinutes: 40, floor: true, balanceWorries: false, osteoporosis: false }, schedule: { days: ['mon', 'wed', 'fri'], minutes: 60 } });
    const s = buildSession({ ...withAnswers(a), date: d(2), checkins: [checkin(d(2), 9)] });
    const walk = s.exercises.find((e) => e.type === 'cardio')!;
    expect(walk.minutes! / (walk.bouts ?? 1)).toBeLessThanOrEqual(5);
  });
});

describe('swaps (stored facts; later sessions honour them)', () => {
  const rec = intake(answers({ pain: { regions: ['knee'] }, likes: { cardio: ['walking'], mindBody: [], equipment: ['band'] } }));
  it.each<[string, string, string, IntakeAnswers | null, boolean, RegExp | null]>([
    ['same type, fits → ok', 'easy-walk', 'seated-march', null, true, null],
    ['different type → refused', 'easy-walk', 'bridge', null, false, /same kind of exercise/],
    ['floor without ability.floor → refused', 'sit-to-stand', 'bridge', answers({ ability: { walkMinutes: 10, floor: false, balanceWorries: false, osteoporosis: false } }), false, /floor/],
    ['equipment they lack → refused', 'easy-walk', 'bike', null, false, /exercise bike/],
    ['osteoporosis and loaded flexion → refused (Giangregorio 2014)', 'sit-to-stand', 'curl-up', answers({ ability: { walkMinutes: 10, floor: true, balanceWorries: false, osteoporosis: true } }), false, /thinning bones/],
    ['high-impact → refused (OARSI 2019)', 'easy-walk', 'jog', null, false, /jumping or jogging/],
    ['effort above the light-only limit → refused (PAR-Q+)', 'sit-to-stand', 'hard-squat', null, false, /3 out of 10/],
    ['unknown exercise → refused', 'easy-walk', 'moon-walk', null, false, /no exercise called "moon-walk"/],
  ])('checkSwap: %s', (_n, from, to, a, ok, reason) => {
    const r = checkSwap(from, to, a ? intake(a) : rec, LIBRARY, LIGHT);
    expect(r.ok).toBe(ok);
    if (!r.ok && reason) expect(r.reason).toMatch(reason);
  });

  it('swapCandidates: same type, fitting, not the exercise itself', () => {
    const list = swapCandidates(LIBRARY.find((e) => e.id === 'easy-walk')!, rec, LIBRARY, PROCEED).map((e) => e.id);
    expect(list).toEqual(expect.arrayContaining(['brisk-walk', 'seated-march']));
    expect(list).not.toContain('easy-walk');
    expect(list).not.toContain('jog');
    expect(list).not.toContain('bike');
  });

  it('swaps in force: dated on or before the day, the latest per exercise wins', () => {
    const swaps = [swap(d(0), 'a', 'b', 1), swap(d(3), 'a', 'c', 2), swap(d(9), 'a', 'd', 3)];
    expect(swapsInForce(swaps, d(5)).get('a')?.withId).toBe('c');
    expect(swapsInForce(swaps, d(1)).get('a')?.withId).toBe('b');
  });

  it('a swap replaces the exercise everywhere it appears, from its date, at the original dose', () => {
    const base = input({ intake: rec });
    const original = buildSession({ ...base, date: d(0) }).exercises.find((e) => e.type === 'cardio')!;
    const swaps = [swap(d(1), original.id, 'seated-march')];
    const before = buildSession({ ...base, swaps, date: d(0) }).exercises.map((e) => e.id);
    const after = buildSession({ ...base, swaps, date: d(7) });
    const replaced = after.exercises.find((e) => e.id === 'seated-march')!;
    expect(before).toContain(original.id);
    expect(after.exercises.map((e) => e.id)).not.toContain(original.id);
    expect(replaced).toMatchObject({ swappedFrom: original.id, minutes: original.minutes });
  });

  it('swapping back to the original ends the swap', () => {
    const base = input({ intake: rec });
    const original = buildSession({ ...base, date: d(0) }).exercises.find((e) => e.type === 'cardio')!;
    const swaps = [swap(d(0), original.id, 'seated-march', 1), swap(d(2), 'seated-march', original.id, 2)];
    const s = buildSession({ ...base, swaps, date: d(7) });
    expect(s.exercises.find((e) => e.type === 'cardio')).toMatchObject({ id: original.id });
    expect(s.exercises.find((e) => e.type === 'cardio')?.swappedFrom).toBeUndefined();
  });
});

describe('plan: the week at a glance', () => {
  it('buildWeek gives seven days from the date asked', () => {
    const week = buildWeek(input({ date: d(2) }));
    expect(week.map((s) => s.date)).toEqual(Array.from({ length: 7 }, (_, k) => d(2 + k)));
    expect(week.map((s) => s.status)).toEqual(['session', 'rest', 'session', 'rest', 'rest', 'session', 'rest']);
  });
  it('buildWeek matches buildSession day by day', () => {
    const checkins = [checkin(d(0), 4), checkin(d(1), 4), checkin(d(2), 8)];
    const week = buildWeek(input({ date: d(0), checkins }));
    week.forEach((s) => expect(s).toEqual(at(s.date, { checkins })));
  });
});
