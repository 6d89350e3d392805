// The prompt text wrapping of src/ui/prompts.ts, unit by unit (the 80-column screen is proved in
// prompt-wrap-pty.test.ts): questions break between words, leave room for the "? " mark and for
// what follows on the last line, and an answer goes on between words too.
import { describe, expect, it } from 'vitest';
import { continueLine, promptWidth, wrapMessage } from '../src/ui/prompts';

const LONG = 'Do you have a bone, joint or muscle problem that could get worse if you were more active? (Most people using painfit say yes: it is usually the pain itself.)';
const words = (t: string) => t.split(/\s+/).filter(Boolean);

describe('wrapMessage', () => {
  it.each([60, 80, 100])('at %i columns: every word kept whole, the first line leaves 2 columns for "? ", the last leaves the room asked', (width) => {
    const lines = wrapMessage(LONG, width, 6).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(words(lines.join(' '))).toEqual(words(LONG));
    expect(2 + lines[0]!.length).toBeLessThanOrEqual(width);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
    expect(lines.at(-1)!.length + 6).toBeLessThanOrEqual(width);
  });

  it('a short question stays one line; one that fits only without its answer room moves its last word down', () => {
    expect(wrapMessage('How old are you?', 80, 6)).toBe('How old are you?');
    const q = 'Do you get pain in your chest at rest, in daily life, or when you are active?'; // 77 columns
    expect(wrapMessage(q, 80, 0)).toBe(q);
    const wrapped = wrapMessage(q, 80, 6).split('\n');
    expect(wrapped).toHaveLength(2);
    expect(2 + wrapped[1]!.length + 6).toBeLessThanOrEqual(80);
    expect(words(wrapped.join(' '))).toEqual(words(q));
  });
});

describe('continueLine', () => {
  it('goes on after the question on its line, breaking between words at the width', () => {
    const text = 'Seated pelvic tilt, Easy walk, Backward walking, Hip hinge at the counter, Mini squat';
    const out = continueLine(text, 70, 80).split('\n');
    expect(70 + out[0]!.length).toBeLessThanOrEqual(80);
    for (const l of out.slice(1)) expect(l.length).toBeLessThanOrEqual(80);
    expect(words(out.join(' '))).toEqual(words(text));
  });

  it('a short answer stays on the question line', () => {
    expect(continueLine('about right', 40, 80)).toBe('about right');
  });
});

describe('promptWidth', () => {
  it('$COLUMNS when narrower than the terminal; never wider than the terminal, even below 60', () => {
    expect(promptWidth({ COLUMNS: '70' }, 120)).toBe(70);
    expect(promptWidth({}, 80)).toBe(80);
    expect(promptWidth({ COLUMNS: '200' }, 90)).toBe(90);
    expect(promptWidth({}, 50)).toBe(50);
    expect(promptWidth({}, undefined)).toBe(80);
  });
});
