// The process entry: builds the app context once (src/cli/app.ts), runs the command line on it,
// and is the only place that touches the process itself (exit code, signals, crashes).
import { realApp } from './cli/app';
import { runCli } from './cli/run';
import { EXIT } from './errors';

const app = realApp();

// Output piped into a program that stops reading early (painfit --help | head): end quietly,
// as other command-line tools do, instead of a stack trace.
process.on('uncaughtException', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  app.err(`painfit: unexpected failure: ${error.message}\n`);
  if (app.env.DEBUG?.split(',').includes('painfit')) app.err(`${error.stack}\n`);
  process.exit(EXIT.failure);
});

let interrupted = false;
process.on('SIGINT', () => {
  // Every write is a single transaction, so stopping here leaves nothing half-written.
  if (interrupted) return;
  interrupted = true;
  // A list prompt hides the cursor, and exiting from here skips its clean-up: show it again.
  const showCursor = app.terminal.stderrIsTTY ? '\x1b[?25h' : '';
  app.err(`${showCursor}\nStopped. Nothing was saved.\n`);
  process.exit(EXIT.interrupted);
});

runCli(process.argv.slice(2), app).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    app.err(`painfit: unexpected failure: ${String(error)}\n`);
    process.exitCode = EXIT.failure;
  },
);
