// Issue 9: selection by clinical purpose (clinical-rules.md §4, §6), table-driven on the real
// library. Each case names the rule it shows.
import { describe, expect, it } from 'vitest';
import type { Exercise, Purpose } from '../../src/domain/exercise';
import type { IntakeAnswers } from '../../src/domain/intake';
import { buildPlan, strengthHalves, type WeekPlan } from '../../src/domain/plan';
import { coreKeys, coresTrained, goalPractices, sharedMuscles, unmetNeeds } from '../../src/domain/selection';
import { type GoalPractice, OSTEOPOROSIS_CORE } from '../../src/domain/rules';
import { loadLibrary } from '../../src/schema/exercise';
import { answers, intake, START } from './fixtures';
import { buildWeek, type Session } from '../../src/domain/session';
import { screen } from '../../src/domain/screening';

const library = loadLibrary();
const plan = (a: IntakeAnswers, maxEffort = 4): WeekPlan => buildPlan(a, library, { maxEffort });
const exercisesOf = (d: WeekPlan['days'][number]): Exercise[] => d.items.map((i) => i.exercise);
const strengthDays = (p: WeekPlan) => p.days.filter((d) => d.items.some((i) => i.exercise.type === 'strength'));
const trainsIn = (d: WeekPlan['days'][number], p: Purpose) => d.items.some((i) => i.exercise.type === 'strength' && i.exercise.trains.includes(p));

function person(over: {
  regions?: IntakeAnswers['pain']['regions'];
  age?: number;
  walk?: number;
  floor?: boolean;
  osteoporosis?: boolean;
  worries?: boolean;
  dizziness?: boolean;
  days?: IntakeAnswers['schedule']['days'];
  minutes?: number;
  equipment?: IntakeAnswers['likes']['equipment'];
  goals?: string[];
}): IntakeAnswers {
  const a = answers();
  return {
    ...a,
    about: { age: over.age ?? 55 },
    readiness: { ...a.readiness, dizziness: over.dizziness ?? false },
    pain: { ...a.pain, regions: over.regions ?? ['knee'] },
    goals: (over.goals ?? ['sleep better']).map((activity) => ({ activity, score: 4 })),
    ability: {
      walkMinutes: over.walk ?? 20,
      floor: over.floor ?? true,
      balanceWorries: over.worries ?? false,
      osteoporosis: over.osteoporosis ?? false,
    },
    schedule: { days: over.days ?? ['mon', 'wed', 'fri'], minutes: over.minutes ?? 30 },
    likes: { cardio: [], mindBody: [], equipment: over.equipment ?? [] },
  };
}

describe('§6 goals map to practice', () => {
  it.each<[string, GoalPractice[]]>([
    ['climb the stairs to my flat', ['stairs']],
    ['get up from the floor after gardening', ['floor-transfer', 'lifting']],
    ['carry the shopping home', ['lifting']],
    ['lift my grandchild', ['lifting']],
    ['walk the dog', ['walking']],
    ['play the piano', []],
  ])('"%s" → %j', (goal, practices) => {
    expect(goalPractices({ goals: [{ activity: goal, score: 3 }] })).toEqual(practices);
  });

  it.each<[string, string, Purpose]>([
    ['stairs → step-ups or stair practice', 'climb the stairs', 'stairs'],
    ['getting up from the floor → floor-transfer practice', 'get up from the floor', 'floor-transfer'],
    ['lifting or carrying → hip hinge and carries', 'carry the shopping', 'lifting'],
  ])('%s, in the week', (_rule, goal, purpose) => {
    const p = plan(person({ regions: ['low-back'], goals: [goal] }));
    expect(p.days.some((d) => trainsIn(d, purpose))).toBe(true);
  });

  it('lifting → both the hip hinge and a carry over the week', () => {
    const p = plan(person({ regions: ['low-back'], goals: ['carry the shopping'], days: ['mon', 'wed', 'fri', 'sat'] }));
    const lifting = new Set(p.days.flatMap((d) => d.items.filter((i) => i.exercise.trains.includes('lifting')).map((i) => i.exercise.id)));
    expect(lifting.size).toBeGreaterThanOrEqual(2);
  });

  it('walking → walking, even when another cardio is liked', () => {
    const a = { ...person({ goals: ['walk to the shops'] }), likes: { cardio: ['cycling' as const], mindBody: [], equipment: ['bike' as const] } };
    const cardio = plan(a).days.flatMap((d) => d.items.filter((i) => i.exercise.type === 'cardio'));
    expect(cardio.some((i) => i.exercise.style === 'walking')).toBe(true);
  });

  it('a goal the person cannot practise safely is left out (floor transfer kneels: not with knee pain)', () => {
    const p = plan(person({ regions: ['knee'], goals: ['get up from the floor'] }));
    expect(p.days.some((d) => trainsIn(d, 'floor-transfer'))).toBe(false);
  });
});

describe('§6 region cores in every session that trains the region', () => {
  it.each<[string, IntakeAnswers['pain']['regions'], Purpose[]]>([
    ['knee: quadriceps and hip abductors', ['knee'], ['quadriceps', 'hip-abductors']],
    ['hip: hip abductors and extensors', ['hip'], ['hip-abductors', 'hip-extensors']],
    ['shoulder: rotator cuff and shoulder blade', ['shoulder'], ['rotator-cuff', 'shoulder-blade']],
    ['neck: deep neck flexors and shoulder blade', ['neck'], ['deep-neck-flexors', 'shoulder-blade']],
  ])('%s on every strength day, no floor, no equipment', (_n, regions, purposes) => {
    const p = plan(person({ regions, floor: false }));
    expect(strengthDays(p).length).toBeGreaterThanOrEqual(2);
    for (const d of strengthDays(p)) for (const purpose of purposes) expect(trainsIn(d, purpose), `${d.weekday} ${purpose}`).toBe(true);
  });

  it('low back: trunk or back-extensor and hip strength together', () => {
    const p = plan(person({ regions: ['low-back'] }));
    for (const d of strengthDays(p)) {
      expect(trainsIn(d, 'trunk') || trainsIn(d, 'back-extensors'), d.weekday).toBe(true);
      expect(trainsIn(d, 'hip-extensors') || trainsIn(d, 'hip-abductors'), d.weekday).toBe(true);
    }
  });

  it('many regions in a short session: a core is taken whole or not at all', () => {
    const a = person({ regions: ['knee', 'shoulder', 'neck', 'low-back'], minutes: 15, floor: false });
    const keys = coreKeys(a);
    for (const d of plan(a).days) {
      for (const key of coresTrained(exercisesOf(d), keys)) expect(unmetNeeds(exercisesOf(d), key), `${d.weekday} ${key}`).toEqual([]);
    }
  });

  it('rotation within a purpose gives variety across strength days', () => {
    const p = plan(person({ regions: ['knee'], days: ['mon', 'wed', 'fri', 'sun'] }));
    const lists = strengthDays(p).map((d) => d.items.filter((i) => i.exercise.type === 'strength').map((i) => i.exercise.id).join(','));
    expect(new Set(lists).size).toBeGreaterThan(1);
  });
});

describe('§6 osteoporosis (Too Fit To Fracture) and widespread pain (EULAR 2016)', () => {
  it('osteoporosis: back-extensor and lower-limb strength, balance every session, whatever the age', () => {
    const p = plan(person({ regions: ['shoulder'], age: 50, osteoporosis: true, floor: false }));
    expect(p.days.some((d) => trainsIn(d, 'back-extensors'))).toBe(true);
    expect(p.days.some((d) => trainsIn(d, 'quadriceps') || trainsIn(d, 'hip-extensors'))).toBe(true);
    for (const d of p.days) expect(d.items.some((i) => i.exercise.type === 'balance'), d.weekday).toBe(true);
  });

  it('an 80-year-old with osteoporosis who walks 3 minutes: lower-limb strength and seated balance, nothing bent or twisted', () => {
    const p = plan(person({ regions: ['low-back'], age: 80, osteoporosis: true, walk: 3, floor: false }));
    // Lower-limb strength as the §6 osteoporosis core defines it (OSTEOPOROSIS_CORE). The thigh
    // work here used to be floor-transfer practice, which is for a floor goal only (physiotherapist's
    // review), so it is hip-extensor work at the counter now.
    const lowerLimb = OSTEOPOROSIS_CORE[1]!;
    expect(p.days.some((d) => lowerLimb.some((m) => trainsIn(d, m)))).toBe(true);
    expect(p.days.some((d) => trainsIn(d, 'floor-transfer'))).toBe(false);
    for (const d of p.days) {
      const balance = d.items.filter((i) => i.exercise.type === 'balance');
      expect(balance.length, d.weekday).toBeGreaterThan(0);
      for (const b of balance) expect(b.exercise.support, b.exercise.id).toBe('seated');
      for (const i of d.items) expect(i.exercise.cautions.filter((c) => c.startsWith('spinal') || c.startsWith('loaded')), i.exercise.id).toEqual([]);
    }
  });

  it('widespread pain: mind-body and gentle aerobic work in every session from week 1', () => {
    const p = plan(person({ regions: ['widespread'], days: ['mon', 'tue', 'thu', 'sat'] }));
    for (const d of p.days) {
      expect(d.items.some((i) => i.exercise.type === 'mind-body'), d.weekday).toBe(true);
      expect(d.items.some((i) => i.exercise.type === 'cardio' && i.exercise.effort <= 2), d.weekday).toBe(true);
    }
  });
});

describe('§4 balance that is safe (Otago; Sherrington 2019)', () => {
  const balanceOf = (p: WeekPlan) => p.days.flatMap((d) => d.items.filter((i) => i.exercise.type === 'balance').map((i) => i.exercise));
  it.each<[string, IntakeAnswers, (e: Exercise) => boolean]>([
    ['an 85-year-old who walks 0 minutes: seated only', person({ age: 85, walk: 0 }), (e) => e.support === 'seated'],
    ['dizziness: seated or holding support, never walking balance', person({ dizziness: true, walk: 30 }), (e) => e.support !== 'free' && !e.trains.includes('gait')],
    ['walks 7 minutes: no walking balance', person({ walk: 7 }), (e) => !e.trains.includes('gait')],
    ['standing balance starts holding support', person({ walk: 60 }), (e) => e.support !== 'free'],
  ])('%s', (_n, a, ok) => {
    const b = balanceOf(plan(a));
    expect(b.length).toBeGreaterThan(0);
    for (const e of b) expect(ok(e), e.id).toBe(true);
  });

  it('balance is not all backward walking: it rotates across the week', () => {
    const ids = new Set(balanceOf(plan(person({ walk: 30, days: ['mon', 'wed', 'fri'] }))).map((e) => e.id));
    expect(ids.size).toBeGreaterThan(1);
  });
});

describe('§4 strength spacing: adjacent days never load the same muscles', () => {
  it.each([
    [['sat', 'sun'], { sat: 'lower', sun: 'upper' }],
    [['mon', 'sun'], { sun: 'lower', mon: 'upper' }],
    [['mon', 'wed'], { mon: 'all', wed: 'all' }],
  ] as const)('%j split into halves %j', (days, halves) => {
    expect(Object.fromEntries(strengthHalves(days))).toEqual(halves);
  });

  it.each<[string, IntakeAnswers['pain']['regions']]>([
    ['knee only', ['knee']],
    ['knee and shoulder', ['knee', 'shoulder']],
    ['low back, osteoporosis', ['low-back']],
  ])('Sat + Sun (%s): strength both days, different muscles', (_n, regions) => {
    const p = plan(person({ regions, days: ['sat', 'sun'], osteoporosis: regions.includes('low-back') }));
    const [sat, sun] = p.days;
    expect(strengthDays(p).length).toBe(2);
    expect(sharedMuscles(exercisesOf(sat!), exercisesOf(sun!))).toEqual([]);
  });
});

describe("a physiotherapist's review of week 1 (issue 9)", () => {
  const library2 = library;
  const weekOf = (a: IntakeAnswers) => {
    const rec = intake(a);
    return buildWeek({ date: START, intake: rec, library: library2, checkins: [], completions: [], swaps: [], screening: screen(a, rec.date, START) }).filter(
      (s) => s.status === 'session',
    );
  };
  const byId = new Map(library.map((e) => [e.id, e]));
  const ids = (s: Session) => s.exercises.filter((e) => !e.optional).map((e) => byId.get(e.id)!);

  it('80, osteoporosis, walks 5 minutes, no floor: balance on two feet holding support, no one-leg stand or tree, no floor-transfer practice she did not ask for', () => {
    for (const regions of [['low-back', 'knee'], ['hip'], ['widespread']] as IntakeAnswers['pain']['regions'][]) {
      const a = { ...person({ regions, age: 80, osteoporosis: true, walk: 5, floor: false, goals: ['walk to the shops'] }), likes: { cardio: [], mindBody: ['yoga' as const, 'tai-chi' as const], equipment: [] } };
      const sessions = weekOf(a);
      const all = sessions.flatMap(ids);
      expect(all.filter((e) => e.cautions.includes('single-leg')).map((e) => e.id), regions.join('+')).toEqual([]);
      expect(all.filter((e) => e.trains.includes('floor-transfer')).map((e) => e.id), regions.join('+')).toEqual([]);
      const standing = all.filter((e) => e.type === 'balance' && e.support !== 'seated');
      for (const e of standing) expect(e.support, e.id).toBe('supported');
      expect(all.some((e) => e.type === 'balance'), regions.join('+')).toBe(true);
    }
  });

  it('a goal of getting up from the floor still brings floor-transfer practice (at the chair when the floor is hard)', () => {
    const a = person({ regions: ['low-back'], age: 80, osteoporosis: true, walk: 5, floor: false, goals: ['get up from the floor'] });
    expect(weekOf(a).flatMap(ids).some((e) => e.id === 'floor-transfer-prep')).toBe(true);
  });

  it('one-leg balance may start for someone who walks 30 minutes, without osteoporosis', () => {
    const a = { ...person({ regions: ['hip'], walk: 30, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }), likes: { cardio: [], mindBody: ['yoga' as const], equipment: [] } };
    expect(weekOf(a).flatMap(ids).some((e) => e.cautions.includes('single-leg'))).toBe(true);
  });

  it('neck pain beside hip and widespread pain, with dumbbells: the neck core, shoulder-blade loading included, in the week', () => {
    const a = person({ regions: ['neck', 'hip', 'widespread'], osteoporosis: true, walk: 7, equipment: ['dumbbells'], minutes: 30 });
    const strengthDays = weekOf(a).map(ids).filter((xs) => xs.some((e) => e.type === 'strength'));
    expect(strengthDays.some((xs) => coresTrained(xs, ['neck']).length > 0 && unmetNeeds(xs, 'neck').length === 0)).toBe(true);
    expect(strengthDays.flat().some((e) => e.type === 'strength' && e.trains.includes('shoulder-blade'))).toBe(true);
  });

  it('widespread pain, 7 days, 20 minutes, walks 10: aerobic work and mind-body in every session of week 1', () => {
    const a = { ...person({ regions: ['widespread'], walk: 10, minutes: 20, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }), likes: { cardio: [], mindBody: ['yoga' as const, 'tai-chi' as const], equipment: [] } };
    const sessions = weekOf(a);
    expect(sessions).toHaveLength(7);
    for (const s of sessions) {
      expect(ids(s).some((e) => e.type === 'mind-body'), s.date).toBe(true);
      expect(ids(s).some((e) => e.type === 'cardio' && e.trains.includes('aerobic')), s.date).toBe(true);
    }
  });

  it('widespread pain with a liked practice too long for a 10-minute start: relaxed breathing instead, so the aerobic work keeps its place', () => {
    const a = { ...person({ regions: ['ankle-foot', 'widespread'], walk: 10, osteoporosis: true, floor: false, minutes: 10, days: ['sun'] }), likes: { cardio: [], mindBody: ['yoga' as const], equipment: [] } };
    const [s] = weekOf(a);
    expect(ids(s!).some((e) => e.type === 'cardio' && e.trains.includes('aerobic')), s!.exercises.map((e) => e.id).join(', ')).toBe(true);
    expect(ids(s!).some((e) => e.type === 'mind-body')).toBe(true);
  });
});
