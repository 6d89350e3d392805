// The effort model (clinical-rules §1a and §4): Borg CR10 words, the effort ladder within the
// safety cap, and two simulated courses on the real library with every session done.
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../src/domain/dates';
import { effortLabel, effortPhrase, targetEffort } from '../../src/domain/effort';
import type { Checkin, Completion } from '../../src/domain/facts';
import { screeningPart, type IntakeAnswers } from '../../src/domain/intake';
import { INTAKE_TEMPLATE } from '../../src/domain/intake-template';
import { LIGHT_ONLY_MAX_EFFORT, TARGET_EFFORT_MAX } from '../../src/domain/rules';
import { screen, type ClearanceFact } from '../../src/domain/screening';
import { buildSession, type Session } from '../../src/domain/session';
import { readLibrary } from '../../src/store/library';

describe('Borg CR10 words (clinical-rules §4)', () => {
  it.each([
    [0, 'rest'],
    [1, 'very light'],
    [2, 'light'],
    [3, 'moderate'],
    [4, 'somewhat hard'],
    [5, 'hard'],
  ])('%i → %s', (n, word) => {
    expect(effortLabel(n)).toBe(word);
  });
  it('a number is never shown with another word', () => {
    expect(effortPhrase(3)).toBe('3 out of 10 (moderate)');
  });
});

describe('the effort ladder (§4) within the cap (§1a)', () => {
  // `week` is for reading the table: with every week tolerated, week n has taken n - 1 steps.
  const at = (type: 'strength' | 'balance' | 'mind-body' | 'flexibility', _week: number, tolerated: number, cap = TARGET_EFFORT_MAX) =>
    targetEffort({ type, steps: tolerated, libraryEffort: 2, cap });
  it.each([
    ['strength, week 1', at('strength', 1, 0), 2],
    ['strength, week 2', at('strength', 2, 1), 2],
    ['strength, week 3', at('strength', 3, 2), 3],
    ['strength after 5 tolerated weeks', at('strength', 7, 5), 3],
    ['strength after 6 tolerated weeks', at('strength', 7, 6), 4],
    ['balance never above 3', at('balance', 12, 10), 3],
    ['mind-body never above 3', at('mind-body', 12, 10), 3],
    ['strength with the light-effort cap', at('strength', 12, 10, LIGHT_ONLY_MAX_EFFORT), 3],
    ['flexibility keeps its library effort', at('flexibility', 12, 10), 2],
    ['a stretch never climbs above light', targetEffort({ type: 'flexibility', steps: 10, libraryEffort: 4 }), 2],
    ['strength after 6 tolerated weeks, no cap given', targetEffort({ type: 'strength', steps: 6, libraryEffort: 2 }), 4],
  ])('%s → %i', (_s, got, want) => {
    expect(got).toBe(want);
  });
});

// ---------------------------------------------------------------------------------------------
// Simulated courses: 3 days a week, every session done, pain steady and within the rules.

const START: IsoDate = '2026-01-05'; // a Monday
const LIBRARY = readLibrary();

function person(edit: (a: IntakeAnswers) => void): IntakeAnswers {
  const a = structuredClone(INTAKE_TEMPLATE);
  a.pain.average = 4;
  a.ability.walkMinutes = 20;
  a.schedule = { days: ['mon', 'wed', 'fri'], minutes: 30 };
  edit(a);
  return a;
}

/** Runs the course day by day, doing every session in full; returns each week's Monday session. */
function course(a: IntakeAnswers, weeks: number, clearances: (date: IsoDate) => ClearanceFact[] = () => []): Session[] {
  const intake = { id: 1, date: START, recordedAt: `${START}T08:00:00.000Z`, answers: a };
  const checkins: Checkin[] = [];
  const completions: Completion[] = [];
  const mondays: Session[] = [];
  for (let k = 0; k < weeks * 7; k++) {
    const date = addDays(START, k);
    const screening = screen(screeningPart(a), START, date, clearances(date));
    const session = buildSession({ date, intake, library: LIBRARY, checkins, completions, swaps: [], screening });
    if (k % 7 === 0) mondays.push(session);
    const worked = session.status === 'session';
    if (worked) for (const e of session.exercises) completions.push({ date, exerciseId: e.id, done: true });
    checkins.push({ id: k + 1, date, recordedAt: `${date}T20:00:00.000Z`, pain: 4, during: worked ? 3 : null, effort: worked ? 3 : null, sleep: null, note: null });
  }
  return mondays;
}

const effortOf = (s: Session, type: string) => Math.max(0, ...s.exercises.filter((e) => e.type === type).map((e) => e.effort));

describe('a bone/joint-only person (§1a: no cap) with good adherence', () => {
  const weeks = course(person((a) => (a.readiness.boneJoint = true)), 8);
  it('starts at 2 (light), reaches 3 (moderate) by week 3', () => {
    expect(weeks[0]!.status).toBe('session');
    expect(effortOf(weeks[0]!, 'strength')).toBe(2);
    expect(effortOf(weeks[2]!, 'strength')).toBe(3);
  });
  it('reaches 4 (somewhat hard) for strength by week 8', () => {
    expect(effortOf(weeks[7]!, 'strength')).toBe(4);
    expect(Math.max(...weeks[7]!.exercises.filter((e) => e.type !== 'strength').map((e) => e.effort))).toBeLessThanOrEqual(3);
  });
});

describe('a person with a heart condition (§1a light-effort rule)', () => {
  const heart = person((a) => {
    a.readiness.boneJoint = true;
    a.readiness.heartCondition = true;
  });
  it('stays at 3 or below for 10 weeks until cleared, and every session says why', () => {
    const weeks = course(heart, 10);
    for (const s of weeks) {
      expect(Math.max(...s.exercises.map((e) => e.effort))).toBeLessThanOrEqual(LIGHT_ONLY_MAX_EFFORT);
      expect(s.notes.join(' ')).toContain('a heart condition or high blood pressure');
    }
  });
  it('with a dated clearance from week 7, strength may reach 4 by week 8', () => {
    const seen = addDays(START, 42);
    const weeks = course(heart, 8, (date) => (date >= seen ? [{ seen, by: null, recordedOn: seen, source: 'clear' }] : []));
    expect(effortOf(weeks[5]!, 'strength')).toBe(3);
    expect(effortOf(weeks[7]!, 'strength')).toBe(4);
  });
});
