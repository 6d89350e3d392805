// Weekly measures (PEG and re-rated goals): one `entries` row of kind 'measures' and the measures
// row under it, written in one transaction so that undo removes exactly what one checkin wrote.
import type { IsoDate } from '../domain/dates';
import type { Goal } from '../domain/intake';
import type { Measure } from '../domain/report';
import type { Db } from './db';
import { displayDeep } from '../domain/text';

export interface NewMeasure {
  date: IsoDate;
  peg: { pain: number; enjoyment: number; activity: number } | null;
  goals: Goal[] | null;
}

interface MeasureRow {
  id: number;
  date: string;
  recorded_at: string;
  peg_pain: number | null;
  peg_enjoyment: number | null;
  peg_activity: number | null;
  goals: string | null;
}

const COLUMNS = 'id, date, recorded_at, peg_pain, peg_enjoyment, peg_activity, goals';

const toMeasure = (r: MeasureRow): Measure => ({
  id: r.id,
  date: r.date,
  recordedAt: r.recorded_at,
  peg: r.peg_pain === null || r.peg_enjoyment === null || r.peg_activity === null ? null : { pain: r.peg_pain, enjoyment: r.peg_enjoyment, activity: r.peg_activity },
  goals: r.goals === null ? null : displayDeep(JSON.parse(r.goals) as Goal[]),
});

export function insertMeasure(db: Db, m: NewMeasure, recordedAt: string): Measure & { entryId: number } {
  if (!m.peg && !m.goals) throw new RangeError('a weekly measure needs the PEG answers, the goals, or both');
  return db.transaction(() => {
    const entryId = Number(db.prepare("INSERT INTO entries (kind, recorded_at) VALUES ('measures', ?)").run(recordedAt).lastInsertRowid);
    const id = Number(
      db
        .prepare('INSERT INTO measures (entry_id, date, recorded_at, peg_pain, peg_enjoyment, peg_activity, goals) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(entryId, m.date, recordedAt, m.peg?.pain ?? null, m.peg?.enjoyment ?? null, m.peg?.activity ?? null, m.goals ? JSON.stringify(m.goals) : null)
        .lastInsertRowid,
    );
    return { id, entryId, date: m.date, recordedAt, peg: m.peg, goals: m.goals };
  })();
}

/** Measures dated from `from` to `to` inclusive, oldest first (measures_by_date). */
export function measuresBetween(db: Db, from: IsoDate, to: IsoDate): Measure[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM measures WHERE date BETWEEN ? AND ? ORDER BY date, id`).all(from, to) as MeasureRow[]).map(toMeasure);
}

/** The latest measure from `from` to `to` that has the PEG answers (or the goals). Walks measures_by_date backwards. */
export function latestMeasure(db: Db, from: IsoDate, to: IsoDate, what: 'peg' | 'goals'): Measure | null {
  const has = what === 'peg' ? 'peg_pain IS NOT NULL' : 'goals IS NOT NULL';
  const row = db.prepare(`SELECT ${COLUMNS} FROM measures WHERE date BETWEEN ? AND ? AND ${has} ORDER BY date DESC, id DESC LIMIT 1`).get(from, to) as
    | MeasureRow
    | undefined;
  return row ? toMeasure(row) : null;
}

/** Whether any weekly measure is dated from `from` to `to` (the "once a week" offer in painfit log). */
export function hasMeasureBetween(db: Db, from: IsoDate, to: IsoDate): boolean {
  return db.prepare('SELECT 1 FROM measures WHERE date BETWEEN ? AND ? LIMIT 1').get(from, to) !== undefined;
}
