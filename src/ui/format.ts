// Small text helpers shared by the renderers.

import { effortLabel } from '../domain/effort';

/** Borg CR10 words for an effort target (0-10): the domain's labels (rules.ts EFFORT_LABELS). */
export const effortWords = (effort: number): string => effortLabel(effort);

// Pain labels come from the one words module.
export { painLabel as painWords } from '../domain/words';

export interface DoseFields {
  sets?: number;
  reps?: number;
  holdSeconds?: number;
  minutes?: number;
  bouts?: number;
  perSide?: boolean;
  repHoldSeconds?: number | null;
}

/** Whole-minute bouts that add up to `minutes`, longest first: 11 in 2 → [6, 5]. */
export function boutMinutes(minutes: number, bouts: number): number[] {
  const base = Math.floor(minutes / bouts);
  return Array.from({ length: bouts }, (_, i) => base + (i < minutes - base * bouts ? 1 : 0));
}

/** A dose in words a person can read: "1 × 8 per side, hold 5 s each", "11 min (6 + 5 min)". */
export function doseText(d: DoseFields): string {
  const side = d.perSide ? ' per side' : '';
  if (d.minutes !== undefined) {
    if (d.bouts !== undefined && d.bouts > 1) {
      const parts = boutMinutes(d.minutes, d.bouts);
      const same = parts.every((p) => p === parts[0]);
      return `${d.minutes} min (${same ? `${d.bouts} × ${parts[0]}` : parts.join(' + ')} min)`;
    }
    return `${d.minutes} min`;
  }
  if (d.holdSeconds !== undefined) return `${d.sets ?? 1} × ${d.holdSeconds} s hold${side}`;
  if (d.reps !== undefined) {
    const hold = d.repHoldSeconds ? `, hold ${d.repHoldSeconds} s each` : '';
    return `${d.sets ?? 1} × ${d.reps}${side}${hold}`;
  }
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
