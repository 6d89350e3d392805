// Reads the shipped exercise library. It is validated by the test suite (test/library.test.ts,
// via parseLibrary in src/schema/exercise.ts), so at run time it is only parsed: keeping the
// schema library off this path keeps `painfit today` fast.
import fs from 'node:fs';
import path from 'node:path';
import type { Exercise } from '../domain/exercise';

/** Where data/exercises.json may be: bundled (dist/), from source (src/…/), or the working directory. */
export function libraryCandidates(): string[] {
  const base = typeof __dirname !== 'undefined' ? __dirname : process.cwd();
  const out: string[] = [];
  const fromEnv = process.env.PAINFIT_LIBRARY;
  if (fromEnv) out.push(fromEnv);
  out.push(
    path.join(base, '..', 'data', 'exercises.json'),
    path.join(base, '..', '..', 'data', 'exercises.json'),
    path.join(process.cwd(), 'data', 'exercises.json'),
  );
  return out;
}

export function libraryFile(file?: string): string {
  const candidates = file ? [file] : libraryCandidates();
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`The exercise library was not found; looked in: ${candidates.join(', ')}`);
  return path.resolve(found);
}

/** FNV-1a over a text: a cheap fingerprint (not a security hash). */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Which library file, as it is now (size and modification time), so a cache built on another
 * library is not reused. Cheaper than hashing the text on every start.
 */
export function libraryStamp(file?: string): string {
  const resolved = libraryFile(file);
  const st = fs.statSync(resolved);
  return fingerprint(`${resolved}:${st.size}:${st.mtimeMs}`);
}

export function readLibraryJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`The exercise library ${file} could not be read: ${(err as Error).message}`);
  }
}

let cached: { file: string; library: Exercise[] } | undefined;

/** The exercise library, parsed once per process. */
export function readLibrary(file?: string): Exercise[] {
  const resolved = libraryFile(file);
  if (cached?.file !== resolved) cached = { file: resolved, library: readLibraryJson(resolved) as Exercise[] };
  return cached.library;
}
