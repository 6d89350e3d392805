// Reading a file the user names on the command line (or standard input for "-"), with messages
// that say what was wrong and how to get a good file. Only what a real file can be is read: a
// device (/dev/zero, /dev/urandom) is refused before reading, anything larger than MAX_INPUT_BYTES
// is refused as soon as that is known, and the bytes must be UTF-8 text.
import fs from 'node:fs';
import { UsageError } from '../errors';

export interface InputFile {
  /** What the file is, for messages: "the answers file". */
  what: string;
  /** Said when "-" is given but nothing is piped in, e.g. "Example: painfit intake --answers - < answers.json". */
  stdinExample: string;
  /** How to get a good file, e.g. "painfit intake --template prints an example to start from." */
  hint: string;
  /** Said when the file is refused, e.g. "Nothing was imported." */
  nothing?: string;
}

/**
 * Larger than any file painfit writes or reads: an export of ten years of daily check-ins, notes
 * and weekly measures is about 5 MiB; an answers file is about 1 KiB.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const tooLarge = (label: string, o: InputFile) =>
  new UsageError(`${label} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB, far more than ${o.what} can be. ${o.nothing ?? 'Nothing was read.'} ${o.hint}`, 'BAD_FILE');

/** Reads at most MAX_INPUT_BYTES + 1 bytes from an open descriptor (a pipe's size is not known ahead). */
function readBounded(fd: number, label: string, o: InputFile): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1024 * 1024);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); // a non-blocking pipe: wait for the writer
        continue;
      }
      if (code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooLarge(label, o);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

function decode(bytes: Buffer, label: string, o: InputFile): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let at = 0;
    // Find the first bad byte for the message: decode growing prefixes would be slow; check sequences.
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i]!;
      const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      const ok = len > 0 && i + len <= bytes.length && [...bytes.subarray(i + 1, i + len)].every((c) => (c & 0xc0) === 0x80);
      if (!ok) {
        at = i;
        break;
      }
      i += len;
    }
    throw new UsageError(`${label} is not UTF-8 text (an unreadable byte at offset ${at}). ${o.nothing ?? 'Nothing was read.'} Save it as UTF-8 text. ${o.hint}`, 'BAD_FILE');
  }
}

/** Refuses what cannot be a file painfit wrote: a device, a folder, something too large. */
function checkKind(stat: fs.Stats, label: string, o: InputFile): void {
  if (stat.isDirectory()) throw new UsageError(`cannot read ${o.what} ${label}: it is a folder, not a file. ${o.hint}`, 'BAD_FILE');
  if (stat.isCharacterDevice() || stat.isBlockDevice()) {
    throw new UsageError(`cannot read ${o.what} ${label}: it is a device, not a file. ${o.nothing ?? 'Nothing was read.'} ${o.hint}`, 'BAD_FILE');
  }
  if (stat.isFile() && stat.size > MAX_INPUT_BYTES) throw tooLarge(label, o);
}

export function readInputText(file: string, o: InputFile): string {
  if (file === '-') {
    if (process.stdin.isTTY) {
      throw new UsageError(`- reads ${o.what} from standard input, but nothing was piped in. ${o.stdinExample}`, 'BAD_FILE');
    }
    checkKind(fs.fstatSync(0), 'standard input', o);
    return decode(readBounded(0, 'standard input', o), 'standard input', o);
  }
  const label = JSON.stringify(file);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read ${o.what} ${label}: ${why}. ${o.hint}`, 'BAD_FILE');
  }
  try {
    checkKind(fs.fstatSync(fd), label, o);
    return decode(readBounded(fd, label, o), label, o);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read ${o.what} ${label}: ${why}. ${o.hint}`, 'BAD_FILE');
  } finally {
    fs.closeSync(fd);
  }
}
