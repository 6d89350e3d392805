// The clinician's HTML report in a real browser: Debian's Chromium (/usr/bin/chromium) driven by
// playwright-core, which downloads nothing. Loads the file over file://, finds the chart and the
// table, sees no console errors and no network request, checks a screenshot is not blank, and
// prints to A4 PDF on at most two pages.
import { flagTiers } from '../src/domain/screening';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { IsoDate } from '../src/domain/dates';
import type { Change, DayPoint, Report, Verdict, WeekRow } from '../src/domain/report';
import type { Session } from '../src/domain/session';
import { type ProgrammeInput, renderReportHtml } from '../src/ui/report-html';
import { ROOT, run, tempHome, writeJson } from './helpers/cli';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const SKIP = !HAVE_CHROMIUM && !process.env.CI;
if (SKIP) {
  console.warn(`report-html-browser: SKIPPED, ${CHROMIUM} is missing (install it: apt-get install -y chromium). In CI this test always runs.`);
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// ---------------------------------------------------------------------------------------------
// A realistic 8-week report: pain easing from 6 to about 3.5, a flare-up in week 4, a few
// missed days (gaps), sessions on Mon/Wed/Fri, weekly PEG, two goals, notes (two of them hostile).

function addDays(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function verdictOf(baseline: number, current: number | null): Pick<Change, 'points' | 'percent' | 'meaningful' | 'verdict'> {
  if (current === null) return { points: null, percent: null, meaningful: false, verdict: 'not-enough-data' };
  const points = baseline - current;
  const percent = baseline > 0 ? (points / baseline) * 100 : 0;
  const meaningful = percent >= 30 || points >= 2;
  const verdict: Verdict =
    percent >= 50 ? 'substantial' : meaningful ? 'meaningful' : percent >= 15 ? 'small' : points < 0 ? 'worse' : 'no-clear-change';
  return { points, percent, meaningful, verdict };
}

function realisticReport(): Report {
  const from = '2025-03-03'; // a Monday
  const to = '2025-04-27'; // a Sunday, 8 weeks later
  const missing = new Set([5, 6, 19, 30, 31, 32, 33, 41, 48, 49]);
  const flareDays = new Set([22, 23, 24]);
  const daily: DayPoint[] = [];
  for (let i = 0; i < 56; i++) {
    const date = addDays(from, i);
    const trend = 6 - (2.6 * i) / 55;
    const wobble = [0, 0.4, -0.3, 0.2, -0.5, 0.3, 0][i % 7] ?? 0;
    const pain = missing.has(i) ? null : flareDays.has(i) ? 7 + (i % 2) : Math.round(trend + wobble);
    const planned = [0, 2, 4].includes(i % 7);
    const sessionDone = planned && !flareDays.has(i) && !missing.has(i) && i !== 16 && i !== 44;
    daily.push({ date, pain, sessionDone });
  }
  const weeks: WeekRow[] = [];
  for (let w = 0; w < 8; w++) {
    const days = daily.slice(w * 7, w * 7 + 7);
    const pains = days.map((d) => d.pain).filter((p): p is number => p !== null);
    const done = days.filter((d) => d.sessionDone).length;
    weeks.push({
      start: addDays(from, w * 7),
      checkins: pains.length,
      painMean: mean(pains),
      painMin: pains.length ? Math.min(...pains) : null,
      painMax: pains.length ? Math.max(...pains) : null,
      sessionsPlanned: 3,
      sessionsDone: done,
      adherence: (done / 3) * 100,
      activeMinutes: done * 20 + (w > 3 ? 5 * done : 0),
      walkMinutes: w * 15 + 100, // three digits: the widest the walking column gets in a fortnight of daily walks
      peg: w === 0 ? 5.7 : w === 3 ? 6.3 : w === 7 ? 3.7 : w % 2 === 0 ? 5 - w * 0.2 : null,
      sleepMean: 5 + (w % 3),
      duringMean: 3 + (w % 2) * 0.5,
      effortMean: 3,
    });
  }
  const lastWeek = daily.slice(-7).map((d) => d.pain).filter((p): p is number => p !== null);
  const current = mean(lastWeek);
  const pain = verdictOf(6, current);
  const peg = verdictOf(5.7, 3.7);
  return {
    from,
    to,
    intake: { date: from, name: 'Sam O\'Neil & <b>family</b>', age: 58, regions: ['low-back', 'knee'], average: 6 },
    screening: {
      outcome: 'light',
      redFlags: ['nightPain'],
      flags: flagTiers(['nightPain']),
      notes: [
        'Some of your answers are worth mentioning to your GP soon. You can start gently, but painfit will keep the same level (no increases) until you record that a clinician has seen you.',
        'You answered yes to a health question, which is very common. painfit will keep the effort light (up to 3 out of 10).',
      ],
    },
    weeks,
    daily,
    change: {
      baseline: 6,
      current,
      ...pain,
      words: `Pain is ${(pain.points ?? 0).toFixed(1)} points lower than at intake (${Math.round(pain.percent ?? 0)}%): a meaningful improvement.`,
    },
    peg: { baseline: 5.7, current: 3.7, ...peg, words: 'PEG is 2 points lower than at intake: a meaningful improvement.' },
    psfs: {
      goals: [
        { activity: 'walk to the shops & back', baseline: 4, current: 7, change: 3, real: true },
        { activity: 'garden for <30 minutes>', baseline: 3, current: 4, change: 1, real: false },
      ],
      baselineMean: 3.5,
      currentMean: 5.5,
      change: 2,
      real: true,
      words: 'Your goals are 2 points better on average: a real change.',
    },
    flares: [{ start: addDays(from, 22), end: addDays(from, 24), days: 3 }],
    insights: [
      {
        kind: 'after-session',
        enough: true,
        groups: [
          { label: 'days after a session', days: 18, painMean: 4.1 },
          { label: 'other days', days: 28, painMean: 4.6 },
        ],
        difference: -0.5,
        words:
          'Pain on the day after a session: 4.1 on average over the 18 days after a session, 4.6 over 28 other days with a check-in (0.5 points lower after a session). This shows what went together, not what caused what.',
      },
      {
        kind: 'sleep',
        enough: false,
        groups: [
          { label: 'days with poor sleep (0-4)', days: 3, painMean: 5 },
          { label: 'days with good sleep (7-10)', days: 12, painMean: 4 },
        ],
        difference: null,
        words: 'Pain and sleep: not enough data yet (3 days with poor sleep (0-4) and 12 days with good sleep (7-10) so far; at least 5 of each are needed).',
      },
    ],
    steps: [
      { date: addDays(from, 14), week: 3, change: 'up', code: 'earned', from: 1, to: 2, reason: 'two steady weeks: a little more' },
      { date: addDays(from, 28), week: 5, change: 'down', code: 'flare', from: 2, to: 1, reason: 'after a flare-up: back one step' },
      { date: addDays(from, 42), week: 7, change: 'up', code: 'earned', from: 1, to: 2, reason: 'steady again: a little more' },
    ],
    notes: [
      { date: addDays(from, 2), note: 'Knee stiff in the morning, fine after the walk.' },
      { date: addDays(from, 22), note: 'Flare after carrying shopping <script>alert("x")</script>; rested.' },
      { date: addDays(from, 25), note: '<img src=x onerror=alert(1)> easier today' },
      { date: addDays(from, 45), note: 'Walked to the shops & back without stopping.' },
    ],
    plan: {
      days: ['mon', 'wed', 'fri'],
      minutes: 20,
      summary: 'Walking, band strength work for hips and knees, gentle yoga stretches and a balance drill; effort light (up to 3 out of 10) until a clinician has reviewed the night pain.',
    },
  };
}

// ---------------------------------------------------------------------------------------------

/** Counts page objects in a PDF: `/Type /Page` but not `/Type /Pages`. */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Decodes a PNG in the browser (on a blank page) and measures it: non-white share and colours. */
async function measurePng(page: Page, png: Buffer): Promise<{ width: number; height: number; inked: number; colours: number }> {
  return page.evaluate(async (b64: string) => {
    // Runs in the browser; this project's TypeScript has no DOM types, so name what is used.
    interface Ctx2d {
      drawImage(img: unknown, x: number, y: number): void;
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    }
    const { Image, document } = globalThis as unknown as {
      Image: new () => { src: string; naturalWidth: number; naturalHeight: number; decode(): Promise<void> };
      document: { createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): Ctx2d | null } };
    };
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
      if (r < 235 || g < 235 || b < 235) inked++;
      if (colours.size < 5000) colours.add((r << 16) | (g << 8) | b);
    }
    return { width: canvas.width, height: canvas.height, inked: inked / (canvas.width * canvas.height), colours: colours.size };
  }, png.toString('base64'));
}

/** The longest report painfit can produce in 8 weeks: every list full, every text at its limit. */
function heavyReport(): Report {
  const r = realisticReport();
  const from = r.from;
  return {
    ...r,
    intake: { ...r.intake, name: 'Alexandra Montgomery-Fitzwilliam of Little Snoring (60 chars)'.slice(0, 60), regions: ['widespread', 'neck', 'shoulder', 'low-back', 'hip', 'knee'] },
    screening: {
      outcome: 'light',
      redFlags: ['nightPain', 'morningStiffness'],
      flags: flagTiers(['nightPain', 'morningStiffness']),
      notes: [
        'Some of your answers are worth mentioning to your GP soon. You can start gently, but painfit will keep the same level (no increases) until you record that a clinician has seen you.',
        'You answered yes to a health question, which is very common. painfit will keep the effort light (up to 3 out of 10). It is a good idea to show this plan to your doctor or physiotherapist.',
      ],
    },
    psfs: {
      ...(r.psfs as NonNullable<Report['psfs']>),
      goals: Array.from({ length: 5 }, (_, k) => ({
        activity: `play on the floor with the grandchildren for half an hour, then get up again (${k})`.slice(0, 80),
        baseline: 2,
        current: 5,
        change: 3,
        real: true,
      })),
    },
    flares: Array.from({ length: 7 }, (_, k) => ({ start: addDays(from, k * 8), end: addDays(from, k * 8 + 2), days: 3 })),
    steps: Array.from({ length: 8 }, (_, k) => ({
      date: addDays(from, k * 7),
      week: k + 1,
      change: 'down' as const,
      code: 'rule' as const,
      from: 1,
      to: 0,
      reason: 'One step back: pain had not settled by the next morning (7 on 12 Mar 2025, usually about 4.5).',
    })),
    notes: Array.from({ length: 56 }, (_, k) => ({ date: addDays(from, k), note: `Day ${k}: ${'walked further today but the knee ached afterwards, iced it; '.repeat(8)}`.slice(0, 500) })),
  };
}

/** A year of data (--weeks 52). */
function yearReport(): Report {
  const r = realisticReport();
  const from = '2024-04-29';
  const daily: DayPoint[] = Array.from({ length: 364 }, (_, i) => ({
    date: addDays(from, i),
    pain: i % 11 === 3 ? null : Math.round(6 - (2.5 * i) / 363 + Math.sin(i / 3)),
    sessionDone: [0, 2, 4].includes(i % 7),
  }));
  const weeks: WeekRow[] = Array.from({ length: 52 }, (_, w) => ({ ...(r.weeks[w % 8] as WeekRow), start: addDays(from, w * 7) }));
  return { ...r, from, to: addDays(from, 363), daily, weeks, notes: [...r.notes, ...r.notes, ...r.notes] };
}

/** A programme of `n` exercises as painfit today gives it (the page's "Current programme"). */
function programme(date: IsoDate, n = 7): ProgrammeInput {
  const names = ['Sit-to-stand from a chair', 'Wall push-up', 'Bridge on the floor', 'Side-lying leg lift', 'Brisk walk', 'Cat and camel stretch', 'Standing calf raise', 'Tai chi: wave hands like clouds'];
  const exercises = names.slice(0, n).map((name, i) => ({
    id: name.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, ''),
    name,
    type: 'strength' as const,
    regions: ['knee' as const],
    position: 'standing' as const,
    equipment: [],
    phase: 'main' as const,
    ...(i === 4 ? { minutes: 12, bouts: 2 } : i === 5 ? { sets: 2, holdSeconds: 20 } : { sets: 2, reps: 12 }),
    effort: 3,
    perSide: false,
    cues: [],
    purpose: '',
  }));
  const session: Session = {
    date,
    status: 'session',
    week: 12,
    focus: 'strength for knee and hip',
    minutes: 30,
    exercises,
    notes: [],
    walk: { minutes: 25, effort: 3, style: 'walking' },
    progress: { level: 11, change: 'up', reason: 'earned' },
    targets: { moderateMinutes: { week: 125, goal: 150 }, strengthDays: { week: 3, goal: 2 }, balanceDays: { week: 3, goal: 3 } },
  };
  // The longest feedback text: all four answers, and the latest differs from the first.
  const felt = Object.fromEntries(exercises.map((e) => [e.id, ['easy', 'easy', 'right', 'hard', 'hurt', 'right'] as const]));
  return { session, recent: Object.fromEntries(exercises.map((e, i) => [e.id, { done: 5 - (i % 2), of: 6 }])), recentDays: 14, felt };
}

/** Twelve weeks with every list full: the longest report that must still print on one page. */
function twelveWeekReport(): Report {
  const r = heavyReport();
  const from = '2025-01-06';
  const daily: DayPoint[] = Array.from({ length: 84 }, (_, i) => ({
    date: addDays(from, i),
    pain: i % 9 === 4 ? null : Math.round(6 - (2.5 * i) / 83 + Math.sin(i / 2)),
    sessionDone: [0, 2, 4].includes(i % 7),
  }));
  const weeks: WeekRow[] = Array.from({ length: 12 }, (_, w) => ({ ...(r.weeks[w % 8] as WeekRow), start: addDays(from, w * 7) }));
  return {
    ...r,
    from,
    to: addDays(from, 83),
    daily,
    weeks,
    notes: r.notes.map((n, k) => ({ date: addDays(from, k), note: n.note })),
    flares: r.flares.map((f, k) => ({ ...f, start: addDays(from, k * 11), end: addDays(from, k * 11 + 2) })),
  };
}

/** Forty weeks: more than one page can hold, so the page says what it leaves out. */
function fortyWeekReport(): Report {
  const r = twelveWeekReport();
  const from = '2024-04-01';
  const daily: DayPoint[] = Array.from({ length: 280 }, (_, i) => ({ date: addDays(from, i), pain: i % 6 === 1 ? null : 4 + (i % 3), sessionDone: [0, 2, 4].includes(i % 7) }));
  const weeks: WeekRow[] = Array.from({ length: 40 }, (_, w) => ({ ...(r.weeks[w % 12] as WeekRow), start: addDays(from, w * 7) }));
  const steps = Array.from({ length: 39 }, (_, k) => ({ date: addDays(from, (k + 1) * 7), week: k + 2, change: 'up' as const, code: 'earned' as const, from: k, to: k + 1, reason: 'Doses up one step: 3 of 3 sessions done and no pain rule broken the week before.' }));
  const flares = Array.from({ length: 10 }, (_, k) => ({ start: addDays(from, k * 25), end: addDays(from, k * 25 + 3), days: 4 }));
  return { ...r, from, to: addDays(from, 279), daily, weeks, steps, flares, notes: [...r.notes, ...r.notes.map((n) => ({ ...n, date: addDays(n.date, 150) }))] };
}

interface Loaded {
  page: Page;
  url: string;
  problems: string[];
  requests: string[];
}

describe.skipIf(SKIP)('HTML report in headless Chromium', () => {
  let dir: string;
  let context: BrowserContext;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'painfit-html-'));
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (.ci/run does)`);
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 900, height: 1200 },
      offline: true,
    });
  });

  afterAll(async () => {
    await context?.close();
    // Keep the screenshot and PDFs for a look; the browser profile is only clutter.
    if (dir) fs.rmSync(path.join(dir, 'profile'), { recursive: true, force: true });
  });

  /** Opens a file over file:// and records console errors and warnings, page errors, dialogs and requests. */
  async function load(file: string): Promise<Loaded> {
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    const response = await page.goto(url, { waitUntil: 'load' });
    expect(response?.ok() ?? true).toBe(true);
    return { page, url, problems, requests };
  }

  async function printedPages(page: Page, name: string): Promise<number> {
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    fs.writeFileSync(path.join(dir, `${name}.pdf`), pdf);
    return pdfPageCount(pdf);
  }

  /** The chart and the weekly table are there, visible and of a sensible size. */
  async function expectChartAndTable(page: Page, weeks: number): Promise<void> {
    const chart = page.locator('svg.chart');
    expect(await chart.count()).toBe(1);
    expect(await chart.isVisible()).toBe(true);
    const box = await chart.boundingBox();
    expect(box && box.width > 400 && box.height > 120).toBe(true);
    expect(await page.locator('svg.chart > title').textContent()).toMatch(/pain/i);
    const table = page.locator('table.weeks');
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(weeks);
  }

  it('loads from file://, shows the chart and the table, no errors, no network, not blank, ≤ 2 A4 pages', async () => {
    const report = realisticReport();
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, renderReportHtml(report));
    const { page, url, problems, requests } = await load(file);

    await expectChartAndTable(page, report.weeks.length);
    const chart = page.locator('svg.chart');
    expect(await page.locator('svg.chart path.pain').count()).toBe(1);
    expect(await page.locator('svg.chart path.session').count()).toBe(report.daily.filter((d) => d.sessionDone).length);
    expect(await page.locator('table.weeks tbody tr').first().locator('td').first().textContent()).toBe('3 Mar 2025');

    // User text is shown as text, never run or parsed as markup.
    expect(await page.locator('body').innerText()).toContain('<script>alert("x")</script>');
    expect(await page.locator('header b').first().textContent()).toBe("Sam O'Neil & <b>family</b>");
    expect(await page.locator('img, script, iframe, object, embed, link').count()).toBe(0);
    expect(await page.title()).toContain('Sam');

    // Screenshots: the page and the chart alone are not blank.
    const shotFile = path.join(dir, 'report.png');
    const shot = await page.screenshot({ fullPage: true, path: shotFile });
    const chartShot = await chart.screenshot();

    const pages = await printedPages(page, 'report');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);

    // Decode the screenshots on a separate blank page (the report's CSP forbids data: images).
    const probe = await context.newPage();
    await probe.goto('about:blank');
    const whole = await measurePng(probe, shot);
    const ofChart = await measurePng(probe, chartShot);
    const blank = await measurePng(probe, await probe.screenshot());
    expect(blank.inked).toBeLessThan(0.001); // the measure itself calls a blank page blank
    expect(whole.inked).toBeGreaterThan(0.02);
    expect(whole.colours).toBeGreaterThan(20);
    expect(ofChart.inked).toBeGreaterThan(0.02);
    expect(ofChart.colours).toBeGreaterThan(10);

    console.info(`report-html-browser: screenshot ${shotFile}, PDF ${pages} page(s)`);
    await probe.close();
    await page.close();
  });

  it.each([
    ['the fullest 8-week report', heavyReport, 8],
    ['a year of data', yearReport, 12],
  ] as const)('%s still prints on at most two A4 pages', async (name, make, rows) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.html`);
    fs.writeFileSync(file, renderReportHtml(make()));
    const { page, problems, requests } = await load(file);
    await expectChartAndTable(page, rows);
    const pages = await printedPages(page, name.replace(/\W+/g, '-'));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(problems).toEqual([]);
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    await page.close();
  });

  it('prints a 12-week report with every list full on exactly one A4 page (page count from the PDF)', async () => {
    const report = twelveWeekReport();
    const file = path.join(dir, 'twelve-weeks.html');
    // The longest screening heading: answers from a recheck, with its date.
    fs.writeFileSync(file, renderReportHtml(report, { programme: programme(report.to), screenedFrom: { source: 'recheck', date: '2025-03-04' } }));
    const { page, problems } = await load(file);
    await expectChartAndTable(page, 12);
    expect(await page.locator('table.programme tbody tr').count()).toBe(7);
    // Easy, about right, hard, it hurt: 2, 2, 1, 1 for each exercise.
    expect(await page.locator('table.programme tbody tr').first().locator('td.felt').allTextContents()).toEqual(['2', '2', '1', '1']);
    expect(await page.locator('body').innerText()).toContain('Answers that shaped the plan (recheck of Tue 4 Mar 2025):');
    expect(await printedPages(page, 'twelve-weeks')).toBe(1);
    // Nothing cut silently: the lists that were shortened say so.
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/The latest \d+ of 56 notes/);
    expect(text).toMatch(/4 earlier changes not shown/);
    expect(text).toMatch(/\(the latest 6 shown\)/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a 12-week report with few lists but many long notes also prints on one page', async () => {
    const base = twelveWeekReport();
    const report: Report = {
      ...base,
      screening: { outcome: 'proceed', redFlags: [], flags: [], notes: [] },
      flares: [],
      steps: base.steps.slice(0, 1),
      psfs: null,
      notes: Array.from({ length: 40 }, (_, k) => ({ date: addDays(base.from, k * 2), note: `Note ${k}: ${'stiff in the morning, better after the walk, slept badly; '.repeat(6)}` })),
    };
    const file = path.join(dir, 'twelve-weeks-notes.html');
    fs.writeFileSync(file, renderReportHtml(report, { programme: programme(report.to, 5) }));
    const { page, problems } = await load(file);
    expect(await printedPages(page, 'twelve-weeks-notes')).toBe(1);
    const shown = await page.locator('ul.notes li').count();
    expect(shown).toBeGreaterThanOrEqual(5);
    expect(await page.locator('body').innerText()).toContain(`The latest ${shown} of 40 notes`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a 40-week report says what it leaves out', async () => {
    const report = fortyWeekReport();
    const file = path.join(dir, 'forty-weeks.html');
    fs.writeFileSync(file, renderReportHtml(report, { programme: programme(report.to) }));
    const { page, problems } = await load(file);
    await expectChartAndTable(page, 12);
    const text = await page.locator('body').innerText();
    expect(text).toContain('the last 12 of 40 weeks: 28 earlier weeks left out here; the chart covers them all');
    expect(text).toContain('35 earlier changes not shown');
    expect(text).toMatch(/10 episodes, 40 days in all \(the latest 6 shown\)/);
    expect(text).toMatch(/The latest \d+ of 112 notes/);
    const pages = await printedPages(page, 'forty-weeks');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the page written by the real CLI (painfit report --html) from backfilled data', async () => {
    expect(fs.existsSync(path.join(ROOT, 'dist', 'painfit.cjs'))).toBe(true); // npm test builds first
    const home = tempHome();
    const work = path.dirname(home);
    const template = run(['intake', '--template']);
    expect(template.code).toBe(0);
    const answers = JSON.parse(template.stdout) as { about: { name: string } };
    answers.about.name = 'Sam <i>Test</i>';
    const answersFile = writeJson(work, 'answers.json', answers);
    expect(run(['intake', '--answers', answersFile, '--date', '2025-03-03'], { home }).code).toBe(0);

    // Three weeks, Mon/Wed/Fri sessions, a few days without a check-in, pain easing from 6 to 3.
    const pains: [number, number, string | null][] = [
      [0, 6, 'first day <b>nervous</b>'], [1, 6, null], [2, 5, null], [4, 5, 'walked & stretched'], [7, 5, null],
      [9, 4, null], [11, 4, null], [14, 4, null], [15, 3, null], [16, 3, 'easier'], [18, 3, null],
    ];
    for (const [day, pain, note] of pains) {
      const args = ['log', '--date', addDays('2025-03-03', day), '--pain', String(pain), '--done', 'all'];
      if (note) args.push('--note', note);
      const r = run(args, { home });
      expect(r.code, r.stderr).toBe(0);
    }
    const file = path.join(work, 'report.html');
    const r = run(['report', '--html', file, '--date', '2025-03-23'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(file)).toBe(true);

    const { page, url, problems, requests } = await load(file);
    const weeks = await page.locator('table.weeks tbody tr').count();
    expect(weeks).toBeGreaterThanOrEqual(3);
    await expectChartAndTable(page, weeks);
    expect(await page.locator('svg.chart circle.dot').count()).toBe(pains.length);
    expect(await page.locator('header b').first().textContent()).toBe('Sam <i>Test</i>');
    expect(await page.locator('body').innerText()).toContain('first day <b>nervous</b>');
    expect(await page.locator('body').innerText()).toContain('painfit does not replace advice from your doctor or physiotherapist');
    const pages = await printedPages(page, 'cli');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });
});
