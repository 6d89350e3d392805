// What the guided session (painfit start) shows: strings, fitted to the width, colour from the theme.
import { formatDate, type IsoDate } from '../domain/dates';
import { FEEDBACK_WORDS, type Feedback, type GuidedExercise, type GuidedStep } from '../domain/guided';
import { doseText, effortWords, plural } from './format';
import type { Theme } from './theme';
import { wrapLines, wrapText } from './width';

const POSITION_WORDS: Record<string, string> = { standing: 'standing', seated: 'sitting', floor: 'on the floor' };

/** "1:05" for 65 seconds; "0:09". */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function keysLine(theme: Theme, width: number, start = false): string {
  const keys = start
    ? 'Enter start · s skip · e easier · q stop'
    : 'Enter done · space pause · s skip · e easier · q stop';
  return theme.muted(wrapText(keys, width));
}

/** The card for one exercise: everything needed to do it, and what comes next. */
export function renderExerciseCard(
  ex: GuidedExercise,
  at: { index: number; total: number; next: string | null; easier: boolean },
  theme: Theme,
  width: number,
): string {
  const lines: string[] = [];
  lines.push(theme.muted(`Exercise ${at.index} of ${at.total}`) + (at.easier ? theme.warn('  · the easier version for today') : ''));
  lines.push(...wrapLines(theme.heading(ex.name), width));
  lines.push(...wrapLines(ex.purpose, width, { firstIndent: '', indent: '' }));
  lines.push('');
  const dose = `${doseText(ex.dose)}${ex.perSide ? ' per side' : ''}, effort ${ex.effort}/10 (${effortWords(ex.effort)})`;
  lines.push(...wrapLines(`${theme.muted('Dose')}      ${dose}`, width, { indent: '          ' }));
  const needs = ex.equipment.length ? ex.equipment.join(', ') : 'nothing (a chair and a wall at most)';
  lines.push(...wrapLines(`${theme.muted('Position')}  ${POSITION_WORDS[ex.position] ?? ex.position}; needs ${needs}`, width, { indent: '          ' }));
  lines.push('', theme.heading('How'));
  for (const cue of ex.cues) lines.push(...wrapLines(cue, width, { firstIndent: '  - ', indent: '    ' }));
  if (ex.perSide) lines.push(...wrapLines('Do it on one side, then the other.', width, { firstIndent: '  - ', indent: '    ' }));
  lines.push('');
  lines.push(...wrapLines(theme.muted(at.next ? `Next: ${at.next}` : 'This is the last one.'), width));
  return lines.join('\n');
}

/** The one line shown while a step runs (redrawn in place), or said once in plain mode. */
export function stepLine(step: GuidedStep, elapsedMs: number, leftMs: number, paused: boolean, theme: Theme): string {
  const left = clockText(leftMs / 1000);
  if (paused) {
    const where = step.kind === 'reps' ? `rep ${Math.min(step.reps, Math.floor(elapsedMs / (step.secondsPerRep * 1000)) + 1)} of ${step.reps}` : `${left} left`;
    return `${theme.warn('Paused')}  ${step.label}, ${where} · space to go on`;
  }
  switch (step.kind) {
    case 'timer':
      return `${theme.accent(step.label)}  ${left} left`;
    case 'rest':
      return `${theme.muted(step.label)}  ${left}`;
    case 'reps': {
      const rep = Math.min(step.reps, Math.floor(elapsedMs / (step.secondsPerRep * 1000)) + 1);
      return `${theme.accent(step.label)}  rep ${rep} of ${step.reps}`;
    }
    case 'breathe': {
      const cycle = (step.inSeconds + step.outSeconds) * 1000;
      const inBreath = elapsedMs % cycle < step.inSeconds * 1000;
      return `${theme.accent(inBreath ? 'Breathe in…' : 'Breathe out…')}  ${left} left`;
    }
  }
}

/** Plain mode: the step said once, in words. */
export function plainStepLine(step: GuidedStep): string {
  switch (step.kind) {
    case 'timer':
      return `${step.label}: ${clockText(step.seconds)}. Enter when done.`;
    case 'rest':
      return `${step.label}: ${clockText(step.seconds)}.`;
    case 'reps':
      return `${step.label}: ${plural(step.reps, 'rep')}, about ${step.secondsPerRep} seconds each. Enter when done.`;
    case 'breathe':
      return `${step.label}: in for ${step.inSeconds} seconds, out for ${step.outSeconds} seconds, for ${clockText(step.seconds)}. Enter when done.`;
  }
}

export function renderIntro(count: number, minutes: number, theme: Theme, width: number): string {
  return [
    ...wrapLines(theme.heading(`Today: ${plural(count, 'exercise')}, about ${minutes} minutes.`), width),
    ...wrapLines(
      'Keys: Enter = done / next (also ends a timer early), space = pause, s = skip this one, e = an easier version, q = stop (what you did is kept). Ctrl-C leaves without saving.',
      width,
    ),
  ].join('\n');
}

export function renderSummary(
  done: readonly { name: string; feedback: Feedback | null }[],
  next: IsoDate | undefined,
  theme: Theme,
  width: number,
): string {
  const lines: string[] = [];
  if (done.length) {
    lines.push(theme.heading('Well done.'));
    for (const d of done) lines.push(...wrapLines(`${d.name}${d.feedback ? `: ${FEEDBACK_WORDS[d.feedback]}` : ''}`, width, { firstIndent: '  ✓ ', indent: '    ' }));
  }
  if (next) lines.push(...wrapLines(`Next session: ${formatDate(next).replace(/ \d{4}$/, '')}.`, width));
  return lines.join('\n');
}
