// painfit learn: the lessons themselves (count, length, sources, words), the weekly offer, the
// read status stored as a fact, --json, and bad input. Run `npm run build` first: the end-to-end
// part spawns bin/painfit.js.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/dates';
import {
  LESSON_MAX_MINUTES,
  LESSON_MAX_WORDS,
  LESSONS,
  lessonWordCount,
  nextUnread,
  offeredLesson,
  READING_WORDS_PER_MINUTE,
  readDates,
  readingMinutes,
} from '../src/domain/lessons';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { dbHash, folderSnapshot, query, run, runJson, tempHome, writeJson } from './helpers/cli';

const ids = (ns: number[]) => new Set(ns.map((n) => LESSONS[n - 1]!.id));

describe('the lessons', () => {
  it('are at least 10, each with a unique id and title', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(new Set(LESSONS.map((l) => l.title)).size).toBe(LESSONS.length);
  });

  it.each(LESSONS.map((l, i) => [i + 1, l.title, l] as const))('lesson %i (%s) takes at most 2 minutes to read', (_n, _t, lesson) => {
    expect(LESSON_MAX_MINUTES).toBe(2);
    expect(LESSON_MAX_WORDS).toBe(2 * READING_WORDS_PER_MINUTE);
    const words = lessonWordCount(lesson);
    expect(words).toBeLessThanOrEqual(LESSON_MAX_WORDS);
    expect(words).toBeGreaterThan(100); // a lesson, not a slogan
    expect(readingMinutes(lesson)).toBeLessThanOrEqual(LESSON_MAX_MINUTES);
  });

  it.each(LESSONS.map((l, i) => [i + 1, l.title, l] as const))('lesson %i (%s) names its sources, each with a year', (_n, _t, lesson) => {
    expect(lesson.sources.length).toBeGreaterThanOrEqual(1);
    // Every source names an author, guideline or programme and a year, or an organisation's guidance.
    for (const s of lesson.sources) expect(s, s).toMatch(/\b(19|20)\d\d\b|NHS|Foundation/);
  });

  it.each(LESSONS.map((l, i) => [i + 1, l.title, l] as const))('lesson %i (%s) never promises a cure and speaks plainly', (_n, _t, lesson) => {
    const text = [lesson.title, ...lesson.body].join(' ');
    for (const promise of [/\bcure[sd]?\b/i, /\bguarantee/i, /\bfix(es|ed)? (your|the) pain/i, /\bget rid of\b/i, /\bpain will (go|disappear|vanish)/i, /\bmiracle\b/i]) {
      expect(text, String(promise)).not.toMatch(promise);
    }
    // No sentence longer than about 45 words: plain words for someone tired or in pain.
    for (const sentence of text.split(/[.!?:;]\s/)) expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(45);
  });

  it('the lesson on getting help names the emergency signs of clinical-rules §1b', () => {
    const help = LESSONS.find((l) => l.id === 'seek-help')!;
    const text = help.body.join(' ');
    for (const sign of ['bladder', 'numbness', 'both legs', 'temple', 'emergency']) expect(text).toContain(sign);
  });
});

describe('one lesson offered each week', () => {
  it.each([
    ['week 1, nothing read', [], 1, 1],
    ['week 1, lesson 1 read', [1], 1, null],
    ['week 2, lesson 1 read', [1], 2, 2],
    ['week 3, nothing read: catch up from lesson 1', [], 3, 1],
    ['week 3, read 1 and 3 ahead: lesson 2 is due', [1, 3], 3, 2],
    ['week 2, read 1-5 ahead: nothing pushed', [1, 2, 3, 4, 5], 2, null],
    ['week 40, all read', LESSONS.map((_, i) => i + 1), 40, null],
    ['week 40, all but the last read', LESSONS.slice(0, -1).map((_, i) => i + 1), 40, LESSONS.length],
    ['week 0 (before the plan)', [], 0, null],
  ] as const)('%s → %s', (_name, read, week, expected) => {
    expect(offeredLesson(ids([...read]), week)).toBe(expected);
  });

  it('the next unread is the first one not read, whatever the week', () => {
    expect(nextUnread(ids([]))).toBe(1);
    expect(nextUnread(ids([1, 2, 4]))).toBe(3);
    expect(nextUnread(ids(LESSONS.map((_, i) => i + 1)))).toBeNull();
  });

  it('read status on a date counts only reads on or before it, with the first date', () => {
    const reads = [
      { lessonId: 'pacing', date: '2026-11-05' },
      { lessonId: 'pacing', date: '2026-11-03' },
      { lessonId: 'sleep', date: '2026-11-09' },
    ];
    expect([...readDates(reads, '2026-11-08')]).toEqual([['pacing', '2026-11-03']]);
    expect(readDates(reads, '2026-11-02').size).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

const START = '2026-11-02'; // a Monday

function intakeHome(): string {
  const home = tempHome();
  const r = run(['intake', '--answers', writeJson(path.dirname(home), 'a.json', INTAKE_TEMPLATE), '--date', START], { home });
  expect(r.code, r.stderr).toBe(0);
  return home;
}

describe('painfit learn end to end', () => {
  it('lists the lessons without creating a data folder, and suggests lesson 1', () => {
    const home = tempHome();
    const r = run(['learn'], { home, env: { COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`0 of ${LESSONS.length} read`);
    for (const l of LESSONS) expect(r.stdout.replace(/\s+/g, ' ')).toContain(l.title);
    expect(r.stdout).toContain('Next: painfit learn 1');
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(fs.existsSync(home)).toBe(false);
  });

  it('learn N shows the lesson with its sources and stores it as read on the date; the list and --json agree', () => {
    const home = intakeHome();
    const r = run(['learn', '3', '--date', '2026-11-04'], { home, env: { COLUMNS: '72' } });
    expect(r.code, r.stderr).toBe(0);
    const pacing = LESSONS[2]!;
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain(`Lesson 3 of ${LESSONS.length}: ${pacing.title}`);
    expect(flat).toContain(pacing.sources[0]!);
    expect(flat).toContain('Next lesson: painfit learn 1');
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(72);
    expect(query(home, 'SELECT lesson_id, date FROM lesson_reads')).toEqual([{ lesson_id: 'pacing', date: '2026-11-04' }]);

    const list = runJson(['learn', '--date', '2026-11-05'], { home });
    expect(list.code).toBe(0);
    expect(list.json.lessons).toHaveLength(LESSONS.length);
    expect(list.json.lessons[2]).toMatchObject({ number: 3, id: 'pacing', read: true, readOn: '2026-11-04' });
    expect(list.json.lessons.filter((l: { read: boolean }) => l.read)).toHaveLength(1);
    expect(list.json.next).toBe(1);
    // As of a day before it was read, it is not read yet.
    expect(runJson(['learn', '--date', '2026-11-03'], { home }).json.lessons[2].read).toBe(false);
    const text = run(['learn', '--date', '2026-11-05'], { home }).stdout;
    expect(text).toMatch(/✓\s+3\s+Pacing/);
    expect(text).toContain(`1 of ${LESSONS.length} read`);

    const one = runJson(['learn', '1', '--date', '2026-11-05'], { home });
    expect(one.json).toMatchObject({ number: 1, id: LESSONS[0]!.id, read: true, readOn: '2026-11-05', next: 2 });
    expect(one.json.body).toEqual(LESSONS[0]!.body);
    expect(one.json.sources).toEqual(LESSONS[0]!.sources);
  });

  it('today offers one lesson a week: a line on the screen and `lesson` in --json', () => {
    const home = intakeHome();
    const lessonOn = (date: string) => runJson(['today', '--date', date], { home }).json.lesson;
    expect(lessonOn(START)).toBe(1);
    const screen = run(['today', '--date', START], { home, env: { COLUMNS: '80' } }).stdout;
    // One line, within the width (a usual session must still fit 80 × 24).
    const offer = screen.split('\n').filter((l) => l.includes('painfit learn'));
    expect(offer).toEqual([`Lesson: ${LESSONS[0]!.title} (painfit learn 1, 2 min)`]);
    expect(offer[0]!.length).toBeLessThanOrEqual(80);

    expect(run(['learn', '1', '--date', '2026-11-03'], { home }).code).toBe(0);
    expect(lessonOn('2026-11-03')).toBe(null); // week 1's lesson is read
    expect(run(['today', '--date', '2026-11-03'], { home }).stdout).not.toContain("This week's lesson");
    expect(lessonOn(START)).toBe(1); // as of the day before it was read
    expect(lessonOn(addDays(START, 7))).toBe(2); // week 2
    expect(lessonOn(addDays(START, 21))).toBe(2); // week 4, lesson 2 still unread: caught up first
    expect(run(['learn', '2', '--date', '2026-11-24'], { home }).code).toBe(0);
    expect(lessonOn('2026-11-24')).toBe(3);
  });

  it.each([['0'], ['99'], ['abc'], ['1.5'], ['-1'], [' ']])('learn %j: exit 2, the range named, nothing written', (value) => {
    const home = intakeHome();
    const hash = dbHash(home);
    const before = folderSnapshot(home);
    const r = run(['learn', '--', value], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`from 1 to ${LESSONS.length}`);
    expect(r.stderr).toContain('painfit learn');
    expect(dbHash(home)).toBe(hash);
    expect(folderSnapshot(home)).toEqual(before);
  });

  it('a future --date is refused for reading (exit 2, nothing written), but listing is fine', () => {
    const home = intakeHome();
    const hash = dbHash(home);
    const future = addDays(new Date().toISOString().slice(0, 10), 3);
    const r = run(['learn', '2', '--date', future, '--json'], { home });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr).error.code).toBe('FUTURE_DATE');
    expect(dbHash(home)).toBe(hash);
    expect(runJson(['learn', '--date', future], { home }).code).toBe(0);
  });
});
