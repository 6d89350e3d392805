// Telling a full or read-only disk apart from other failures, so a write that cannot happen says
// why in one line, with the fix, instead of SQLite's "disk I/O error".
import fs from 'node:fs';

export type DiskProblem = 'full' | 'quota' | 'read-only' | 'no-permission';

const BY_ERRNO: Record<string, DiskProblem> = { ENOSPC: 'full', EDQUOT: 'quota', EROFS: 'read-only', EACCES: 'no-permission', EPERM: 'no-permission' };

/** SQLite's codes that may hide a full or read-only disk (it reports both as I/O errors at times). */
const SQLITE_STORAGE = /^SQLITE_(FULL|READONLY|CANTOPEN|IOERR)/;

export function isStorageError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (SQLITE_STORAGE.test(code) || code in BY_ERRNO);
}

/**
 * Why writing in `dir` failed, when the disk says so: the error's own errno first, then a look at
 * the folder (no free blocks; not writable). undefined when neither explains it.
 */
export function diagnoseDisk(dir: string, error?: unknown): DiskProblem | undefined {
  const code = String((error as { code?: unknown } | undefined)?.code ?? '');
  if (BY_ERRNO[code] && code !== 'EACCES' && code !== 'EPERM') return BY_ERRNO[code];
  if (code === 'SQLITE_FULL') return 'full';
  try {
    const s = fs.statfsSync(dir);
    if (s.bavail === 0 || s.bfree === 0 || s.ffree === 0) return 'full';
  } catch {
    // no such folder, or no statfs here
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    const c = (e as NodeJS.ErrnoException).code;
    if (c === 'EROFS') return 'read-only';
    if (c === 'EACCES' || c === 'EPERM') return 'no-permission';
  }
  if (BY_ERRNO[code]) return BY_ERRNO[code];
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  return undefined;
}

/** The cause and the fix, as a sentence that follows "cannot save …: ". */
export function describeDiskProblem(problem: DiskProblem, dir: string): string {
  switch (problem) {
    case 'full':
      return `the disk holding ${dir} is full. Free some space (or choose a folder on another disk) and run the command again`;
    case 'quota':
      return `your disk quota is used up. Free some space (or choose a folder on another disk) and run the command again`;
    case 'read-only':
      return `${dir} is on a read-only disk. Mount it read-write, or copy the folder to a writable place and give it with --home`;
    case 'no-permission':
      return `you cannot write to ${dir} (permission denied). Give yourself write access (chmod u+w), or use a folder you own with --home`;
  }
}
