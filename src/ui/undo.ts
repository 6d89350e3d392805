// What `painfit undo` is about to remove, shown in full before anything is removed.
import { formatDate } from '../domain/dates';
import type { EntryContents, StoredSettings } from '../store/undo';
import { settingsWords } from './settings';
import { checkinLines } from './log';
import type { Theme } from './theme';

/** Exercise id → name, for the exercises the library knows (ids are shown when it does not). */
export type ExerciseNames = ReadonlyMap<string, string>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Sat 28 Nov 2026, 09:15" in local time: when the entry was saved. */
function savedAt(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  return `${formatDate(local)}, ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** A short name for the entry: "the check-in for Sat 28 Nov 2026". */
export function entryTitle(e: EntryContents): string {
  const date = e.checkins[0]?.date ?? e.completions[0]?.date ?? e.swaps[0]?.date ?? e.measures[0]?.date ?? e.unwell[0] ?? e.flares[0]?.date ?? e.walks[0]?.date;
  const on = date ? ` for ${formatDate(date)}` : '';
  if (e.kind === 'swap') return `the swap${date ? ` from ${formatDate(date)}` : ''}`;
  if (e.kind === 'measures') return `the weekly measures${on}`;
  if (e.checkins.length === 0 && e.completions.length === 0 && e.unwell.length > 0) return `the unwell day${on}`;
  const flare = e.flares[0];
  if (flare && e.checkins.length === 0 && e.completions.length === 0) {
    return flare.kind === 'start' ? `the flare-up recorded for ${formatDate(flare.date)}` : `the end of the flare-up recorded for ${formatDate(flare.date)}`;
  }
  return e.checkins.length > 0 ? `the check-in${on}` : `the exercise record${on}`;
}

export function renderEntry(e: EntryContents, names: ExerciseNames, theme: Theme): string {
  const name = (id: string) => (names.has(id) ? `${names.get(id)} (${id})` : id);
  const lines = [theme.heading(`The most recent entry is ${entryTitle(e)}, saved ${savedAt(e.recordedAt)}:`)];
  for (const c of e.checkins) lines.push(...checkinLines(c, 'pain'));
  for (const d of e.unwell) lines.push(`  unwell on ${formatDate(d)}: no session that day`);
  const done = e.completions.filter((c) => c.done);
  const notDone = e.completions.filter((c) => !c.done);
  if (done.length) lines.push(`  done: ${done.map((c) => name(c.exerciseId)).join(', ')}`);
  if (notDone.length) lines.push(`  not done: ${notDone.map((c) => name(c.exerciseId)).join(', ')}`);
  for (const s of e.swaps) lines.push(`  ${name(s.withId)} replacing ${name(s.exerciseId)}, from ${formatDate(s.date)} on`);
  for (const m of e.measures) {
    if (m.pegPain !== null) lines.push(`  PEG: pain ${m.pegPain}, enjoyment ${m.pegEnjoyment}, activity ${m.pegActivity}`);
    for (const g of m.goals ?? []) lines.push(`  goal: ${g.activity} ${g.score}/10`);
  }
  for (const w of e.walks) lines.push(`  walking track: ${w.minutes} minutes`);
  if (e.feedback.length) lines.push(`  how it felt: ${e.feedback.map((f) => `${name(f.exerciseId)} ${f.answer}`).join(', ')}`);
  for (const f of e.flares) lines.push(f.kind === 'start' ? "  I'm flaring" : '  the flare-up has settled');
  if (lines.length === 1) lines.push('  (nothing else was saved with it)');
  if (e.restores.length) {
    lines.push(
      theme.muted(
        `  It had replaced earlier answers for ${plural(e.restores.length, 'exercise', 'exercises')} (${e.restores.map((c) => `${c.exerciseId} on ${c.date}: ${c.done ? 'done' : 'not done'}`).join(', ')}); those come back.`,
      ),
    );
  }
  return lines.join('\n');
}

export function renderRemoved(e: EntryContents): string {
  const back = e.restores.length ? ` The earlier answers for ${plural(e.restores.length, 'exercise', 'exercises')} are back.` : '';
  return `Removed ${entryTitle(e)}.${back}`;
}

/** What undo would remove when the most recent thing saved is a settings change. */
export function renderSettingsEntry(s: StoredSettings, theme: Theme): string {
  return [
    theme.heading(`The most recent entry is the settings change from ${formatDate(s.date)}, saved ${savedAt(s.recordedAt)}:`),
    `  ${settingsWords(s.changes)}`,
  ].join('\n');
}

export function renderSettingsRemoved(s: StoredSettings): string {
  return `Removed the settings change from ${formatDate(s.date)}. The settings you had before apply again; every exercise keeps its level.`;
}
