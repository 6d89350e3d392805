// The registry of every command. Command modules are loaded lazily inside their actions,
// so a command pays only for what it uses.
import { Command, Option } from 'commander';
import { UsageError } from '../errors';
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
Examples:
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

  const today = program
    .command('today')
    .description("show today's session (or a rest day, a flare-day plan, or a safety stop)")
    .addHelpText('after', example(['painfit today', 'painfit today --date 2026-12-07', 'painfit today --json']))
    .action(async (_opts: unknown, cmd: Command) => {
      const { runToday } = await import('./commands/today');
      await withContext(cmd, runToday);
    });
  addGlobalOptions(today, true);

  const log = program
    .command('log')
    .description('record your pain and what you did (asks on a terminal, or give the answers as flags)')
    .option('--pain <0-10>', 'your pain right now (0 none, 10 worst imaginable)')
    .option('--done <all|none|id,id>', "which of the day's exercises you did")
    .option('--during <0-10>', 'the worst pain during exercise')
    .option('--effort <0-10>', 'how hard it felt (0 nothing at all, 10 maximal)')
    .option('--sleep <0-10>', 'how well you slept this past week (0 very badly, 10 very well)')
    .option('--note <text>', 'a short note (up to 500 characters)')
    .addHelpText(
      'after',
      example(['painfit log', 'painfit log --pain 3 --done all --during 4 --effort 3', 'painfit log --pain 5 --date 2026-11-27 --note "long drive"']),
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const { parseLogOptions, runLog } = await import('./commands/log');
      const opts = parseLogOptions(cmd.opts());
      await withContext(cmd, async (ctx) => void (await runLog(opts, ctx)));
    });
  addGlobalOptions(log, true);

  const plan = program
    .command('plan')
    .description('the next seven days at a glance')
    .addHelpText('after', example(['painfit plan', 'painfit plan --json']))
    .action(async (_opts: unknown, cmd: Command) => {
      const { runPlan } = await import('./commands/plan');
      await withContext(cmd, runPlan);
    });
  addGlobalOptions(plan, true);

  const exercises = program
    .command('exercises')
    .description('browse the exercise library')
    .argument('[text]', 'only exercises whose id, name or purpose contain this text')
    .option('--type <type>', 'cardio, strength, flexibility, mind-body or balance')
    .option('--region <region>', 'neck, shoulder, upper-back, low-back, hip, knee, ankle-foot, wrist-hand or widespread')
    .addHelpText('after', example(['painfit exercises --type strength --region knee', 'painfit exercises walk', 'painfit exercises show sit-to-stand']))
    .action(async (text: string | undefined, _opts: unknown, cmd: Command) => {
      const { parseExercisesOptions, runExercises } = await import('./commands/exercises');
      const opts = parseExercisesOptions(cmd.opts(), text);
      await withContext(cmd, (ctx) => runExercises(opts, ctx));
    });
  addGlobalOptions(exercises, true);
  const show = exercises
    .command('show')
    .description('one exercise in full: how to do it, its ladder and cautions')
    .argument('<id>', 'the exercise id, e.g. sit-to-stand')
    .addHelpText('after', example(['painfit exercises show wall-push-up']))
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { runExerciseShow } = await import('./commands/exercises');
      await withContext(cmd, (ctx) => runExerciseShow(id, ctx));
    });
  addGlobalOptions(show, true);

  const swap = program
    .command('swap')
    .description('replace an exercise in your plan with another of the same kind, from today on')
    .argument('<id>', 'the exercise to replace (see painfit today or painfit plan)')
    .option('--with <id>', 'the exercise to use instead (default: the best fitting alternative)')
    .addHelpText('after', example(['painfit swap wall-push-up', 'painfit swap easy-walk --with seated-marching']))
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { parseSwapOptions, runSwap } = await import('./commands/swap');
      const opts = parseSwapOptions(id, cmd.opts());
      await withContext(cmd, (ctx) => runSwap(opts, ctx));
    });
  addGlobalOptions(swap, true);

  // `painfit` alone shows today's session; on a terminal with no intake yet it offers the intake.
  program.allowExcessArguments(true).action(async (_opts: unknown, cmd: Command) => {
    const [unknown] = cmd.args;
    if (unknown !== undefined) {
      const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help');
      throw new UsageError(`unknown command ${JSON.stringify(unknown)}. The commands are: ${names.join(', ')}. painfit --help explains each.`, 'UNKNOWN_COMMAND');
    }
    const { runDefault } = await import('./commands/default');
    await withContext(cmd, runDefault);
  });

  return program;
}
