// Issue 9: `swap` by purpose, decided in the domain. Each refusal names its rule; an allowed swap
// that carries a caution shows it.
import { describe, expect, it } from 'vitest';
import type { IntakeAnswers } from '../../src/domain/intake';
import { decideSwap, planSwap, type SwapRule, swapAlternatives } from '../../src/domain/swap';
import { loadLibrary } from '../../src/schema/exercise';
import { answers } from './fixtures';

const library = loadLibrary();
const get = (id: string) => library.find((e) => e.id === id)!;

function who(over: { regions?: IntakeAnswers['pain']['regions']; floor?: boolean; walk?: number; osteoporosis?: boolean; dizziness?: boolean; equipment?: IntakeAnswers['likes']['equipment'] } = {}) {
  const a = answers();
  return {
    answers: {
      ...a,
      readiness: { ...a.readiness, dizziness: over.dizziness ?? false },
      pain: { ...a.pain, regions: over.regions ?? ['low-back'] },
      ability: { walkMinutes: over.walk ?? 30, floor: over.floor ?? true, balanceWorries: false, osteoporosis: over.osteoporosis ?? false },
      likes: { ...a.likes, equipment: over.equipment ?? [] },
    },
  };
}
const PROCEED = { maxEffort: 4 };

describe('swap refusals, each naming its rule', () => {
  it.each<[string, string, string, ReturnType<typeof who>, SwapRule, RegExp]>([
    ['a different kind of exercise', 'easy-walk', 'clamshell', who(), 'type', /same kind of exercise/],
    ['the only trunk exercise for a push-up (audit)', 'seated-core-brace', 'wall-push-up', who(), 'purpose', /trains the trunk/],
    ['quadriceps work for calf work, with knee pain', 'seated-knee-extension', 'heel-raise', who({ regions: ['knee'] }), 'purpose', /front of the thigh/],
    ['side-of-hip work for buttock work, with hip pain', 'clamshell', 'bridge', who({ regions: ['hip'] }), 'purpose', /side of the hip/],
    ['kneeling with knee pain (audit: kneeling push-up for knee osteoarthritis)', 'wall-push-up', 'knee-push-up', who({ regions: ['knee'] }), 'kneeling', /knees/],
    ['the floor when getting down is hard', 'sit-to-stand', 'bridge', who({ floor: false }), 'floor', /floor/],
    ['equipment not listed', 'sit-to-stand', 'sit-to-stand-dumbbells', who(), 'equipment', /dumbbells/],
    ['an end-range twist with osteoporosis', 'seated-side-bend', 'seated-rotation-stretch', who({ osteoporosis: true }), 'osteoporosis', /thinning bones/],
    ['standing balance for someone who walks 3 minutes', 'seated-reach', 'weight-shifts', who({ walk: 3 }), 'balance-seated', /stays seated/],
    ['walking balance after dizziness', 'feet-together-stance', 'heel-to-toe-walk-supported', who({ dizziness: true }), 'balance-dizzy', /dizziness/],
    ['walking balance below 10 minutes of walking', 'weight-shifts', 'side-stepping', who({ walk: 8 }), 'balance-walking', /10 minutes/],
    ['less balance support than the original, before "it felt steady"', 'heel-to-toe-walk-supported', 'heel-to-toe-walk', who(), 'support', /less support/],
    ['jogging', 'easy-walk', 'jog-on-the-spot', who(), 'high-impact', /jumping or jogging/],
    ['the same exercise', 'clamshell', 'clamshell', who(), 'same', /same exercise/],
  ])('refuses %s', (_n, from, to, person, rule, reason) => {
    const d = decideSwap(from, to, person, library, PROCEED);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.rule).toBe(rule);
      expect(d.reason).toMatch(reason);
    }
  });

  it('allows a swap within the purpose, showing the caution it carries', () => {
    const d = decideSwap('seated-core-brace', 'bird-dog', who({ regions: ['low-back'] }), library, PROCEED);
    expect(d.ok).toBe(true);
    if (d.ok) expect(d.cautions.join(' ')).toMatch(/weight through your knees/);
  });

  it('allows overhead work for a painful shoulder only with its caution shown', () => {
    const d = decideSwap('shoulder-blade-squeeze', 'wall-slide', who({ regions: ['shoulder'] }), library, PROCEED);
    expect(d.ok).toBe(true);
    if (d.ok) expect(d.cautions.join(' ')).toMatch(/above your head/);
  });

  it('alternatives keep the purpose: for seated knee straightening with knee pain, only thigh work', () => {
    const alts = swapAlternatives(get('seated-knee-extension'), who({ regions: ['knee'], floor: false }), library, PROCEED);
    expect(alts.length).toBeGreaterThan(0);
    for (const e of alts) expect(e.trains, e.id).toContain('quadriceps');
  });
});

describe('planSwap: only what the plan holds; back to the original ends a swap', () => {
  const week = [{ exercises: [{ id: 'seated-core-brace' }, { id: 'wall-plank', swappedFrom: 'seated-core-brace' }, { id: 'easy-walk', optional: true }] }];
  it('refuses an exercise that is not in the plan', () => {
    const p = planSwap(get('clamshell'), undefined, week, who(), library, PROCEED);
    expect(p).toMatchObject({ ok: false, code: 'NOT_IN_PLAN' });
  });
  it('refuses an optional extra', () => {
    expect(planSwap(get('easy-walk'), undefined, week, who(), library, PROCEED)).toMatchObject({ ok: false, code: 'NOT_IN_PLAN' });
  });
  it('swapping a swap back to the original ends it', () => {
    const p = planSwap(get('wall-plank'), 'seated-core-brace', week, who(), library, PROCEED);
    expect(p).toMatchObject({ ok: true, endsSwap: true });
  });
  it('without --with, the first fitting alternative of the same purpose', () => {
    const p = planSwap(get('seated-core-brace'), undefined, week, who({ regions: ['low-back'] }), library, PROCEED);
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.to.trains.some((t) => t === 'trunk' || t === 'back-extensors')).toBe(true);
  });
  it('an unsuitable --with is refused with the rule', () => {
    const p = planSwap(get('seated-core-brace'), 'wall-push-up', week, who(), library, PROCEED);
    expect(p).toMatchObject({ ok: false, code: 'UNSUITABLE_SWAP', rule: 'purpose' });
  });
});

describe('swap and the adjacent-days strength rule (§4: ≥ 48 h between strength work for the same muscles)', () => {
  // 2026-12-05 is a Saturday, 2026-12-06 a Sunday, 2026-12-07 a Monday.
  const day = (date: string, ...ids: string[]) => ({ date, exercises: ids.map((id) => ({ id })) });
  const neck = who({ regions: ['neck'] });
  const knee = who({ regions: ['knee'], equipment: ['step'] });
  it.each<[string, Parameters<typeof planSwap>[2], string, string, ReturnType<typeof who>, RegExp]>([
    [
      'a shoulder-blade swap-in that also loads the back muscles Saturday loads, on Sunday',
      [day('2026-12-05', 'seated-back-extension'), day('2026-12-06', 'shoulder-blade-squeeze')],
      'shoulder-blade-squeeze',
      'wall-back-extension',
      neck,
      /Standing back lift at the wall on Sunday trains the back muscles, and Seated back lift on Saturday does too/,
    ],
    [
      'a side-of-hip swap-in that also loads the thigh Monday loads, on Sunday',
      [day('2026-12-06', 'clamshell'), day('2026-12-07', 'sit-to-stand')],
      'clamshell',
      'lateral-step-up',
      knee,
      /Side step-up on Sunday trains the front of the thigh, and Sit-to-stand on Monday does too/,
    ],
    [
      'across the end of the week: Sunday, first of the seven days, and Saturday, the last',
      [day('2026-12-06', 'clamshell'), day('2026-12-08'), day('2026-12-12', 'sit-to-stand')],
      'clamshell',
      'lateral-step-up',
      knee,
      /Saturday/,
    ],
  ])('refuses %s, naming the rule', (_n, week, from, to, person, detail) => {
    const p = planSwap(get(from), to, week, person, library, PROCEED);
    expect(p).toMatchObject({ ok: false, code: 'UNSUITABLE_SWAP', rule: 'adjacent-days' });
    if (!p.ok) {
      expect(p.reason).toContain('strength work for the same muscles needs 48 hours between sessions, so adjacent days never load the same muscles');
      expect(p.reason).toMatch(detail);
    }
  });

  it.each<[string, Parameters<typeof planSwap>[2], string, string, ReturnType<typeof who>]>([
    ['the same swap with a day between (Saturday and Monday)', [day('2026-12-05', 'seated-back-extension'), day('2026-12-07', 'shoulder-blade-squeeze')], 'shoulder-blade-squeeze', 'wall-back-extension', neck],
    ['adjacent days that share no muscle after the swap', [day('2026-12-06', 'clamshell'), day('2026-12-07', 'sit-to-stand')], 'clamshell', 'band-side-step', who({ regions: ['knee'], equipment: ['band'] })],
  ])('allows %s', (_n, week, from, to, person) => {
    expect(planSwap(get(from), to, week, person, library, PROCEED)).toMatchObject({ ok: true });
  });

  it('without --with, the alternative offered respects the rule', () => {
    const week = [day('2026-12-06', 'clamshell'), day('2026-12-07', 'sit-to-stand')];
    const p = planSwap(get('clamshell'), undefined, week, knee, library, PROCEED);
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.to.trains).not.toContain('quadriceps');
    // The alternatives list alone (no week) would offer one that loads the thigh too.
    expect(swapAlternatives(get('clamshell'), knee, library, PROCEED).some((e) => e.trains.includes('quadriceps'))).toBe(true);
  });
});
