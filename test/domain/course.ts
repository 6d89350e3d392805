// A scripted course lived day by day through the pure domain with the shipped library: every day
// the session is built, then the person's answers are added as facts. Shared by the course tests.
import fs from 'node:fs';
import path from 'node:path';
import { addDays, type IsoDate } from '../../src/domain/dates';
import type { Exercise } from '../../src/domain/exercise';
import type { Checkin, Completion, Feedback, Walk } from '../../src/domain/facts';
import type { IntakeAnswers } from '../../src/domain/intake';
import { INTAKE_TEMPLATE } from '../../src/domain/intake-template';
import { buildSession, type ScreeningInput, type Session, type SessionInput } from '../../src/domain/session';

export const REAL_LIBRARY: readonly Exercise[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'exercises.json'), 'utf8'),
) as Exercise[];

/** Knee and low-back pain, Mon/Wed/Fri 20 minutes, walks 15 minutes, usual pain `pain`. */
export function courseAnswers(pain = 4, patch: (a: IntakeAnswers) => void = () => {}): IntakeAnswers {
  const a = structuredClone(INTAKE_TEMPLATE) as IntakeAnswers;
  a.readiness = { ...a.readiness, boneJoint: false };
  a.pain = { ...a.pain, regions: ['knee', 'low-back'], average: pain };
  a.ability = { ...a.ability, walkMinutes: 15 };
  a.schedule = { days: ['mon', 'wed', 'fri'], minutes: 20 };
  patch(a);
  return a;
}

export const COURSE_START: IsoDate = '2026-01-05'; // a Monday
export const PROCEED_SCREENING: ScreeningInput = { outcome: 'proceed', maxEffort: 4, progressionPaused: false, notes: [] };

export interface CourseDay {
  pain?: number;
  during?: number | null;
  /** Do the session (all of it) when there is one. Default true. */
  session?: boolean;
  /** Walk the prescribed walk when there is one. Default true. */
  walk?: boolean;
  feedback?: Record<string, Feedback['answer']>;
}

export interface Course {
  base: SessionInput;
  sessions: Session[];
  facts: Required<Pick<SessionInput, 'checkins' | 'completions' | 'feedback' | 'walks'>>;
}

let ids = 1;
/** Lives `weeks` weeks; `script(date, session)` says what the person did (null: nothing at all that day). */
export function liveCourse(answers: IntakeAnswers, weeks: number, script: (date: IsoDate, s: Session) => CourseDay | null, over: Partial<SessionInput> = {}): Course {
  const base: SessionInput = {
    date: COURSE_START,
    intake: { id: 1, date: COURSE_START, recordedAt: `${COURSE_START}T08:00:00.000Z`, answers },
    library: REAL_LIBRARY,
    checkins: [],
    completions: [],
    swaps: [],
    screening: PROCEED_SCREENING,
    ...over,
  };
  const checkins: Checkin[] = [];
  const completions: Completion[] = [];
  const feedback: Feedback[] = [];
  const walks: Walk[] = [];
  const sessions: Session[] = [];
  const end = addDays(COURSE_START, weeks * 7);
  for (let date = COURSE_START; date < end; date = addDays(date, 1)) {
    const s = buildSession({ ...base, date, checkins, completions, feedback, walks });
    sessions.push(s);
    const day = script(date, s);
    if (!day) continue;
    const at = `${date}T18:00:00.000Z`;
    if (day.pain !== undefined) {
      const id = ids++;
      checkins.push({ id, date, recordedAt: at, pain: day.pain, during: day.during ?? null, effort: null, sleep: null, note: null });
    }
    const planned = s.exercises.filter((e) => !e.optional);
    if ((day.session ?? true) && planned.length > 0) {
      completions.push(...planned.map((e) => ({ date, exerciseId: e.id, done: true, minutes: e.minutes ?? 1 })));
    }
    if ((day.walk ?? true) && s.walk) walks.push({ date, minutes: s.walk.minutes });
    for (const [exerciseId, answer] of Object.entries(day.feedback ?? {})) feedback.push({ date, exerciseId, answer, recordedAt: at });
  }
  return { base, sessions, facts: { checkins, completions, feedback, walks } };
}

/** Brisk (effort ≥ 3) minutes planned in a plan week: session cardio plus the walking track. */
export function moderateMinutes(week: readonly Session[]): number {
  return week.reduce(
    (sum, s) =>
      sum +
      s.exercises.filter((e) => e.type === 'cardio' && !e.optional && e.effort >= 3).reduce((m, e) => m + (e.minutes ?? 0), 0) +
      (s.walk && s.walk.effort >= 3 ? s.walk.minutes : 0),
    0,
  );
}

export const weekOfCourse = (c: Course, week: number): Session[] => c.sessions.slice((week - 1) * 7, week * 7);
