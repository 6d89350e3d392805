// Who may do which exercise (clinical-rules.md §4 balance, §6 region and osteoporosis rules): the
// one place the plan, `swap` and `exercises` ask. Pure: the person's limits and an exercise in, a
// named rule and a plain reason out.
import { BONE_CAUTIONS, CAUTION_TEXT, type Caution, type Exercise, isStandingBalance, isWalkingBalance } from './exercise';
import type { IntakeAnswers } from './intake';
import { STANDING_BALANCE_MIN_WALK_MINUTES, WALKING_BALANCE_MIN_WALK_MINUTES } from './rules';
import type { Equipment, Region } from './vocab';

/** What limits the choice of exercises for one person (from intake and screening). */
export interface Limits {
  floor: boolean;
  equipment: readonly Equipment[];
  osteoporosis: boolean;
  /** Highest target effort allowed (screening.maxEffort). */
  maxEffort: number;
  /** A flare day leaves out loaded end-range back work (§6 low back, DEFAULT caution). */
  flare?: boolean;
  /** Minutes the person can walk today (§4 balance support). */
  walkMinutes: number;
  /** Dizziness or fainting reported at screening (§1a): balance stays seated or supported. */
  dizziness: boolean;
  /** The painful regions (knee pain rules out kneeling). */
  regions: readonly Region[];
}

export function limitsOf(answers: IntakeAnswers, maxEffort: number, flare = false): Limits {
  return {
    floor: answers.ability.floor,
    equipment: answers.likes.equipment,
    osteoporosis: answers.ability.osteoporosis,
    maxEffort,
    flare,
    walkMinutes: answers.ability.walkMinutes,
    dizziness: answers.readiness.dizziness === true,
    regions: answers.pain.regions,
  };
}

/** Which rule keeps an exercise out for this person, checked in this order. */
export const UNFIT_RULES = [
  'high-impact',
  'floor',
  'equipment',
  'kneeling',
  'osteoporosis',
  'balance-seated',
  'balance-dizzy',
  'balance-walking',
  'effort',
  'flare',
] as const;
export type UnfitRule = (typeof UNFIT_RULES)[number];

const FLARE_CAUTIONS: readonly Caution[] = ['back-flare', 'loaded-flexion', 'loaded-twist'];

export function unfitRule(ex: Exercise, limits: Limits): UnfitRule | null {
  // OARSI 2019: no high-impact work while symptoms limit, which for painfit users is always.
  if (ex.cautions.includes('high-impact')) return 'high-impact';
  if (ex.position === 'floor' && !limits.floor) return 'floor';
  if (ex.equipment.some((e) => !limits.equipment.includes(e))) return 'equipment';
  // OARSI 2019 / NICE NG226: weight through a painful knee on the floor is left out.
  if (limits.regions.includes('knee') && ex.cautions.includes('kneeling')) return 'kneeling';
  // Too Fit To Fracture (Giangregorio 2014): no loaded, repeated or end-range spinal bending or twisting.
  if (limits.osteoporosis && ex.cautions.some((c) => BONE_CAUTIONS.includes(c))) return 'osteoporosis';
  // §4 (Otago; Sherrington 2019): seated balance below 5 minutes' walking; seated or supported
  // with dizziness; walking balance only from 10 minutes' walking.
  if (isStandingBalance(ex) && limits.walkMinutes < STANDING_BALANCE_MIN_WALK_MINUTES) return 'balance-seated';
  if (limits.dizziness && (ex.support === 'free' || isWalkingBalance(ex))) return 'balance-dizzy';
  if (isWalkingBalance(ex) && limits.walkMinutes < WALKING_BALANCE_MIN_WALK_MINUTES) return 'balance-walking';
  // PAR-Q+ light-only readiness (3/10); above 4/10 only when readiness was all "no" (ACSM).
  if (ex.effort > limits.maxEffort) return 'effort';
  if (limits.flare && ex.cautions.some((c) => FLARE_CAUTIONS.includes(c))) return 'flare';
  return null;
}

export const EQUIPMENT_WORDS: Readonly<Record<string, string>> = {
  band: 'a resistance band',
  dumbbells: 'dumbbells',
  bike: 'an exercise bike',
  pool: 'a pool',
  mat: 'a mat',
  step: 'a step',
};

/** Why an exercise does not fit this person, in plain words; null when it fits. */
export function unfitReason(ex: Exercise, limits: Limits): string | null {
  switch (unfitRule(ex, limits)) {
    case null:
      return null;
    case 'high-impact':
      return `${ex.name} involves jumping or jogging, which painfit leaves out while pain limits what you do.`;
    case 'floor':
      return `${ex.name} is done on the floor, and you said getting down to the floor and up again is hard.`;
    case 'equipment': {
      const missing = ex.equipment.filter((e) => !limits.equipment.includes(e));
      return `${ex.name} needs ${missing.map((e) => EQUIPMENT_WORDS[e] ?? e).join(' and ')}, which you did not list.`;
    }
    case 'kneeling':
      return `${ex.name} puts weight through your knees, which painfit leaves out while your knee is painful.`;
    case 'osteoporosis':
      return `${ex.name} bends or twists the back, under load or as far as it goes, which is not advised with thinning bones.`;
    case 'balance-seated':
      return `${ex.name} is standing balance work; while you can walk less than ${STANDING_BALANCE_MIN_WALK_MINUTES} minutes, balance work stays seated.`;
    case 'balance-dizzy':
      return `${ex.name} is balance work without support; after the dizziness you reported, balance work stays seated or holding a counter.`;
    case 'balance-walking':
      return `${ex.name} is walking balance work, which starts once you can walk ${WALKING_BALANCE_MIN_WALK_MINUTES} minutes.`;
    case 'effort':
      return `${ex.name} is meant to feel like ${ex.effort} out of 10, above the ${limits.maxEffort} out of 10 your health answers allow for now.`;
    case 'flare':
      return `${ex.name} bends or twists the back, which is best left out during a flare-up.`;
  }
}

export const fits = (ex: Exercise, limits: Limits): boolean => unfitRule(ex, limits) === null;

/** The cautions to show with an exercise this person may do (allowed, but take care). */
export function cautionNotes(ex: Exercise): string[] {
  return ex.cautions.map((c) => CAUTION_TEXT[c]);
}
