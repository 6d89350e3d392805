// The whole intake questionnaire as a pty script: each question as it appears on screen, and the
// keys that answer it. Shared by the pty tests that drive every question (interrupt-pty,
// prompt-wrap-pty).
import { KEY } from './pty';

export const type = (text: string) => text + KEY.enter;
export const yes = 'y' + KEY.enter;
export const no = 'n' + KEY.enter;

/** One question as it appears on screen, and the keys that answer it. */
export interface Question {
  step: string;
  ask: string;
  keys: string;
}

export const q = (step: string, ask: string, keys: string): Question => ({ step, ask, keys });

/** Every question of the intake, in order, with a warning sign ticked so the clearance question is asked too. */
export const INTAKE: Question[] = [
  q('1 about you', 'What should painfit call you?', type('Alex')),
  q('1 about you', 'How old are you?', type('62')),
  q('2 health', 'heart condition or high blood pressure?', no),
  q('2 health', 'pain in your chest', no),
  q('2 health', 'lost your balance because of dizziness', no),
  q('2 health', 'another long-term health condition', no),
  q('2 health', 'prescribed medicine', yes),
  q('2 health', 'bone, joint or muscle problem', yes),
  q('2 health', 'only with medical supervision?', no),
  // Issue 8: the bone/joint follow-ups, the version 2 warning signs (most serious first), mood.
  q('2 health', 'broken a bone', no),
  q('2 health', 'joint replacement or any other operation', no),
  q('2 health', 'steroid tablets or injections', no),
  q('3 warning signs', 'New or worsening trouble passing urine', no),
  q('3 warning signs', 'New or worsening numbness around your bottom', no),
  q('3 warning signs', 'New or worsening weakness or numbness in both legs?', no),
  q('3 warning signs', 'headache at your temple', no),
  q('3 warning signs', 'New fever or chills', no),
  q('3 warning signs', 'Have you had cancer', no),
  q('3 warning signs', 'A recent fall or injury', no),
  q('3 warning signs', 'New or spreading weakness', no),
  q('3 warning signs', 'unsteady walking or clumsy hands', no),
  q('3 warning signs', 'A new hot, red, swollen joint?', no),
  q('3 warning signs', 'stiffness in both shoulders or both hips', no),
  q('3 warning signs', 'Weight loss you cannot explain', no),
  q('3 warning signs', 'pain that wakes you at night', yes),
  q('3 warning signs', 'Stiffness most mornings', no),
  q('3 warning signs', 'little interest or pleasure', no),
  q('3 warning signs', 'felt down, low or hopeless', no),
  q('3 warning signs', 'Has a doctor or physiotherapist already seen you', no),
  q('4 pain', 'Where is your pain?', KEY.space + KEY.enter),
  q('4 pain', 'For how many months', type('24')),
  q('4 pain', 'On average over the past week', type('6')),
  q('4 pain', 'PEG 1/3', type('5')),
  q('4 pain', 'PEG 2/3', type('7')),
  q('4 pain', 'PEG 3/3', type('4')),
  q('5 goals', 'An activity you want to get back to', type('walk the dog')),
  q('5 goals', 'How well can you do "walk the dog" now?', type('3')),
  q('5 goals', 'Add another activity?', yes),
  q('5 goals', 'Another activity', type('garden')),
  q('5 goals', 'How well can you do "garden" now?', type('2')),
  q('5 goals', 'Add another activity?', KEY.enter),
  q('6 ability', 'How many minutes can you walk today', type('15')),
  q('6 ability', 'get down to the floor', yes),
  q('6 ability', 'worry about your balance', no),
  q('6 ability', 'osteoporosis', no),
  q('7 week', 'Which days will you exercise?', KEY.enter),
  q('7 week', 'How many minutes per session?', type('25')),
  q('8 likes', 'Which kinds of gentle cardio', KEY.enter),
  q('8 likes', 'Which mind-body practices', KEY.enter),
  q('8 likes', 'What equipment do you have?', KEY.enter),
  q('summary', 'Save these answers?', yes),
];
