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
}

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
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id - y.id))
    .reduce((a, s) => applyChange(a, s.changes), intake.answers);
}
