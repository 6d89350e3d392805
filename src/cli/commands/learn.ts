// painfit learn [N]: the lessons (clinical-rules §8). No argument lists them with read status and
// names the next unread one; N shows lesson N and records that it was read on the date (--date).
import { type Lesson, LESSONS, lessonByNumber, nextUnread, readDates, readingMinutes } from '../../domain/lessons';
import { UsageError } from '../../errors';
import { insertLessonRead, lessonReadsUpTo } from '../../store/lessons';
import type { Context } from '../context';
import { startRecording } from '../day';

export type LearnOptions = { mode: 'list' } | { mode: 'show'; number: number; lesson: Lesson };

export function parseLearnOptions(arg: string | undefined): LearnOptions {
  if (arg === undefined) return { mode: 'list' };
  const trimmed = arg.trim();
  const n = Number(trimmed);
  const lesson = /^\d{1,3}$/.test(trimmed) ? lessonByNumber(n) : undefined;
  if (!lesson) {
    throw new UsageError(
      `there is no lesson ${JSON.stringify(arg)}: give a lesson number from 1 to ${LESSONS.length}, for example painfit learn 1. painfit learn lists them all.`,
      'BAD_LESSON',
    );
  }
  return { mode: 'show', number: n, lesson };
}

function lessonJson(l: Lesson, number: number, readOn: string | null) {
  return { number, id: l.id, title: l.title, minutes: readingMinutes(l), read: readOn !== null, readOn, sources: [...l.sources] };
}

export async function runLearn(opts: LearnOptions, ctx: Context): Promise<void> {
  const { renderLesson, renderLessonList } = await import('../../ui/lessons');
  if (opts.mode === 'list') {
    const db = ctx.db(false);
    const read = readDates(db ? lessonReadsUpTo(db, ctx.today) : [], ctx.today);
    const next = nextUnread(new Set(read.keys()));
    if (ctx.json) {
      ctx.out(JSON.stringify({ date: ctx.today, lessons: LESSONS.map((l, i) => lessonJson(l, i + 1, read.get(l.id) ?? null)), next }, null, 2));
    } else ctx.out(renderLessonList(read, next, ctx.theme, ctx.width));
    return;
  }

  const date = await startRecording(ctx, { command: 'painfit learn', verb: 'record a lesson as read on', interactive: false, flagsInstead: '' });
  const db = ctx.db(true);
  insertLessonRead(db, { lessonId: opts.lesson.id, date }, ctx.now().toISOString());
  const read = readDates(lessonReadsUpTo(db, date), date);
  const next = nextUnread(new Set(read.keys()));
  if (ctx.json) ctx.out(JSON.stringify({ ...lessonJson(opts.lesson, opts.number, read.get(opts.lesson.id) ?? date), body: [...opts.lesson.body], next }, null, 2));
  else ctx.out(renderLesson(opts.lesson, opts.number, next, ctx.theme, ctx.width));
}
