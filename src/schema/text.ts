// The text policy (src/domain/text.ts) as a zod refinement, for every text field of a file painfit
// reads: `z.string().superRefine(safeText())`, or `safeText({ multiline: true })` for notes.
import type { z } from 'zod';
import { textProblem, type TextRule } from '../domain/text';

export function safeText(rule: TextRule = {}) {
  return (value: string, ctx: z.RefinementCtx): void => {
    const problem = textProblem(value, rule);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  };
}
