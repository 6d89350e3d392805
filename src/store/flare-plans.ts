// The personal flare plan: every version kept (painfit flare --plan), the one in force on a date
// being the latest dated on or before it.
import type { IsoDate } from '../domain/dates';
import type { Db } from './db';

export interface FlarePlan {
  date: IsoDate;
  items: string[];
}

export function insertFlarePlan(db: Db, plan: FlarePlan, recordedAt: string): void {
  db.prepare('INSERT INTO flare_plans (date, recorded_at, items) VALUES (?, ?, ?)').run(plan.date, recordedAt, JSON.stringify(plan.items));
}

export function flarePlanAsOf(db: Db, date: IsoDate): FlarePlan | null {
  const row = db.prepare('SELECT date, items FROM flare_plans WHERE date <= ? ORDER BY date DESC, recorded_at DESC, id DESC LIMIT 1').get(date) as
    | { date: string; items: string }
    | undefined;
  return row ? { date: row.date, items: JSON.parse(row.items) as string[] } : null;
}
