// The one place that turns a command's outcome into an exit code and prints errors.
import { CommanderError } from 'commander';
import { EXIT, PainfitError, UsageError, type ExitCode } from './errors';
import { buildProgram } from './cli/program';
import { isDamageError } from './store/db';

function wantsJson(argv: readonly string[]): boolean {
  return argv.includes('--json');
}

function printError(code: string, message: string, json: boolean, problems: readonly string[] = []): void {
  if (json) process.stderr.write(JSON.stringify({ error: { code, message, ...(problems.length ? { problems } : {}) } }) + '\n');
  else process.stderr.write(`painfit: ${message}\n`);
}

export async function main(argv: readonly string[]): Promise<ExitCode> {
  const json = wantsJson(argv);
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof PainfitError) {
      // A command that already printed its result (e.g. a safety stop) throws with an empty message.
      if (error.message) printError(error.code, error.message, json, error instanceof UsageError ? error.problems : []);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, --version
      // commander already printed its message (unless in --json mode, where output is silenced).
      if (json) printError('USAGE', error.message.replace(/^error: /, ''), true);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (isDamageError(error)) {
      // Damage that only shows once a query reaches the bad pages: never a stack trace, and the way out.
      printError('DAMAGED_DATABASE', `the data file is damaged (${message}). painfit has not changed it; painfit doctor checks it and names the latest backup.`, json);
      return EXIT.failure;
    }
    if (process.env.DEBUG?.split(',').includes('painfit') && error instanceof Error) {
      process.stderr.write(`${error.stack}\n`);
    }
    printError('UNEXPECTED', `unexpected failure: ${message}${json ? '' : ' (run with DEBUG=painfit for details)'}`, json);
    return EXIT.failure;
  }
}

let interrupted = false;
process.on('SIGINT', () => {
  // Every write is a single transaction, so stopping here leaves nothing half-written.
  if (interrupted) return;
  interrupted = true;
  // A list prompt hides the cursor, and exiting from here skips its clean-up: show it again.
  const showCursor = process.stderr.isTTY ? '\x1b[?25h' : '';
  process.stderr.write(`${showCursor}\nStopped. Nothing was saved.\n`);
  process.exit(EXIT.interrupted);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`painfit: unexpected failure: ${String(error)}\n`);
    process.exitCode = EXIT.failure;
  },
);
