// Renderers for the exercise library (strings, tested with colour off).
import Table from 'cli-table3';
import { CAUTION_TEXT, type Exercise } from '../domain/exercise';
import { type DoseFields, doseText, effortWords, terminalWidth } from './format';
import type { Theme } from './theme';
import { wrapLines } from './width';

/** From this width the library is a table with every column; narrower, a list. */
export const LIBRARY_TABLE_MIN_WIDTH = 110;

export function renderExerciseList(list: readonly Exercise[], theme: Theme, width = terminalWidth()): string {
  if (width < LIBRARY_TABLE_MIN_WIDTH) return renderExerciseLines(list, theme, width);
  // The id column fits the longest id, so ids can be copied into show, swap and log --done.
  const idWidth = Math.max(...list.map((e) => e.id.length)) + 2;
  // Type fits "flexibility", Position "standing", Needs "dumbbells" (cells have a space each side).
  const [typeWidth, positionWidth, needsWidth] = [13, 10, 11];
  const fixed = idWidth + typeWidth + positionWidth + needsWidth + 7; // + 7 borders
  const nameWidth = Math.max(18, Math.min(34, width - fixed - 14));
  const table = new Table({
    head: ['id', 'Name', 'Type', 'Position', 'Needs', 'Helps'].map((h) => theme.heading(h)),
    colWidths: [idWidth, nameWidth, typeWidth, positionWidth, needsWidth, Math.max(14, width - nameWidth - fixed)],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const e of list) {
    table.push([e.id, e.name, e.type, e.position, e.equipment.join(', ') || '-', e.regions.join(', ')]);
  }
  return table.toString();
}

/** Narrower than a table: each exercise as its id, then its name and facts, wrapped under it. */
export function renderExerciseLines(list: readonly Exercise[], theme: Theme, width: number): string {
  const lines: string[] = [];
  for (const e of list) {
    const needs = e.equipment.length ? `needs ${e.equipment.join(', ')}` : 'no equipment';
    lines.push(...wrapLines(`${theme.heading(e.id)}  ${e.name}`, width, { indent: '    ' }));
    lines.push(...wrapLines(theme.muted(`${e.type} · ${e.position} · ${needs} · helps ${e.regions.join(', ')}`), width, { firstIndent: '    ', indent: '    ' }));
  }
  return lines.join('\n');
}

function ladder(ex: Exercise, library: readonly Exercise[]): string[] {
  const byId = new Map(library.map((e) => [e.id, e]));
  const down: string[] = [];
  for (let e = ex.easier ? byId.get(ex.easier) : undefined; e; e = e.easier ? byId.get(e.easier) : undefined) down.unshift(e.name);
  const up: string[] = [];
  for (let e = ex.harder ? byId.get(ex.harder) : undefined; e; e = e.harder ? byId.get(e.harder) : undefined) up.push(e.name);
  return [...down, `[${ex.name}]`, ...up];
}

export interface ForYou {
  dose: (DoseFields & { effort?: number }) | null;
  notForYou: string | null;
}

export function renderExerciseDetail(ex: Exercise, library: readonly Exercise[], theme: Theme, width = terminalWidth(), you: ForYou | null = null): string {
  const field = (label: string, value: string) => wrapLines(`${theme.muted(label.padEnd(11))}${value}`, width, { indent: ' '.repeat(11) });
  const bullet = (text: string) => wrapLines(text, width, { firstIndent: '  - ', indent: '    ' });
  const lines = [
    ...wrapLines(theme.heading(ex.name) + theme.muted(`  (${ex.id})`), width),
    ...wrapLines(ex.purpose, width),
    '',
    ...field('Type', `${ex.type}${ex.style ? ` (${ex.style})` : ''}`),
    ...field('Helps', ex.regions.join(', ')),
    ...field('Position', ex.position),
    ...field('Needs', ex.equipment.join(', ') || 'nothing (a chair and a wall at most)'),
    ...field('Start with', `${doseText({ ...ex.dose, perSide: ex.perSide, repHoldSeconds: ex.repHoldSeconds })} at effort ${ex.effort}/10 (${effortWords(ex.effort)}) (library default)`),
    ...(you
      ? [
          ...field(
            'Your dose',
            you.dose ? `${doseText(you.dose)}${you.dose.effort !== undefined ? ` at effort ${you.dose.effort}/10` : ''}` : 'not in your plan for the next seven days',
          ),
          ...(you.notForYou ? wrapLines(`${theme.warn('Not for you')} ${you.notForYou}`, width, { indent: ' '.repeat(11) }) : []),
        ]
      : []),
    '',
    theme.heading('How'),
    ...ex.cues.flatMap(bullet),
  ];
  const steps = ladder(ex, library);
  if (steps.length > 1) lines.push('', theme.heading('Ladder (easier → harder)'), ...wrapLines(steps.join(' → '), width, { firstIndent: '  ', indent: '  ' }));
  if (ex.cautions.length) lines.push('', theme.heading('Take care'), ...ex.cautions.flatMap((c) => bullet(CAUTION_TEXT[c])));
  return lines.join('\n');
}
