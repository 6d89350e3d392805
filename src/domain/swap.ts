// `painfit swap` decided in the domain (issue 9): an alternative keeps the original's kind and its
// clinical purpose, must be allowed for the person (eligibility.ts), never gives less balance
// support than the original (§4: less support only after "it felt steady"), and shows any caution
// it carries. Pure: the command parses, asks this, and writes the fact.
import { addDays, compareText, type IsoDate, weekdayOf } from './dates';
import { unfitReason, unfitRule, type UnfitRule, limitsOf } from './eligibility';
import { CAUTION_TEXT, type Exercise, type Purpose, type SupportLevel } from './exercise';
import type { IntakeAnswers, IntakeRecord } from './intake';
import { indexLibrary, isAwkward } from './plan';
import { STRENGTH_REST_HOURS } from './rules';
import { coreKeys, coreOf, sharedMuscles } from './selection';
import { WEEKDAY_LONG } from './words';

export type SwapRule = 'unknown' | 'same' | 'type' | 'purpose' | 'support' | 'adjacent-days' | UnfitRule;

export type SwapDecision =
  | { ok: true; from: Exercise; to: Exercise; cautions: string[] }
  | { ok: false; rule: SwapRule; reason: string };

const SUPPORT_RANK: Record<SupportLevel, number> = { seated: 0, supported: 1, free: 2 };

/** The needs of the person's cores (§6) that an exercise meets, as "key:index" labels. */
function needsMet(ex: Exercise, answers: IntakeAnswers): string[] {
  if (ex.type !== 'strength') return [];
  return coreKeys(answers).flatMap((key) =>
    coreOf(key).flatMap((need, i) => (need.some((p) => ex.trains.includes(p)) ? [`${key}:${i}`] : [])),
  );
}

const PURPOSE_WORDS: Partial<Record<Purpose, string>> = {
  quadriceps: 'the front of the thigh',
  hamstrings: 'the back of the thigh',
  'hip-abductors': 'the side of the hip',
  'hip-extensors': 'the buttock muscles',
  calf: 'the calf',
  'foot-ankle': 'the foot and ankle',
  'back-extensors': 'the back muscles',
  trunk: 'the trunk',
  'deep-neck-flexors': 'the deep neck muscles',
  'shoulder-blade': 'the shoulder-blade muscles',
  'rotator-cuff': 'the rotator cuff',
  grip: 'grip',
  'static-balance': 'standing balance',
  'dynamic-balance': 'balance on the move',
  gait: 'walking balance',
  aerobic: 'heart and lungs',
  mobility: 'movement',
  relaxation: 'relaxation',
};
const purposeWords = (ps: readonly Purpose[]): string => ps.map((p) => PURPOSE_WORDS[p] ?? p).join(' and ');

/** The cautions to show with an exercise someone may do. */
export const swapCautions = (to: Exercise): string[] => to.cautions.map((c) => CAUTION_TEXT[c]);

/** Whether `withId` may replace `fromId` for this person, and why not. */
export function decideSwap(
  fromId: string,
  withId: string,
  intake: Pick<IntakeRecord, 'answers'>,
  library: readonly Exercise[],
  screening: { maxEffort: number },
): SwapDecision {
  const byId = indexLibrary(library);
  const from = byId.get(fromId);
  const to = byId.get(withId);
  const answers = intake.answers;
  if (!from) return { ok: false, rule: 'unknown', reason: `There is no exercise called "${fromId}". Run painfit exercises to see the list.` };
  if (!to) return { ok: false, rule: 'unknown', reason: `There is no exercise called "${withId}". Run painfit exercises to see the list.` };
  if (from.id === to.id) return { ok: false, rule: 'same', reason: `That is the same exercise: ${from.name}.` };
  if (from.type !== to.type) {
    return {
      ok: false,
      rule: 'type',
      reason: `A swap keeps the same kind of exercise: ${from.name} is ${from.type} and ${to.name} is ${to.type}.`,
    };
  }
  const limits = limitsOf(answers, screening.maxEffort);
  const rule = unfitRule(to, limits);
  if (rule !== null) return { ok: false, rule, reason: unfitReason(to, limits) ?? '' };
  // §6: what the original does for the person's cores, the alternative must do too; otherwise
  // they share at least one purpose (a stretch for a stretch, walking balance for walking balance).
  const needed = needsMet(from, answers);
  const met = new Set(needsMet(to, answers));
  const lost = needed.filter((n) => !met.has(n));
  if (lost.length > 0 || !from.trains.some((p) => to.trains.includes(p))) {
    const own = from.trains.filter((p) => !to.trains.includes(p));
    return {
      ok: false,
      rule: 'purpose',
      reason: `A swap keeps what the exercise is for: ${from.name} trains ${purposeWords(own.length > 0 ? own : from.trains)}, and ${to.name} does not.`,
    };
  }
  // §4: a balance exercise moves to less support only when the person said it felt steady.
  if (from.support !== null && to.support !== null && SUPPORT_RANK[to.support] > SUPPORT_RANK[from.support]) {
    return {
      ok: false,
      rule: 'support',
      reason: `${to.name} gives less support than ${from.name}. painfit moves you to less support once you say the supported one feels steady and easy.`,
    };
  }
  return { ok: true, from, to, cautions: swapCautions(to) };
}

/** Alternatives the person may take: allowed and keeping the purpose, the closest first. */
export function swapAlternatives(from: Exercise, intake: Pick<IntakeRecord, 'answers'>, library: readonly Exercise[], screening: { maxEffort: number }): Exercise[] {
  const shared = (e: Exercise) => e.trains.filter((p) => from.trains.includes(p)).length;
  const overlap = (e: Exercise) => e.regions.filter((r) => from.regions.includes(r)).length;
  return library
    .filter((e) => e.id !== from.id && e.type === from.type && decideSwap(from.id, e.id, intake, library, screening).ok)
    .sort(
      (a, b) =>
        Number(isAwkward(a, intake.answers)) - Number(isAwkward(b, intake.answers)) ||
        a.cautions.length - b.cautions.length ||
        shared(b) - shared(a) ||
        overlap(b) - overlap(a) ||
        compareText(a.id, b.id),
    );
}

/** What the swap command should do, decided from the week ahead. */
export type SwapPlan =
  | { ok: true; original: Exercise; to: Exercise; endsSwap: boolean; cautions: string[] }
  | { ok: false; code: 'NOT_IN_PLAN' | 'NO_ALTERNATIVE' | 'UNSUITABLE_SWAP'; rule?: SwapRule; reason: string };

interface WeekDay {
  /** The day's date: with it, a strength swap is checked against the days either side (§4). */
  date?: IsoDate;
  exercises: readonly { id: string; optional?: boolean; swappedFrom?: string }[];
}

/**
 * §4 (ACSM): ≥ STRENGTH_REST_HOURS between strength work for the same muscles, so two adjacent days
 * never load the same muscles. A swap replaces `original` on every day of the week that has it; the
 * week repeats, so the day before the first is the one with the last's weekday. The first clash, or null.
 */
export function adjacentDaysClash(
  original: Exercise,
  to: Exercise,
  week: readonly WeekDay[],
  library: readonly Exercise[],
): { day: IsoDate; neighbour: IsoDate; other: Exercise; muscles: Purpose[] } | null {
  if (to.type !== 'strength') return null;
  const byId = indexLibrary(library);
  const dated = week.filter((d): d is WeekDay & { date: IsoDate } => d.date !== undefined);
  const isSlot = (e: { id: string; swappedFrom?: string }) => (e.swappedFrom ?? e.id) === original.id;
  // The day's strength work once the swap is made.
  const after = (d: WeekDay): Exercise[] =>
    d.exercises.flatMap((e) => {
      const ex = isSlot(e) ? to : byId.get(e.id);
      return ex && ex.type === 'strength' ? [ex] : [];
    });
  for (const day of dated) {
    if (!day.exercises.some(isSlot)) continue;
    for (const step of [-1, 1]) {
      const weekday = weekdayOf(addDays(day.date, step));
      const neighbour = dated.find((d) => d !== day && weekdayOf(d.date) === weekday);
      if (!neighbour) continue;
      for (const other of after(neighbour)) {
        const muscles = sharedMuscles([to], [other]);
        if (muscles.length > 0) return { day: day.date, neighbour: neighbour.date, other, muscles };
      }
    }
  }
  return null;
}

function adjacentReason(to: Exercise, clash: NonNullable<ReturnType<typeof adjacentDaysClash>>): string {
  const day = WEEKDAY_LONG[weekdayOf(clash.day)];
  const next = WEEKDAY_LONG[weekdayOf(clash.neighbour)];
  const same = clash.other.id === to.id ? `${to.name} would be on` : `${clash.other.name} on`;
  return (
    `strength work for the same muscles needs ${STRENGTH_REST_HOURS} hours between sessions, so adjacent days never load the same muscles. ` +
    `${to.name} on ${day} trains ${purposeWords(clash.muscles)}, and ${same} ${next} does too. Choose another exercise, or keep this one.`
  );
}

/**
 * Only what the plan holds can be swapped. An exercise that is itself a swap stands in for the
 * plan's original: the new swap replaces the original, so there is never a chain of swaps, and
 * swapping back to the original ends the swap.
 */
export function planSwap(
  named: Exercise,
  withId: string | undefined,
  week: readonly WeekDay[],
  intake: Pick<IntakeRecord, 'answers'>,
  library: readonly Exercise[],
  screening: { maxEffort: number },
): SwapPlan {
  const byId = indexLibrary(library);
  const planned = week.flatMap((d) => d.exercises).find((e) => e.id === named.id && !e.optional);
  if (!planned) {
    return {
      ok: false,
      code: 'NOT_IN_PLAN',
      reason: `${named.name} (${named.id}) is not in your plan for the next seven days, so there is nothing to swap. painfit plan shows the exercises you can swap.`,
    };
  }
  const original = byId.get(planned.swappedFrom ?? named.id) ?? named;
  if (withId === undefined) {
    const to = swapAlternatives(named, intake, library, screening).find((e) => e.id !== original.id && adjacentDaysClash(original, e, week, library) === null);
    if (!to) {
      return { ok: false, code: 'NO_ALTERNATIVE', reason: `there is no other ${named.type} exercise for the same purpose that fits your answers to swap ${named.name} for.` };
    }
    return { ok: true, original, to, endsSwap: false, cautions: swapCautions(to) };
  }
  if (withId === original.id && named.id !== original.id) {
    return { ok: true, original, to: original, endsSwap: true, cautions: swapCautions(original) };
  }
  const d = decideSwap(named.id, withId, intake, library, screening);
  if (!d.ok) return { ok: false, code: 'UNSUITABLE_SWAP', rule: d.rule, reason: `cannot swap ${named.id} for ${withId}: ${d.reason}` };
  const clash = adjacentDaysClash(original, d.to, week, library);
  if (clash) return { ok: false, code: 'UNSUITABLE_SWAP', rule: 'adjacent-days', reason: `cannot swap ${named.id} for ${withId}: ${adjacentReason(d.to, clash)}` };
  return { ok: true, original, to: d.to, endsSwap: false, cautions: d.cautions };
}
