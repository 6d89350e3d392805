// The disposable cache of plan-level summaries (table plan_levels, migration 12). Not a fact: a
// summary depends only on the build, the library and the answers in force, which its config names,
// so a kept summary is always what computing it again would give. Rows that do not parse as a
// summary are ignored (and replaced when the level is next computed).
import type { LevelSummary } from '../domain/session';
import type { Db } from './db';

const isSummary = (v: unknown): v is LevelSummary => {
  const s = v as Partial<LevelSummary> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.signature === 'string' &&
    [s.moderateMinutes, s.strengthDays, s.balanceDays].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)
  );
};

/** The kept summaries for one config, by level. */
export function levelsOf(db: Db, config: string): Map<number, LevelSummary> {
  const rows = db.prepare('SELECT level, summary FROM plan_levels WHERE config = ?').all(config) as { level: number; summary: string }[];
  const out = new Map<number, LevelSummary>();
  for (const r of rows) {
    try {
      const s: unknown = JSON.parse(r.summary);
      if (isSummary(s)) out.set(r.level, s);
    } catch {
      // A damaged row: computed again, then replaced.
    }
  }
  return out;
}

/**
 * Keeps new summaries, and drops every row whose config does not start with `prefix` (this build
 * and library), so the table never holds more than the builds and libraries in use.
 */
export function saveLevels(db: Db, rows: readonly { config: string; level: number; summary: LevelSummary }[], prefix: string): void {
  if (rows.length === 0) return;
  const put = db.prepare('INSERT OR REPLACE INTO plan_levels (config, level, summary) VALUES (?, ?, ?)');
  db.transaction(() => {
    db.prepare('DELETE FROM plan_levels WHERE substr(config, 1, length(?)) != ?').run(prefix, prefix);
    for (const r of rows) put.run(r.config, r.level, JSON.stringify(r.summary));
  })();
}
