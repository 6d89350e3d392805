// Creating folders for painfit's files. Node's `mkdirSync(dir, { recursive: true })` spins
// forever when a parent refuses new entries with ENOENT (e.g. under /proc), so painfit creates
// the missing folders one at a time and turns a failure into a message a person can act on.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors';

export const FOLDER_MODE = 0o700;

const REASON: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOENT: 'a folder above it cannot hold new folders',
  ENOTDIR: 'part of that path is a file, not a folder',
  ENOSPC: 'the disk is full',
};

/**
 * Creates `dir` and any missing parents, each readable only by the user. Returns true when it
 * created `dir`. `what` names the folder in the error, e.g. "the data folder (--home)".
 */
export function makePrivateFolder(dir: string, what: string): boolean {
  const target = path.resolve(dir);
  const missing: string[] = [];
  for (let current = target; !fs.existsSync(current); current = path.dirname(current)) {
    missing.unshift(current);
    if (path.dirname(current) === current) break;
  }
  try {
    for (const folder of missing) {
      try {
        fs.mkdirSync(folder, { mode: FOLDER_MODE });
      } catch (error) {
        // Another painfit (a second terminal) made it a moment ago: that is fine.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        continue;
      }
      fs.chmodSync(folder, FOLDER_MODE);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(
      `cannot create ${what} ${target}: ${REASON[code] ?? (error as Error).message}. Choose a folder you can write to.`,
      'CANNOT_CREATE_FOLDER',
    );
  }
  if (!fs.statSync(target).isDirectory()) {
    throw new UsageError(`${what} ${target} is a file, not a folder. Move that file aside, or choose another folder.`, 'NOT_A_FOLDER');
  }
  return missing.length > 0;
}
