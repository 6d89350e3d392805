// painfit exercises [text] [--type T] [--region R]; painfit exercises show ID.
import { limitsOf, unfitReason } from '../../domain/eligibility';
import type { Exercise } from '../../domain/exercise';
import { buildWeek, type SessionExercise } from '../../domain/session';
import { intakeAsOf } from '../../store/intakes';
import { EXERCISE_TYPES, REGIONS, type ExerciseType, type Region } from '../../domain/vocab';
import { UsageError } from '../../errors';
import { readLibrary } from '../../store/library';
import { renderExerciseDetail, renderExerciseList } from '../../ui/exercises';
import type { Context } from '../context';
import { answersInForce, loadDayFacts } from '../day';
import { editDistanceUpTo } from '../suggest';

export interface ExercisesOptions {
  type?: ExerciseType;
  region?: Region;
  text?: string;
}

export function parseExercisesOptions(raw: { type?: string; region?: string }, text: string | undefined): ExercisesOptions {
  const opts: ExercisesOptions = {};
  if (raw.type !== undefined) {
    if (!(EXERCISE_TYPES as readonly string[]).includes(raw.type)) {
      throw new UsageError(`--type ${JSON.stringify(raw.type)} is not a type of exercise; use one of ${EXERCISE_TYPES.join(', ')}.`, 'BAD_TYPE');
    }
    opts.type = raw.type as ExerciseType;
  }
  if (raw.region !== undefined) {
    if (!(REGIONS as readonly string[]).includes(raw.region)) {
      throw new UsageError(`--region ${JSON.stringify(raw.region)} is not a body region; use one of ${REGIONS.join(', ')}.`, 'BAD_REGION');
    }
    opts.region = raw.region as Region;
  }
  if (text !== undefined && text.trim() !== '') opts.text = text.trim().toLowerCase();
  return opts;
}

export function filterExercises(library: readonly Exercise[], opts: ExercisesOptions): Exercise[] {
  return library.filter(
    (e) =>
      (!opts.type || e.type === opts.type) &&
      (!opts.region || e.regions.includes(opts.region)) &&
      (!opts.text || `${e.id} ${e.name} ${e.purpose}`.toLowerCase().includes(opts.text)),
  );
}

export async function runExercises(opts: ExercisesOptions, ctx: Context): Promise<void> {
  const found = filterExercises(readLibrary(), opts);
  if (ctx.json) {
    ctx.out(JSON.stringify({ exercises: found }, null, 2));
    return;
  }
  if (found.length === 0) {
    ctx.err('No exercises match. Try fewer filters, or painfit exercises to see them all.');
    return;
  }
  await ctx.page(renderExerciseList(found, ctx.theme, ctx.width));
  ctx.err(ctx.theme.muted(`${found.length} exercise${found.length === 1 ? '' : 's'}. Details: painfit exercises show ID`));
}

/** The exercise with this id, or a usage error suggesting close ids. */
export function findExercise(library: readonly Exercise[], id: string, flag = 'exercise'): Exercise {
  const ex = library.find((e) => e.id === id);
  if (ex) return ex;
  const needle = id.toLowerCase();
  // Typos first (closest edit distance), then ids sharing a word with what was typed.
  const typoLimit = Math.max(2, Math.floor(needle.length / 4));
  const typos = library
    .map((e) => ({ id: e.id, d: editDistanceUpTo(needle, e.id, typoLimit) }))
    .filter((x) => x.d <= typoLimit)
    .sort((a, b) => a.d - b.d)
    .map((x) => x.id);
  const sharing = library
    .filter((e) => e.id.includes(needle) || needle.split('-').some((w) => w.length > 2 && e.id.includes(w)))
    .map((e) => e.id);
  const close = [...new Set([...typos, ...sharing])].slice(0, 5);
  throw new UsageError(
    `there is no ${flag} with the id ${JSON.stringify(id)}.` +
      (close.length ? ` Did you mean: ${close.join(', ')}?` : '') +
      ' painfit exercises lists every id.',
    'UNKNOWN_EXERCISE',
  );
}

/** The person's own view of an exercise: their current dose (if it is in the week ahead) and whether it fits them. */
export interface ExerciseForYou {
  /** The dose as the next session that holds it shows it, or null when it is not in the week ahead. */
  dose: SessionExercise | null;
  /** Why it does not fit you (eligibility.ts), or null. */
  notForYou: string | null;
}

function forYou(ex: Exercise, ctx: Context): ExerciseForYou | null {
  const db = ctx.db(false);
  if (!db || !intakeAsOf(db, ctx.today)) return null; // no intake yet: the library view only
  const facts = loadDayFacts(ctx, ctx.today);
  const dose = buildWeek(facts).flatMap((d) => d.exercises).find((e) => e.id === ex.id && !e.optional) ?? null;
  return { dose, notForYou: unfitReason(ex, limitsOf(answersInForce(facts), facts.screening.maxEffort)) };
}

export async function runExerciseShow(id: string, ctx: Context): Promise<void> {
  const library = readLibrary();
  const ex = findExercise(library, id);
  const you = forYou(ex, ctx);
  if (ctx.json) {
    ctx.out(JSON.stringify(you ? { ...ex, you } : ex, null, 2));
    return;
  }
  ctx.out(renderExerciseDetail(ex, library, ctx.theme, ctx.width, you));
}
