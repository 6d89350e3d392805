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

export function insertIntake(db: Db, answers: AnswersFile, date: IsoDate, recordedAt: string): IntakeRecord {
  const info = db
    .prepare('INSERT INTO intakes (date, recorded_at, answers_version, answers) VALUES (?, ?, ?, ?)')
    .run(date, recordedAt, answers.version, JSON.stringify(answers));
  return { id: Number(info.lastInsertRowid), date, recordedAt, answers: upgradeAnswers(answers, date) };
}

/** The intake in force on `date`: the latest one dated on or before it. */
export function intakeAsOf(db: Db, date: IsoDate): IntakeRecord | undefined {
  const row = db
    .prepare('SELECT id, date, recorded_at, answers FROM intakes WHERE date <= ? ORDER BY date DESC, id DESC LIMIT 1')
    .get(date) as IntakeRow | undefined;
  return row && toRecord(row);
}

export function allIntakes(db: Db): IntakeRecord[] {
  return (db.prepare('SELECT id, date, recorded_at, answers FROM intakes ORDER BY date, id').all() as IntakeRow[]).map(toRecord);
}

export function countIntakes(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM intakes').get() as { n: number }).n;
}
