// Shared vocabularies of the command-line contract (design.md). Pure data.

export const EXERCISE_TYPES = ['cardio', 'strength', 'flexibility', 'mind-body', 'balance'] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];

export const REGIONS = [
  'neck',
  'shoulder',
  'upper-back',
  'low-back',
  'hip',
  'knee',
  'ankle-foot',
  'wrist-hand',
  'widespread',
] as const;
export type Region = (typeof REGIONS)[number];

export const POSITIONS = ['standing', 'seated', 'floor'] as const;
export type Position = (typeof POSITIONS)[number];

/** Equipment a user may own. A chair and a wall are assumed everywhere, so exercises never list them. */
export const EQUIPMENT = ['band', 'chair', 'dumbbells', 'bike', 'pool', 'mat', 'step'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const CARDIO_LIKES = ['walking', 'cycling', 'swimming', 'seated'] as const;
export type CardioLike = (typeof CARDIO_LIKES)[number];

export const MIND_BODY_LIKES = ['yoga', 'tai-chi', 'pilates', 'breathing'] as const;
export type MindBodyLike = (typeof MIND_BODY_LIKES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
