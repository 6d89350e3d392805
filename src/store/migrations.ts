// Numbered schema migrations, tracked by PRAGMA user_version (Signal-Desktop style).
// Versions only increase; an applied migration is never edited — add a new one instead.
import type { Db } from './db';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'intake versions',
    up(db) {
      db.exec(`
        CREATE TABLE intakes (
          id INTEGER PRIMARY KEY,
          date TEXT NOT NULL,              -- the local date the plan starts (YYYY-MM-DD)
          recorded_at TEXT NOT NULL,       -- wall-clock time it was saved (ISO 8601)
          answers_version INTEGER NOT NULL,
          answers TEXT NOT NULL CHECK (json_valid(answers))
        ) STRICT;
        CREATE INDEX intakes_by_date ON intakes (date, id);
      `);
    },
  },
];

export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
