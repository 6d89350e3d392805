// painfit log: a pain check-in and what was done, from flags or asked on the terminal.
import { addDays, formatDate } from '../../domain/dates';
import { type Completion, FEEDBACK_ANSWERS, type FeedbackAnswer, WALK_MINUTES_MAX, WALK_MINUTES_MIN } from '../../domain/facts';
import { DEFAULT_FEEDBACK, FEEDBACK_WORDS } from '../../domain/guided';
import { estimateSeconds } from '../../domain/plan';
import type { IntakeRecord, RecheckAnswers } from '../../domain/intake';
import { safetyNetMessage, safetyNetTriggers, screen, type SafetyNetTrigger } from '../../domain/screening';
import { buildSession, SESSION_MESSAGES, type Session, type SessionExercise } from '../../domain/session';
import { allClearances, insertRecheck, screeningInForce } from '../../store/screening';
import { UsageError } from '../../errors';
import { type LogWrite, writeLog, type LogResult, type NewCheckin } from '../../store/facts';
import { hasMeasureBetween, insertMeasure, type NewMeasure } from '../../store/measures';
import type { Choice, Prompter } from '../../ui/prompts';
import { WALK_STYLE_WORDS } from '../../ui/session';
import { renderLogResult } from '../../ui/log';
import { fitScreen } from '../../ui/width';
import type { Context } from '../context';
import { type DayFacts, loadDayFacts, referenceOn, requireIntake, saveFold, startRecording } from '../day';
import { cleanNote, NOTE_MAX_LENGTH, parseLogOptions as parseAnswerFlags, type DoneSpec, type LogOptions, type RawLogFlags } from './log-options';

const ANSWER_FLAGS = ['pain', 'done', 'during', 'effort', 'sleep', 'note', 'walk', 'feedback'] as const;

export interface SafetyNet {
  triggers: SafetyNetTrigger[];
  message: string;
}

/** §1d: the check-in's safety-net reply, or null for an ordinary check-in. */
function safetyNetFor(ctx: Context, intake: IntakeRecord, result: LogResult, facts?: DayFacts): SafetyNet | null {
  const c = result.checkin;
  if (!c) return null;
  const reference = referenceOn(ctx, intake, c.date, facts);
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

/** What `log --json` prints: the stored facts, the walk and feedback only when given. */
function logJson(date: string, r: LogResult): Record<string, unknown> {
  return {
    date,
    checkin: r.checkin,
    completions: r.completions,
    ...(r.walk ? { walk: { minutes: r.walk.minutes } } : {}),
    ...(r.feedback.length ? { feedback: r.feedback.map((f) => ({ exerciseId: f.exerciseId, answer: f.answer })) } : {}),
  };
}

/** --feedback names exercises of the day's session only (as --done does). */
function feedbackFor(spec: LogOptions['feedback'], session: Session, date: string): NonNullable<LogWrite['feedback']> {
  if (!spec) return [];
  const planned = session.exercises.map((e) => e.id);
  const unknown = spec.filter((f) => !planned.includes(f.exerciseId)).map((f) => f.exerciseId);
  if (unknown.length) {
    throw new UsageError(
      `--feedback names ${unknown.map((u) => JSON.stringify(u)).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not in the session for ${date}. ` +
        (planned.length ? `That day's exercises are: ${planned.join(', ')}.` : 'No exercises are planned that day.') +
        ` Give ids from that list, each with ${FEEDBACK_ANSWERS.join(', ')}, for example --feedback ${planned[0] ?? 'sit-to-stand'}=easy.`,
      'UNKNOWN_FEEDBACK',
    );
  }
  return spec.map((f) => ({ date, exerciseId: f.exerciseId, answer: f.answer }));
}

/** The weekly measures are offered in painfit log when none is dated in these 7 days (the date included). */
export const WEEKLY_MEASURES_DAYS = 7;

/** What the interactive log asked, saved exactly as the matching flags would save it. */
export interface LogAnswers {
  /** "Unwell today" (clinical-rules §1a): saved as log --unwell, and nothing about exercise is asked. */
  unwell: boolean;
  checkin: Omit<NewCheckin, 'date'>;
  done: Set<string> | null;
  /** As --feedback: one answer per exercise marked done. */
  feedback: { exerciseId: string; answer: FeedbackAnswer }[];
  /** As --walk: whole minutes of the walking track, or null when not walked (or not planned). */
  walk: number | null;
}

const FEEDBACK_CHOICES: readonly Choice<FeedbackAnswer>[] = FEEDBACK_ANSWERS.map((a) => ({ value: a, name: FEEDBACK_WORDS[a] }));

/**
 * Per-exercise feedback (clinical-rules §4) for the exercises marked done, asked compactly: one
 * exercise → one question; several → first "did any feel too easy, too hard or hurt?" (Enter = no,
 * all about right), and only the ones picked get their own question. Every done exercise gets an
 * answer ("about right" unless said otherwise), as the guided session records it, so "easy twice"
 * and "hurt twice in a row" are counted over real answers rather than over the days asked about.
 */
export async function askFeedback(p: Prompter, done: readonly { id: string; name: string }[]): Promise<LogAnswers['feedback']> {
  if (done.length === 0) return [];
  const howWas = (name: string) => p.select(`How did ${name} feel?`, FEEDBACK_CHOICES, { default: DEFAULT_FEEDBACK });
  if (done.length === 1) return [{ exerciseId: done[0]!.id, answer: await howWas(done[0]!.name) }];
  const answers = new Map<string, FeedbackAnswer>(done.map((e) => [e.id, DEFAULT_FEEDBACK]));
  if (await p.confirm('Did any exercise feel too easy, too hard, or hurt? (Enter: no, all about right)', { default: false })) {
    const picked = await p.checkbox(
      'Which ones? (space to tick, enter when done)',
      done.map((e) => ({ value: e.id, name: e.name })),
      { min: 1 },
    );
    for (const e of done) if (picked.includes(e.id)) answers.set(e.id, await howWas(e.name));
  }
  return done.map((e) => ({ exerciseId: e.id, answer: answers.get(e.id)! }));
}

/** The walking track (clinical-rules §4): did they do it, and for how long (as --walk: whole minutes). */
async function askWalk(p: Prompter, walk: NonNullable<Session['walk']>, when: string): Promise<number | null> {
  const what = WALK_STYLE_WORDS[walk.style] ?? walk.style;
  const planned = `${walk.minutes} minute${walk.minutes === 1 ? '' : 's'}`;
  if (!(await p.confirm(`Did you do your ${what} ${when}? (planned: ${planned})`, { default: false }))) return null;
  return p.number(`How many minutes? (whole minutes, ${WALK_MINUTES_MIN}-${WALK_MINUTES_MAX}; Enter for ${planned})`, {
    min: WALK_MINUTES_MIN,
    max: WALK_MINUTES_MAX,
    default: walk.minutes,
  });
}

export async function askLog(ctx: Context, session: Session, p: Prompter): Promise<LogAnswers> {
  ctx.err(ctx.theme.heading(`Check-in for ${formatDate(session.date)}`) + ctx.theme.muted('  (Ctrl-C to stop; nothing is saved until the end)'));
  const isToday = session.date === ctx.realToday;
  const when = isToday ? 'today' : `on ${formatDate(session.date)}`;
  // §1a: asked first, so a person with a fever is not walked through the exercise questions.
  const unwell = await p.confirm(
    isToday
      ? 'Are you feeling unwell today (a cold, fever, infection, or feeling faint)?'
      : `Were you unwell ${when} (a cold, fever, infection, or feeling faint)?`,
    { default: false },
  );
  const pain = await p.number('How is your pain right now? (0 none, 10 worst imaginable)', { min: 0, max: 10 });
  let done: Set<string> | null = null;
  let during: number | null = null;
  let effort: number | null = null;
  let feedback: LogAnswers['feedback'] = [];
  let walk: number | null = null;
  if (!unwell) {
    if (session.exercises.length > 0) {
      const picked = await p.checkbox(
        session.status === 'rest' ? 'Did you do the optional extra? (space to untick, enter when done)' : 'Which exercises did you do? (space to untick, enter when done)',
        session.exercises.map((e) => ({ value: e.id, name: e.name, checked: session.status !== 'rest' })),
      );
      done = new Set(picked);
      if (picked.length > 0) {
        feedback = await askFeedback(p, session.exercises.filter((e) => done!.has(e.id)));
        during = await p.number('What was the worst pain during the exercises? (0-10)', { min: 0, max: 10 });
        effort = await p.number('How hard did it feel overall? (0 nothing at all, 10 maximal)', { min: 0, max: 10 });
      }
    }
    if (session.walk && session.walk.minutes > 0) walk = await askWalk(p, session.walk, when);
  }
  const sleep = (await p.optionalNumber('How well have you slept this past week? (0 very badly, 10 very well; Enter to skip)', { min: 0, max: 10 })) ?? null;
  const note = cleanNote(await p.text('Anything to note? (optional, Enter to skip)', { maxLength: NOTE_MAX_LENGTH })) || null;
  return { unwell, checkin: { pain, during, effort, sleep, note }, done, feedback, walk };
}

export async function runLog(opts: LogOptions, ctx: Context): Promise<LogResult> {
  const date = await startRecording(ctx, { command: 'painfit log', verb: 'log', interactive: opts.interactive, flagsInstead: FLAGS_INSTEAD });
  // Only the questions and --done need the day's session; a bare check-in (log --pain N) needs
  // just the intake in force, so it skips replaying the plan and stays fast however long the history.
  if (!opts.interactive && opts.done === undefined && opts.feedback === undefined) {
    const intake = requireIntake(ctx, date);
    const result = writeLog(ctx.db(true), {
      checkin: checkinFromFlags(opts, date),
      completions: [],
      recordedAt: ctx.now().toISOString(),
      walk: opts.walk !== undefined ? { date, minutes: opts.walk } : null,
      ...(opts.unwell ? { unwell: date } : {}),
    });
    const net = safetyNetFor(ctx, intake, result);
    if (ctx.json) ctx.out(JSON.stringify({ ...logJson(date, result), unwell: opts.unwell === true, safetyNet: net }, null, 2));
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
  let feedback: LogWrite['feedback'] = [];
  let walk: number | null = opts.walk ?? null;
  let unwell = false;
  if (opts.interactive) {
    const p = await ctx.prompter();
    const answers = await askLog(ctx, session, p);
    checkin = { date, ...answers.checkin };
    completions = answers.done ? session.exercises.map((e) => ({ date, exerciseId: e.id, done: answers.done!.has(e.id), minutes: plannedMinutes(e) })) : [];
    feedback = answers.feedback.map((f) => ({ date, ...f }));
    walk = answers.walk;
    unwell = answers.unwell;
    // Once a week, the PEG questions and the goals re-rated (issue 4), saved with the check-in.
    // The intake asked the same questions, so the first offer comes a week after it.
    // Not on an unwell day: the person is told to rest, and the week's answers would not be typical.
    const since = addDays(date, -(WEEKLY_MEASURES_DAYS - 1));
    if (!unwell && facts.intake.date < since && !hasMeasureBetween(ctx.db(true), since, date)) {
      if (await p.confirm('It has been a week: answer the weekly questions too? (about 1 minute)', { default: true })) {
        const { askWeeklyMeasures } = await import('./checkin');
        weekly = { date, ...(await askWeeklyMeasures(p, ctx, facts.intake.answers.goals)) };
      }
    }
  } else {
    completions = completionsFor(opts.done, session, date, facts.completions);
    checkin = checkinFromFlags(opts, date)!;
    feedback = feedbackFor(opts.feedback, session, date);
  }

  const db = ctx.db(true);
  const recordedAt = ctx.now().toISOString();
  // One transaction: the check-in and the weekly answers are saved together or not at all
  // (two entries, so undo removes the weekly answers first, then the check-in).
  // The weekly states reached while building the session are kept first, so the new facts'
  // triggers drop those they change.
  const { result, measure } = db.transaction(() => {
    saveFold(ctx, facts);
    return {
      result: writeLog(db, { checkin, completions, recordedAt, walk: walk !== null ? { date, minutes: walk } : null, feedback, ...(unwell ? { unwell: date } : {}) }),
      measure: weekly ? insertMeasure(db, weekly, recordedAt) : null,
    };
  })();
  const net = safetyNetFor(ctx, facts.intake, result, facts);
  if (ctx.json) ctx.out(JSON.stringify({ ...logJson(date, result), unwell, safetyNet: net }, null, 2));
  else {
    ctx.out(renderLogResult(result, session.exercises, ctx.theme));
    if (unwell) ctx.out(fitScreen(ctx.theme.warn(`  ${SESSION_MESSAGES.unwell}`), ctx.width));
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
