// The clinician's HTML report as a string: self-contained, escaped, honest about missing days.
// (test/report-html-browser.test.ts loads it in a real browser.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IsoDate } from '../src/domain/dates';
import type { DayPoint, Report, WeekRow } from '../src/domain/report';
import { flagTiers } from '../src/domain/screening';
import { DISCLAIMER } from '../src/ui/format';
import { escapeHtml, notesToShow, painPath, renderReportHtml } from '../src/ui/report-html';

function addDays(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function week(start: IsoDate, over: Partial<WeekRow> = {}): WeekRow {
  return {
    start,
    checkins: 5,
    painMean: 4.2,
    painMin: 3,
    painMax: 6,
    sessionsPlanned: 3,
    sessionsDone: 2,
    adherence: 66.7,
    activeMinutes: 40,
    walkMinutes: 0,
    peg: null,
    sleepMean: 6,
    duringMean: 3,
    effortMean: 3,
    ...over,
  };
}

/** A two-week report; `pains` gives one value per day from `from` (null: no check-in). */
function report(over: Partial<Report> = {}, pains: (number | null)[] = [5, 5, null, 4, 4, null, null, 3, 4, 4, 3, null, 3, 3]): Report {
  const from = '2025-03-03';
  const daily: DayPoint[] = pains.map((pain, i) => ({ date: addDays(from, i), pain, sessionDone: i % 7 === 0 || i % 7 === 2 }));
  return {
    from,
    to: addDays(from, pains.length - 1),
    intake: { date: from, name: 'Sam', age: 58, regions: ['low-back', 'knee'], average: 6 },
    screening: { outcome: 'proceed', redFlags: [], flags: [], notes: ['Your answers say it is fine to start.'] },
    weeks: [week(from), week(addDays(from, 7))],
    daily,
    change: {
      baseline: 6,
      current: 3.3,
      points: 2.7,
      percent: 45,
      meaningful: true,
      verdict: 'meaningful',
      words: 'Pain is 2.7 points lower than at intake (45%): a meaningful improvement.',
    },
    peg: null,
    psfs: null,
    flares: [],
    steps: [],
    insights: [],
    notes: [],
    plan: { days: ['mon', 'wed', 'fri'], minutes: 20, summary: 'Walking, band strength work and gentle yoga.' },
    ...over,
  };
}

const EVIL = `<script>alert('x')</script>"><img src=x onerror=alert(1)>&amp;`;

/** Every free-text field filled with markup. */
function hostile(): Report {
  const r = report();
  return {
    ...r,
    intake: { ...r.intake, name: EVIL },
    screening: { outcome: 'light', redFlags: ['nightPain', EVIL], flags: flagTiers(['nightPain']), notes: [EVIL] },
    change: { ...r.change, words: EVIL },
    peg: { ...r.change, words: EVIL },
    psfs: {
      goals: [{ activity: EVIL, baseline: 3, current: 6, change: 3, real: true }],
      baselineMean: 3,
      currentMean: 6,
      change: 3,
      real: true,
      words: EVIL,
    },
    flares: [{ start: r.from, end: addDays(r.from, 1), days: 2 }],
    steps: [{ date: addDays(r.from, 7), week: 2, change: 'up', code: 'earned', from: 0, to: 1, reason: EVIL }],
    notes: [{ date: r.from, note: EVIL }],
    plan: { days: ['mon', EVIL], minutes: 20, summary: EVIL },
  };
}

function chartPath(out: string): string | null {
  return /<path class="pain" d="([^"]*)"/.exec(out)?.[1] ?? null;
}

describe('renderReportHtml: a self-contained page', () => {
  const out = renderReportHtml(report());

  it('is a complete UTF-8 document with A4 print rules', () => {
    expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(out).toContain('<meta charset="utf-8">');
    expect(out).toMatch(/@page \{ size: A4; margin: 8mm 9mm; \}/);
    expect(out).toMatch(/break-inside: avoid/);
    expect(out).toMatch(/<title>painfit report: Sam, 3 Mar 2025 – 16 Mar 2025<\/title>/);
    expect(out.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('loads nothing from anywhere: no scripts, URLs, links, images, fonts or imports', () => {
    for (const r of [report(), hostile()]) {
      const html = renderReportHtml(r);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/https?:/i);
      expect(html).not.toMatch(/\/\/[a-z0-9]/i);
      expect(html).not.toMatch(/<(link|img|iframe|object|embed|base|form|a)\b/i);
      // Attributes are looked for inside tags: escaped user text may spell "src=" harmlessly.
      expect(html).not.toMatch(/<[a-z][^>]*\s(src|href|srcset|xlink:href|action|poster|data)\s*=/i);
      expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/url\(|@import|@font-face/i);
    }
  });

  it('forbids loading anything even if a browser tried (Content-Security-Policy)', () => {
    expect(out).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
  });

  it('shows who, the period, the plan, the verdict and the disclaimer', () => {
    expect(out).toContain('<h1>Exercise and pain report: <b>Sam</b></h1>');
    expect(out).toContain('58 years');
    expect(out).toContain('lower back, knee');
    expect(out).toContain('covers 3 Mar 2025 – 16 Mar 2025 (2 weeks)');
    expect(out).toContain('Mon, Wed, Fri');
    expect(out).toContain('Walking, band strength work and gentle yoga.');
    expect(out).toContain('Pain is 2.7 points lower than at intake (45%): a meaningful improvement.');
    expect(out).toContain('Meaningful improvement');
    expect(out).toContain('2.7 points lower (45% reduction)');
    expect(out).toContain(DISCLAIMER);
    expect(out).toMatch(/painfit does not replace advice from your doctor or physiotherapist/);
  });

  it('dates the page with report.to and never reads the clock', () => {
    expect(out).toContain('generated by painfit on 16 Mar 2025');
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2031-07-09T23:59:00Z'));
      const later = renderReportHtml(report());
      vi.setSystemTime(new Date('1999-01-01T00:00:00Z'));
      expect(renderReportHtml(report())).toBe(later);
      expect(later).toBe(out);
      expect(later).not.toMatch(/2031|1999/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not change its input', () => {
    const r = hostile();
    const before = JSON.stringify(r);
    renderReportHtml(deepFreeze(r));
    expect(JSON.stringify(r)).toBe(before);
  });
});

describe('renderReportHtml: user text is escaped everywhere', () => {
  const out = renderReportHtml(hostile());

  it('turns markup in names, notes, goals and every other text into inert text', () => {
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/<[^>]*\sonerror=/i); // never an attribute
    expect(out).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;');
    // The name (header and <title>), the note, the goal, the step, the plan, the verdicts, the flags…
    const escaped = out.split('&lt;script&gt;').length - 1;
    expect(escaped).toBeGreaterThanOrEqual(11);
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('shows a URL in a note as text, not a link', () => {
    const html = renderReportHtml(report({ notes: [{ date: '2025-03-04', note: 'physio said see https://example.org/knee' }] }));
    expect(html).toContain('physio said see https://example.org/knee');
    expect(html).not.toMatch(/<a\b|href=/);
  });

  it('labels warning signs with the tier the domain gives them (issue 8: {flag, tier}, never re-declared in the UI)', () => {
    expect(out).toContain('Night pain that does not ease');
    expect(out).toContain('tier-non-urgent');
    // The effort number with its Borg CR10 word.
    expect(out).toContain('Effort held at 3 out of 10 (moderate) at most until a dated clearance');
  });
});

describe('the pain chart', () => {
  it('is an inline SVG with a title, a description and an aria-label', () => {
    const out = renderReportHtml(report());
    expect(out).toMatch(/<svg class="chart" viewBox="0 0 \d+ \d+"[^>]* role="img" aria-labelledby="chart-title chart-desc" aria-label="Daily pain from 3 Mar 2025 to 16 Mar 2025[^"]*"/);
    expect(out).toContain('<title id="chart-title">Daily pain, 0 to 10</title>');
    expect(out).toContain('10 days with a check-in out of 14');
    expect(out).toContain('Pain (0–10)');
    expect(out).toContain('>Week starting<');
    expect(out).not.toMatch(/xmlns=/); // inline SVG in HTML needs no namespace URL
  });

  it('breaks the line at days without a check-in instead of drawing them as zero', () => {
    // days: 5 5 _ 4 4 _ _ 3 4 4 3 _ 3 3  → segments [0,1] [3,4] [7..10] [12,13]
    const d = chartPath(renderReportHtml(report()));
    expect(d).not.toBeNull();
    const commands = (d ?? '').split(' ').filter((t) => /^[ML]/.test(t)).map((t) => t[0]);
    expect(commands.join('')).toBe('MLMLMLLLML');
    // No vertex sits on the zero line: every y is above the x axis.
    const ys = [...(d ?? '').matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(10);
    // The x axis (pain 0) is the first axis line, drawn across at y = zeroY.
    const zeroY = Number(/<line class="axis" x1="[\d.]+" y1="([\d.]+)"/.exec(renderReportHtml(report()))?.[1]);
    expect(zeroY).toBeGreaterThan(0);
    expect(ys.every((y) => y < zeroY)).toBe(true);
  });

  it('treats a day missing from `daily` as a gap too', () => {
    const r = report();
    const daily = r.daily.filter((d) => d.date !== '2025-03-12'); // day 9, between two check-ins
    const d = chartPath(renderReportHtml({ ...r, daily })) ?? '';
    expect(d.split(' ').filter((t) => t.startsWith('M'))).toHaveLength(5);
  });

  it('draws a real zero as a point on the zero line', () => {
    const d = painPath([
      { index: 0, x: 10, y: 200 },
      { index: 1, x: 20, y: null },
      { index: 2, x: 30, y: 180 },
      { index: 3, x: 40, y: 170 },
    ]);
    expect(d).toBe('M10 200 M30 180 L40 170');
    const zero = renderReportHtml(report({}, [0, 0, 1]));
    expect(chartPath(zero)).toMatch(/^M[\d.]+ ([\d.]+) L[\d.]+ \1 L/);
  });

  it('marks each session day and each check-in', () => {
    const r = report();
    const out = renderReportHtml(r);
    expect(out.match(/<path class="session"/g)).toHaveLength(r.daily.filter((d) => d.sessionDone).length);
    expect(out.match(/<circle class="dot"/g)).toHaveLength(r.daily.filter((d) => d.pain !== null).length);
  });

  it('shades flare-ups, including one still going on', () => {
    const out = renderReportHtml(report({ flares: [{ start: '2025-03-10', end: null, days: 7 }] }));
    expect(out).toMatch(/<rect class="flare"/);
    expect(out).toContain('10 Mar 2025 – ongoing');
    expect(out).toContain('7 days so far');
  });

  it('thins a year of data: ticks for sessions, dots only for lone check-ins, at most 10 date labels', () => {
    const from = '2024-01-01';
    const pains = Array.from({ length: 364 }, (_, i) => (i % 10 === 5 ? null : i === 100 ? 2 : 4 + (i % 3)));
    pains[99] = null;
    pains[101] = null;
    const weeks = Array.from({ length: 52 }, (_, k) => week(addDays(from, k * 7)));
    const r = { ...report({}, pains), from, to: addDays(from, 363), weeks };
    r.daily = pains.map((pain, i) => ({ date: addDays(from, i), pain, sessionDone: i % 2 === 0 }));
    const out = renderReportHtml(r);
    expect(out.match(/<circle class="dot"/g)).toHaveLength(1);
    expect(out.match(/class="session tick-mark"/g)).toHaveLength(182);
    expect(out.match(/<line class="week"/g)?.length).toBeLessThanOrEqual(10);
    // The table keeps to the latest 12 weeks and says so.
    expect(out).toContain('the last 12 of 52 weeks: 40 earlier weeks left out here; the chart covers them all');
  });
});

describe('the weekly table and the lists', () => {
  it('has one row per week with means, range, sessions, adherence, minutes and PEG', () => {
    const out = renderReportHtml(
      report({ weeks: [week('2025-03-03', { peg: 5.67 }), week('2025-03-10', { checkins: 0, painMean: null, painMin: null, painMax: null, adherence: null, sessionsPlanned: 0, sessionsDone: 0 })] }),
    );
    const table = /<table class="weeks">[\s\S]*?<\/table>/.exec(out)?.[0] ?? '';
    const rows = table.match(/<tr>\n<td/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(table).toContain('<td class="text">3 Mar 2025</td>');
    expect(table).toContain('<td>4.2</td>');
    expect(table).toContain('<td>3–6</td>');
    expect(table).toContain('<td>2 of 3</td>');
    expect(table).toContain('67%');
    expect(table).toContain('<td>5.7</td>');
    // A week with no check-ins shows dashes, never zeros.
    expect(table).toMatch(/<td class="text">10 Mar 2025<\/td>\n<td>0<\/td>\n<td>–<\/td>\n<td>–<\/td>/);
  });

  it('shows the walking-track minutes of each week beside the exercise minutes, and their sum', () => {
    const out = renderReportHtml(report({ weeks: [week('2025-03-03', { activeMinutes: 41.6, walkMinutes: 45 }), week('2025-03-10', { walkMinutes: 0 })] }));
    const table = /<table class="weeks">[\s\S]*?<\/table>/.exec(out)?.[0] ?? '';
    expect(table).toContain('<th>Active min</th><th>Walk min</th>');
    // Active 41.6 → 42, then the walking track's 45; the second week walked nothing: 0, not a dash.
    expect(table).toMatch(/<td class="text">3 Mar 2025<\/td>(\n<td[^\n]*){5}\n<td>42<\/td>\n<td>45<\/td>\n<td>6<\/td>/);
    expect(table).toMatch(/<td class="text">10 Mar 2025<\/td>(\n<td[^\n]*){5}\n<td>40<\/td>\n<td>0<\/td>\n<td>6<\/td>/);
    // 45 + 0 = 45 minutes in all.
    expect(out).toContain('<b>45</b> walking minutes');
  });

  it('adds up adherence over the period', () => {
    const out = renderReportHtml(report());
    expect(out).toContain('<b>4 of 6</b> sessions done (67%)');
    expect(out).toContain('<b>80</b> active minutes (about 40 a week)');
  });

  it('shows the PEG and goal (PSFS) verdicts', () => {
    const r = hostile();
    const out = renderReportHtml({
      ...r,
      peg: { ...r.change, baseline: 6.3, current: 4, words: 'PEG is 2.3 points lower.' },
      psfs: { ...r.psfs!, goals: [{ activity: 'walk to the shops', baseline: 3, current: null, change: null, real: false }], words: 'No goal re-rating yet.' },
    });
    expect(out).toContain('PEG is 2.3 points lower.');
    expect(out).toContain('No goal re-rating yet.');
    expect(out).toContain('<td class="text">walk to the shops</td><td>3</td><td>–</td><td>–</td><td>–</td>');
  });

  it('lists flare-ups and dose changes', () => {
    const out = renderReportHtml(hostile());
    expect(out).toContain('1 episode, 2 days in all');
    expect(out).toContain('3 Mar 2025 – 4 Mar 2025');
    expect(out).toContain('Stepped up');
  });

  it('keeps the latest notes that fit two pages, shortens long ones, and says how many are left out', () => {
    const notes = Array.from({ length: 30 }, (_, i) => ({ date: addDays('2025-01-01', i), note: i === 29 ? 'x'.repeat(500) : `note ${i}` }));
    const shown = notesToShow(notes);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThan(30);
    expect(shown.at(-1)?.note).toMatch(/^x+…$/);
    expect(shown.at(-1)?.note.length).toBeLessThanOrEqual(160);
    expect(shown.at(-2)?.note).toBe('note 28');
    const out = renderReportHtml(report({ notes }));
    expect(out).toContain(`The latest ${shown.length} of 30 notes`);
    expect(out).toContain('<code>painfit export</code> has them all');
  });

  it('shows every note, oldest first, when there are few', () => {
    const out = renderReportHtml(report({ notes: [{ date: '2025-03-05', note: 'second' }, { date: '2025-03-04', note: 'first' }] }));
    expect(out.indexOf('first')).toBeLessThan(out.indexOf('second'));
    expect(out).not.toContain('The latest');
  });
});

describe('edge cases', () => {
  it('renders an empty report (no weeks, no check-ins) without inventing numbers', () => {
    const out = renderReportHtml(
      report(
        {
          weeks: [],
          change: { baseline: 6, current: null, points: null, percent: null, meaningful: false, verdict: 'not-enough-data', words: 'Not enough check-ins yet.' },
          intake: { date: '2025-03-03', age: 40, regions: [], average: 6 },
        },
        [],
      ),
    );
    expect(out).toContain('<svg class="chart"');
    expect(out).toContain('No pain check-ins in this period');
    expect(out).not.toContain('<path class="pain"');
    expect(out).toContain('No weeks in this period.');
    expect(out).toContain('Not enough data yet');
    expect(out).toContain('Name not given');
    expect(out).toContain('0 of 0');
    expect(out).not.toMatch(/NaN|undefined|Infinity|null/);
  });

  it('renders a one-week report and a one-day period', () => {
    const oneWeek = renderReportHtml(report({ weeks: [week('2025-03-03')] }, [4, null, 5, 5, null, null, 3]));
    expect(oneWeek).toContain('(1 week)');
    expect(oneWeek.match(/<tr>\n<td/g)).toHaveLength(1);
    const oneDay = renderReportHtml(report({ weeks: [week('2025-03-03')] }, [4]));
    expect(chartPath(oneDay)).toMatch(/^M[\d.]+ [\d.]+$/);
    expect(oneDay.match(/<circle class="dot"/g)).toHaveLength(1);
    for (const out of [oneWeek, oneDay]) expect(out).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('says plainly when screening stopped the plan', () => {
    const out = renderReportHtml(report({ screening: { outcome: 'stop', redFlags: ['legWeakness', 'cancerHistory'], flags: flagTiers(['legWeakness', 'cancerHistory']), notes: [] } }));
    expect(out).toContain('Not cleared: no exercise plan until a clinician has seen them');
    // The label and the tier both come from the domain (issue 8: one tier model).
    expect(out).toContain('New weakness or numbness in both legs');
    expect(out).toContain('tier-emergency');
    expect(out).toContain('tier-urgent');
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the programme: how each exercise felt', () => {
  it('counts the answers per exercise (easy, about right, hard, it hurt) and shows a dash when there were none', async () => {
    const { feltCounts } = await import('../src/ui/report-html');
    // By hand: easy, hurt, easy, about right → easy 2, about right 1, hard 0, it hurt 1.
    expect(feltCounts(['easy', 'hurt', 'easy', 'right'])).toEqual({ easy: 2, right: 1, hard: 0, hurt: 1 });
    expect(feltCounts([])).toBeNull();
    const ex = (id: string) => ({ id, name: id, type: 'strength' as const, regions: ['knee' as const], position: 'standing' as const, equipment: [], phase: 'main' as const, sets: 2, reps: 10, effort: 3, perSide: false, cues: [], purpose: '' });
    const session = { date: '2025-03-16', status: 'session' as const, week: 2, focus: '', minutes: 20, exercises: [ex('wall-push-up'), ex('bridge')], notes: [] } as unknown as import('../src/domain/session').Session;
    const out = renderReportHtml(report(), {
      programme: { session, recent: { 'wall-push-up': { done: 3, of: 4 } }, recentDays: 14, felt: { 'wall-push-up': ['easy', 'hurt', 'easy', 'right'] } },
    });
    expect(out).toContain(
      '<td>3 of 4</td><td class="felt felt-easy">2</td><td class="felt felt-right">1</td><td class="felt felt-hard zero">0</td><td class="felt felt-hurt">1</td></tr>',
    );
    expect(out).toContain('<td>–</td><td class="felt none" colspan="4">–</td></tr>');
    expect(out).toContain('easy, about right, hard and it hurt, how often it felt so');
  });
});
