// `painfit report --html FILE`: one self-contained page for the clinician the user sees.
// Pure: a Report in, an HTML string out. No clock (the generated-on date is report.to), no I/O.
//
// Self-contained means: inline CSS, an inline SVG chart, no scripts, no fonts, images or links
// to anything outside the file, and a Content-Security-Policy that forbids loading anything
// even if a browser tried. Every piece of text goes through the `html` template below, which
// escapes interpolated values, so a name or note such as `<script>` is shown, never run.
//
// It prints on one or two A4 pages: long lists are cut to their most recent entries (with a
// line saying how many were left out and that `painfit export` has them all).
import type { IsoDate } from '../domain/dates';
import { effortPhrase } from '../domain/effort';
import { LIGHT_ONLY_MAX_EFFORT } from '../domain/rules';
import { RED_FLAG_LABEL } from '../domain/screening';
import type { Change, DayPoint, FlareSpan, PsfsChange, Report, Verdict, WeekRow } from '../domain/report';
import type { Region } from '../domain/vocab';
import { DISCLAIMER } from './format';

// ---------------------------------------------------------------------------------------------
// Escaping: a tiny tagged template. Interpolated strings and numbers are escaped; only values
// that are already Html (built by this template) pass through as markup.

class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function part(p: Part): string {
  if (p === null || p === undefined || p === false) return '';
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return (p as readonly Part[]).map(part).join('');
  return escapeHtml(String(p));
}

function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += part(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

// ---------------------------------------------------------------------------------------------
// Limits that keep the page to one or two A4 sheets.

const MAX_WEEK_ROWS = 12;
const MAX_NOTES = 10;
const MAX_NOTE_CHARS = 160;
/** Notes are shown newest first until about this many printed lines are used (~85 characters a line). */
const NOTE_LINE_BUDGET = 12;
/** Lines shared by the variable-length lists and the notes (see noteLineBudget). */
const NOTE_PAGE_LINES = 34;
const NOTE_LINE_CHARS = 85;
const MAX_FLARES = 6;
const MAX_STEPS = 4;
const MAX_REASON_CHARS = 120;
/** Above this many days, dots are drawn only for lone check-ins and sessions become ticks. */
const DENSE_DAYS = 100;

// ---------------------------------------------------------------------------------------------
// Words and numbers.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2025-03-03' → '3 Mar 2025' (or '3 Mar'). Anything else is shown as given (and escaped). */
function dateText(date: IsoDate, withYear = true): string {
  const m = ISO.exec(date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return date;
  return `${Number(m[3])} ${month}${withYear ? ` ${m[1]}` : ''}`;
}

function dayIndex(from: IsoDate, date: IsoDate): number | null {
  const a = ISO.exec(from);
  const b = ISO.exec(date);
  if (!a || !b) return null;
  const ta = Date.UTC(Number(a[1]), Number(a[2]) - 1, Number(a[3]));
  const tb = Date.UTC(Number(b[1]), Number(b[2]) - 1, Number(b[3]));
  return Math.round((tb - ta) / 86_400_000);
}

/** One decimal at most: 4 → '4', 4.25 → '4.3'; null → an en dash. */
function num(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const r = Math.round(value * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** Truncated, never rounded up: 29.96 % must not read as the 30 % threshold. */
function percentText(value: number): string {
  const t = Math.trunc(value * 10) / 10;
  return Number.isInteger(t) ? String(t) : t.toFixed(1);
}

function signed(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const r = Math.round(value * 10) / 10;
  return r > 0 ? `+${num(r)}` : r < 0 ? `−${num(-r)}` : '0';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const VERDICT_TEXT: Record<Verdict, string> = {
  substantial: 'Substantial improvement',
  meaningful: 'Meaningful improvement',
  small: 'Small improvement',
  'no-clear-change': 'No clear change yet',
  worse: 'Worse than at intake',
  'not-enough-data': 'Not enough data yet',
};

const OUTCOME_TEXT: Record<Report['screening']['outcome'], string> = {
  proceed: 'Cleared to start: gentle, gradual progression',
  light: `Effort held at ${effortPhrase(LIGHT_ONLY_MAX_EFFORT)} at most until a dated clearance`,
  stop: 'Not cleared: no exercise plan until a clinician has seen them',
};

const REGION_LABEL: Record<Region, string> = {
  neck: 'neck',
  shoulder: 'shoulder',
  'upper-back': 'upper back',
  'low-back': 'lower back',
  hip: 'hip',
  knee: 'knee',
  'ankle-foot': 'ankle or foot',
  'wrist-hand': 'wrist or hand',
  widespread: 'widespread pain',
};

const DAY_LABEL: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

function regionText(region: string): string {
  return (REGION_LABEL as Record<string, string | undefined>)[region] ?? region;
}

// ---------------------------------------------------------------------------------------------
// The pain chart: daily pain 0-10, a gap (a new sub-path) wherever a day has no check-in.

const CHART = { width: 720, height: 224, left: 44, right: 16, top: 12, bottom: 50 } as const;

interface PlotPoint {
  index: number;
  pain: number | null;
  sessionDone: boolean;
}

function xy(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/**
 * The SVG path for the pain line: `M` starts a segment, `L` joins two check-ins on consecutive
 * days. A day without a check-in ends the segment, so missing days are gaps, never zeros.
 */
export function painPath(points: readonly { x: number; y: number | null; index: number }[]): string {
  const parts: string[] = [];
  let prev: { index: number; y: number | null } | null = null;
  for (const p of points) {
    if (p.y === null) {
      prev = p;
      continue;
    }
    const joined = prev !== null && prev.y !== null && p.index === prev.index + 1;
    parts.push(`${joined ? 'L' : 'M'}${xy(p.x)} ${xy(p.y)}`);
    prev = p;
  }
  return parts.join(' ');
}

function chartPoints(report: Report, days: number): PlotPoint[] {
  const byIndex = new Map<number, DayPoint>();
  for (const d of report.daily) {
    const i = dayIndex(report.from, d.date);
    if (i !== null && i >= 0 && i < days) byIndex.set(i, d);
  }
  return [...byIndex.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, d]) => ({
      index,
      pain: d.pain === null || !Number.isFinite(d.pain) ? null : Math.min(10, Math.max(0, d.pain)),
      sessionDone: d.sessionDone,
    }));
}

function painChart(report: Report): Html {
  const { width, height, left, right, top, bottom } = CHART;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const span = dayIndex(report.from, report.to);
  const days = span === null || span < 0 ? 1 : span + 1;
  const step = days > 1 ? plotW / (days - 1) : 0;
  const x = (i: number): number => (days > 1 ? left + i * step : left + plotW / 2);
  const y = (pain: number): number => top + ((10 - pain) / 10) * plotH;
  const axisY = top + plotH;

  const points = chartPoints(report, days);
  const withPain = points.filter((p) => p.pain !== null);
  const sessions = points.filter((p) => p.sessionDone);

  // Flare episodes as soft bands behind the line.
  const bands = report.flares.flatMap((f) => {
    const s = dayIndex(report.from, f.start);
    const e = dayIndex(report.from, f.end ?? report.to);
    if (s === null || e === null) return [];
    const a = Math.max(0, s);
    const b = Math.min(days - 1, e);
    if (b < a) return [];
    const half = Math.max(step / 2, 2);
    const x0 = Math.max(left, x(a) - half);
    const x1 = Math.min(left + plotW, x(b) + half);
    return [html`<rect class="flare" x="${xy(x0)}" y="${top}" width="${xy(Math.max(2, x1 - x0))}" height="${plotH}"/>`];
  });

  const grid = [0, 2, 4, 6, 8, 10].map(
    (v) => html`<line class="grid" x1="${left}" y1="${xy(y(v))}" x2="${left + plotW}" y2="${xy(y(v))}"/>
<text class="tick" x="${left - 8}" y="${xy(y(v) + 4)}" text-anchor="end">${v}</text>`,
  );

  // Week starts (Mondays) along the x axis, thinned to at most 10 labels.
  const mondays: number[] = [];
  for (const w of report.weeks) {
    const i = dayIndex(report.from, w.start);
    if (i !== null && i >= 0 && i < days) mondays.push(i);
  }
  if (mondays.length === 0) mondays.push(0);
  const every = Math.max(1, Math.ceil(mondays.length / 10));
  const xLabels = mondays
    .filter((_, k) => k % every === 0)
    .map((i) => {
      const date = addDaysText(report.from, i);
      return html`<line class="week" x1="${xy(x(i))}" y1="${top}" x2="${xy(x(i))}" y2="${axisY + 4}"/>
<text class="tick" x="${xy(x(i))}" y="${axisY + 34}" text-anchor="middle">${dateText(date, false)}</text>`;
    });

  const base = Math.min(10, Math.max(0, report.intake.average));
  const baseline = html`<line class="baseline" x1="${left}" y1="${xy(y(base))}" x2="${left + plotW}" y2="${xy(y(base))}"/>
<text class="baseline-label" x="${left + plotW - 4}" y="${xy(y(base) - 5)}" text-anchor="end">intake average ${num(base)}</text>`;

  const path = painPath(points.map((p) => ({ x: x(p.index), y: p.pain === null ? null : y(p.pain), index: p.index })));
  const line = path ? html`<path class="pain" d="${path}"/>` : '';
  const dense = days > DENSE_DAYS;
  const painAt = new Map(withPain.map((p) => [p.index, p.pain]));
  const lone = (i: number): boolean => !painAt.has(i - 1) && !painAt.has(i + 1);
  const dots = withPain
    .filter((p) => !dense || lone(p.index))
    .map((p) => html`<circle class="dot" cx="${xy(x(p.index))}" cy="${xy(y(p.pain ?? 0))}" r="${dense ? 2 : 2.6}"/>`);
  const marks = sessions.map((p) => {
    const cx = x(p.index);
    const ty = axisY + 10;
    return dense
      ? html`<path class="session tick-mark" d="M${xy(cx)} ${xy(ty)} v7"/>`
      : html`<path class="session" d="M${xy(cx)} ${xy(ty)} l4 7 h-8 z"/>`;
  });
  const empty = withPain.length === 0
    ? html`<text class="empty" x="${left + plotW / 2}" y="${top + plotH / 2}" text-anchor="middle">No pain check-ins in this period</text>`
    : '';

  const checkinDays = withPain.length;
  const label = `Daily pain from ${dateText(report.from)} to ${dateText(report.to)}, 0 (none) to 10 (worst imaginable). ` +
    `${plural(checkinDays, 'day')} with a check-in out of ${days}; days without one are left as gaps. ` +
    `${plural(sessions.length, 'session day')} marked below the axis.`;

  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="chart-title chart-desc" aria-label="${label}" preserveAspectRatio="xMidYMid meet">
<title id="chart-title">Daily pain, 0 to 10</title>
<desc id="chart-desc">${label}</desc>
${bands}
${grid}
${xLabels}
<line class="axis" x1="${left}" y1="${axisY}" x2="${left + plotW}" y2="${axisY}"/>
<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${axisY}"/>
${baseline}
${line}
${dots}
${marks}
${empty}
<text class="axis-title" transform="translate(12 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">Pain (0–10)</text>
<text class="axis-title" x="${left + plotW / 2}" y="${height - 2}" text-anchor="middle">Week starting</text>
</svg>`;
}

function addDaysText(from: IsoDate, days: number): IsoDate {
  const m = ISO.exec(from);
  if (!m) return from;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Sections.

function changeLine(title: string, c: Change, scale: string, now: string): Html {
  const direction =
    c.points === null
      ? ''
      : c.points > 0
        ? `${num(c.points)} ${c.points === 1 ? 'point' : 'points'} lower`
        : c.points < 0
          ? `${num(-c.points)} ${c.points === -1 ? 'point' : 'points'} higher`
          : 'no change';
  const pct =
    c.percent === null || c.points === null || c.points === 0
      ? ''
      : c.percent >= 0
        ? ` (${percentText(c.percent)}% reduction)`
        : ` (${percentText(-c.percent)}% increase)`;
  return html`<div class="verdict verdict-${c.verdict}">
<div class="verdict-head"><span class="verdict-title">${title}</span><span class="badge">${VERDICT_TEXT[c.verdict] ?? c.verdict}</span></div>
<div class="verdict-figures">At intake <b>${num(c.baseline)}</b> → ${now} <b>${num(c.current)}</b> <span class="muted">${scale}</span>${direction ? html` · ${direction}${pct}` : ''}</div>
<p>${c.words}</p>
</div>`;
}

function psfsBlock(p: PsfsChange | null): Html | '' {
  if (!p) return '';
  const rows = p.goals.map(
    (g) => html`<tr><td class="text">${g.activity}</td><td>${num(g.baseline)}</td><td>${num(g.current)}</td><td>${signed(g.change)}</td><td>${g.real ? 'yes' : g.current === null ? '–' : 'no'}</td></tr>`,
  );
  return html`<div class="verdict verdict-psfs${p.real ? ' verdict-meaningful' : ''}">
<div class="verdict-head"><span class="verdict-title">Patient-Specific Functional Scale</span><span class="badge">${p.real ? 'Real change' : 'No real change yet'}</span></div>
<div class="verdict-figures">Mean at intake <b>${num(p.baselineMean)}</b> → now <b>${num(p.currentMean)}</b> <span class="muted">(0 cannot do, 10 as before the problem)</span>${p.change === null ? '' : html` · ${signed(p.change)}`}</div>
<p>${p.words} <span class="muted small">Real change: 2 points on the mean or 3 on one activity (Stratford 1995).</span></p>
<table class="goals"><thead><tr><th class="text">Activity</th><th>Intake</th><th>Now</th><th>Change</th><th>≥ 3 points</th></tr></thead><tbody>${rows}</tbody></table>
</div>`;
}

function weekTable(weeks: readonly WeekRow[]): Html {
  const shown = weeks.slice(-MAX_WEEK_ROWS);
  const hidden = weeks.length - shown.length;
  const rows = shown.map((w) => {
    const range = w.painMin === null || w.painMax === null ? '–' : `${num(w.painMin)}–${num(w.painMax)}`;
    const pct = w.adherence === null ? null : Math.max(0, Math.min(100, w.adherence));
    return html`<tr>
<td class="text">${dateText(w.start)}</td>
<td>${w.checkins}</td>
<td>${num(w.painMean)}</td>
<td>${range}</td>
<td>${w.sessionsDone} of ${w.sessionsPlanned}</td>
<td class="adh">${pct === null ? '–' : html`<span class="bar" aria-hidden="true"><span style="width:${Math.round(pct)}%"></span></span>${Math.round(pct)}%`}</td>
<td>${Math.round(w.activeMinutes)}</td>
<td>${num(w.peg)}</td>
</tr>`;
  });
  const body = rows.length > 0 ? rows : [html`<tr><td class="text" colspan="8">No weeks in this period.</td></tr>`];
  return html`<table class="weeks">
<caption>Week by week${hidden > 0 ? html` <span class="muted">(the last ${shown.length} of ${weeks.length} weeks; the chart covers them all)</span>` : ''}</caption>
<thead><tr><th class="text">Week starting</th><th>Check-ins</th><th>Mean pain</th><th>Lowest–highest</th><th>Sessions done</th><th>Adherence</th><th>Active min</th><th>PEG</th></tr></thead>
<tbody>${body}</tbody>
</table>`;
}

function adherenceBlock(weeks: readonly WeekRow[]): Html {
  const planned = weeks.reduce((s, w) => s + w.sessionsPlanned, 0);
  const done = weeks.reduce((s, w) => s + w.sessionsDone, 0);
  const minutes = weeks.reduce((s, w) => s + w.activeMinutes, 0);
  const checkins = weeks.reduce((s, w) => s + w.checkins, 0);
  const pct = planned > 0 ? Math.round((done / planned) * 100) : null;
  const perWeek = weeks.length > 0 ? Math.round(minutes / weeks.length) : 0;
  return html`<dl class="figures">
<div><dt>Sessions done</dt><dd>${done} of ${planned}${pct === null ? '' : html` <span class="muted">(${pct}%)</span>`}</dd></div>
<div><dt>Active minutes</dt><dd>${Math.round(minutes)} <span class="muted">(about ${perWeek} a week)</span></dd></div>
<div><dt>Pain check-ins</dt><dd>${checkins}</dd></div>
</dl>`;
}

function flareList(flares: readonly FlareSpan[]): Html {
  if (flares.length === 0) return html`<p class="muted">No flare-ups in this period.</p>`;
  const shown = flares.slice(-MAX_FLARES);
  const hidden = flares.length - shown.length;
  const total = flares.reduce((sum, f) => sum + f.days, 0);
  const items = shown.map((f) =>
    f.end === null
      ? html`<li>${dateText(f.start)} – ongoing <span class="muted">(${plural(f.days, 'day')} so far)</span></li>`
      : f.end === f.start
        ? html`<li>${dateText(f.start)} <span class="muted">(1 day)</span></li>`
        : html`<li>${dateText(f.start)} – ${dateText(f.end)} <span class="muted">(${plural(f.days, 'day')})</span></li>`,
  );
  return html`<p>${plural(flares.length, 'episode')}, ${plural(total, 'day')} in all${hidden > 0 ? html` <span class="muted">(the latest ${shown.length} shown)</span>` : ''}:</p><ul class="inline">${items}</ul>`;
}

function stepList(steps: Report['steps']): Html {
  if (steps.length === 0) return html`<p class="muted">No changes to the dose yet.</p>`;
  const shown = steps.slice(-MAX_STEPS);
  const word = { up: 'Stepped up', hold: 'Held', down: 'Eased back' } as const;
  const rows = shown.map(
    (s) => html`<tr><td class="text">${dateText(s.date)}</td><td>${s.week}</td><td class="text"><span class="step step-${s.change}">${word[s.change] ?? s.change}</span></td><td class="text">${clip(s.reason, MAX_REASON_CHARS)}</td></tr>`,
  );
  const hidden = steps.length - shown.length;
  return html`<table class="steps"><thead><tr><th class="text">From</th><th>Week</th><th class="text">Dose</th><th class="text">Why</th></tr></thead><tbody>${rows}</tbody></table>${hidden > 0 ? html`<p class="muted small">${plural(hidden, 'earlier change')} not shown.</p>` : ''}`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * How many printed lines the notes may use: what is left of the second page once the other
 * lists of variable length (warning signs, messages, goals, dose changes, flare-ups, extra
 * weeks) have taken theirs. A rough estimate in lines of ~85 characters (~45 in a half column).
 */
export function noteLineBudget(report: Report): number {
  const halfLines = (text: string): number => Math.max(1, Math.ceil(text.length / 45));
  const screening = report.screening.redFlags.length + report.screening.notes.reduce((n, t) => n + halfLines(t), 0);
  const goals = report.psfs ? report.psfs.goals.reduce((n, g) => n + (g.activity.length > 48 ? 2 : 1), 0) : 0;
  const steps = report.steps.slice(-MAX_STEPS).reduce((n, s) => n + (Math.min(s.reason.length, MAX_REASON_CHARS) > 60 ? 2 : 1), 0);
  const flares = report.flares.length === 0 ? 0 : 1 + Math.ceil(Math.min(report.flares.length, MAX_FLARES) / 3);
  const weeks = Math.max(0, Math.min(report.weeks.length, MAX_WEEK_ROWS) - 8);
  const plan = Math.ceil(report.plan.summary.length / 45);
  const used = screening + goals + steps + flares + weeks + plan;
  return Math.max(2, Math.min(NOTE_LINE_BUDGET, NOTE_PAGE_LINES - used));
}

/** The newest notes that fit the page budget, oldest of them first. */
export function notesToShow(notes: Report['notes'], budget = NOTE_LINE_BUDGET): Report['notes'] {
  const sorted = [...notes].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const shown: Report['notes'] = [];
  let lines = 0;
  for (let i = sorted.length - 1; i >= 0 && shown.length < MAX_NOTES; i--) {
    const n = sorted[i];
    if (!n) continue;
    const note = clip(n.note, MAX_NOTE_CHARS);
    const cost = Math.max(1, Math.ceil(note.length / NOTE_LINE_CHARS));
    if (shown.length > 0 && lines + cost > budget) break;
    lines += cost;
    shown.unshift({ date: n.date, note });
  }
  return shown;
}

function noteList(notes: Report['notes'], budget: number): Html {
  if (notes.length === 0) return html`<p class="muted">No notes in this period.</p>`;
  const shown = notesToShow(notes, budget);
  const hidden = notes.length - shown.length;
  const items = shown.map(
    (n) => html`<li><span class="note-date">${dateText(n.date)}</span><span class="note-text">${n.note}</span></li>`,
  );
  return html`${hidden > 0 ? html`<p class="muted">The latest ${shown.length} of ${notes.length} notes (long ones shortened); <code>painfit export</code> has them all.</p>` : ''}<ul class="notes">${items}</ul>`;
}

const upperFirst = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

function screeningBlock(s: Report['screening']): Html {
  // The tiers come from the domain ({flag, tier}), never re-declared here.
  const flags = s.flags.map(({ flag, tier }) => html`<li>${upperFirst(RED_FLAG_LABEL[flag])} <span class="tier tier-${tier}">${tier}</span></li>`);
  return html`<p class="outcome outcome-${s.outcome}">${OUTCOME_TEXT[s.outcome] ?? s.outcome}</p>
${flags.length > 0 ? html`<p class="sub">Warning signs reported at intake:</p><ul class="plain flags">${flags}</ul>` : html`<p class="muted">No warning signs reported at intake.</p>`}
${s.notes.length > 0 ? html`<p class="sub">What painfit told the user:</p><ul class="plain said">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}`;
}

function planBlock(report: Report): Html {
  const days = report.plan.days.map((d) => DAY_LABEL[d] ?? d).join(', ');
  return html`<dl class="facts">
<div><dt>Days</dt><dd>${days || '–'}</dd></div>
<div><dt>Time per session</dt><dd>${report.plan.minutes} min</dd></div>
</dl>
${report.plan.summary ? html`<p>${report.plan.summary}</p>` : ''}`;
}

// ---------------------------------------------------------------------------------------------

const CSS = `
:root { color-scheme: light; --ink: #1f2933; --muted: #5f6b76; --line: #d5dbe1; --soft: #f3f5f7; --accent: #2f5d8a; --flare: #f6e3c6; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 800px; padding: 24px 28px 32px; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
h1 { font-size: 21px; margin: 0 0 2px; font-weight: 650; }
h2 { font-size: 15px; margin: 0 0 6px; color: var(--accent); font-weight: 650; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6px; }
header { border-bottom: 2px solid var(--accent); padding-bottom: 8px; margin-bottom: 14px; }
header .who { font-size: 16px; margin: 4px 0 2px; }
header .meta { color: var(--muted); font-size: 13px; }
section { margin: 0 0 14px; }
section.keep, figure, dl, li, .outcome { break-inside: avoid; page-break-inside: avoid; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 10px; }
.pair .verdict-head { flex-direction: column; align-items: flex-start; gap: 2px; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.sub { margin: 6px 0 2px; color: var(--muted); font-size: 13px; }
ul.plain { margin: 0 0 6px; padding-left: 18px; }
ul.plain li { margin: 1px 0; }
ul.inline { list-style: none; margin: 0 0 6px; padding: 0; }
ul.inline li { display: inline; }
ul.inline li + li::before { content: " · "; color: var(--muted); }
table.steps th, table.steps td { width: 1%; white-space: nowrap; }
table.steps th:last-child, table.steps td:last-child { width: auto; white-space: normal; }
.outcome { font-weight: 600; padding: 4px 8px; border-left: 4px solid var(--accent); background: var(--soft); }
.outcome-light { border-left-color: #b7791f; }
.outcome-stop { border-left-color: #9b2c2c; }
.tier { white-space: nowrap; font-size: 11px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; }
.tier-emergency, .tier-urgent { color: #9b2c2c; border-color: #e3b8b8; }
ul.said li { color: var(--muted); font-size: 13px; }
dl { margin: 0 0 6px; }
dl.facts div, dl.figures div { display: flex; gap: 8px; }
dl.facts dt { min-width: 120px; color: var(--muted); }
dl.facts dd, dl.figures dd { margin: 0; }
dl.figures { display: flex; flex-wrap: wrap; gap: 6px 28px; }
dl.figures dt { color: var(--muted); }
dl.figures dt::after { content: ":"; }
.verdict { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin-bottom: 8px; break-inside: avoid; page-break-inside: avoid; }
.verdict-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; margin-bottom: 2px; }
.verdict-title { font-weight: 600; }
.verdict p { margin: 4px 0 0; }
.badge { font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; background: var(--soft); color: var(--ink); white-space: nowrap; }
.verdict-substantial .badge, .verdict-meaningful .badge { background: #dcefe3; color: #1e5631; }
.verdict-small .badge { background: #e6f0f7; color: #24506f; }
.verdict-worse .badge { background: #f8e5cf; color: #7b4a12; }
figure { margin: 0; }
svg.chart { display: block; width: 100%; height: auto; max-width: 720px; }
svg.chart text { font: 11px system-ui, "DejaVu Sans", Arial, sans-serif; fill: var(--muted); }
svg.chart .axis-title { font-size: 11.5px; }
svg.chart .grid { stroke: #e6eaee; stroke-width: 1; }
svg.chart .week { stroke: #eef1f4; stroke-width: 1; }
svg.chart .axis { stroke: #8a96a3; stroke-width: 1; }
svg.chart .baseline { stroke: #8a96a3; stroke-width: 1; stroke-dasharray: 5 4; }
svg.chart text.baseline-label { fill: #5f6b76; font-size: 10.5px; }
svg.chart .flare { fill: var(--flare); }
svg.chart .pain { fill: none; stroke: var(--accent); stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
svg.chart .dot { fill: var(--accent); }
svg.chart .session { fill: #3d8b5a; }
svg.chart .tick-mark { fill: none; stroke: #3d8b5a; stroke-width: 1; }
svg.chart .empty { font-size: 13px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 12px; color: var(--muted); margin-top: 2px; }
.key { display: inline-block; vertical-align: middle; margin-right: 5px; }
.key-line { width: 18px; height: 0; border-top: 2px solid var(--accent); }
.key-base { width: 18px; height: 0; border-top: 1px dashed #8a96a3; }
.key-flare { width: 14px; height: 10px; background: var(--flare); }
.key-session { width: 0; height: 0; border-left: 5px solid transparent; border-right: 5px solid transparent; border-bottom: 8px solid #3d8b5a; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
caption .muted { font-weight: 400; font-size: 12px; }
caption { text-align: left; font-weight: 650; font-size: 15px; color: var(--accent); margin-bottom: 6px; }
th, td { padding: 3px 6px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th { font-weight: 600; color: var(--muted); font-size: 12px; border-bottom: 1.5px solid #aab4be; vertical-align: bottom; }
th.text, td.text { text-align: left; white-space: normal; }
tbody tr:nth-child(even) { background: #f8f9fb; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.bar { display: inline-block; width: 42px; height: 7px; background: #e6eaee; border-radius: 4px; margin-right: 6px; vertical-align: middle; overflow: hidden; }
.bar span { display: block; height: 100%; background: #3d8b5a; }
table.goals { margin-top: 6px; }
table.goals th:not(:first-child), table.goals td:not(:first-child) { width: 1%; }
.step { font-weight: 600; }
ul.notes { list-style: none; margin: 0; padding: 0; }
ul.notes li { display: flex; gap: 12px; padding: 3px 0; border-bottom: 1px solid #eef1f4; }
.note-date { flex: 0 0 92px; color: var(--muted); font-size: 13px; }
.note-text { white-space: pre-wrap; overflow-wrap: anywhere; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
footer { margin-top: 16px; padding-top: 6px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); break-inside: avoid; page-break-inside: avoid; }
footer .disclaimer { font-weight: 600; color: var(--ink); }
td, li, p, dd { overflow-wrap: anywhere; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.4; }
  header { margin-bottom: 10px; }
  h1 { font-size: 16pt; }
  h2, caption { font-size: 11.5pt; }
  table { font-size: 9pt; }
  th, td { padding: 2px 6px; }
  th { font-size: 8.5pt; }
  .legend, .sub, ul.said li, .note-date, footer, .small { font-size: 8.5pt; }
  section { margin-bottom: 8px; }
  h2 { margin-bottom: 4px; }
  ul.plain li { margin: 0; }
  ul.notes li { padding: 2px 0; }
  table.goals td { padding-top: 1px; padding-bottom: 1px; }
  footer { margin-top: 8px; padding-top: 4px; }
  .verdict { padding: 6px 8px; margin-bottom: 6px; }
  svg.chart { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The whole report as one self-contained HTML document. */
export function renderReportHtml(report: Report): string {
  const { intake } = report;
  const who = intake.name && intake.name.trim() ? intake.name.trim() : 'Name not given';
  const regions = intake.regions.map(regionText).join(', ');
  const weeks = report.weeks.length;
  const period = `${dateText(report.from)} – ${dateText(report.to)}`;

  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="painfit">
<title>painfit report: ${who}, ${period}</title>
<style>${new Html(CSS)}</style>
</head>
<body>
<header>
<h1>Exercise and pain report</h1>
<p class="who"><b>${who}</b>, ${intake.age} years${regions ? html` · pain: ${regions}` : ''}</p>
<p class="meta">Covers ${period} (${plural(weeks, 'week')}) · intake on ${dateText(intake.date)}, average pain then ${num(intake.average)} / 10 · generated by painfit on ${dateText(report.to)}</p>
</header>

<div class="cols">
<section aria-labelledby="h-screening">
<h2 id="h-screening">Safety screening at intake</h2>
${screeningBlock(report.screening)}
</section>
<section aria-labelledby="h-plan">
<h2 id="h-plan">The plan in short</h2>
${planBlock(report)}
</section>
</div>

<section aria-labelledby="h-change">
<h2 id="h-change">Is it helping?</h2>
<div class="${report.peg ? 'pair' : 'single'}">
${changeLine('Pain (0–10)', report.change, '(0 none, 10 worst)', 'last 7 days')}
${report.peg ? changeLine('PEG: pain, enjoyment, activity', report.peg, '(mean of three 0–10 items)', report.peg.currentDate ? `on ${dateText(report.peg.currentDate, false)}` : 'now') : ''}
</div>
<p class="muted small">Meaningful: a reduction of at least 30% or 2 points; substantial: at least 50% (Farrar 2001; IMMPACT).</p>
</section>

<section class="keep" aria-labelledby="h-chart">
<h2 id="h-chart">Daily pain</h2>
<figure>
${painChart(report)}
<figcaption class="legend">
<span><span class="key key-line"></span>pain (mean of the day's check-ins; gaps are days with none)</span>
<span><span class="key key-session"></span>session done</span>
<span><span class="key key-base"></span>intake average</span>
${report.flares.length > 0 ? html`<span><span class="key key-flare"></span>flare-up</span>` : ''}
</figcaption>
</figure>
</section>

<section aria-label="Week by week">
${weekTable(report.weeks)}
</section>

<section class="keep" aria-labelledby="h-adherence">
<h2 id="h-adherence">Adherence</h2>
${adherenceBlock(report.weeks)}
</section>

${report.psfs ? html`<section aria-labelledby="h-goals">
<h2 id="h-goals">The user's goals</h2>
${psfsBlock(report.psfs)}
</section>` : ''}

<section aria-labelledby="h-flares">
<h2 id="h-flares">Flare-ups</h2>
${flareList(report.flares)}
</section>

<section aria-labelledby="h-steps">
<h2 id="h-steps">Changes to the dose</h2>
${stepList(report.steps)}
</section>

<section aria-labelledby="h-notes">
<h2 id="h-notes">The user's notes</h2>
${noteList(report.notes, noteLineBudget(report))}
</section>

<footer>
<span class="disclaimer">${DISCLAIMER}</span>
</footer>
</body>
</html>
`;
  return doc.value;
}
