// House rule: labels and phrases (months, weekdays, regions, tiers, PEG, effort and pain labels)
// are defined once, in src/domain/words.ts, and formulas such as the PEG score live in the domain.
// This reads the source and fails when a renderer re-declares one of them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../src/domain/dates';
import { pegScore } from '../src/domain/report';
import { REGIONS, WEEKDAYS } from '../src/domain/vocab';
import { TIER_LABEL } from '../src/domain/screening';
import {
  ACT_NOW_TITLE,
  ANSWER_TIER_LABEL,
  dayMonth,
  effortLabel,
  listWords,
  painLabel,
  REGION_LABEL,
  SCREENING_OUTCOME_LABEL,
  TIER_LABEL as WORDS_TIER_LABEL,
  WEEKDAY_SHORT,
} from '../src/domain/words';
import type { Report } from '../src/domain/report';
import { renderReportHtml } from '../src/ui/report-html';

const SRC = path.resolve(__dirname, '..', 'src');
function sources(dir = SRC): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sources(file);
    return e.name.endsWith('.ts') ? [{ file: path.relative(SRC, file), text: fs.readFileSync(file, 'utf8') }] : [];
  });
}
const others = sources().filter((s) => s.file !== path.join('domain', 'words.ts'));

describe('one words module', () => {
  it.each([
    ['a list of month names', /'Jan',\s*'Feb'/],
    ['a weekday label table', /mon:\s*'Mon'/],
    ['a region label table', /'upper-back':\s*'upper back'|'low-back':\s*'lower back'/],
    ['the Borg effort words', /return 'somewhat hard'/],
    ['the pain labels', /return 'severe'/],
    // Tier words (issue 12's house rule): the warning-sign tiers, the readiness tiers, the act-now titles.
    ['a warning-sign tier label', /'emergency: today'|'see your GP soon'|`urgent: within/],
    ['a readiness tier label', /'stop until cleared'|'light effort'/],
    ['an act-now title', /'Please get help today'|Please see a clinician soon/],
    ['a screening outcome label', /'Cleared to start|'Not cleared:|Effort held at \$\{/],
    ['the PEG formula (use pegScore from the domain)', /peg\.?\w*\.activity\)?\s*\)?\s*\/\s*3/i],
  ])('no file but src/domain/words.ts declares %s', (_what, pattern) => {
    const found = others.filter((s) => pattern.test(s.text)).map((s) => s.file);
    // The PEG formula has exactly one home: pegScore in src/domain/report.ts.
    const allowed = String(pattern).includes('peg') ? [path.join('domain', 'report.ts')] : [];
    expect(found.filter((f) => !allowed.includes(f))).toEqual([]);
  });

  it('has a label for every region and weekday, and the labels read as expected', () => {
    for (const r of REGIONS) expect(REGION_LABEL[r]).toMatch(/^[a-z ]+$/);
    for (const d of WEEKDAYS) expect(WEEKDAY_SHORT[d]).toMatch(/^[A-Z][a-z]{2}$/);
    expect(formatDate('2026-11-28')).toBe('Sat 28 Nov 2026');
    expect(dayMonth('2027-01-05')).toBe('5 Jan');
    expect(dayMonth('2027-01-05', true)).toBe('5 Jan 2027');
    expect(listWords(['Mon', 'Wed', 'Fri'])).toBe('Mon, Wed and Fri');
    expect([0, 1, 2, 3, 4, 5, 9].map(effortLabel)).toEqual(['rest', 'very light', 'light', 'moderate', 'somewhat hard', 'hard', 'hard']);
    expect([0, 3, 4, 6, 7, 10].map(painLabel)).toEqual(['no pain', 'mild', 'moderate', 'moderate', 'severe', 'severe']);
    expect(Object.keys(TIER_LABEL)).toEqual(['emergency', 'urgent', 'non-urgent']);
    expect(pegScore({ pain: 4, enjoyment: 5, activity: 6 })).toBe(5);
  });
});

describe('tier words come from the words module', () => {
  it('has a label for every tier an answer can have, and screening.ts hands out the same object', () => {
    expect(TIER_LABEL).toBe(WORDS_TIER_LABEL);
    expect(ANSWER_TIER_LABEL).toEqual({
      stop: 'stop until cleared',
      light: 'light effort',
      emergency: 'emergency: today',
      urgent: 'urgent: within 24 hours', // URGENT_WITHIN_HOURS (rules.ts, Finucane 2020)
      'non-urgent': 'see your GP soon',
    });
    expect(ACT_NOW_TITLE).toEqual({ emergency: 'Please get help today', urgent: 'Please see a clinician soon' });
    expect(SCREENING_OUTCOME_LABEL.light).toBe('Effort held at 3 out of 10 (moderate) at most until a dated clearance');
  });

  it("the clinician's page shows each tier with the words module's label", () => {
    const answers = [
      { answer: 'heartCondition', tier: 'stop' },
      { answer: 'boneJoint', tier: 'light' },
      { answer: 'bladderBowel', tier: 'emergency' },
      { answer: 'feverWithPain', tier: 'urgent' },
      { answer: 'nightPain', tier: 'non-urgent' },
    ] as const;
    const report = {
      from: '2026-03-02',
      to: '2026-03-08',
      intake: { date: '2026-03-02', name: 'Sam', age: 58, regions: ['knee'], average: 5 },
      screening: { outcome: 'stop', redFlags: [], flags: [], notes: [], answers },
      weeks: [],
      daily: [],
      change: { baseline: 5, current: null, points: null, percent: null, meaningful: false, verdict: 'not-enough-data', words: '' },
      peg: null,
      psfs: null,
      flares: [],
      steps: [],
      insights: [],
      notes: [],
      plan: { days: ['mon'], minutes: 20, summary: '' },
    } as unknown as Report;
    const page = renderReportHtml(report);
    for (const a of answers) expect(page).toContain(`<span class="tier tier-${a.tier}">${ANSWER_TIER_LABEL[a.tier]}</span>`);
    expect(page).toContain(SCREENING_OUTCOME_LABEL.stop);
  });
});
