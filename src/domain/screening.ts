// Screening at intake (clinical-rules.md §1). Pure: the answers and dates in, a decision out.
import { addMonths, type IsoDate } from './dates';
import type { IntakeAnswers, ReadinessQuestion, RedFlag } from './intake';
import { LIGHT_ONLY_MAX_EFFORT, SCREENING_VALID_MONTHS, TARGET_EFFORT_MAX } from './rules';

export type Readiness = 'proceed' | 'light' | 'stop';
export type RedFlagTier = 'emergency' | 'urgent' | 'non-urgent';

/** PAR-Q+ (2023): these answers mean no plan until a clinician has cleared the person. */
export const READINESS_STOP: readonly ReadinessQuestion[] = ['chestPain', 'supervisedOnly'];

/**
 * Red-flag triage tiers. DEFAULT tiers built from NICE NG59 §1.1.1, Finucane 2020,
 * BMJ Best Practice (cauda equina) and NICE NG65.
 */
export const RED_FLAG_TIER: Readonly<Record<RedFlag, RedFlagTier>> = {
  bladderBowel: 'emergency',
  saddleNumbness: 'emergency',
  legWeakness: 'emergency',
  feverWithPain: 'urgent',
  cancerHistory: 'urgent',
  injuryWithOsteoporosis: 'urgent',
  newNumbness: 'urgent',
  unsteadyOrClumsy: 'urgent',
  weightLoss: 'non-urgent',
  nightPain: 'non-urgent',
  morningStiffness: 'non-urgent',
};

const TIER_ORDER: readonly RedFlagTier[] = ['emergency', 'urgent', 'non-urgent'];

export const SCREENING_MESSAGES = {
  emergency:
    'Some of your answers can be a sign of a problem that needs checking today. Please go to an emergency department or call emergency services now. Do not start exercising until a clinician has seen you.',
  urgent:
    'Some of your answers mean a clinician should look at this soon. Please see a doctor within 24 hours. painfit will not make a plan until you tell it a clinician has cleared you (run painfit intake again).',
  nonUrgent:
    'Some of your answers are worth mentioning to your GP soon. You can start gently, but painfit will keep the same level (no increases) until you record that a clinician has seen you.',
  readinessStop:
    'Because of your answer about chest pain or being told to exercise only with supervision, please check with your doctor first. painfit will make a plan once you tell it a clinician has cleared you (run painfit intake again).',
  light:
    'You answered yes to a health question, which is very common. painfit will keep the effort light (up to 3 out of 10). It is a good idea to show this plan to your doctor or physiotherapist.',
  proceed: 'Your answers say it is fine to start. painfit will start gently and build up slowly.',
  cleared: 'You told painfit a clinician has cleared you for exercise. Follow any limits they gave you.',
  rescreen:
    'Your health answers are more than 12 months old. Please run painfit intake again so the plan still fits you.',
  alwaysStop:
    'Stop at once and get help if you have chest pain, severe dizziness or unusual breathlessness while exercising.',
} as const;

export interface Screening {
  /** What the plan may do: proceed, light effort only, or no plan at all. */
  outcome: Readiness;
  /** The readiness outcome before any clearance. */
  readiness: Readiness;
  redFlagTier: RedFlagTier | null;
  redFlags: RedFlag[];
  readinessYes: ReadinessQuestion[];
  cleared: boolean;
  /** Non-urgent red flags hold the plan at its current level until a clinician has seen the person. */
  progressionPaused: boolean;
  /** Highest target effort allowed (Borg CR10). */
  maxEffort: number;
  rescreenDue: boolean;
  /** Plain-words messages, most important first. */
  notes: string[];
}

export function readinessOf(answers: IntakeAnswers): { readiness: Readiness; yes: ReadinessQuestion[] } {
  const yes = (Object.keys(answers.readiness) as ReadinessQuestion[]).filter((q) => answers.readiness[q]);
  if (yes.some((q) => READINESS_STOP.includes(q))) return { readiness: 'stop', yes };
  return { readiness: yes.length > 0 ? 'light' : 'proceed', yes };
}

export function redFlagTierOf(answers: IntakeAnswers): { tier: RedFlagTier | null; flags: RedFlag[] } {
  const flags = (Object.keys(answers.redFlags) as RedFlag[]).filter((f) => answers.redFlags[f]);
  const tier = TIER_ORDER.find((t) => flags.some((f) => RED_FLAG_TIER[f] === t)) ?? null;
  return { tier, flags };
}

/**
 * Screen one intake as of `asOf`. `intakeDate` is the day the answers were given: clearance
 * and answers go stale after SCREENING_VALID_MONTHS.
 */
export function screen(answers: IntakeAnswers, intakeDate: IsoDate, asOf: IsoDate): Screening {
  const { readiness, yes } = readinessOf(answers);
  const { tier, flags } = redFlagTierOf(answers);
  const cleared = answers.clearedByClinician;
  const blockedByFlags = tier === 'emergency' || tier === 'urgent';
  const blocked = !cleared && (readiness === 'stop' || blockedByFlags);

  // Once cleared, any "yes" still means light effort: the clinician's advice is not known to painfit.
  const outcome: Readiness = blocked ? 'stop' : yes.length > 0 ? 'light' : 'proceed';
  const notes: string[] = [];
  if (!cleared && tier === 'emergency') notes.push(SCREENING_MESSAGES.emergency);
  if (!cleared && tier === 'urgent') notes.push(SCREENING_MESSAGES.urgent);
  if (!cleared && readiness === 'stop') notes.push(SCREENING_MESSAGES.readinessStop);
  if (!blocked) {
    if (cleared && (readiness === 'stop' || tier !== null)) notes.push(SCREENING_MESSAGES.cleared);
    if (!cleared && tier === 'non-urgent') notes.push(SCREENING_MESSAGES.nonUrgent);
    notes.push(outcome === 'light' ? SCREENING_MESSAGES.light : SCREENING_MESSAGES.proceed);
  }
  const rescreenDue = asOf >= addMonths(intakeDate, SCREENING_VALID_MONTHS);
  if (rescreenDue) notes.push(SCREENING_MESSAGES.rescreen);

  return {
    outcome,
    readiness,
    redFlagTier: tier,
    redFlags: flags,
    readinessYes: yes,
    cleared,
    progressionPaused: !cleared && tier === 'non-urgent',
    maxEffort: outcome === 'proceed' ? TARGET_EFFORT_MAX : LIGHT_ONLY_MAX_EFFORT,
    rescreenDue,
    notes,
  };
}
