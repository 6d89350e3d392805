// The documented JSON of `painfit today --json` and `painfit report --json` (design.md). Commands
// print what these return; test/json-schema.test.ts checks the output against src/schema/public-json.ts,
// so a rename inside the domain cannot change the public shape silently.
import type { Report } from '../domain/report';
import type { Session } from '../domain/session';

export interface TodayExtras {
  /** The number of the lesson offered this week (painfit learn N), or null. */
  lesson: number | null;
  /** On a flare day, the person's own flare plan (painfit flare --plan), [] when none; null on other days. */
  flarePlan: string[] | null;
}

export function todayJson(session: Session, extras: TodayExtras): Session & TodayExtras {
  return { ...session, lesson: extras.lesson, flarePlan: extras.flarePlan };
}

export function reportJson(report: Report): Report {
  return report;
}
