// Screening at intake (clinical-rules.md §1): every readiness question and every red flag,
// alone and combined, each case a clinical situation with its source.
import { describe, expect, it } from 'vitest';
import { READINESS_QUESTIONS, RED_FLAGS, type IntakeAnswers, type ReadinessQuestion, type RedFlag } from '../src/domain/intake';
import { LIGHT_ONLY_MAX_EFFORT, SCREENING_VALID_MONTHS, TARGET_EFFORT_MAX } from '../src/domain/rules';
import { READINESS_STOP, RED_FLAG_TIER, SCREENING_MESSAGES, screen, type Readiness, type RedFlagTier } from '../src/domain/screening';
import { INTAKE_TEMPLATE } from '../src/schema/intake';

const INTAKE_DATE = '2026-03-02';

/** A person who answered "no" to every screening question, plus the "yes" answers given. */
function person(yes: { readiness?: ReadinessQuestion[]; redFlags?: RedFlag[]; cleared?: boolean } = {}): IntakeAnswers {
  const readiness = Object.fromEntries(READINESS_QUESTIONS.map((q) => [q, yes.readiness?.includes(q) ?? false])) as IntakeAnswers['readiness'];
  const redFlags = Object.fromEntries(RED_FLAGS.map((f) => [f, yes.redFlags?.includes(f) ?? false])) as IntakeAnswers['redFlags'];
  return { ...structuredClone(INTAKE_TEMPLATE), readiness, redFlags, clearedByClinician: yes.cleared ?? false };
}

const screenOf = (answers: IntakeAnswers, asOf = INTAKE_DATE) => screen(answers, INTAKE_DATE, asOf);

describe('readiness questions alone (PAR-Q+ 2023; Warburton 2011)', () => {
  it('all "no" → proceed, with effort allowed above the light ceiling', () => {
    const s = screenOf(person());
    expect(s).toMatchObject({ outcome: 'proceed', readiness: 'proceed', redFlagTier: null, readinessYes: [], progressionPaused: false });
    expect(s.maxEffort).toBe(TARGET_EFFORT_MAX);
    expect(s.maxEffort).toBeGreaterThan(LIGHT_ONLY_MAX_EFFORT);
    expect(s.notes).toContain(SCREENING_MESSAGES.proceed);
  });

  it.each<[string, ReadinessQuestion, Readiness]>([
    ['a heart condition or high blood pressure diagnosed by a doctor', 'heartCondition', 'light'],
    ['chest pain at rest, in daily life or when active', 'chestPain', 'stop'],
    ['dizziness or fainting in the last 12 months', 'dizziness', 'light'],
    ['another diagnosed chronic condition', 'otherCondition', 'light'],
    ['prescribed medicine for a chronic condition', 'medication', 'light'],
    ['a bone, joint or soft-tissue problem (the common painfit path)', 'boneJoint', 'light'],
    ['told by a doctor to exercise only under supervision', 'supervisedOnly', 'stop'],
  ])('%s (%s) → %s', (_situation, question, expected) => {
    const s = screenOf(person({ readiness: [question] }));
    expect(s.readiness).toBe(expected);
    expect(s.outcome).toBe(expected);
    expect(s.readinessYes).toEqual([question]);
    expect(s.redFlagTier).toBeNull();
    expect(s.progressionPaused).toBe(false);
    if (expected === 'light') {
      expect(s.maxEffort).toBe(LIGHT_ONLY_MAX_EFFORT);
      expect(s.maxEffort).toBe(3);
      expect(s.notes).toEqual([SCREENING_MESSAGES.light]);
      // Advice to check with a clinician, without alarm.
      expect(s.notes.join(' ')).toMatch(/doctor or physiotherapist/);
      expect(s.notes.join(' ')).not.toMatch(/emergency|24 hours/);
    } else {
      expect(s.notes).toEqual([SCREENING_MESSAGES.readinessStop]);
      expect(s.notes.join(' ')).toMatch(/cleared/);
    }
  });

  it('the stop questions are exactly chest pain and supervision-only', () => {
    expect([...READINESS_STOP].sort()).toEqual(['chestPain', 'supervisedOnly']);
  });
});

describe('red flags alone (NICE NG59 §1.1.1; Finucane 2020; BMJ Best Practice cauda equina; NICE NG65)', () => {
  it.each<[string, RedFlag, RedFlagTier]>([
    ['new bladder or bowel control problems (possible cauda equina, BMJ Best Practice)', 'bladderBowel', 'emergency'],
    ['saddle or genital numbness (possible cauda equina, BMJ Best Practice)', 'saddleNumbness', 'emergency'],
    ['weakness or numbness in both legs (possible cauda equina, BMJ Best Practice)', 'legWeakness', 'emergency'],
    ['fever or chills with spinal pain (infection, Finucane 2020)', 'feverWithPain', 'urgent'],
    ['history of cancer with new back or neck pain (NICE NG59; Finucane 2020)', 'cancerHistory', 'urgent'],
    ['a fall or injury with osteoporosis or long-term steroids (fracture, Finucane 2020)', 'injuryWithOsteoporosis', 'urgent'],
    ['new or spreading weakness or numbness (Finucane 2020)', 'newNumbness', 'urgent'],
    ['unsteady walking or clumsy hands with neck pain (myelopathy, NICE NG65)', 'unsteadyOrClumsy', 'urgent'],
    ['unexplained weight loss (Finucane 2020)', 'weightLoss', 'non-urgent'],
    ['night pain not eased by changing position (Finucane 2020)', 'nightPain', 'non-urgent'],
    ['inflammatory morning stiffness, onset before 45 (NICE NG59)', 'morningStiffness', 'non-urgent'],
  ])('%s (%s) → %s', (_situation, flag, tier) => {
    expect(RED_FLAG_TIER[flag]).toBe(tier);
    const s = screenOf(person({ redFlags: [flag] }));
    expect(s.redFlagTier).toBe(tier);
    expect(s.redFlags).toEqual([flag]);
    expect(s.readiness).toBe('proceed');
    const text = s.notes.join(' ');
    if (tier === 'emergency') {
      expect(s.outcome).toBe('stop');
      expect(s.notes[0]).toBe(SCREENING_MESSAGES.emergency);
      expect(text).toMatch(/emergency/i);
      expect(text).not.toMatch(/24 hours/);
    } else if (tier === 'urgent') {
      expect(s.outcome).toBe('stop');
      expect(s.notes[0]).toBe(SCREENING_MESSAGES.urgent);
      expect(text).toMatch(/24 hours/);
      expect(text).not.toMatch(/emergency/i);
    } else {
      // Plan allowed, progression paused, see a GP soon.
      expect(s.outcome).toBe('proceed');
      expect(s.progressionPaused).toBe(true);
      expect(s.notes).toContain(SCREENING_MESSAGES.nonUrgent);
      expect(text).toMatch(/GP/);
      expect(text).not.toMatch(/emergency|24 hours/i);
    }
    if (tier !== 'non-urgent') expect(s.progressionPaused).toBe(false);
  });

  it('every red flag has a tier', () => {
    expect(Object.keys(RED_FLAG_TIER).sort()).toEqual([...RED_FLAGS].sort());
  });
});

describe('combinations: the most serious answer wins (clinical-rules.md §1)', () => {
  it.each<[string, Parameters<typeof person>[0], { outcome: Readiness; tier: RedFlagTier | null; paused: boolean; first: string }]>([
    [
      'emergency + urgent: possible cauda equina with a cancer history → emergency care first',
      { redFlags: ['cancerHistory', 'saddleNumbness'] },
      { outcome: 'stop', tier: 'emergency', paused: false, first: SCREENING_MESSAGES.emergency },
    ],
    [
      'emergency + non-urgent: leg weakness with night pain → emergency',
      { redFlags: ['legWeakness', 'nightPain'] },
      { outcome: 'stop', tier: 'emergency', paused: false, first: SCREENING_MESSAGES.emergency },
    ],
    [
      'urgent + non-urgent: fever with weight loss → urgent',
      { redFlags: ['feverWithPain', 'weightLoss'] },
      { outcome: 'stop', tier: 'urgent', paused: false, first: SCREENING_MESSAGES.urgent },
    ],
    [
      'all three non-urgent flags → still a plan, progression paused',
      { redFlags: ['weightLoss', 'nightPain', 'morningStiffness'] },
      { outcome: 'proceed', tier: 'non-urgent', paused: true, first: SCREENING_MESSAGES.nonUrgent },
    ],
    [
      'readiness stop + non-urgent flag: chest pain with night pain → stop (PAR-Q+ 2023)',
      { readiness: ['chestPain'], redFlags: ['nightPain'] },
      { outcome: 'stop', tier: 'non-urgent', paused: true, first: SCREENING_MESSAGES.readinessStop },
    ],
    [
      'light + non-urgent: medication with morning stiffness → light, progression paused',
      { readiness: ['medication', 'boneJoint'], redFlags: ['morningStiffness'] },
      { outcome: 'light', tier: 'non-urgent', paused: true, first: SCREENING_MESSAGES.nonUrgent },
    ],
    [
      'light + urgent: bone/joint problem with a fall on osteoporosis → urgent stop',
      { readiness: ['boneJoint'], redFlags: ['injuryWithOsteoporosis'] },
      { outcome: 'stop', tier: 'urgent', paused: false, first: SCREENING_MESSAGES.urgent },
    ],
    [
      'readiness stop + light: supervision-only with a heart condition → stop',
      { readiness: ['heartCondition', 'supervisedOnly'] },
      { outcome: 'stop', tier: null, paused: false, first: SCREENING_MESSAGES.readinessStop },
    ],
    [
      'several light answers (PAR-Q+ 2023) → still light, not stop',
      { readiness: ['heartCondition', 'dizziness', 'otherCondition', 'medication', 'boneJoint'] },
      { outcome: 'light', tier: null, paused: false, first: SCREENING_MESSAGES.light },
    ],
    [
      'readiness stop + emergency: chest pain and bladder problems → emergency message first',
      { readiness: ['chestPain'], redFlags: ['bladderBowel'] },
      { outcome: 'stop', tier: 'emergency', paused: false, first: SCREENING_MESSAGES.emergency },
    ],
  ])('%s', (_situation, yes, expected) => {
    const s = screenOf(person(yes));
    expect(s.outcome).toBe(expected.outcome);
    expect(s.redFlagTier).toBe(expected.tier);
    expect(s.progressionPaused).toBe(expected.paused);
    expect(s.notes[0]).toBe(expected.first);
    if (expected.outcome === 'stop') {
      expect(s.notes).not.toContain(SCREENING_MESSAGES.proceed);
      expect(s.notes).not.toContain(SCREENING_MESSAGES.light);
    }
  });

  it('emergency + urgent shows the emergency message, not the 24-hour one', () => {
    const s = screenOf(person({ redFlags: ['bladderBowel', 'feverWithPain'] }));
    expect(s.notes).toContain(SCREENING_MESSAGES.emergency);
    expect(s.notes).not.toContain(SCREENING_MESSAGES.urgent);
  });
});

describe('clearance by a clinician lifts a stop (clinical-rules.md §1a, §1b)', () => {
  it.each<[string, Parameters<typeof person>[0], Readiness]>([
    ['chest pain, cleared (PAR-Q+ 2023) → light: the answer still stands', { readiness: ['chestPain'] }, 'light'],
    ['supervision-only, cleared (PAR-Q+ 2023) → light', { readiness: ['supervisedOnly'] }, 'light'],
    ['emergency flag, cleared after assessment (BMJ Best Practice) → proceed', { redFlags: ['saddleNumbness'] }, 'proceed'],
    ['urgent flag, cleared (NICE NG59) → proceed', { redFlags: ['cancerHistory'] }, 'proceed'],
    ['urgent flag with a bone/joint problem, cleared → light', { readiness: ['boneJoint'], redFlags: ['unsteadyOrClumsy'] }, 'light'],
    ['chest pain and an emergency flag, cleared → light', { readiness: ['chestPain'], redFlags: ['legWeakness'] }, 'light'],
  ])('%s', (_situation, yes, expected) => {
    const blocked = screenOf(person(yes));
    expect(blocked.outcome).toBe('stop');
    expect(blocked.cleared).toBe(false);

    const s = screenOf(person({ ...yes, cleared: true }));
    expect(s.cleared).toBe(true);
    expect(s.outcome).toBe(expected);
    expect(s.notes[0]).toBe(SCREENING_MESSAGES.cleared);
    expect(s.notes).not.toContain(SCREENING_MESSAGES.emergency);
    expect(s.notes).not.toContain(SCREENING_MESSAGES.urgent);
    expect(s.notes).not.toContain(SCREENING_MESSAGES.readinessStop);
    expect(s.maxEffort).toBe(expected === 'light' ? LIGHT_ONLY_MAX_EFFORT : TARGET_EFFORT_MAX);
  });

  it('a non-urgent flag: progression resumes once a clinician has seen the person (NICE NG59)', () => {
    expect(screenOf(person({ redFlags: ['nightPain'] })).progressionPaused).toBe(true);
    const s = screenOf(person({ redFlags: ['nightPain'], cleared: true }));
    expect(s.progressionPaused).toBe(false);
    expect(s.outcome).toBe('proceed');
    expect(s.notes).not.toContain(SCREENING_MESSAGES.nonUrgent);
  });

  it('clearance with nothing to clear changes nothing but the flag', () => {
    const s = screenOf(person({ readiness: ['boneJoint'], cleared: true }));
    expect(s).toMatchObject({ outcome: 'light', maxEffort: LIGHT_ONLY_MAX_EFFORT, notes: [SCREENING_MESSAGES.light] });
  });
});

describe('screening answers go stale (PAR-Q+: re-screen yearly)', () => {
  it.each<[string, string, boolean]>([
    ['the day of the intake', INTAKE_DATE, false],
    ['one day short of 12 months', '2027-03-01', false],
    ['exactly 12 months later', '2027-03-02', true],
    ['two years later', '2028-03-02', true],
  ])('%s (%s) → rescreenDue %s', (_situation, asOf, due) => {
    const s = screenOf(person({ readiness: ['boneJoint'] }), asOf);
    expect(s.rescreenDue).toBe(due);
    expect(s.notes.includes(SCREENING_MESSAGES.rescreen)).toBe(due);
  });

  it('uses a 12-month window', () => {
    expect(SCREENING_VALID_MONTHS).toBe(12);
  });

  it('a stale clearance still asks for a re-screen', () => {
    const s = screenOf(person({ readiness: ['chestPain'], cleared: true }), '2027-06-01');
    expect(s.rescreenDue).toBe(true);
    expect(s.notes.at(-1)).toBe(SCREENING_MESSAGES.rescreen);
  });
});
