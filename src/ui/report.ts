// painfit report in the terminal, and as CSV. Renderers return strings; means are shown to one
// decimal here (the Report keeps full precision).
import Table from 'cli-table3';
import { formatDate, type IsoDate, weekdayOf } from '../domain/dates';
import { num, pegScore, type Report, type WeekRow } from '../domain/report';
import { dayMonth } from '../domain/words';
import { CHART_LEGEND, renderLineChart } from './chart';
import { DISCLAIMER, plural, terminalWidth, wrap } from './format';
import type { Theme } from './theme';
import { fitScreen, visibleLength, WIDE_LAYOUT_MIN, wrapText } from './width';

/** What the table shows for a week without a value: a gap, never a zero. */
const NONE = '–';


const optional = (x: number | null, show: (n: number) => string = num) => (x === null ? NONE : show(x));

/**
 * The week table for a narrow terminal (under 100 columns): the same facts in fewer columns — the
 * lowest and highest pain as one range, sessions with their adherence, two-line headings. Below
 * about 70 columns the range is left to the chart, sessions are "done/planned" without the
 * percentage, and the week is named by its date alone; where even that is too wide (a report
 * across two years, at 60 columns) the exercise and walking minutes share a column ("45/30").
 */
export function renderWeeklyTableCompact(weeks: readonly WeekRow[], theme: Theme, withYear: boolean, width = 80): string {
  const layout = (level: 0 | 1 | 2): { head: string[]; rows: string[][] } => {
    const narrow = level > 0;
    const minutesHead = level === 2 ? ['Active/\nwalk min'] : ['Active\nmin', 'Walk\nmin'];
    const head = ['Week of', 'Check-\nins', 'Pain\nmean', ...(narrow ? [] : ['Pain\nrange']), narrow ? 'Sessions' : 'Sessions\n(adherence)', ...minutesHead, 'PEG'];
    const rows = weeks.map((w) => {
      const adherence = w.adherence === null ? '' : ` (${Math.round(w.adherence)}%)`;
      const sessions = w.sessionsPlanned === 0 && w.sessionsDone === 0 ? NONE : narrow ? `${w.sessionsDone}/${w.sessionsPlanned}` : `${w.sessionsDone} of ${w.sessionsPlanned}${adherence}`;
      const range = w.painMin === null || w.painMax === null ? NONE : w.painMin === w.painMax ? String(w.painMin) : `${w.painMin}-${w.painMax}`;
      const active = String(Math.round(w.activeMinutes));
      const walk = String(Math.round(w.walkMinutes));
      return [
        narrow ? dayMonth(w.start, withYear) : weekLabel(w.start, withYear),
        String(w.checkins),
        optional(w.painMean),
        ...(narrow ? [] : [range]),
        sessions,
        ...(level === 2 ? [`${active}/${walk}`] : [active, walk]),
        optional(w.peg),
      ];
    });
    return { head, rows };
  };
  const build = ({ head, rows }: { head: string[]; rows: string[][] }): string => {
    const table = new Table({
      head: head.map((h) => theme.heading(h)),
      colAligns: ['left', ...head.slice(1).map(() => 'right' as const)],
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      style: { head: [], border: [] },
    });
    for (const r of rows) table.push(r);
    return table.toString();
  };
  // Pick the layout by its width worked out from the cells (each column as wide as its widest
  // line plus one space either side, and a border between columns), then draw only that one;
  // drawing is most of the report's time in the terminal. Checked against the drawn table.
  const layouts = ([0, 1, 2] as const).map(layout);
  const first = layouts.findIndex((l) => expectedWidth(l.head, l.rows) <= width);
  for (let i = first === -1 ? layouts.length - 1 : first; i < layouts.length; i++) {
    const drawn = build(layouts[i]!);
    if (tableWidth(drawn) <= width || i === layouts.length - 1) return drawn;
  }
  return build(layouts[layouts.length - 1]!);
}

/** A cli-table3 table's width from its cells: each column's widest line plus padding, and the borders. */
function expectedWidth(head: readonly string[], rows: readonly (readonly string[])[]): number {
  const widest = head.map((h, c) => Math.max(...[h, ...rows.map((r) => r[c] ?? '')].flatMap((cell) => cell.split('\n')).map(visibleLength)));
  return widest.reduce((sum, w) => sum + w + 2, 0) + head.length + 1;
}

const tableWidth = (table: string): number => visibleLength(table.split('\n')[0] ?? '');

export function renderWeeklyTable(weeks: readonly WeekRow[], theme: Theme, withYear: boolean): string {
  const table = new Table({
    head: ['Week of', 'Check-ins', 'Pain mean', 'Low', 'High', 'Sessions', 'Adherence', 'Active\nmin', 'Walk\nmin', 'PEG'].map((h) => theme.heading(h)),
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    // No rule between weeks: a compact table reads faster.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    style: { head: [], border: [] },
  });
  for (const w of weeks) {
    table.push([
      weekLabel(w.start, withYear),
      String(w.checkins),
      optional(w.painMean),
      optional(w.painMin, String),
      optional(w.painMax, String),
      w.sessionsPlanned === 0 && w.sessionsDone === 0 ? NONE : `${w.sessionsDone} of ${w.sessionsPlanned}`,
      optional(w.adherence, (a) => `${Math.round(a)}%`),
      String(Math.round(w.activeMinutes)),
      String(Math.round(w.walkMinutes)),
      optional(w.peg),
    ]);
  }
  return table.toString();
}

/**
 * The week table that fits `width`: the one-line table when there is room (100 columns and more),
 * else the compact one. Exercise minutes and walking-track minutes (painfit log --walk) are
 * separate columns.
 */
export function renderWeeks(weeks: readonly WeekRow[], theme: Theme, withYear: boolean, width: number): string {
  if (width >= WIDE_LAYOUT_MIN) {
    const wide = renderWeeklyTable(weeks, theme, withYear);
    if (tableWidth(wide) <= width) return wide;
  }
  return renderWeeklyTableCompact(weeks, theme, withYear, width);
}

/** How the weeks felt: the check-in answers besides pain, week by week (blank: none given). */
export function renderFeelingTable(weeks: readonly WeekRow[], theme: Theme, withYear: boolean): string {
  const table = new Table({
    head: ['Week of', 'Sleep', 'Pain during', 'Effort'].map((h) => theme.heading(h)),
    colAligns: ['left', 'right', 'right', 'right'],
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    style: { head: [], border: [] },
  });
  for (const w of weeks) table.push([weekLabel(w.start, withYear), optional(w.sleepMean), optional(w.duringMean), optional(w.effortMean)]);
  return table.toString();
}

/** "Mon 5 Jan" (or "Wed 7 Jan" for a first week that starts with the intake). */
function weekLabel(start: IsoDate, withYear: boolean): string {
  return `${formatDate(start).slice(0, 3)} ${dayMonth(start, withYear)}`;
}

export function renderPainChart(report: Report, theme: Theme, width: number): string {
  const withYear = report.from.slice(0, 4) !== report.to.slice(0, 4);
  // Ticks on each Monday; the year is added where it changes, when the report spans two years.
  let year = '';
  const points = report.daily.map((d, i) => {
    // Ticks on Mondays, and on the first day when the plan started mid-week.
    const tick = i === 0 || weekdayOf(d.date) === 'mon';
    const showYear = withYear && tick && d.date.slice(0, 4) !== year;
    if (showYear) year = d.date.slice(0, 4);
    return { label: dayMonth(d.date, showYear), value: d.pain, mark: d.sessionDone ? ('done' as const) : d.planned ? ('missed' as const) : null, tick };
  });
  return renderLineChart(points, { width, min: 0, max: 10, rows: 11, theme });
}

export function renderReport(report: Report, theme: Theme, width = terminalWidth()): string {
  const withYear = report.from.slice(0, 4) !== report.to.slice(0, 4);
  const weeks = report.weeks.length;
  const who = report.intake.name ? `${report.intake.name}'s report` : 'Your report';
  const lines: string[] = [
    theme.heading(`${who}: ${formatDate(report.from)} to ${formatDate(report.to)} (${plural(weeks, 'week')})`),
    theme.muted(
      `Plan started ${formatDate(report.intake.date)}: ${report.plan.summary}` +
        (report.weeksAsked !== undefined && report.weeksAsked > weeks ? ` The plan is ${plural(weeks, 'week')} old, so that is all there is to show.` : ''),
    ),
  ];
  if (report.screening.outcome === 'stop') lines.push(...report.screening.notes.map((n) => theme.warn(`• ${n}`)));
  lines.push('', renderWeeks(report.weeks, theme, withYear, width));

  lines.push('', theme.heading('Daily pain (0 none, 10 worst imaginable)'), renderPainChart(report, theme, width), theme.muted(CHART_LEGEND));

  lines.push('', theme.heading('Is it helping?'));
  lines.push(verdictLine(report.change.verdict, report.change.words, theme));
  if (report.peg) lines.push(verdictLine(report.peg.verdict, report.peg.words, theme));
  if (report.psfs) {
    lines.push(report.psfs.real ? theme.good(report.psfs.words) : report.psfs.words);
    for (const g of report.psfs.goals) {
      const now = g.current === null ? 'not re-rated yet' : `${g.current} now (${g.change! > 0 ? '+' : ''}${g.change}${g.real ? ', a real change' : ''})`;
      lines.push(`  • ${g.activity}: ${g.baseline} at the start, ${now}`);
    }
  }

  lines.push('', theme.heading('Sleep, pain during exercise and effort (means of the check-ins, 0-10)'));
  lines.push(renderFeelingTable(report.weeks, theme, withYear));

  lines.push('', theme.heading('Patterns in your days'));
  for (const i of report.insights) lines.push(wrap(`• ${i.words}`, width, '  '));

  lines.push('', theme.heading('Flare-ups'));
  if (report.flares.length === 0) lines.push('  None in these weeks.');
  for (const f of report.flares) {
    lines.push(
      f.end === null
        ? `  Since ${formatDate(f.start)}, still going (${plural(f.days, 'day')} so far)`
        : f.end === f.start
          ? `  ${formatDate(f.start)} (1 day)`
          : `  ${formatDate(f.start)} to ${formatDate(f.end)} (${plural(f.days, 'day')})`,
    );
  }

  lines.push('', theme.heading('Dose changes, week by week'));
  if (report.steps.length === 0) lines.push('  None yet: the first weekly review comes at the start of plan week 2.');
  const when = report.steps.map((s) => `${formatDate(s.date)} (week ${s.week})`);
  const wide = Math.max(0, ...when.map((w) => w.length));
  report.steps.forEach((s, i) => {
    const word = s.change === 'up' ? theme.good('up  ') : s.change === 'down' ? theme.warn('down') : 'hold';
    // The reason wraps under itself, not under the date.
    const indent = ' '.repeat(2 + wide + 2 + 4 + 2);
    const reason = wrapText(s.reason, Math.max(indent.length + 20, width), { firstIndent: indent, indent }).slice(indent.length);
    lines.push(`  ${when[i]!.padEnd(wide)}  ${word}  ${reason}`);
  });

  if (report.heading) {
    lines.push('', theme.heading('Where this is heading'));
    // Under its own title, the first sentence need not say "Where this is heading" again.
    for (const w of report.heading.words) lines.push(`  ${wrap(w.replace(/^Where this is heading: t/, 'T'), width - 2, '  ')}`);
  }

  lines.push('', theme.muted(DISCLAIMER));
  // Paragraphs and step lines wrap between words; the table and chart are built to fit already.
  return fitScreen(lines.join('\n'), width);
}

function verdictLine(verdict: Report['change']['verdict'], words: string, theme: Theme): string {
  if (verdict === 'substantial' || verdict === 'meaningful') return theme.good(words);
  if (verdict === 'worse') return theme.warn(words);
  return words;
}

// ---------------------------------------------------------------------------------------------
// CSV: one row per week, for a spreadsheet. Empty cells for missing values (never zeros); means to
// two decimals, adherence and minutes to one.

export const CSV_HEADER = [
  'week_start',
  'checkins',
  'pain_mean',
  'pain_min',
  'pain_max',
  'sessions_planned',
  'sessions_done',
  'adherence_percent',
  'active_minutes',
  'peg',
  'sleep_mean',
  'during_mean',
  'effort_mean',
  // Added last (issue 10's walking track), so a spreadsheet reading the columns above by position still works.
  'walk_minutes',
] as const;

const fixed = (x: number | null, decimals: number): string => (x === null ? '' : String(Number(x.toFixed(decimals))));

export function renderReportCsv(report: Report): string {
  const rows = report.weeks.map((w) =>
    [
      w.start,
      String(w.checkins),
      fixed(w.painMean, 2),
      fixed(w.painMin, 0),
      fixed(w.painMax, 0),
      String(w.sessionsPlanned),
      String(w.sessionsDone),
      fixed(w.adherence, 1),
      fixed(w.activeMinutes, 1),
      fixed(w.peg, 2),
      fixed(w.sleepMean, 2),
      fixed(w.duringMean, 2),
      fixed(w.effortMean, 2),
      String(w.walkMinutes),
    ].join(','),
  );
  return [CSV_HEADER.join(','), ...rows].join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// The echo of painfit checkin (and of the weekly questions asked by painfit log).

export function renderMeasureSaved(
  m: { date: IsoDate; peg: { pain: number; enjoyment: number; activity: number } | null; goals: { activity: string; score: number }[] | null },
  intakeGoals: readonly { activity: string; score: number }[],
  theme: Theme,
): string {
  const lines = [theme.heading(`Weekly questions saved for ${formatDate(m.date)}:`)];
  if (m.peg) {
    lines.push(`  PEG: pain ${m.peg.pain}, enjoyment ${m.peg.enjoyment}, activity ${m.peg.activity} (score ${num(pegScore(m.peg))})`);
  }
  for (const [i, g] of (m.goals ?? []).entries()) {
    const then = intakeGoals[i]?.score;
    lines.push(`  ${g.activity}: ${g.score}/10${then === undefined ? '' : ` (${then} at the start)`}`);
  }
  lines.push(theme.muted('  painfit report shows how these change over the weeks.'));
  return fitScreen(lines.join('\n'), terminalWidth());
}
