// The terminal renderers of painfit report: chart, table, CSV. Colour off; strings in, strings out.
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/domain/report';
import { renderLineChart, type ChartPoint } from '../src/ui/chart';
import { renderReport, renderReportCsv } from '../src/ui/report';
import { makeTheme } from '../src/ui/theme';

const theme = makeTheme(0);
const pt = (value: number | null, mark: ChartPoint['mark'] = null, label = ''): ChartPoint => ({ label, value, mark, tick: label !== '' });

describe('renderLineChart', () => {
  it('leaves a day without a value blank, never drawn at zero', () => {
    const chart = renderLineChart([pt(5, 'done', 'Mon'), pt(5), pt(null, 'missed'), pt(2), pt(2)], { width: 40, min: 0, max: 10, rows: 11, theme });
    const lines = chart.split('\n');
    expect(lines).toHaveLength(13); // 11 rows, marks, dates
    // Days are stretched to 3 columns; the axis is 5 wide ("10 ┤"), so day 3 is columns 11-13.
    const column = (i: number) => lines.slice(0, 11).map((l) => l[i] ?? ' ').join('');
    expect(column(5 + 6)).toBe(' '.repeat(11));
    // Nothing at all on the zero row.
    expect(lines[10]!.slice(5).trim()).toBe('');
    // Pain 5 (rows are labelled every 2 points): starts on day 1, carries on to day 2, then the gap.
    expect(lines[5]).toBe('   ┤╶───');
    expect(lines[8]).toBe(' 2 ┤         ╶───'); // days 4 and 5 at 2
    expect(lines[11]).toBe('    ●     ○'); // done on day 1, planned but missed on day 3
    expect(lines[12]).toBe('    Mon');
  });

  it('marks an isolated day with a dot', () => {
    const chart = renderLineChart([pt(null), pt(4), pt(null)], { width: 30, min: 0, max: 10, rows: 11, theme });
    expect(chart).toContain('•');
  });

  it('fits the width by grouping days into columns (means of the days with a value)', () => {
    const year = Array.from({ length: 364 }, (_, k) => pt(k % 3 === 0 ? null : 3 + (k % 5), k % 2 ? 'done' : null, k % 28 === 0 ? `w${k}` : ''));
    const chart = renderLineChart(year, { width: 80, min: 0, max: 10, rows: 11, theme });
    for (const line of chart.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});

const report: Report = {
  from: '2026-01-05',
  to: '2026-01-14',
  intake: { date: '2026-01-05', name: 'Sam', age: 58, regions: ['knee'], average: 5 },
  screening: { outcome: 'proceed', redFlags: [], flags: [], notes: [] },
  weeks: [
    {
      start: '2026-01-05',
      checkins: 3,
      painMean: 13 / 3,
      painMin: 4,
      painMax: 5,
      sessionsPlanned: 3,
      sessionsDone: 2,
      adherence: 200 / 3,
      activeMinutes: 43.25,
      walkMinutes: 35,
      peg: 14 / 3,
      sleepMean: 19 / 3,
      duringMean: 3.5,
      effortMean: 3,
    },
    {
      start: '2026-01-12',
      checkins: 0,
      painMean: null,
      painMin: null,
      painMax: null,
      sessionsPlanned: 2,
      sessionsDone: 0,
      adherence: 0,
      activeMinutes: 0,
      walkMinutes: 0,
      peg: null,
      sleepMean: null,
      duringMean: null,
      effortMean: null,
    },
  ],
  daily: Array.from({ length: 10 }, (_, k) => ({ date: `2026-01-${String(5 + k).padStart(2, '0')}`, pain: k < 3 ? 4 + (k % 2) : null, sessionDone: k === 0, planned: k % 2 === 0 })),
  change: { baseline: 5, current: null, points: null, percent: null, meaningful: false, verdict: 'not-enough-data', words: 'Pain: 5 at the start; no check-ins.' },
  peg: null,
  psfs: null,
  flares: [{ start: '2026-01-06', end: '2026-01-08', days: 3 }],
  steps: [{ date: '2026-01-12', week: 2, change: 'hold', code: 'adherence', from: 0, to: 0, reason: 'Held: 2 of 3 sessions done.' }],
  insights: [
    {
      kind: 'after-session',
      enough: false,
      groups: [
        { label: 'day after a session', days: 1, painMean: 5 },
        { label: 'other days', days: 2, painMean: 4 },
      ],
      difference: null,
      words: 'Pain on the day after a session: not enough data yet (1 day after a session and 2 other days so far; at least 5 of each are needed).',
    },
  ],
  notes: [],
  plan: { days: ['mon', 'wed', 'fri'], minutes: 20, summary: '3 days a week (Mon, Wed and Fri), about 20 minutes each.' },
};

describe('renderReportCsv', () => {
  it('prints one row per week; empty cells for gaps; means to 2 decimals', () => {
    expect(renderReportCsv(report)).toBe(
      'week_start,checkins,pain_mean,pain_min,pain_max,sessions_planned,sessions_done,adherence_percent,active_minutes,peg,sleep_mean,during_mean,effort_mean,walk_minutes\n' +
        '2026-01-05,3,4.33,4,5,3,2,66.7,43.3,4.67,6.33,3.5,3,35\n' + // 13/3 = 4.333…; 200/3 = 66.67; 14/3 = 4.667; 19/3 = 6.333
        '2026-01-12,0,,,,2,0,0,0,,,,,0\n',
    );
  });
});

describe('renderReport', () => {
  const text = renderReport(report, theme, 100);
  it('shows the table with one-decimal means and dashes for gaps', () => {
    // ... exercise minutes 43.25 → 43, walking track 35, PEG 14/3 → 4.7.
    expect(text).toMatch(/│ Mon 5 Jan\s+│\s+3 │\s+4\.3 │\s+4 │\s+5 │\s+2 of 3 │\s+67% │\s+43 │\s+35 │\s+4\.7 │/);
    expect(text).toMatch(/│ Mon 12 Jan\s+│\s+0 │\s+– │\s+– │\s+– │\s+0 of 2 │\s+0% │\s+0 │\s+0 │\s+– │/);
  });
  it.each([
    [80, /│ Mon 5 Jan\s+│\s+3 │\s+4\.3 │\s+4-5 │\s+2 of 3 \(67%\) │\s+43 │\s+35 │\s+4\.7 │/],
    [60, /│ 5 Jan\s+│\s+3 │\s+4\.3 │\s+2\/3 │\s+43 │\s+35 │\s+4\.7 │/],
  ])('at %i columns the week table keeps the walking minutes and fits', (cols, row) => {
    const narrow = renderReport(report, theme, cols);
    expect(narrow).toMatch(row);
    expect(narrow).toMatch(/│ Walk │/);
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(cols);
  });
  it('a first week that starts with the intake is named by its own day at every width (it read "Mon 1 Dec" for a Tuesday)', () => {
    const tuesday: Report = { ...report, from: '2026-01-06', intake: { ...report.intake, date: '2026-01-06' }, weeks: [{ ...report.weeks[0]!, start: '2026-01-06' }, report.weeks[1]!] };
    for (const cols of [120, 80]) {
      const text = renderReport(tuesday, theme, cols);
      expect(text, `${cols} columns`).toMatch(/│ Tue 6 Jan\s+│\s+3 │/);
      expect(text, `${cols} columns`).toMatch(/│ Mon 12 Jan\s+│\s+0 │/);
      expect(text).not.toContain('Mon 6 Jan');
    }
  });
  it('a report across two years still fits 60 columns: exercise and walking minutes share a column', () => {
    const shift = (d: string) => d.replace('2026-01-05', '2025-12-29').replace('2026-01-12', '2026-01-05');
    const acrossYears: Report = { ...report, from: '2025-12-29', to: '2026-01-07', intake: { ...report.intake, date: '2025-12-29' }, weeks: report.weeks.map((w) => ({ ...w, start: shift(w.start) })) };
    const text = renderReport(acrossYears, theme, 60);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    // 43.25 exercise minutes → 43, then the walking track's 35.
    expect(text).toMatch(/│ 29 Dec 2025\s+│\s+3 │\s+4\.3 │\s+2\/3 │\s+43\/35 │\s+4\.7 │/);
    expect(text).toMatch(/│ 5 Jan 2026\s+│\s+0 │\s+– │\s+0\/2 │\s+0\/0 │\s+– │/);
    expect(text).toContain('Active/');
  });
  it('has the chart, the verdicts, flares and steps', () => {
    expect(text).toContain('Daily pain (0 none, 10 worst imaginable)');
    expect(text).toContain('Pain: 5 at the start; no check-ins.');
    expect(text).toContain('Tue 6 Jan 2026 to Thu 8 Jan 2026 (3 days)');
    expect(text).toContain('Mon 12 Jan 2026 (week 2)  hold  Held: 2 of 3 sessions done.');
    expect(text).toContain('painfit does not replace advice');
  });
  it('a long dose-change reason wraps under itself, not under the date, within 60 columns', () => {
    const reason = 'Doses up a step: 3 of 3 sessions done and no pain rule broken the week before.';
    const narrow = renderReport({ ...report, steps: [{ date: '2026-01-12', week: 2, change: 'up', code: 'earned', from: 0, to: 1, reason }] }, theme, 60);
    const lines = narrow.split('\n');
    const first = lines.findIndex((l) => l.includes('Mon 12 Jan 2026 (week 2)  up'));
    expect(first).toBeGreaterThan(-1);
    const column = lines[first]!.indexOf('Doses up');
    const rest = lines.slice(first + 1, lines.indexOf('', first));
    expect(rest.length).toBeGreaterThan(0);
    for (const l of [lines[first]!, ...rest]) expect(l.length).toBeLessThanOrEqual(60);
    for (const l of rest) expect(l.slice(0, column).trim(), l).toBe('');
    expect([lines[first]!.slice(column), ...rest.map((l) => l.trim())].join(' ')).toBe(reason);
  });
  it('shows sleep, pain during exercise and effort by week, and the insights', () => {
    expect(text).toMatch(/│ Mon 5 Jan\s+│\s+6\.3 │\s+3\.5 │\s+3 │/);
    expect(text).toMatch(/│ Mon 12 Jan\s+│\s+– │\s+– │\s+– │/);
    expect(text).toContain('• Pain on the day after a session: not enough data yet');
  });
});
