// painfit learn: the list of lessons with their read status, and one lesson in full.
// Renderers return strings, wrapped between words to the terminal's width.
import { formatDate, type IsoDate } from '../domain/dates';
import { type Lesson, LESSONS, readingMinutes } from '../domain/lessons';
import { DISCLAIMER, plural, terminalWidth, wrap } from './format';
import type { Theme } from './theme';

const shortDate = (d: IsoDate) => formatDate(d).replace(/ \d{4}$/, '');

export function renderLessonList(read: ReadonlyMap<string, IsoDate>, next: number | null, theme: Theme, width = terminalWidth()): string {
  const done = LESSONS.filter((l) => read.has(l.id)).length;
  const lines = [theme.heading(`painfit's lessons: ${done} of ${LESSONS.length} read`), theme.muted('Each takes about 2 minutes. One is offered each week in painfit today.'), ''];
  LESSONS.forEach((l, i) => {
    const when = read.get(l.id);
    const mark = when ? theme.good('✓') : ' ';
    const number = String(i + 1).padStart(2);
    const status = when ? theme.muted(` (read ${shortDate(when)})`) : '';
    // Wrap the plain text, then colour: colour codes would count as width.
    const plain = wrap(`${l.title}${when ? ` (read ${shortDate(when)})` : ''}`, width - 6, '      ');
    lines.push(`${mark} ${number}  ${when ? plain.replace(` (read ${shortDate(when)})`, status) : plain}`);
  });
  lines.push('');
  if (next === null) lines.push('You have read every lesson. Any of them again: painfit learn N.');
  else lines.push(wrap(`Next: painfit learn ${next} (${LESSONS[next - 1]!.title}).`, width));
  return lines.join('\n');
}

export function renderLesson(lesson: Lesson, number: number, next: number | null, theme: Theme, width = terminalWidth()): string {
  const minutes = readingMinutes(lesson);
  const lines = [
    theme.heading(wrap(`Lesson ${number} of ${LESSONS.length}: ${lesson.title}`, width)),
    theme.muted(`About ${plural(minutes, 'minute')} to read.`),
  ];
  for (const p of lesson.body) lines.push('', wrap(p, width));
  lines.push('', theme.muted(wrap(`Sources: ${lesson.sources.join('; ')}.`, width, '  ')));
  lines.push('', next === null ? 'You have read every lesson.' : wrap(`Next lesson: painfit learn ${next} (${LESSONS[next - 1]!.title}).`, width));
  lines.push(theme.muted(DISCLAIMER));
  return lines.join('\n');
}

/**
 * The one line painfit today adds in a week with a lesson to offer: the title when it fits the
 * width, else just the command (a usual session must still fit 80 × 24).
 */
export function lessonOfferLine(number: number, theme: Theme, width = terminalWidth()): string {
  const lesson = LESSONS[number - 1]!;
  const minutes = `${readingMinutes(lesson)} min`;
  const full = `This week's lesson: ${lesson.title} (painfit learn ${number}, ${minutes})`;
  const short = `Lesson: ${lesson.title} (painfit learn ${number}, ${minutes})`;
  return theme.accent(full.length <= width ? full : short.length <= width ? short : `This week's lesson (${minutes} to read): painfit learn ${number}`);
}
