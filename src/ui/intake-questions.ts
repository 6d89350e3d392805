// The intake questions in painfit's own plain words (paraphrased after PAR-Q+ and the
// red-flag lists named in clinical-rules.md §1; those tools are copyrighted, so never copied).
import type { FollowUp, MoodQuestion, ReadinessQuestion, RedFlag } from '../domain/intake';
import {
  DIZZINESS_LOOKBACK_MONTHS,
  INFLAMMATORY_ONSET_AGE,
  INFLAMMATORY_STIFFNESS_MINUTES,
  LONG_TERM_STEROID_MONTHS,
  MOOD_LOOKBACK_WEEKS,
  RECENT_FRACTURE_WEEKS,
  RECENT_SURGERY_WEEKS,
} from '../domain/rules';
import { FOLLOW_UP_LABEL, READINESS_LABEL, RED_FLAG_LABEL } from '../domain/screening';
import { WEEKDAY_LONG } from '../domain/words';
import type { CardioLike, Equipment, MindBodyLike, Region } from '../domain/vocab';

export const READINESS_TEXT: Record<ReadinessQuestion, string> = {
  heartCondition: 'Has a doctor ever told you that you have a heart condition or high blood pressure?',
  chestPain: 'Do you get pain in your chest at rest, in daily life, or when you are active?',
  dizziness: `In the last ${DIZZINESS_LOOKBACK_MONTHS} months, have you lost your balance because of dizziness, or fainted?`,
  otherCondition: 'Do you have another long-term health condition diagnosed by a doctor (for example diabetes or lung disease)?',
  medication: 'Do you take prescribed medicine for a long-term condition?',
  boneJoint: 'Do you have a bone, joint or muscle problem that could get worse if you were more active? (Most people using painfit say yes: it is usually the pain itself.)',
  supervisedOnly: 'Has a doctor told you to exercise only with medical supervision?',
};

/** Asked only after "yes" to the bone, joint or muscle question (PAR-Q+ follow-ups). */
export const FOLLOW_UP_TEXT: Record<FollowUp, string> = {
  recentFracture: `Have you broken a bone in the last ${RECENT_FRACTURE_WEEKS} weeks, or ever broken one because of thin bones (osteoporosis) or cancer?`,
  recentSurgery: `Have you had a joint replacement or any other operation in the last ${RECENT_SURGERY_WEEKS} weeks?`,
  longTermSteroids: `Have you taken steroid tablets or injections regularly for more than ${LONG_TERM_STEROID_MONTHS} months?`,
};

export const RED_FLAG_TEXT: Record<RedFlag, string> = {
  bladderBowel: 'New or worsening trouble passing urine, or controlling your bladder or bowels?',
  saddleNumbness: 'New or worsening numbness around your bottom, genitals or inner thighs?',
  legWeakness: 'New or worsening weakness or numbness in both legs?',
  temporalHeadache: 'A new or worsening headache at your temple, with jaw pain when chewing or changes in your vision?',
  feverWithPain: 'New fever or chills together with back or neck pain?',
  cancerHistory: 'Have you had cancer, and is your back or neck pain new or worsening?',
  injuryWithOsteoporosis: 'A recent fall or injury, if you have thin bones (osteoporosis) or take steroid tablets long-term?',
  newNumbness: 'New or spreading weakness, numbness or pins and needles in one arm or leg?',
  unsteadyOrClumsy: 'New or worsening unsteady walking or clumsy hands, together with neck pain?',
  hotSwollenJoint: 'A new hot, red, swollen joint?',
  girdleStiffness: 'New or worsening pain and stiffness in both shoulders or both hips, worst in the morning?',
  weightLoss: 'Weight loss you cannot explain, new in recent months?',
  nightPain: 'New or worsening pain that wakes you at night and does not ease when you change position?',
  morningStiffness: `Stiffness most mornings lasting over ${INFLAMMATORY_STIFFNESS_MINUTES} minutes that eases as you move, which began before age ${INFLAMMATORY_ONSET_AGE}, and that no clinician has looked at yet?`,
};

/** Two questions after the PHQ-2 (Kroenke 2003), in painfit's own words. */
export const MOOD_TEXT: Record<MoodQuestion, string> = {
  interest: `Over the last ${MOOD_LOOKBACK_WEEKS} weeks, have you often had little interest or pleasure in doing things?`,
  down: `Over the last ${MOOD_LOOKBACK_WEEKS} weeks, have you often felt down, low or hopeless?`,
};

export const REGION_TEXT: Record<Region, string> = {
  neck: 'Neck',
  shoulder: 'Shoulder',
  'upper-back': 'Upper back',
  'low-back': 'Lower back',
  hip: 'Hip',
  knee: 'Knee',
  'ankle-foot': 'Ankle or foot',
  'wrist-hand': 'Wrist or hand',
  widespread: 'Pain in many places (widespread)',
};

/** Whole day names, from the one words module. */
export const DAY_TEXT = WEEKDAY_LONG;

export const CARDIO_TEXT: Record<CardioLike, string> = {
  walking: 'Walking',
  cycling: 'Cycling (an exercise bike)',
  swimming: 'Swimming or walking in a pool',
  seated: 'Seated cardio (moving briskly in a chair)',
};

export const MIND_BODY_TEXT: Record<MindBodyLike, string> = {
  yoga: 'Gentle yoga',
  'tai-chi': 'Tai chi',
  pilates: 'Pilates-style exercises',
  breathing: 'Breathing and relaxation',
};

export const EQUIPMENT_TEXT: Record<Equipment, string> = {
  band: 'Resistance band',
  chair: 'Sturdy chair (assumed anyway)',
  dumbbells: 'Light dumbbells or water bottles',
  bike: 'Exercise bike',
  pool: 'Access to a pool',
  mat: 'Exercise mat',
  step: 'A low step',
};

/** Short labels for summaries and reports: the domain's words (one place). */
export const READINESS_SHORT: Record<ReadinessQuestion, string> = READINESS_LABEL;
export const FOLLOW_UP_SHORT: Record<FollowUp, string> = FOLLOW_UP_LABEL;
export const RED_FLAG_SHORT: Record<RedFlag, string> = RED_FLAG_LABEL;
