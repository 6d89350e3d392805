// painfit report: weekly trends in the terminal, as JSON (--json), CSV (--csv) or a page for a
// clinician (--html FILE). Reads only the weeks shown (plus a short lookback), never the whole history.
import path from 'node:path';
import { buildReport, DEFAULT_REPORT_WEEKS, MAX_REPORT_WEEKS, type Report, reportRange } from '../../domain/report';
import { UsageError } from '../../errors';
import { writePrivateFile } from '../../store/private-file';
import { reportJson } from '../../ui/json';
import { loadReportFacts } from '../../store/report';
import type { Context } from '../context';
import { type DayFacts, loadDayFacts, requireIntake, saveFold } from '../day';
import { escapeControls } from '../escape';
import { addDays } from '../../domain/dates';
import { buildSession, progressWithHeading } from '../../domain/session';
import type { ProgrammeInput } from '../../ui/report-html';
import type { FeedbackAnswer } from '../../domain/facts';
import { completionsBetween, feedbackBetween } from '../../store/facts';
import { screeningInForce } from '../../store/screening';

export interface ReportOptions {
  weeks: number;
  csv: boolean;
  /** Write the clinician's page here. */
  html?: string;
}

export interface RawReportFlags {
  weeks?: string;
  csv?: boolean;
  html?: string;
  json?: boolean;
}

export function parseWeeks(value: string): number {
  const trimmed = value.trim();
  const n = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || n < 1 || n > MAX_REPORT_WEEKS) {
    throw new UsageError(
      `--weeks ${JSON.stringify(value)} is not accepted: give a whole number of weeks from 1 to ${MAX_REPORT_WEEKS}, for example --weeks 12.`,
      'BAD_WEEKS',
    );
  }
  return n;
}

export function parseReportOptions(raw: RawReportFlags): ReportOptions {
  const opts: ReportOptions = { weeks: raw.weeks === undefined ? DEFAULT_REPORT_WEEKS : parseWeeks(raw.weeks), csv: raw.csv === true };
  if (opts.csv && raw.json) throw csvWithJson();
  if (raw.html !== undefined) {
    if (raw.html.trim() === '') throw new UsageError('--html needs a file name to write the report to, for example --html report.html.', 'BAD_HTML_FILE');
    opts.html = raw.html;
  }
  return opts;
}

const csvWithJson = () =>
  new UsageError('--csv and --json both choose what is printed: use one of them (painfit report --csv, or painfit report --json).', 'CSV_WITH_JSON');

export function reportFor(ctx: Context, weeks: number): { report: Report; day: DayFacts } {
  const date = ctx.today;
  // The same facts and the same weekly fold as `today`: the report's decisions are today's.
  const intake = requireIntake(ctx, date);
  const range = reportRange(intake.date, date, weeks);
  const day = loadDayFacts(ctx, date, range.from);
  const db = ctx.db(true);
  const facts = loadReportFacts(db, intake, range);
  const screening = day.screening;
  const { days: progress, heading } = progressWithHeading(day, range.from > intake.date ? range.from : intake.date);
  return { report: buildReport({ asOf: date, weeks, intake, screening, ...facts, progress, heading }), day };
}

/** Days of exercise records shown beside each exercise of the current programme. DEFAULT */
export const PROGRAMME_RECENT_DAYS = 14;

/** A week: the next session day is always within it (every plan has at least one day a week). */
const PROGRAMME_LOOKAHEAD_DAYS = 7;

/**
 * The session `painfit today` gives on the report's last day, with each exercise's recent record:
 * how often it was done and how it felt in the last PROGRAMME_RECENT_DAYS days. Those are read from
 * the store for exactly those days (the day's facts may start later, at the cached fold's week).
 */
function programmeFor(ctx: Context): ProgrammeInput {
  const facts = loadDayFacts(ctx, ctx.today);
  let session = buildSession(facts);
  let restOn: string | undefined;
  // On a rest day the clinician still needs the programme: the next session day's, as
  // `painfit today --date` would give it then (nothing logged in between).
  if (session.status === 'rest') {
    for (let k = 1; k <= PROGRAMME_LOOKAHEAD_DAYS; k++) {
      const next = buildSession(loadDayFacts(ctx, addDays(ctx.today, k)));
      if (next.status !== 'rest') {
        session = next;
        restOn = ctx.today;
        break;
      }
    }
  }
  const since = addDays(ctx.today, -(PROGRAMME_RECENT_DAYS - 1));
  const db = ctx.db(true);
  const recent: Record<string, { done: number; of: number }> = {};
  for (const c of completionsBetween(db, since, ctx.today)) {
    const r = (recent[c.exerciseId] ??= { done: 0, of: 0 });
    r.of += 1;
    if (c.done) r.done += 1;
  }
  // How each exercise felt (log --feedback, painfit start), oldest first.
  const felt: Record<string, FeedbackAnswer[]> = {};
  for (const f of feedbackBetween(db, since, ctx.today)) (felt[f.exerciseId] ??= []).push(f.answer);
  return { session, recent, recentDays: PROGRAMME_RECENT_DAYS, felt, ...(restOn ? { restOn } : {}) };
}

export async function runReport(opts: ReportOptions, ctx: Context): Promise<void> {
  // --json may stand before the command, where parseReportOptions does not see it.
  if (opts.csv && ctx.json) throw csvWithJson();
  const { report, day } = reportFor(ctx, opts.weeks);

  if (opts.html !== undefined) {
    const { renderReportHtml } = await import('../../ui/report-html');
    const file = path.resolve(opts.html);
    const programme = programmeFor(ctx);
    // The answers in force on the report's last day: the intake's, or a later recheck's.
    const inForce = screeningInForce(ctx.db(true), day.intake, ctx.today);
    const screenedFrom = { source: inForce.source, date: inForce.reportedOn };
    writePrivateFile(file, renderReportHtml(report, { programme, screenedFrom }), 'the report');
    ctx.err(`The report for your clinician is in ${escapeControls(file)}`);
  }

  if (ctx.json) ctx.out(JSON.stringify(reportJson(report), null, 2));
  else if (opts.csv) ctx.out((await import('../../ui/report')).renderReportCsv(report));
  else if (opts.html === undefined) ctx.out((await import('../../ui/report')).renderReport(report, ctx.theme, ctx.width));
  // Only once the report is out (a refused --html file leaves the database as it was).
  saveFold(ctx, day);
}
