// The screening questions on a terminal (clinical-rules §1), shared by `painfit intake` and
// `painfit recheck`: readiness with its follow-ups, the warning signs (most serious first), mood,
// and a clearance. An emergency or urgent answer ends the warning signs at once with its message.
import { isIsoDate, type IsoDate } from '../domain/dates';
import {
  FOLLOW_UPS,
  INTAKE_LIMITS,
  MOOD_QUESTIONS,
  READINESS_QUESTIONS,
  RED_FLAGS,
  type Clearance,
  type FollowUp,
  type MoodQuestion,
  type RedFlag,
  type ScreeningAnswers,
} from '../domain/intake';
import { GCA_AGE } from '../domain/rules';
import { actNowTier, readinessOf, READINESS_STOP, SCREENING_MESSAGES } from '../domain/screening';
import { ACT_NOW_TITLE } from '../domain/words';
import { FOLLOW_UP_TEXT, MOOD_TEXT, READINESS_TEXT, RED_FLAG_TEXT } from './intake-questions';
import type { Prompter } from './prompts';
import type { Theme } from './theme';

export interface ActNow {
  tier: 'emergency' | 'urgent';
  /** The message shown at once, and again at the end whatever happens. */
  message: string;
}

export interface ScreeningIO {
  theme: Theme;
  write(text: string): void;
  /** Prints a step heading (the intake numbers its steps; recheck has its own). */
  section(intro?: string): void;
  age: number;
  /** The day the answers are given: a clearance cannot be dated after it. */
  today: IsoDate;
}

/** Giant-cell arteritis and polymyalgia questions are asked from this age (BSR 2020). */
export const asksGcaQuestions = (age: number): boolean => age >= GCA_AGE;
const GCA_FLAGS: readonly RedFlag[] = ['temporalHeadache', 'girdleStiffness'];

/** The act-at-once screen: a heading and the message, painted so it cannot be missed. */
export function renderActNow(a: ActNow, theme: Theme): string {
  const title = ACT_NOW_TITLE[a.tier];
  return `\n${theme.danger(title)}\n  ${theme.warn(a.message)}\n`;
}

/**
 * The warning signs, most serious first. §1b: an emergency or urgent "yes" ends the questions at
 * once with its message (the rest count as "no": a clinician will ask about them).
 */
export async function askWarningSigns(
  p: Prompter,
  io: Pick<ScreeningIO, 'theme' | 'write' | 'age'>,
): Promise<{ redFlags: Record<RedFlag, boolean>; actNow: ActNow | null }> {
  const redFlags = Object.fromEntries(RED_FLAGS.map((f) => [f, false])) as Record<RedFlag, boolean>;
  for (const f of RED_FLAGS) {
    if (GCA_FLAGS.includes(f) && !asksGcaQuestions(io.age)) continue;
    redFlags[f] = await p.confirm(RED_FLAG_TEXT[f], { default: false });
    const tier = redFlags[f] ? actNowTier({ [f]: true }) : null;
    if (tier) {
      // Nothing else is asked before this message is shown.
      const actNow: ActNow = { tier, message: tier === 'emergency' ? SCREENING_MESSAGES.emergency([f]) : SCREENING_MESSAGES.urgent([f]) };
      io.write(renderActNow(actNow, io.theme));
      return { redFlags, actNow };
    }
  }
  return { redFlags, actNow: null };
}

export async function askScreening(p: Prompter, io: ScreeningIO): Promise<{ answers: ScreeningAnswers; actNow: ActNow | null }> {
  io.section('These questions check that exercise is safe for you. Answer for how things are now.');
  const readiness = {} as ScreeningAnswers['readiness'];
  for (const q of READINESS_QUESTIONS) readiness[q] = await p.confirm(READINESS_TEXT[q], { default: false });
  const followUps = {} as Record<FollowUp, boolean>;
  if (readiness.boneJoint) io.write(io.theme.muted('Three short follow-ups about that bone, joint or muscle problem.'));
  for (const f of FOLLOW_UPS) followUps[f] = readiness.boneJoint ? await p.confirm(FOLLOW_UP_TEXT[f], { default: false }) : false;
  readiness.followUps = followUps;

  io.section('Answer yes only for something new or getting worse. Most people have none of these.');
  const { redFlags, actNow } = await askWarningSigns(p, io);

  const mood = { interest: false, down: false } as Record<MoodQuestion, boolean>;
  if (!actNow) {
    io.write(io.theme.muted('Two questions about how you have been feeling.'));
    for (const m of MOOD_QUESTIONS) mood[m] = await p.confirm(MOOD_TEXT[m], { default: false });
  }

  const { light } = readinessOf({ readiness });
  const needsClearance =
    readiness.chestPain || readiness.supervisedOnly || light.length > 0 || RED_FLAGS.some((f) => redFlags[f]);
  let clearance: Clearance | null = null;
  if (actNow?.tier === 'emergency') {
    io.write(io.theme.muted(SCREENING_MESSAGES.emergencyNotClearedInSitting));
  } else if (needsClearance) {
    const what = READINESS_STOP.some((q) => readiness[q]) || actNow ? 'this' : 'these answers';
    if (await p.confirm(`Has a doctor or physiotherapist already seen you about ${what} and said exercise is fine for you?`, { default: false })) {
      const date = await p.text('On what date did they see you? (YYYY-MM-DD)', {
        required: true,
        maxLength: 10,
        validate: (v) =>
          !isIsoDate(v) ? 'Please type a real date like 2026-11-20.' : v > io.today ? `That date is after today (${io.today}); type the day you were seen.` : true,
      });
      const by = await p.text('Who saw you? (optional, e.g. Dr Patel; Enter to skip)', { maxLength: INTAKE_LIMITS.clearanceByLength });
      clearance = by ? { date, by } : { date };
    }
  }
  return { answers: { readiness, redFlags, mood, clearance }, actNow: actNow && clearance ? null : actNow };
}
