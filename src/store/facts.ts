// Check-ins, completions and swaps. Every write that touches several rows is one transaction,
// grouped under one `entries` row so that undo can remove exactly what one command wrote.
import type { IsoDate } from '../domain/dates';
import type { Checkin, Completion, Feedback, FeedbackAnswer, FlareFact, Swap, Walk } from '../domain/facts';
import type { Db } from './db';
import { displayText } from '../domain/text';
import { NOTE_RULE } from '../domain/facts';

export interface NewCheckin {
  date: IsoDate;
  pain: number;
  during: number | null;
  effort: number | null;
  sleep: number | null;
  note: string | null;
}

export interface LogWrite {
  checkin: NewCheckin | null;
  completions: Completion[];
  recordedAt: string;
  /** The walking track (log --walk), whole minutes. */
  walk?: Walk | null;
  /** Per-exercise feedback (log --feedback, the guided session). */
  feedback?: { date: IsoDate; exerciseId: string; answer: FeedbackAnswer }[];
  /** `log --unwell`: this date is an unwell day (no session). */
  unwell?: IsoDate;
}

export interface LogResult {
  entryId: number;
  checkin: Checkin | null;
  completions: Completion[];
  walk: Walk | null;
  feedback: Feedback[];
  unwell?: IsoDate;
}

/** One `painfit log`: a check-in and/or a batch of completions, in one transaction. */
export function writeLog(db: Db, write: LogWrite): LogResult {
  return db.transaction((): LogResult => {
    const previous = write.completions
      .map((c) => db.prepare('SELECT date, exercise_id, done, minutes, entry_id FROM completions WHERE date = ? AND exercise_id = ?').get(c.date, c.exerciseId))
      .filter((row) => row !== undefined);
    const entryId = Number(
      db.prepare("INSERT INTO entries (kind, recorded_at, replaced) VALUES ('log', ?, ?)").run(write.recordedAt, JSON.stringify(previous)).lastInsertRowid,
    );
    let checkin: Checkin | null = null;
    if (write.checkin) {
      const c = write.checkin;
      const id = Number(
        db
          .prepare('INSERT INTO checkins (entry_id, date, recorded_at, pain, during, effort, sleep, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(entryId, c.date, write.recordedAt, c.pain, c.during, c.effort, c.sleep, c.note).lastInsertRowid,
      );
      checkin = { id, recordedAt: write.recordedAt, ...c };
    }
    const upsert = db.prepare(
      `INSERT INTO completions (date, exercise_id, done, minutes, entry_id) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (date, exercise_id) DO UPDATE SET done = excluded.done, minutes = excluded.minutes, entry_id = excluded.entry_id`,
    );
    for (const c of write.completions) upsert.run(c.date, c.exerciseId, c.done ? 1 : 0, c.minutes ?? 0, entryId);
    const walk = write.walk ?? null;
    if (walk) db.prepare('INSERT INTO walks (entry_id, date, recorded_at, minutes) VALUES (?, ?, ?, ?)').run(entryId, walk.date, write.recordedAt, walk.minutes);
    const feedback = (write.feedback ?? []).map((f) => ({ ...f, recordedAt: write.recordedAt }));
    const addFeedback = db.prepare('INSERT INTO feedback (entry_id, date, recorded_at, exercise_id, answer) VALUES (?, ?, ?, ?, ?)');
    for (const f of feedback) addFeedback.run(entryId, f.date, f.recordedAt, f.exerciseId, f.answer);
    if (write.unwell) {
      db.prepare('INSERT INTO unwell (entry_id, date, recorded_at) VALUES (?, ?, ?)').run(entryId, write.unwell, write.recordedAt);
      return { entryId, checkin, completions: write.completions, walk, feedback, unwell: write.unwell };
    }
    return { entryId, checkin, completions: write.completions, walk, feedback };
  })();
}

/** "I'm flaring" or "it has settled" for a date: one entry (undo removes it), one flares row. */
export function insertFlare(db: Db, flare: { date: IsoDate; kind: FlareFact['kind'] }, recordedAt: string): FlareFact & { id: number; entryId: number } {
  return db.transaction(() => {
    const entryId = Number(db.prepare("INSERT INTO entries (kind, recorded_at) VALUES ('log', ?)").run(recordedAt).lastInsertRowid);
    const id = Number(db.prepare('INSERT INTO flares (entry_id, date, recorded_at, kind) VALUES (?, ?, ?, ?)').run(entryId, flare.date, recordedAt, flare.kind).lastInsertRowid);
    return { id, entryId, date: flare.date, kind: flare.kind, recordedAt };
  })();
}

export function feedbackBetween(db: Db, from: IsoDate, to: IsoDate): Feedback[] {
  const rows = db
    .prepare('SELECT date, exercise_id, answer, recorded_at FROM feedback WHERE date BETWEEN ? AND ? ORDER BY date, recorded_at, id')
    .raw()
    .all(from, to) as [string, string, FeedbackAnswer, string][];
  return rows.map(([date, exerciseId, answer, recordedAt]) => ({ date, exerciseId, answer, recordedAt }));
}

export function walksBetween(db: Db, from: IsoDate, to: IsoDate): Walk[] {
  const rows = db.prepare('SELECT date, minutes FROM walks WHERE date BETWEEN ? AND ? ORDER BY date, id').raw().all(from, to) as [string, number][];
  return rows.map(([date, minutes]) => ({ date, minutes }));
}

export function flaresBetween(db: Db, from: IsoDate, to: IsoDate): FlareFact[] {
  const rows = db.prepare('SELECT date, kind, recorded_at FROM flares WHERE date BETWEEN ? AND ? ORDER BY date, recorded_at, id').raw().all(from, to) as [
    string,
    FlareFact['kind'],
    string,
  ][];
  return rows.map(([date, kind, recordedAt]) => ({ date, kind, recordedAt }));
}

export function insertSwap(db: Db, swap: Omit<Swap, 'id'>, recordedAt: string): Swap {
  return db.transaction((): Swap => {
    const entryId = Number(db.prepare("INSERT INTO entries (kind, recorded_at) VALUES ('swap', ?)").run(recordedAt).lastInsertRowid);
    const id = Number(
      db.prepare('INSERT INTO swaps (entry_id, date, exercise_id, with_id) VALUES (?, ?, ?, ?)').run(entryId, swap.date, swap.exerciseId, swap.withId).lastInsertRowid,
    );
    return { id, ...swap };
  })();
}

/** Check-ins dated from `from` to `to` inclusive, oldest first. */
export function checkinsBetween(db: Db, from: IsoDate, to: IsoDate): Checkin[] {
  // Raw rows (arrays) and one object per check-in: `today` reads a year or more of these on every run.
  const rows = db
    .prepare('SELECT id, date, recorded_at, pain, during, effort, sleep, note FROM checkins WHERE date BETWEEN ? AND ? ORDER BY date, recorded_at, id')
    .raw()
    .all(from, to) as [number, string, string, number, number | null, number | null, number | null, string | null][];
  // A note saved by an older painfit or imported before the text policy is neutralised for showing.
  return rows.map(([id, date, recordedAt, pain, during, effort, sleep, note]) => ({ id, date, recordedAt, pain, during, effort, sleep, note: note === null ? null : displayText(note, NOTE_RULE) }));
}

export function completionsBetween(db: Db, from: IsoDate, to: IsoDate): Completion[] {
  const rows = db
    .prepare('SELECT date, exercise_id, done, minutes FROM completions WHERE date BETWEEN ? AND ? ORDER BY date, exercise_id')
    .raw()
    .all(from, to) as [string, string, number, number][];
  return rows.map(([date, exerciseId, done, minutes]) => ({ date, exerciseId, done: done === 1, minutes }));
}

export function swapsUpTo(db: Db, date: IsoDate): Swap[] {
  return (
    db.prepare('SELECT id, date, exercise_id, with_id FROM swaps WHERE date <= ? ORDER BY date, id').all(date) as {
      id: number;
      date: string;
      exercise_id: string;
      with_id: string;
    }[]
  ).map((r) => ({ id: r.id, date: r.date, exerciseId: r.exercise_id, withId: r.with_id }));
}

/** Days logged as unwell from `from` to `to` inclusive (each once). */
export function unwellBetween(db: Db, from: IsoDate, to: IsoDate): IsoDate[] {
  return (db.prepare('SELECT DISTINCT date FROM unwell WHERE date BETWEEN ? AND ? ORDER BY date').raw().all(from, to) as [string][]).map(([d]) => d);
}
