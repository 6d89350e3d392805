// Settings changes (painfit settings): one row per change; a later change undoes an earlier one.
import type { IsoDate } from '../domain/dates';
import type { DatedSettings, SettingsChange } from '../domain/settings';
import type { Db } from './db';

export function insertSettings(db: Db, date: IsoDate, changes: SettingsChange, recordedAt: string): DatedSettings {
  const id = Number(db.prepare('INSERT INTO settings (date, recorded_at, changes) VALUES (?, ?, ?)').run(date, recordedAt, JSON.stringify(changes)).lastInsertRowid);
  return { id, date, changes };
}

/** Changes dated on or before `date`, oldest first. */
export function settingsUpTo(db: Db, date: IsoDate): DatedSettings[] {
  const rows = db.prepare('SELECT id, date, recorded_at, changes FROM settings WHERE date <= ? ORDER BY date, id').all(date) as {
    id: number;
    date: string;
    recorded_at: string;
    changes: string;
  }[];
  return rows.map((r) => ({ id: r.id, date: r.date, recordedAt: r.recorded_at, changes: JSON.parse(r.changes) as SettingsChange }));
}
