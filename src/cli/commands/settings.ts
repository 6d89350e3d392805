// painfit settings: change days, minutes, equipment, preferences and ability from a date on,
// keeping every exercise's level (clinical-rules §4). Flags give the changes; on a terminal with
// no flags it asks. Stored as a dated fact (settings.ts lays it over the intake's answers).
import type { SettingsChange } from '../../domain/settings';
import { INTAKE_LIMITS } from '../../domain/intake';
import { CARDIO_LIKES, EQUIPMENT, MIND_BODY_LIKES, WEEKDAYS } from '../../domain/vocab';
import { UsageError } from '../../errors';
import { insertSettings } from '../../store/settings';
import { settingsWords } from '../../ui/settings';
import type { Context } from '../context';
import { answersInForce, loadDayFacts } from '../day';

export type RawSettings = Partial<Record<'days' | 'minutes' | 'equipment' | 'cardio' | 'mindBody' | 'walkMinutes' | 'floor' | 'balanceWorries' | 'osteoporosis', string>>;

export const SETTINGS_FLAGS = '--days d,d, --minutes N, --equipment e,e, --cardio c,c, --mind-body m,m, --walk-minutes N, --floor yes|no, --balance-worries yes|no, --osteoporosis yes|no';

function listOf<T extends string>(flag: string, value: string, allowed: readonly T[], atLeastOne: boolean): T[] {
  const v = value.trim().toLowerCase();
  if (!atLeastOne && (v === 'none' || v === '')) return [];
  const items = v.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = items.filter((x) => !(allowed as readonly string[]).includes(x));
  if (bad.length > 0 || items.length === 0) {
    const what = bad.length > 0 ? `${bad.map((b) => JSON.stringify(b)).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not accepted` : 'is empty';
    throw new UsageError(
      `${flag} ${JSON.stringify(value)}: ${what}. Use a comma-separated list of ${allowed.join(', ')}${atLeastOne ? '' : ', or none'}, e.g. ${flag} ${allowed.slice(0, 2).join(',')}.`,
      'BAD_SETTING',
    );
  }
  if (new Set(items).size !== items.length) throw new UsageError(`${flag} ${JSON.stringify(value)} names something twice; name each once.`, 'BAD_SETTING');
  return items as T[];
}

function wholeIn(flag: string, value: string, min: number, max: number, what: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${flag} ${JSON.stringify(value)} is not accepted: give ${what} as a whole number from ${min} to ${max}, e.g. ${flag} ${Math.min(max, Math.max(min, 20))}.`, 'BAD_SETTING');
  }
  return Number(value);
}

function yesNo(flag: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'yes') return true;
  if (v === 'no') return false;
  throw new UsageError(`${flag} ${JSON.stringify(value)} is not accepted: use ${flag} yes or ${flag} no.`, 'BAD_SETTING');
}

/** All validation here: the flags become one typed change (or none, to ask on a terminal). */
export function parseSettingsOptions(raw: RawSettings): SettingsChange {
  const c: SettingsChange = {};
  if (raw.days !== undefined) c.days = listOf('--days', raw.days, WEEKDAYS, true);
  if (raw.minutes !== undefined) c.minutes = wholeIn('--minutes', raw.minutes, INTAKE_LIMITS.sessionMinutes.min, INTAKE_LIMITS.sessionMinutes.max, 'the minutes a session');
  if (raw.equipment !== undefined) c.equipment = listOf('--equipment', raw.equipment, EQUIPMENT, false);
  if (raw.cardio !== undefined) c.cardio = listOf('--cardio', raw.cardio, CARDIO_LIKES, false);
  if (raw.mindBody !== undefined) c.mindBody = listOf('--mind-body', raw.mindBody, MIND_BODY_LIKES, false);
  if (raw.walkMinutes !== undefined) c.walkMinutes = wholeIn('--walk-minutes', raw.walkMinutes, INTAKE_LIMITS.walkMinutes.min, INTAKE_LIMITS.walkMinutes.max, 'the minutes you can walk today');
  if (raw.floor !== undefined) c.floor = yesNo('--floor', raw.floor);
  if (raw.balanceWorries !== undefined) c.balanceWorries = yesNo('--balance-worries', raw.balanceWorries);
  if (raw.osteoporosis !== undefined) c.osteoporosis = yesNo('--osteoporosis', raw.osteoporosis);
  return c;
}

/** On a terminal with no flags: what to change, then each answer, then a confirmation. */
async function askChange(ctx: Context, current: ReturnType<typeof answersInForce>): Promise<SettingsChange | null> {
  const p = await ctx.prompter();
  const what = await p.checkbox(
    'What would you like to change? (space to tick, enter when done)',
    [
      { value: 'days', name: `Days (now ${current.schedule.days.join(', ')})` },
      { value: 'minutes', name: `Minutes a session (now ${current.schedule.minutes})` },
      { value: 'equipment', name: `Equipment (now ${current.likes.equipment.join(', ') || 'none'})` },
      { value: 'cardio', name: `Cardio you like (now ${current.likes.cardio.join(', ') || 'none'})` },
      { value: 'mindBody', name: `Mind-body you like (now ${current.likes.mindBody.join(', ') || 'none'})` },
      { value: 'walkMinutes', name: `Minutes you can walk (now ${current.ability.walkMinutes})` },
      { value: 'floor', name: `Getting down to the floor and up (now ${current.ability.floor ? 'yes' : 'no'})` },
      { value: 'balanceWorries', name: `Worries about balance or falls (now ${current.ability.balanceWorries ? 'yes' : 'no'})` },
      { value: 'osteoporosis', name: `Osteoporosis or thinning bones (now ${current.ability.osteoporosis ? 'yes' : 'no'})` },
    ] as const,
  );
  if (what.length === 0) return null;
  const c: SettingsChange = {};
  const pick = <T extends string>(xs: readonly T[], now: readonly T[]) => xs.map((x) => ({ value: x, name: x, checked: now.includes(x) }));
  for (const w of what) {
    if (w === 'days') c.days = await p.checkbox('Which days?', pick(WEEKDAYS, current.schedule.days), { min: 1 });
    if (w === 'minutes') c.minutes = await p.number('Minutes a session?', { ...INTAKE_LIMITS.sessionMinutes, default: current.schedule.minutes });
    if (w === 'equipment') c.equipment = await p.checkbox('Which equipment do you have? (a chair and a wall are assumed)', pick(EQUIPMENT, current.likes.equipment));
    if (w === 'cardio') c.cardio = await p.checkbox('Which cardio do you like?', pick(CARDIO_LIKES, current.likes.cardio));
    if (w === 'mindBody') c.mindBody = await p.checkbox('Which mind-body work do you like?', pick(MIND_BODY_LIKES, current.likes.mindBody));
    if (w === 'walkMinutes') c.walkMinutes = await p.number('How many minutes can you walk today without a flare?', { ...INTAKE_LIMITS.walkMinutes, default: current.ability.walkMinutes });
    if (w === 'floor') c.floor = await p.confirm('Can you get down to the floor and up again?', { default: current.ability.floor });
    if (w === 'balanceWorries') c.balanceWorries = await p.confirm('Do you worry about your balance or falling?', { default: current.ability.balanceWorries });
    if (w === 'osteoporosis') c.osteoporosis = await p.confirm('Have you been told you have osteoporosis or thinning bones?', { default: current.ability.osteoporosis });
  }
  return (await p.confirm(`Save: ${settingsWords(c)}?`, { default: true })) ? c : null;
}

export async function runSettings(change: SettingsChange, ctx: Context): Promise<void> {
  const facts = loadDayFacts(ctx, ctx.today);
  let c = change;
  if (Object.keys(c).length === 0) {
    if (ctx.json) throw new UsageError(`settings with --json never asks questions. Give the changes as flags: ${SETTINGS_FLAGS}.`, 'NOT_A_TERMINAL');
    ctx.requireInteractive('painfit settings', `Give the changes as flags: ${SETTINGS_FLAGS}.`);
    const asked = await askChange(ctx, answersInForce(facts));
    if (!asked) {
      ctx.err('Nothing changed.');
      return;
    }
    c = asked;
  }
  const saved = insertSettings(ctx.db(true), ctx.today, c, ctx.now().toISOString());
  if (ctx.json) {
    ctx.out(JSON.stringify({ settings: saved }, null, 2));
    return;
  }
  ctx.out(`From ${saved.date} on: ${settingsWords(c)}. Your progress is kept: each exercise stays at its level.`);
  ctx.err(ctx.theme.muted('painfit plan shows the week ahead. Changed your mind? painfit undo removes this change.'));
}
