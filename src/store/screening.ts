// The screening facts beside the intakes: rechecks of the screening answers, dated clearances
// (painfit clear), and which answers are in force on a date.
import type { IsoDate } from '../domain/dates';
import type { IntakeRecord, RecheckAnswers, ScreeningAnswers } from '../domain/intake';
import { screeningPart } from '../domain/intake';
import type { ClearanceFact } from '../domain/screening';
import type { Db } from './db';
import { latestIntakeAsOf } from './intakes';

export interface RecheckRecord {
  id: number;
  date: IsoDate;
  recordedAt: string;
  answers: RecheckAnswers;
}

export function insertRecheck(db: Db, answers: RecheckAnswers, date: IsoDate, recordedAt: string): RecheckRecord {
  const info = db.prepare('INSERT INTO rechecks (date, recorded_at, answers) VALUES (?, ?, ?)').run(date, recordedAt, JSON.stringify(answers));
  return { id: Number(info.lastInsertRowid), date, recordedAt, answers };
}

/** The latest recheck dated on or before `date`. */
export function recheckAsOf(db: Db, date: IsoDate): RecheckRecord | undefined {
  const row = db.prepare('SELECT id, date, recorded_at, answers FROM rechecks WHERE date <= ? ORDER BY date DESC, id DESC LIMIT 1').get(date) as
    | { id: number; date: string; recorded_at: string; answers: string }
    | undefined;
  return row && { id: row.id, date: row.date, recordedAt: row.recorded_at, answers: JSON.parse(row.answers) as RecheckAnswers };
}

export function insertClearance(db: Db, c: { seen: IsoDate; by: string | null; recordedOn: IsoDate }, recordedAt: string): ClearanceFact {
  db.prepare('INSERT INTO clearances (seen, by, recorded_on, recorded_at) VALUES (?, ?, ?, ?)').run(c.seen, c.by, c.recordedOn, recordedAt);
  return { ...c, source: 'clear' };
}

/** Every clearance recorded with painfit clear (the screening ignores those recorded after the day asked about). */
export function allClearances(db: Db): ClearanceFact[] {
  return (db.prepare('SELECT seen, by, recorded_on FROM clearances ORDER BY recorded_on, id').all() as { seen: string; by: string | null; recorded_on: string }[]).map(
    (r) => ({ seen: r.seen, by: r.by, recordedOn: r.recorded_on, source: 'clear' as const }),
  );
}

/** The screening answers in force on `date`: the intake's, or a later recheck's. */
export interface ScreeningInForce {
  answers: ScreeningAnswers;
  /** The day they were given. */
  reportedOn: IsoDate;
  source: 'intake' | 'recheck';
}

export function screeningInForce(db: Db, plan: IntakeRecord, date: IsoDate): ScreeningInForce {
  // A re-run intake that kept the plan's progress answered the screening questions too.
  const latest = latestIntakeAsOf(db, date);
  const intake = latest && (latest.date > plan.date || (latest.date === plan.date && latest.id > plan.id)) ? latest : plan;
  const recheck = recheckAsOf(db, date);
  const later = recheck && (recheck.date > intake.date || (recheck.date === intake.date && recheck.recordedAt > intake.recordedAt));
  if (recheck && later) return { answers: screeningPart(recheck.answers), reportedOn: recheck.date, source: 'recheck' };
  return { answers: screeningPart(intake.answers), reportedOn: intake.date, source: 'intake' };
}

/** The latest date of any intake or recheck: a new one may not be dated before it. */
export function latestAnswersDate(db: Db): IsoDate | undefined {
  const row = db.prepare('SELECT max(d) AS d FROM (SELECT max(date) AS d FROM intakes UNION ALL SELECT max(date) FROM rechecks)').get() as { d: string | null };
  return row.d ?? undefined;
}
