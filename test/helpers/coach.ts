// Helpers for the coaching-loop end-to-end tests: a home with an intake, simulated weeks of
// `painfit log --date`, and checks of `today --json` against design.md's contract.
// Everything goes through the built CLI (run `npm run build` first).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Exercise } from '../../src/domain/exercise';
import type { IntakeAnswers } from '../../src/domain/intake';
import { EQUIPMENT, EXERCISE_TYPES, POSITIONS, REGIONS } from '../../src/domain/vocab';
import { INTAKE_TEMPLATE } from '../../src/schema/intake';
import { screen } from '../../src/domain/screening';
import { ROOT, run, tempHome, writeJson, type RunResult } from './cli';

/** A Monday: the plan week starts on the intake date, so weeks run Monday to Sunday. */
export const START = '2026-01-05';

export const LIBRARY: readonly Exercise[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'exercises.json'), 'utf8')) as Exercise[];
export const BY_ID: ReadonlyMap<string, Exercise> = new Map(LIBRARY.map((e) => [e.id, e]));

export const PAIN_RULE_LINE =
  'Pain during exercise up to 5 out of 10 is fine, and it should settle back to your usual level by the next morning.';
export const DISCLAIMER_LINE = 'painfit does not replace advice from your doctor or physiotherapist.';

/** Date arithmetic on UTC midnights (no clock, no time zone surprises). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The template answers with a deep patch applied. */
export function answers(patch: (a: IntakeAnswers) => void = () => {}): IntakeAnswers {
  const a = structuredClone(INTAKE_TEMPLATE) as IntakeAnswers;
  patch(a);
  return a;
}

/** The usual test person: knee and low-back pain, mon/wed/fri, 30 minutes, walks 20 minutes, average pain 4. */
export const usualAnswers = (patch: (a: IntakeAnswers) => void = () => {}): IntakeAnswers =>
  answers((a) => {
    a.pain.average = 4;
    a.ability.walkMinutes = 20;
    a.schedule = { days: ['mon', 'wed', 'fri'], minutes: 30 };
    patch(a);
  });

/** Runs a command and fails the test with its output when the exit code is not the one expected. */
export function ok(args: string[], home: string, code = 0): RunResult {
  const r = run(args, { home });
  expect(r.code, `painfit ${args.join(' ')}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`).toBe(code);
  return r;
}

/** A fresh home holding one intake dated `date`. */
export function homeWithIntake(a: IntakeAnswers = usualAnswers(), date = START): string {
  const home = tempHome('painfit-coach-');
  addIntake(home, a, date);
  return home;
}

/** Saves an intake; answers that stop the plan make intake exit 3 (§1b), which intake-e2e proves. */
export function addIntake(home: string, a: IntakeAnswers, date: string): void {
  const file = writeJson(path.dirname(home), `answers-${date}.json`, a);
  ok(['intake', '--answers', file, '--date', date], home, screen(a, date, date).outcome === 'stop' ? 3 : 0);
}

export interface Day {
  date: string;
  status: 'session' | 'rest' | 'flare' | 'stop';
  week: number;
  minutes: number;
  focus?: string;
  exercises: DayExercise[];
  notes: string[];
}

export interface DayExercise {
  id: string;
  name: string;
  type: string;
  regions: string[];
  position: string;
  equipment: string[];
  sets?: number;
  reps?: number;
  holdSeconds?: number;
  minutes?: number;
  bouts?: number;
  effort: number;
  perSide: boolean;
  optional?: boolean;
  swappedFrom?: string;
}

/** `painfit today --json --date D`, with its exit code checked. */
export function today(home: string, date: string, code = 0): Day {
  const r = run(['today', '--json', '--date', date], { home });
  expect(r.code, `today --date ${date}\n${r.stderr}`).toBe(code);
  return JSON.parse(r.stdout) as Day;
}

export interface LogFlags {
  pain: number;
  done?: string;
  during?: number;
  effort?: number;
  sleep?: number;
  note?: string;
}

export function logArgs(date: string, f: LogFlags): string[] {
  const args = ['log', '--date', date, '--pain', String(f.pain)];
  if (f.done !== undefined) args.push('--done', f.done);
  if (f.during !== undefined) args.push('--during', String(f.during));
  if (f.effort !== undefined) args.push('--effort', String(f.effort));
  if (f.sleep !== undefined) args.push('--sleep', String(f.sleep));
  if (f.note !== undefined) args.push('--note', f.note);
  return args;
}

export function log(home: string, date: string, f: LogFlags): RunResult {
  return ok(logArgs(date, f), home);
}

/** A good session: done in full, pain steady, within the 5/10 rule. */
export const GOOD: LogFlags = { pain: 4, done: 'all', during: 3, effort: 3 };

/** The session days (mon/wed/fri) of plan week `week` (1-based) from START. */
export function sessionDays(week: number, start = START): string[] {
  const monday = addDays(start, (week - 1) * 7);
  return [monday, addDays(monday, 2), addDays(monday, 4)];
}

// ---------------------------------------------------------------------------------------------
// Doses

export type DoseField = 'minutes' | 'reps' | 'holdSeconds';

/** The dose number that progresses: minutes, reps or hold seconds. */
export function doseField(e: DayExercise): DoseField {
  if (e.minutes !== undefined) return 'minutes';
  if (e.holdSeconds !== undefined) return 'holdSeconds';
  return 'reps';
}

export const doseValue = (e: DayExercise): number => e[doseField(e)] ?? NaN;

/** True when `to` is one or more rungs above `from` on its ladder (follows `harder`). */
export function isHarderRung(from: string, to: string): boolean {
  const seen = new Set<string>();
  for (let id = BY_ID.get(from)?.harder ?? null; id && !seen.has(id); id = BY_ID.get(id)?.harder ?? null) {
    if (id === to) return true;
    seen.add(id);
  }
  return false;
}

/** Pairs each exercise of `before` with the same exercise (or a harder rung of it) in `after`. */
export function pairUp(before: Day, after: Day): { from: DayExercise; to: DayExercise | undefined }[] {
  return before.exercises.map((from) => ({
    from,
    to: after.exercises.find((e) => e.id === from.id) ?? after.exercises.find((e) => isHarderRung(from.id, e.id)),
  }));
}

export const rise = (from: number, to: number): number => (to - from) / from;

// ---------------------------------------------------------------------------------------------
// design.md's `today --json` contract

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Checks a day against design.md's `today --json` contract, field by field, and the library. */
export function expectContract(day: Day, date: string): void {
  expect(day.date).toBe(date);
  expect(['session', 'rest', 'flare', 'stop']).toContain(day.status);
  expect(Number.isInteger(day.week) && day.week >= 1, `week ${day.week}`).toBe(true);
  expect(Number.isInteger(day.minutes) && day.minutes >= 0, `minutes ${day.minutes}`).toBe(true);
  expect(Array.isArray(day.exercises)).toBe(true);
  expect(Array.isArray(day.notes)).toBe(true);
  expect(day.notes.length).toBeGreaterThan(0);
  for (const n of day.notes) expect(typeof n === 'string' && n.trim().length > 0, `note ${JSON.stringify(n)}`).toBe(true);
  for (const e of day.exercises) expectExercise(e);
  if (day.status === 'stop') {
    expect(day.exercises).toEqual([]);
    expect(day.minutes).toBe(0);
  }
}

export function expectExercise(e: DayExercise): void {
  const where = `exercise ${JSON.stringify(e.id)}`;
  expect(e.id, where).toMatch(ID);
  const lib = BY_ID.get(e.id);
  expect(lib, `${where} is in data/exercises.json`).toBeDefined();
  expect(typeof e.name, where).toBe('string');
  expect(e.name, where).toBe(lib!.name);
  expect(EXERCISE_TYPES as readonly string[], where).toContain(e.type);
  expect(e.type, where).toBe(lib!.type);
  expect(e.regions.length, where).toBeGreaterThan(0);
  for (const r of e.regions) expect(REGIONS as readonly string[], where).toContain(r);
  expect(e.regions, where).toEqual(lib!.regions);
  expect(POSITIONS as readonly string[], where).toContain(e.position);
  expect(e.position, where).toBe(lib!.position);
  expect(Array.isArray(e.equipment), where).toBe(true);
  for (const q of e.equipment) expect(EQUIPMENT as readonly string[], where).toContain(q);
  expect(e.equipment, where).toEqual(lib!.equipment);
  // Dose: {sets, reps}, {sets, holdSeconds} or {minutes}, whole positive numbers.
  const shape = ['sets', 'reps', 'holdSeconds', 'minutes'].filter((k) => (e as unknown as Record<string, unknown>)[k] !== undefined).join(',');
  expect(['sets,reps', 'sets,holdSeconds', 'minutes'], `${where} dose fields`).toContain(shape);
  for (const k of ['sets', 'reps', 'holdSeconds', 'minutes'] as const) {
    const v = e[k];
    if (v !== undefined) expect(Number.isInteger(v) && v > 0, `${where} ${k} = ${v}`).toBe(true);
  }
  expect(Number.isInteger(e.effort) && e.effort >= 0 && e.effort <= 10, `${where} effort ${e.effort}`).toBe(true);
  // design.md version 2: perSide (boolean) on every exercise, as the library says.
  expect(e.perSide, `${where} perSide`).toBe(lib!.perSide);
  // clinical-rules §4: holds are shown in 5 s steps.
  if (e.holdSeconds !== undefined) expect(e.holdSeconds % 5, `${where} holdSeconds ${e.holdSeconds}`).toBe(0);
}

/** Collapses whitespace so a line wrapped by the table or terminal still matches. */
export const flat = (text: string): string => text.replace(/\s+/g, ' ');
