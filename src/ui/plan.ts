// The week at a glance (painfit plan).
import Table from 'cli-table3';
import { formatDate } from '../domain/dates';
import type { IntakeAnswers } from '../domain/intake';
import type { Heading, Session } from '../domain/session';
import { DISCLAIMER, terminalWidth, wrap } from './format';
import type { Theme } from './theme';
import { fitScreen } from './width';

const STATUS_WORD = { session: 'Session', rest: 'Rest', flare: 'Flare day', stop: 'No plan' } as const;

export function renderWeek(days: readonly Session[], answers: IntakeAnswers, theme: Theme, width = terminalWidth(), heading: Heading | null = null): string {
  const exWidth = Math.max(16, width - 16 - 12 - 9 - 5); // the other columns and 5 borders
  const table = new Table({
    head: ['Day', 'Plan', 'Minutes', 'Exercises'].map((h) => theme.heading(h)),
    colWidths: [16, 12, 9, exWidth],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const d of days) {
    // §4 "per side" said wherever it applies, here as in today and exercises show.
    const names = d.exercises.filter((e) => !e.optional).map((e) => (e.perSide ? `${e.name} (per side)` : e.name));
    const walk = d.walk ? `Walking track ${d.walk.minutes} min${d.walk.effort >= 3 ? ' brisk' : ''}` : null;
    table.push([
      formatDate(d.date).replace(/ \d{4}$/, ''),
      STATUS_WORD[d.status],
      d.status === 'session' || d.status === 'flare' ? String(d.minutes) : '-',
      [walk, d.status === 'rest' ? (walk ? null : theme.muted('rest, or a gentle walk')) : names.join(', ') || theme.muted(d.focus)].filter(Boolean).join('; '),
    ]);
  }
  const first = days[0];
  const lines = [
    theme.heading(`Your week${first && first.week > 0 ? ` (plan week ${first.week})` : ''}`),
    `${answers.schedule.days.length} sessions a week of about ${answers.schedule.minutes} minutes.`,
    table.toString(),
  ];
  if (first?.status === 'stop') lines.push(...first.notes.map((n) => `• ${n}`));
  if (heading) lines.push(...heading.words.map((w) => wrap(w, width)));
  else lines.push(theme.muted('Where this is heading: 150-300 minutes of moderate activity a week, strength on 2 days, flexibility most days.'));
  lines.push(theme.muted(DISCLAIMER));
  return fitScreen(lines.join('\n'), width);
}
