// The registry of every command, in one readable table. Command modules are loaded lazily inside
// their actions, and only the command being run is built in full (options, examples, nested
// commands): the others get just a name and a line for `painfit --help`, keeping start-up fast.
import { Command, Option } from 'commander';
import { FLARE_RESCREEN_DAYS, SCREENING_VALID_MONTHS } from '../domain/rules';
import { UsageError } from '../errors';
import { fitScreen, layoutWidth } from '../ui/width';
import { parseFlags, type CompletionSpec } from './completion';
import { closest } from './suggest';
import { realApp, type App } from './app';
import { createContext, globalOptions, type Context } from './context';

declare const PAINFIT_VERSION: string;
const VERSION = typeof PAINFIT_VERSION === 'string' ? PAINFIT_VERSION : '0.0.0-dev';

type Action = (args: string[], opts: Record<string, string | boolean | undefined>, ctx: Context) => Promise<void>;

interface CommandSpec {
  name: string;
  description: string;
  /** Positional arguments, commander syntax: '<id>' or '[text]'. */
  args?: { syntax: string; description: string }[];
  /** `repeatable`: the option may be given several times; its value is the list of them all. */
  options?: { flags: string; description: string; repeatable?: true }[];
  examples: string[];
  /** Extra help after the examples. */
  note?: string;
  subcommands?: CommandSpec[];
  /** Parse the flags (all validation), then run: see each module under ./commands. */
  run: Action;
}

const COMMANDS: CommandSpec[] = [
  {
    name: 'intake',
    description: 'answer the intake questions (or give them as a file) and get a safety check',
    options: [
      { flags: '--answers <file>', description: 'read the answers from a JSON file, or - for standard input' },
      { flags: '--template', description: 'print a complete example answers file and exit' },
      { flags: '--start-over', description: "with --answers: restart the plan at week 1 (a file's answers keep your progress otherwise)" },
    ],
    examples: [
      'painfit intake',
      'painfit intake --template > answers.json',
      'painfit intake --answers answers.json --date 2026-12-01',
      'painfit intake --answers answers.json --start-over',
    ],
    note: 'Run again when things change: on a terminal it asks whether to keep your progress (recommended: the new answers apply from today, each exercise keeps its level) or start over at week 1. For days, minutes or equipment alone, painfit settings is quicker.',
    run: async (_args, raw, ctx) => {
      const { parseIntakeOptions, runIntake } = await import('./commands/intake');
      await runIntake(parseIntakeOptions(raw), ctx);
    },
  },
  {
    name: 'today',
    description: "show today's session (or a rest day, a flare-day plan, or a safety stop)",
    examples: ['painfit today', 'painfit today --date 2026-12-07', 'painfit today --json'],
    run: async (_args, _raw, ctx) => (await import('./commands/today')).runToday(ctx),
  },
  {
    name: 'start',
    description: "today's session, guided one exercise at a time with timers (on a terminal)",
    options: [
      { flags: '--plain', description: 'no screen redraws: one line per step (screen readers, logs)' },
      { flags: '--bell', description: 'ring the terminal bell when each timer ends' },
    ],
    examples: ['painfit start', 'painfit start --plain', 'painfit start --bell'],
    note: 'Keys: Enter = done / next (also ends a timer early), space = pause or go on, s = skip this exercise, e = the easier version for today, q = stop (what was done is kept). Ctrl-C leaves without saving.',
    run: async (_args, raw, ctx) => {
      const { parseStartOptions, runStart } = await import('./commands/start');
      await runStart(parseStartOptions(raw), ctx);
    },
  },
  {
    name: 'log',
    description: 'record your pain and what you did (asks on a terminal, or give the answers as flags)',
    options: [
      { flags: '--pain <0-10>', description: 'your pain right now (0 none, 10 worst imaginable)' },
      { flags: '--done <all|none|id,id>', description: "which of the day's exercises you did" },
      { flags: '--during <0-10>', description: 'the worst pain during exercise' },
      { flags: '--effort <0-10>', description: 'how hard it felt (0 nothing at all, 10 maximal)' },
      { flags: '--sleep <0-10>', description: 'how well you slept this past week (0 very badly, 10 very well)' },
      { flags: '--note <text>', description: 'a short note (up to 500 characters)' },
      { flags: '--walk <minutes>', description: 'minutes of the walking track you walked (whole minutes)' },
      { flags: '--feedback <id=answer,...>', description: 'how exercises felt: easy, right, hard or hurt (e.g. sit-to-stand=easy)' },
      { flags: '--unwell', description: 'you have a cold, fever or infection, or feel faint: no session that day' },
    ],
    examples: [
      'painfit log',
      'painfit log --pain 3 --done all --during 4 --effort 3',
      'painfit log --pain 3 --walk 15',
      'painfit log --pain 4 --done all --feedback sit-to-stand=easy,heel-raise=hurt',
      'painfit log --pain 5 --date 2026-11-27 --note "long drive"',
      'painfit log --unwell --note "cold"',
    ],
    run: async (_args, raw, ctx) => {
      const { parseLogOptions, runLog } = await import('./commands/log');
      await runLog(parseLogOptions(raw), ctx);
    },
  },
  {
    name: 'plan',
    description: 'the next seven days at a glance (or more weeks), or a calendar file of them',
    options: [
      { flags: '--weeks <n>', description: 'how many weeks ahead, 1 to 12 (default 1; 4 with --ics)' },
      { flags: '--ics <file>', description: 'write the sessions and walks as an iCalendar file for your calendar app' },
      { flags: '--time <HH:MM>', description: 'with --ics: when each session starts (default 09:00)' },
    ],
    examples: ['painfit plan', 'painfit plan --json', 'painfit plan --ics painfit.ics --time 18:00'],
    run: async (_args, raw, ctx) => {
      const { parsePlanOptions, runPlan } = await import('./commands/plan');
      await runPlan(parsePlanOptions(raw), ctx);
    },
  },
  {
    name: 'exercises',
    description: 'browse the exercise library',
    args: [{ syntax: '[text]', description: 'only exercises whose id, name or purpose contain this text' }],
    options: [
      { flags: '--type <type>', description: 'cardio, strength, flexibility, mind-body or balance' },
      { flags: '--region <region>', description: 'neck, shoulder, upper-back, low-back, hip, knee, ankle-foot, wrist-hand or widespread' },
    ],
    examples: ['painfit exercises --type strength --region knee', 'painfit exercises walk', 'painfit exercises show sit-to-stand'],
    subcommands: [
      {
        name: 'show',
        description: 'one exercise in full: how to do it, its ladder and cautions',
        args: [{ syntax: '<id>', description: 'the exercise id, e.g. sit-to-stand' }],
        examples: ['painfit exercises show wall-push-up'],
        run: async ([id], _raw, ctx) => (await import('./commands/exercises')).runExerciseShow(id!, ctx),
      },
    ],
    run: async ([text], raw, ctx) => {
      const { parseExercisesOptions, runExercises } = await import('./commands/exercises');
      await runExercises(parseExercisesOptions(raw, text), ctx);
    },
  },
  {
    name: 'swap',
    description: 'replace an exercise in your plan with another of the same kind, from today on',
    args: [{ syntax: '<id>', description: 'the exercise to replace (see painfit today or painfit plan)' }],
    options: [{ flags: '--with <id>', description: 'the exercise to use instead (default: the best fitting alternative)' }],
    examples: ['painfit swap wall-push-up', 'painfit swap easy-walk --with seated-marching'],
    run: async ([id], raw, ctx) => {
      const { parseSwapOptions, runSwap } = await import('./commands/swap');
      await runSwap(parseSwapOptions(id!, raw), ctx);
    },
  },
  {
    name: 'settings',
    description: 'change days, minutes, equipment, preferences or ability from a date on, keeping your progress',
    options: [
      { flags: '--days <d,d>', description: 'session days: mon, tue, wed, thu, fri, sat, sun' },
      { flags: '--minutes <n>', description: 'minutes a session (10-60)' },
      { flags: '--equipment <e,e>', description: 'band, chair, dumbbells, bike, pool, mat, step, or none' },
      { flags: '--cardio <c,c>', description: 'walking, cycling, swimming, seated, or none' },
      { flags: '--mind-body <m,m>', description: 'yoga, tai-chi, pilates, breathing, or none' },
      { flags: '--walk-minutes <n>', description: 'how long you can walk today without a flare (0-120)' },
      { flags: '--floor <yes|no>', description: 'whether you can get down to the floor and up again' },
      { flags: '--balance-worries <yes|no>', description: 'whether you worry about your balance or falling' },
      { flags: '--osteoporosis <yes|no>', description: 'whether you have osteoporosis or thinning bones' },
    ],
    examples: ['painfit settings', 'painfit settings --days mon,wed,fri,sat --minutes 25', 'painfit settings --equipment band,mat --date 2026-12-07'],
    note: 'Takes effect from --date (default today). Every exercise keeps its level and the plan keeps its week; a new painfit intake starts the plan again at week 1.',
    run: async (_args, raw, ctx) => {
      const { parseSettingsOptions, runSettings } = await import('./commands/settings');
      await runSettings(parseSettingsOptions(raw as Record<string, string>), ctx);
    },
  },
  {
    name: 'report',
    description: 'week-by-week trends: pain, sessions done, minutes, and whether things are changing',
    options: [
      { flags: '--weeks <n>', description: 'how many weeks to show, ending this week (default 8)' },
      { flags: '--csv', description: 'one CSV row per week on stdout' },
      { flags: '--html <file>', description: 'write a one-page report for your clinician to this file' },
    ],
    examples: ['painfit report', 'painfit report --weeks 12', 'painfit report --html report.html', 'painfit report --csv > weeks.csv'],
    run: async (_args, raw, ctx) => {
      const { parseReportOptions, runReport } = await import('./commands/report');
      await runReport(parseReportOptions(raw), ctx);
    },
  },
  {
    name: 'checkin',
    description: 'the weekly measures: three PEG questions and re-rating your goals',
    options: [
      { flags: '--peg-pain <0-10>', description: 'average pain over the past week' },
      { flags: '--peg-enjoyment <0-10>', description: 'how much pain got in the way of enjoying life' },
      { flags: '--peg-activity <0-10>', description: 'how much pain got in the way of general activity' },
      { flags: '--goals <scores>', description: 'your goals re-rated 0-10, in intake order, separated by commas (e.g. 5,6)' },
    ],
    examples: ['painfit checkin', 'painfit checkin --peg-pain 4 --peg-enjoyment 5 --peg-activity 5 --goals 6,5'],
    run: async (_args, raw, ctx) => {
      const { parseCheckinOptions, runCheckin } = await import('./commands/checkin');
      await runCheckin(parseCheckinOptions(raw), ctx);
    },
  },
  {
    name: 'export',
    description: 'write every stored fact as versioned JSON (or check-ins and completions as CSV)',
    options: [
      { flags: '--out <file>', description: 'write to this file instead of stdout' },
      { flags: '--csv <dir>', description: 'write checkins.csv and completions.csv into this folder' },
    ],
    examples: ['painfit export --out painfit-backup.json', 'painfit export --csv ./painfit-csv'],
    run: async (_args, raw, ctx) => {
      const { parseExportOptions, runExport } = await import('./commands/export');
      await runExport(parseExportOptions(raw), ctx);
    },
  },
  {
    name: 'import',
    description: 'restore an export file (checked first, then restored in one step)',
    args: [{ syntax: '<file>', description: 'a file written by painfit export, or - for standard input' }],
    options: [{ flags: '--replace', description: 'replace the data already in this data folder' }],
    examples: ['painfit import painfit-backup.json', 'painfit import painfit-backup.json --replace'],
    run: async ([file], raw, ctx) => {
      const { parseImportOptions, runImport } = await import('./commands/import');
      await runImport(parseImportOptions(file!, raw), ctx);
    },
  },
  {
    name: 'undo',
    description: 'remove the most recent entry (a check-in with its exercises, weekly measures, a swap, or a settings change)',
    options: [{ flags: '-y, --yes', description: 'do not ask for confirmation (needed when not on a terminal)' }],
    examples: ['painfit undo', 'painfit undo --yes'],
    note: 'Intake answers are not undone: run painfit intake again (every version is kept).',
    run: async (_args, raw, ctx) => {
      const { parseUndoOptions, runUndo } = await import('./commands/undo');
      await runUndo(parseUndoOptions(raw), ctx);
    },
  },
  {
    name: 'learn',
    description: 'short lessons on living with long-term pain: list them, or read lesson N',
    args: [{ syntax: '[n]', description: 'the number of the lesson to read (it is then marked as read)' }],
    examples: ['painfit learn', 'painfit learn 3', 'painfit learn --json'],
    run: async ([n], _raw, ctx) => {
      const { parseLearnOptions, runLearn } = await import('./commands/learn');
      await runLearn(parseLearnOptions(n), ctx);
    },
  },
  {
    name: 'flare',
    description: "I'm flaring now: a lighter flare-day session and your own flare plan (--end when it has settled)",
    options: [
      { flags: '--end', description: 'the flare-up has settled: back to your usual plan' },
      { flags: '--plan <text>', description: 'a line of your own flare plan; repeat it for each line (replaces the plan you had)', repeatable: true },
      { flags: '--show', description: 'show your flare plan only' },
    ],
    examples: [
      'painfit flare',
      'painfit flare --end',
      'painfit flare --plan "warm shower, then a 5-minute walk" --plan "ibuprofen as prescribed" --plan "call Jo: 07700 900123"',
      'painfit flare --show --json',
    ],
    note: 'Your plan is shown on every flare day in painfit today. On a terminal, painfit flare asks for it when you have none yet.',
    run: async (_args, raw, ctx) => {
      const { parseFlareOptions, runFlare } = await import('./commands/flare');
      await runFlare(parseFlareOptions(raw), ctx);
    },
  },
  {
    name: 'recheck',
    description: 'answer the health and warning-sign questions again (your plan and progress are kept)',
    options: [{ flags: '--answers <file>', description: 'read the answers from a JSON file ({ version: 2, readiness, redFlags, mood, clearance }), or - for standard input' }],
    examples: ['painfit recheck', 'painfit recheck --answers recheck.json'],
    note: `A recheck is needed ${SCREENING_VALID_MONTHS} months after a clearance, after a flare-up of more than ${FLARE_RESCREEN_DAYS} days, or whenever your health changes.`,
    run: async (_args, raw, ctx) => {
      const { parseRecheckOptions, runRecheck } = await import('./commands/recheck');
      await runRecheck(parseRecheckOptions(raw), ctx);
    },
  },
  {
    name: 'clear',
    description: 'record that a clinician has seen you and said exercise is fine (a dated clearance)',
    options: [
      { flags: '--seen <YYYY-MM-DD>', description: 'the day the clinician saw you' },
      { flags: '--by <text>', description: "the clinician's name (optional)" },
    ],
    examples: ['painfit clear --seen 2026-12-01', 'painfit clear --seen 2026-12-01 --by "Dr Patel"'],
    note: `An emergency warning sign needs a clinician who saw you on or after the day you reported it. A clearance lasts ${SCREENING_VALID_MONTHS} months.`,
    run: async (_args, raw, ctx) => {
      const { parseClearOptions, runClear } = await import('./commands/clear');
      await runClear(parseClearOptions(raw), ctx);
    },
  },
  {
    name: 'doctor',
    description: 'check the data folder: schema version, integrity, counts and backups',
    examples: ['painfit doctor', 'painfit doctor --json'],
    run: async (_args, _raw, ctx) => (await import('./commands/doctor')).runDoctor(ctx),
  },
  {
    name: 'completion',
    description: 'print a shell completion script for bash, zsh or fish',
    args: [{ syntax: '<shell>', description: 'bash, zsh or fish' }],
    examples: [
      'painfit completion bash > ~/.local/share/bash-completion/completions/painfit',
      'painfit completion zsh > "${fpath[1]}/_painfit"',
      'painfit completion fish > ~/.config/fish/completions/painfit.fish',
    ],
    run: async ([shell], _raw, ctx) => (await import('./commands/completion')).runCompletion(shell!, ctx),
  },
];

const GLOBAL_FLAGS = [
  { flags: '--home <dir>', description: 'data folder (default: $PAINFIT_HOME, else your platform data folder)' },
  { flags: '--date <date>', description: 'act as of this local date: YYYY-MM-DD, today, yesterday, or -N (N days ago)' },
  { flags: '--json', description: 'machine-readable output on stdout; never prompts' },
  { flags: '--no-color', description: 'plain output without colour (NO_COLOR and FORCE_COLOR are honoured too)' },
] as const;

/** Every command, option and fixed value, for the shell completion scripts. */
export function completionSpec(): CompletionSpec {
  const toCommand = (c: CommandSpec): CompletionSpec['commands'][number] => ({
    name: c.name,
    description: c.description,
    options: [...(c.options ?? []).map((o) => parseFlags(o.flags, o.description)), parseFlags('-h, --help', 'show help for this command')],
    subcommands: (c.subcommands ?? []).map(toCommand),
  });
  return {
    commands: COMMANDS.map(toCommand),
    globals: [...GLOBAL_FLAGS.map((o) => parseFlags(o.flags, o.description)), parseFlags('-h, --help', 'show help'), parseFlags('-V, --version', 'print the painfit version')],
    values: {
      '--date': ['today', 'yesterday'],
      '--type': ['cardio', 'strength', 'flexibility', 'mind-body', 'balance'],
      '--region': ['neck', 'shoulder', 'upper-back', 'low-back', 'hip', 'knee', 'ankle-foot', 'wrist-hand', 'widespread'],
      '--done': ['all', 'none'],
    },
    files: ['--home', '--answers', '--html', '--out', '--csv'],
  };
}

/** What a usage message needs to know about a command: its examples and arguments (undefined for an unknown name). */
export function commandHelp(path: readonly string[]): Pick<CommandSpec, 'name' | 'examples' | 'args' | 'options'> | undefined {
  let list = COMMANDS;
  let found: CommandSpec | undefined;
  for (const name of path) {
    found = list.find((c) => c.name === name);
    if (!found) return undefined;
    list = found.subcommands ?? [];
  }
  return found;
}

export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);

/** Global options are accepted before or after the command name. */
function addGlobalOptions(cmd: Command, hidden: boolean): Command {
  const opts = GLOBAL_FLAGS.map((o) => new Option(o.flags, o.description));
  for (const o of opts) cmd.addOption(hidden ? o.hideHelp() : o);
  return cmd;
}

function example(lines: readonly string[]): string {
  return `\nExample${lines.length > 1 ? 's' : ''}:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Runs a command body with a context, always closing the database afterwards. */
async function withContext(app: App, command: Command, body: (ctx: Context) => Promise<void>): Promise<void> {
  const ctx = createContext(globalOptions(command), app);
  try {
    await body(ctx);
  } finally {
    ctx.close();
  }
}

/** Options that take a value, so that their value is not mistaken for the command's name. */
const GLOBAL_VALUE_OPTIONS = new Set(['--home', '--date']);

/** The command named on the command line, if any (the first word that is not an option). */
export function invokedCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (GLOBAL_VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

function define(app: App, parent: Command, spec: CommandSpec, full: boolean): void {
  const cmd = parent.command(spec.name).description(spec.description);
  if (!full) return;
  for (const a of spec.args ?? []) cmd.argument(a.syntax, a.description);
  for (const o of spec.options ?? []) {
    if (o.repeatable) cmd.option(o.flags, o.description, (value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    else cmd.option(o.flags, o.description);
  }
  addGlobalOptions(cmd, true);
  cmd.addHelpText('after', () => fitScreen(example(spec.examples) + (spec.note ? `\n${spec.note}\n` : ''), layoutWidth(app.env, app.terminal.columns)));
  // A nested command is built in full as well: which one runs is only known once commander parses.
  for (const sub of spec.subcommands ?? []) define(app, cmd, sub, true);
  cmd.action(async (...params: unknown[]) => {
    const command = params.at(-1) as Command;
    const args = params.slice(0, -2) as (string | undefined)[];
    await withContext(app, command, (ctx) => spec.run(args as string[], command.opts(), ctx));
  });
}

export function buildProgram(argv: readonly string[], app: App = realApp()): Command {
  const program = new Command('painfit');
  const json = argv.includes('--json');
  program
    .description('A gentle, local exercise coach for long-term pain. Your data stays on this computer.')
    .version(VERSION, '-V, --version', 'print the painfit version')
    .helpOption('-h, --help', 'show help for a command')
    // The root has an action (painfit alone = today), which would hide commander's help command.
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => app.out(text),
      // Usage errors are reworded with a hint and printed by src/cli/run.ts, in painfit's own style.
      outputError: () => {},
      getOutHelpWidth: () => layoutWidth(app.env, app.terminal.columns),
      getErrHelpWidth: () => layoutWidth(app.env, app.terminal.columns),
      // With --json, errors are printed once, as JSON, by src/cli/run.ts.
      writeErr: (text) => {
        if (!json) app.err(text);
      },
    });
  addGlobalOptions(program, false);
  program.addHelpText('after', () =>
    fitScreen(
      `
Examples:
  $ painfit intake          answer a few questions (once)
  $ painfit today           today's short session
  $ painfit log             record your pain and what you did
  $ painfit report          week by week: is it helping?

Exit codes: 0 done, 1 unexpected failure, 2 bad usage or input (nothing written),
3 cannot proceed yet (no intake, or see a clinician first), 130 stopped with Ctrl-C.`,
      layoutWidth(app.env, app.terminal.columns),
    ),
  );

  const invoked = invokedCommand(argv);
  // `painfit help <command>` shows that command's help, so that command is built in full too.
  const target = invoked === 'help' ? invokedCommand(argv.slice(argv.indexOf('help') + 1)) : invoked;
  for (const spec of COMMANDS) define(app, program, spec, spec.name === target);

  // `painfit` alone shows today's session; on a terminal with no intake yet it offers the intake.
  program.allowExcessArguments(true).action(async (_opts: unknown, cmd: Command) => {
    const [unknown] = cmd.args;
    if (unknown !== undefined) {
      const names = COMMANDS.map((c) => c.name);
      const near = closest(unknown, names);
      const guess = near.length ? ` Did you mean painfit ${near[0]}?` : '';
      throw new UsageError(`unknown command ${JSON.stringify(unknown)}.${guess} The commands are: ${names.join(', ')}. painfit --help explains each.`, 'UNKNOWN_COMMAND');
    }
    const { runDefault } = await import('./commands/default');
    await withContext(app, cmd, runDefault);
  });

  return program;
}
