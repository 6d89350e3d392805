// The one way painfit writes a file that holds health data (export --out, export --csv, report
// --html, backups): a temporary file with a random name, created exclusively (O_EXCL: never an
// existing file, never through a symbolic link) in the target's folder with mode 0600, filled,
// fsynced, then renamed over the target. The target is replaced, never written through or chmodded,
// so a file or link planted by someone else is not disclosed or changed, and a full disk leaves the
// old file whole. Proven by test/private-file.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { builtin } from '../builtin';
import { DataError, UsageError } from '../errors';
import { describeDiskProblem, diagnoseDisk } from './disk';

export const PRIVATE_FILE_MODE = 0o600;

/** What to put in the file: bytes, or a function that fills the (empty, 0600) temporary file by its path. */
export type Contents = string | Uint8Array | ((tempPath: string) => void);

/** The kind of thing at `target`, when it is not a regular file painfit may replace. */
function refusal(target: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (stat.isFile()) return undefined;
  if (stat.isSymbolicLink()) return 'it is a symbolic link (painfit does not write through links; name the real file)';
  if (stat.isDirectory()) return 'it is a folder, not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'it is a device, not a regular file';
  return 'it is not a regular file (a pipe or a socket)';
}

const REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENAMETOOLONG: 'the name is too long',
};

/** The failure as a message naming `what`, the file, the cause and the fix. */
export function cannotWrite(what: string, target: string, error: unknown): Error {
  const dir = path.dirname(target);
  const disk = diagnoseDisk(dir, error);
  if (disk && disk !== 'no-permission') return new DataError(`cannot write ${what} ${target}: ${describeDiskProblem(disk, dir)}. Nothing was changed.`, 'DISK');
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const why = REASONS[code] ?? (error as Error).message;
  return new UsageError(`cannot write ${what} ${target}: ${why}. Choose another place.`, 'CANNOT_WRITE');
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone, or never created
  }
}

/** Makes a rename durable: the folder's entry is on disk too. Not every platform allows it. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // e.g. Windows; the file's own data is already synced
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes `contents` to `target` as a private file, atomically. `what` names the file in messages
 * ("the export file"). Throws a UsageError (exit 2) for a target that cannot be used, a DataError
 * (exit 1) for a full or read-only disk; either way nothing was changed and no temporary file is left.
 */
export function writePrivateFile(target: string, contents: Contents, what = 'the file'): void {
  const file = path.resolve(target);
  let refused: string | undefined;
  try {
    refused = refusal(file);
  } catch (error) {
    throw cannotWrite(what, file, error); // e.g. a name too long, or a path through a file
  }
  if (refused) throw new UsageError(`cannot write ${what} ${file}: ${refused}. Choose another file name.`, 'NOT_A_FILE');
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${builtin('node:crypto').randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), PRIVATE_FILE_MODE);
    created = true;
    try {
      fs.fchmodSync(fd, PRIVATE_FILE_MODE); // whatever the umask: it is ours, we just made it
      if (typeof contents !== 'function') {
        const bytes = typeof contents === 'string' ? Buffer.from(contents) : contents;
        for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset);
        fs.fsyncSync(fd);
      }
    } finally {
      fs.closeSync(fd);
    }
    if (typeof contents === 'function') {
      contents(temp);
      const again = fs.openSync(temp, 'r+');
      try {
        fs.fsyncSync(again);
      } finally {
        fs.closeSync(again);
      }
    }
    // Checked again just before the rename: something planted meanwhile is refused, not replaced.
    const late = refusal(file);
    if (late) throw new UsageError(`cannot write ${what} ${file}: ${late}. Choose another file name.`, 'NOT_A_FILE');
    fs.renameSync(temp, file);
    created = false;
  } catch (error) {
    if (created) removeQuietly(temp);
    if (error instanceof UsageError || error instanceof DataError) throw error;
    if ((error as NodeJS.ErrnoException).code) throw cannotWrite(what, file, error);
    throw error;
  }
  syncFolder(path.dirname(file));
}

/** Temporary files writePrivateFile leaves only when killed mid-write: `.NAME.<hex>.tmp`. */
export const isPrivateTempFile = (name: string): boolean => /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
