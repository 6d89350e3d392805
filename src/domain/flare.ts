// Flares (clinical-rules.md §5: NICE NG193; CUH NHS flare-up guidance). The thresholds are
// DEFAULTs named in rules.ts. Flare state is never stored: it is replayed from the check-ins,
// day by day from the intake date, so any date can be asked about and the answer is the same.
import { addDays, compareText, daysBetween, type IsoDate } from './dates';
import type { Dose, Exercise } from './exercise';
import type { Checkin, FlareFact } from './facts';
import type { IntakeAnswers } from './intake';
import {
  candidatesFor,
  estimateSeconds,
  indexLibrary,
  limitsOf,
  sessionOrder,
  startCardioMinutes,
  startDose,
  TRANSITION_SECONDS,
  type PlanItem,
} from './plan';
import {
  FLARE_ABSOLUTE_BELOW_REFERENCE,
  FLARE_ABSOLUTE_PAIN,
  FLARE_DURING_SESSIONS,
  FLARE_REFERENCE_DAYS,
  FLARE_REFERENCE_MIN_CHECKINS,
  FLARE_RESCREEN_DAYS,
  FLARE_RISE_POINTS,
  FLARE_SETTLED_CHECKINS,
  FLARE_SETTLED_MARGIN,
  FLARE_VOLUME_FRACTION,
  MAX_PAIN_DURING_EXERCISE,
} from './rules';

/** Walking during a flare comes in bouts of at most this many minutes ("short bouts", §5). DEFAULT */
export const FLARE_BOUT_MINUTES = 5;
/** Target effort ceiling on a flare day: gentle work only. DEFAULT (matches the library's `gentle`). */
export const FLARE_MAX_EFFORT = 2;

/** `said`: the person said "I'm flaring" (a `flares` fact, painfit flare). */
export type FlareTriggerKind = 'rise' | 'high' | 'during' | 'said';

export interface FlareTrigger {
  kind: FlareTriggerKind;
  date: IsoDate;
  pain: number;
  during: number | null;
}

export interface FlareEpisode {
  start: IsoDate;
  /** The reference level the flare started from; leaving is measured against it (§5). */
  reference: number;
  trigger: FlareTrigger;
}

export interface FlareDay {
  date: IsoDate;
  /** The usual level for this day (§5 reference). */
  reference: number;
  referenceFromIntake: boolean;
  /** A flare was in force at some moment of the day: left out of later reference levels. */
  flareDay: boolean;
  /** The flare in force at the end of the day (after its check-ins), if any. */
  active: FlareEpisode | null;
  /** A flare that ended on this day with its second settled check-in. */
  ended: FlareEpisode | null;
}

/** Check-ins in the order they were given. */
export function byCheckinOrder(a: Checkin, b: Checkin): number {
  return compareText(a.date, b.date) || compareText(a.recordedAt, b.recordedAt) || a.id - b.id;
}

export function groupByDate(checkins: readonly Checkin[]): Map<IsoDate, Checkin[]> {
  const out = new Map<IsoDate, Checkin[]>();
  for (const c of [...checkins].sort(byCheckinOrder)) {
    const day = out.get(c.date);
    if (day) day.push(c);
    else out.set(c.date, [c]);
  }
  return out;
}

/**
 * §5 reference level for `date`: the mean of the check-ins in the 7 days before it, leaving out
 * flare days; the intake average when fewer than 3 such check-ins exist.
 */
export function referenceLevel(
  byDate: ReadonlyMap<IsoDate, readonly Checkin[]>,
  date: IsoDate,
  flareDays: ReadonlySet<IsoDate>,
  intakeAverage: number,
): { level: number; fromIntake: boolean } {
  const window = Array.from({ length: FLARE_REFERENCE_DAYS }, (_, k) => addDays(date, -(k + 1)));
  return referenceOver(window, byDate, flareDays, intakeAverage);
}

/** The reference level over the given window of days (see referenceLevel). */
function referenceOver(
  window: readonly IsoDate[],
  byDate: ReadonlyMap<IsoDate, readonly Checkin[]>,
  flareDays: ReadonlySet<IsoDate>,
  intakeAverage: number,
): { level: number; fromIntake: boolean } {
  const pains: number[] = [];
  for (const day of window) {
    if (flareDays.has(day)) continue;
    for (const c of byDate.get(day) ?? []) pains.push(c.pain);
  }
  return referenceFromPains(pains, intakeAverage);
}

/**
 * Which §5 rule a check-in breaks, if any. `duringRun` counts the reports of pain during exercise
 * above 5/10 in a row, this one included. A rise is named before an absolute high because its
 * message ("well above your usual 4") says more.
 */
export function flareTrigger(c: Pick<Checkin, 'pain' | 'during'>, reference: number, duringRun: number): FlareTriggerKind | null {
  if (c.pain >= reference + FLARE_RISE_POINTS) return 'rise';
  // A high score is a flare only for someone whose usual level is well below it: entry (≥ 8) and
  // exit (≤ reference + 1) must never overlap, or a steady usual 8 would flip in and out (§5).
  if (c.pain >= FLARE_ABSOLUTE_PAIN && reference < FLARE_ABSOLUTE_BELOW_REFERENCE) return 'high';
  if (c.during !== null && c.during > MAX_PAIN_DURING_EXERCISE && duringRun >= FLARE_DURING_SESSIONS) return 'during';
  return null;
}

/** §5 leaving a flare: a check-in no more than 1 point above the reference the flare started from. */
export const isSettled = (pain: number, reference: number): boolean => pain <= reference + FLARE_SETTLED_MARGIN;

/** §5: a flare lasting more than 14 days → ask the red-flag questions again. */
export const flareNeedsRescreen = (flare: FlareEpisode, date: IsoDate): boolean =>
  daysBetween(flare.start, date) >= FLARE_RESCREEN_DAYS;

/** What one day's flare rules carry to the next day (clinical-rules §5). */
export interface FlareCarry {
  active: FlareEpisode | null;
  /** Settled check-ins in a row since the flare began (two end it). */
  settledRun: number;
  /** Reports of pain during exercise above 5/10 in a row. */
  duringRun: number;
}

export const NO_FLARE: FlareCarry = { active: null, settledRun: 0, duringRun: 0 };

/**
 * One day of the §5 flare rules: "I'm flaring" said that day (`said`), then the day's check-ins in
 * the order given. Check-ins dated on a day count for that day: a spike logged today makes today a
 * flare day. The one function the plan, `today` and the report all use.
 */
export function stepFlareDay(
  carry: FlareCarry,
  date: IsoDate,
  dayCheckins: readonly Checkin[],
  ref: { level: number; fromIntake: boolean },
  said: readonly ('start' | 'end')[] = [],
): { carry: FlareCarry; day: FlareDay } {
  let { active, settledRun, duringRun } = carry;
  let flareDay = active !== null;
  let ended: FlareEpisode | null = null;
  for (const kind of said) {
    if (kind === 'end' && active) {
      ended = active;
      active = null;
    } else if (kind === 'start' && !active) {
      active = { start: date, reference: ref.level, trigger: { kind: 'said', date, pain: dayCheckins[0]?.pain ?? Math.round(ref.level), during: null } };
      flareDay = true;
      settledRun = 0;
    }
  }
  for (const c of dayCheckins) {
    if (c.during !== null) duringRun = c.during > MAX_PAIN_DURING_EXERCISE ? duringRun + 1 : 0;
    // A flare the person reported today is not "settled" by today's own check-ins.
    if (active && active.trigger.kind === 'said' && active.start === date) continue;
    if (active) {
      settledRun = isSettled(c.pain, active.reference) ? settledRun + 1 : 0;
      if (settledRun >= FLARE_SETTLED_CHECKINS) {
        ended = active;
        active = null;
      }
      continue;
    }
    const kind = flareTrigger(c, ref.level, duringRun);
    if (kind) {
      active = { start: date, reference: ref.level, trigger: { kind, date, pain: c.pain, during: c.during } };
      flareDay = true;
      settledRun = 0;
      duringRun = 0; // a new run of painful sessions starts after this flare
    }
  }
  return {
    carry: { active, settledRun, duringRun },
    day: { date, reference: ref.level, referenceFromIntake: ref.fromIntake, flareDay, active, ended },
  };
}

/**
 * Replays the check-ins from `from` (the intake date) to `until`, one entry per day, with
 * stepFlareDay. Check-ins before `from` belong to an earlier plan and are ignored (DEFAULT: a new
 * intake starts afresh, its average pain being the usual level until there are enough check-ins).
 */
export function flareTimeline(
  checkins: readonly Checkin[],
  from: IsoDate,
  until: IsoDate,
  intakeAverage: number,
  /** "I'm flaring" / "it has settled" said with painfit flare: read first on their day (§5). */
  said: readonly FlareFact[] = [],
): FlareDay[] {
  const byDate = groupByDate(checkins.filter((c) => c.date >= from && c.date <= until));
  const saidByDate = new Map<IsoDate, FlareFact['kind'][]>();
  for (const f of [...said].sort((a, b) => compareText(a.date, b.date) || compareText(a.recordedAt, b.recordedAt))) {
    if (f.date < from || f.date > until) continue;
    saidByDate.set(f.date, [...(saidByDate.get(f.date) ?? []), f.kind]);
  }
  const flareDays = new Set<IsoDate>();
  const days: FlareDay[] = [];
  let carry = NO_FLARE;
  // The window of earlier days slides along with the replay (days before `from` hold no check-ins).
  const window = Array.from({ length: FLARE_REFERENCE_DAYS }, (_, k) => addDays(from, -(k + 1)));
  for (let date = from; date <= until; date = addDays(date, 1)) {
    const ref = referenceOver(window, byDate, flareDays, intakeAverage);
    const step = stepFlareDay(carry, date, byDate.get(date) ?? [], ref);
    carry = step.carry;
    if (step.day.flareDay) flareDays.add(date);
    days.push(step.day);
    window.unshift(date);
    window.pop();
  }
  return days;
}

/** The reference level from recent days' pains (flare days already left out), §5. */
export function referenceFromPains(pains: readonly number[], intakeAverage: number): { level: number; fromIntake: boolean } {
  if (pains.length < FLARE_REFERENCE_MIN_CHECKINS) return { level: intakeAverage, fromIntake: true };
  return { level: pains.reduce((a, b) => a + b, 0) / pains.length, fromIntake: false };
}

// ---------------------------------------------------------------------------------------------
// The flare-day session (§5): about half the usual volume; gentle range of motion, walking in short
// bouts, breathing and relaxation; no progression.

export interface FlareDayOptions {
  /** screening.maxEffort; the flare day is capped lower still at FLARE_MAX_EFFORT. */
  maxEffort: number;
  /** Minutes of the usual session this day (the one the flare replaces). */
  usualMinutes: number;
  /** Minutes of cardio in the usual session (0 when it has none). */
  usualCardioMinutes: number;
  /** Index of the day in the user's week, to vary the choice. */
  index: number;
}

/** Gentle exercises first (the library's `gentle`: effort ≤ 2, no cautions), then by fit. */
function gentleFirst(xs: Exercise[]): Exercise[] {
  return [...xs.filter((e) => e.gentle), ...xs.filter((e) => !e.gentle)];
}

export function buildFlareDay(answers: IntakeAnswers, library: readonly Exercise[], options: FlareDayOptions): PlanItem[] {
  const limits = limitsOf(answers, Math.min(options.maxEffort, FLARE_MAX_EFFORT), true);
  const byId = indexLibrary(library);
  const budget = Math.max(1, options.usualMinutes * FLARE_VOLUME_FRACTION) * 60;
  const regions = answers.pain.regions;
  const region = (k: number) => regions[(options.index + k) % Math.max(1, regions.length)] ?? null;
  const noWalk = answers.ability.walkMinutes === 0;

  const pools: { pool: Exercise[]; required: boolean }[] = [
    { pool: gentleFirst(candidatesFor('flexibility', region(0), null, answers, library, byId, limits)), required: true },
    {
      pool: gentleFirst(candidatesFor('cardio', null, noWalk ? ['seated'] : ['walking'], answers, library, byId, limits)),
      required: false,
    },
    { pool: gentleFirst(candidatesFor('mind-body', null, ['breathing'], answers, library, byId, limits)), required: false },
    { pool: gentleFirst(candidatesFor('flexibility', region(1), null, answers, library, byId, limits)), required: false },
  ];

  const items: PlanItem[] = [];
  const chosen = new Set<string>();
  let used = 0;
  pools.forEach(({ pool, required }, priority) => {
    const free = pool.filter((e) => !chosen.has(e.id));
    const gentle = free.filter((e) => e.gentle);
    const from = gentle.length > 0 ? gentle : free;
    const ex = from[options.index % Math.max(1, from.length)];
    if (!ex) return;
    let dose: Dose;
    if (ex.type === 'cardio') {
      const usual = options.usualCardioMinutes > 0 ? options.usualCardioMinutes : startCardioMinutes(answers);
      const room = Math.floor((budget - used - TRANSITION_SECONDS) / 60);
      const minutes = Math.min(room, Math.max(1, Math.round(usual * FLARE_VOLUME_FRACTION)));
      if (minutes < 1) return;
      dose = { minutes };
    } else {
      dose = startDose(ex);
      if (!required && used + estimateSeconds(dose, ex) > budget) return;
    }
    used += estimateSeconds(dose, ex);
    chosen.add(ex.id);
    items.push({ exercise: ex, dose, required, priority });
  });
  return sessionOrder(items);
}

// ---------------------------------------------------------------------------------------------
// Words (§5, §7): calm, plain, never alarming.

export const FLARE_MESSAGES = {
  reassure:
    'Flare-ups are common and usually settle within 2 to 7 days. They are not a sign of new damage, and gentle movement helps more than bed rest.',
  noProgression: 'Doses will not go up until the flare-up settles.',
  rescreen:
    'This flare-up has lasted more than two weeks. Please run painfit recheck to answer the warning-sign questions again (your progress is kept), and let your doctor or physiotherapist know.',
} as const;

function when(date: IsoDate, asked: IsoDate, formatDay: (d: IsoDate) => string): string {
  const ago = daysBetween(date, asked);
  if (ago === 0) return 'today';
  if (ago === 1) return 'yesterday';
  return `on ${formatDay(date)}`;
}

/** The "why today is different" lines for a day in a flare. */
export function flareNotes(flare: FlareEpisode, asked: IsoDate, formatDay: (d: IsoDate) => string): string[] {
  const t = flare.trigger;
  const still = flare.start < asked ? 'still ' : '';
  const why =
    t.kind === 'rise'
      ? `Your pain was ${t.pain} ${when(t.date, asked, formatDay)}, well above your usual ${Math.round(flare.reference)}`
      : t.kind === 'high'
        ? `Your pain was ${t.pain} ${when(t.date, asked, formatDay)}, which is high`
        : t.kind === 'said'
          ? `You said you were flaring ${when(t.date, asked, formatDay)}`
          : `Pain during exercise went above ${MAX_PAIN_DURING_EXERCISE} out of 10 two sessions running`;
  const settledAt = Math.floor(flare.reference + FLARE_SETTLED_MARGIN);
  const notes = [
    `${why}, so today is ${still}a lighter flare-day session.`,
    FLARE_MESSAGES.reassure,
    `${FLARE_MESSAGES.noProgression} Your usual plan comes back after two check-ins in a row at ${settledAt} or lower.`,
  ];
  if (flareNeedsRescreen(flare, asked)) notes.push(FLARE_MESSAGES.rescreen);
  return notes;
}
