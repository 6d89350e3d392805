// Small text helpers shared by the renderers.

// Effort (Borg CR10) and pain labels come from the one words module.
export { effortLabel as effortWords, painLabel as painWords } from '../domain/words';

export interface DoseFields {
  sets?: number;
  reps?: number;
  holdSeconds?: number;
  minutes?: number;
  bouts?: number;
}

export function doseText(d: DoseFields): string {
  if (d.minutes !== undefined) {
    if (d.bouts !== undefined && d.bouts > 1) {
      const each = Math.round((d.minutes / d.bouts) * 10) / 10;
      return `${d.minutes} min (${d.bouts} × ${each} min)`;
    }
    return `${d.minutes} min`;
  }
  if (d.holdSeconds !== undefined) return `${d.sets ?? 1} × ${d.holdSeconds} s hold`;
  if (d.reps !== undefined) return `${d.sets ?? 1} × ${d.reps}`;
  return '';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export { terminalWidth } from './terminal';

export const DISCLAIMER = 'painfit does not replace advice from your doctor or physiotherapist.';

/** Word-wraps plain text to `width` columns; continuation lines get `indent`. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const limit = lines.length === 0 ? width : width - indent.length;
    if (line && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}
