// The clinical rules as named constants, each with its source (../shared/clinical-rules.md).
// Where no source sets a number it is marked DEFAULT: our chosen value.
import type { Purpose } from './exercise';
import type { ExerciseType, Region } from './vocab';

// §1a Readiness (after PAR-Q+, PAR-Q+ Collaboration 2023; Warburton 2011)
/**
 * Effort ceiling (Borg CR10 3 = moderate) while a readiness answer other than chest pain /
 * supervision-only, or a follow-up to the bone/joint question, is "yes" and not yet cleared
 * (PAR-Q+ "become more active slowly"; ACSM light-to-moderate for those not yet cleared).
 */
export const LIGHT_ONLY_MAX_EFFORT = 3;
/** PAR-Q+ follow-up: a fracture in the last 12 weeks counts as recent. */
export const RECENT_FRACTURE_WEEKS = 12;
/** PAR-Q+ follow-up: a joint replacement or other surgery in the last 12 weeks counts as recent. */
export const RECENT_SURGERY_WEEKS = 12;
/** PAR-Q+ follow-up: steroid tablets or injections taken regularly for more than 3 months. */
export const LONG_TERM_STEROID_MONTHS = 3;
/** Clearance and screening answers go stale after this many months (PAR-Q+: re-screen yearly or on change). */
export const SCREENING_VALID_MONTHS = 12;
/** Dizziness or fainting counts when it happened in the last 12 months (PAR-Q+). */
export const DIZZINESS_LOOKBACK_MONTHS = 12;

// §1b Warning signs (NICE NG59 §1.1.1; Finucane 2020; BMJ Best Practice cauda equina; NICE NG65;
// BSR giant-cell arteritis guideline 2020)
/** An urgent warning sign: see a clinician within this many hours (Finucane 2020; NICE NG65). */
export const URGENT_WITHIN_HOURS = 24;
/** Giant-cell arteritis and polymyalgia signs count from this age (BSR 2020). */
export const GCA_AGE = 50;
/** The inflammatory pattern: morning stiffness longer than this many minutes... (NICE NG65; ASAS criteria) */
export const INFLAMMATORY_STIFFNESS_MINUTES = 30;
/** ...that began before this age (ASAS criteria for inflammatory back pain). */
export const INFLAMMATORY_ONSET_AGE = 45;
/** Mood: the PHQ-2-style questions look back this many weeks (Kroenke 2003). */
export const MOOD_LOOKBACK_WEEKS = 2;
/** Mood: this many "yes" answers → a calm line suggesting a talk with the doctor (PHQ-2 screen positive). */
export const MOOD_YES_TO_SUGGEST = 2;

// §1d Safety net every day (DEFAULT rules)
/** A check-in with pain at or above this → the reply lists the warning signs. DEFAULT */
export const SAFETY_NET_PAIN = 9;
/** ...or pain during exercise at or above this. DEFAULT */
export const SAFETY_NET_DURING = 8;
/** ...or pain this many points or more above the reference level (§5). DEFAULT */
export const SAFETY_NET_RISE_POINTS = 3;

// §2 Measures
/** Meaningful pain change: reduction >= 30 % or >= 2 points (Farrar 2001; IMMPACT, Dworkin 2008). */
export const MEANINGFUL_CHANGE_PERCENT = 30;
export const MEANINGFUL_CHANGE_POINTS = 2;
/** Substantial change: reduction >= 50 % (Farrar 2001; Dworkin 2008). */
export const SUBSTANTIAL_CHANGE_PERCENT = 50;
/** Below about 15 % a change is within day-to-day noise (Farrar 2001). */
export const NOISE_CHANGE_PERCENT = 15;
/** PSFS real change: >= 2 points on the mean, >= 3 on one item (Stratford 1995). */
export const PSFS_MEAN_CHANGE = 2;
export const PSFS_ITEM_CHANGE = 3;

// §3 Pain-monitoring model (Thomeé 1997; Silbernagel 2007; Holmgren 2012)
/** Pain during exercise up to this level is acceptable. */
export const MAX_PAIN_DURING_EXERCISE = 5;
/** Joint pain lasting longer than this after a session means the dose was too high (Arthritis Foundation / Mayo). */
export const MAX_HOURS_JOINT_PAIN_AFTER = 2;

// §4 Dosing and progression (Lindström 1992 graded activity; Buist 2008; ACSM; WHO 2020)
/** First time-based dose is 70-80 % of what the user can do now; we take the middle. */
export const START_FRACTION_MIN = 0.7;
export const START_FRACTION_MAX = 0.8;
export const START_FRACTION = 0.75;
/** Weekly progression step (a convention, Buist 2008). */
export const WEEKLY_PROGRESSION = 0.1;
/** A week earns progression only when at least this share of planned sessions was done. */
export const ADHERENCE_TO_PROGRESS = 2 / 3;
/** Strength reps: start 8-10, progress to 12-15, then a rung up at the lower count (ACSM). */
export const START_REPS_MIN = 8;
export const START_REPS_MAX = 10;
export const MAX_REPS = 15;
export const START_SETS_MAX = 2;
/** Static holds 15-30 s. */
export const HOLD_SECONDS_MIN = 15;
export const HOLD_SECONDS_MAX = 30;
/** Holds shown to a person are round: 5 s steps (clinical-rules §4 "doses shown are round"). */
export const HOLD_STEP_SECONDS = 5;
/**
 * Effort targets on the Borg CR10 scale (ACSM; clinical-rules §4): strength, balance and mind-body
 * at 2 (light) in weeks 1-2, then 3 (moderate); strength may reach 4 (somewhat hard) after 6
 * tolerated weeks. The light-effort rule (§1a) caps everything at LIGHT_ONLY_MAX_EFFORT.
 */
export const START_EFFORT = 2;
export const START_EFFORT_WEEKS = 2;
export const MODERATE_EFFORT = 3;
export const TARGET_EFFORT_MAX = 4;
/** Strength (ACSM; OARSI; Bennell 2013): reps grow to this count before a set is added... */
export const REPS_BEFORE_NEXT_SET = 12;
/** ...up to this many sets; then reps to MAX_REPS, then the next rung at 2 sets of START_REPS_MIN. */
export const MAX_SETS = 3;
export const SETS_ON_NEW_RUNG = 2;
/** Cardio (ACSM: duration before intensity): easy until this many tolerated weeks at the full minutes, then brisk. */
export const BRISK_AFTER_WEEKS_AT_GOAL = 2;
/** Walking track (WalkBack, Pocovi 2024; ESCAPE-pain): walking days a week by default... */
export const WALK_DAYS_DEFAULT = 5;
/** ...growing by the weekly step up to this many minutes a day, then brisk. */
export const WALK_GOAL_MINUTES = 30;
/** After a break (no check-in and no session for this many days), resume one step lower per missed week. */
export const BREAK_DAYS = 7;
/** Strength may reach TARGET_EFFORT_MAX after this many tolerated weeks (ACSM; clinical-rules §4). */
export const STRENGTH_HARDER_AFTER_WEEKS = 6;
/** Borg CR10 words (Borg 1982), the only words painfit shows beside an effort number. */
export const EFFORT_LABELS: readonly string[] = ['rest', 'very light', 'light', 'moderate', 'somewhat hard', 'hard', 'hard', 'very hard', 'very hard', 'very hard', 'maximal'];
/** Deconditioned starters do cardio in bouts of at most this many minutes (ACSM arthritis; WHO 2020). */
export const MAX_BOUT_MINUTES_DECONDITIONED = 10;
/** Strength days for the same muscles are at least 48 h apart (ACSM). */
export const STRENGTH_REST_HOURS = 48;
/** Long-term targets shown as "where this is heading" (WHO 2020; ACSM). */
export const WEEKLY_MODERATE_MINUTES_MIN = 150;
export const WEEKLY_MODERATE_MINUTES_MAX = 300;
export const STRENGTH_DAYS_TARGET = 2;
export const BALANCE_DAYS_TARGET = 3;
/** Balance work is called for from this age (WHO 2020). */
export const BALANCE_AGE = 65;
/**
 * §4 balance starts supported, static and on two feet (Otago; Sherrington 2019), and "a narrower
 * base" comes later. One-leg standing (a 'single-leg' caution, a yoga tree included) is therefore
 * never a first balance step for someone who walks less than this many minutes, or who has
 * osteoporosis (a fall risks a fracture: Too Fit To Fracture, Giangregorio 2014); they start with
 * feet together or semi-tandem holding support, and reach one leg only on feedback. DEFAULT: the
 * same threshold as walking balance (WALKING_BALANCE_MIN_WALK_MINUTES), from a physiotherapist's review.
 */
export const SINGLE_LEG_START_MIN_WALK_MINUTES = 10;

// §5 Flares (NICE NG193; CUH NHS flare-up guidance). DEFAULT thresholds.
/** Reference level: mean of check-ins in the previous 7 days, excluding flare days. DEFAULT */
export const FLARE_REFERENCE_DAYS = 7;
/** With fewer check-ins than this in the window, the intake average is the reference. DEFAULT */
export const FLARE_REFERENCE_MIN_CHECKINS = 3;
/** A flare is a check-in this many points above the reference... DEFAULT */
export const FLARE_RISE_POINTS = 2;
/** ...or any check-in at or above this level... DEFAULT */
export const FLARE_ABSOLUTE_PAIN = 8;
/**
 * ...when the reference level is below this. Entry and exit never overlap (clinical-rules §5): a
 * person whose usual pain is 7 or more is never in a flare for pain at their usual level. DEFAULT
 */
export const FLARE_ABSOLUTE_BELOW_REFERENCE = 7;
/** ...or pain during exercise above MAX_PAIN_DURING_EXERCISE for this many sessions running. DEFAULT */
export const FLARE_DURING_SESSIONS = 2;
/** Flare-day volume as a share of the usual session. DEFAULT */
export const FLARE_VOLUME_FRACTION = 0.5;
/** Leaving a flare: this many consecutive check-ins no more than FLARE_SETTLED_MARGIN above the reference. DEFAULT */
export const FLARE_SETTLED_CHECKINS = 2;
export const FLARE_SETTLED_MARGIN = 1;
/** A flare longer than this many days prompts the red-flag questions again. DEFAULT */
export const FLARE_RESCREEN_DAYS = 14;

// §6 What each painful region calls for (NICE NG59, NG226; OARSI 2019; ACR 2019; Gross 2015;
// Owen 2020; EULAR 2016; Holmgren 2012). Flexibility is in every session regardless.
// ankle-foot and wrist-hand are not named in the sources: their rows are DEFAULT.
export const REGION_EMPHASIS: Readonly<Record<Region, readonly ExerciseType[]>> = {
  'low-back': ['strength', 'cardio', 'mind-body'],
  neck: ['strength', 'flexibility'],
  'upper-back': ['strength', 'flexibility'],
  knee: ['strength', 'cardio', 'mind-body', 'balance'],
  hip: ['strength', 'cardio', 'mind-body', 'balance'],
  shoulder: ['strength', 'flexibility'],
  widespread: ['cardio', 'strength', 'mind-body'],
  'ankle-foot': ['strength', 'balance', 'flexibility'],
  'wrist-hand': ['strength', 'flexibility'],
};
/** Regions whose pain calls for balance and gait work (OARSI 2019). */
export const BALANCE_REGIONS: readonly Region[] = ['hip', 'knee', 'ankle-foot'];
/**
 * Widespread pain / fibromyalgia: start with about 10 minutes a day (EULAR 2016), never below what
 * the person can already walk comfortably (clinical-rules §6).
 */
export const WIDESPREAD_START_MINUTES = 10;
/**
 * ...gentle aerobic and mind-body work first, "then strength" (EULAR 2016; clinical-rules §6):
 * strength days join the plan after this many tolerated weekly steps. DEFAULT
 */
export const WIDESPREAD_STRENGTH_AFTER_WEEKS = 2;

// §4 Balance that is safe (Otago; Sherrington 2019). The walking thresholds are set by
// clinical-rules.md §4; no trial fixes them: DEFAULT.
/** Below this many minutes of walking, balance work stays seated. DEFAULT (clinical-rules §4) */
export const STANDING_BALANCE_MIN_WALK_MINUTES = 5;
/** Walking (gait) balance only for people who can walk at least this long. DEFAULT (clinical-rules §4) */
export const WALKING_BALANCE_MIN_WALK_MINUTES = 10;

// §6 Region cores: what every session that trains a region must hold (NICE NG59; OARSI 2019;
// Bennell 2013; Gross 2015 Cochrane neck; Holmgren 2012 shoulder; Giangregorio 2014 Too Fit To
// Fracture). Each entry is a list of needs; a need is met by an exercise that trains any of its
// purposes. ankle-foot and wrist-hand are not named in the sources: DEFAULT.
export const REGION_CORE: Readonly<Record<Region, readonly (readonly Purpose[])[]>> = {
  'low-back': [['trunk', 'back-extensors'], ['hip-extensors', 'hip-abductors']],
  neck: [['deep-neck-flexors'], ['shoulder-blade']],
  'upper-back': [['deep-neck-flexors'], ['shoulder-blade']],
  knee: [['quadriceps'], ['hip-abductors']],
  hip: [['hip-abductors'], ['hip-extensors']],
  shoulder: [['rotator-cuff'], ['shoulder-blade']],
  'ankle-foot': [['calf']],
  'wrist-hand': [['grip']],
  // EULAR 2016: gentle aerobic and mind-body from the first week, then strength (no muscle core).
  widespread: [],
};
/** Osteoporosis (Too Fit To Fracture, Giangregorio 2014): back-extensor and lower-limb strength. */
export const OSTEOPOROSIS_CORE: readonly (readonly Purpose[])[] = [['back-extensors'], ['quadriceps', 'hip-extensors']];

/** §6 Goals: activities the library can practise, found in the words of a goal. DEFAULT wording. */
export const GOAL_PRACTICE = [
  { practice: 'stairs', words: /\b(stairs?|steps?|kerbs?|curbs?|upstairs|downstairs)\b/i },
  { practice: 'floor-transfer', words: /\b(floor|get(ting)? (up|down)|fall(s|ing)?)\b/i },
  { practice: 'lifting', words: /\b(lift(ing)?|carry(ing)?|shopping|bags?|grandchild(ren)?|garden(ing)?|laundry)\b/i },
  { practice: 'walking', words: /\b(walk(s|ing)?|hike|hiking|stroll)\b/i },
] as const;
export type GoalPractice = (typeof GOAL_PRACTICE)[number]['practice'];
