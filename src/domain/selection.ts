// Choosing exercises by clinical purpose (clinical-rules.md §4 strength spacing, §6 region cores,
// osteoporosis and goals). Pure: the person's cores, the day's half of the body, the muscles an
// adjacent day already loads and the eligible candidates in; the day's strength work out.
import { type Exercise, MUSCLE_GROUP, type MuscleGroup, musclesOf, type Purpose } from './exercise';
import type { IntakeAnswers } from './intake';
import { GOAL_PRACTICE, type GoalPractice, OSTEOPOROSIS_CORE, REGION_CORE } from './rules';
import type { Region } from './vocab';

/** A region's core, or the osteoporosis core (§6: "whatever the age"). */
export type CoreKey = Region | 'osteoporosis';
/** One need of a core: met by an exercise that trains any of these purposes. */
export type Need = readonly Purpose[];

export const coreOf = (key: CoreKey): readonly Need[] => (key === 'osteoporosis' ? OSTEOPOROSIS_CORE : REGION_CORE[key]);

/** The muscles whose loading means a core is being trained. */
export const coreMuscles = (key: CoreKey): Purpose[] => [...new Set(coreOf(key).flat())];

/** The person's cores: each painful region with a muscle core, and osteoporosis. */
export function coreKeys(answers: Pick<IntakeAnswers, 'pain' | 'ability'>): CoreKey[] {
  const keys: CoreKey[] = answers.ability.osteoporosis ? ['osteoporosis'] : [];
  for (const r of answers.pain.regions) if (coreOf(r).length > 0) keys.push(r);
  return keys;
}

const strengthMuscles = (exercises: readonly Exercise[]): Set<Purpose> =>
  new Set(exercises.filter((e) => e.type === 'strength').flatMap(musclesOf));

/** The cores a day's strength work trains: it loads at least one muscle of the core (§6). */
export function coresTrained(exercises: readonly Exercise[], keys: readonly CoreKey[]): CoreKey[] {
  const loaded = strengthMuscles(exercises);
  return keys.filter((k) => coreMuscles(k).some((m) => loaded.has(m)));
}

/** The needs of a core that a day's strength work leaves unmet. */
export function unmetNeeds(exercises: readonly Exercise[], key: CoreKey): Need[] {
  const trained = new Set(exercises.filter((e) => e.type === 'strength').flatMap((e) => e.trains));
  return coreOf(key).filter((need) => !need.some((p) => trained.has(p)));
}

/** Muscles loaded by strength work on both of two days (§4: none on adjacent days). */
export function sharedMuscles(a: readonly Exercise[], b: readonly Exercise[]): Purpose[] {
  const first = strengthMuscles(a);
  return [...strengthMuscles(b)].filter((m) => first.has(m));
}

/** §6 Goals: what the person's goals ask painfit to practise, in the order of the goals. */
export function goalPractices(answers: Pick<IntakeAnswers, 'goals'>): GoalPractice[] {
  const out: GoalPractice[] = [];
  for (const goal of answers.goals) {
    for (const { practice, words } of GOAL_PRACTICE) {
      if (words.test(goal.activity) && !out.includes(practice)) out.push(practice);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Halves of the body: two strength days in a row alternate lower body and trunk with upper body
// (§4, ACSM: ≥ 48 h between strength work for the same muscles).

export type Half = 'all' | 'lower' | 'upper';
export const HALF_GROUPS: Readonly<Record<Half, readonly MuscleGroup[]>> = {
  all: ['lower', 'trunk', 'upper'],
  lower: ['lower', 'trunk'],
  upper: ['upper'],
};

/** A cheap, deterministic variety: the k-th of a list. */
const nth = <T>(xs: readonly T[], k: number): T | undefined => (xs.length === 0 ? undefined : xs[((k % xs.length) + xs.length) % xs.length]);

export interface StrengthDayInput {
  /** The person's cores, most important first (osteoporosis, then the regions, rotated). */
  keys: readonly CoreKey[];
  /** Lower body and trunk, upper body, or all of it. */
  half: Half;
  /** Muscles loaded by strength work on an adjacent day. */
  forbidden: ReadonlySet<Purpose>;
  /** Eligible strength exercises at their starting rungs. */
  candidates: readonly Exercise[];
  /** Every muscle the exercise may come to load as it climbs its ladder (rungs that fit). */
  ladderMuscles: (ex: Exercise) => readonly Purpose[];
  /** Goals to practise on this day (stairs, floor transfer, lifting). */
  goals: readonly GoalPractice[];
  /** Variety: rotates the choice within a purpose. */
  rotation: number;
  /** Seconds each exercise costs in the session; and the room left. */
  cost: (ex: Exercise) => number;
  room: number;
  /** At least one strength exercise even when no core fits (ACSM: strength on ≥ 2 days). */
  wantGeneral: boolean;
}

export interface StrengthChoice {
  exercise: Exercise;
  /** core: a need of a core; goal: a goal's practice; general: strength with no core. */
  why: 'core' | 'goal' | 'general';
}

/**
 * The strength work of one day. Cores come whole or not at all (a region's core is in every
 * session that trains it, §6); cores that share a muscle come together; an exercise may load
 * only the muscles of the cores taken that day, or muscles no core of the person owns, within
 * the day's half and never a muscle an adjacent day loads.
 */
export function chooseStrength(input: StrengthDayInput): StrengthChoice[] {
  const groups = HALF_GROUPS[input.half];
  const owned = new Set(input.keys.flatMap(coreMuscles));
  const inHalf = (m: Purpose) => {
    const g = MUSCLE_GROUP[m];
    return g !== undefined && groups.includes(g) && !input.forbidden.has(m);
  };
  const allowedWith = (taken: ReadonlySet<Purpose>) => (ex: Exercise) =>
    input.ladderMuscles(ex).every((m) => inHalf(m) && (taken.has(m) || !owned.has(m)));

  // A core belongs to this day only if each of its needs can be met within the half.
  const keys = input.keys.filter((k) => coreOf(k).every((need) => need.some(inHalf)));
  // Cores sharing a muscle are one block: training one trains the other.
  const blocks: CoreKey[][] = [];
  for (const k of keys) {
    const muscles = coreMuscles(k);
    const joined = blocks.filter((b) => b.some((o) => coreMuscles(o).some((m) => muscles.includes(m))));
    const merged = [...joined.flat(), k];
    for (const b of joined) blocks.splice(blocks.indexOf(b), 1);
    blocks.push(merged);
  }
  // Keep the blocks in the order of their most important core.
  blocks.sort((a, b) => Math.min(...a.map((k) => keys.indexOf(k))) - Math.min(...b.map((k) => keys.indexOf(k))));

  let chosen: StrengthChoice[] = [];
  let taken = new Set<Purpose>();
  let room = input.room;
  const used = (xs: readonly StrengthChoice[]) => new Set(xs.map((c) => c.exercise.id));
  for (const block of blocks) {
    const trialTaken = new Set([...taken, ...block.flatMap(coreMuscles)]);
    const allowed = allowedWith(trialTaken);
    const trial = [...chosen];
    let ok = true;
    for (const key of block) {
      for (const need of coreOf(key)) {
        const current = trial.map((c) => c.exercise);
        if (!unmetNeeds(current, key).includes(need)) continue;
        const ids = used(trial);
        const open = block.flatMap((k) => unmetNeeds(current, k));
        const covers = (e: Exercise) => open.filter((n) => n.some((p) => e.trains.includes(p))).length;
        const fitting = input.candidates.filter((e) => !ids.has(e.id) && e.trains.some((p) => need.includes(p)) && allowed(e));
        // Those meeting most open needs first; the rotation walks on through the rest, so each
        // strength day varies within the purpose without losing it.
        const ranked = [...fitting].sort((x, y) => covers(y) - covers(x));
        const pick = nth(ranked, input.rotation);
        if (!pick) {
          ok = false;
          break;
        }
        trial.push({ exercise: pick, why: 'core' });
      }
      if (!ok) break;
    }
    if (!ok) continue;
    const added = trial.slice(chosen.length);
    const seconds = added.reduce((s, c) => s + input.cost(c.exercise), 0);
    if (seconds > room) continue;
    room -= seconds;
    chosen = trial;
    taken = trialTaken;
  }

  const allowed = allowedWith(taken);
  const addOne = (fitting: readonly Exercise[], why: StrengthChoice['why']): boolean => {
    const ids = used(chosen);
    const pick = nth(fitting.filter((e) => !ids.has(e.id) && allowed(e) && input.cost(e) <= room), input.rotation);
    if (!pick) return false;
    chosen.push({ exercise: pick, why });
    room -= input.cost(pick);
    return true;
  };
  for (const goal of input.goals) {
    if (goal === 'walking') continue; // walking is practised as cardio and the walking track
    if (!chosen.some((c) => c.exercise.trains.includes(goal))) addOne(input.candidates.filter((e) => e.trains.includes(goal)), 'goal');
  }
  if (chosen.length === 0 && input.wantGeneral) {
    // Big muscle groups first (sit-to-stand, push-ups, rows), then anything allowed.
    const big: Purpose[] = ['quadriceps', 'hip-extensors', 'arms', 'shoulder-blade', 'back-extensors'];
    if (!addOne(input.candidates.filter((e) => e.trains.some((p) => big.includes(p))), 'general')) {
      addOne(input.candidates, 'general');
    }
  }
  return chosen;
}

/** More strength work for the day, within the same rules (optional extras). */
export function strengthExtras(input: StrengthDayInput, chosen: readonly StrengthChoice[], max: number): Exercise[] {
  const groups = HALF_GROUPS[input.half];
  const owned = new Set(input.keys.flatMap(coreMuscles));
  const taken = new Set(chosen.flatMap((c) => input.ladderMuscles(c.exercise)));
  const ids = new Set(chosen.map((c) => c.exercise.id));
  const ok = (e: Exercise) =>
    !ids.has(e.id) &&
    input.ladderMuscles(e).every((m) => {
      const g = MUSCLE_GROUP[m];
      return g !== undefined && groups.includes(g) && !input.forbidden.has(m) && (taken.has(m) || !owned.has(m));
    });
  const fitting = input.candidates.filter(ok);
  const k = fitting.length === 0 ? 0 : input.rotation % fitting.length;
  return [...fitting.slice(k), ...fitting.slice(0, k)].slice(0, max);
}
