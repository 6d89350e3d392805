// Renders a day's session as text (cli-table3). Returns strings; the command prints them.
import Table from 'cli-table3';
import { formatDate, type IsoDate } from '../domain/dates';
import { SESSION_MESSAGES, type Session, type SessionExercise } from '../domain/session';
import { DISCLAIMER, doseText, effortWords, terminalWidth, wrap } from './format';
import type { Theme } from './theme';
import { WIDE_LAYOUT_MIN, wrapLines } from './width';

const PHASE_LABEL = { 'warm-up': 'Warm-up', main: 'Main', 'cool-down': 'Cool-down' } as const;

/** Wide enough for the longest exercise id, so ids can be copied for `painfit log --done`. */
const NAME_WIDTH = 32;
const DOSE_WIDTH = 19;

export function renderExerciseTable(exercises: readonly SessionExercise[], theme: Theme, width = terminalWidth()): string {
  // The cues column takes what the terminal has left, so long cues wrap instead of breaking the frame.
  const cueWidth = Math.max(20, width - NAME_WIDTH - DOSE_WIDTH - 4);
  const table = new Table({
    head: ['Exercise', 'Dose', 'How'].map((h) => theme.heading(h)),
    colWidths: [NAME_WIDTH, DOSE_WIDTH, cueWidth],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  let lastPhase = '';
  for (const ex of exercises) {
    if (ex.phase !== lastPhase) {
      table.push([{ colSpan: 3, content: theme.accent(PHASE_LABEL[ex.phase]) }]);
      lastPhase = ex.phase;
    }
    table.push([
      `${ex.name}${ex.optional ? theme.muted(' (optional)') : ''}\n${theme.muted(ex.id)}`,
      `${doseText(ex)}\n${theme.muted(`effort ${ex.effort}/10, ${effortWords(ex.effort)}`)}`,
      ex.cues.slice(0, 2).join(' '),
    ]);
  }
  return table.toString();
}

/**
 * Below 100 columns: one line per exercise (name, id for painfit log --done, dose, effort), under
 * its phase; the how-to goes to painfit exercises show and the guided session. A typical session
 * of 4-5 exercises fits an 80 × 24 screen.
 */
export function renderExerciseList(exercises: readonly SessionExercise[], theme: Theme, width: number): string {
  const lines: string[] = [];
  let lastPhase = '';
  exercises.forEach((ex, i) => {
    if (ex.phase !== lastPhase) {
      lines.push(theme.accent(PHASE_LABEL[ex.phase]));
      lastPhase = ex.phase;
    }
    const number = `${String(i + 1).padStart(2)}. `;
    // The effort as its number only: the words are in the wide table, exercises show and start.
    const dose = `${doseText(ex)}, effort ${ex.effort}/10`; // doseText says "per side" where it applies
    const text = `${theme.heading(ex.name)}${ex.optional ? theme.muted(' (optional)') : ''} ${theme.muted(`(${ex.id})`)} · ${dose}`;
    lines.push(...wrapLines(text, width, { firstIndent: number, indent: ' '.repeat(number.length) }));
  });
  return lines.join('\n');
}

function header(s: Session, theme: Theme): string {
  const week = s.week > 0 ? ` · week ${s.week}` : '';
  const focus = s.status === 'session' || s.status === 'flare' ? `\nToday: ${s.focus}` : '';
  return theme.heading(`${formatDate(s.date)}${week}`) + focus;
}

function notesBlock(notes: readonly string[], theme: Theme, width = terminalWidth()): string {
  return notes.map((n) => wrapLines(n, width, { firstIndent: `${theme.accent('•')} `, indent: '  ' }).join('\n')).join('\n');
}

export const WALK_STYLE_WORDS: Record<string, string> = { walking: 'walk', seated: 'seated cardio', cycling: 'cycling', swimming: 'pool session' };

/**
 * The walking-track line (clinical-rules §4): separate from the session, logged with log --walk.
 * Short on session days (it follows the session's minutes), in full on rest days.
 */
export function walkLine(s: Session, short = false): string | null {
  if (!s.walk) return null;
  const w = s.walk;
  const what = WALK_STYLE_WORDS[w.style] ?? w.style;
  const bouts = w.bouts ? `, in ${w.bouts} short bouts` : '';
  if (short) return `Walking track: ${w.minutes} min, ${w.effort >= 3 ? 'brisk' : 'easy'}${bouts} (painfit log --walk ${w.minutes}).`;
  const pace = w.effort >= 3 ? 'brisk: you can talk but not sing' : 'easy: you could sing';
  return `Walking track: a ${w.minutes}-minute ${what}${bouts}, ${pace} (effort ${w.effort}/10, ${effortWords(w.effort)}). Log it with painfit log --walk ${w.minutes}.`;
}

export function renderSession(s: Session, theme: Theme, width = terminalWidth(), nextSession?: IsoDate): string {
  const compact = width < WIDE_LAYOUT_MIN;
  const exerciseBlock = () => (compact ? renderExerciseList(s.exercises, theme, width) : renderExerciseTable(s.exercises, theme, width));
  const parts = [wrapLines(header(s, theme), width).join('\n')];
  if (s.status === 'stop') {
    const why = s.focus === SESSION_MESSAGES.recheckFocus ? `please ${s.focus}` : 'please see a clinician first';
    parts.push('', theme.danger(`No session today: ${why}.`), notesBlock(s.notes, theme, width));
    return parts.join('\n');
  }
  if (s.status === 'flare') parts.push(theme.warn('Flare-day plan: a lighter session while things settle.'));
  if (s.status === 'rest') {
    parts.push(theme.heading('Rest day.') + (nextSession ? ` Your next session is on ${formatDate(nextSession).replace(/ \d{4}$/, '')}.` : ''));
    if (s.exercises.length > 0) parts.push('', exerciseBlock());
  } else {
    const walk = walkLine(s, true);
    parts.push('', exerciseBlock(), wrap(`About ${s.minutes} minutes in total.${walk ? ` ${walk}` : ''}`, width));
  }
  if (s.status === 'rest') {
    const walk = walkLine(s);
    if (walk) parts.push('', wrap(walk, width));
  }
  // Once a week (the plan week's first rest day): where this is heading.
  if (s.heading) parts.push('', ...s.heading.words.map((w) => wrap(w, width)));
  const notes = s.notes.filter((n) => n !== DISCLAIMER);
  if (notes.length) parts.push('', notesBlock(notes, theme, width));
  // Compact: the disclaimer follows the notes directly, so a usual session fits 24 rows.
  if (!compact || !notes.length) parts.push('');
  parts.push(theme.muted(wrap(DISCLAIMER, width)));
  if (s.status !== 'rest') {
    // One line of what to do next; in the compact layout it also says where the how-to went.
    const next = compact ? 'Guided: painfit start · how-to: painfit exercises show ID · then: painfit log' : 'Guided, with timers: painfit start. When you are done: painfit log';
    parts.push(theme.muted(wrap(next, width)));
  }
  return parts.join('\n');
}
