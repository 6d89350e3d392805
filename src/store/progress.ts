// The disposable cache of the weekly fold's states (table week_states, migration 4). Not a fact:
// rebuilt on demand, never exported. The triggers of migration 4 drop every state a new, changed or
// removed fact could change (those of weeks starting after the fact's date), and a state built
// under another configuration (answers, screening, library) is ignored, so reading a state here
// always gives what folding the facts from the intake would give.
import type { IsoDate } from '../domain/dates';
import type { ProgressState } from '../domain/progression';
import type { Db } from './db';

/** The latest cached state for this intake and configuration whose week starts on or before `date`. */
export function latestState(db: Db, intakeId: number, config: string, date: IsoDate): ProgressState | null {
  const row = db
    .prepare('SELECT state FROM week_states WHERE intake_id = ? AND config = ? AND start <= ? ORDER BY week DESC LIMIT 1')
    .pluck()
    .get(intakeId, config, date) as string | undefined;
  return row === undefined ? null : (JSON.parse(row) as ProgressState);
}

/**
 * Keeps states (one per plan week) for later commands, replacing older ones for those weeks. A
 * state already kept as it is stays untouched (a command that only reads changes nothing then).
 */
export function saveStates(db: Db, intakeId: number, config: string, states: readonly ProgressState[]): void {
  if (states.length === 0) return;
  const put = db.prepare(
    `INSERT INTO week_states (intake_id, week, start, config, state) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (intake_id, week) DO UPDATE SET start = excluded.start, config = excluded.config, state = excluded.state
     WHERE week_states.config IS NOT excluded.config OR week_states.state IS NOT excluded.state OR week_states.start IS NOT excluded.start`,
  );
  db.transaction(() => {
    for (const s of states) put.run(intakeId, s.week, s.start, config, JSON.stringify(s));
  })();
}
