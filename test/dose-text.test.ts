// Issue 9 / clinical-rules §4: doses a person can read — holds in 5 s steps, whole minutes,
// "per side" said wherever it applies, holds inside repetitions shown.
import { describe, expect, it } from 'vitest';
import { roundDose } from '../src/domain/session';
import { boutMinutes, doseText } from '../src/ui/format';

describe('doseText', () => {
  it.each([
    ['reps', { sets: 1, reps: 10 }, '1 × 10'],
    ['reps per side', { sets: 1, reps: 10, perSide: true }, '1 × 10 per side'],
    ['reps with a hold each', { sets: 1, reps: 8, repHoldSeconds: 5 }, '1 × 8, hold 5 s each'],
    ['reps per side with a hold each', { sets: 2, reps: 8, perSide: true, repHoldSeconds: 3 }, '2 × 8 per side, hold 3 s each'],
    ['holds per side', { sets: 2, holdSeconds: 20, perSide: true }, '2 × 20 s hold per side'],
    ['holds', { sets: 2, holdSeconds: 25 }, '2 × 25 s hold'],
    ['minutes', { minutes: 12 }, '12 min'],
    ['even bouts in whole minutes', { minutes: 10, bouts: 2 }, '10 min (2 × 5 min)'],
    ['uneven bouts in whole minutes, never 5.5', { minutes: 11, bouts: 2 }, '11 min (6 + 5 min)'],
    ['three bouts', { minutes: 23, bouts: 3 }, '23 min (8 + 8 + 7 min)'],
  ])('%s', (_n, dose, text) => {
    expect(doseText(dose)).toBe(text);
  });

  it('bouts always add up to the minutes, in whole minutes', () => {
    for (let m = 1; m <= 60; m++) {
      for (let b = 1; b <= Math.min(m, 6); b++) {
        const parts = boutMinutes(m, b);
        expect(parts.reduce((x, y) => x + y, 0)).toBe(m);
        for (const p of parts) expect(Number.isInteger(p)).toBe(true);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('roundDose: what a person is shown', () => {
  it.each([
    [{ sets: 2, holdSeconds: 23 }, { sets: 2, holdSeconds: 25 }],
    [{ sets: 2, holdSeconds: 17 }, { sets: 2, holdSeconds: 15 }],
    [{ sets: 1, holdSeconds: 30 }, { sets: 1, holdSeconds: 30 }],
    [{ minutes: 5.5 }, { minutes: 6 }],
    [{ sets: 1, reps: 11 }, { sets: 1, reps: 11 }],
  ])('%o → %o', (dose, shown) => {
    expect(roundDose(dose)).toEqual(shown);
  });
});
