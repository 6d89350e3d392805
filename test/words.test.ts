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
import { dayMonth, effortLabel, listWords, painLabel, REGION_LABEL, WEEKDAY_SHORT } from '../src/domain/words';

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
