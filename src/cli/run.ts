// The one place that turns a command's outcome into an exit code and prints errors. It runs on an
// app context (src/cli/app.ts): src/main.ts passes the real one, in-process tests a test one.
import { CommanderError } from 'commander';
import { EXIT, PainfitError, UsageError, type ExitCode } from '../errors';
import type { App } from './app';
import { escapeControls } from './escape';
import { buildProgram } from './program';
import { usageMessage } from './usage-errors';
import { layoutWidth, wrapText } from '../ui/width';
import { explainStorageError, isDamageError } from '../store/db';

function wantsJson(argv: readonly string[]): boolean {
  return argv.includes('--json');
}

/** The first n characters (code points, so never half an emoji). */
const head = (text: string, n: number) => Array.from(text).slice(0, n).join('');

/**
 * Messages quote the value given; a 10,000-character value is shown by its beginning, so the
 * message stays one short paragraph. Quoted values (JSON strings) over 100 characters and any
 * other unbroken run over 200 (a long path) are cut.
 */
function shortenValues(message: string): string {
  return message
    .replace(/"(?:[^"\\\n]|\\.)*"/g, (quoted) => (quoted.length > 100 ? `${head(quoted, 60).replace(/\\(u[0-9a-fA-F]{0,3})?$/, '')}…"` : quoted))
    .replace(/\S{200,}/g, (word) => `${head(word, 80)}…`);
}

function printError(app: App, code: string, message: string, json: boolean, problems: readonly string[] = []): void {
  message = escapeControls(shortenValues(message));
  problems = problems.map(escapeControls);
  if (json) app.err(JSON.stringify({ error: { code, message, ...(problems.length ? { problems } : {}) } }) + '\n');
  // On a terminal the message breaks between words to fit; to a pipe or file it stays one line.
  else app.err(`${app.terminal.stderrIsTTY ? wrapText(`painfit: ${message}`, layoutWidth(app.env, app.terminal.columns)) : `painfit: ${message}`}\n`);
}

/** Runs one painfit command line on `app` and returns its exit code; never exits the process. */
export async function runCli(argv: readonly string[], app: App): Promise<ExitCode> {
  const json = wantsJson(argv);
  const program = buildProgram(argv, app);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof PainfitError) {
      // A command that already printed its result (e.g. a safety stop) throws with an empty message.
      if (error.message) printError(app, error.code, error.message, json, error instanceof UsageError ? error.problems : []);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, --version
      // commander prints nothing itself (see program.ts): its message is reworded with a hint.
      printError(app, 'USAGE', usageMessage(error, argv), json);
      return EXIT.usage;
    }
    // The reader of a pipe went away (painfit today | head): nothing more to say to anyone.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return EXIT.ok;
    const message = error instanceof Error ? error.message : String(error);
    if (isDamageError(error)) {
      // Damage that only shows once a query reaches the bad pages: never a stack trace, and the way out.
      printError(app, 'DAMAGED_DATABASE', `the data file is damaged (${message}). painfit has not changed it; painfit doctor checks it and names the latest backup.`, json);
      return EXIT.failure;
    }
    // A read-only folder or a full disk: the cause and the fix, not "disk I/O error".
    const storage = explainStorageError(error);
    if (storage) {
      printError(app, storage.code, storage.message, json);
      return EXIT.failure;
    }
    if (app.env.DEBUG?.split(',').includes('painfit') && error instanceof Error) {
      app.err(`${error.stack}\n`);
    }
    printError(app, 'UNEXPECTED', `unexpected failure: ${message}${json ? '' : ' (run with DEBUG=painfit for details)'}`, json);
    return EXIT.failure;
  }
}

