// Lessons read (painfit learn): one row each time a lesson is opened. Not an undo entry: reading
// is not something a person takes back, and it changes no plan.
import type { IsoDate } from '../domain/dates';
import type { LessonRead } from '../domain/lessons';
import type { Db } from './db';

export function lessonReadsUpTo(db: Db, date: IsoDate): LessonRead[] {
  const rows = db.prepare('SELECT lesson_id, date FROM lesson_reads WHERE date <= ? ORDER BY date, id').raw().all(date) as [string, string][];
  return rows.map(([lessonId, d]) => ({ lessonId, date: d }));
}

export function insertLessonRead(db: Db, read: LessonRead, recordedAt: string): void {
  db.prepare('INSERT INTO lesson_reads (lesson_id, date, recorded_at) VALUES (?, ?, ?)').run(read.lessonId, read.date, recordedAt);
}
