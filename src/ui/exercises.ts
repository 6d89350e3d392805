// Renderers for the exercise library (strings, tested with colour off).
import Table from 'cli-table3';
import { CAUTION_TEXT, type Exercise } from '../domain/exercise';
import { type DoseFields, doseText, effortWords, terminalWidth } from './format';
import type { Theme } from './theme';

export function renderExerciseList(list: readonly Exercise[], theme: Theme, width = terminalWidth()): string {
  // The id column fits the longest id, so ids can be copied into show, swap and log --done.
  const idWidth = Math.max(...list.map((e) => e.id.length)) + 2;
  const nameWidth = Math.max(18, Math.min(34, width - idWidth - 12 - 10 - 11 - 7 - 14));
  const table = new Table({
    head: ['id', 'Name', 'Type', 'Position', 'Needs', 'Helps'].map((h) => theme.heading(h)),
    colWidths: [idWidth, nameWidth, 12, 10, 11, Math.max(14, width - nameWidth - idWidth - 12 - 10 - 11 - 7)],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const e of list) {
    table.push([e.id, e.name, e.type, e.position, e.equipment.join(', ') || '-', e.regions.join(', ')]);
  }
  return table.toString();
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

export function renderExerciseDetail(ex: Exercise, library: readonly Exercise[], theme: Theme, you: ForYou | null = null): string {
  const lines = [
    theme.heading(ex.name) + theme.muted(`  (${ex.id})`),
    ex.purpose,
    '',
    `${theme.muted('Type')}       ${ex.type}${ex.style ? ` (${ex.style})` : ''}`,
    `${theme.muted('Helps')}      ${ex.regions.join(', ')}`,
    `${theme.muted('Position')}   ${ex.position}`,
    `${theme.muted('Needs')}      ${ex.equipment.join(', ') || 'nothing (a chair and a wall at most)'}`,
    `${theme.muted('Start with')} ${doseText({ ...ex.dose, perSide: ex.perSide, repHoldSeconds: ex.repHoldSeconds })} at effort ${ex.effort}/10 (${effortWords(ex.effort)}) ${theme.muted('(library default)')}`,
    ...(you
      ? [
          you.dose
            ? `${theme.muted('Your dose')}  ${doseText(you.dose)}${you.dose.effort !== undefined ? ` at effort ${you.dose.effort}/10` : ''}`
            : `${theme.muted('Your dose')}  not in your plan for the next seven days`,
          ...(you.notForYou ? [`${theme.warn('Not for you')} ${you.notForYou}`] : []),
        ]
      : []),
    '',
    theme.heading('How'),
    ...ex.cues.map((c) => `  - ${c}`),
  ];
  const steps = ladder(ex, library);
  if (steps.length > 1) lines.push('', theme.heading('Ladder (easier → harder)'), `  ${steps.join(' → ')}`);
  if (ex.cautions.length) lines.push('', theme.heading('Take care'), ...ex.cautions.map((c) => `  - ${CAUTION_TEXT[c]}`));
  return lines.join('\n');
}
