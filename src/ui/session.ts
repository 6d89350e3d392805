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
    const dose = `${doseText(ex)}${(ex as { perSide?: boolean }).perSide ? ' per side' : ''}, effort ${ex.effort}/10`;
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
    parts.push('', exerciseBlock(), `About ${s.minutes} minutes in total.`);
  }
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
