import type { IsoDate } from '../domain/dates';
import { upgradeAnswers, type AnswersFile, type IntakeRecord } from '../domain/intake';
import type { Db } from './db';
import { displayDeep } from '../domain/text';

interface IntakeRow {
  id: number;
  date: string;
  recorded_at: string;
  answers: string;
}

// Answers are stored as given (version 1 or 2) and read as version 2: a version 1 intake's
// unasked questions come back marked "not asked yet" (upgradeAnswers).
const toRecord = (row: IntakeRow): IntakeRecord => ({
  id: row.id,
  date: row.date,
  recordedAt: row.recorded_at,
  // Shown on screens and in reports: text saved by an older painfit is neutralised (domain/text.ts).
  answers: displayDeep(upgradeAnswers(JSON.parse(row.answers) as AnswersFile, row.date)),
});

/**
 * `keepsProgress`: a re-run intake that keeps the plan going (its answers apply from `date` on, the
 * plan keeps its start); otherwise the intake starts a plan at week 1.
 */
export function insertIntake(db: Db, answers: AnswersFile, date: IsoDate, recordedAt: string, keepsProgress = false): IntakeRecord {
  const info = db
    .prepare('INSERT INTO intakes (date, recorded_at, answers_version, answers, keeps_progress) VALUES (?, ?, ?, ?, ?)')
    .run(date, recordedAt, answers.version, JSON.stringify(answers), keepsProgress ? 1 : 0);
  return { id: Number(info.lastInsertRowid), date, recordedAt, answers: upgradeAnswers(answers, date) };
}

/**
 * The intake whose plan is in force on `date`: the latest one dated on or before it that started a
 * plan. Intakes that kept progress are laid over it (keptIntakesSince), like settings changes.
 */
export function intakeAsOf(db: Db, date: IsoDate): IntakeRecord | undefined {
  const row = db
    .prepare('SELECT id, date, recorded_at, answers FROM intakes WHERE date <= ? AND keeps_progress = 0 ORDER BY date DESC, id DESC LIMIT 1')
    .get(date) as IntakeRow | undefined;
  return row && toRecord(row);
}

/** The latest intake of either kind dated on or before `date`: the person's newest answers. */
export function latestIntakeAsOf(db: Db, date: IsoDate): IntakeRecord | undefined {
  const row = db
    .prepare('SELECT id, date, recorded_at, answers FROM intakes WHERE date <= ? ORDER BY date DESC, id DESC LIMIT 1')
    .get(date) as IntakeRow | undefined;
  return row && toRecord(row);
}

/** The intakes that kept `plan`'s progress, dated from it up to `date`, oldest first. */
export function keptIntakesSince(db: Db, plan: IntakeRecord, date: IsoDate): IntakeRecord[] {
  const rows = db
    .prepare('SELECT id, date, recorded_at, answers FROM intakes WHERE keeps_progress = 1 AND date <= ? AND (date > ? OR (date = ? AND id > ?)) ORDER BY date, id')
    .all(date, plan.date, plan.date, plan.id) as IntakeRow[];
  return rows.map(toRecord);
}

export function allIntakes(db: Db): IntakeRecord[] {
  return (db.prepare('SELECT id, date, recorded_at, answers FROM intakes ORDER BY date, id').all() as IntakeRow[]).map(toRecord);
}

export function countIntakes(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM intakes').get() as { n: number }).n;
}
