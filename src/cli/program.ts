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
  $ painfit report          week by week: is it helping?

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

  const report = program
    .command('report')
    .description('week-by-week trends: pain, sessions done, minutes, and whether things are changing')
    .option('--weeks <n>', 'how many weeks to show, ending this week (default 8)')
    .option('--csv', 'one CSV row per week on stdout')
    .option('--html <file>', 'write a one-page report for your clinician to this file')
    .addHelpText('after', example(['painfit report', 'painfit report --weeks 12', 'painfit report --html report.html', 'painfit report --csv > weeks.csv']))
    .action(async (_opts: unknown, cmd: Command) => {
      const { parseReportOptions, runReport } = await import('./commands/report');
      const opts = parseReportOptions(cmd.opts());
      await withContext(cmd, (ctx) => runReport(opts, ctx));
    });
  addGlobalOptions(report, true);

  const checkin = program
    .command('checkin')
    .description('the weekly measures: three PEG questions and re-rating your goals')
    .option('--peg-pain <0-10>', 'average pain over the past week')
    .option('--peg-enjoyment <0-10>', 'how much pain got in the way of enjoying life')
    .option('--peg-activity <0-10>', 'how much pain got in the way of general activity')
    .option('--goals <scores>', 'your goals re-rated 0-10, in intake order, separated by commas (e.g. 5,6)')
    .addHelpText('after', example(['painfit checkin', 'painfit checkin --peg-pain 4 --peg-enjoyment 5 --peg-activity 5 --goals 6,5']))
    .action(async (_opts: unknown, cmd: Command) => {
      const { parseCheckinOptions, runCheckin } = await import('./commands/checkin');
      const opts = parseCheckinOptions(cmd.opts());
      await withContext(cmd, (ctx) => runCheckin(opts, ctx));
    });
  addGlobalOptions(checkin, true);

  const exportCmd = program
    .command('export')
    .description('write every stored fact as versioned JSON (or check-ins and completions as CSV)')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--csv <dir>', 'write checkins.csv and completions.csv into this folder')
    .addHelpText('after', example(['painfit export --out painfit-backup.json', 'painfit export --csv ./painfit-csv']))
    .action(async (_opts: unknown, cmd: Command) => {
      const { parseExportOptions, runExport } = await import('./commands/export');
      const opts = parseExportOptions(cmd.opts());
      await withContext(cmd, (ctx) => runExport(opts, ctx));
    });
  addGlobalOptions(exportCmd, true);

  const importCmd = program
    .command('import')
    .description('restore an export file (checked first, then restored in one step)')
    .argument('<file>', 'a file written by painfit export, or - for standard input')
    .option('--replace', 'replace the data already in this data folder')
    .addHelpText('after', example(['painfit import painfit-backup.json', 'painfit import painfit-backup.json --replace']))
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { parseImportOptions, runImport } = await import('./commands/import');
      const opts = parseImportOptions(file, cmd.opts());
      await withContext(cmd, (ctx) => runImport(opts, ctx));
    });
  addGlobalOptions(importCmd, true);

  const undo = program
    .command('undo')
    .description('remove the most recent entry (a check-in with its exercises, weekly measures, or a swap)')
    .option('-y, --yes', 'do not ask for confirmation (needed when not on a terminal)')
    .addHelpText('after', `${example(['painfit undo', 'painfit undo --yes'])}\nIntake answers are not undone: run painfit intake again (every version is kept).\n`)
    .action(async (_opts: unknown, cmd: Command) => {
      const { parseUndoOptions, runUndo } = await import('./commands/undo');
      const opts = parseUndoOptions(cmd.opts());
      await withContext(cmd, (ctx) => runUndo(opts, ctx));
    });
  addGlobalOptions(undo, true);

  const doctor = program
    .command('doctor')
    .description('check the data folder: schema version, integrity, counts and backups')
    .addHelpText('after', example(['painfit doctor', 'painfit doctor --json']))
    .action(async (_opts: unknown, cmd: Command) => {
      const { runDoctor } = await import('./commands/doctor');
      await withContext(cmd, runDoctor);
    });
  addGlobalOptions(doctor, true);

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
