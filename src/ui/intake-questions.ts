// The intake questions in painfit's own plain words (paraphrased after PAR-Q+ and the
// red-flag lists named in clinical-rules.md §1; those tools are copyrighted, so never copied).
import type { ReadinessQuestion, RedFlag } from '../domain/intake';
import type { CardioLike, Equipment, MindBodyLike, Region, Weekday } from '../domain/vocab';

export const READINESS_TEXT: Record<ReadinessQuestion, string> = {
  heartCondition: 'Has a doctor ever told you that you have a heart condition or high blood pressure?',
  chestPain: 'Do you get pain in your chest at rest, in daily life, or when you are active?',
  dizziness: 'In the last 12 months, have you lost your balance because of dizziness, or fainted?',
  otherCondition: 'Do you have another long-term health condition diagnosed by a doctor (for example diabetes or lung disease)?',
  medication: 'Do you take prescribed medicine for a long-term condition?',
  boneJoint: 'Do you have a bone, joint or muscle problem that could get worse if you were more active? (Most people using painfit say yes.)',
  supervisedOnly: 'Has a doctor told you to exercise only with medical supervision?',
};

export const RED_FLAG_TEXT: Record<RedFlag, string> = {
  bladderBowel: 'New or worsening trouble controlling your bladder or bowels?',
  saddleNumbness: 'Numbness around your bottom, genitals or inner thighs?',
  legWeakness: 'Weakness or numbness in both legs?',
  feverWithPain: 'Fever or chills together with back or neck pain?',
  cancerHistory: 'Have you had cancer, and is this back or neck pain new?',
  injuryWithOsteoporosis: 'A recent fall or injury, if you have osteoporosis or take steroid tablets long-term?',
  newNumbness: 'New or spreading weakness, numbness or pins and needles?',
  unsteadyOrClumsy: 'Unsteady walking or clumsy hands, together with neck pain?',
  weightLoss: 'Weight loss you cannot explain?',
  nightPain: 'Pain that wakes you at night and does not ease when you change position?',
  morningStiffness: 'Stiffness most mornings lasting over 30 minutes that eases as you move, which began before age 45?',
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

export const DAY_TEXT: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

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

/** Short labels for summaries and reports. */
export const READINESS_SHORT: Record<ReadinessQuestion, string> = {
  heartCondition: 'heart condition or high blood pressure',
  chestPain: 'chest pain',
  dizziness: 'dizziness or fainting',
  otherCondition: 'another long-term condition',
  medication: 'medicine for a long-term condition',
  boneJoint: 'bone, joint or muscle problem',
  supervisedOnly: 'told to exercise only with supervision',
};

export const RED_FLAG_SHORT: Record<RedFlag, string> = {
  bladderBowel: 'bladder or bowel control problems',
  saddleNumbness: 'saddle numbness',
  legWeakness: 'weakness or numbness in both legs',
  feverWithPain: 'fever with spinal pain',
  cancerHistory: 'history of cancer with new back or neck pain',
  injuryWithOsteoporosis: 'fall or injury with osteoporosis or steroids',
  newNumbness: 'new or spreading weakness or numbness',
  unsteadyOrClumsy: 'unsteady walking or clumsy hands with neck pain',
  weightLoss: 'unexplained weight loss',
  nightPain: 'night pain that does not ease',
  morningStiffness: 'long morning stiffness (inflammatory pattern)',
};
