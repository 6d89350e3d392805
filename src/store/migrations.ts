// Numbered schema migrations, tracked by PRAGMA user_version (Signal-Desktop style).
// Versions only increase; an applied migration is never edited — add a new one instead.
import type { Db } from './db';

export interface Migration {
  version: number;
  name: string;
  /**
   * Runs with foreign-key enforcement off (SQLite's documented way to rebuild a table that others
   * reference: a DROP TABLE would otherwise cascade into every child row); `PRAGMA foreign_key_check`
   * must come back empty before the step commits.
   */
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
  {
    version: 2,
    name: 'check-ins, completions, swaps and the entries that group them',
    up(db) {
      db.exec(`
        -- One row per command that wrote something: the unit that undo removes.
        CREATE TABLE entries (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('log', 'swap', 'measures')),
          recorded_at TEXT NOT NULL,
          -- Completion rows this entry overwrote, so undo can put them back (JSON array).
          replaced TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(replaced))
        ) STRICT;
        CREATE TABLE checkins (
          id INTEGER PRIMARY KEY,
          entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
          date TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
          during INTEGER CHECK (during BETWEEN 0 AND 10),
          effort INTEGER CHECK (effort BETWEEN 0 AND 10),
          sleep INTEGER CHECK (sleep BETWEEN 0 AND 10),
          note TEXT
        ) STRICT;
        CREATE INDEX checkins_by_date ON checkins (date, recorded_at, id);
        CREATE TABLE completions (
          date TEXT NOT NULL,
          exercise_id TEXT NOT NULL,
          done INTEGER NOT NULL CHECK (done IN (0, 1)),
          -- How long the exercise was planned to take that day, so reports need not replay the plan.
          minutes REAL NOT NULL DEFAULT 0 CHECK (minutes >= 0),
          entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
          PRIMARY KEY (date, exercise_id)
        ) STRICT;
        CREATE INDEX completions_by_entry ON completions (entry_id);
        CREATE TABLE swaps (
          id INTEGER PRIMARY KEY,
          entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
          date TEXT NOT NULL,
          exercise_id TEXT NOT NULL,
          with_id TEXT NOT NULL
        ) STRICT;
        CREATE INDEX swaps_by_date ON swaps (date, id);
      `);
    },
  },
  {
    version: 3,
    name: 'weekly measures: PEG and re-rated goals (PSFS)',
    up(db) {
      db.exec(`
        CREATE TABLE measures (
          id INTEGER PRIMARY KEY,
          entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
          date TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          peg_pain INTEGER CHECK (peg_pain BETWEEN 0 AND 10),
          peg_enjoyment INTEGER CHECK (peg_enjoyment BETWEEN 0 AND 10),
          peg_activity INTEGER CHECK (peg_activity BETWEEN 0 AND 10),
          -- The intake goals re-rated: JSON array of {"activity": text, "score": 0-10}, or NULL.
          goals TEXT CHECK (goals IS NULL OR json_valid(goals)),
          CHECK ((peg_pain IS NULL) = (peg_enjoyment IS NULL) AND (peg_pain IS NULL) = (peg_activity IS NULL)),
          CHECK (peg_pain IS NOT NULL OR goals IS NOT NULL)
        ) STRICT;
        CREATE INDEX measures_by_date ON measures (date, id);
      `);
    },
  },
  {
    version: 4,
    name: 'safety: dated clearances, rechecks of the screening answers, unwell days',
    up(db) {
      db.exec(`
        -- painfit clear: a clinician saw the person on \`seen\` and said exercise is fine (clinical-rules §1c).
        CREATE TABLE clearances (
          id INTEGER PRIMARY KEY,
          seen TEXT NOT NULL,              -- the day the clinician saw the person (YYYY-MM-DD)
          by TEXT,                         -- who, if the person said
          recorded_on TEXT NOT NULL,       -- the local date painfit was told (YYYY-MM-DD)
          recorded_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX clearances_by_date ON clearances (recorded_on, id);
        -- painfit recheck: the screening answers again (readiness, warning signs, mood, clearance),
        -- a new dated version that keeps the plan of the intake in force.
        CREATE TABLE rechecks (
          id INTEGER PRIMARY KEY,
          date TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          answers TEXT NOT NULL CHECK (json_valid(answers))
        ) STRICT;
        CREATE INDEX rechecks_by_date ON rechecks (date, id);
        -- painfit log --unwell: a cold, fever or infection; no session that day (§1a).
        CREATE TABLE unwell (
          id INTEGER PRIMARY KEY,
          entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
          date TEXT NOT NULL,
          recorded_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX unwell_by_date ON unwell (date);
        CREATE INDEX unwell_by_entry ON unwell (entry_id);
      `);
    },
  },
  {
    version: 5,
    name: 'settings: dated changes to days, minutes, equipment, preferences and ability',
    up(db) {
      db.exec(`
        -- painfit settings: in force from \`date\` on, laid over the intake's answers; the plan keeps
        -- its start, so progress is kept (clinical-rules §4). A change is undone by another change.
        CREATE TABLE settings (
          id INTEGER PRIMARY KEY,
          date TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          changes TEXT NOT NULL CHECK (json_valid(changes))
        ) STRICT;
        CREATE INDEX settings_by_date ON settings (date, id);
      `);
    },
  },
  {
    version: 6,
    name: 'lessons read (painfit learn)',
    up(db) {
      db.exec(`
        -- One row each time a lesson is opened; its read status on a date is "a row dated on or before it".
        CREATE TABLE lesson_reads (
          id INTEGER PRIMARY KEY,
          lesson_id TEXT NOT NULL,         -- the lesson's stable id (src/domain/lessons.ts), not its number
          date TEXT NOT NULL,              -- the local date it was read (--date)
          recorded_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX lesson_reads_by_date ON lesson_reads (date, lesson_id);
      `);
    },
  },
  {
    version: 7,
    name: 'the personal flare plan (painfit flare --plan)',
    up(db) {
      db.exec(`
        -- Every version of the person's own flare plan is kept; the one in force on a date is the
        -- latest dated on or before it. items: a JSON array of short lines.
        CREATE TABLE flare_plans (
          id INTEGER PRIMARY KEY,
          date TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          items TEXT NOT NULL CHECK (json_valid(items) AND json_type(items) = 'array')
        ) STRICT;
        CREATE INDEX flare_plans_by_date ON flare_plans (date, id);
      `);
    },
  },
  {
    version: 8,
    name: "'I'm flaring' and 'it has settled' (painfit flare)",
    up(db) {
      db.exec(`
        -- "I'm flaring" (start) and "it has settled" (end), for a date: clinical-rules §5.
        CREATE TABLE flares (
          id INTEGER PRIMARY KEY,
          entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
          date TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('start', 'end'))
        ) STRICT;
        CREATE INDEX flares_by_date ON flares (date, id);
      `);
    },
  },
  {
    version: 9,
    name: 'entry ids are never reused (AUTOINCREMENT)',
    up(db) {
      // Without AUTOINCREMENT SQLite hands out max(id) + 1, so after an undo the next check-in got
      // the id of the removed one, and an undo waiting in another terminal could remove an entry it
      // never showed. The table is rebuilt (SQLite cannot add AUTOINCREMENT in place); the copy keeps
      // every id, and sqlite_sequence starts at the largest of them. Foreign keys are off while a
      // migration runs (store/db.ts), so the DROP does not cascade into the rows that point here.
      db.exec(`
        CREATE TABLE entries_autoincrement (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL CHECK (kind IN ('log', 'swap', 'measures')),
          recorded_at TEXT NOT NULL,
          -- Completion rows this entry overwrote, so undo can put them back (JSON array).
          replaced TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(replaced))
        ) STRICT;
        INSERT INTO entries_autoincrement (id, kind, recorded_at, replaced) SELECT id, kind, recorded_at, replaced FROM entries;
        DROP TABLE entries;
        ALTER TABLE entries_autoincrement RENAME TO entries;
      `);
    },
  },
  {
    version: 10,
    name: 'intakes that keep the plan going (painfit intake, "keep your progress")',
    up(db) {
      db.exec(`
        -- 1: a re-run intake that kept progress: its answers apply from its date on, laid over the
        -- plan of the latest intake with 0 (which keeps its start, so every exercise keeps its level,
        -- clinical-rules §4). 0: the intake starts a plan (the first one, or "start over").
        ALTER TABLE intakes ADD COLUMN keeps_progress INTEGER NOT NULL DEFAULT 0 CHECK (keeps_progress IN (0, 1));
      `);
    },
  },
  {
    version: 11,
    name: 'per-exercise feedback, the walking track, and a disposable cache of weekly states',
    up(db) {
      db.exec(`
        -- How one exercise felt (painfit log --feedback, the guided session): clinical-rules §4.
        CREATE TABLE feedback (
          id INTEGER PRIMARY KEY,
          entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
          date TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          exercise_id TEXT NOT NULL,
          answer TEXT NOT NULL CHECK (answer IN ('easy', 'right', 'hard', 'hurt'))
        ) STRICT;
        CREATE INDEX feedback_by_date ON feedback (date, id);
        -- A walk of the walking track (painfit log --walk), whole minutes.
        CREATE TABLE walks (
          id INTEGER PRIMARY KEY,
          entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
          date TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 300)
        ) STRICT;
        CREATE INDEX walks_by_date ON walks (date, id);
        -- Not a fact: the weekly fold's state at the start of each plan week, kept so that a command
        -- need not fold years of history. Never exported; any fact dated before a state's week
        -- changes it, so the triggers below drop it and it is rebuilt on demand.
        CREATE TABLE week_states (
          intake_id INTEGER NOT NULL,
          week INTEGER NOT NULL,
          start TEXT NOT NULL,
          config TEXT NOT NULL,
          state TEXT NOT NULL,
          PRIMARY KEY (intake_id, week)
        ) STRICT;
      `);
      for (const table of ['checkins', 'completions', 'feedback', 'walks', 'flares', 'unwell']) {
        db.exec(`
          CREATE TRIGGER ${table}_insert_drops_states AFTER INSERT ON ${table} BEGIN DELETE FROM week_states WHERE start > NEW.date; END;
          CREATE TRIGGER ${table}_delete_drops_states AFTER DELETE ON ${table} BEGIN DELETE FROM week_states WHERE start > OLD.date; END;
          CREATE TRIGGER ${table}_update_drops_states AFTER UPDATE ON ${table} BEGIN DELETE FROM week_states WHERE start > min(OLD.date, NEW.date); END;
        `);
      }
      db.exec(`
        CREATE TRIGGER intakes_insert_drops_states AFTER INSERT ON intakes BEGIN DELETE FROM week_states; END;
        CREATE TRIGGER intakes_delete_drops_states AFTER DELETE ON intakes BEGIN DELETE FROM week_states; END;
        CREATE TRIGGER intakes_update_drops_states AFTER UPDATE ON intakes BEGIN DELETE FROM week_states; END;
      `);
    },
  },
  {
    version: 12,
    name: 'a disposable cache of plan-level summaries',
    up(db) {
      db.exec(`
        -- Not a fact: what the plan holds at one level (its numbers' signature and the long-term
        -- targets it meets), for the weekly review and "where this is heading". The config names
        -- the build, the library and the answers in force, so no fact can make a row wrong; rows of
        -- other builds or libraries are dropped when new ones are kept.
        CREATE TABLE plan_levels (
          config TEXT NOT NULL,
          level INTEGER NOT NULL,
          summary TEXT NOT NULL,
          PRIMARY KEY (config, level)
        ) STRICT;
      `);
    },
  },
];

/** Tables that hold no facts: rebuilt on demand, never exported or imported. */
export const DISPOSABLE_TABLES: readonly string[] = ['week_states', 'plan_levels'];

export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
