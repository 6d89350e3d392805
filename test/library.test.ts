import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BONE_CAUTIONS, CAUTIONS, CAUTION_TEXT, GENTLE_ALLOWED_CAUTIONS } from '../src/domain/exercise';
import type { Exercise } from '../src/domain/exercise';
import { REGION_EMPHASIS } from '../src/domain/rules';
import { CARDIO_LIKES, MIND_BODY_LIKES, REGIONS } from '../src/domain/vocab';
import type { ExerciseType, Region } from '../src/domain/vocab';
import { LibraryError, loadLibrary, parseLibrary } from '../src/schema/exercise';

const libraryFile = path.join(__dirname, '..', 'data', 'exercises.json');
const library = loadLibrary(libraryFile);
const byId = new Map(library.map((e) => [e.id, e]));

/** Usable anywhere: no floor and no equipment (a chair and a wall are assumed). */
const anywhere = (e: Exercise) => e.position !== 'floor' && e.equipment.length === 0;
const osteoSafe = (e: Exercise) => !e.cautions.some((c) => BONE_CAUTIONS.includes(c));

// ---------------------------------------------------------------------------------------------
// parseLibrary on small fixtures

function fixture(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `Exercise ${id}`,
    type: 'strength',
    regions: ['knee'],
    position: 'seated',
    equipment: [],
    style: null,
    phase: 'main',
    easier: null,
    harder: null,
    dose: { sets: 1, reps: 10 },
    effort: 2,
    cues: ['Sit tall.', 'Move slowly.'],
    cautions: [],
    gentle: false,
    purpose: 'A test exercise.',
    trains: ['quadriceps'],
    support: null,
    perSide: false,
    repHoldSeconds: null,
    ...over,
  };
}

function problemsOf(raw: unknown): { path: string; message: string }[] {
  try {
    parseLibrary(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(LibraryError);
    return [...(err as LibraryError).problems];
  }
  throw new Error('expected parseLibrary to throw');
}

describe('parseLibrary', () => {
  it('accepts a small valid ladder', () => {
    const lib = parseLibrary([fixture('a', { harder: 'b' }), fixture('b', { easier: 'a' })]);
    expect(lib.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('reports a dangling ladder link with its path', () => {
    const problems = problemsOf([fixture('a', { harder: 'ghost' })]);
    expect(problems).toContainEqual({ path: '[0].harder', message: expect.stringContaining('"ghost"') });
  });

  it('reports a link that is not mutual', () => {
    const problems = problemsOf([fixture('a', { harder: 'b' }), fixture('b')]);
    expect(problems).toContainEqual({ path: '[0].harder', message: expect.stringMatching(/"b" must list "a" as its easier/) });
  });

  it('reports a one-sided easier link', () => {
    const problems = problemsOf([fixture('a'), fixture('b', { easier: 'a' })]);
    expect(problems).toContainEqual({ path: '[1].easier', message: expect.stringMatching(/"a" must list "b" as its harder/) });
  });

  it('reports a ladder cycle', () => {
    const problems = problemsOf([
      fixture('a', { harder: 'b', easier: 'c' }),
      fixture('b', { harder: 'c', easier: 'a' }),
      fixture('c', { harder: 'a', easier: 'b' }),
    ]);
    const cycles = problems.filter((p) => p.message.includes('cycle'));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.path).toMatch(/^\[\d\]\.(harder|easier)$/);
    expect(cycles[0]?.message).toMatch(/a → b → c → a|a → c → b → a/);
  });

  it('reports a ladder that changes type', () => {
    const problems = problemsOf([
      fixture('a', { harder: 'b' }),
      fixture('b', { easier: 'a', type: 'flexibility', dose: { sets: 2, holdSeconds: 20 } }),
    ]);
    expect(problems).toContainEqual({ path: '[0].harder', message: expect.stringContaining('one type') });
  });

  it('reports an unknown key', () => {
    const problems = problemsOf([fixture('a', { colour: 'red' })]);
    expect(problems).toContainEqual({ path: '[0].colour', message: 'unknown key' });
  });

  it('reports a bad type', () => {
    const problems = problemsOf([fixture('a', { type: 'aerobics' })]);
    expect(problems.map((p) => p.path)).toContain('[0].type');
  });

  it('reports duplicate ids, bad ids, chair equipment, bad dose and bad style', () => {
    const problems = problemsOf([
      fixture('a'),
      fixture('a'),
      fixture('Not_Kebab'),
      fixture('c', { equipment: ['chair'] }),
      fixture('d', { dose: { sets: 1, reps: 10, minutes: 5 } }),
      fixture('e', { type: 'cardio', style: 'yoga', dose: { minutes: 5 } }),
      fixture('f', { style: 'walking' }),
    ]);
    const paths = problems.map((p) => p.path);
    expect(problems).toContainEqual({ path: '[1].id', message: expect.stringContaining('duplicate id "a"') });
    expect(paths).toContain('[2].id');
    expect(paths).toContain('[3].equipment[0]');
    expect(paths).toContain('[4].dose');
    expect(paths).toContain('[5].style');
    expect(paths).toContain('[6].style');
  });

  it('enforces the gentle rule: effort 2 or less and no cautions', () => {
    const problems = problemsOf([fixture('a', { gentle: true, effort: 3, cautions: ['kneeling'] })]);
    expect(problems.map((p) => p.path).sort()).toEqual(['[0].cautions', '[0].effort']);
  });

  it('lists every problem at once in the error message', () => {
    const raw = [fixture('a', { harder: 'ghost', colour: 'red' }), fixture('b', { type: 'aerobics' })];
    expect(() => parseLibrary(raw)).toThrow(/3 problems/);
    try {
      parseLibrary(raw);
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('[0].colour');
      expect(message).toContain('[1].type');
      expect(message).toContain('[0].harder');
    }
  });

  it('rejects a library that is not an array', () => {
    expect(problemsOf({ exercises: [] })).toEqual([{ path: '(root)', message: expect.any(String) }]);
  });
});

describe('loadLibrary', () => {
  it('finds the library without a path and caches it', () => {
    const first = loadLibrary();
    expect(first.length).toBe(library.length);
    expect(loadLibrary()).toBe(first);
  });

  it('names the file when it is not valid JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'painfit-lib-'));
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '[{');
    try {
      expect(() => loadLibrary(file)).toThrow(/broken\.json/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The curated library itself

describe('data/exercises.json', () => {
  it('passes the schema and cross-reference checks', () => {
    const raw: unknown = JSON.parse(fs.readFileSync(libraryFile, 'utf8'));
    expect(() => parseLibrary(raw)).not.toThrow();
  });

  it('has at least 66 exercises', () => {
    expect(library.length).toBeGreaterThanOrEqual(66);
  });

  it('uses unique kebab-case ids', () => {
    for (const e of library) expect(e.id, e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(library.map((e) => e.id)).size).toBe(library.length);
  });

  it('has ladder links that exist, are mutual, keep the type and never loop', () => {
    for (const e of library) {
      if (e.harder !== null) {
        const up = byId.get(e.harder);
        expect(up, `${e.id}.harder`).toBeDefined();
        expect(up?.easier, `${e.id} -> ${e.harder}`).toBe(e.id);
        expect(up?.type, `${e.id} -> ${e.harder}`).toBe(e.type);
      }
      if (e.easier !== null) {
        const down = byId.get(e.easier);
        expect(down, `${e.id}.easier`).toBeDefined();
        expect(down?.harder, `${e.id} -> ${e.easier}`).toBe(e.id);
      }
      const seen = new Set<string>();
      for (let cur: Exercise | undefined = e; cur; cur = cur.harder ? byId.get(cur.harder) : undefined) {
        expect(seen.has(cur.id), `cycle from ${e.id}`).toBe(false);
        seen.add(cur.id);
      }
    }
  });

  it('puts most strength exercises on a ladder of 2-4 rungs', () => {
    const strength = library.filter((e) => e.type === 'strength');
    const laddered = strength.filter((e) => e.easier !== null || e.harder !== null);
    expect(laddered.length / strength.length).toBeGreaterThan(0.5);
    for (const e of library.filter((x) => x.easier === null && x.harder !== null)) {
      let rungs = 1;
      for (let cur = e; cur.harder; cur = byId.get(cur.harder)!) rungs++;
      expect(rungs, `ladder starting at ${e.id}`).toBeLessThanOrEqual(4);
    }
    expect(library.some((e) => e.type === 'flexibility' && e.harder !== null)).toBe(true);
    expect(library.some((e) => e.type === 'balance' && e.harder !== null)).toBe(true);
    expect(library.some((e) => e.type === 'cardio' && e.harder !== null)).toBe(true);
  });

  const pairs = (Object.entries(REGION_EMPHASIS) as [Region, readonly ExerciseType[]][]).flatMap(([region, types]) =>
    types.map((type) => ({ region, type })),
  );
  it.each(pairs)('has at least 2 no-floor, no-equipment $type exercises for $region', ({ region, type }) => {
    const found = library.filter((e) => e.type === type && e.regions.includes(region) && anywhere(e));
    expect(found.length).toBeGreaterThanOrEqual(2);
  });

  it.each(REGIONS.map((region) => ({ region })))(
    'has at least 2 no-floor, no-equipment flexibility exercises for $region',
    ({ region }) => {
      const found = library.filter((e) => e.type === 'flexibility' && e.regions.includes(region) && anywhere(e));
      expect(found.length).toBeGreaterThanOrEqual(2);
    },
  );

  it.each(CARDIO_LIKES.map((style) => ({ style })))('has $style cardio', ({ style }) => {
    expect(library.some((e) => e.type === 'cardio' && e.style === style)).toBe(true);
  });

  it('covers walking (incl. indoors), cycling on a bike, pool work and seated cardio', () => {
    const cardio = library.filter((e) => e.type === 'cardio');
    expect(cardio.filter((e) => e.style === 'walking').length).toBeGreaterThanOrEqual(3);
    expect(byId.get('indoor-walk')?.style).toBe('walking');
    expect(byId.get('marching-in-place')?.style).toBe('walking');
    for (const e of cardio.filter((x) => x.style === 'cycling')) expect(e.equipment, e.id).toContain('bike');
    for (const e of cardio.filter((x) => x.style === 'swimming')) expect(e.equipment, e.id).toContain('pool');
    expect(cardio.filter((e) => e.style === 'seated' && anywhere(e)).length).toBeGreaterThanOrEqual(2);
    for (const e of cardio) expect('minutes' in e.dose, e.id).toBe(true);
  });

  it.each(MIND_BODY_LIKES.map((style) => ({ style })))(
    'has at least 2 no-floor, no-equipment $style exercises',
    ({ style }) => {
      const found = library.filter((e) => e.type === 'mind-body' && e.style === style && anywhere(e));
      expect(found.length).toBeGreaterThanOrEqual(2);
    },
  );

  it('has some floor mind-body work', () => {
    expect(library.filter((e) => e.type === 'mind-body' && e.position === 'floor').length).toBeGreaterThanOrEqual(3);
  });

  it('has balance and gait work', () => {
    const balance = library.filter((e) => e.type === 'balance');
    expect(balance.filter((e) => e.style === 'gait' && anywhere(e)).length).toBeGreaterThanOrEqual(2);
    expect(balance.filter((e) => e.style === 'balance' && anywhere(e)).length).toBeGreaterThanOrEqual(2);
  });

  // Issue 9: end-range spinal bends and twists are tagged for osteoporosis; those bone-health tags
  // are the only cautions a gentle (flare-day) exercise may carry.
  it('has enough gentle (flare-day) exercises, all light and free of cautions but bone-health tags', () => {
    const gentle = library.filter((e) => e.gentle);
    for (const e of gentle) {
      expect(e.effort, e.id).toBeLessThanOrEqual(2);
      expect(e.cautions.filter((c) => !GENTLE_ALLOWED_CAUTIONS.includes(c)), e.id).toEqual([]);
    }
    const bookends = gentle.filter((e) => (e.phase === 'warm-up' || e.phase === 'cool-down') && anywhere(e));
    expect(bookends.length).toBeGreaterThanOrEqual(3);
    expect(gentle.filter((e) => e.type === 'cardio').length).toBeGreaterThanOrEqual(2);
    expect(gentle.filter((e) => e.type === 'mind-body' && e.style === 'breathing').length).toBeGreaterThanOrEqual(2);
  });

  it('has enough band, dumbbell and floor strength work', () => {
    const strength = library.filter((e) => e.type === 'strength');
    expect(strength.filter((e) => e.equipment.includes('band')).length).toBeGreaterThanOrEqual(6);
    expect(strength.filter((e) => e.equipment.includes('dumbbells')).length).toBeGreaterThanOrEqual(4);
    expect(strength.filter((e) => e.position === 'floor').length).toBeGreaterThanOrEqual(5);
  });

  it('carries cautions that filters can be tested on', () => {
    const spinal = library.filter((e) => !osteoSafe(e));
    expect(spinal.length).toBeGreaterThanOrEqual(3);
    expect(library.some((e) => e.cautions.includes('high-impact'))).toBe(true);
    for (const caution of CAUTIONS) expect(CAUTION_TEXT[caution].length).toBeGreaterThan(10);
  });

  it('leaves plenty of strength and balance work for osteoporosis-safe plans', () => {
    const safe = library.filter(osteoSafe);
    expect(safe.filter((e) => e.type === 'strength').length).toBeGreaterThanOrEqual(30);
    expect(safe.filter((e) => e.type === 'balance').length).toBeGreaterThanOrEqual(8);
    expect(safe.filter((e) => e.type === 'strength' && anywhere(e)).length).toBeGreaterThanOrEqual(15);
  });

  it('never lists a chair and keeps the mat optional', () => {
    for (const e of library) {
      expect(e.equipment as readonly string[], e.id).not.toContain('chair');
      if (e.position !== 'floor') expect(e.equipment, e.id).not.toContain('mat');
    }
  });

  it('has 2-4 short cues and a one-line purpose', () => {
    for (const e of library) {
      expect(e.cues.length, e.id).toBeGreaterThanOrEqual(2);
      expect(e.cues.length, e.id).toBeLessThanOrEqual(4);
      for (const cue of e.cues) expect(cue.length, `${e.id}: ${cue}`).toBeLessThanOrEqual(90);
      expect(e.purpose.length, e.id).toBeLessThanOrEqual(100);
      expect(e.purpose, e.id).not.toContain('\n');
    }
  });

  it('starts with clinically sensible doses and effort', () => {
    for (const e of library) {
      const d = e.dose;
      if ('minutes' in d) {
        expect(d.minutes, e.id).toBeGreaterThanOrEqual(2);
        expect(d.minutes, e.id).toBeLessThanOrEqual(15);
      } else if ('holdSeconds' in d) {
        expect(d.holdSeconds, e.id).toBeGreaterThanOrEqual(15);
        expect(d.holdSeconds, e.id).toBeLessThanOrEqual(30);
      }
      if (e.type === 'strength' && 'reps' in d) {
        expect(d.sets, e.id).toBeLessThanOrEqual(2);
        expect(d.reps, e.id).toBeGreaterThanOrEqual(8);
        expect(d.reps, e.id).toBeLessThanOrEqual(10);
      }
      expect(e.effort, e.id).toBeLessThanOrEqual(4);
      if (e.type === 'strength' || e.type === 'cardio' || e.type === 'balance') expect(e.phase, e.id).toBe('main');
    }
  });
});
