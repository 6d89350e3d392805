// Safety that acts at once (issue 8; clinical-rules §1), end to end on the built CLI: answers
// files that stop, dated clearances and their expiry, recheck, backdated answers, unwell days,
// the daily safety net and the 14-day flare recheck. Run `npm run build` first.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RED_FLAGS, type IntakeAnswers, type RedFlag } from '../src/domain/intake';
import { INTAKE_TEMPLATE_V1 } from '../src/domain/intake-template';
import { RED_FLAG_LABEL, RED_FLAG_TIER, SCREENING_MESSAGES } from '../src/domain/screening';
import { SESSION_MESSAGES } from '../src/domain/session';
import { dbHash, query, run, tempHome, writeJson } from './helpers/cli';
import { addDays, GOOD, homeWithIntake, log, ok, sessionDays, START, today, usualAnswers, type Day } from './helpers/coach';

const scratch = (home: string) => path.dirname(home);
/** Screens wrap to the terminal width: compare text with line breaks read as spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const STOP_FLAGS = RED_FLAGS.filter((f) => RED_FLAG_TIER[f] !== 'non-urgent');

function intakeFile(home: string, a: IntakeAnswers, name = 'answers.json'): string {
  return writeJson(scratch(home), name, a);
}

/** The screening parts of a set of answers, as a recheck file. */
function recheckFile(home: string, a: IntakeAnswers, name = 'recheck.json'): string {
  const { version, readiness, redFlags, mood, clearance } = a;
  return writeJson(scratch(home), name, { version, readiness, redFlags, mood, clearance });
}

const withFlag = (flag: RedFlag, patch: (a: IntakeAnswers) => void = () => {}) =>
  usualAnswers((a) => {
    a.redFlags[flag] = true;
    patch(a);
  });

/** Exercises with their doses and effort: what "keeps the session's doses" compares. */
const doses = (d: Day) => d.exercises.map((e) => ({ id: e.id, sets: e.sets, reps: e.reps, holdSeconds: e.holdSeconds, minutes: e.minutes, effort: e.effort }));

describe('an answers file with an emergency or urgent sign (§1b act at once)', () => {
  it.each(STOP_FLAGS)('%s → saved, intake exits 3 with the message, and today exits 3', (flag) => {
    const home = tempHome();
    const r = run(['intake', '--answers', intakeFile(home, withFlag(flag)), '--date', START], { home });
    expect(r.code, r.stderr).toBe(3);
    expect(flat(r.stdout)).toContain(RED_FLAG_LABEL[flag]);
    expect(flat(r.stdout)).toMatch(RED_FLAG_TIER[flag] === 'emergency' ? /emergency department now, today/ : /within 24 hours/);
    // The message is on stderr too (exit 3 "as usual"), for a script that keeps only stdout.
    expect(flat(r.stderr)).toContain(`painfit: Your answer about ${RED_FLAG_LABEL[flag]}`);
    expect(query(home, 'SELECT count(*) AS n FROM intakes')[0]).toEqual({ n: 1 });
    const day = today(home, START, 3);
    expect(day).toMatchObject({ status: 'stop', exercises: [] });
  });

  it('with --json: the saved intake on stdout and the message as a JSON error on stderr', () => {
    const home = tempHome();
    const r = run(['intake', '--answers', intakeFile(home, withFlag('bladderBowel')), '--json'], { home });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ saved: true, screening: { outcome: 'stop', stopReason: 'emergency', flags: [{ flag: 'bladderBowel', tier: 'emergency' }] } });
    const error = JSON.parse(r.stderr).error;
    expect(error.code).toBe('SAFETY_STOP');
    expect(error.message).toBe(SCREENING_MESSAGES.emergency(['bladderBowel']));
  });

  it('an emergency sign with a clearance in the same file → still stopped (§1c)', () => {
    const home = tempHome();
    const a = withFlag('saddleNumbness', (x) => (x.clearance = { date: START, by: 'Dr Patel' }));
    const r = run(['intake', '--answers', intakeFile(home, a), '--date', START], { home });
    expect(r.code).toBe(3);
    expect(flat(r.stdout)).toContain(SCREENING_MESSAGES.emergencyNotClearedInSitting);
    expect(today(home, START, 3).status).toBe('stop');
    expect(today(home, addDays(START, 30), 3).status).toBe('stop');
  });

  it('a version 1 file with clearedByClinician: true does not lift an emergency sign either', () => {
    const home = tempHome();
    const v1 = { ...structuredClone(INTAKE_TEMPLATE_V1), clearedByClinician: true };
    v1.redFlags.legWeakness = true;
    expect(run(['intake', '--answers', writeJson(scratch(home), 'v1.json', v1), '--date', START], { home }).code).toBe(3);
    expect(today(home, START, 3).status).toBe('stop');
  });

  it('an urgent sign with a clearance in the same file (seen before) → a plan', () => {
    const home = tempHome();
    const a = withFlag('hotSwollenJoint', (x) => (x.clearance = { date: addDays(START, -3) }));
    expect(run(['intake', '--answers', intakeFile(home, a), '--date', START], { home }).code).toBe(0);
    expect(today(home, START).status).toBe('session');
  });
});

describe('painfit clear --seen (§1c)', () => {
  const reported = START;
  const later = addDays(START, 3);

  it('dated before the emergency report: refused (exit 2), nothing written, still stopped', () => {
    const home = homeWithIntake(withFlag('legWeakness'));
    const before = dbHash(home);
    const r = run(['clear', '--seen', addDays(reported, -1), '--date', later], { home });
    expect(r.code).toBe(2);
    expect(flat(r.stderr)).toContain(`reported on ${reported}`);
    expect(dbHash(home)).toBe(before);
    expect(today(home, later, 3).status).toBe('stop');
  });

  it.each([
    ['on the day of the report', reported],
    ['after the report', addDays(reported, 2)],
  ])('dated %s: lifts the emergency stop', (_s, seen) => {
    const home = homeWithIntake(withFlag('legWeakness'));
    const r = run(['clear', '--seen', seen, '--by', 'Dr Patel', '--date', later], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(flat(r.stdout)).toContain('A clinician cleared you');
    expect(query(home, 'SELECT seen, by, recorded_on FROM clearances')).toEqual([{ seen, by: 'Dr Patel', recorded_on: later }]);
    expect(today(home, later).status).not.toBe('stop');
    // The days before the clearance was recorded read as they were.
    expect(today(home, reported, 3).status).toBe('stop');
  });

  it('a readiness clearance older than 12 months → today exits 3 naming painfit recheck; recheck and a new clearance bring the plan back', () => {
    const intakeDay = '2025-06-02';
    const home = homeWithIntake(usualAnswers((a) => (a.readiness.chestPain = true)), intakeDay);
    ok(['clear', '--seen', intakeDay, '--date', intakeDay], home);
    expect(today(home, '2026-06-01').status).not.toBe('stop');
    const expired = today(home, '2026-06-02', 3);
    expect(expired.status).toBe('stop');
    expect(expired.notes[0]).toContain('painfit recheck');
    const text = run(['today', '--date', '2026-06-02'], { home });
    expect(text.code).toBe(3);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('painfit recheck');
    // The person answers again, saying a clinician saw them last week.
    const again = usualAnswers((a) => {
      a.readiness.chestPain = true;
      a.clearance = { date: '2026-05-28', by: 'Dr Patel' };
    });
    expect(run(['recheck', '--answers', recheckFile(home, again), '--date', '2026-06-02'], { home }).code).toBe(0);
    expect(today(home, '2026-06-02').status).not.toBe('stop');
  });

  it.each<[string, string[], string]>([
    ['no --seen', [], 'needs --seen DATE'],
    ['a date that is not real', ['--seen', '2026-02-30'], 'is not a real date'],
    ['a future date', ['--seen', '2099-01-01'], 'is after today'],
    ['more than 12 months ago', ['--seen', '2024-01-01'], 'more than 12 months ago'],
    ['an empty --by', ['--seen', START, '--by', ' '], '--by'],
    ['a --by too long', ['--seen', START, '--by', 'x'.repeat(81)], 'up to 80 characters'],
  ])('bad input: %s → exit 2, nothing written', (_s, args, message) => {
    const home = homeWithIntake(usualAnswers((a) => (a.readiness.chestPain = true)));
    const before = dbHash(home);
    const r = run(['clear', ...args, '--date', addDays(START, 1)], { home });
    expect(r.code).toBe(2);
    expect(flat(r.stderr)).toContain(message);
    expect(dbHash(home)).toBe(before);
  });

  it('nothing to clear → exit 2, nothing written', () => {
    const home = homeWithIntake();
    const before = dbHash(home);
    const r = run(['clear', '--seen', START, '--date', START], { home });
    expect(r.code).toBe(2);
    expect(flat(r.stderr)).toContain('nothing that needs');
    expect(dbHash(home)).toBe(before);
  });

  it('no intake yet → exit 3', () => {
    expect(run(['clear', '--seen', START, '--date', START], { home: tempHome() }).code).toBe(3);
  });
});

describe('painfit recheck --answers', () => {
  it("keeps the session's doses (today --json before and after)", () => {
    const home = homeWithIntake();
    for (const w of [1, 2]) for (const d of sessionDays(w)) log(home, d, GOOD);
    const day = sessionDays(3)[0]!;
    const before = today(home, day);
    expect(before.status).toBe('session');
    const r = run(['recheck', '--answers', recheckFile(home, usualAnswers()), '--date', day], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(flat(r.stderr)).toContain('its progress are kept');
    const after = today(home, day);
    expect(after.week).toBe(before.week);
    expect(doses(after)).toEqual(doses(before));
    expect(query(home, 'SELECT date FROM rechecks')).toEqual([{ date: day }]);
  });

  it('a new urgent sign in a recheck → recheck exits 3, today stops from that day only', () => {
    const home = homeWithIntake();
    const day = addDays(START, 9);
    const r = run(['recheck', '--answers', recheckFile(home, withFlag('newNumbness')), '--date', day], { home });
    expect(r.code).toBe(3);
    expect(today(home, day, 3).status).toBe('stop');
    expect(today(home, addDays(day, -1)).status).not.toBe('stop');
  });

  it.each<[string, (x: Record<string, unknown>) => void, string]>([
    ['an unknown key', (x) => (x.pain = { average: 4 }), 'pain: unknown key'],
    ['a follow-up "yes" without bone/joint', (x) => {
      const r = x.readiness as Record<string, unknown>;
      r.boneJoint = false;
      (r.followUps as Record<string, boolean>).recentSurgery = true;
    }, 'readiness.followUps.recentSurgery: is true, but boneJoint is false'],
    ['a clearance dated after the answers', (x) => (x.clearance = { date: '2026-01-20' }), 'clearance.date: 2026-01-20 is after'],
    ['a missing mood', (x) => delete x.mood, 'mood: is missing'],
  ])('bad file: %s → exit 2, nothing written', (_s, patch, message) => {
    const home = homeWithIntake();
    const { version, readiness, redFlags, mood, clearance } = usualAnswers();
    const raw: Record<string, unknown> = structuredClone({ version, readiness, redFlags, mood, clearance });
    patch(raw);
    const before = dbHash(home);
    const r = run(['recheck', '--answers', writeJson(scratch(home), 'bad.json', raw), '--date', addDays(START, 2)], { home });
    expect(r.code).toBe(2);
    expect(flat(r.stderr)).toContain(message);
    expect(dbHash(home)).toBe(before);
  });
});

describe('answers dated before the latest are refused (exit 2, naming the latest date)', () => {
  it('an intake dated before the latest intake', () => {
    const home = homeWithIntake(usualAnswers(), '2026-01-12');
    const before = dbHash(home);
    const r = run(['intake', '--answers', intakeFile(home, usualAnswers((a) => (a.readiness.chestPain = true))), '--date', START], { home });
    expect(r.code).toBe(2);
    expect(flat(r.stderr)).toContain('2026-01-12');
    expect(dbHash(home)).toBe(before);
  });

  it('an intake dated before the latest recheck, and a recheck dated before the latest intake', () => {
    const home = homeWithIntake();
    ok(['recheck', '--answers', recheckFile(home, usualAnswers()), '--date', addDays(START, 5)], home);
    expect(run(['intake', '--answers', intakeFile(home, usualAnswers()), '--date', addDays(START, 4)], { home }).code).toBe(2);
    const r = run(['recheck', '--answers', recheckFile(home, usualAnswers()), '--date', addDays(START, 3)], { home });
    expect(r.code).toBe(2);
    expect(flat(r.stderr)).toContain(addDays(START, 5));
  });

  it('the same day or later is accepted', () => {
    const home = homeWithIntake();
    expect(run(['intake', '--answers', intakeFile(home, usualAnswers()), '--date', START], { home }).code).toBe(0);
  });
});

describe('painfit log --unwell (§1a: no session that day)', () => {
  it('makes the day a rest day with advice; the next day is as planned', () => {
    const home = homeWithIntake();
    const day = sessionDays(1)[1]!;
    expect(today(home, day).status).toBe('session');
    const r = run(['log', '--unwell', '--note', 'a cold', '--date', day], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(flat(r.stdout)).toContain('unwell');
    const rest = today(home, day);
    expect(rest).toMatchObject({ status: 'rest', exercises: [], minutes: 0 });
    expect(rest.notes[0]).toBe(SESSION_MESSAGES.unwell);
    expect(today(home, sessionDays(1)[2]!).status).toBe('session');
    expect(query(home, 'SELECT date FROM unwell')).toEqual([{ date: day }]);
    expect(query(home, 'SELECT count(*) AS n FROM checkins')[0]).toEqual({ n: 0 });
  });

  it('with --pain, the check-in is saved too; undo removes both', () => {
    const home = homeWithIntake();
    ok(['log', '--unwell', '--pain', '5', '--date', START], home);
    expect(query(home, 'SELECT pain FROM checkins')).toEqual([{ pain: 5 }]);
    ok(['undo', '--yes'], home);
    expect(query(home, 'SELECT count(*) AS n FROM unwell')[0]).toEqual({ n: 0 });
    expect(today(home, START).status).toBe('session');
  });

  it('with --done → exit 2, nothing written', () => {
    const home = homeWithIntake();
    const before = dbHash(home);
    const r = run(['log', '--unwell', '--done', 'all', '--date', START], { home });
    expect(r.code).toBe(2);
    expect(flat(r.stderr)).toContain('--unwell');
    expect(dbHash(home)).toBe(before);
  });
});

describe('the daily safety net (§1d)', () => {
  const NET = 'Please check for warning signs';

  it.each<[string, IntakeAnswers, string[], string[]]>([
    ['pain 9 or more', usualAnswers((a) => (a.pain.average = 7)), ['--pain', '9'], ['pain']],
    ['pain during exercise 8 or more', usualAnswers(), ['--pain', '4', '--during', '8'], ['during']],
    ['pain 3 or more above the usual level', usualAnswers(), ['--pain', '7'], ['rise']],
  ])('%s → the reply lists the emergency and urgent signs', (_s, a, args, triggers) => {
    const home = homeWithIntake(a);
    const r = run(['log', ...args, '--date', START], { home });
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain(NET);
    expect(text).toContain('Call emergency services or go to an emergency department today');
    expect(text).toContain(RED_FLAG_LABEL.bladderBowel);
    expect(text).toContain('within 24 hours');
    expect(text).toContain('painfit recheck');
    const json = run(['log', ...args, '--date', START, '--json'], { home });
    expect(JSON.parse(json.stdout).safetyNet.triggers).toEqual(triggers);
  });

  it("a rise over the past week's usual level is caught with or without the session logged (the reference leaves the day out)", () => {
    // Usual pain 4 at intake, then a week at 2: the reference is now 2, so 5 is a rise of 3 (§1d)
    // although it is only 1 above the intake's average.
    const home = homeWithIntake(usualAnswers());
    for (let d = 0; d < 7; d++) log(home, addDays(START, d), { pain: 2 });
    const day = addDays(START, 7);
    for (const extra of [['--done', 'all', '--during', '3'], []]) {
      const json = run(['log', '--pain', '5', ...extra, '--date', day, '--json'], { home });
      expect(json.code, json.stderr).toBe(0);
      expect(JSON.parse(json.stdout).safetyNet?.triggers).toEqual(['rise']);
    }
    // 4 is a rise of 2: no reply, whichever way it is logged.
    for (const extra of [['--done', 'all', '--during', '3'], []]) {
      expect(JSON.parse(run(['log', '--pain', '4', ...extra, '--date', day, '--json'], { home }).stdout).safetyNet).toBeNull();
    }
  });

  it('an ordinary check-in gets no safety-net reply', () => {
    const home = homeWithIntake();
    const r = run(['log', '--pain', '5', '--during', '4', '--done', 'all', '--date', START], { home });
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).not.toContain(NET);
    expect(JSON.parse(run(['log', '--pain', '5', '--date', START, '--json'], { home }).stdout).safetyNet).toBeNull();
  });
});

describe('a flare lasting more than 14 days (§1d)', () => {
  it('today stops (exit 3) naming painfit recheck; after a recheck the flare-day plan is back', () => {
    const home = homeWithIntake();
    // A flare from day 2 (pain 7, well above the usual 4) that does not settle.
    for (let k = 1; k <= 16; k++) ok(['log', '--pain', '7', '--date', addDays(START, k)], home);
    const day14 = today(home, addDays(START, 14));
    expect(day14.status).not.toBe('stop');
    const due = today(home, addDays(START, 15), 3);
    expect(due.status).toBe('stop');
    expect(due.notes[0]).toContain('painfit recheck');
    ok(['recheck', '--answers', recheckFile(home, usualAnswers()), '--date', addDays(START, 15)], home);
    expect(today(home, addDays(START, 15)).status).not.toBe('stop');
  });
});

describe('every version 2 warning sign reaches the screen', () => {
  it('each one, alone, is named in the intake result', () => {
    for (const flag of ['temporalHeadache', 'hotSwollenJoint', 'girdleStiffness'] as const) {
      const home = tempHome();
      const r = run(['intake', '--answers', intakeFile(home, withFlag(flag)), '--date', START, '--json'], { home });
      expect(JSON.parse(r.stdout).screening.flags).toEqual([{ flag, tier: RED_FLAG_TIER[flag] }]);
    }
  });
});
