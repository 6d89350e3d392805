// The registry of every command. Command modules are loaded lazily inside their actions,
// so a command pays only for what it uses.
import { Command, Option } from 'commander';
import { createContext, globalOptions, type Context } from './context';

declare const PAINFIT_VERSION: string;
const VERSION = typeof PAINFIT_VERSION === 'string' ? PAINFIT_VERSION : '0.0.0-dev';

/** Global options are accepted before or after the command name. */
function addGlobalOptions(cmd: Command, hidden: boolean): Command {
  const opts = [
    new Option('--home <dir>', 'data folder (default: $PAINFIT_HOME, else your platform data folder)'),
    new Option('--date <YYYY-MM-DD>', 'act as of this local date (preview, backfill, or date an intake)'),
    new Option('--json', 'machine-readable output on stdout; never prompts'),
    new Option('--no-color', 'plain output without colour (NO_COLOR and FORCE_COLOR are honoured too)'),
  ];
  for (const o of opts) cmd.addOption(hidden ? o.hideHelp() : o);
  return cmd;
}

function example(lines: string[]): string {
  return `\nExample${lines.length > 1 ? 's' : ''}:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Runs a command body with a context, always closing the database afterwards. */
async function withContext(command: Command, body: (ctx: Context) => Promise<void>): Promise<void> {
  const ctx = createContext(globalOptions(command));
  try {
    await body(ctx);
  } finally {
    ctx.close();
  }
}

export function buildProgram(): Command {
  const program = new Command('painfit');
  const json = process.argv.includes('--json');
  program
    .description('A gentle, local exercise coach for long-term pain. Your data stays on this computer.')
    .version(VERSION, '-V, --version', 'print the painfit version')
    .helpOption('-h, --help', 'show help for a command')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      // With --json, errors are printed once, as JSON, by src/main.ts.
      writeErr: (text) => {
        if (!json) process.stderr.write(text);
      },
    })
    .allowExcessArguments(false);
  addGlobalOptions(program, false);
  program.addHelpText(
    'after',
    `
Start with:
  $ painfit intake          answer a few questions (once)
  $ painfit today           today's short session
  $ painfit log             record your pain and what you did

Exit codes: 0 done, 1 unexpected failure, 2 bad usage or input (nothing written),
3 cannot proceed yet (no intake, or see a clinician first), 130 stopped with Ctrl-C.`,
  );

  const intake = program
    .command('intake')
    .description('answer the intake questions (or give them as a file) and get a safety check')
    .option('--answers <file>', 'read the answers from a JSON file, or - for standard input')
    .option('--template', 'print a complete example answers file and exit')
    .addHelpText(
      'after',
      example([
        'painfit intake',
        'painfit intake --template > answers.json',
        'painfit intake --answers answers.json --date 2026-12-01',
      ]),
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const { parseIntakeOptions, runIntake } = await import('./commands/intake');
      const opts = parseIntakeOptions(cmd.opts());
      await withContext(cmd, (ctx) => runIntake(opts, ctx));
    });
  addGlobalOptions(intake, true);

  return program;
}
