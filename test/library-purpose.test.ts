// Issue 9: the library is chosen from by purpose (clinical-rules.md §4, §6). These tests prove the
// metadata is there and honest, and that every region's core can be met for people with few means.
import { describe, expect, it } from 'vitest';
import { fits, limitsOf } from '../src/domain/eligibility';
import { BALANCE_PURPOSES, BONE_CAUTIONS, type Exercise, isMuscle, type Purpose } from '../src/domain/exercise';
import { REGION_AWKWARD } from '../src/domain/plan';
import { OSTEOPOROSIS_CORE, REGION_CORE } from '../src/domain/rules';
import { REGIONS, type Region } from '../src/domain/vocab';
import { loadLibrary } from '../src/schema/exercise';
import { answers } from './domain/fixtures';

const library = loadLibrary();
const byId = new Map(library.map((e) => [e.id, e]));
const get = (id: string): Exercise => {
  const e = byId.get(id);
  if (!e) throw new Error(`no exercise ${id}`);
  return e;
};

/** A person with no floor and no equipment, who walks `walk` minutes, with pain in `region`. */
function person(region: Region, walk: number, over: { osteoporosis?: boolean; dizziness?: boolean } = {}) {
  const a = answers({
    pain: { regions: [region], months: 12, average: 5, peg: { pain: 5, enjoyment: 5, activity: 5 } },
    ability: { walkMinutes: walk, floor: false, balanceWorries: false, osteoporosis: over.osteoporosis ?? false },
    likes: { cardio: [], mindBody: [], equipment: [] },
  });
  return limitsOf({ ...a, readiness: { ...a.readiness, dizziness: over.dizziness ?? false } }, 4);
}

const awkwardFor = (e: Exercise, region: Region) => {
  const c = REGION_AWKWARD[region];
  return c !== undefined && e.cautions.includes(c);
};

const PEOPLE = [
  { who: 'no floor, no equipment', walk: 20 },
  { who: 'cannot walk 5 minutes', walk: 3 },
];

describe('§6 every region core can be met by at least 3 fitting exercises', () => {
  const cases = PEOPLE.flatMap(({ who, walk }) =>
    REGIONS.flatMap((region) => REGION_CORE[region].map((need) => ({ who, walk, region, need: need.join(' or ') , purposes: need }))),
  );
  it.each(cases)('$region: $need for someone who has $who', ({ walk, region, purposes }) => {
    const limits = person(region, walk);
    const found = library.filter(
      (e) => e.type === 'strength' && fits(e, limits) && !awkwardFor(e, region) && e.trains.some((p) => purposes.includes(p)),
    );
    expect(found.map((e) => e.id).length, found.map((e) => e.id).join(', ')).toBeGreaterThanOrEqual(3);
  });

  it.each(PEOPLE.flatMap(({ who, walk }) => OSTEOPOROSIS_CORE.map((need) => ({ who, walk, need }))))(
    'osteoporosis: $need for someone who has $who, with no bone caution',
    ({ walk, need }) => {
      const limits = person('knee', walk, { osteoporosis: true });
      const found = library.filter((e) => e.type === 'strength' && fits(e, limits) && e.trains.some((p) => need.includes(p)));
      expect(found.length).toBeGreaterThanOrEqual(3);
      for (const e of found) expect(e.cautions.filter((c) => BONE_CAUTIONS.includes(c)), e.id).toEqual([]);
    },
  );

  it.each(PEOPLE)('widespread pain: gentle aerobic and mind-body for someone who has $who', ({ walk }) => {
    const limits = person('widespread', walk);
    const aerobic = library.filter((e) => e.type === 'cardio' && e.effort <= 2 && fits(e, limits) && (walk >= 5 || e.position === 'seated'));
    const mindBody = library.filter((e) => e.type === 'mind-body' && fits(e, limits) && e.trains.includes('relaxation'));
    expect(aerobic.length).toBeGreaterThanOrEqual(3);
    expect(mindBody.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['cannot walk 5 minutes: seated balance', person('knee', 3), 'seated'],
    ['dizziness: seated or supported balance', person('knee', 30, { dizziness: true }), 'supported'],
  ] as const)('§4 %s, at least 3 exercises', (_n, limits, support) => {
    const found = library.filter((e) => e.type === 'balance' && fits(e, limits));
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.filter((e) => e.support === support).length).toBeGreaterThanOrEqual(3);
  });
});

describe('purpose metadata is complete and honest', () => {
  it('every strength exercise trains at least one muscle; every balance exercise says its support', () => {
    for (const e of library) {
      if (e.type === 'strength') expect(e.trains.some(isMuscle), e.id).toBe(true);
      if (e.type === 'balance') {
        expect(e.support, e.id).not.toBeNull();
        expect(e.trains.some((p) => BALANCE_PURPOSES.includes(p)), e.id).toBe(true);
      }
    }
  });

  it('walking balance is gait work, never seated', () => {
    for (const e of library.filter((x) => x.trains.includes('gait'))) {
      expect(e.support, e.id).not.toBe('seated');
      expect(e.style, e.id).toBe('gait');
    }
  });

  it('"per side" and "swap sides" in the cues mean perSide', () => {
    for (const e of library) {
      const text = e.cues.join(' ').toLowerCase();
      if (/per side|swap sides|swap legs|swap arms|on each side|then the other side|other way|swap feet/.test(text)) {
        expect(e.perSide, `${e.id}: ${text}`).toBe(true);
      }
    }
  });

  it('a hold written in the cues of a repetition dose is counted (repHoldSeconds)', () => {
    const WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, ten: 10 };
    for (const e of library.filter((x) => 'reps' in x.dose)) {
      const m = /hold(?: each rep)?(?: for)? (two|three|four|five|ten) seconds/i.exec(e.cues.join(' '));
      if (m) expect(e.repHoldSeconds, `${e.id}: ${m[0]}`).toBe(WORDS[m[1]!.toLowerCase()]);
      if (e.repHoldSeconds !== null) expect(e.cues.join(' '), e.id).toMatch(/hold|seconds/i);
    }
  });

  it('every end-range, loaded or repeated spinal bend or twist carries a bone-health caution', () => {
    const bends = /round your back|roll up|hug (one|both) knee|knees? (gently )?toward your chest|sit back toward your heels|turn your chest|twist(?! your hands)|knees drop|slide one hand down toward the floor/i;
    for (const e of library) {
      if (bends.test(e.cues.join(' '))) {
        expect(e.cautions.some((c) => BONE_CAUTIONS.includes(c)), e.id).toBe(true);
      }
    }
    for (const id of ['knee-to-chest', 'childs-pose', 'seated-rotation-stretch', 'supine-twist', 'lying-yoga-flow', 'seated-side-bend']) {
      expect(get(id).cautions.some((c) => BONE_CAUTIONS.includes(c)), id).toBe(true);
    }
  });
});

describe('library additions (issue 9)', () => {
  const trains = (id: string, p: Purpose) => expect(get(id).trains, id).toContain(p);
  it.each<[string, Purpose]>([
    ['straight-leg-raise', 'quadriceps'],
    ['step-up', 'stairs'],
    ['supported-split-squat', 'quadriceps'],
    ['stair-practice', 'stairs'],
    ['hip-hinge', 'lifting'],
    ['shopping-bag-carry', 'lifting'],
    ['seated-back-extension', 'back-extensors'],
    ['wall-back-extension', 'back-extensors'],
    ['prone-back-extension', 'back-extensors'],
    ['floor-transfer-prep', 'floor-transfer'],
    ['floor-transfer', 'floor-transfer'],
    ['pool-squat', 'quadriceps'],
    ['pool-side-leg-raise', 'hip-abductors'],
    ['pool-marching', 'aerobic'],
  ])('%s trains %s', (id, p) => trains(id, p));

  it('back-extensor work suits osteoporosis: prone, seated and standing, none with a bone caution', () => {
    const ext = library.filter((e) => e.type === 'strength' && e.trains.includes('back-extensors'));
    expect(new Set(ext.map((e) => e.position))).toEqual(new Set(['floor', 'seated', 'standing']));
    for (const e of ext) expect(e.cautions.filter((c) => BONE_CAUTIONS.includes(c)), e.id).toEqual([]);
  });

  it('aquatic work beyond pool walking and swimming', () => {
    const pool = library.filter((e) => e.equipment.includes('pool') && !['pool-walking', 'easy-swim'].includes(e.id));
    expect(pool.length).toBeGreaterThanOrEqual(3);
    expect(new Set(pool.map((e) => e.type)).size).toBeGreaterThanOrEqual(2);
  });

  it('a seated balance progression of at least three rungs', () => {
    const bottom = library.find((e) => e.type === 'balance' && e.support === 'seated' && e.easier === null && e.harder !== null);
    expect(bottom).toBeDefined();
    const rungs: Exercise[] = [];
    for (let e: Exercise | undefined = bottom; e; e = e.harder ? byId.get(e.harder) : undefined) rungs.push(e);
    expect(rungs.filter((e) => e.support === 'seated').length).toBeGreaterThanOrEqual(3);
  });
});

describe('ladders end well (issue 9 audit)', () => {
  const links = library.filter((e) => e.harder !== null).map((e) => [e, get(e.harder!)] as const);

  it('no ladder climbs into high-impact work (march → jogging)', () => {
    for (const [a, b] of links) expect(b.cautions.includes('high-impact') && !a.cautions.includes('high-impact'), `${a.id} → ${b.id}`).toBe(false);
  });

  it('no ladder climbs from a chair or standing onto the floor, except floor-transfer practice', () => {
    for (const [a, b] of links) {
      if (a.position !== 'floor' && b.position === 'floor') expect(b.trains, `${a.id} → ${b.id}`).toContain('floor-transfer');
    }
  });

  it('a ladder with overhead work starts below shoulder height', () => {
    for (const e of library.filter((x) => x.cautions.includes('overhead'))) {
      let bottom = e;
      while (bottom.easier) bottom = get(bottom.easier);
      expect(bottom.cautions, `${e.id} starts at ${bottom.id}`).not.toContain('overhead');
    }
  });

  it('the neck and rotator-cuff ladders have at least 3 rungs off the floor', () => {
    for (const start of ['chin-tuck', 'wall-press-external-rotation']) {
      const rungs: Exercise[] = [];
      for (let e: Exercise | undefined = get(start); e; e = e.harder ? byId.get(e.harder) : undefined) rungs.push(e);
      expect(rungs.filter((e) => e.position !== 'floor').length, start).toBeGreaterThanOrEqual(3);
    }
  });

  it('grip work kind to arthritic hands: the towel wring is nobody’s next rung and says when to skip it', () => {
    expect(library.some((e) => e.harder === 'towel-wring')).toBe(false);
    expect(get('towel-wring').cues.join(' ')).toMatch(/skip/i);
  });

  it('the backward walk puts "check the floor behind you" where the today table shows it (first two cues)', () => {
    expect(get('backward-walking').cues.slice(0, 2).join(' ')).toMatch(/floor behind you is clear/);
  });
});
