// The lessons of `painfit learn` (clinical-rules §8: NICE NG59/NG193 combined programmes,
// ESCAPE-pain, Moseley & Butler "Explain Pain", pacing). Written for painfit in plain, calm words
// of its own; each names its sources and stays within two minutes of reading. None promises a cure:
// a test checks the length, the sources and the words. Pure data and small functions.
import type { IsoDate } from './dates';

/** A lesson takes at most this long to read (clinical-rules §8). */
export const LESSON_MAX_MINUTES = 2;
/**
 * Reading speed used to turn words into minutes. Adults read non-fiction silently at about 238
 * words a minute (Brysbaert 2019); we assume a slower 180 for someone tired or in pain. DEFAULT.
 */
export const READING_WORDS_PER_MINUTE = 180;
/** So a lesson has at most this many words. */
export const LESSON_MAX_WORDS = LESSON_MAX_MINUTES * READING_WORDS_PER_MINUTE;

export interface Lesson {
  /** Stable id, stored with the read status (numbers may be reordered, ids never change). */
  id: string;
  title: string;
  /** Paragraphs of plain text. */
  body: readonly string[];
  /** Where the ideas come from: at least one each. */
  sources: readonly string[];
}

export const LESSONS: readonly Lesson[] = [
  {
    id: 'hurt-and-harm',
    title: 'Pain is real, and hurt is not always harm',
    body: [
      'Pain is your body\'s protection system at work. It is always real, and it is always worth listening to. But in pain that has lasted for months, how much it hurts often says little about how much damage there is.',
      'Scans show this well. Many people with no pain at all have worn discs or rough joints on a scan, and many people with strong pain have scans that look ordinary. The tissues in a long-standing painful back or knee have usually healed as far as they will; what keeps the pain going is more often a protection system that has become very watchful.',
      'This matters for exercise. Some discomfort while you move, and some soreness the next day, is usually a sign of tissues getting used to work again, not of new damage. painfit keeps each step small, watches your pain with you, and eases off when it climbs, so you can move with confidence rather than fear.',
      'If something new and different happens, such as numbness, weakness or a change in bladder or bowel control, that is another matter: lesson 10 says what to do.',
    ],
    sources: ['Moseley & Butler, Explain Pain (2nd ed., 2013)', 'NICE NG59 (2016): low back pain and sciatica', 'Brinjikji 2015: scan findings in people without pain'],
  },
  {
    id: 'sensitive-alarm',
    title: 'Why pain can outlast healing: a sensitive alarm',
    body: [
      'Think of a smoke alarm. A good one goes off when there is smoke. An over-sensitive one also goes off when you make toast. After months of pain, the nerves and the brain can become like that second alarm: they send strong danger signals for small things, such as a short walk or sitting for a while.',
      'This is called sensitisation. It is not in your head, and it is not your fault. It is a change in how the nervous system works, and it can change back. Stress, poor sleep, worry and doing nothing at all tend to turn the alarm up. Gentle regular movement, good sleep, calm breathing and activities you enjoy tend to turn it down.',
      'That is why painfit asks you to move a little, often, at a level that does not set the alarm ringing for long. Over weeks, the system learns that these movements are safe, and it can settle.',
    ],
    sources: ['Moseley & Butler, Explain Pain Supercharged (2017)', 'Woolf 2011: central sensitization (Pain)', 'NICE NG193 (2021): chronic pain'],
  },
  {
    id: 'pacing',
    title: 'Pacing: steady beats boom and bust',
    body: [
      'On a good day it is tempting to do everything: the garden, the shopping, the cleaning. The next day, or the day after, the pain flares and you rest for days. Then the next good day comes, and the cycle starts again. This is the boom-and-bust cycle, and over months it tends to shrink what you can do.',
      'Pacing breaks it. You decide in advance how much to do, and you do about that amount on good days and on bad days. Break big jobs into parts with short rests between. Stop while you still feel you could do a little more.',
      'painfit plans your exercise this way. Each week\'s doses are set at the start of the week, and a good day does not earn extra. When a week goes well, next week goes up by about a tenth. It can feel slow, but steady small steps add up to much more than bursts that end in a flare.',
      'Try it with one daily task this week: pick a time or amount you can manage on a bad day, and keep to it.',
    ],
    sources: ['Nielson, Jensen, Karsdorp & Vlaeyen 2013: activity pacing in chronic pain', 'Lindström 1992: graded activity', 'NICE NG193 (2021): chronic pain'],
  },
  {
    id: 'why-exercise',
    title: 'Why exercise helps with long-term pain',
    body: [
      'Exercise is one of the best-studied ways to live better with long-term pain in the back, neck, knees and hips. It strengthens muscles that support your joints, keeps joints moving, lifts mood, helps sleep, and can calm a sensitive nervous system.',
      'No single kind of exercise is best. What works is exercise you can keep doing: a mix of walking or other gentle cardio, strength work, stretching and mind-body practice such as yoga or tai chi. Programmes like ESCAPE-pain for knees and hips and GLA:D for arthritis pair this kind of exercise with learning about pain, and people in them tend to hurt less and do more.',
      'The changes come slowly, over weeks and months, and not in a straight line. Some weeks will be harder than others. That is normal, and it is why painfit compares your pain with where you started rather than with yesterday.',
    ],
    sources: ['Geneen 2017: Cochrane overview of physical activity and exercise for chronic pain', 'NICE NG59 (2016) and NG226 (2022)', 'Hurley 2007: ESCAPE-pain', 'Skou & Roos 2017: GLA:D'],
  },
  {
    id: 'pain-during-exercise',
    title: 'How much pain during exercise is all right',
    body: [
      'You do not need to be pain-free to exercise, and waiting for that day can mean waiting for ever. A simple rule helps you judge what is all right.',
      'During exercise, pain up to 5 out of 10 is acceptable. Afterwards, your pain should settle back to its usual level by the next morning. And over the weeks, your morning pain should not keep creeping up.',
      'If one of these is broken, it is a sign the dose was a bit too much, not that you are harmed. painfit notices when you log it and eases that exercise, or the whole session, back a step. If all three hold, you carry on and build up as planned.',
      'For a joint such as the knee or hip, pain that lasts more than about two hours after a session means the same thing: a little less next time. And always stop at once and get help for chest pain, severe dizziness or unusual breathlessness.',
    ],
    sources: ['Thomeé 1997: the pain-monitoring model', 'Silbernagel 2007', 'Arthritis Foundation: the two-hour pain rule'],
  },
  {
    id: 'flare-plan',
    title: 'Flares happen: have a plan ready',
    body: [
      'Almost everyone with long-term pain has flares: days when pain is much worse than usual. They are common, they usually settle within a few days to a week, and they are very rarely a sign of new damage.',
      'A flare is easier to handle when you have decided in calm times what you will do. A good plan is short and your own: what helps you (heat, a warm shower, a walk round the house, a breathing exercise), your medicine as your doctor prescribed it, and who you can call for help or company.',
      'During a flare, keep moving gently. Bed rest for more than a day tends to make things stiffer and slower to settle. painfit gives you a lighter flare-day session, about half the usual, with gentle movement, short walks and relaxation, and holds your doses where they were.',
      'Write your plan now with painfit flare --plan, one line at a time. It will be shown to you on every flare day. If a flare lasts more than two weeks, or something new appears, painfit will ask you the safety questions again.',
    ],
    sources: ['NICE NG193 (2021): chronic pain', 'Cambridge University Hospitals NHS: managing a flare-up', 'Moseley & Butler, Explain Pain (2nd ed., 2013)'],
  },
  {
    id: 'sleep',
    title: 'Sleep and pain',
    body: [
      'Pain can make it hard to sleep, and a poor night can make the next day\'s pain feel worse. Many people notice both directions. The good news is that small changes to sleep habits often help.',
      'Keep regular times: get up at the same time each day, even after a bad night. Use the bed for sleep, not for lying awake worrying; if you have been awake for a long while, get up, do something quiet in dim light, and go back when sleepy. Keep caffeine to the morning, and alcohol low. Daytime activity and daylight help the body know when night is.',
      'A wind-down routine helps the nervous system settle: a warm shower, gentle stretches, or a breathing exercise. Long daytime naps can steal sleep from the night; a short one before mid-afternoon is fine.',
      'painfit asks about your sleep when you log. The report can show whether your pain tends to differ after poorer nights. If sleep stays poor for weeks, talk to your doctor: there are good treatments, and sleeping pills are rarely the best one.',
    ],
    sources: ['Finan, Goodin & Smith 2013: the association of sleep and pain', 'Riemann 2017: European guideline on insomnia'],
  },
  {
    id: 'worry-and-avoidance',
    title: 'Worry, avoiding movement, and finding your way back',
    body: [
      'When something hurts, it makes sense to protect it. In the first days after an injury, that helps. But when pain lasts, avoiding movements we fear can slowly shrink life: the body gets stiffer and weaker, the movements feel more threatening, and the worry grows.',
      'The way back is gradual exposure. Pick a movement you have been avoiding, such as bending to pick something up. Start with a small, easy version, repeat it calmly until it feels ordinary, and then take the next small step. Each step teaches your body and mind that the movement is safe.',
      'It helps to notice worrying thoughts and answer them kindly: "This is a sensitive back, not a broken one. I can do a little and see how it goes."',
      'Worry and low mood are common with long-term pain. If you feel down or hopeless most days, talk to your doctor: help for mood also helps with pain.',
    ],
    sources: ['Vlaeyen & Linton 2000: the fear-avoidance model', 'Hurley 2007: ESCAPE-pain', 'NICE NG193 (2021): chronic pain'],
  },
  {
    id: 'goals',
    title: 'Goals you can reach, one step at a time',
    body: [
      'Pain is easier to live with when life is about more than pain. At intake you named activities that matter to you, such as walking to the shops or playing with grandchildren. Those goals are the real measure of whether things are improving.',
      'Good goals are specific and graded. "Walk more" is hard to judge; "walk to the corner shop and back without stopping, by the end of next month" is clear. Break it into steps: this week five minutes, next week six, and so on. Write down the first step, and when you will do it.',
      'Expect some weeks to go better than others. When a step is too big, make it smaller rather than giving up. When it goes well, notice it.',
      'Each week painfit checkin asks you to rate your goals again, from 0 (cannot do it) to 10 (as well as before the pain). A rise of 2 points on average, or 3 on one goal, is a real change.',
    ],
    sources: ['Stratford 1995: the Patient-Specific Functional Scale', 'Lindström 1992: graded activity', 'Skou & Roos 2017: GLA:D'],
  },
  {
    id: 'seek-help',
    title: 'When to get help',
    body: [
      'Most changes in long-term pain are ups and downs that settle. A few signs need a clinician to take a look, and it is worth knowing them.',
      'Call emergency services or go to an emergency department the same day for: new trouble controlling your bladder or bowels; new numbness around your genitals or back passage; new weakness or numbness in both legs; or, over 50, a new headache at the temple with jaw pain when chewing or changes in vision.',
      'See a doctor within a day for: fever or chills with back or neck pain; new back or neck pain after cancer; a fall or knock if you have thin bones; new or spreading weakness or numbness in an arm or leg; unsteady walking or clumsy hands with neck pain; a hot, red, swollen joint.',
      'See your GP soon for weight loss you cannot explain, pain that wakes you and does not ease when you move, or long morning stiffness.',
      'painfit asks about these signs at intake and again when your pain jumps. It cannot examine you: when in doubt, ask.',
    ],
    sources: ['NICE NG59 (2016): low back pain and sciatica', 'Finucane 2020: international framework for red flags', 'NICE NG65 and the BSR giant-cell arteritis guideline (2020)'],
  },
  {
    id: 'staying-active',
    title: 'Staying active for good',
    body: [
      'The benefits of exercise last only as long as you keep it up. The aim of painfit is not a twelve-week course that ends, but a habit that fits your life.',
      'Over time, aim for what helps most adults: about 150 minutes a week of moderate activity, such as brisk walking where you can talk but not sing; strength work on two days; some stretching most days; and, if you are over 65 or worry about falls, balance work on three days. Small bouts count, even a few minutes at a time.',
      'Make it easy to keep going. Tie exercise to something you already do, like after breakfast. Choose activities you enjoy, and do some with other people. Put sessions in your calendar (painfit plan --ics writes them for you).',
      'Expect breaks: illness, holidays, busy weeks. After a break, start again a little lower and build back up. A lapse is not a failure; it is part of keeping going.',
    ],
    sources: ['WHO 2020: guidelines on physical activity and sedentary behaviour', 'Hurley 2012: ESCAPE-pain long-term follow-up', "ACSM's Guidelines for Exercise Testing and Prescription (11th ed., 2021)"],
  },
  {
    id: 'walking',
    title: 'Walking: simple, free, and it helps',
    body: [
      'Walking is one of the most useful things you can do for long-term back pain, and for knees and hips too. In a large trial, people who had recovered from low back pain and then followed a gradual walking programme stayed free of a new episode for much longer than those who did not.',
      'The way to start is below what you can do now, and to build up by about a tenth each week: if ten minutes is comfortable today, start at seven or eight. Walk on most days. Over the weeks, aim for about 30 minutes a day, and then for a brisker pace where you can talk but not sing.',
      'Comfortable shoes help, and so does a route with places to rest. On a bad day, walk less, in short bouts, rather than not at all.',
      'If walking is not possible for you, a seated cycle, a pool or marching in a chair do a similar job.',
    ],
    sources: ['Pocovi 2024: the WalkBack trial (Lancet)', 'Hurley 2007: ESCAPE-pain', 'WHO 2020: guidelines on physical activity'],
  },
];

/** The lesson numbered `n` (1-based, the order above), or undefined. */
export function lessonByNumber(n: number): Lesson | undefined {
  return Number.isInteger(n) && n >= 1 ? LESSONS[n - 1] : undefined;
}

export function lessonNumber(id: string): number | null {
  const i = LESSONS.findIndex((l) => l.id === id);
  return i < 0 ? null : i + 1;
}

export function lessonWordCount(lesson: Lesson): number {
  return [lesson.title, ...lesson.body].join(' ').split(/\s+/).filter(Boolean).length;
}

/** Whole minutes of reading, at least 1. */
export function readingMinutes(lesson: Lesson): number {
  return Math.max(1, Math.ceil(lessonWordCount(lesson) / READING_WORDS_PER_MINUTE));
}

/** A lesson read: the stored fact (lesson id and the date it was read). */
export interface LessonRead {
  lessonId: string;
  date: IsoDate;
}

/** The first date each lesson was read on or before `asOf`. */
export function readDates(reads: readonly LessonRead[], asOf: IsoDate): Map<string, IsoDate> {
  const out = new Map<string, IsoDate>();
  for (const r of reads) {
    if (r.date > asOf) continue;
    const seen = out.get(r.lessonId);
    if (seen === undefined || r.date < seen) out.set(r.lessonId, r.date);
  }
  return out;
}

/**
 * The lesson offered in plan week `week` (1-based): one a week in the first weeks (§8). Week w
 * offers the first unread lesson among lessons 1..w, so a missed week can be caught up, reading
 * ahead is never pushed, and once lessons 1..w are read nothing more is offered that week.
 * Null when nothing is due (or every lesson is read).
 */
export function offeredLesson(read: ReadonlySet<string>, week: number): number | null {
  const due = Math.min(Math.max(0, Math.floor(week)), LESSONS.length);
  for (let n = 1; n <= due; n++) if (!read.has(LESSONS[n - 1]!.id)) return n;
  return null;
}

/** The next unread lesson in order, whatever the week (what `painfit learn` suggests). */
export function nextUnread(read: ReadonlySet<string>): number | null {
  const i = LESSONS.findIndex((l) => !read.has(l.id));
  return i < 0 ? null : i + 1;
}
