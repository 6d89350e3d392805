// Parsing `painfit log` flags into a typed options object: all validation happens here.
import { NOTE_MAX_LENGTH, NOTE_RULE } from '../../domain/facts';
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

export function parseLogOptions(raw: RawLogFlags): LogOptions {
  const given = Object.values(raw).some((v) => v !== undefined);
  const opts: LogOptions = { interactive: !given };
  if (raw.pain !== undefined) opts.pain = parseScore('--pain', raw.pain);
  if (raw.done !== undefined) opts.done = parseDone(raw.done);
  if (raw.during !== undefined) opts.during = parseScore('--during', raw.during);
  if (raw.effort !== undefined) opts.effort = parseScore('--effort', raw.effort);
  if (raw.sleep !== undefined) opts.sleep = parseScore('--sleep', raw.sleep);
  if (raw.note !== undefined) opts.note = parseNote(raw.note);
  if (raw.unwell === true) {
    opts.unwell = true;
    if (opts.done !== undefined || opts.during !== undefined || opts.effort !== undefined) {
      throw new UsageError(
        '--unwell makes the day a rest day with no session, so it cannot go with --done, --during or --effort. Give --unwell alone, or with --pain, --sleep or --note, for example: painfit log --unwell --pain 5.',
        'UNWELL_WITH_SESSION',
      );
    }
    return opts;
  }
  if (given && opts.pain === undefined) {
    throw new UsageError('painfit log needs --pain <0-10> (your pain right now) whenever other answers are given as flags, for example: painfit log --pain 3 --done all.', 'MISSING_PAIN');
  }
  return opts;
}
