// Settings in words (painfit settings, painfit undo).
import type { SettingsChange } from '../domain/settings';

const list = (xs: readonly string[]) => (xs.length === 0 ? 'none' : xs.join(', '));
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** "days mon, wed, fri; 25 minutes; equipment band". */
export function settingsWords(c: SettingsChange): string {
  const parts: string[] = [];
  if (c.days) parts.push(`days ${list(c.days)}`);
  if (c.minutes !== undefined) parts.push(`${c.minutes} minutes a session`);
  if (c.equipment) parts.push(`equipment ${list(c.equipment)}`);
  if (c.cardio) parts.push(`cardio ${list(c.cardio)}`);
  if (c.mindBody) parts.push(`mind-body ${list(c.mindBody)}`);
  if (c.walkMinutes !== undefined) parts.push(`walking ${c.walkMinutes} minutes`);
  if (c.floor !== undefined) parts.push(`floor ${yesNo(c.floor)}`);
  if (c.balanceWorries !== undefined) parts.push(`balance worries ${yesNo(c.balanceWorries)}`);
  if (c.osteoporosis !== undefined) parts.push(`osteoporosis ${yesNo(c.osteoporosis)}`);
  return parts.join('; ');
}
