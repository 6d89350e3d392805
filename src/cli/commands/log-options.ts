// Parsing `painfit log` flags into a typed options object: all validation happens here.
import { FEEDBACK_ANSWERS, type FeedbackAnswer, NOTE_MAX_LENGTH, NOTE_RULE, WALK_MINUTES_MAX, WALK_MINUTES_MIN } from '../../domain/facts';
import { textProblem } from '../../domain/text';
import { UsageError } from '../../errors';

export { cleanNote, NOTE_MAX_LENGTH } from '../../domain/facts';

export type DoneSpec = { kind: 'all' } | { kind: 'none' } | { kind: 'ids'; ids: string[] };

export interface LogOptions {
  /** True when no answer flag was given: ask on the terminal. */
  interactive: boolean;
  pain?: number;
  done?: DoneSpec;
  during?: number;
  effort?: number;
  sleep?: number;
  note?: string;
  /** The walking track: whole minutes walked (log --walk). */
  walk?: number;
  /** How exercises felt (log --feedback ID=easy|right|hard|hurt,…). */
  feedback?: { exerciseId: string; answer: FeedbackAnswer }[];
  /** `--unwell`: a cold, fever or infection; no session that day (pain is then optional). */
  unwell?: boolean;
}

export interface RawLogFlags {
  pain?: string;
  done?: string;
  during?: string;
  effort?: string;
  sleep?: string;
  note?: string;
  walk?: string;
  feedback?: string;
  unwell?: boolean;
}


const SCORE_MEANING: Record<string, string> = {
  '--pain': 'your pain right now: 0 no pain, 10 worst imaginable',
  '--during': 'the worst pain during exercise: 0-10',
  '--effort': 'how hard it felt: 0 nothing at all, 10 maximal',
  '--sleep': 'how well you slept over the past week: 0 very badly, 10 very well',
};

/** Scores are whole numbers 0-10 (design.md). */
export function parseScore(flag: string, value: string): number {
  const trimmed = value.trim();
  if (!/^\d{1,2}$/.test(trimmed) || Number(trimmed) > 10) {
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is not accepted: give a whole number from 0 to 10 (${SCORE_MEANING[flag] ?? '0-10'}), for example ${flag} 3.`,
      'BAD_SCORE',
    );
  }
  return Number(trimmed);
}

export function parseDone(value: string): DoneSpec {
  const v = value.trim().toLowerCase();
  if (v === 'all') return { kind: 'all' };
  if (v === 'none') return { kind: 'none' };
  const ids = v.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0 || ids.some((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))) {
    throw new UsageError(
      `--done ${JSON.stringify(value)} is not accepted: use all, none, or exercise ids separated by commas (see painfit today for today's ids), for example --done sit-to-stand,heel-raises.`,
      'BAD_DONE',
    );
  }
  return { kind: 'ids', ids: [...new Set(ids)] };
}

export function parseNote(value: string): string {
  const note = value.trim();
  const problem = textProblem(note, NOTE_RULE);
  if (problem) throw new UsageError(`--note ${problem}. A note is plain text of up to ${NOTE_MAX_LENGTH} characters.`, 'BAD_NOTE');
  return note;
}

/** --walk: whole minutes of the walking track. */
export function parseWalk(value: string): number {
  const trimmed = value.trim();
  const n = Number(trimmed);
  if (!/^\d{1,3}$/.test(trimmed) || n < WALK_MINUTES_MIN || n > WALK_MINUTES_MAX) {
    throw new UsageError(
      `--walk ${JSON.stringify(value)} is not accepted: give the minutes you walked as a whole number from ${WALK_MINUTES_MIN} to ${WALK_MINUTES_MAX}, for example --walk 15.`,
      'BAD_WALK',
    );
  }
  return n;
}

const FEEDBACK_EXAMPLE = '--feedback sit-to-stand=easy,heel-raise=hurt';

/** --feedback ID=easy|right|hard|hurt[,ID=…]: one answer per exercise. */
export function parseFeedback(value: string): { exerciseId: string; answer: FeedbackAnswer }[] {
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean);
  const out: { exerciseId: string; answer: FeedbackAnswer }[] = [];
  const seen = new Set<string>();
  const bad = (why: string) =>
    new UsageError(
      `--feedback ${JSON.stringify(value)} is not accepted: ${why}. Give exercise ids from the day's session, each with how it felt (${FEEDBACK_ANSWERS.join(', ')}), for example ${FEEDBACK_EXAMPLE}.`,
      'BAD_FEEDBACK',
    );
  if (parts.length === 0) throw bad('it names no exercise');
  for (const part of parts) {
    const m = /^([a-z0-9]+(?:-[a-z0-9]+)*)=([a-z]+)$/.exec(part.toLowerCase());
    if (!m) throw bad(`${JSON.stringify(part)} is not ID=answer`);
    const [, exerciseId, answer] = m as unknown as [string, string, string];
    if (!(FEEDBACK_ANSWERS as readonly string[]).includes(answer)) throw bad(`${JSON.stringify(answer)} is not one of ${FEEDBACK_ANSWERS.join(', ')}`);
    if (seen.has(exerciseId)) throw bad(`${exerciseId} is named twice`);
    seen.add(exerciseId);
    out.push({ exerciseId, answer: answer as FeedbackAnswer });
  }
  return out;
}

export function parseLogOptions(raw: RawLogFlags): LogOptions {
  const given = Object.values(raw).some((v) => v !== undefined);
  const opts: LogOptions = { interactive: !given };
  if (raw.pain !== undefined) opts.pain = parseScore('--pain', raw.pain);
  if (raw.done !== undefined) opts.done = parseDone(raw.done);
  if (raw.during !== undefined) opts.during = parseScore('--during', raw.during);
  if (raw.effort !== undefined) opts.effort = parseScore('--effort', raw.effort);
  if (raw.sleep !== undefined) opts.sleep = parseScore('--sleep', raw.sleep);
  if (raw.note !== undefined) opts.note = parseNote(raw.note);
  if (raw.walk !== undefined) opts.walk = parseWalk(raw.walk);
  if (raw.feedback !== undefined) opts.feedback = parseFeedback(raw.feedback);
  if (raw.unwell === true) {
    opts.unwell = true;
    if (opts.done !== undefined || opts.during !== undefined || opts.effort !== undefined || opts.feedback !== undefined) {
      throw new UsageError(
        '--unwell makes the day a rest day with no session, so it cannot go with --done, --during or --effort. Give --unwell alone, or with --pain, --sleep or --note, for example: painfit log --unwell --pain 5.',
        'UNWELL_WITH_SESSION',
      );
    }
    return opts;
  }
  if (given && opts.pain === undefined) {
    throw new UsageError('painfit log needs --pain <0-10> (your pain right now) whenever other answers are given as flags, for example: painfit log --pain 3 --done all --walk 15.', 'MISSING_PAIN');
  }
  return opts;
}
