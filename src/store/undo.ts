// The most recent entry and everything it wrote, and removing it (painfit undo).
// An entry groups what one command wrote; its rows go with it (ON DELETE CASCADE), and the
// completion rows it had overwritten (entries.replaced) are put back.
import type { Checkin, Completion, Swap } from '../domain/facts';
import type { SettingsChange } from '../domain/settings';
import type { Db } from './db';
import { NOTE_RULE } from '../domain/facts';
import { displayDeep, displayText } from '../domain/text';

export type EntryKind = 'log' | 'swap' | 'measures';

export interface StoredCompletion extends Completion {
  minutes: number;
  entryId: number;
}

export interface StoredMeasures {
  id: number;
  date: string;
  recordedAt: string;
  pegPain: number | null;
  pegEnjoyment: number | null;
  pegActivity: number | null;
  goals: { activity: string; score: number }[] | null;
}

export interface EntryContents {
  id: number;
  kind: EntryKind;
  recordedAt: string;
  checkins: Checkin[];
  completions: StoredCompletion[];
  swaps: Swap[];
  measures: StoredMeasures[];
  /** The walking track, per-exercise feedback and "I'm flaring" records saved with it. */
  walks: { date: string; minutes: number }[];
  feedback: { date: string; exerciseId: string; answer: string }[];
  flares: { date: string; kind: 'start' | 'end' }[];
  /** Days this entry marked as unwell (log --unwell). */
  unwell: string[];
  /** Earlier completion rows this entry overwrote; undo puts them back. */
  restores: StoredCompletion[];
}

interface CompletionRow {
  date: string;
  exercise_id: string;
  done: number;
  minutes: number;
  entry_id: number;
}

const toCompletion = (r: CompletionRow): StoredCompletion => ({ date: r.date, exerciseId: r.exercise_id, done: r.done === 1, minutes: r.minutes ?? 0, entryId: r.entry_id });

export function lastEntryId(db: Db): number | undefined {
  return (db.prepare('SELECT max(id) AS id FROM entries').get() as { id: number | null }).id ?? undefined;
}

export function readEntry(db: Db, id: number): EntryContents | undefined {
  const entry = db.prepare('SELECT id, kind, recorded_at, replaced FROM entries WHERE id = ?').get(id) as
    | { id: number; kind: EntryKind; recorded_at: string; replaced: string }
    | undefined;
  if (!entry) return undefined;
  const checkins = (
    db.prepare('SELECT id, date, recorded_at, pain, during, effort, sleep, note FROM checkins WHERE entry_id = ? ORDER BY id').all(id) as {
      id: number;
      date: string;
      recorded_at: string;
      pain: number;
      during: number | null;
      effort: number | null;
      sleep: number | null;
      note: string | null;
    }[]
  ).map(({ recorded_at, note, ...c }) => ({ ...c, note: note === null ? null : displayText(note, NOTE_RULE), recordedAt: recorded_at }));
  const completions = (
    db.prepare('SELECT date, exercise_id, done, minutes, entry_id FROM completions WHERE entry_id = ? ORDER BY date, exercise_id').all(id) as CompletionRow[]
  ).map(toCompletion);
  const swaps = (
    db.prepare('SELECT id, date, exercise_id, with_id FROM swaps WHERE entry_id = ? ORDER BY id').all(id) as { id: number; date: string; exercise_id: string; with_id: string }[]
  ).map((s) => ({ id: s.id, date: s.date, exerciseId: s.exercise_id, withId: s.with_id }));
  const measures = (
    db
      .prepare('SELECT id, date, recorded_at, peg_pain, peg_enjoyment, peg_activity, goals FROM measures WHERE entry_id = ? ORDER BY id')
      .all(id) as {
      id: number;
      date: string;
      recorded_at: string;
      peg_pain: number | null;
      peg_enjoyment: number | null;
      peg_activity: number | null;
      goals: string | null;
    }[]
  ).map((m) => ({
    id: m.id,
    date: m.date,
    recordedAt: m.recorded_at,
    pegPain: m.peg_pain,
    pegEnjoyment: m.peg_enjoyment,
    pegActivity: m.peg_activity,
    goals: m.goals === null ? null : displayDeep(JSON.parse(m.goals) as StoredMeasures['goals']),
  }));
  const restores = (JSON.parse(entry.replaced) as CompletionRow[]).map(toCompletion);
  const walks = db.prepare('SELECT date, minutes FROM walks WHERE entry_id = ? ORDER BY id').all(id) as EntryContents['walks'];
  const feedback = (
    db.prepare('SELECT date, exercise_id, answer FROM feedback WHERE entry_id = ? ORDER BY id').all(id) as { date: string; exercise_id: string; answer: string }[]
  ).map((f) => ({ date: f.date, exerciseId: f.exercise_id, answer: f.answer }));
  const flares = db.prepare('SELECT date, kind FROM flares WHERE entry_id = ? ORDER BY id').all(id) as EntryContents['flares'];
  const unwell = (db.prepare('SELECT date FROM unwell WHERE entry_id = ? ORDER BY id').raw().all(id) as [string][]).map(([d]) => d);
  return { id: entry.id, kind: entry.kind, recordedAt: entry.recorded_at, checkins, completions, swaps, measures, walks, feedback, flares, unwell, restores };
}

/** The entry undo would remove: the one with the highest id. */
export function lastEntry(db: Db): EntryContents | undefined {
  const id = lastEntryId(db);
  return id === undefined ? undefined : readEntry(db, id);
}

export class NotLastEntryError extends Error {
  constructor(readonly expected: number, readonly actual: number | undefined) {
    super(`entry ${expected} is no longer the most recent one (now ${actual ?? 'none'})`);
    this.name = 'NotLastEntryError';
  }
}

/**
 * Removes entry `id` and its rows and puts back the completion rows it overwrote, in one
 * transaction. Refuses (NotLastEntryError) when another terminal saved a newer entry since `id`
 * was shown, or the entry with that id is no longer the one shown: the person confirmed removing
 * that entry, not a different one.
 */
export function removeEntry(db: Db, entry: EntryContents): void {
  db.transaction(() => {
    const last = lastEntryId(db);
    if (last !== entry.id) throw new NotLastEntryError(entry.id, last);
    // A settings change saved since is now the most recent thing, not this entry.
    const settings = lastSettings(db);
    if (settings && settings.recordedAt > entry.recordedAt) throw new NotLastEntryError(entry.id, last);
    // Ids are never reused (migration 4), but an import --replace in between brings in a whole other
    // history whose last entry may carry the same id: remove only exactly what was shown.
    if (JSON.stringify(readEntry(db, entry.id)) !== JSON.stringify(entry)) throw new NotLastEntryError(entry.id, last);
    db.prepare('DELETE FROM entries WHERE id = ?').run(entry.id);
    const restore = db.prepare('INSERT INTO completions (date, exercise_id, done, minutes, entry_id) VALUES (?, ?, ?, ?, ?)');
    for (const c of entry.restores) restore.run(c.date, c.exerciseId, c.done ? 1 : 0, c.minutes, c.entryId);
  })();
}

/** A `painfit settings` change as stored (one row, no entry: it writes nothing else). */
export interface StoredSettings {
  id: number;
  date: string;
  recordedAt: string;
  changes: SettingsChange;
}

/** The settings change saved last (by when it was saved, like entries). */
export function lastSettings(db: Db): StoredSettings | undefined {
  const row = db.prepare('SELECT id, date, recorded_at, changes FROM settings ORDER BY recorded_at DESC, id DESC LIMIT 1').get() as
    | { id: number; date: string; recorded_at: string; changes: string }
    | undefined;
  return row && { id: row.id, date: row.date, recordedAt: row.recorded_at, changes: displayDeep(JSON.parse(row.changes) as SettingsChange) };
}

/** What undo removes: the most recently saved entry, or settings change, whichever came last. */
export type Undoable = { kind: 'entry'; entry: EntryContents } | { kind: 'settings'; settings: StoredSettings };

export function lastUndoable(db: Db): Undoable | undefined {
  const entry = lastEntry(db);
  const settings = lastSettings(db);
  if (settings && (!entry || settings.recordedAt > entry.recordedAt)) return { kind: 'settings', settings };
  return entry && { kind: 'entry', entry };
}

/**
 * Removes a settings change: the days, minutes, equipment or ability in force before it apply
 * again from its date on. Refuses (NotLastEntryError) unless it is still exactly the most recent
 * thing saved, as removeEntry does.
 */
export function removeSettings(db: Db, settings: StoredSettings): void {
  db.transaction(() => {
    const now = lastUndoable(db);
    if (now?.kind !== 'settings' || JSON.stringify(now.settings) !== JSON.stringify(settings)) throw new NotLastEntryError(settings.id, undefined);
    db.prepare('DELETE FROM settings WHERE id = ?').run(settings.id);
  })();
}
