// Small text helpers shared by the renderers.

import { effortLabel } from '../domain/effort';

/** Borg CR10 words for an effort target (0-10): the domain's labels (rules.ts EFFORT_LABELS). */
export const effortWords = (effort: number): string => effortLabel(effort);

/** Display labels only (Boonstra 2016): 1-3 mild, 4-6 moderate, 7-10 severe. */
export function painWords(pain: number): string {
  if (pain === 0) return 'no pain';
  if (pain <= 3) return 'mild';
  if (pain <= 6) return 'moderate';
  return 'severe';
}

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
import { wrapText } from './width';

export const DISCLAIMER = 'painfit does not replace advice from your doctor or physiotherapist.';

/** Word-wraps text to `width` columns; continuation lines get `indent` (see ./width, the one wrapping helper). */
export function wrap(text: string, width: number, indent = ''): string {
  return wrapText(text, width, { indent });
}
