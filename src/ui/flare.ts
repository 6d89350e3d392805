// The personal flare plan on screen (painfit flare, and painfit today on a flare day).
import { FLARE_PLAN_NOTE } from '../domain/flare-plan';
import { wrap } from './format';
import type { Theme } from './theme';

export const NO_PLAN_HINT =
  'You have no flare plan of your own yet. Write one while things are calm: what helps you, your medicine as prescribed, and whom to call, one --plan each, for example: painfit flare --plan "warm shower" --plan "call Jo".';

export function renderFlarePlan(items: readonly string[] | null, theme: Theme, width: number): string {
  if (!items || items.length === 0) return wrap(NO_PLAN_HINT, width, '  ');
  return [theme.heading('Your flare plan'), ...items.map((i) => `${theme.accent('•')} ${wrap(i, width - 2, '  ')}`), theme.muted(wrap(FLARE_PLAN_NOTE, width))].join('\n');
}
