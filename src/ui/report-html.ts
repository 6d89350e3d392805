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
import { formatDate, type IsoDate } from '../domain/dates';
import { type Change, type DayPoint, type ScreeningAnswer, type FlareSpan, type Insight, type PsfsChange, type Report, type Verdict, VERDICT_MIN_CHECKINS, type WeekRow } from '../domain/report';
import { FOLLOW_UP_LABEL, READINESS_LABEL, RED_FLAG_LABEL, RED_FLAG_TIER, type RedFlagTier } from '../domain/screening';
import { ANSWER_TIER_LABEL, dayMonth, SCREENING_OUTCOME_LABEL, TIER_LABEL, effortLabel, FEEDBACK_LABEL, listWords, PEG, REGION_LABEL, WEEKDAY_SHORT } from '../domain/words';
import { FEEDBACK_ANSWERS, type FeedbackAnswer } from '../domain/facts';
import { DISCLAIMER, doseText } from './format';
import type { Session } from '../domain/session';

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
const NOTE_PAGE_LINES = 43;
/** Notes shown even when the page is full (the fullest 12-week report still fits). */
const NOTE_MIN_LINES = 1;
const NOTE_LINE_CHARS = 125;
const MAX_FLARES = 6;
const MAX_STEPS = 4;
const MAX_REASON_CHARS = 80;
/** Above this many days, dots are drawn only for lone check-ins and sessions become ticks. */
const DENSE_DAYS = 100;

// ---------------------------------------------------------------------------------------------
// Words and numbers.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2025-03-03' → '3 Mar 2025' (or '3 Mar'). Anything else is shown as given (and escaped). */
const dateText = (date: IsoDate, withYear = true): string => dayMonth(date, withYear);

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

const OUTCOME_TEXT: Readonly<Record<Report['screening']['outcome'], string>> = SCREENING_OUTCOME_LABEL;

const upperFirst = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/** A warning sign's label (the domain's RED_FLAG_LABEL) and tier (RED_FLAG_TIER). */
function redFlagText(flag: string): { label: string; tier: string | null } {
  const label = (RED_FLAG_LABEL as Record<string, string | undefined>)[flag];
  const tier = (RED_FLAG_TIER as Record<string, RedFlagTier | undefined>)[flag];
  return { label: label ? upperFirst(label) : flag, tier: tier ? TIER_LABEL[tier] : null };
}

function regionText(region: string): string {
  return (REGION_LABEL as Record<string, string | undefined>)[region] ?? region;
}

// ---------------------------------------------------------------------------------------------
// The pain chart: daily pain 0-10, a gap (a new sub-path) wherever a day has no check-in.

const CHART = { width: 800, height: 132, left: 40, right: 12, top: 8, bottom: 38 } as const;

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
<p class="screen-only">${c.words}</p>${c.checkins !== undefined && c.checkins < VERDICT_MIN_CHECKINS ? html`<p class="few">Rests on only ${plural(c.checkins, 'check-in')} in the last 7 days.</p>` : ''}
</div>`;
}

function psfsBlock(p: PsfsChange | null): Html | '' {
  if (!p) return '';
  const rows = p.goals.map(
    (g) => html`<tr><td class="text">${g.activity}</td><td>${num(g.baseline)}</td><td>${num(g.current)}</td><td>${signed(g.change)}</td><td>${g.real ? 'yes' : g.current === null ? '–' : 'no'}</td></tr>`,
  );
  return html`<p class="psfs">Patient-Specific Functional Scale <span class="muted">(0 cannot do, 10 as before the problem)</span>: mean <b>${num(p.baselineMean)}</b> at intake → <b>${num(p.currentMean)}</b> now${p.change === null ? '' : html` (${signed(p.change)})`} <span class="badge${p.real ? ' badge-good' : ''}">${p.real ? 'Real change' : 'No real change yet'}</span> <span class="muted small">Real change: 2 points on the mean or 3 on one activity (Stratford 1995).</span></p>
<p class="screen-only">${p.words}</p>
<table class="goals"><thead><tr><th class="text">Activity</th><th>Intake</th><th>Now</th><th>Change</th><th>≥ 3 pts</th></tr></thead><tbody>${rows}</tbody></table>`;
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
<td>${Math.round(w.walkMinutes)}</td>
<td>${num(w.sleepMean)}</td>
<td>${num(w.duringMean)}</td>
<td>${num(w.effortMean)}</td>
<td>${num(w.peg)}</td>
</tr>`;
  });
  const body = rows.length > 0 ? rows : [html`<tr><td class="text" colspan="12">No weeks in this period.</td></tr>`];
  return html`<table class="weeks">
<caption>Week by week${hidden > 0 ? html` <span class="muted">(the last ${shown.length} of ${weeks.length} weeks: ${plural(hidden, 'earlier week')} left out here; the chart covers them all and <code>painfit report --csv</code> lists every week)</span>` : ''}</caption>
<thead><tr><th class="text">Week from</th><th>Check-ins</th><th>Mean pain</th><th>Low–high</th><th>Sessions</th><th>Adherence</th><th>Active min</th><th>Walk min</th><th>Sleep</th><th>Pain during</th><th>Effort</th><th>PEG</th></tr></thead>
<tbody>${body}</tbody>
</table>
${adherenceLine(weeks)}`;
}

function adherenceLine(weeks: readonly WeekRow[]): Html {
  const planned = weeks.reduce((s, w) => s + w.sessionsPlanned, 0);
  const done = weeks.reduce((s, w) => s + w.sessionsDone, 0);
  const minutes = weeks.reduce((s, w) => s + w.activeMinutes, 0);
  const walked = weeks.reduce((s, w) => s + w.walkMinutes, 0);
  const checkins = weeks.reduce((s, w) => s + w.checkins, 0);
  const pct = planned > 0 ? Math.round((done / planned) * 100) : null;
  const perWeek = weeks.length > 0 ? Math.round(minutes / weeks.length) : 0;
  return html`<p class="figures small">In all: <b>${done} of ${planned}</b> sessions done${pct === null ? '' : ` (${pct}%)`} · <b>${Math.round(minutes)}</b> active minutes (about ${perWeek} a week) · <b>${Math.round(walked)}</b> walking minutes · <b>${checkins}</b> pain check-ins. Active: the exercises; walk: the walking track, logged apart. Sleep, pain during exercise and effort are means of the check-ins (0–10); a dash is a week without answers.</p>`;
}

/** The current programme: each exercise of the day's session with its dose, effort and recent record. */
export interface ProgrammeInput {
  /**
   * The session painfit gives on the report's last day (as `painfit today --json` shows it), or,
   * when that day is a rest day, the next session day's (then `restOn` is the report's last day).
   */
  session: Session;
  /** Set when the report's last day is a rest day and `session` is the next session. */
  restOn?: IsoDate;
  /** Per exercise id: sessions in the last RECENT_DAYS days in which it was done, out of those it was recorded. */
  recent: Readonly<Record<string, { done: number; of: number }>>;
  /** Days the recent record covers. */
  recentDays: number;
  /** Per exercise id: the feedback given in those days (log --feedback, painfit start), oldest first. */
  felt?: Readonly<Record<string, readonly FeedbackAnswer[]>>;
}

/** How often each feedback answer was given for one exercise in the recent days (0 for none). */
export function feltCounts(answers: readonly FeedbackAnswer[] | undefined): Record<FeedbackAnswer, number> | null {
  if (!answers || answers.length === 0) return null;
  const counts = Object.fromEntries(FEEDBACK_ANSWERS.map((a) => [a, 0])) as Record<FeedbackAnswer, number>;
  for (const a of answers) counts[a] += 1;
  return counts;
}

const STATUS_TEXT: Record<Session['status'], string> = {
  session: 'a session day',
  rest: 'a rest day',
  flare: 'a flare day (lighter plan)',
  stop: 'no plan: safety stop',
};

/** One count per feedback answer; a dash across them when none was given. */
function feltCells(counts: Record<FeedbackAnswer, number> | null): Html {
  if (counts === null) return html`<td class="felt none" colspan="${FEEDBACK_ANSWERS.length}">–</td>`;
  return html`${FEEDBACK_ANSWERS.map((a) => html`<td class="felt felt-${a}${counts[a] === 0 ? ' zero' : ''}">${counts[a]}</td>`)}`;
}

function programmeBlock(p: ProgrammeInput | undefined, name: string): Html {
  if (!p) return html`<p class="muted">Not available.</p>`;
  const s = p.session;
  if (s.status === 'stop') return html`<p class="outcome outcome-stop">No exercise plan: the safety check says a clinician should see ${name} first.</p>`;
  const main = s.exercises.filter((e) => !e.optional);
  const rows = main.map((e) => {
    const r = p.recent[e.id];
    return html`<tr><td class="text">${e.name}<span class="id"> ${e.id}</span></td><td class="text">${doseText(e)}</td><td>${e.effort} <span class="muted effort-word">${effortLabel(e.effort)}</span></td><td>${r && r.of > 0 ? `${r.done} of ${r.of}` : '–'}</td>${feltCells(feltCounts(p.felt?.[e.id]))}</tr>`;
  });
  const when = p.restOn ? `${dateText(p.restOn)} is a rest day; the next session, ${formatDate(s.date)}: plan week ${s.week}` : `As of ${dateText(s.date)}, plan week ${s.week}, ${STATUS_TEXT[s.status]}`;
  return html`<p class="small muted">${when}${s.status === 'session' || s.status === 'flare' ? `, about ${s.minutes} min` : ''}. Effort: the Borg CR10 target. In the last ${p.recentDays} days: Done, sessions with it done of those recorded; ${listWords(FEEDBACK_ANSWERS.map((a) => FEEDBACK_LABEL[a]))}, how often it felt so (answered after the exercise).</p>
${rows.length > 0 ? html`<table class="programme"><thead><tr><th class="text">Exercise</th><th class="text">Dose</th><th>Effort</th><th>Done</th>${FEEDBACK_ANSWERS.map((a) => html`<th class="felt">${upperFirst(FEEDBACK_LABEL[a])}</th>`)}</tr></thead><tbody>${rows}</tbody></table>` : html`<p class="muted">A rest day: no exercises.</p>`}`;
}

function insightsBlock(insights: readonly Insight[]): Html {
  if (insights.length === 0) return html`<p class="muted">None.</p>`;
  return html`<ul class="plain insights">${insights.map((i) => html`<li class="${i.enough ? '' : 'muted'}">${i.words}</li>`)}</ul>`;
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
    (s) =>
      html`<li><span class="when">${dateText(s.date, false)} (week ${s.week})</span> <span class="step step-${s.change}">${word[s.change] ?? s.change}</span>: ${clip(stripLead(s.reason), MAX_REASON_CHARS)}</li>`,
  );
  const hidden = steps.length - shown.length;
  return html`<ul class="plain steps">${rows}</ul>${hidden > 0 ? html`<p class="muted small">${plural(hidden, 'earlier change')} not shown (<code>painfit report</code> lists them all).</p>` : ''}`;
}

/** "Held: a flare-up…" → "a flare-up…": the word before the colon is already in the Dose column. */
function stripLead(reason: string): string {
  const m = /^(Held|One step back|Doses up about 10%|Stepped back|Up):\s*/i.exec(reason);
  return m ? reason.slice(m[0].length) : reason;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * How many printed lines the notes may use: what is left of the one A4 page once everything else
 * has taken its lines. A rough model in printed lines (~125 characters across the page, ~60 in a
 * half column), calibrated in Chromium so that the fullest 12-week report still prints on one
 * page (test/report-html-browser.test.ts); the notes that do not fit are counted, never dropped
 * silently.
 */
export function noteLineBudget(report: Report, programmeRows = 0): number {
  const lines = (text: string, width: number): number => Math.max(1, Math.ceil(text.length / width));
  const screening = 2 + report.screening.redFlags.reduce((n, f) => n + lines(redFlagText(f).label, 38), 0) + 2 + lines(report.plan.summary, 60);
  const top = Math.max(programmeRows + 3, screening);
  const goals = report.psfs ? 3 + report.psfs.goals.reduce((n, g) => n + lines(g.activity, 95), 0) : 0;
  const insights = report.insights.reduce((n, i) => n + lines(i.words, 60), 1);
  const flares = report.flares.length === 0 ? 2 : 2 + Math.ceil(Math.min(report.flares.length, MAX_FLARES) / 2);
  const shownSteps = report.steps.slice(-MAX_STEPS);
  const steps = 1 + shownSteps.reduce((n, st) => n + lines(`${st.week} ${clip(stripLead(st.reason), MAX_REASON_CHARS)}`, 50), 0) + (report.steps.length > MAX_STEPS ? 1 : 0);
  const bottom = Math.max(insights + flares, Math.max(2, steps));
  const weeks = Math.min(report.weeks.length, MAX_WEEK_ROWS);
  const used = top + goals + bottom + weeks;
  return Math.max(NOTE_MIN_LINES, Math.min(NOTE_LINE_BUDGET, NOTE_PAGE_LINES - used));
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

const ANSWER_TIER_TEXT: Readonly<Record<ScreeningAnswer['tier'], string>> = ANSWER_TIER_LABEL;

/** A clinician's label for an answer: a warning sign, a readiness question or a follow-up answered yes (the domain's labels). */
function answerLabel(key: string): string {
  const flag = (RED_FLAG_LABEL as Record<string, string | undefined>)[key];
  if (flag) return upperFirst(flag);
  const q = (READINESS_LABEL as Record<string, string | undefined>)[key] ?? (FOLLOW_UP_LABEL as Record<string, string | undefined>)[key];
  return q ? `${upperFirst(q)} (health question: yes)` : key;
}

/** Where the screening answers in force come from: the intake, or a later `painfit recheck`. */
export interface ScreeningSource {
  source: 'intake' | 'recheck';
  date: IsoDate;
}

function screeningBlock(s: Report['screening'], who: string, from?: ScreeningSource): Html {
  const whence = from ? ` (${from.source} of ${formatDate(from.date)})` : '';
  const answers: ScreeningAnswer[] = s.answers ?? s.flags.map((f) => ({ answer: f.flag, tier: f.tier }));
  const items = answers.map(
    (a) => html`<li>${answerLabel(a.answer)} <span class="tier tier-${a.tier}">${ANSWER_TIER_TEXT[a.tier] ?? a.tier}</span></li>`,
  );
  const clearance =
    s.clearance === undefined
      ? ''
      : s.clearance === null
        ? html`<p class="small muted">No clinician's clearance recorded.</p>`
        : html`<p class="small">Cleared by a clinician on <b>${dateText(s.clearance.date)}</b>${s.clearance.by ? html` (${s.clearance.by})` : ''}.</p>`;
  return html`<p class="outcome outcome-${s.outcome}">${OUTCOME_TEXT[s.outcome] ?? s.outcome}</p>
${items.length > 0 ? html`<p class="sub">Answers that shaped the plan${whence}:</p><ul class="plain flags">${items}</ul>` : html`<p class="muted">No warning signs and no health question answered yes${whence}.</p>`}
${clearance}
${s.notes.length > 0 ? html`<p class="sub screen-only">What painfit told ${who}:</p><ul class="plain said screen-only">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}`;
}

function planBlock(report: Report): Html {
  const days = report.plan.days.map((d) => (WEEKDAY_SHORT as Record<string, string | undefined>)[d] ?? d).join(', ');
  return html`<p>Days: <b>${days || '–'}</b> · <b>${report.plan.minutes} min</b> a session</p>
${report.plan.summary ? html`<p class="small">${report.plan.summary}</p>` : ''}`;
}

// ---------------------------------------------------------------------------------------------

const CSS = `
:root { color-scheme: light; --ink: #1f2933; --muted: #5f6b76; --line: #d5dbe1; --soft: #f3f5f7; --accent: #2f5d8a; --flare: #f6e3c6; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 860px; padding: 20px 24px 28px; color: var(--ink); background: #fff;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
h1 { font-size: 19px; margin: 0 0 2px; font-weight: 650; }
h2 { font-size: 14px; margin: 0 0 4px; color: var(--accent); font-weight: 650; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 4px; }
header { border-bottom: 2px solid var(--accent); padding-bottom: 6px; margin-bottom: 10px; }
header .meta { color: var(--muted); font-size: 12px; }
section { margin: 0 0 10px; }
section.keep, figure, dl, li, .outcome { break-inside: avoid; page-break-inside: avoid; }
.cols { display: grid; grid-template-columns: 1.6fr 1fr; gap: 16px; }
.cols.even { grid-template-columns: 1fr 1fr; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 10px; }
.muted { color: var(--muted); }
.small { font-size: 11.5px; }
.sub { margin: 4px 0 1px; color: var(--muted); font-size: 12px; }
.id { color: var(--muted); font-size: 10.5px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
ul.plain { margin: 0 0 4px; padding-left: 16px; }
ul.plain li { margin: 1px 0; }
ul.inline { list-style: none; margin: 0 0 4px; padding: 0; }
ul.inline li { display: inline; }
ul.inline li + li::before { content: " · "; color: var(--muted); }
table.steps th, table.steps td { width: 1%; white-space: nowrap; }
table.steps th:last-child, table.steps td:last-child { width: auto; white-space: normal; }
.outcome { font-weight: 600; padding: 3px 8px; border-left: 4px solid var(--accent); background: var(--soft); margin-bottom: 4px; }
.outcome-light { border-left-color: #b7791f; }
.outcome-stop { border-left-color: #9b2c2c; }
.tier { white-space: nowrap; font-size: 10px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; }
.tier-emergency, .tier-urgent, .tier-stop { color: #9b2c2c; border-color: #e3b8b8; }
ul.said li { color: var(--muted); font-size: 12px; }
dl { margin: 0 0 4px; }
dl.facts div { display: flex; gap: 8px; }
dl.facts dt { min-width: 110px; color: var(--muted); }
dl.facts dd { margin: 0; }
.verdict { border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; margin-bottom: 6px; break-inside: avoid; page-break-inside: avoid; }
.verdict-head { display: flex; justify-content: space-between; align-items: baseline; gap: 10px; margin-bottom: 1px; }
.pair .verdict-head { flex-wrap: wrap; }
.verdict-title { font-weight: 600; }
.verdict p { margin: 2px 0 0; font-size: 12px; }
.badge-good { background: #dcefe3; color: #1e5631; }
.badge { font-size: 11px; font-weight: 600; padding: 1px 7px; border-radius: 10px; background: var(--soft); color: var(--ink); white-space: nowrap; }
.verdict-substantial .badge, .verdict-meaningful .badge { background: #dcefe3; color: #1e5631; }
.verdict-small .badge { background: #e6f0f7; color: #24506f; }
.verdict-worse .badge { background: #f8e5cf; color: #7b4a12; }
figure { margin: 0; }
svg.chart { display: block; width: 100%; height: auto; max-width: 800px; }
svg.chart text { font: 11px system-ui, "DejaVu Sans", Arial, sans-serif; fill: var(--muted); }
svg.chart .axis-title { font-size: 11px; }
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
.legend { display: flex; flex-wrap: wrap; gap: 2px 16px; font-size: 11px; color: var(--muted); margin-top: 1px; }
.key { display: inline-block; vertical-align: middle; margin-right: 5px; }
.key-line { width: 18px; height: 0; border-top: 2px solid var(--accent); }
.key-base { width: 18px; height: 0; border-top: 1px dashed #8a96a3; }
.key-flare { width: 14px; height: 10px; background: var(--flare); }
.key-session { width: 0; height: 0; border-left: 5px solid transparent; border-right: 5px solid transparent; border-bottom: 8px solid #3d8b5a; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
caption { text-align: left; font-weight: 650; font-size: 14px; color: var(--accent); margin-bottom: 4px; }
caption .muted { font-weight: 400; font-size: 11px; }
th, td { padding: 2px 5px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th { font-weight: 600; color: var(--muted); font-size: 11px; border-bottom: 1.5px solid #aab4be; vertical-align: bottom; white-space: normal; }
th.text, td.text { text-align: left; white-space: normal; }
tbody tr:nth-child(even) { background: #f8f9fb; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.bar { display: inline-block; width: 30px; height: 6px; background: #e6eaee; border-radius: 3px; margin-right: 4px; vertical-align: middle; overflow: hidden; }
.bar span { display: block; height: 100%; background: #3d8b5a; }
p.figures { margin-top: 3px; color: var(--muted); }
p.figures b { color: var(--ink); font-weight: 600; }
table.goals { margin-top: 4px; }
table.goals th:not(:first-child), table.goals td:not(:first-child) { width: 1%; }
table.goals th { white-space: nowrap; }
table.programme td:first-child { white-space: normal; }
table.programme th.felt { width: 1%; white-space: nowrap; }
table.programme td.none { text-align: center; }
table.programme td.felt.zero { color: var(--muted); }
table.programme td.felt-hurt:not(.zero) { font-weight: 700; }
.step { font-weight: 600; }
ul.steps .when { color: var(--muted); white-space: nowrap; }
p.few { color: #7b4a12; font-size: 11.5px; }
ul.notes { list-style: none; margin: 0; padding: 0; }
ul.notes li { display: flex; gap: 10px; padding: 2px 0; border-bottom: 1px solid #eef1f4; font-size: 12px; }
.note-date { flex: 0 0 70px; color: var(--muted); }
.note-text { white-space: pre-wrap; overflow-wrap: anywhere; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 11px; }
footer { margin-top: 10px; padding-top: 4px; border-top: 1px solid var(--line); font-size: 11px; color: var(--muted); break-inside: avoid; page-break-inside: avoid; }
footer .disclaimer { font-weight: 600; color: var(--ink); }
td, li, p, dd { overflow-wrap: anywhere; }
@page { size: A4; margin: 8mm 9mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 7.3pt; line-height: 1.22; }
  header { margin-bottom: 5px; padding-bottom: 3px; }
  h1 { font-size: 11pt; }
  h2, caption { font-size: 9pt; margin-bottom: 2px; }
  header .meta, .small, .sub, .legend, ul.said li, footer, caption .muted, .verdict p, ul.notes li { font-size: 7pt; }
  table { font-size: 7.1pt; }
  th { font-size: 6.8pt; }
  th, td { padding: 0 4px; }
  table.weeks td { line-height: 1.15; }
  .id, code { font-size: 6.5pt; }
  section { margin-bottom: 5px; }
  .cols { gap: 10px; }
  ul.plain li { margin: 0; }
  ul.notes li { padding: 0.5px 0; }
  .verdict { padding: 3px 6px; margin-bottom: 3px; }
  .outcome { padding: 2px 6px; }
  .badge { font-size: 6.8pt; }
  svg.chart { max-width: 100%; }
  .screen-only, .id { display: none; }
  /* The Borg CR10 number is enough for a clinician on paper; the room goes to the feedback counts. */
  table.programme .effort-word { display: none; }
  table.goals th { white-space: nowrap; }
  footer { margin-top: 4px; padding-top: 2px; }
  a { color: inherit; text-decoration: none; }
}
`;

export interface ClinicianExtras {
  /** The current programme (today's session as of the report's last day). */
  programme?: ProgrammeInput;
  /** Which answers the screening rests on: the intake's, or a later recheck's. */
  screenedFrom?: ScreeningSource;
}

/** The person's name for the clinician's page, or a neutral phrase when none was given. */
function personName(report: Report): { who: string; possessive: string; title: string } {
  const name = report.intake.name?.trim();
  if (!name) return { who: 'this person', possessive: 'Their', title: 'Name not given' };
  return { who: name, possessive: `${name}'s`, title: name };
}

/** The whole report as one self-contained HTML document. */
export function renderReportHtml(report: Report, extras: ClinicianExtras = {}): string {
  const { intake } = report;
  const person = personName(report);
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
<title>painfit report: ${person.title}, ${period}</title>
<style>${new Html(CSS)}</style>
</head>
<body>
<header>
<h1>Exercise and pain report: <b>${person.title}</b></h1>
<p class="meta">${intake.age} years${regions ? html` · pain: ${regions}` : ''} · covers ${period} (${plural(weeks, 'week')}) · intake on ${dateText(intake.date)}, average pain then ${num(intake.average)}/10 · generated by painfit on ${dateText(report.to)}</p>
</header>

<div class="cols">
<section aria-labelledby="h-programme">
<h2 id="h-programme">Current programme</h2>
${programmeBlock(extras.programme, person.who)}
</section>
<div>
<section aria-labelledby="h-screening">
<h2 id="h-screening">Safety screening</h2>
${screeningBlock(report.screening, person.who, extras.screenedFrom)}
</section>
<section aria-labelledby="h-plan">
<h2 id="h-plan">The plan in short</h2>
${planBlock(report)}
</section>
</div>
</div>

<section aria-labelledby="h-change">
<h2 id="h-change">Is it helping?</h2>
<div class="${report.peg ? 'pair' : 'single'}">
${changeLine('Pain (0–10)', report.change, '(0 none, 10 worst)', 'last 7 days')}
${report.peg ? changeLine(PEG.heading, report.peg, `(${PEG.scale})`, report.peg.currentDate ? `on ${dateText(report.peg.currentDate, false)}` : 'now') : ''}
</div>
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

${report.psfs ? html`<section aria-labelledby="h-goals">
<h2 id="h-goals">${person.possessive} goals</h2>
${psfsBlock(report.psfs)}
</section>` : ''}

<div class="cols even">
<div>
<section aria-labelledby="h-insights">
<h2 id="h-insights">Patterns in ${person.possessive === 'Their' ? 'their' : person.possessive} days</h2>
${insightsBlock(report.insights)}
</section>
<section aria-labelledby="h-flares">
<h2 id="h-flares">Flare-ups</h2>
${flareList(report.flares)}
</section>
</div>
<div>
<section aria-labelledby="h-steps">
<h2 id="h-steps">Changes to the dose</h2>
${stepList(report.steps)}
</section>
</div>
</div>

<section aria-labelledby="h-notes">
<h2 id="h-notes">${person.possessive} notes</h2>
${noteList(report.notes, noteLineBudget(report, extras.programme?.session.exercises.filter((e) => !e.optional).length ?? 0))}
</section>

<footer>
<span class="disclaimer">${DISCLAIMER}</span> Meaningful: 30% or 2 points lower; substantial: 50% (Farrar 2001).
</footer>
</body>
</html>
`;
  return doc.value;
}
