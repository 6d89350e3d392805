// painfit log: a pain check-in and what was done, from flags or asked on the terminal.
import { addDays, formatDate } from '../../domain/dates';
import type { Completion } from '../../domain/facts';
import { estimateSeconds } from '../../domain/plan';
import type { IntakeRecord, RecheckAnswers } from '../../domain/intake';
import { safetyNetMessage, safetyNetTriggers, screen, type SafetyNetTrigger } from '../../domain/screening';
import { buildSession, SESSION_MESSAGES, type Session, type SessionExercise } from '../../domain/session';
import { allClearances, insertRecheck, screeningInForce } from '../../store/screening';
import { UsageError } from '../../errors';
import { writeLog, type LogResult, type NewCheckin } from '../../store/facts';
import { hasMeasureBetween, insertMeasure, type NewMeasure } from '../../store/measures';
import type { Prompter } from '../../ui/prompts';
import { renderLogResult } from '../../ui/log';
import { fitScreen } from '../../ui/width';
import type { Context } from '../context';
import { loadDayFacts, referenceOn, requireIntake, startRecording } from '../day';
import { cleanNote, NOTE_MAX_LENGTH, parseLogOptions as parseAnswerFlags, type DoneSpec, type LogOptions, type RawLogFlags } from './log-options';

const ANSWER_FLAGS = ['pain', 'done', 'during', 'effort', 'sleep', 'note'] as const;

export interface SafetyNet {
  triggers: SafetyNetTrigger[];
  message: string;
}

/** §1d: the check-in's safety-net reply, or null for an ordinary check-in. */
function safetyNetFor(ctx: Context, intake: IntakeRecord, result: LogResult): SafetyNet | null {
  const c = result.checkin;
  if (!c) return null;
  const reference = referenceOn(ctx, intake, c.date);
  const triggers = safetyNetTriggers(c, reference);
  return triggers.length > 0 ? { triggers, message: safetyNetMessage() } : null;
}

function renderSafetyNet(net: SafetyNet, theme: Context['theme'], offering: boolean): string {
  const how = offering ? '' : ' painfit recheck asks the warning-sign questions again.';
  return `\n${theme.danger('Please check for warning signs')}\n  ${theme.warn(net.message + how)}`;
}

/** §1d on a terminal: offer the warning-sign questions again; a "yes" is saved as a recheck. */
async function offerWarningSigns(ctx: Context, intake: IntakeRecord, date: string): Promise<void> {
  const p = await ctx.prompter();
  if (!(await p.confirm('Answer the warning-sign questions again now? (about a minute)', { default: true }))) return;
  const { askWarningSigns } = await import('../../ui/screening-wizard');
  const { redFlags, actNow } = await askWarningSigns(p, { theme: ctx.theme, write: ctx.err, age: intake.answers.about.age });
  if (!Object.values(redFlags).some(Boolean)) {
    ctx.err('No warning signs: good. Rest, move gently, and painfit will ease the next session off.');
    return;
  }
  const db = ctx.db(true);
  const inForce = screeningInForce(db, intake, date);
  // A new warning sign needs a new clearance (§1c): the earlier one is not carried over.
  const answers: RecheckAnswers = { version: 2, readiness: inForce.answers.readiness, redFlags, mood: inForce.answers.mood, clearance: null };
  db.transaction(() => insertRecheck(db, answers, date, ctx.now().toISOString()))();
  const screening = screen(answers, date, date, allClearances(db));
  const { renderScreening } = await import('../../ui/intake-summary');
  ctx.out(renderScreening(screening, ctx.theme, ctx.width));
  ctx.err(ctx.theme.muted(`Saved your answers for ${date} (painfit today reads them).`));
  if (actNow) {
    const { renderActNow } = await import('../../ui/screening-wizard');
    ctx.err(renderActNow(actNow, ctx.theme));
  }
}

/**
 * The log command's options as commander gives them also hold the global options (home, date,
 * json, and color, which --no-color defaults to true): only the answer flags decide whether the
 * answers were given as flags or are to be asked.
 */
export function parseLogOptions(raw: RawLogFlags & Record<string, unknown>): LogOptions {
  const answers: RawLogFlags = {};
  for (const key of ANSWER_FLAGS) if (typeof raw[key] === 'string') answers[key] = raw[key];
  if (raw.unwell === true) answers.unwell = true;
  return parseAnswerFlags(answers);
}

const FLAGS_INSTEAD = 'Give the answers as flags instead, for example: painfit log --pain 3 --done all --during 2 --effort 3.';

function checkinFromFlags(opts: LogOptions, date: string): NewCheckin | null {
  if (opts.pain === undefined) return null;
  return { date, pain: opts.pain!, during: opts.during ?? null, effort: opts.effort ?? null, sleep: opts.sleep ?? null, note: opts.note || null };
}

/** How long an exercise was planned to take, stored with its completion for reports. */
export function plannedMinutes(e: SessionExercise): number {
  if (e.minutes !== undefined) return e.minutes;
  const dose = e.holdSeconds !== undefined ? { sets: e.sets ?? 1, holdSeconds: e.holdSeconds } : { sets: e.sets ?? 1, reps: e.reps ?? 0 };
  return Math.round(estimateSeconds(dose, { perSide: e.perSide, repHoldSeconds: e.repHoldSeconds ?? null }) / 6) / 10;
}

/**
 * The completion rows a `--done` answer writes. Named ids are done; the day's other exercises
 * are recorded as not done unless an earlier log already recorded them (so a second log later
 * in the day adds to the first instead of undoing it, and reports know the day's full count).
 */
function completionsFor(spec: DoneSpec | undefined, session: Session, date: string, earlier: readonly Completion[]): Completion[] {
  if (!spec) return [];
  const planned = session.exercises.map((e) => e.id);
  if (spec.kind === 'all' || spec.kind === 'none') {
    if (planned.length === 0) {
      throw new UsageError(`there are no exercises planned on ${date} (${session.status} day), so --done ${spec.kind} has nothing to mark. Leave out --done.`, 'NOTHING_PLANNED');
    }
    return session.exercises.map((e) => ({ date, exerciseId: e.id, done: spec.kind === 'all', minutes: plannedMinutes(e) }));
  }
  const unknown = spec.ids.filter((id) => !planned.includes(id));
  if (unknown.length) {
    throw new UsageError(
      `--done names ${unknown.map((u) => JSON.stringify(u)).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not in the session for ${date}. ` +
        (planned.length ? `That day's exercises are: ${planned.join(', ')}.` : 'No exercises are planned that day.') +
        ' Use all, none, or ids from that list.',
      'UNKNOWN_DONE',
    );
  }
  const recorded = new Set(earlier.filter((c) => c.date === date).map((c) => c.exerciseId));
  return session.exercises
    .filter((e) => spec.ids.includes(e.id) || !recorded.has(e.id))
    .map((e) => ({ date, exerciseId: e.id, done: spec.ids.includes(e.id), minutes: plannedMinutes(e) }));
}

/** The weekly measures are offered in painfit log when none is dated in these 7 days (the date included). */
export const WEEKLY_MEASURES_DAYS = 7;

async function askLog(ctx: Context, session: Session, p: Prompter): Promise<{ checkin: Omit<NewCheckin, 'date'>; done: Set<string> | null }> {
  ctx.err(ctx.theme.heading(`Check-in for ${formatDate(session.date)}`) + ctx.theme.muted('  (Ctrl-C to stop; nothing is saved until the end)'));
  const pain = await p.number('How is your pain right now? (0 none, 10 worst imaginable)', { min: 0, max: 10 });
  let done: Set<string> | null = null;
  let during: number | null = null;
  let effort: number | null = null;
  if (session.exercises.length > 0) {
    const picked = await p.checkbox(
      session.status === 'rest' ? 'Did you do the optional extra? (space to untick, enter when done)' : 'Which exercises did you do? (space to untick, enter when done)',
      session.exercises.map((e) => ({ value: e.id, name: e.name, checked: session.status !== 'rest' })),
    );
    done = new Set(picked);
    if (picked.length > 0) {
      during = await p.number('What was the worst pain during the exercises? (0-10)', { min: 0, max: 10 });
      effort = await p.number('How hard did it feel overall? (0 nothing at all, 10 maximal)', { min: 0, max: 10 });
    }
  }
  const sleep = (await p.optionalNumber('How well have you slept this past week? (0 very badly, 10 very well; Enter to skip)', { min: 0, max: 10 })) ?? null;
  const note = cleanNote(await p.text('Anything to note? (optional, Enter to skip)', { maxLength: NOTE_MAX_LENGTH })) || null;
  return { checkin: { pain, during, effort, sleep, note }, done };
}

export async function runLog(opts: LogOptions, ctx: Context): Promise<LogResult> {
  const date = await startRecording(ctx, { command: 'painfit log', verb: 'log', interactive: opts.interactive, flagsInstead: FLAGS_INSTEAD });
  // Only the questions and --done need the day's session; a bare check-in (log --pain N) needs
  // just the intake in force, so it skips replaying the plan and stays fast however long the history.
  if (!opts.interactive && opts.done === undefined) {
    const intake = requireIntake(ctx, date);
    const result = writeLog(ctx.db(true), {
      checkin: checkinFromFlags(opts, date),
      completions: [],
      recordedAt: ctx.now().toISOString(),
      ...(opts.unwell ? { unwell: date } : {}),
    });
    const net = safetyNetFor(ctx, intake, result);
    if (ctx.json) ctx.out(JSON.stringify({ date, checkin: result.checkin, completions: result.completions, unwell: opts.unwell === true, safetyNet: net }, null, 2));
    else {
      ctx.out(renderLogResult(result, [], ctx.theme));
      if (opts.unwell) ctx.out(fitScreen(ctx.theme.warn(`  ${SESSION_MESSAGES.unwell}`), ctx.width));
      if (net) ctx.out(fitScreen(renderSafetyNet(net, ctx.theme, false), ctx.width));
    }
    return result;
  }
  const facts = loadDayFacts(ctx, date);
  const session = buildSession(facts);

  let checkin: NewCheckin;
  let completions: Completion[];
  let weekly: NewMeasure | null = null;
  if (opts.interactive) {
    const p = await ctx.prompter();
    const answers = await askLog(ctx, session, p);
    checkin = { date, ...answers.checkin };
    completions = answers.done ? session.exercises.map((e) => ({ date, exerciseId: e.id, done: answers.done!.has(e.id), minutes: plannedMinutes(e) })) : [];
    // Once a week, the PEG questions and the goals re-rated (issue 4), saved with the check-in.
    // The intake asked the same questions, so the first offer comes a week after it.
    const since = addDays(date, -(WEEKLY_MEASURES_DAYS - 1));
    if (facts.intake.date < since && !hasMeasureBetween(ctx.db(true), since, date)) {
      if (await p.confirm('It has been a week: answer the weekly questions too? (about 1 minute)', { default: true })) {
        const { askWeeklyMeasures } = await import('./checkin');
        weekly = { date, ...(await askWeeklyMeasures(p, ctx, facts.intake.answers.goals)) };
      }
    }
  } else {
    completions = completionsFor(opts.done, session, date, facts.completions);
    checkin = checkinFromFlags(opts, date)!;
  }

  const db = ctx.db(true);
  const recordedAt = ctx.now().toISOString();
  // One transaction: the check-in and the weekly answers are saved together or not at all
  // (two entries, so undo removes the weekly answers first, then the check-in).
  const { result, measure } = db.transaction(() => ({
    result: writeLog(db, { checkin, completions, recordedAt }),
    measure: weekly ? insertMeasure(db, weekly, recordedAt) : null,
  }))();
  const net = safetyNetFor(ctx, facts.intake, result);
  if (ctx.json) ctx.out(JSON.stringify({ date, checkin: result.checkin, completions: result.completions, unwell: false, safetyNet: net }, null, 2));
  else {
    ctx.out(renderLogResult(result, session.exercises, ctx.theme));
    if (measure) {
      const { renderMeasureSaved } = await import('../../ui/report');
      ctx.out(renderMeasureSaved(measure, facts.intake.answers.goals, ctx.theme));
    }
    if (net) {
      ctx.out(fitScreen(renderSafetyNet(net, ctx.theme, opts.interactive), ctx.width));
      if (opts.interactive) await offerWarningSigns(ctx, facts.intake, date);
    }
  }
  return result;
}
