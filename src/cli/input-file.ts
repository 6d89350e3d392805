// Reading a file the user names on the command line (or standard input for "-"), with messages
// that say what was wrong and how to get a good file.
import fs from 'node:fs';
import { UsageError } from '../errors';

export interface InputFile {
  /** What the file is, for messages: "the answers file". */
  what: string;
  /** Said when "-" is given but nothing is piped in, e.g. "Example: painfit intake --answers - < answers.json". */
  stdinExample: string;
  /** How to get a good file, e.g. "painfit intake --template prints an example to start from." */
  hint: string;
}

export function readInputText(file: string, o: InputFile): string {
  if (file === '-') {
    if (process.stdin.isTTY) {
      throw new UsageError(`- reads ${o.what} from standard input, but nothing was piped in. ${o.stdinExample}`, 'BAD_FILE');
    }
    return fs.readFileSync(0, 'utf8');
  }
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read ${o.what} ${JSON.stringify(file)}: ${why}. ${o.hint}`, 'BAD_FILE');
  }
}
