// painfit start: the day's session, guided one exercise at a time on the terminal. Timers count on
// the monotonic clock (src/cli/app.ts) and the process sleeps between screen updates; keys arrive
// in raw mode. Nothing is saved until the end, and then exactly as `painfit log` saves.
import { formatDate } from '../../domain/dates';
import type { Completion } from '../../domain/facts';
import {
  DEFAULT_FEEDBACK,
  easierForToday,
  FEEDBACK,
  FEEDBACK_WORDS,
  guidedSteps,
  PRE_SESSION_CHOICES,
  PRE_SESSION_QUESTION,
  PRE_SESSION_REASONS,
  preSessionNote,
  toGuided,
  type Feedback,
  type GuidedExercise,
  type GuidedStep,
  type PreSessionReason,
} from '../../domain/guided';
import { indexLibrary } from '../../domain/plan';
import { preSessionDecision } from '../../domain/screening';
import { buildSession } from '../../domain/session';
import { CancelledError, EXIT, ExitWith, UsageError } from '../../errors';
import { writeLog, type NewCheckin } from '../../store/facts';
import { plannedMinutes } from './log';
import { renderLogResult } from '../../ui/log';
import { clockText, keysLine, plainStepLine, renderExerciseCard, renderIntro, renderSummary, stepLine } from '../../ui/guided';
import { renderSession } from '../../ui/session';
import { wrapText } from '../../ui/width';
import type { Key } from '../app';
import type { Context } from '../context';
import { answersInForce, loadDayFacts, startRecording } from '../day';
import { nextSessionDate } from './today';

export interface StartOptions {
  /** No redraws: one line per step (screen readers, logs). */
  plain: boolean;
  /** A terminal bell when each timer ends. */
  bell: boolean;
}

export function parseStartOptions(raw: Record<string, unknown>): StartOptions {
  return { plain: raw.plain === true, bell: raw.bell === true };
}

const LOG_INSTEAD = 'Record the session with painfit log instead, for example: painfit log --pain 3 --done all --during 2 --effort 3.';

// Terminal control, used only when not --plain.
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const CLEAR_SCREEN = '\x1b[2J\x1b[H';
const CLEAR_LINE = '\r\x1b[2K';
const BELL = '\x07';

type StepOutcome = 'done' | 'skip' | 'easier' | 'stop';

/** Key presses as a queue the session awaits, with an optional time limit on each wait. */
class KeyQueue {
  private queue: Key[] = [];
  private waiting: ((key: Key | null) => void) | null = null;
  readonly stop: () => void;

  constructor(private readonly ctx: Context) {
    let stopped = false;
    const stopListening = ctx.app.input.listen((key) => {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(key);
      } else this.queue.push(key);
    });
    // Hands the terminal back once, whichever way the session ends.
    this.stop = () => {
      if (stopped) return;
      stopped = true;
      stopListening();
    };
  }

  /** The next key, or null when `ms` passes first (no limit when undefined). Ctrl-C cancels at once. */
  async next(ms?: number): Promise<Key | null> {
    const key = this.queue.length ? this.queue.shift()! : await this.wait(ms);
    if (key === 'ctrl-c') throw new CancelledError();
    return key;
  }

  /** The next key, however long it takes. */
  async key(): Promise<Key> {
    return (await this.next()) as Key;
  }

  private wait(ms: number | undefined): Promise<Key | null> {
    return new Promise((resolve) => {
      let cancelTimer = () => {};
      this.waiting = (key) => {
        cancelTimer();
        resolve(key);
      };
      if (ms !== undefined) {
        cancelTimer = this.ctx.clock.setTimer(ms, () => {
          this.waiting = null;
          resolve(null);
        });
      }
    });
  }
}

interface Io {
  write(text: string): void;
  /** A whole line (or lines), fitted to the width. */
  say(text: string): void;
  plain: boolean;
}

async function askYesNo(keys: KeyQueue, io: Io, question: string): Promise<boolean> {
  io.say(`${question}`);
  io.write(io.plain ? 'Type y or n: ' : 'y / n: ');
  for (;;) {
    const k = await keys.key();
    if (k === 'y' || k === 'n') {
      io.write(`${k === 'y' ? 'yes' : 'no'}\n`);
      return k === 'y';
    }
  }
}

async function askNumber(keys: KeyQueue, io: Io, question: string, min: number, max: number): Promise<number> {
  io.say(question);
  let typed = '';
  io.write('> ');
  for (;;) {
    const k = await keys.key();
    if (/^[0-9]$/.test(k) && typed.length < 2) {
      typed += k;
      io.write(k);
    } else if (k === 'backspace' && typed) {
      typed = typed.slice(0, -1);
      io.write('\b \b');
    } else if (k === 'enter') {
      const n = Number(typed);
      if (typed !== '' && Number.isInteger(n) && n >= min && n <= max) {
        io.write('\n');
        return n;
      }
      io.write('\n');
      io.say(`Please type a whole number from ${min} to ${max}, then Enter.`);
      typed = '';
      io.write('> ');
    }
  }
}

async function askChoice<T>(keys: KeyQueue, io: Io, question: string, choices: readonly { value: T; words: string }[], def?: T): Promise<T> {
  io.say(question);
  const list = choices.map((c, i) => `${i + 1} ${c.words}${def !== undefined && c.value === def ? ' (Enter)' : ''}`).join(' · ');
  io.say(list);
  for (;;) {
    const k = await keys.key();
    const n = Number(k);
    const picked = k === 'enter' && def !== undefined ? choices.find((c) => c.value === def) : Number.isInteger(n) && n >= 1 ? choices[n - 1] : undefined;
    if (picked) {
      io.say(`→ ${picked.words}`);
      return picked.value;
    }
  }
}

/** Runs one step: counts down (or paces) on the monotonic clock until it ends, or a key ends it. */
async function runStep(ctx: Context, keys: KeyQueue, io: Io, step: GuidedStep, opts: StartOptions): Promise<StepOutcome> {
  const theme = ctx.theme;
  const clock = ctx.clock;
  const total = step.kind === 'reps' ? step.reps * step.secondsPerRep * 1000 : step.seconds * 1000;
  const started = clock.monotonicMs();
  let endAt = started + total;
  let pausedFor = 0;
  if (io.plain) io.say(plainStepLine(step));
  let shown = '';
  const draw = (line: string) => {
    if (io.plain || line === shown) return;
    shown = line;
    io.write(`${CLEAR_LINE}${line}`);
  };
  const finish = (outcome: StepOutcome) => {
    if (!io.plain) io.write('\n');
    return outcome;
  };
  for (;;) {
    const now = clock.monotonicMs();
    const left = endAt - now;
    const elapsed = now - started - pausedFor;
    if (left <= 0) {
      if (opts.bell && step.kind !== 'rest') io.write(BELL);
      if (io.plain) io.say(step.kind === 'rest' ? 'Rest over.' : `${step.label}: time.`);
      return finish('done');
    }
    draw(stepLine(step, elapsed, left, false, theme));
    // Sleep until the shown second (or rep, or breath) changes: the next whole second of time
    // left, measured from the fixed end on the monotonic clock, so waits never add up to drift.
    const untilNextSecond = left - Math.floor((left - 1) / 1000) * 1000;
    const key = await keys.next(Math.max(1, untilNextSecond));
    if (key === null) continue;
    if (key === 'enter') {
      if (io.plain) io.say(`${step.label}: done.`);
      return finish('done');
    }
    if (key === 's') return finish('skip');
    if (key === 'e') return finish('easier');
    if (key === 'q') return finish('stop');
    if (key === 'space') {
      const pausedAt = clock.monotonicMs();
      draw(stepLine(step, elapsed, left, true, theme));
      if (io.plain) io.say('Paused. Press space to go on.');
      let resume: Key | null = null;
      while (resume === null) {
        const k = await keys.key();
        if (k === 'space' || k === 'enter' || k === 's' || k === 'e' || k === 'q') resume = k;
      }
      const paused = clock.monotonicMs() - pausedAt;
      endAt += paused;
      pausedFor += paused;
      if (io.plain && resume === 'space') io.say('Going on.');
      if (resume === 'enter') return finish('done');
      if (resume === 's') return finish('skip');
      if (resume === 'e') return finish('easier');
      if (resume === 'q') return finish('stop');
    }
  }
}

type ExerciseOutcome = { kind: 'done'; easier: boolean } | { kind: 'skipped' } | { kind: 'stopped' };

async function runExercise(
  ctx: Context,
  keys: KeyQueue,
  io: Io,
  planned: GuidedExercise,
  at: { index: number; total: number; next: string | null },
  lib: ReturnType<typeof indexLibrary>,
  opts: StartOptions,
): Promise<ExerciseOutcome> {
  const width = ctx.width;
  let current = planned;
  let easier = false;
  const makeEasier = (): boolean => {
    const e = easierForToday(current, lib);
    if (!e) {
      io.say('This is already the easiest version: do what you comfortably can, or press s to skip it.');
      return false;
    }
    current = e;
    easier = true;
    return true;
  };
  for (;;) {
    io.write(io.plain ? '\n' : CLEAR_SCREEN); // plain: a blank line between exercises, never a redraw
    io.write(`${renderExerciseCard(current, { ...at, easier }, ctx.theme, width)}\n`);
    io.write(`${keysLine(ctx.theme, width, true)}\n`);
    let k: Key | null = null;
    while (k === null) {
      const key = await keys.key();
      if (key === 'enter' || key === 's' || key === 'e' || key === 'q') k = key;
    }
    if (k === 's') {
      io.say(`Skipped: ${planned.name}.`);
      return { kind: 'skipped' };
    }
    if (k === 'q') return { kind: 'stopped' };
    if (k === 'e') {
      makeEasier();
      continue;
    }
    if (!io.plain) io.write(`${keysLine(ctx.theme, width)}\n`);
    let outcome: StepOutcome = 'done';
    for (const step of guidedSteps(current)) {
      outcome = await runStep(ctx, keys, io, step, opts);
      if (outcome !== 'done') break;
    }
    if (outcome === 'done') return { kind: 'done', easier };
    if (outcome === 'skip') {
      io.say(`Skipped: ${planned.name}.`);
      return { kind: 'skipped' };
    }
    if (outcome === 'stop') return { kind: 'stopped' };
    makeEasier(); // 'easier': show the card again with the easier version (or the same, if none)
  }
}

/** painfit start. */
export async function runStart(opts: StartOptions, ctx: Context): Promise<void> {
  if (ctx.json) throw new UsageError(`painfit start is a guided session on the terminal and has no --json output. ${LOG_INSTEAD}`, 'NOT_A_TERMINAL');
  const date = await startRecording(ctx, { command: 'painfit start', verb: 'start a session on', interactive: false, flagsInstead: LOG_INSTEAD });
  if (!ctx.interactive) {
    throw new UsageError(`painfit start guides a session on a terminal, but this is not an interactive terminal. ${LOG_INSTEAD}`, 'NOT_A_TERMINAL');
  }
  const facts = loadDayFacts(ctx, date);
  const session = buildSession(facts);
  const next = nextSessionDate(date, answersInForce(facts).schedule.days);
  const width = ctx.width;
  if (session.status === 'stop') {
    ctx.out(renderSession(session, ctx.theme, width, next));
    throw new ExitWith(EXIT.notReady, 'SAFETY_STOP', '');
  }
  if (session.exercises.length === 0 || session.status === 'rest') {
    ctx.out(renderSession(session, ctx.theme, width, next));
    ctx.err(wrapText('No guided session today. To record how you are, run painfit log.', width));
    return;
  }

  const lib = indexLibrary(facts.library);
  const io: Io = {
    plain: opts.plain,
    write: (text) => ctx.app.err(text),
    say: (text) => ctx.app.err(`${wrapText(text, width)}\n`),
  };
  const keys = new KeyQueue(ctx);
  if (!opts.plain) io.write(HIDE_CURSOR);
  try {
    io.say(ctx.theme.heading(`Guided session for ${formatDate(date)}`) + (session.status === 'flare' ? ctx.theme.warn(' (flare day: a lighter session)') : ''));
    io.say(ctx.theme.muted('Ctrl-C leaves at any moment without saving.'));
    io.write('\n');

    // 1. The safety question (clinical-rules.md §1d), then pain now.
    const somethingNew = await askYesNo(keys, io, PRE_SESSION_QUESTION);
    let reason: PreSessionReason | null = null;
    if (somethingNew) {
      reason = await askChoice(
        keys,
        io,
        'Which one?',
        PRE_SESSION_REASONS.map((r) => ({ value: r, words: PRE_SESSION_CHOICES[r] })),
      );
    }
    const pain = await askNumber(keys, io, 'How is your pain right now? (0 none, 10 worst imaginable; type it, then Enter)', 0, 10);

    if (reason) {
      // The decision and its advice are issue 8's (domain/screening.ts, clinical-rules §1d).
      const decision = preSessionDecision({ unwell: reason === 'unwell', numbnessOrWeakness: reason === 'numbness', chestPainOrFaint: reason === 'chest' });
      keys.stop();
      if (!opts.plain) io.write(SHOW_CURSOR);
      const checkin: NewCheckin = { date, pain, during: null, effort: null, sleep: null, note: preSessionNote(reason) };
      // Unwell: the day is recorded as an unwell day, exactly as painfit log --unwell does.
      const result = writeLog(ctx.db(true), { checkin, completions: [], recordedAt: ctx.now().toISOString(), ...(decision.unwellDay ? { unwell: date } : {}) });
      io.write('\n');
      const seeClinician = reason !== 'unwell';
      for (const line of decision.advice) io.say(seeClinician ? ctx.theme.warn(line) : line);
      ctx.out(renderLogResult(result, [], ctx.theme, width));
      if (seeClinician) throw new ExitWith(EXIT.notReady, 'SEE_A_CLINICIAN', '');
      return;
    }

    // 2. One exercise at a time.
    if (!opts.plain) io.write('\n');
    io.say(renderIntro(session.exercises.length, session.minutes, ctx.theme, width));
    const results = new Map<string, { done: boolean; feedback: Feedback | null; easier: boolean }>();
    const guided = session.exercises.map((e) => toGuided(e, lib));
    for (const [i, ex] of guided.entries()) {
      const outcome = await runExercise(ctx, keys, io, ex, { index: i + 1, total: guided.length, next: guided[i + 1]?.name ?? null }, lib, opts);
      if (outcome.kind === 'stopped') {
        io.say('Stopping here. What you did is kept.');
        break;
      }
      if (outcome.kind === 'skipped') {
        results.set(ex.id, { done: false, feedback: null, easier: false });
        continue;
      }
      const feedback = await askChoice(
        keys,
        io,
        `How was ${ex.name}?`,
        FEEDBACK.map((f) => ({ value: f, words: FEEDBACK_WORDS[f] })),
        DEFAULT_FEEDBACK,
      );
      results.set(ex.id, { done: true, feedback, easier: outcome.easier });
    }

    // 3. The closing questions, as painfit log asks them.
    if (!opts.plain) io.write(CLEAR_SCREEN);
    const anyDone = [...results.values()].some((r) => r.done);
    let during: number | null = null;
    let effort: number | null = null;
    if (anyDone) {
      during = await askNumber(keys, io, 'What was the worst pain during the exercises? (0-10)', 0, 10);
      effort = await askNumber(keys, io, 'How hard did it feel overall? (0 nothing at all, 10 maximal)', 0, 10);
    }
    keys.stop();
    if (!opts.plain) io.write(SHOW_CURSOR);

    // 4. Saved exactly as painfit log saves: one entry, the check-in and a row per exercise.
    const completions: Completion[] = session.exercises.map((e) => ({ date, exerciseId: e.id, done: results.get(e.id)?.done ?? false, minutes: plannedMinutes(e) }));
    const checkin: NewCheckin = { date, pain, during, effort, sleep: null, note: feedbackNote(session.exercises, results) };
    // Each done exercise's answer is also a fact the weekly review reads (clinical-rules §4).
    const feedback = session.exercises.flatMap((e) => {
      const r = results.get(e.id);
      return r?.done && r.feedback ? [{ date, exerciseId: e.id, answer: r.feedback }] : [];
    });
    const result = writeLog(ctx.db(true), { checkin, completions, recordedAt: ctx.now().toISOString(), feedback });
    ctx.out(renderLogResult(result, session.exercises, ctx.theme, width));
    const done = session.exercises.filter((e) => results.get(e.id)?.done).map((e) => ({ name: e.name, feedback: results.get(e.id)!.feedback }));
    ctx.out(renderSummary(done, next, ctx.theme, width));
  } catch (error) {
    // Ctrl-C: end the line the timer was drawn on, so "Stopped." starts on a line of its own.
    if (error instanceof CancelledError) io.write('\n');
    throw error;
  } finally {
    keys.stop();
    if (!opts.plain) io.write(SHOW_CURSOR);
  }
}

/**
 * The per-exercise feedback, kept with the check-in as a note until per-exercise feedback has
 * its own place in the store (painfit log --feedback). "About right" is the default and not noted.
 */
export function feedbackNote(exercises: readonly { id: string; name: string }[], results: ReadonlyMap<string, { done: boolean; feedback: Feedback | null; easier: boolean }>): string | null {
  const parts = exercises
    .map((e) => ({ e, r: results.get(e.id) }))
    .filter(({ r }) => r?.done && (r.feedback !== DEFAULT_FEEDBACK || r.easier))
    .map(({ e, r }) => `${e.id}=${r!.feedback}${r!.easier ? ' (easier version)' : ''}`);
  return parts.length ? `Guided session feedback: ${parts.join(', ')}` : null;
}

export { clockText };
