// The one eligibility module (issue 9 house rule): every rule that keeps an exercise out, named,
// with a plain reason; the plan, swap and exercises all ask it.
import { describe, expect, it } from 'vitest';
import { fits, type Limits, limitsOf, type UnfitRule, unfitReason, unfitRule, UNFIT_RULES } from '../../src/domain/eligibility';
import type { IntakeAnswers } from '../../src/domain/intake';
import { loadLibrary } from '../../src/schema/exercise';
import { answers } from './fixtures';

const library = loadLibrary();
const get = (id: string) => {
  const e = library.find((x) => x.id === id);
  if (!e) throw new Error(id);
  return e;
};

type Over = Partial<IntakeAnswers['ability']> & { dizziness?: boolean; regions?: IntakeAnswers['pain']['regions']; equipment?: IntakeAnswers['likes']['equipment'] };
function limits(over: Over = {}, maxEffort = 4, flare = false): Limits {
  const a = answers();
  const b: IntakeAnswers = {
    ...a,
    readiness: { ...a.readiness, dizziness: over.dizziness ?? false },
    pain: { ...a.pain, regions: over.regions ?? ['low-back'] },
    ability: {
      walkMinutes: over.walkMinutes ?? 30,
      floor: over.floor ?? true,
      balanceWorries: over.balanceWorries ?? false,
      osteoporosis: over.osteoporosis ?? false,
    },
    likes: { ...a.likes, equipment: over.equipment ?? ['band', 'dumbbells', 'step', 'mat'] },
  };
  return limitsOf(b, maxEffort, flare);
}

describe('eligibility: each rule, by name, with its reason', () => {
  const table: [UnfitRule, string, Limits, RegExp][] = [
    ['high-impact', 'jog-on-the-spot', limits(), /jumping or jogging/],
    ['floor', 'bridge', limits({ floor: false }), /on the floor/],
    ['equipment', 'band-row', limits({ equipment: [] }), /needs a resistance band/],
    ['kneeling', 'bird-dog', limits({ regions: ['knee'] }), /weight through your knees.*knee is painful/],
    ['kneeling', 'floor-transfer-prep', limits({ regions: ['knee', 'hip'] }), /knees/],
    ['osteoporosis', 'curl-up', limits({ osteoporosis: true }), /thinning bones/],
    ['osteoporosis', 'knee-to-chest', limits({ osteoporosis: true }), /as far as it goes/],
    ['osteoporosis', 'seated-rotation-stretch', limits({ osteoporosis: true }), /thinning bones/],
    ['balance-seated', 'feet-together-stance', limits({ walkMinutes: 4 }), /less than 5 minutes, balance work stays seated/],
    ['balance-seated', 'yoga-tree-at-wall', limits({ walkMinutes: 0 }), /stays seated/],
    ['balance-dizzy', 'heel-to-toe-walk-supported', limits({ dizziness: true }), /dizziness/],
    ['balance-dizzy', 'heel-to-toe-walk', limits({ dizziness: true }), /without support|dizziness/],
    ['balance-walking', 'backward-walking', limits({ walkMinutes: 9 }), /walk 10 minutes/],
    ['effort', 'sit-to-stand-slow-lower', limits({}, 2), /above the 2 out of 10/],
    ['flare', 'band-wood-chop', limits({}, 4, true), /flare-up/],
  ];
  it.each(table)('%s rules out %s', (rule, id, l, reason) => {
    const ex = get(id);
    expect(unfitRule(ex, l)).toBe(rule);
    expect(unfitReason(ex, l)).toMatch(reason);
    expect(fits(ex, l)).toBe(false);
  });

  it.each<[string, string, Limits]>([
    ['seated balance for someone who cannot walk 5 minutes', 'seated-reach', limits({ walkMinutes: 0 })],
    ['supported standing balance with dizziness', 'feet-together-stance', limits({ dizziness: true })],
    ['supported standing balance at 5 minutes of walking', 'tandem-stance', limits({ walkMinutes: 5 })],
    ['walking balance at 10 minutes of walking', 'heel-to-toe-walk-supported', limits({ walkMinutes: 10 })],
    ['kneeling without knee pain', 'bird-dog', limits({ regions: ['low-back'] })],
    ['back-extensor work with osteoporosis', 'prone-back-extension', limits({ osteoporosis: true })],
    ['a hip hinge with osteoporosis', 'hip-hinge', limits({ osteoporosis: true })],
  ])('allows %s', (_n, id, l) => {
    expect(unfitRule(get(id), l)).toBeNull();
    expect(unfitReason(get(id), l)).toBeNull();
  });

  it('the table above covers every rule of the module', () => {
    expect(new Set(table.map(([rule]) => rule))).toEqual(new Set(UNFIT_RULES));
  });
});
