// The one words module: labels and short phrases shown to people (regions, months, weekdays,
// warning-sign tiers, the PEG scale, effort and pain labels). Every renderer takes them from here,
// so a label reads the same on every screen, in the report and on the clinician's page.
// Pure data; formulas (the PEG score, means, verdicts) live with their rules, not here.
import type { FeedbackAnswer } from './facts';
import { effortPhrase } from './effort';
import { LIGHT_ONLY_MAX_EFFORT, URGENT_WITHIN_HOURS } from './rules';
import type { RedFlagTier } from './screening';
import type { Region, Weekday } from './vocab';

export const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export const WEEKDAY_SHORT: Readonly<Record<Weekday, string>> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };
export const WEEKDAY_LONG: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** Body regions in running text ("pain: lower back, knee"). */
export const REGION_LABEL: Readonly<Record<Region, string>> = {
  neck: 'neck',
  shoulder: 'shoulder',
  'upper-back': 'upper back',
  'low-back': 'lower back',
  hip: 'hip',
  knee: 'knee',
  'ankle-foot': 'ankle or foot',
  'wrist-hand': 'wrist or hand',
  widespread: 'widespread pain',
};

/**
 * Warning-sign tiers (clinical-rules §1b) as the short label beside an answer: which tier a sign
 * belongs to lives with the screening rules (screening.ts RED_FLAG_TIER); its words live here.
 */
export const TIER_LABEL: Readonly<Record<RedFlagTier, string>> = {
  emergency: 'emergency: today',
  urgent: `urgent: within ${URGENT_WITHIN_HOURS} hours`,
  'non-urgent': 'see your GP soon',
};

/** The readiness tiers (clinical-rules §1a): a "yes" that stops the plan until cleared, or holds effort light. */
export const READINESS_TIER_LABEL = { stop: 'stop until cleared', light: 'light effort' } as const;

/** Every tier an answer can have, by its code (report --json `screening.answers[].tier`). */
export const ANSWER_TIER_LABEL: Readonly<Record<RedFlagTier | keyof typeof READINESS_TIER_LABEL, string>> = { ...READINESS_TIER_LABEL, ...TIER_LABEL };

/** The screening's outcome tier on the clinician's page (the person is "them"). */
export const SCREENING_OUTCOME_LABEL: Readonly<Record<'proceed' | 'light' | 'stop', string>> = {
  proceed: 'Cleared to start: gentle, gradual progression',
  light: `Effort held at ${effortPhrase(LIGHT_ONLY_MAX_EFFORT)} at most until a dated clearance`,
  stop: 'Not cleared: no exercise plan until a clinician has seen them',
};

/** The heading of the message shown the moment an emergency or urgent warning sign is answered. */
export const ACT_NOW_TITLE: Readonly<Record<'emergency' | 'urgent', string>> = {
  emergency: 'Please get help today',
  urgent: 'Please see a clinician soon',
};

/** Per-exercise feedback (clinical-rules §4), as `log --feedback` and the guided session ask it. */
export const FEEDBACK_LABEL: Readonly<Record<FeedbackAnswer, string>> = { easy: 'easy', right: 'about right', hard: 'hard', hurt: 'it hurt' };

/** The PEG scale (Krebs 2009): three 0-10 items about the past week; the score is their mean. */
export const PEG = {
  name: 'PEG',
  /** In a verdict line. */
  label: 'PEG (pain and how much it gets in the way, 0-10)',
  /** As a heading on the clinician's page. */
  heading: 'PEG: pain, enjoyment, activity',
  scale: 'mean of three 0–10 items',
  items: { pain: 'average pain', enjoyment: 'interference with enjoyment of life', activity: 'interference with general activity' },
  source: 'Krebs 2009',
} as const;

/** Borg CR10 words for an effort target (clinical-rules §4): 0 rest … 5 hard. */
export function effortLabel(effort: number): string {
  if (effort <= 0) return 'rest';
  if (effort === 1) return 'very light';
  if (effort === 2) return 'light';
  if (effort === 3) return 'moderate';
  if (effort === 4) return 'somewhat hard';
  return 'hard';
}

/** Display labels only (Boonstra 2016): 1-3 mild, 4-6 moderate, 7-10 severe. */
export function painLabel(pain: number): string {
  if (pain === 0) return 'no pain';
  if (pain <= 3) return 'mild';
  if (pain <= 6) return 'moderate';
  return 'severe';
}

/** "5 Jan", or "5 Jan 2027" with the year. Anything that is not an ISO date is returned as given. */
export function dayMonth(date: string, withYear = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m ? MONTH_SHORT[Number(m[2]) - 1] : undefined;
  if (!m || !month) return date;
  return `${Number(m[3])} ${month}${withYear ? ` ${m[1]}` : ''}`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(xs: readonly string[]): string {
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
