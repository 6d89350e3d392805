// The interactive intake: short sections with a step counter, a summary, and a confirmation
// before anything is saved. An emergency or urgent warning sign is shown the moment it is answered.
import { formatDate, type IsoDate } from '../domain/dates';
import { INTAKE_LIMITS, type Goal, type IntakeAnswers } from '../domain/intake';
import { CARDIO_LIKES, EQUIPMENT, MIND_BODY_LIKES, REGIONS, WEEKDAYS, type Weekday } from '../domain/vocab';
import { renderIntakeSummary } from './intake-summary';
import {
  CARDIO_TEXT,
  DAY_TEXT,
  EQUIPMENT_TEXT,
  MIND_BODY_TEXT,
  REGION_TEXT,
} from './intake-questions';
import { askScreening, type ActNow } from './screening-wizard';
import type { Prompter } from './prompts';
import type { Theme } from './theme';

export const INTAKE_STEPS = [
  'About you',
  'Health questions',
  'Warning signs',
  'Your pain',
  'What you want to get back to',
  'What you can do now',
  'Your week',
  'What you like',
] as const;

interface WizardIO {
  theme: Theme;
  write(text: string): void;
  previous?: IntakeAnswers;
  /** Today's weekday: new users get three spaced days starting today, so their first session is today. */
  today?: Weekday;
  /** The date the answers are given (a clearance cannot be dated after it). */
  date: IsoDate;
  /** The start of the plan in force, when there is one: saving then asks keep progress or start over. */
  planStart?: IsoDate;
}

const L = INTAKE_LIMITS;

export interface IntakeResult {
  /** null when the person chose not to save (or to stop after an act-at-once message). */
  answers: IntakeAnswers | null;
  /** The emergency or urgent message shown during the questions, shown again at the end. */
  actNow: ActNow | null;
  /** With a plan in force: true when the person chose to start over at week 1 (the default keeps progress). */
  startOver?: boolean;
}

/** The answer to "Save these answers?" when a plan is already going (clinical-rules §4: keeping progress is the default). */
export type SaveChoice = 'keep' | 'start-over' | 'no';

export const SAVE_CHOICES: readonly { value: SaveChoice; name: string }[] = [
  { value: 'keep', name: 'Yes, and keep my progress (recommended)' },
  { value: 'start-over', name: 'Yes, and start over at week 1' },
  { value: 'no', name: 'No, do not save' },
];

export async function askIntake(p: Prompter, io: WizardIO): Promise<IntakeResult> {
  const { theme, write, previous } = io;
  const start = WEEKDAYS.indexOf(io.today ?? 'mon');
  const defaultDays = [0, 2, 4].map((k) => WEEKDAYS[(start + k) % 7]);
  let step = 0;
  const section = (intro?: string) => {
    step += 1;
    write(`\n${theme.heading(`Step ${step} of ${INTAKE_STEPS.length} · ${INTAKE_STEPS[step - 1]}`)}`);
    if (intro) write(theme.muted(intro));
  };

  write(
    theme.heading('painfit intake') +
      '\nA few short questions so painfit can make a safe, gentle plan for you. It takes about 5 minutes.' +
      '\nYour answers stay on this computer. Press Ctrl-C at any time to stop: nothing is saved until the end.',
  );

  section();
  const name = await p.text('What should painfit call you? (optional, press Enter to skip)', {
    default: previous?.about.name,
    maxLength: L.nameLength,
  });
  const age = await p.number('How old are you?', { min: L.age.min, max: L.age.max, default: previous?.about.age });

  const screening = await askScreening(p, { theme, write, section, age, today: io.date });
  const { actNow } = screening;
  if (actNow) {
    const finish = await p.confirm(
      actNow.tier === 'emergency'
        ? 'Please get help first. Answer the other questions now anyway, so your plan is ready for after you have been seen?'
        : 'Answer the other questions now, so your plan is ready for after a clinician has seen you?',
      { default: actNow.tier !== 'emergency' },
    );
    if (!finish) return { answers: null, actNow };
  }

  section();
  const regions = await p.checkbox(
    'Where is your pain? (space to tick, enter when done)',
    REGIONS.map((r) => ({ value: r, name: REGION_TEXT[r], checked: previous?.pain.regions.includes(r) })),
    { min: 1 },
  );
  const months = await p.number('For how many months have you had this pain?', {
    min: L.months.min,
    max: L.months.max,
    default: previous?.pain.months,
  });
  const score = (message: string, def?: number) => p.number(message, { min: 0, max: 10, default: def });
  const average = await score('On average over the past week, how bad was your pain? (0 none, 10 worst imaginable)', previous?.pain.average);
  write(theme.muted('Three quick questions about the past week (the PEG scale).'));
  const peg = {
    pain: await score('PEG 1/3 · Your average pain (0-10)?', previous?.pain.peg.pain ?? average),
    enjoyment: await score('PEG 2/3 · How much did pain get in the way of enjoying life? (0 not at all, 10 completely)', previous?.pain.peg.enjoyment),
    activity: await score('PEG 3/3 · How much did pain get in the way of your general activity? (0-10)', previous?.pain.peg.activity),
  };

  section('Name up to 5 everyday activities that are hard because of your pain, and rate each.');
  const goals: Goal[] = [];
  while (goals.length < L.goals.max) {
    const activity = await p.text(goals.length === 0 ? 'An activity you want to get back to (e.g. walk to the shops)' : 'Another activity', {
      required: true,
      maxLength: L.activityLength,
      default: previous?.goals[goals.length]?.activity,
    });
    const s = await score(`How well can you do "${activity}" now? (0 cannot, 10 as well as before)`, previous?.goals[goals.length]?.score);
    goals.push({ activity, score: s });
    if (goals.length < L.goals.max && !(await p.confirm('Add another activity?', { default: false }))) break;
  }

  section();
  const walkMinutes = await p.number('How many minutes can you walk today without a flare-up? (0 if you cannot walk)', {
    min: L.walkMinutes.min,
    max: L.walkMinutes.max,
    default: previous?.ability.walkMinutes,
  });
  const floor = await p.confirm('Can you get down to the floor and back up again?', { default: previous?.ability.floor ?? false });
  const balanceWorries = await p.confirm('Do you worry about your balance or about falling?', { default: previous?.ability.balanceWorries ?? false });
  const osteoporosis = await p.confirm('Have you been told you have osteoporosis (thin bones)?', { default: previous?.ability.osteoporosis ?? false });

  section('Pick days you can usually manage. Little and often works best.');
  const days = await p.checkbox(
    'Which days will you exercise?',
    WEEKDAYS.map((d) => ({ value: d, name: DAY_TEXT[d], checked: previous ? previous.schedule.days.includes(d) : defaultDays.includes(d) })),
    { min: 1 },
  );
  const minutes = await p.number(`How many minutes per session? (${L.sessionMinutes.min}-${L.sessionMinutes.max})`, {
    min: L.sessionMinutes.min,
    max: L.sessionMinutes.max,
    default: previous?.schedule.minutes ?? 20,
  });

  section('Choose what you enjoy or can get to. You can leave any of these empty.');
  const cardio = await p.checkbox(
    'Which kinds of gentle cardio do you like?',
    CARDIO_LIKES.map((c) => ({ value: c, name: CARDIO_TEXT[c], checked: previous?.likes.cardio.includes(c) ?? c === 'walking' })),
  );
  const mindBody = await p.checkbox(
    'Which mind-body practices would you like?',
    MIND_BODY_LIKES.map((m) => ({ value: m, name: MIND_BODY_TEXT[m], checked: previous?.likes.mindBody.includes(m) })),
  );
  const equipment = await p.checkbox(
    'What equipment do you have?',
    EQUIPMENT.map((e) => ({ value: e, name: EQUIPMENT_TEXT[e], checked: previous?.likes.equipment.includes(e) })),
  );

  const answers: IntakeAnswers = {
    version: 2,
    about: name ? { name, age } : { age },
    ...screening.answers,
    pain: { regions, months, average, peg },
    goals,
    ability: { walkMinutes, floor, balanceWorries, osteoporosis },
    schedule: { days: WEEKDAYS.filter((d) => days.includes(d)), minutes },
    likes: { cardio, mindBody, equipment },
  };
  write(`\n${renderIntakeSummary(answers, theme)}\n`);
  if (io.planStart === undefined) return { answers: (await p.confirm('Save these answers?', { default: true })) ? answers : null, actNow };
  // §4 changing answers never resets progress unless the person asks: keep is the default.
  write(
    `Your plan started ${formatDate(io.planStart)}. Keep your progress: these answers apply from ${formatDate(io.date)} on and each exercise stays at its level.` +
      ` Start over: the plan begins again at week 1 on ${formatDate(io.date)}.`,
  );
  const choice = await p.select('Save these answers?', SAVE_CHOICES, { default: 'keep' as SaveChoice });
  return choice === 'no' ? { answers: null, actNow } : { answers, actNow, startOver: choice === 'start-over' };
}
