// Echoes back exactly what `painfit log` stored, and for which date.
import { formatDate } from '../domain/dates';
import type { Checkin } from '../domain/facts';
import type { LogResult } from '../store/facts';
import { painWords } from './format';
import type { Theme } from './theme';
import { terminalWidth } from './terminal';
import { fitScreen } from './width';
import { FEEDBACK_LABEL } from '../domain/words';

/** The check-in's scores and note, one indented line each (shared with painfit undo). */
export function checkinLines(c: Pick<Checkin, 'pain' | 'during' | 'effort' | 'sleep' | 'note'>, painLabel: string): string[] {
  const lines = [`  ${painLabel} ${c.pain}/10 (${painWords(c.pain)})`];
  const extras = [
    c.during !== null ? `worst pain during exercise ${c.during}/10` : null,
    c.effort !== null ? `effort ${c.effort}/10` : null,
    c.sleep !== null ? `sleep ${c.sleep}/10` : null,
  ].filter(Boolean);
  if (extras.length) lines.push(`  ${extras.join(' · ')}`);
  if (c.note) lines.push(`  note: ${JSON.stringify(c.note)}`);
  return lines;
}

/** `exercises`: the day's session, to name the completions. */
export function renderLogResult(r: LogResult, exercises: readonly { id: string; name: string }[], theme: Theme, width = terminalWidth()): string {
  const date = r.checkin?.date ?? r.completions[0]?.date ?? r.unwell ?? '';
  const name = (id: string) => exercises.find((e) => e.id === id)?.name ?? id;
  const lines = [theme.heading(`Saved for ${formatDate(date)}:`)];
  const c = r.checkin;
  if (r.unwell) lines.push('  unwell: no session that day');
  if (c) lines.push(...checkinLines(c, 'pain now'));
  const done = r.completions.filter((x) => x.done);
  const skipped = r.completions.filter((x) => !x.done);
  if (r.completions.length) {
    lines.push(`  done: ${done.length ? done.map((x) => name(x.exerciseId)).join(', ') : 'none'} (${done.length} of ${r.completions.length} recorded)`);
    if (skipped.length) lines.push(`  not done: ${skipped.map((x) => name(x.exerciseId)).join(', ')}`);
  }
  if (r.walk) lines.push(`  walking track: ${r.walk.minutes} minute${r.walk.minutes === 1 ? '' : 's'}`);
  if (r.feedback.length) {
    // Name the ones that were not "about right"; the rest in one word, not one line each.
    const said = r.feedback.filter((f) => f.answer !== 'right');
    const right = r.feedback.length - said.length;
    const parts = said.map((f) => `${name(f.exerciseId)} ${FEEDBACK_LABEL[f.answer]}`);
    if (right > 0) parts.push(said.length === 0 ? (right === 1 ? `${name(r.feedback[0]!.exerciseId)} ${FEEDBACK_LABEL.right}` : `all ${right} ${FEEDBACK_LABEL.right}`) : `the other ${right} ${FEEDBACK_LABEL.right}`);
    lines.push(`  how it felt: ${parts.join(', ')}`);
  }
  if (r.feedback.some((f) => f.answer === 'hurt')) {
    lines.push(theme.warn('  It hurt: painfit will ease that exercise one step next time (the easier version if it hurts twice in a row).'));
  }
  if (c && c.during !== null && c.during > 5) {
    lines.push(theme.warn('  Pain during exercise went above 5/10: painfit will ease the next session off.'));
  }
  return fitScreen(lines.join('\n'), width);
}
