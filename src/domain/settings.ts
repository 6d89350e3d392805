// `painfit settings` (design.md v2; clinical-rules §4 "changing settings never resets progress"):
// dated changes to days, minutes, equipment, preferences and ability, stored as facts and laid
// over the intake's answers from their date on. The plan keeps its start date, so every
// exercise keeps its level. Pure.
import type { IsoDate } from './dates';
import type { IntakeAnswers } from './intake';
import type { CardioLike, Equipment, MindBodyLike, Weekday } from './vocab';

/** What a settings change may set; anything left out stays as it was. */
export interface SettingsChange {
  days?: Weekday[];
  minutes?: number;
  equipment?: Equipment[];
  cardio?: CardioLike[];
  mindBody?: MindBodyLike[];
  walkMinutes?: number;
  floor?: boolean;
  balanceWorries?: boolean;
  osteoporosis?: boolean;
}

export interface DatedSettings {
  id: number;
  /** In force from this date on. */
  date: IsoDate;
  changes: SettingsChange;
  /** When it was recorded (ISO 8601): orders changes made on the same date. */
  recordedAt?: string;
  /**
   * A re-run intake that kept progress (painfit intake, "keep your progress"): all of its answers
   * replace the ones in force from its date on, while the plan keeps its start (§4).
   */
  answers?: IntakeAnswers;
}

/** A kept-progress intake as a change: its answers replace everything from its date on. */
export const keptIntakeChange = (intake: { id: number; date: IsoDate; recordedAt: string; answers: IntakeAnswers }): DatedSettings => ({
  id: intake.id,
  date: intake.date,
  recordedAt: intake.recordedAt,
  changes: {},
  answers: intake.answers,
});

/** The answers with one change laid over them. */
export function applyChange(a: IntakeAnswers, c: SettingsChange): IntakeAnswers {
  return {
    ...a,
    schedule: { days: c.days ?? a.schedule.days, minutes: c.minutes ?? a.schedule.minutes },
    likes: { cardio: c.cardio ?? a.likes.cardio, mindBody: c.mindBody ?? a.likes.mindBody, equipment: c.equipment ?? a.likes.equipment },
    ability: {
      walkMinutes: c.walkMinutes ?? a.ability.walkMinutes,
      floor: c.floor ?? a.ability.floor,
      balanceWorries: c.balanceWorries ?? a.ability.balanceWorries,
      osteoporosis: c.osteoporosis ?? a.ability.osteoporosis,
    },
  };
}

/** The answers in force on `date`: the intake's, with every change dated from the intake up to `date`, in order. */
export function answersOn(intake: { date: IsoDate; answers: IntakeAnswers }, settings: readonly DatedSettings[], date: IsoDate): IntakeAnswers {
  return settings
    .filter((s) => s.date >= intake.date && s.date <= date)
    .sort(inOrder)
    .reduce((a, s) => s.answers ?? applyChange(a, s.changes), intake.answers);
}

/** By date, then by when recorded, then by id. */
function inOrder(x: DatedSettings, y: DatedSettings): number {
  if (x.date !== y.date) return x.date < y.date ? -1 : 1;
  const rx = x.recordedAt ?? '';
  const ry = y.recordedAt ?? '';
  if (rx !== ry) return rx < ry ? -1 : 1;
  return x.id - y.id;
}
