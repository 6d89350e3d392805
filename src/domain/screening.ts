// Screening (clinical-rules.md §1): readiness with its follow-ups, warning signs in three tiers,
// mood, and dated clearances. Pure: the answers in force, their date, the clearances recorded and
// the date asked about in; a decision out, with every message built from the rules' constants.
import { addDays, addMonths, formatDate, type IsoDate } from './dates';
import { effortCapFor, effortPhrase } from './effort';
import {
  FOLLOW_UPS,
  READINESS_QUESTIONS,
  RED_FLAGS,
  type FollowUp,
  type NotAsked,
  type ReadinessQuestion,
  type RedFlag,
  type ScreeningAnswers,
} from './intake';
import {
  FLARE_RESCREEN_DAYS,
  LIGHT_ONLY_MAX_EFFORT,
  MOOD_LOOKBACK_WEEKS,
  MOOD_YES_TO_SUGGEST,
  SAFETY_NET_DURING,
  SAFETY_NET_PAIN,
  SAFETY_NET_RISE_POINTS,
  SCREENING_VALID_MONTHS,
  URGENT_WITHIN_HOURS,
} from './rules';

export type Readiness = 'proceed' | 'light' | 'stop';
export type RedFlagTier = 'emergency' | 'urgent' | 'non-urgent';
/** Why there is no session: which kind of answer stopped it. */
export type StopReason = 'emergency' | 'urgent' | 'readiness' | 'clearance-expired';

/** PAR-Q+ (2023): these answers mean no plan until a dated clearance. */
export const READINESS_STOP: readonly ReadinessQuestion[] = ['chestPain', 'supervisedOnly'];
/**
 * PAR-Q+: these answers mean effort ≤ LIGHT_ONLY_MAX_EFFORT until a dated clearance. The bone/joint
 * question is not among them: it is the person's pain itself, and its follow-ups decide instead.
 */
export const READINESS_LIGHT: readonly ReadinessQuestion[] = ['heartCondition', 'dizziness', 'otherCondition', 'medication'];

/**
 * Warning-sign tiers (clinical-rules §1b): NICE NG59 §1.1.1, Finucane 2020, BMJ Best Practice
 * (cauda equina), NICE NG65, BSR giant-cell arteritis guideline 2020.
 */
export const RED_FLAG_TIER: Readonly<Record<RedFlag, RedFlagTier>> = {
  bladderBowel: 'emergency',
  saddleNumbness: 'emergency',
  legWeakness: 'emergency',
  temporalHeadache: 'emergency',
  feverWithPain: 'urgent',
  cancerHistory: 'urgent',
  injuryWithOsteoporosis: 'urgent',
  newNumbness: 'urgent',
  unsteadyOrClumsy: 'urgent',
  hotSwollenJoint: 'urgent',
  girdleStiffness: 'urgent',
  weightLoss: 'non-urgent',
  nightPain: 'non-urgent',
  morningStiffness: 'non-urgent',
};

export const TIER_ORDER: readonly RedFlagTier[] = ['emergency', 'urgent', 'non-urgent'];

/** A warning sign with its tier: the one shape every list of flags (report, HTML, safety net) uses. */
export interface FlagTier {
  flag: RedFlag;
  tier: RedFlagTier;
}

/** Every warning sign with its tier, most serious first. */
export const FLAG_TIERS: readonly FlagTier[] = RED_FLAGS.map((flag) => ({ flag, tier: RED_FLAG_TIER[flag] }));

export const flagTiers = (flags: readonly string[]): FlagTier[] => FLAG_TIERS.filter((f) => flags.includes(f.flag));

// ---------------------------------------------------------------------------------------------
// Words. Short labels name the answer that applied; messages are built from the rule constants.

export const READINESS_LABEL: Record<ReadinessQuestion, string> = {
  heartCondition: 'a heart condition or high blood pressure',
  chestPain: 'chest pain',
  dizziness: 'dizziness or fainting',
  otherCondition: 'another long-term condition',
  medication: 'medicine for a long-term condition',
  boneJoint: 'a bone, joint or muscle problem',
  supervisedOnly: 'being told to exercise only with supervision',
};

export const FOLLOW_UP_LABEL: Record<FollowUp, string> = {
  recentFracture: 'a recent fracture, or one from thin bones or cancer',
  recentSurgery: 'a joint replacement or other recent surgery',
  longTermSteroids: 'taking steroids regularly for a long time',
};

export const RED_FLAG_LABEL: Record<RedFlag, string> = {
  bladderBowel: 'new bladder or bowel control problems',
  saddleNumbness: 'numbness around the bottom or genitals (saddle area)',
  legWeakness: 'new weakness or numbness in both legs',
  temporalHeadache: 'a new headache at the temple with jaw pain or changes in vision',
  feverWithPain: 'fever or chills with back or neck pain',
  cancerHistory: 'a history of cancer with new back or neck pain',
  injuryWithOsteoporosis: 'a fall or injury with thin bones or long-term steroids',
  newNumbness: 'new or spreading weakness or numbness in one arm or leg',
  unsteadyOrClumsy: 'unsteady walking or clumsy hands with neck pain',
  hotSwollenJoint: 'a hot, red, swollen joint',
  girdleStiffness: 'new stiffness of the shoulders and hips',
  weightLoss: 'weight loss you cannot explain',
  nightPain: 'night pain that does not ease',
  morningStiffness: 'long morning stiffness that eases with movement (inflammatory pattern)',
};

/** What to tell the emergency clinician, in the person's words (clinical-rules §1b). */
export const EMERGENCY_TELL: Partial<Record<RedFlag, string>> = {
  bladderBowel: 'I have back pain and new trouble passing urine or controlling my bladder or bowels',
  saddleNumbness: 'I have back pain and new numbness between my legs',
  legWeakness: 'I have back pain and new weakness or numbness in both legs',
  temporalHeadache: 'I have a new headache at my temple with jaw pain when chewing or changes in my vision',
};

/** The tier words are the words module's (one label on every screen and page). */
export { TIER_LABEL } from './words';

const CLEAR_HINT = 'When a clinician has seen you, record it with painfit clear --seen DATE.';
const RECHECK = 'painfit recheck';

function listWords(xs: readonly string[], conjunction = 'and'): string {
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} ${conjunction} ${xs[xs.length - 1]}`;
}

export const SCREENING_MESSAGES = {
  emergency: (flags: readonly RedFlag[]): string => {
    const tell = flags.map((f) => EMERGENCY_TELL[f]).filter((t): t is string => t !== undefined);
    return (
      `Your answer about ${listWords(flags.map((f) => RED_FLAG_LABEL[f]))} can be a sign of a serious problem that needs a doctor today. ` +
      'Call emergency services or go to an emergency department now, today. ' +
      (tell.length ? `Tell them: "${tell.join('; and ')}." ` : '') +
      `Do not exercise until a clinician has seen you. ${CLEAR_HINT}`
    );
  },
  urgent: (flags: readonly RedFlag[]): string =>
    `Your answer about ${listWords(flags.map((f) => RED_FLAG_LABEL[f]))} means a clinician should look at this within ${URGENT_WITHIN_HOURS} hours. ` +
    `Please see your doctor, or an urgent care service if your doctor cannot see you, within ${URGENT_WITHIN_HOURS} hours. ` +
    `painfit will not give you a session until then. ${CLEAR_HINT}`,
  nonUrgent: (flags: readonly RedFlag[]): string =>
    `Your answer about ${listWords(flags.map((f) => RED_FLAG_LABEL[f]))} is worth mentioning to your GP in the next few weeks. ` +
    `You can start gently, but painfit keeps the same level (no increases) until a clinician has seen you. ${CLEAR_HINT}`,
  readinessStop: (yes: readonly ReadinessQuestion[]): string =>
    `Because of your answer about ${listWords(yes.map((q) => READINESS_LABEL[q]))}, please check with your doctor before becoming more active. ` +
    `painfit will make a plan once a clinician has said exercise is fine for you. ${CLEAR_HINT}`,
  light: (why: readonly string[]): string =>
    `Because of your answer about ${listWords(why)}, painfit keeps effort at ${effortPhrase(LIGHT_ONLY_MAX_EFFORT)} at most until a clinician has cleared you. ` +
    `Show this plan to your doctor or physiotherapist. ${CLEAR_HINT}`,
  followUpsNotAsked:
    `Your answers were given before painfit asked about recent fractures, surgery and steroid use, so effort stays at ${effortPhrase(LIGHT_ONLY_MAX_EFFORT)} at most until you answer those questions: run ${RECHECK} (about 2 minutes; your progress is kept).`,
  proceed: 'Your answers say it is fine to start. painfit will start gently and build up slowly.',
  cleared: (seen: IsoDate, by: string | null): string =>
    `A clinician cleared you on ${formatDate(seen)}${by ? ` (${by})` : ''}. Follow any limits they gave you. ` +
    `The clearance lasts ${SCREENING_VALID_MONTHS} months, until ${formatDate(addMonths(seen, SCREENING_VALID_MONTHS))}.`,
  clearanceExpired: (seen: IsoDate): string =>
    `Your clinician's clearance of ${formatDate(seen)} is more than ${SCREENING_VALID_MONTHS} months old, so painfit needs your health answers again before the next session. ` +
    `Run ${RECHECK} (about 2 minutes); your progress is kept.`,
  emergencyNotClearedInSitting:
    'A clearance given with the same answers cannot lift an emergency warning sign: a clinician must see you first. Afterwards, record it with painfit clear --seen DATE.',
  mood:
    `You said that over the last ${MOOD_LOOKBACK_WEEKS} weeks you have had little interest or pleasure in doing things and have felt down. ` +
    'That is common with long-term pain, and it can be helped: it is worth talking to your doctor about it.',
  notAsked:
    `painfit now asks a few more health questions (new warning signs and mood) that your answers did not include. Run ${RECHECK} when you have 2 minutes; your plan and progress are kept.`,
  rescreen: `Your health answers are more than ${SCREENING_VALID_MONTHS} months old. Please run ${RECHECK} so the plan still fits you; your progress is kept.`,
  alwaysStop:
    'Stop at once and get help if you have chest pain, severe dizziness or unusual breathlessness while exercising.',
} as const;

// ---------------------------------------------------------------------------------------------
// Clearances

/** A clearance as the screening reads it: from the answers themselves, or from `painfit clear`. */
export interface ClearanceFact {
  /** The day the clinician saw the person. */
  seen: IsoDate;
  by: string | null;
  /** The day painfit was told (the answers' date for a clearance given with them). */
  recordedOn: IsoDate;
  /** 'answers': given in the same sitting as the answers; 'clear': recorded afterwards. */
  source: 'answers' | 'clear';
}

/** §1c: an emergency sign needs a clearance recorded afterwards, seen on or after the day it was reported. */
export const clearsEmergency = (c: ClearanceFact, reportedOn: IsoDate): boolean => c.source === 'clear' && c.seen >= reportedOn;
/** §1c: other answers may be cleared in the same sitting, or afterwards, but not by a clearance recorded before them. */
export const clearsOther = (c: ClearanceFact, reportedOn: IsoDate): boolean => c.recordedOn >= reportedOn;
/** §1a: a clearance lasts SCREENING_VALID_MONTHS from the day the person was seen. */
export const clearanceInForce = (c: Pick<ClearanceFact, 'seen'>, asOf: IsoDate): boolean =>
  asOf < addMonths(c.seen, SCREENING_VALID_MONTHS);

const latestSeen = (cs: readonly ClearanceFact[]): ClearanceFact | null =>
  cs.reduce<ClearanceFact | null>((best, c) => (best === null || c.seen > best.seen ? c : best), null);

// ---------------------------------------------------------------------------------------------
// The decision

export interface Screening {
  /** What the plan may do: proceed, light effort only, or no plan at all. */
  outcome: Readiness;
  /** The readiness outcome before any clearance. */
  readiness: Readiness;
  stopReason: StopReason | null;
  redFlagTier: RedFlagTier | null;
  redFlags: RedFlag[];
  /** The warning signs answered yes, each with its tier (the tier model every list uses). */
  flags: FlagTier[];
  readinessYes: ReadinessQuestion[];
  followUpsYes: FollowUp[];
  /** The answers holding effort at LIGHT_ONLY_MAX_EFFORT (labels), empty when none does. */
  lightBecause: string[];
  cleared: boolean;
  /** The clearance in force, if any answer needed one. */
  clearance: { seen: IsoDate; by: string | null; until: IsoDate } | null;
  /** Non-urgent red flags hold the plan at its current level until a clinician has seen the person. */
  progressionPaused: boolean;
  /** Highest target effort allowed (Borg CR10). */
  maxEffort: number;
  /** Answers more than SCREENING_VALID_MONTHS old. */
  rescreenDue: boolean;
  /** Questions not asked yet (answers from version 1): `painfit recheck` asks them. */
  notAsked: NotAsked[];
  moodConcern: boolean;
  /** Plain-words messages, most important first. */
  notes: string[];
}

const yesOf = <K extends string>(keys: readonly K[], answers: Record<K, boolean>): K[] => keys.filter((k) => answers[k]);

export function readinessOf(answers: Pick<ScreeningAnswers, 'readiness' | 'notAsked'>): {
  readiness: Readiness;
  yes: ReadinessQuestion[];
  followUps: FollowUp[];
  light: string[];
} {
  const yes = yesOf(READINESS_QUESTIONS, answers.readiness);
  const followUps = answers.readiness.boneJoint ? yesOf(FOLLOW_UPS, answers.readiness.followUps) : [];
  const light = [
    ...yes.filter((q) => READINESS_LIGHT.includes(q)).map((q) => READINESS_LABEL[q]),
    ...followUps.map((f) => FOLLOW_UP_LABEL[f]),
  ];
  const followUpsUnknown = answers.readiness.boneJoint && (answers.notAsked?.includes('followUps') ?? false);
  if (yes.some((q) => READINESS_STOP.includes(q))) return { readiness: 'stop', yes, followUps, light };
  return { readiness: light.length > 0 || followUpsUnknown ? 'light' : 'proceed', yes, followUps, light };
}

export function redFlagTierOf(answers: Pick<ScreeningAnswers, 'redFlags'>): { tier: RedFlagTier | null; flags: RedFlag[] } {
  const flags = yesOf(RED_FLAGS, answers.redFlags);
  const tier = TIER_ORDER.find((t) => flags.some((f) => RED_FLAG_TIER[f] === t)) ?? null;
  return { tier, flags };
}

/**
 * Screen the answers in force as of `asOf`. `reportedOn` is the day they were given (an intake or
 * a recheck); `clearances` are those recorded with `painfit clear` (the answers' own clearance is
 * read from them). Clearances recorded after `asOf` are ignored, so a past day reads as it was.
 */
export function screen(answers: ScreeningAnswers, reportedOn: IsoDate, asOf: IsoDate, clearances: readonly ClearanceFact[] = []): Screening {
  const { readiness, yes, followUps, light } = readinessOf(answers);
  const { tier, flags } = redFlagTierOf(answers);
  const byTier = (t: RedFlagTier) => flags.filter((f) => RED_FLAG_TIER[f] === t);
  const emergency = byTier('emergency');
  const urgent = byTier('urgent');
  const nonUrgent = byTier('non-urgent');
  const readinessStop = yes.filter((q) => READINESS_STOP.includes(q));
  const followUpsUnknown = readiness !== 'stop' && light.length === 0 && readiness === 'light';
  const notAsked = answers.notAsked ?? [];

  const sitting: ClearanceFact[] = answers.clearance
    ? [{ seen: answers.clearance.date, by: answers.clearance.by ?? null, recordedOn: reportedOn, source: 'answers' }]
    : [];
  const known = [...sitting, ...clearances.filter((c) => c.recordedOn <= asOf && c.seen <= asOf)];
  const forOther = latestSeen(known.filter((c) => clearsOther(c, reportedOn)));
  const forEmergency = latestSeen(known.filter((c) => clearsEmergency(c, reportedOn)));

  const needOther = urgent.length + readinessStop.length + nonUrgent.length + light.length > 0 || followUpsUnknown;
  const emergencyCleared = emergency.length > 0 && forEmergency !== null && clearanceInForce(forEmergency, asOf);
  const otherCleared = needOther && forOther !== null && clearanceInForce(forOther, asOf);
  // A clearance that covered the answers but has run out asks for the answers again (§1a).
  const expired =
    (emergency.length > 0 && forEmergency !== null && !emergencyCleared ? forEmergency : null) ??
    (needOther && forOther !== null && !otherCleared ? forOther : null);

  const notes: string[] = [];
  let stopReason: StopReason | null = null;
  if (emergency.length > 0 && !emergencyCleared && !expired) {
    stopReason = 'emergency';
    notes.push(SCREENING_MESSAGES.emergency(emergency));
    if (sitting.length > 0) notes.push(SCREENING_MESSAGES.emergencyNotClearedInSitting);
  }
  if (urgent.length > 0 && !otherCleared && !expired) {
    stopReason ??= 'urgent';
    notes.push(SCREENING_MESSAGES.urgent(urgent));
  }
  if (readinessStop.length > 0 && !otherCleared && !expired) {
    stopReason ??= 'readiness';
    notes.push(SCREENING_MESSAGES.readinessStop(readinessStop));
  }
  if (stopReason === null && expired) {
    stopReason = 'clearance-expired';
    notes.push(SCREENING_MESSAGES.clearanceExpired(expired.seen));
  }

  const isLight = !otherCleared && (light.length > 0 || followUpsUnknown);
  const outcome: Readiness = stopReason !== null ? 'stop' : isLight ? 'light' : 'proceed';
  const inForce = emergencyCleared ? forEmergency : otherCleared ? forOther : null;
  if (outcome !== 'stop') {
    if (inForce) notes.push(SCREENING_MESSAGES.cleared(inForce.seen, inForce.by));
    if (nonUrgent.length > 0 && !otherCleared) notes.push(SCREENING_MESSAGES.nonUrgent(nonUrgent));
    if (isLight && light.length > 0) notes.push(SCREENING_MESSAGES.light(light));
    else if (isLight) notes.push(SCREENING_MESSAGES.followUpsNotAsked);
    if (outcome === 'proceed' && !inForce && nonUrgent.length === 0) notes.push(SCREENING_MESSAGES.proceed);
  }
  const moodConcern = yesOf(['interest', 'down'] as const, answers.mood).length >= MOOD_YES_TO_SUGGEST;
  if (moodConcern) notes.push(SCREENING_MESSAGES.mood);
  if (notAsked.some((k) => k !== 'followUps')) notes.push(SCREENING_MESSAGES.notAsked);
  const rescreenDue = asOf >= addMonths(reportedOn, SCREENING_VALID_MONTHS);
  if (rescreenDue && stopReason !== 'clearance-expired') notes.push(SCREENING_MESSAGES.rescreen);

  return {
    outcome,
    readiness,
    stopReason,
    redFlagTier: tier,
    redFlags: flags,
    flags: flagTiers(flags),
    readinessYes: yes,
    followUpsYes: followUps,
    lightBecause: isLight ? light : [],
    cleared: inForce !== null,
    clearance: inForce ? { seen: inForce.seen, by: inForce.by, until: addMonths(inForce.seen, SCREENING_VALID_MONTHS) } : null,
    progressionPaused: nonUrgent.length > 0 && !otherCleared,
    maxEffort: effortCapFor(outcome !== 'proceed'),
    rescreenDue,
    notAsked: [...notAsked],
    moodConcern,
    notes,
  };
}

/**
 * The effort cap for a set of screening answers on a date: the small entry point for modules that
 * need only the number (plan, progression). LIGHT_ONLY_MAX_EFFORT while a light-effort answer is not
 * cleared, TARGET_EFFORT_MAX otherwise.
 */
export function effortCap(answers: ScreeningAnswers, reportedOn: IsoDate, asOf: IsoDate, clearances: readonly ClearanceFact[] = []): number {
  return screen(answers, reportedOn, asOf, clearances).maxEffort;
}

// ---------------------------------------------------------------------------------------------
// Acting at once (§1b) and the daily safety net (§1d)

/** The most serious tier among the answers so far: the questionnaire stops at emergency or urgent. */
export function actNowTier(redFlags: Partial<Record<RedFlag, boolean>>): 'emergency' | 'urgent' | null {
  const yes = RED_FLAGS.filter((f) => redFlags[f]);
  if (yes.some((f) => RED_FLAG_TIER[f] === 'emergency')) return 'emergency';
  if (yes.some((f) => RED_FLAG_TIER[f] === 'urgent')) return 'urgent';
  return null;
}

export type SafetyNetTrigger = 'pain' | 'during' | 'rise';

/** §1d: which of the safety-net rules a check-in meets (none for an ordinary check-in). */
export function safetyNetTriggers(c: { pain: number; during: number | null }, reference: number): SafetyNetTrigger[] {
  const out: SafetyNetTrigger[] = [];
  if (c.pain >= SAFETY_NET_PAIN) out.push('pain');
  if (c.during !== null && c.during >= SAFETY_NET_DURING) out.push('during');
  if (c.pain >= reference + SAFETY_NET_RISE_POINTS) out.push('rise');
  return out;
}

/** §1d: the reply's paragraph listing the emergency and urgent signs and what to do. */
export function safetyNetMessage(): string {
  const list = (t: RedFlagTier) => listWords(FLAG_TIERS.filter((f) => f.tier === t).map((f) => RED_FLAG_LABEL[f.flag]), 'or');
  return (
    `That is a lot of pain. Most bad days are a flare-up, but check for these signs. ` +
    `Call emergency services or go to an emergency department today if you have any of these: ${list('emergency')}. ` +
    `See a doctor within ${URGENT_WITHIN_HOURS} hours if you have any of these: ${list('urgent')}. ` +
    `If you have none of these, rest, move gently, and painfit will ease the next session off.`
  );
}

/** §1d: a flare lasting more than FLARE_RESCREEN_DAYS asks for the warning-sign questions again, unless answered since. */
export function flareRecheckDue(flareStart: IsoDate, lastAnswered: IsoDate, asOf: IsoDate): boolean {
  const due = addDays(flareStart, FLARE_RESCREEN_DAYS);
  return asOf >= due && lastAnswered < due;
}

export const FLARE_RECHECK_MESSAGE = `This flare-up has lasted more than ${FLARE_RESCREEN_DAYS} days. Before the next session, please answer the warning-sign questions again: run ${RECHECK} (about 2 minutes; your progress is kept), and let your doctor or physiotherapist know.`;

// ---------------------------------------------------------------------------------------------
// §1d: the one question a guided session starts with (painfit start asks it; pure here)

export const PRE_SESSION_QUESTIONS = ['unwell', 'numbnessOrWeakness', 'chestPainOrFaint'] as const;
export type PreSessionQuestion = (typeof PRE_SESSION_QUESTIONS)[number];

/** The question, part by part, in plain words (clinical-rules §1d). */
export const PRE_SESSION_TEXT: Record<PreSessionQuestion, string> = {
  unwell: 'Do you have a fever, a cold or an infection, or feel unwell today?',
  numbnessOrWeakness: 'Any new numbness or weakness since your last session?',
  chestPainOrFaint: 'Any chest pain, or feeling faint or dizzy, today?',
};

/** The fitting advice for each "yes": no session today. */
export const PRE_SESSION_ADVICE: Record<PreSessionQuestion, string> = {
  unwell:
    'No session today: rest while you are unwell (PAR-Q+: delay becoming more active). Start again when you feel better; if it gets worse, contact a doctor.',
  numbnessOrWeakness:
    `New numbness or weakness needs checking. If it is in both legs, around your bottom or genitals, or comes with bladder or bowel changes, call emergency services or go to an emergency department today; otherwise see a doctor within ${URGENT_WITHIN_HOURS} hours. Then run ${RECHECK}.`,
  chestPainOrFaint:
    'No session today. If you have chest pain now, call emergency services. If you felt faint or dizzy, rest and speak to your doctor before exercising again.',
};

export interface PreSessionDecision {
  /** True when every answer was "no": the session may start. */
  go: boolean;
  /** Advice for each "yes", most serious first. */
  advice: string[];
  /** An unwell "yes" makes the day an unwell day, as `log --unwell` does. */
  unwellDay: boolean;
}

/** §1d: any "yes" → no session, with the fitting advice. */
export function preSessionDecision(answers: Record<PreSessionQuestion, boolean>): PreSessionDecision {
  const order: PreSessionQuestion[] = ['chestPainOrFaint', 'numbnessOrWeakness', 'unwell'];
  const yes = order.filter((q) => answers[q]);
  return { go: yes.length === 0, advice: yes.map((q) => PRE_SESSION_ADVICE[q]), unwellDay: answers.unwell };
}
