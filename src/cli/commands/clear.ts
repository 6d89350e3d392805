// painfit clear --seen DATE [--by TEXT]: a dated clinician clearance (clinical-rules §1c).
import { addMonths, formatDate, type IsoDate } from '../../domain/dates';
import { INTAKE_LIMITS, screeningPart } from '../../domain/intake';
import { SCREENING_VALID_MONTHS } from '../../domain/rules';
import { clearsEmergency, RED_FLAG_TIER, screen, type ClearanceFact } from '../../domain/screening';
import { NOTE_CONTROL_CHARACTERS } from '../../domain/facts';
import { UsageError } from '../../errors';
import { allClearances, insertClearance, screeningInForce } from '../../store/screening';
import { renderScreening } from '../../ui/intake-summary';
import { parseDateOption, type Context } from '../context';
import { requireIntake, startRecording } from '../day';

export interface ClearOptions {
  seen: IsoDate;
  by: string | null;
}

export function parseClearOptions(raw: { seen?: string; by?: string }): ClearOptions {
  if (raw.seen === undefined) {
    throw new UsageError('painfit clear needs --seen DATE: the day a clinician saw you and said exercise is fine, for example painfit clear --seen 2026-12-01 --by "Dr Patel".', 'MISSING_SEEN');
  }
  const seen = parseDateOption(raw.seen, '--seen', '2026-12-01');
  let by: string | null = null;
  if (raw.by !== undefined) {
    by = raw.by.trim();
    if (by === '' || new RegExp(NOTE_CONTROL_CHARACTERS.source).test(by) || by.length > INTAKE_LIMITS.clearanceByLength) {
      throw new UsageError(
        `--by ${JSON.stringify(raw.by)} is not accepted: give the clinician's name in up to ${INTAKE_LIMITS.clearanceByLength} characters of plain text, for example --by "Dr Patel", or leave --by out.`,
        'BAD_BY',
      );
    }
  }
  return { seen, by };
}

export async function runClear(opts: ClearOptions, ctx: Context): Promise<void> {
  const today = await startRecording(ctx, { command: 'painfit clear', verb: 'record a clearance on', interactive: false, flagsInstead: '' });
  if (opts.seen > today) {
    throw new UsageError(`--seen ${opts.seen} is after today (${today}): give the day the clinician saw you, on or before ${today}.`, 'FUTURE_DATE');
  }
  if (today >= addMonths(opts.seen, SCREENING_VALID_MONTHS)) {
    throw new UsageError(
      `--seen ${opts.seen} is more than ${SCREENING_VALID_MONTHS} months ago, and a clearance lasts ${SCREENING_VALID_MONTHS} months. See a clinician again, or run painfit recheck if your health answers have changed.`,
      'STALE_CLEARANCE',
    );
  }
  const intake = requireIntake(ctx, today);
  const db = ctx.db(true);
  const inForce = screeningInForce(db, intake, today);
  const clearances = allClearances(db);
  const before = screen(inForce.answers, inForce.reportedOn, today, clearances);
  const needs = before.redFlags.length > 0 || before.readiness !== 'proceed' || before.stopReason !== null;
  if (!needs) {
    throw new UsageError(
      `your health answers of ${inForce.reportedOn} have nothing that needs a clinician's clearance, so nothing was recorded. If your health has changed, run painfit recheck.`,
      'NOTHING_TO_CLEAR',
    );
  }
  const clearance: ClearanceFact = { seen: opts.seen, by: opts.by, recordedOn: today, source: 'clear' };
  const emergency = before.redFlags.filter((f) => RED_FLAG_TIER[f] === 'emergency');
  if (emergency.length > 0 && !clearsEmergency(clearance, inForce.reportedOn)) {
    throw new UsageError(
      `an emergency warning sign was reported on ${inForce.reportedOn}, so it needs a clearance from a clinician who saw you on or after that day; --seen ${opts.seen} is before it. Nothing was recorded. ` +
        `When a clinician has seen you, run painfit clear --seen DATE with that day (${inForce.reportedOn} or later).`,
      'CLEARANCE_TOO_EARLY',
    );
  }
  const saved = db.transaction(() => insertClearance(db, { seen: opts.seen, by: opts.by, recordedOn: today }, ctx.now().toISOString()))();
  const after = screen(screeningPart(inForce.answers), inForce.reportedOn, today, [...clearances, saved]);
  if (ctx.json) {
    ctx.out(JSON.stringify({ saved: true, clearance: { seen: saved.seen, by: saved.by, recordedOn: saved.recordedOn }, screening: after }, null, 2));
    return;
  }
  ctx.err(ctx.theme.muted(`Recorded: a clinician${opts.by ? ` (${opts.by})` : ''} saw you on ${formatDate(opts.seen)}.`));
  ctx.out(renderScreening(after, ctx.theme, ctx.width));
  if (after.outcome !== 'stop') ctx.err(`Next: ${ctx.theme.accent('painfit today')} shows your session.`);
}
