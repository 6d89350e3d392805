// Renderers for the intake: they return strings (tested with colour off).
import type { IntakeAnswers } from '../domain/intake';
import { pegScore } from '../domain/report';
import type { Screening } from '../domain/screening';
import { formatDate } from '../domain/dates';
import { MOOD_LOOKBACK_WEEKS } from '../domain/rules';
import { FOLLOW_UPS, READINESS_QUESTIONS, RED_FLAGS } from '../domain/intake';
import { DAY_TEXT, FOLLOW_UP_SHORT, READINESS_SHORT, RED_FLAG_SHORT, REGION_TEXT } from './intake-questions';
import type { Theme } from './theme';
import { DEFAULT_WIDTH, fitScreen, wrapLines } from './width';

const list = (items: readonly string[], none = 'none') => (items.length ? items.join(', ') : none);
const yes = (b: boolean) => (b ? 'yes' : 'no');

export function renderIntakeSummary(a: IntakeAnswers, theme: Theme, width = DEFAULT_WIDTH): string {
  const peg = pegScore(a.pain.peg).toFixed(1);
  const rows: [string, string][] = [
    ['About you', `${a.about.name ? `${a.about.name}, ` : ''}age ${a.about.age}`],
    ['Health questions answered yes', list([
      ...READINESS_QUESTIONS.filter((k) => a.readiness[k]).map((k) => READINESS_SHORT[k]),
      ...FOLLOW_UPS.filter((k) => a.readiness.followUps[k]).map((k) => FOLLOW_UP_SHORT[k]),
    ])],
    ['Warning signs (new or worsening)', list(RED_FLAGS.filter((k) => a.redFlags[k]).map((k) => RED_FLAG_SHORT[k]))],
    [`Low mood (past ${MOOD_LOOKBACK_WEEKS} weeks)`, `${yes(a.mood.interest)} / ${yes(a.mood.down)}`],
    ['Cleared by a clinician', a.clearance ? `seen ${formatDate(a.clearance.date)}${a.clearance.by ? ` by ${a.clearance.by}` : ''}` : 'no'],
    ['Where it hurts', list(a.pain.regions.map((r) => REGION_TEXT[r].toLowerCase()))],
    ['For how long', `${a.pain.months} month${a.pain.months === 1 ? '' : 's'}`],
    ['Average pain (0-10)', String(a.pain.average)],
    ['PEG (pain, enjoyment, activity)', `${a.pain.peg.pain}, ${a.pain.peg.enjoyment}, ${a.pain.peg.activity} (score ${peg})`],
    ['Activities to get back to', a.goals.map((g) => `${g.activity} (${g.score}/10)`).join('; ')],
    ['Comfortable walk now', `${a.ability.walkMinutes} min`],
    ['Floor / balance worries / osteoporosis', `${yes(a.ability.floor)} / ${yes(a.ability.balanceWorries)} / ${yes(a.ability.osteoporosis)}`],
    ['Your days', `${a.schedule.days.map((d) => DAY_TEXT[d]).join(', ')}, ${a.schedule.minutes} min each`],
    ['You like', `${list(a.likes.cardio, 'no cardio chosen')}; ${list(a.likes.mindBody, 'no mind-body chosen')}`],
    ['Equipment', list(a.likes.equipment)],
  ];
  const keyWidth = Math.max(...rows.map(([k]) => k.length));
  // Side by side when the answers have room next to the labels; else each answer under its label.
  const sideBySide = width - keyWidth - 4 >= 30;
  const lines = rows.flatMap(([k, v]) =>
    sideBySide
      ? wrapLines(`  ${theme.muted(k.padEnd(keyWidth))}  ${v}`, width, { indent: ' '.repeat(keyWidth + 4) })
      : [`  ${theme.muted(k)}`, ...wrapLines(v, width, { firstIndent: '      ', indent: '      ' })],
  );
  return [theme.heading('Your answers'), ...lines].join('\n');
}

export function renderScreening(s: Screening, theme: Theme, width = DEFAULT_WIDTH): string {
  const title =
    s.outcome === 'stop'
      ? theme.danger('Safety check: please see a clinician before starting')
      : s.outcome === 'light'
        ? theme.heading('Safety check: you can start, gently')
        : theme.good('Safety check: you can start');
  const paint = s.outcome === 'stop' ? theme.warn : (t: string) => t;
  return fitScreen(['', title, ...s.notes.map((n) => `  ${paint(n)}`), '', theme.muted('painfit does not replace advice from your doctor or physiotherapist.')].join('\n'), width);
}
