// The shape of one exercise in the curated library (data/exercises.json). Pure types and data.
import { CARDIO_LIKES, EQUIPMENT, MIND_BODY_LIKES } from './vocab';
import type { CardioLike, Equipment, ExerciseType, MindBodyLike, Position, Region } from './vocab';

/** Safety tags an exercise may carry; plans filter on them. */
export const CAUTIONS = [
  'high-impact', // jumping, jogging, stop-start work (OARSI 2019: avoid while knee/hip symptoms limit)
  'loaded-flexion', // loaded or repeated spinal bending forward (Too Fit To Fracture, Giangregorio 2014)
  'loaded-twist', // loaded or repeated spinal twisting (Too Fit To Fracture, Giangregorio 2014)
  'spinal-bend', // end-range spinal bending, forward or sideways, even unloaded (Too Fit To Fracture, Giangregorio 2014)
  'spinal-twist', // end-range spinal twisting, even unloaded (Too Fit To Fracture, Giangregorio 2014)
  'back-flare', // loaded end-range bending/twisting: leave out during a low-back flare (DEFAULT caution, NG59)
  'kneeling', // weight through the knees on the floor
  'overhead', // arms working above shoulder height
  'wrist-load', // body weight through the hands
  'single-leg', // standing on one leg (Otago; Sherrington 2019: a narrower base comes after supported two-foot balance)
] as const;
export type Caution = (typeof CAUTIONS)[number];

/**
 * Cautions about bone health only (Too Fit To Fracture): they rule an exercise out for osteoporosis
 * and nothing else, so a gentle (flare-day) exercise may carry them.
 */
export const BONE_CAUTIONS: readonly Caution[] = ['loaded-flexion', 'loaded-twist', 'spinal-bend', 'spinal-twist'];
export const GENTLE_ALLOWED_CAUTIONS: readonly Caution[] = ['spinal-bend', 'spinal-twist'];

/**
 * What an exercise trains: muscles (for strength spacing and the region cores of
 * clinical-rules.md §6), balance and gait, fitness, movement and calm, and everyday skills that
 * goals name (§6 "Goals").
 */
export const PURPOSES = [
  // lower limb
  'quadriceps',
  'hamstrings',
  'hip-abductors',
  'hip-extensors',
  'calf',
  'foot-ankle',
  // trunk
  'back-extensors',
  'trunk',
  // neck and upper limb
  'deep-neck-flexors',
  'neck',
  'shoulder-blade',
  'rotator-cuff',
  'arms',
  'grip',
  // balance and walking
  'static-balance',
  'dynamic-balance',
  'gait',
  // fitness, movement and calm
  'aerobic',
  'mobility',
  'relaxation',
  // everyday skills named by goals
  'stairs',
  'floor-transfer',
  'lifting',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Body parts for strength spacing (§4: two adjacent days alternate lower and upper body). */
export type MuscleGroup = 'lower' | 'trunk' | 'upper';
export const MUSCLE_GROUP: Readonly<Partial<Record<Purpose, MuscleGroup>>> = {
  quadriceps: 'lower',
  hamstrings: 'lower',
  'hip-abductors': 'lower',
  'hip-extensors': 'lower',
  calf: 'lower',
  'foot-ankle': 'lower',
  'back-extensors': 'trunk',
  trunk: 'trunk',
  'deep-neck-flexors': 'upper',
  neck: 'upper',
  'shoulder-blade': 'upper',
  'rotator-cuff': 'upper',
  arms: 'upper',
  grip: 'upper',
};
export const isMuscle = (p: Purpose): boolean => MUSCLE_GROUP[p] !== undefined;
export const BALANCE_PURPOSES: readonly Purpose[] = ['static-balance', 'dynamic-balance', 'gait'];

/**
 * How much support a balance exercise gives (§4, Otago; Sherrington 2019): sitting, standing or
 * walking while holding a counter or rail, or free. Only exercises that train balance have one.
 */
export const SUPPORT_LEVELS = ['seated', 'supported', 'free'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

/** One plain sentence per caution, shown to users. */
export const CAUTION_TEXT: Record<Caution, string> = {
  'high-impact': 'This one involves light jumping or jogging, so skip it while your knees or hips are sore.',
  'loaded-flexion': 'This one bends the back forward repeatedly, so skip it if you have thinning bones.',
  'loaded-twist': 'This one twists the back repeatedly or under load, so skip it if you have thinning bones.',
  'spinal-bend': 'This one bends the back as far as it goes, so skip it if you have thinning bones.',
  'spinal-twist': 'This one twists the back as far as it goes, so skip it if you have thinning bones.',
  'back-flare': 'Leave this one out while your back is flaring up, and come back to it when things settle.',
  kneeling: 'This one puts weight through your knees, so use a folded towel or skip it if kneeling hurts.',
  overhead: 'This one lifts your arms above your head, so keep it smaller if your shoulder complains.',
  'wrist-load': 'This one puts weight through your hands, so skip it or use your fists if your wrists hurt.',
  'single-leg': 'This one has you stand on one leg, so keep a hand on a counter and put the foot down whenever you need to.',
};

/** Where an exercise sits in a session by default. */
export const PHASES = ['warm-up', 'main', 'cool-down'] as const;
export type Phase = (typeof PHASES)[number];

/** Styles of balance work: standing balance or walking (gait) practice. */
export const BALANCE_STYLES = ['balance', 'gait'] as const;
export type BalanceStyle = (typeof BALANCE_STYLES)[number];

/** The `style` of an exercise: how a cardio, mind-body or balance exercise is done. */
export type ExerciseStyle = CardioLike | MindBodyLike | BalanceStyle;

/** The styles each exercise type may take; strength and flexibility have none (style is null). */
export const STYLES_BY_TYPE: Readonly<Record<ExerciseType, readonly ExerciseStyle[]>> = {
  cardio: CARDIO_LIKES,
  'mind-body': MIND_BODY_LIKES,
  balance: BALANCE_STYLES,
  strength: [],
  flexibility: [],
};

/** Equipment an exercise may list: everything a user may own except the chair (assumed everywhere). */
export const LIBRARY_EQUIPMENT = EQUIPMENT.filter(
  (e): e is Exclude<Equipment, 'chair'> => e !== 'chair',
) as readonly Exclude<Equipment, 'chair'>[];
export type LibraryEquipment = Exclude<Equipment, 'chair'>;

/** Sets of repetitions (reps counted per side where the exercise has sides). */
export interface RepsDose {
  readonly sets: number;
  readonly reps: number;
}
/** Sets of static holds. */
export interface HoldDose {
  readonly sets: number;
  readonly holdSeconds: number;
}
/** Continuous time. */
export interface MinutesDose {
  readonly minutes: number;
}
export type Dose = RepsDose | HoldDose | MinutesDose;
export type DoseKind = 'reps' | 'hold' | 'minutes';

export function doseKind(dose: Dose): DoseKind {
  if ('minutes' in dose) return 'minutes';
  if ('holdSeconds' in dose) return 'hold';
  return 'reps';
}

export interface Exercise {
  readonly id: string;
  readonly name: string;
  readonly type: ExerciseType;
  /** The painful regions this exercise helps. */
  readonly regions: readonly Region[];
  readonly position: Position;
  /** Needed equipment; empty for none. A chair and a wall are assumed and never listed. */
  readonly equipment: readonly LibraryEquipment[];
  /** Cardio: CardioLike; mind-body: MindBodyLike; balance: BalanceStyle; otherwise null. */
  readonly style: ExerciseStyle | null;
  readonly phase: Phase;
  /** The next easier rung of this exercise's ladder (same type), or null. */
  readonly easier: string | null;
  /** The next harder rung of this exercise's ladder (same type), or null. */
  readonly harder: string | null;
  /** Starting dose. */
  readonly dose: Dose;
  /** Target effort, Borg CR10 (0-10). */
  readonly effort: number;
  /** 2-4 short instructions. */
  readonly cues: readonly string[];
  readonly cautions: readonly Caution[];
  /** Suitable on a flare day: effort <= 2 and no cautions. */
  readonly gentle: boolean;
  /** One line on what it is for. */
  readonly purpose: string;
  /** What it trains (muscles, balance, fitness, skills): chosen by these, never by name. */
  readonly trains: readonly Purpose[];
  /** For exercises that train balance: seated, holding support, or free; otherwise null. */
  readonly support: SupportLevel | null;
  /** Done on each side in turn: reps and holds are per side. */
  readonly perSide: boolean;
  /** Each repetition is held this many seconds (said in the cues); null when not held. */
  readonly repHoldSeconds: number | null;
}

/** Muscles this exercise loads (its purposes that are muscles). */
export const musclesOf = (ex: Pick<Exercise, 'trains'>): Purpose[] => ex.trains.filter(isMuscle);
/** A balance challenge that is done standing or walking (support held or free). */
export const isStandingBalance = (ex: Pick<Exercise, 'support'>): boolean => ex.support !== null && ex.support !== 'seated';
/** Walking balance (gait work). */
export const isWalkingBalance = (ex: Pick<Exercise, 'trains'>): boolean => ex.trains.includes('gait');
