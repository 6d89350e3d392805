// Screening (clinical-rules.md §1, rewritten for issue 8): every readiness question and follow-up,
// every warning sign, alone and combined, dated clearances and their expiry; each case a clinical
// situation with its source.
import { describe, expect, it } from 'vitest';
import {
  FOLLOW_UPS,
  READINESS_QUESTIONS,
  RED_FLAGS,
  upgradeAnswers,
  type FollowUp,
  type IntakeAnswers,
  type ReadinessQuestion,
  type RedFlag,
} from '../src/domain/intake';
import { INTAKE_TEMPLATE, INTAKE_TEMPLATE_V1 } from '../src/domain/intake-template';
import { LIGHT_ONLY_MAX_EFFORT, SCREENING_VALID_MONTHS, TARGET_EFFORT_MAX } from '../src/domain/rules';
import {
  actNowTier,
  PRE_SESSION_ADVICE,
  preSessionDecision,
  effortCap,
  FLAG_TIERS,
  READINESS_LABEL,
  READINESS_STOP,
  RED_FLAG_LABEL,
  RED_FLAG_TIER,
  SCREENING_MESSAGES,
  screen,
  type ClearanceFact,
  type Readiness,
  type RedFlagTier,
} from '../src/domain/screening';

const INTAKE_DATE = '2026-03-02';

/** A person who answered "no" to every screening question, plus the "yes" answers given. */
function person(
  yes: { readiness?: ReadinessQuestion[]; followUps?: FollowUp[]; redFlags?: RedFlag[]; clearance?: string; mood?: boolean } = {},
): IntakeAnswers {
  const a = structuredClone(INTAKE_TEMPLATE);
  for (const q of READINESS_QUESTIONS) a.readiness[q] = yes.readiness?.includes(q) ?? false;
  for (const f of FOLLOW_UPS) a.readiness.followUps[f] = yes.followUps?.includes(f) ?? false;
  if (yes.followUps?.length) a.readiness.boneJoint = true;
  for (const f of RED_FLAGS) a.redFlags[f] = yes.redFlags?.includes(f) ?? false;
  a.clearance = yes.clearance ? { date: yes.clearance, by: 'Dr Patel' } : null;
  if (yes.mood) a.mood = { interest: true, down: true };
  return a;
}

const screenOf = (answers: IntakeAnswers, asOf = INTAKE_DATE, clearances: ClearanceFact[] = []) => screen(answers, INTAKE_DATE, asOf, clearances);
const cleared = (seen: string, recordedOn = seen): ClearanceFact => ({ seen, by: null, recordedOn, source: 'clear' });

describe('readiness questions alone (PAR-Q+ 2023; Warburton 2011)', () => {
  it('all "no" → proceed, with effort allowed above the light ceiling', () => {
    const s = screenOf(person());
    expect(s).toMatchObject({ outcome: 'proceed', readiness: 'proceed', redFlagTier: null, readinessYes: [], progressionPaused: false });
    expect(s.maxEffort).toBe(TARGET_EFFORT_MAX);
    expect(s.notes).toContain(SCREENING_MESSAGES.proceed);
  });

  it.each<[string, ReadinessQuestion, Readiness]>([
    ['a heart condition or high blood pressure diagnosed by a doctor', 'heartCondition', 'light'],
    ['chest pain at rest, in daily life or when active', 'chestPain', 'stop'],
    ['dizziness or fainting in the last 12 months', 'dizziness', 'light'],
    ['another diagnosed chronic condition', 'otherCondition', 'light'],
    ['prescribed medicine for a chronic condition', 'medication', 'light'],
    ['a bone, joint or soft-tissue problem: the pain itself, no cap (§1a)', 'boneJoint', 'proceed'],
    ['told by a doctor to exercise only under supervision', 'supervisedOnly', 'stop'],
  ])('%s (%s) → %s', (_situation, question, expected) => {
    const s = screenOf(person({ readiness: [question] }));
    expect(s.readiness).toBe(expected);
    expect(s.outcome).toBe(expected);
    expect(s.readinessYes).toEqual([question]);
    expect(s.redFlagTier).toBeNull();
    const text = s.notes.join(' ');
    if (expected === 'light') {
      expect(s.maxEffort).toBe(LIGHT_ONLY_MAX_EFFORT);
      expect(s.lightBecause).toEqual([READINESS_LABEL[question]]);
      // The note names which answer applied, and says 3 is "moderate" on the Borg CR10 scale.
      expect(text).toContain(READINESS_LABEL[question]);
      expect(text).toContain('3 out of 10 (moderate)');
      expect(text).toMatch(/doctor or physiotherapist/);
      expect(text).not.toMatch(/emergency|24 hours/);
    } else if (expected === 'stop') {
      expect(s.stopReason).toBe('readiness');
      expect(text).toContain(READINESS_LABEL[question]);
      expect(text).toContain('painfit clear --seen DATE');
    } else {
      expect(s.maxEffort).toBe(TARGET_EFFORT_MAX);
      expect(s.notes).toEqual([SCREENING_MESSAGES.proceed]);
    }
  });

  it('a heart or chest answer is never called "very common" (§1a)', () => {
    for (const q of ['heartCondition', 'chestPain'] as const) {
      expect(screenOf(person({ readiness: [q] })).notes.join(' ')).not.toMatch(/common/i);
    }
  });

  it('the stop questions are exactly chest pain and supervision-only', () => {
    expect([...READINESS_STOP].sort()).toEqual(['chestPain', 'supervisedOnly']);
  });
});

describe('bone/joint follow-ups (PAR-Q+ 2023 follow-up questions)', () => {
  it.each<[string, FollowUp]>([
    ['a fracture in the last 12 weeks, or from osteoporosis or cancer', 'recentFracture'],
    ['a joint replacement or other surgery in the last 12 weeks', 'recentSurgery'],
    ['steroid tablets or injections for more than 3 months', 'longTermSteroids'],
  ])('%s → effort ≤ 3 until cleared, and the note names it', (_s, f) => {
    const s = screenOf(person({ readiness: ['boneJoint'], followUps: [f] }));
    expect(s).toMatchObject({ outcome: 'light', maxEffort: LIGHT_ONLY_MAX_EFFORT, followUpsYes: [f] });
    expect(s.lightBecause).toHaveLength(1);
    expect(s.notes.join(' ')).toContain(s.lightBecause[0]!);
    // Cleared with a date → the cap is lifted.
    expect(screenOf(person({ readiness: ['boneJoint'], followUps: [f], clearance: INTAKE_DATE })).maxEffort).toBe(TARGET_EFFORT_MAX);
  });

  it('bone/joint with every follow-up "no" → no cap', () => {
    expect(effortCap(person({ readiness: ['boneJoint'] }), INTAKE_DATE, INTAKE_DATE)).toBe(TARGET_EFFORT_MAX);
  });
});

describe('warning signs alone (NICE NG59 §1.1.1; Finucane 2020; BMJ Best Practice; NICE NG65; BSR GCA 2020)', () => {
  it.each<[string, RedFlag, RedFlagTier]>([
    ['new bladder or bowel control problems (possible cauda equina)', 'bladderBowel', 'emergency'],
    ['saddle or genital numbness (possible cauda equina)', 'saddleNumbness', 'emergency'],
    ['weakness or numbness in both legs (possible cauda equina)', 'legWeakness', 'emergency'],
    ['temple headache with jaw pain or vision changes over 50 (possible GCA, BSR 2020)', 'temporalHeadache', 'emergency'],
    ['fever or chills with spinal pain (infection, Finucane 2020)', 'feverWithPain', 'urgent'],
    ['history of cancer with new back or neck pain (NICE NG59; Finucane 2020)', 'cancerHistory', 'urgent'],
    ['a fall or injury with osteoporosis or long-term steroids (fracture)', 'injuryWithOsteoporosis', 'urgent'],
    ['new or spreading weakness or numbness in one limb (Finucane 2020)', 'newNumbness', 'urgent'],
    ['unsteady walking or clumsy hands with neck pain (myelopathy, NICE NG65)', 'unsteadyOrClumsy', 'urgent'],
    ['a hot, red, swollen joint (septic arthritis or gout)', 'hotSwollenJoint', 'urgent'],
    ['new shoulder- and hip-girdle stiffness over 50 (polymyalgia, BSR)', 'girdleStiffness', 'urgent'],
    ['unexplained weight loss (Finucane 2020)', 'weightLoss', 'non-urgent'],
    ['night pain not eased by changing position (Finucane 2020)', 'nightPain', 'non-urgent'],
    ['inflammatory morning stiffness, onset before 45 (NICE NG59)', 'morningStiffness', 'non-urgent'],
  ])('%s (%s) → %s', (_situation, flag, tier) => {
    expect(RED_FLAG_TIER[flag]).toBe(tier);
    const s = screenOf(person({ redFlags: [flag] }));
    expect(s.redFlagTier).toBe(tier);
    expect(s.flags).toEqual([{ flag, tier }]);
    const text = s.notes.join(' ');
    expect(text).toContain(RED_FLAG_LABEL[flag]);
    if (tier === 'emergency') {
      expect(s).toMatchObject({ outcome: 'stop', stopReason: 'emergency' });
      expect(s.notes[0]).toBe(SCREENING_MESSAGES.emergency([flag]));
      // What to do, how soon, and what to tell them.
      expect(text).toMatch(/call emergency services or go to an emergency department now, today/i);
      expect(text).toMatch(/Tell them: "I have/);
    } else if (tier === 'urgent') {
      expect(s).toMatchObject({ outcome: 'stop', stopReason: 'urgent' });
      expect(s.notes[0]).toBe(SCREENING_MESSAGES.urgent([flag]));
      expect(text).toMatch(/within 24 hours/);
      expect(text).not.toMatch(/emergency/i);
    } else {
      expect(s.outcome).toBe('proceed');
      expect(s.progressionPaused).toBe(true);
      expect(text).toMatch(/GP/);
      expect(text).not.toMatch(/emergency|24 hours/i);
    }
  });

  it('every warning sign has a tier, and the tier model lists them most serious first', () => {
    expect(Object.keys(RED_FLAG_TIER).sort()).toEqual([...RED_FLAGS].sort());
    const order = FLAG_TIERS.map((f) => ['emergency', 'urgent', 'non-urgent'].indexOf(f.tier));
    expect(order).toEqual([...order].sort());
  });

  it('act at once: emergency and urgent answers, not the others', () => {
    expect(actNowTier({ bladderBowel: true })).toBe('emergency');
    expect(actNowTier({ hotSwollenJoint: true })).toBe('urgent');
    expect(actNowTier({ nightPain: true })).toBeNull();
  });
});

describe('combinations: the most serious answer comes first (clinical-rules.md §1)', () => {
  it.each<[string, Parameters<typeof person>[0], { outcome: Readiness; tier: RedFlagTier | null; paused: boolean; first: RegExp }]>([
    ['emergency + urgent → emergency care first', { redFlags: ['cancerHistory', 'saddleNumbness'] }, { outcome: 'stop', tier: 'emergency', paused: false, first: /emergency department/ }],
    ['urgent + non-urgent → urgent', { redFlags: ['feverWithPain', 'weightLoss'] }, { outcome: 'stop', tier: 'urgent', paused: true, first: /24 hours/ }],
    ['all three non-urgent flags → a plan, progression paused', { redFlags: ['weightLoss', 'nightPain', 'morningStiffness'] }, { outcome: 'proceed', tier: 'non-urgent', paused: true, first: /GP/ }],
    ['chest pain + night pain → stop', { readiness: ['chestPain'], redFlags: ['nightPain'] }, { outcome: 'stop', tier: 'non-urgent', paused: true, first: /chest pain/ }],
    ['medication + morning stiffness → light, paused', { readiness: ['medication', 'boneJoint'], redFlags: ['morningStiffness'] }, { outcome: 'light', tier: 'non-urgent', paused: true, first: /GP/ }],
    ['several light answers → still light, not stop', { readiness: ['heartCondition', 'dizziness', 'otherCondition', 'medication', 'boneJoint'] }, { outcome: 'light', tier: null, paused: false, first: /heart condition/ }],
    ['chest pain + bladder problems → emergency first', { readiness: ['chestPain'], redFlags: ['bladderBowel'] }, { outcome: 'stop', tier: 'emergency', paused: false, first: /emergency department/ }],
  ])('%s', (_situation, yes, expected) => {
    const s = screenOf(person(yes));
    expect(s.outcome).toBe(expected.outcome);
    expect(s.redFlagTier).toBe(expected.tier);
    expect(s.progressionPaused).toBe(expected.paused);
    expect(s.notes[0]).toMatch(expected.first);
    if (expected.outcome === 'stop') expect(s.notes).not.toContain(SCREENING_MESSAGES.proceed);
  });
});

describe('dated clearances (clinical-rules.md §1c)', () => {
  it.each<[string, Parameters<typeof person>[0]]>([
    ['chest pain', { readiness: ['chestPain'] }],
    ['supervision-only', { readiness: ['supervisedOnly'] }],
    ['an urgent sign', { redFlags: ['cancerHistory'] }],
    ['a heart condition (light)', { readiness: ['heartCondition'] }],
  ])('%s may be cleared in the same sitting (seen before)', (_s, yes) => {
    const s = screenOf(person({ ...yes, clearance: '2026-02-20' }));
    expect(s).toMatchObject({ outcome: 'proceed', cleared: true, maxEffort: TARGET_EFFORT_MAX });
    expect(s.notes[0]).toBe(SCREENING_MESSAGES.cleared('2026-02-20', 'Dr Patel'));
  });

  it('an emergency sign is NOT lifted by a clearance in the same answers', () => {
    const s = screenOf(person({ redFlags: ['saddleNumbness'], clearance: INTAKE_DATE }));
    expect(s).toMatchObject({ outcome: 'stop', stopReason: 'emergency', cleared: false });
    expect(s.notes).toContain(SCREENING_MESSAGES.emergencyNotClearedInSitting);
  });

  it('an emergency sign is lifted by painfit clear dated on or after the report, not before', () => {
    const a = person({ redFlags: ['legWeakness'] });
    expect(screenOf(a, '2026-03-05', [cleared(INTAKE_DATE, '2026-03-05')]).outcome).toBe('proceed');
    expect(screenOf(a, '2026-03-05', [cleared('2026-03-04', '2026-03-05')]).outcome).toBe('proceed');
    expect(screenOf(a, '2026-03-05', [cleared('2026-03-01', '2026-03-05')]).outcome).toBe('stop');
  });

  it('a clearance recorded before later answers does not cover them (a sign reported again needs a new one)', () => {
    const s = screen(person({ redFlags: ['cancerHistory'] }), '2026-04-01', '2026-04-01', [cleared('2026-03-10', '2026-03-10')]);
    expect(s.outcome).toBe('stop');
  });

  it('a clearance recorded after the day asked about does not change that day', () => {
    expect(screenOf(person({ readiness: ['chestPain'] }), '2026-03-03', [cleared('2026-03-03', '2026-03-04')]).outcome).toBe('stop');
  });

  it.each<[string, string, Readiness]>([
    ['one day short of 12 months', '2027-03-01', 'proceed'],
    ['exactly 12 months after the visit', '2027-03-02', 'stop'],
    ['two years later', '2028-03-02', 'stop'],
  ])('a clearance expires after 12 months: %s → %s, naming painfit recheck', (_s, asOf, outcome) => {
    const s = screenOf(person({ readiness: ['heartCondition'], clearance: INTAKE_DATE }), asOf);
    expect(s.outcome).toBe(outcome);
    if (outcome === 'stop') {
      expect(s.stopReason).toBe('clearance-expired');
      expect(s.notes[0]).toContain('painfit recheck');
    }
    expect(SCREENING_VALID_MONTHS).toBe(12);
  });

  it('a non-urgent flag: progression resumes once a clinician has seen the person', () => {
    expect(screenOf(person({ redFlags: ['nightPain'] })).progressionPaused).toBe(true);
    const s = screenOf(person({ redFlags: ['nightPain'], clearance: INTAKE_DATE }));
    expect(s.progressionPaused).toBe(false);
    expect(s.outcome).toBe('proceed');
  });
});

describe('mood (after the PHQ-2, Kroenke 2003): a calm line, never a block', () => {
  it('two "yes" → the line; the plan is unchanged', () => {
    const s = screenOf(person({ mood: true }));
    expect(s).toMatchObject({ outcome: 'proceed', moodConcern: true });
    expect(s.notes).toContain(SCREENING_MESSAGES.mood);
  });
  it('one "yes" → no line', () => {
    const a = person();
    a.mood.down = true;
    expect(screenOf(a).notes).not.toContain(SCREENING_MESSAGES.mood);
  });
});

describe('version 1 answers: the unasked questions are "not asked yet"', () => {
  it('upgraded with notAsked, a recheck suggestion, and follow-ups unknown keep effort ≤ 3', () => {
    const a = upgradeAnswers(INTAKE_TEMPLATE_V1, INTAKE_DATE);
    expect(a.version).toBe(2);
    expect(a.notAsked).toEqual(['followUps', 'temporalHeadache', 'hotSwollenJoint', 'girdleStiffness', 'mood']);
    const s = screenOf(a);
    expect(s).toMatchObject({ outcome: 'light', maxEffort: LIGHT_ONLY_MAX_EFFORT });
    expect(s.notes).toContain(SCREENING_MESSAGES.followUpsNotAsked);
    expect(s.notes).toContain(SCREENING_MESSAGES.notAsked);
  });

  it('clearedByClinician: true is a clearance dated on the intake date (an emergency stays stopped)', () => {
    const v1 = { ...structuredClone(INTAKE_TEMPLATE_V1), clearedByClinician: true };
    v1.redFlags.bladderBowel = true;
    const a = upgradeAnswers(v1, INTAKE_DATE);
    expect(a.clearance).toEqual({ date: INTAKE_DATE });
    expect(screenOf(a).outcome).toBe('stop');
    v1.redFlags.bladderBowel = false;
    v1.readiness.chestPain = true;
    expect(screenOf(upgradeAnswers(v1, INTAKE_DATE)).outcome).toBe('proceed');
  });
});

describe('screening answers go stale (PAR-Q+: re-screen yearly)', () => {
  it.each<[string, string, boolean]>([
    ['the day of the intake', INTAKE_DATE, false],
    ['one day short of 12 months', '2027-03-01', false],
    ['exactly 12 months later', '2027-03-02', true],
  ])('%s (%s) → rescreenDue %s', (_situation, asOf, due) => {
    const s = screenOf(person({ readiness: ['boneJoint'] }), asOf);
    expect(s.rescreenDue).toBe(due);
    expect(s.notes.includes(SCREENING_MESSAGES.rescreen)).toBe(due);
  });
});

describe('the pre-session question (§1d): any "yes" → no session, with the fitting advice', () => {
  const none = { unwell: false, numbnessOrWeakness: false, chestPainOrFaint: false };
  it('all "no" → the session may start', () => {
    expect(preSessionDecision(none)).toEqual({ go: true, advice: [], unwellDay: false });
  });
  it.each([
    ['unwell', { ...none, unwell: true }, /rest while you are unwell/, true],
    ['new numbness or weakness', { ...none, numbnessOrWeakness: true }, /emergency department today; otherwise see a doctor within 24 hours/, false],
    ['chest pain or faintness', { ...none, chestPainOrFaint: true }, /chest pain now, call emergency services/, false],
  ] as const)('%s', (_s, answers, advice, unwellDay) => {
    const d = preSessionDecision(answers);
    expect(d.go).toBe(false);
    expect(d.advice).toHaveLength(1);
    expect(d.advice[0]).toMatch(advice);
    expect(d.unwellDay).toBe(unwellDay);
  });
  it('several "yes": the most serious advice first', () => {
    const d = preSessionDecision({ unwell: true, numbnessOrWeakness: false, chestPainOrFaint: true });
    expect(d.advice[0]).toBe(PRE_SESSION_ADVICE.chestPainOrFaint);
    expect(d.advice).toHaveLength(2);
  });
});
