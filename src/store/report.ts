// The facts `painfit report` reads: the window only, through the date indexes (checkins_by_date,
// the completions primary key, measures_by_date), so the cost does not grow with years of history.
import type { IsoDate } from '../domain/dates';
import type { IntakeRecord } from '../domain/intake';
import type { ReportInput, ReportRange } from '../domain/report';
import type { Db } from './db';
import { checkinsBetween, completionsBetween, flaresBetween } from './facts';
import { latestMeasure, measuresBetween } from './measures';

export type ReportFacts = Pick<ReportInput, 'checkins' | 'completions' | 'measures' | 'flares' | 'latestPeg' | 'latestGoals'>;

export function loadReportFacts(db: Db, intake: IntakeRecord, range: ReportRange): ReportFacts {
  const factsFrom: IsoDate = range.factsFrom;
  const windowFrom: IsoDate = range.from > intake.date ? range.from : intake.date;
  return {
    checkins: checkinsBetween(db, factsFrom, range.to),
    completions: completionsBetween(db, factsFrom, range.to),
    measures: measuresBetween(db, windowFrom, range.to),
    flares: flaresBetween(db, factsFrom, range.to),
    latestPeg: latestMeasure(db, intake.date, range.to, 'peg'),
    latestGoals: latestMeasure(db, intake.date, range.to, 'goals'),
  };
}
