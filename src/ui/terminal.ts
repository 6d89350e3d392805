// Where output goes. When stdout is a pipe, a file or /dev/null, painfit writes to it directly
// instead of creating Node's stream for it: that stream pulls in Node's stream and network
// modules, a noticeable share of a short command's run time (e.g. `painfit today --json | jq`).
import fs from 'node:fs';

let terminal: boolean | undefined;

/** Whether stdout is a terminal; pipes, files and /dev/null are told apart without a stream. */
export function stdoutIsTerminal(): boolean {
  if (terminal !== undefined) return terminal;
  try {
    const out = fs.fstatSync(1);
    terminal = out.isCharacterDevice() && out.rdev !== fs.statSync('/dev/null').rdev && Boolean(process.stdout.isTTY);
  } catch {
    terminal = Boolean(process.stdout.isTTY);
  }
  return terminal;
}

/** Writes all of `text` to stdout, in order with everything written before. */
export function writeStdout(text: string): void {
  if (stdoutIsTerminal()) {
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += fs.writeSync(1, bytes, offset);
    } catch (error) {
      // A pipe left non-blocking by the parent process: wait for the reader and go on.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** Columns to lay tables out in: the terminal's width, else $COLUMNS, else `fallback`. */
export function terminalWidth(fallback = 100): number {
  const cols = (stdoutIsTerminal() && process.stdout.columns) || Number(process.env.COLUMNS);
  return cols && cols >= 60 ? Math.min(cols, 160) : fallback;
}
