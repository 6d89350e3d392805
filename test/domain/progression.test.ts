import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate, weekdayOf } from '../../src/domain/dates';
import type { Dose } from '../../src/domain/exercise';
import type { Checkin, Completion, Feedback, FlareFact, Walk } from '../../src/domain/facts';
import { indexLibrary, limitsOf } from '../../src/domain/plan';
import {
  canRise,
  cardioEffort,
  type DayProgress,
  decideWeek,
  doseAtLevel,
  type FoldConfig,
  indexFacts,
  initialState,
  ladderKey,
  progressDays,
  replayWeek,
  sessionDone,
  stepUp,
  weekOf,
} from '../../src/domain/progression';
import { buildSession, type Session, type SessionInput } from '../../src/domain/session';
import { answers, checkin, done, ex, input, intake, LIBRARY, live, START } from './fixtures';

const d = (k: number) => addDays(START, k);

describe('§4 one weekly step (ACSM; OARSI; Bennell 2013: reps to 12, sets 1 → 2 → 3, reps to 15, then a rung up)', () => {
  const byId = indexLibrary(LIBRARY);
  const ctx = { byId, limits: limitsOf(answers(), 4), allowRungs: true };
  const step = (id: string, dose: Dose) => stepUp({ exercise: byId.get(id)!, dose, rungs: [id] }, ctx);
  it.each<[string, string, Dose, string, Dose]>([
    ['time +10 %, at least +1 min', 'easy-walk', { minutes: 8 }, 'easy-walk', { minutes: 9 }],
    ['time 20 min → 22 min', 'easy-walk', { minutes: 20 }, 'easy-walk', { minutes: 22 }],
    ['strength reps 10 → 11', 'sit-to-stand-high', { sets: 1, reps: 10 }, 'sit-to-stand-high', { sets: 1, reps: 11 }],
    ['strength reps 11 → 12, never above 12 before a set is added', 'sit-to-stand-high', { sets: 1, reps: 11 }, 'sit-to-stand-high', { sets: 1, reps: 12 }],
    ['strength 1 × 12 → 2 × 8 (a set more)', 'sit-to-stand-high', { sets: 1, reps: 12 }, 'sit-to-stand-high', { sets: 2, reps: 8 }],
    ['strength 2 × 12 → 3 × 8', 'sit-to-stand-high', { sets: 2, reps: 12 }, 'sit-to-stand-high', { sets: 3, reps: 8 }],
    ['strength 3 × 12 → 3 × 13 (reps to 15 at three sets)', 'sit-to-stand-high', { sets: 3, reps: 12 }, 'sit-to-stand-high', { sets: 3, reps: 13 }],
    ['strength 3 × 15 → the next rung at 2 × 8', 'sit-to-stand-high', { sets: 3, reps: 15 }, 'sit-to-stand', { sets: 2, reps: 8 }],
    ['holds in 5 s steps: 20 s → 25 s', 'hamstring-stretch', { sets: 2, holdSeconds: 20 }, 'hamstring-stretch', { sets: 2, holdSeconds: 25 }],
    ['holds 23 s → 25 s (round)', 'hamstring-stretch', { sets: 2, holdSeconds: 23 }, 'hamstring-stretch', { sets: 2, holdSeconds: 25 }],
    ['holds at 30 s, no harder rung → hold', 'hamstring-stretch', { sets: 2, holdSeconds: 30 }, 'hamstring-stretch', { sets: 2, holdSeconds: 30 }],
    // A balance exercise's own level rises only on "easy" (the fold, below and course.test.ts);
    // one such step at a full hold is the next, less-supported rung, if it fits the person.
    ['balance hold at 30 s, one "easy" step → the next rung, from a 15 s hold', 'tandem-stance', { sets: 2, holdSeconds: 30 }, 'single-leg-stance', { sets: 2, holdSeconds: 15 }],
    ['timed mind-body grows only to its library minutes', 'chair-yoga', { minutes: 6 }, 'chair-yoga', { minutes: 6 }],
  ])('§4 %s', (_n, id, dose, nextId, nextDose) => {
    const next = step(id, dose);
    expect(next.exercise.id).toBe(nextId);
    expect(next.dose).toEqual(nextDose);
  });

  it('§4 a rung up only if it fits: the dumbbell rung is skipped without dumbbells', () => {
    const next = step('sit-to-stand', { sets: 3, reps: 15 });
    expect(next.exercise.id).toBe('sit-to-stand');
    expect(next.dose).toEqual({ sets: 3, reps: 15 });
  });

  it('§4 the dose at a level replays the steps (and keeps every rung for swaps)', () => {
    // 1 × 10 → 1 × 11 → 1 × 12 → 2 × 8 → 2 × 9 → 2 × 10 → 2 × 11 → 2 × 12 → 3 × 8
    const item = doseAtLevel(byId.get('sit-to-stand-high')!, { sets: 1, reps: 10 }, 8, ctx);
    expect(item.dose).toEqual({ sets: 3, reps: 8 });
    expect(item.rungs).toEqual(['sit-to-stand-high']);
    // ... 3 × 9 … 3 × 12, 3 × 13, 3 × 14, 3 × 15 (level 15), then the next rung.
    const top = doseAtLevel(byId.get('sit-to-stand-high')!, { sets: 1, reps: 10 }, 16, ctx);
    expect(top.dose).toEqual({ sets: 2, reps: 8 });
    expect(top.rungs).toEqual(['sit-to-stand-high', 'sit-to-stand']);
  });

  it('per-exercise progress is kept under the ladder’s easiest rung', () => {
    expect(ladderKey('single-leg-stance', byId)).toBe('tandem-stance');
    expect(ladderKey('sit-to-stand-weights', byId)).toBe('sit-to-stand-high');
    expect(ladderKey('not-in-the-library', byId)).toBe('not-in-the-library');
  });
});

describe('§4 effort ladder (Borg CR10)', () => {
  it.each([
    ['not at the goal yet → easy', 11, 3, 30, 2],
    ['at the goal for under two weeks → easy', 11, 12, 30, 2],
    ['at the goal for two tolerated weeks → brisk', 11, 13, 30, 3],
    ['capped at 10 minutes from the start → brisk from level 2', 11, 2, 10, 3],
  ])('§4 cardio (ACSM: duration, then intensity): %s', (_n, start, level, goal, effort) => {
    expect(cardioEffort(start, level, goal)).toBe(effort);
  });
});

describe('§4 the weekly decision (time-contingent; ADHERENCE_TO_PROGRESS = 2/3)', () => {
  const week = (over: Partial<Parameters<typeof decideWeek>[0]>) => ({ planned: 3, done: 3, breaks: [], flare: false, paused: false, ...over });
  it.each<[string, Parameters<typeof decideWeek>[0], number, string]>([
    ['3 of 3 done, rules kept → up', week({}), 1, 'earned'],
    ['2 of 3 done → up (exactly 2/3)', week({ done: 2 }), 1, 'earned'],
    ['1 of 3 done → hold', week({ done: 1 }), 0, 'adherence'],
    ['nothing planned → hold', week({ planned: 0, done: 0 }), 0, 'adherence'],
    ['a §3 rule broken → back one step', week({ breaks: [{ rule: 'during', date: START, during: 6 }] }), -1, 'rule'],
    ['a flare that week → no step up (§5)', week({ flare: true }), 0, 'flare'],
    ['non-urgent red flag (§1b) → hold', week({ paused: true }), 0, 'paused'],
    ['paused but a rule broken → still back one step', week({ paused: true, breaks: [{ rule: 'during', date: START, during: 7 }] }), -1, 'rule'],
    ['back after a break → hold (the return already eased the doses)', week({ breakWeeks: 2 }), 0, 'break'],
    ['nothing left to grow → hold', week({ canRise: false }), 0, 'top'],
  ])('§4 %s', (_n, facts, step, reason) => {
    expect(decideWeek(facts)).toEqual({ step, reason });
  });

  it.each([
    [0, 4, false],
    [1, 4, false],
    [2, 4, true],
    [2, 3, true],
    [1, 3, false],
    [3, 0, false],
  ])('DEFAULT a session is done when ≥ half its exercises are done: %i of %i → %s', (doneCount, planned, expected) => {
    expect(sessionDone(doneCount, planned)).toBe(expected);
  });

  it.each([
    ['2026-01-05', 1],
    ['2026-01-11', 1],
    ['2026-01-12', 2],
    ['2026-01-26', 4],
  ])('week N is the 1-based week of the plan: %s → week %i', (date, n) => {
    expect(weekOf(START, date)).toBe(n);
  });
});

// ---------------------------------------------------------------------------------------------
// The fold itself, table-driven: each case a few weeks of facts → the decisions and levels.
// Sessions Mon/Wed/Fri (START is a Monday); usual pain 4; every exercise id is its own ladder,
// ids starting "bal-" are balance work. Doses differ at every level unless `top` says otherwise.

const MWF = ['mon', 'wed', 'fri'] as const;
const cfgOf = (over: Partial<FoldConfig> = {}): FoldConfig => ({
  intakeDate: START,
  intakeAverage: 4,
  days: MWF,
  paused: false,
  exerciseKey: (id) => ({ key: id, balance: id.startsWith('bal-') }),
  differs: (a, b) => a !== b,
  ...over,
});

interface Facts {
  checkins: Checkin[];
  completions: Completion[];
  feedback: Feedback[];
  walks: Walk[];
  flares: FlareFact[];
}
const empty = (): Facts => ({ checkins: [], completions: [], feedback: [], walks: [], flares: [] });
/** A good day: check-in at the usual 4, and on session days all 4 exercises done with pain during 3. */
function goodDay(f: Facts, date: IsoDate, pain = 4): void {
  const session = MWF.includes(weekdayOf(date) as (typeof MWF)[number]);
  f.checkins.push(checkin(date, pain, session ? { during: 3 } : {}));
  if (session) f.completions.push(...done(date, 'a', 'b', 'c', 'd'));
}
function weeks(n: number, day: (f: Facts, date: IsoDate, k: number) => void = (f, date) => goodDay(f, date)): Facts {
  const f = empty();
  for (let k = 0; k < n * 7; k++) day(f, d(k), k);
  return f;
}
const fold = (f: Facts, until: IsoDate, cfg = cfgOf()): DayProgress[] => progressDays(cfg, initialState(cfg), indexFacts(f), START, until);
/** Level on the first day of each plan week 1..n. */
const levels = (t: DayProgress[], n: number) => Array.from({ length: n }, (_, w) => t[w * 7]!.level);
const decisions = (t: DayProgress[], n: number) => Array.from({ length: n - 1 }, (_, w) => t[(w + 1) * 7]!.decision).map((r) => `${r!.change}:${r!.reason}`);

describe('the weekly fold (clinical-rules §3, §4, §5), table-driven', () => {
  it.each<[string, Facts, number, number[], string[]]>([
    ['good weeks → up every week', weeks(4), 4, [0, 1, 2, 3], ['up:earned', 'up:earned', 'up:earned']],
    [
      'poor adherence (1 of 3 in week 2) → held',
      weeks(3, (f, date, k) => (k >= 7 && k < 14 && k !== 7 ? void f.checkins.push(checkin(date, 4)) : goodDay(f, date))),
      3,
      [0, 1, 1],
      ['up:earned', 'hold:adherence'],
    ],
    [
      'pain during 6/10 in week 2 → one step back',
      weeks(3, (f, date, k) => (k === 9 ? (f.checkins.push(checkin(date, 4, { during: 6 })), f.completions.push(...done(date, 'a', 'b', 'c', 'd'))) : goodDay(f, date))),
      3,
      [0, 1, 0],
      ['up:earned', 'down:rule'],
    ],
    [
      'a flare in week 3 → no step up, and back to the last tolerated level when it ends',
      weeks(4, (f, date, k) => (k === 15 ? void f.checkins.push(checkin(date, 8)) : goodDay(f, date))),
      4,
      [0, 1, 2, 1],
      ['up:earned', 'up:earned', 'down:flare'],
    ],
    [
      'a 2-week gap → one step lower per missed week on return, said as a break',
      weeks(6, (f, date, k) => (k >= 14 && k < 28 ? undefined : goodDay(f, date))),
      6,
      // Week 4's first day is already 8 days without anything: it previews one step lower. Back in
      // week 5 after two weeks away: two steps lower, and week 5's review says why.
      [0, 1, 2, 1, 0, 0],
      ['up:earned', 'up:earned', 'hold:adherence', 'hold:adherence', 'down:break'],
    ],
  ])('%s', (_n, f, n, expectedLevels, expectedDecisions) => {
    const t = fold(f, d(n * 7 - 1));
    expect(levels(t, n)).toEqual(expectedLevels);
    expect(decisions(t, n), JSON.stringify(decisions(t, n))).toEqual(expectedDecisions);
  });

  it('§4 after a break: on the day of return, doses are one step lower per missed week, and the day says so', () => {
    const f = weeks(5, (f, date, k) => (k >= 14 && k < 28 ? undefined : goodDay(f, date)));
    const t = fold(f, d(34));
    // Last activity Sun of week 2 (day 13); back on day 28: 14 days without anything → 2 weeks.
    expect(t[28]!.breakWeeks).toBe(2);
    expect(t[28]!.level).toBe(0);
    // Previewing the same day with nothing logged yet already shows the easing in.
    const preview = fold(weeks(2), d(28)).at(-1)!;
    expect(preview).toMatchObject({ breakWeeks: 2, level: 0 });
  });

  it('§5 a week with a flare never reads "up"; it returns to the last week done cleanly', () => {
    const f = weeks(3, (f, date, k) => (k === 9 ? void f.checkins.push(checkin(date, 9)) : goodDay(f, date)));
    const t = fold(f, d(20));
    expect(t[9]!.flare.flareDay).toBe(true);
    expect(t[11]!.resumed).toEqual({ ended: d(11), level: 0 });
    expect(t[14]!.decision).toMatchObject({ flare: true, from: 1, to: 0, change: 'down', reason: 'flare' });
  });

  it('§5 a usual pain of 8 is never a flare: entry and exit thresholds never overlap', () => {
    const cfg = cfgOf({ intakeAverage: 8 });
    const t = fold(weeks(6, (f, date, k) => goodDay(f, date, k % 3 === 0 ? 7 : 8)), d(41), cfg);
    expect(t.filter((day) => day.flare.flareDay)).toEqual([]);
    expect(decisions(t, 6), JSON.stringify(t[7]!.decision)).toEqual(Array(5).fill('up:earned'));
  });

  it('§5 "I\'m flaring" (a flares fact) starts a flare that day; "settled" ends it', () => {
    const f = weeks(2);
    f.flares.push({ date: d(8), kind: 'start', recordedAt: `${d(8)}T07:00:00.000Z` }, { date: d(9), kind: 'end', recordedAt: `${d(9)}T07:00:00.000Z` });
    const t = fold(f, d(14));
    expect(t[8]!.flare.active?.trigger.kind).toBe('said');
    expect(t[9]!.flare.ended).not.toBeNull();
    expect(t[10]!.flare.flareDay).toBe(false);
    expect(t[14]!.decision).toMatchObject({ flare: true, reason: 'flare' });
    // Without "settled", two settled check-ins after the day it was said end it, as for any flare.
    const g = weeks(2);
    g.flares.push({ date: d(8), kind: 'start', recordedAt: `${d(8)}T07:00:00.000Z` });
    const u = fold(g, d(13));
    expect(u[9]!.flare.active).not.toBeNull();
    expect(u[10]!.flare.ended?.trigger.kind).toBe('said');
  });

  it('§4 nothing left to grow → "hold: top", never "up"', () => {
    const cfg = cfgOf({ differs: (a, b) => Math.min(a, 2) !== Math.min(b, 2) });
    const t = fold(weeks(5), d(34), cfg);
    expect(levels(t, 5)).toEqual([0, 1, 2, 2, 2]);
    expect(decisions(t, 5)).toEqual(['up:earned', 'up:earned', 'hold:top', 'hold:top']);
    expect(canRise(cfg, 2)).toBe(false);
  });

  it('§4 a step the doses do not show yet (cardio two weeks at its goal) is "hold", not "up"', () => {
    const cfg = cfgOf({ differs: (a, b) => (a >= 2 && b >= 2 && a < 4 && b < 4 ? false : a !== b) });
    const t = fold(weeks(5), d(34), cfg);
    expect(decisions(t, 5)).toEqual(['up:earned', 'up:earned', 'hold:earned', 'up:earned']);
  });
});

describe('§4 per-exercise feedback in the fold', () => {
  const fb = (date: IsoDate, exerciseId: string, answer: Feedback['answer']): Feedback => ({ date, exerciseId, answer, recordedAt: `${date}T19:00:00.000Z` });
  const withFeedback = (list: Feedback[], n = 3) => {
    const f = weeks(n);
    f.feedback.push(...list);
    return fold(f, d(n * 7 - 1));
  };

  it('"it hurt" → that exercise one step back from the next day; the plan goes on', () => {
    const t = withFeedback([fb(d(7), 'a', 'hurt')]);
    expect(t[7]!.exercises.a).toBeUndefined();
    expect(t[8]!.exercises.a).toMatchObject({ offset: -1, rungsDown: 0 });
    expect(t[14]!.level).toBe(2);
  });

  it('"it hurt" twice in a row → the easier rung instead of a second step back', () => {
    const t = withFeedback([fb(d(7), 'a', 'hurt'), fb(d(9), 'a', 'hurt')]);
    expect(t[10]!.exercises.a).toMatchObject({ offset: 0, rungsDown: 1 });
  });

  it('"hard" → that exercise is not increased at the next review', () => {
    const t = withFeedback([fb(d(2), 'a', 'hard')]);
    expect(t[7]!.level).toBe(1);
    expect(t[7]!.exercises.a).toMatchObject({ offset: -1 });
    expect(t[7]!.decision?.feedback.held).toEqual(['a']);
  });

  it('"easy" twice → steps up at the next review even when the plan holds; not during a flare', () => {
    const f = weeks(2, (f, date, k) => (k >= 7 && k !== 7 ? void f.checkins.push(checkin(date, 4)) : goodDay(f, date)));
    f.feedback.push(fb(d(7), 'a', 'easy'), fb(d(7), 'a', 'easy'));
    const t = fold(f, d(14));
    expect(t[14]!.decision).toMatchObject({ change: 'hold', reason: 'adherence' });
    expect(t[14]!.exercises.a).toMatchObject({ offset: 1 });
    expect(t[14]!.decision?.feedback.raised).toEqual(['a']);

    const flare = weeks(2, (f, date, k) => (k === 10 ? void f.checkins.push(checkin(date, 9)) : goodDay(f, date)));
    flare.feedback.push(fb(d(7), 'a', 'easy'), fb(d(8), 'a', 'easy'));
    expect(fold(flare, d(14))[14]!.exercises.a).toMatchObject({ offset: 0 });
  });

  it('balance work progresses only on "easy", never by count', () => {
    const plain = withFeedback([]);
    expect(plain[14]!.exercises['bal-x']).toBeUndefined(); // offset 0: still the first dose
    const easy = withFeedback([fb(d(2), 'bal-x', 'easy')]);
    expect(easy[7]!.exercises['bal-x']).toMatchObject({ offset: 1 });
    const right = withFeedback([fb(d(2), 'bal-x', 'right')]);
    expect(right[7]!.exercises['bal-x']).toMatchObject({ offset: 0 });
  });
});

describe('the fold folds weeks: a state taken from any week gives the same days', () => {
  it('years of weeks with no facts are jumped over, with the same result as replaying each', () => {
    const f = weeks(3, (f, date, k) => (k === 16 ? void f.checkins.push(checkin(date, 9)) : goodDay(f, date)));
    const cfg = cfgOf();
    const facts = indexFacts(f);
    const far = d(7 * 520 + 3);
    let slow = initialState(cfg);
    while (addDays(slow.start, 7) <= far) slow = replayWeek(cfg, slow, facts, null).next!;
    const seen: number[] = [];
    const fast = progressDays(cfg, initialState(cfg), facts, far, far, (s) => void seen.push(s.week)).at(-1)!;
    expect(fast.week).toBe(slow.week);
    expect(fast.decision).toEqual(slow.decision);
    expect(fast).toEqual(replayWeek(cfg, slow, facts, far).days.at(-1));
    expect(seen).toEqual(Array.from({ length: slow.week - 1 }, (_, k) => k + 2));
  });

  it('replaying from a mid-course state equals replaying from the intake', () => {
    const f = weeks(6, (f, date, k) => (k === 16 ? void f.checkins.push(checkin(date, 8)) : goodDay(f, date)));
    const cfg = cfgOf();
    const facts = indexFacts(f);
    let state = initialState(cfg);
    for (let w = 0; w < 3; w++) state = JSON.parse(JSON.stringify(replayWeek(cfg, state, facts, null).next));
    const fromMid = progressDays(cfg, state, facts, d(21), d(41));
    expect(fromMid).toEqual(fold(f, d(41)).slice(21));
  });
});

// ---------------------------------------------------------------------------------------------
// The fold inside sessions, over simulated weeks with the tiny library: knee pain, Mon/Wed/Fri, 20 minutes.

const base = input();
const sessionOn = (facts: Pick<SessionInput, 'checkins' | 'completions'>, date: IsoDate, over: Partial<SessionInput> = {}): Session =>
  buildSession({ ...base, ...facts, ...over, date });
const strength = (s: Session) => s.exercises.find((e) => e.type === 'strength');
const volume = (s: Session): number => (strength(s)?.reps ?? NaN) * (strength(s)?.sets ?? NaN);
const good = () => ({ pain: 4, during: 3 });
const isMonWedFri = (date: IsoDate) => ['mon', 'wed', 'fri'].includes(weekdayOf(date));

describe('§4 progression over simulated weeks', () => {
  it('§4 three good weeks → the strength dose rises each week, and the note says why', () => {
    const facts = live(base, d(21), (date) => (isMonWedFri(date) ? good() : { pain: 4 }));
    const mondays = [0, 7, 14, 21].map((k) => sessionOn(facts, d(k)));
    const v = mondays.map(volume);
    for (let w = 1; w < 4; w++) expect(v[w]!).toBeGreaterThan(v[w - 1]!);
    expect(mondays[1]!.notes[0]).toBe('Doses go up a step this week because last week you did 3 of 3 sessions with pain staying within the rules.');
    expect(mondays[1]!.progress).toEqual({ level: 1, change: 'up', reason: 'earned' });
  });

  it('§4 poor adherence (1 of 3 sessions) → no rise, and the note says why', () => {
    const facts = live(base, d(7), (date) => (date === d(0) ? good() : isMonWedFri(date) ? { pain: 4, did: 'none' } : null));
    const s = sessionOn(facts, d(7));
    expect(volume(s)).toBe(volume(sessionOn(facts, d(0))));
    expect(s.notes[0]).toMatch(/^Doses are held this week: you did 1 of 3 planned sessions/);
  });

  it('§3 a broken rule (pain during 6/10) → one step back from the next session and the next week', () => {
    const facts = live(base, d(21), (date) => (date === d(14) ? { pain: 4, during: 6 } : isMonWedFri(date) ? good() : { pain: 4 }));
    const monday = sessionOn(facts, d(14));
    const friday = sessionOn(facts, d(18));
    const nextMonday = sessionOn(facts, d(21));
    expect(volume(friday)).toBeLessThan(volume(monday));
    expect(friday.notes[1]).toMatch(/^Doses are one step lower from .* because pain during exercise reached 6 out of 10/);
    expect(volume(nextMonday)).toBe(volume(friday));
    expect(nextMonday.notes[0]).toMatch(/^Doses are one step lower this week because pain during exercise reached 6 out of 10/);
  });

  it('§4 non-urgent red flag → no rise, with a note (progression paused)', () => {
    const screening = { outcome: 'proceed' as const, maxEffort: 4, progressionPaused: true, notes: ['see your GP soon'] };
    const facts = live({ ...base, screening }, d(14), (date) => (isMonWedFri(date) ? good() : null));
    const s = sessionOn(facts, d(14), { screening });
    expect(volume(s)).toBe(volume(sessionOn(facts, d(0), { screening })));
    expect(s.notes).toContain('Doses are held this week until a clinician has seen you about your health answers.');
    expect(s.notes).toContain('see your GP soon');
  });

  it('§5 leaving a flare → back to the last tolerated dose, not the pre-flare increment', () => {
    // Weeks 1-2 good (week 3 at level 2); Tue of week 3 a spike to 8; Wed, Thu settled.
    const facts = live(base, d(18), (date) => (date === d(15) ? { pain: 8 } : isMonWedFri(date) ? good() : { pain: 4 }));
    const week2 = sessionOn(facts, d(7));
    const week3 = sessionOn(facts, d(14));
    const friday = sessionOn(facts, d(18));
    expect(sessionOn(facts, d(16)).status).toBe('flare');
    expect(friday.status).toBe('session');
    expect(volume(week3)).toBeGreaterThan(volume(week2));
    expect(volume(friday)).toBe(volume(sessionOn(facts, d(11)))); // Friday of week 2
    expect(friday.notes[0]).toBe('Back to the doses you last managed comfortably.');
    // The next week's note says what the numbers show: stepped back, not "held".
    const week4 = live(base, d(21), (date) => (date === d(15) ? { pain: 8 } : isMonWedFri(date) ? good() : { pain: 4 }));
    const monday = sessionOn(week4, d(21));
    expect(monday.progress).toMatchObject({ change: 'down', reason: 'flare' });
    expect(monday.notes[0]).toBe("After last week's flare-up, doses are back to the last level you managed comfortably.");
  });

  it('§4 the effort ladder: strength at 2 in weeks 1-2, 3 from week 3, 4 after 6 good weeks', () => {
    const facts = live(base, d(49), (date) => (isMonWedFri(date) ? good() : { pain: 4 }));
    const effort = (w: number) => strength(sessionOn(facts, d((w - 1) * 7)))!.effort;
    expect([1, 2, 3, 6, 7].map(effort)).toEqual([2, 2, 3, 3, 4]);
    const light = { outcome: 'light' as const, maxEffort: 3, progressionPaused: false, notes: [] };
    expect(strength(sessionOn(facts, d(42), { screening: light }))!.effort).toBe(3);
  });
});

describe('§3 pain-monitoring rules in the fold (Thomeé 1997; Silbernagel 2007)', () => {
  // Usual pain alternating 3 and 4 (reference 3.5), sessions Mon/Wed/Fri with 4 exercises.
  const history = (n: number, morning: (k: number) => number | null) => {
    const f = empty();
    for (let k = 0; k < n; k++) {
      const date = d(k);
      const pain = morning(k);
      if (pain !== null) f.checkins.push(checkin(date, pain));
      if (isMonWedFri(date)) f.completions.push(...done(date, 'a', 'b', 'c', 'd'));
    }
    return f;
  };
  const cfg = cfgOf({ intakeAverage: 3.5 });

  it('§3 good weeks: level 0, 1, 2', () => {
    const t = fold(history(21, (k) => (k % 2 === 0 ? 3 : 4)), d(14), cfg);
    expect([t[0]!.level, t[7]!.level, t[14]!.level]).toEqual([0, 1, 2]);
  });

  it('§3 next morning not settled back to the usual level → one step back that day', () => {
    // Tue of week 3 (after Monday's session): 5, above the usual 3.5 + 1, below a flare (+2).
    const t = fold(history(21, (k) => (k === 15 ? 5 : k % 2 === 0 ? 3 : 4)), d(21), cfg);
    expect(t[15]!.flare.flareDay).toBe(false);
    expect(t[15]!.stepBack).toMatchObject({ rule: 'next-morning', pain: 5 });
    expect(t[15]!.level).toBe(1);
    expect(t[21]!.decision).toMatchObject({ change: 'down', reason: 'rule' });
    expect(t[21]!.level).toBe(1);
  });

  it('§3 morning pain climbing week on week → one step back (DEFAULT: mean rises ≥ 1 point)', () => {
    const t = fold(history(21, (k) => (k < 7 ? 3 : 4)), d(14), cfgOf({ intakeAverage: 3 }));
    expect(t[7]!.level).toBe(1);
    expect(t[14]!.decision?.breaks[0]).toMatchObject({ rule: 'morning-climb', mean: 4, previous: 3 });
    expect(t[14]!.level).toBe(0);
  });

  it('§3 the intake plan is replayed from its own date: an earlier intake’s check-ins do not count', () => {
    const later = intake(answers(), d(7));
    const s = buildSession({ ...input({ intake: later }), date: d(7), checkins: [checkin(d(6), 9)] });
    expect(s.status).toBe('session');
    expect(s.week).toBe(1);
  });
});

describe('§3/§4 exercise fixtures', () => {
  it('a harder rung that needs the floor is not used without ability.floor', () => {
    const lib = [ex('seated-lift', { harder: 'floor-lift', dose: { sets: 3, reps: 15 } }), ex('floor-lift', { easier: 'seated-lift', position: 'floor' })];
    const limits = limitsOf(answers({ ability: { walkMinutes: 10, floor: false, balanceWorries: false, osteoporosis: false } }), 4);
    const next = stepUp({ exercise: lib[0]!, dose: { sets: 3, reps: 15 }, rungs: ['seated-lift'] }, { byId: indexLibrary(lib), limits, allowRungs: true });
    expect(next.exercise.id).toBe('seated-lift');
  });
});
