// The personal flare plan (clinical-rules §5): the person's own short list — what helps, their
// medication as prescribed, whom to call — shown on every flare day. Pure: text in, checked text out.
import { NOTE_CONTROL_CHARACTERS } from './facts';

/** A plan is short: it is read on a bad day. DEFAULT */
export const FLARE_PLAN_MAX_ITEMS = 8;
/** Each line stays a line. DEFAULT */
export const FLARE_PLAN_ITEM_MAX = 200;

/** What the questionnaire asks, in order (clinical-rules §5; NICE NG193; CUH NHS flare-up guidance). */
export const FLARE_PLAN_QUESTIONS = [
  { key: 'helps', question: 'What helps you during a flare-up? (for example a warm shower, a heat pack, a short walk, a breathing exercise)' },
  { key: 'medication', question: 'Which medicine do you take for a flare-up, as your doctor or pharmacist prescribed it? (leave empty if none)' },
  { key: 'call', question: 'Whom can you call for help or company? (a name and number, your GP, a friend)' },
] as const;

/** The reminder shown with every plan: the plan never replaces a prescription or advice. */
export const FLARE_PLAN_NOTE = 'Take medicine only as prescribed. painfit does not replace advice from your doctor or physiotherapist.';

/** A plan line as stored: control characters removed, spaces collapsed, trimmed. */
export function cleanPlanItem(text: string): string {
  return text.replace(NOTE_CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

export type PlanCheck = { ok: true; items: string[] } | { ok: false; problem: string };

/** Checks a whole plan: 1 to FLARE_PLAN_MAX_ITEMS non-empty lines of at most FLARE_PLAN_ITEM_MAX characters. */
export function checkFlarePlan(raw: readonly string[]): PlanCheck {
  const items = raw.map(cleanPlanItem);
  const empty = items.findIndex((i) => i === '');
  if (items.length === 0) return { ok: false, problem: 'the plan is empty' };
  if (empty >= 0) return { ok: false, problem: `line ${empty + 1} of the plan is empty` };
  if (items.length > FLARE_PLAN_MAX_ITEMS) return { ok: false, problem: `the plan has ${items.length} lines; keep it to ${FLARE_PLAN_MAX_ITEMS} or fewer` };
  const long = items.findIndex((i) => i.length > FLARE_PLAN_ITEM_MAX);
  if (long >= 0) return { ok: false, problem: `line ${long + 1} of the plan has ${items[long]!.length} characters; keep each line to ${FLARE_PLAN_ITEM_MAX}` };
  return { ok: true, items };
}
