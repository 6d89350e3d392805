// commander's parse errors, said the way painfit says everything else: what was wrong, what is
// accepted, and the command that fixes it ("painfit log 4" → "use --pain 4").
import type { CommanderError } from 'commander';
import { commandHelp, invokedCommand } from './program';

/** Global options that take a value (their value is not a command or an argument). */
const GLOBAL_VALUE_OPTIONS = new Set(['--home', '--date']);

/** The command and nested command named on the command line: ['log'], ['exercises', 'show'], or []. */
function commandPath(argv: readonly string[]): string[] {
  const first = invokedCommand(argv);
  if (!first || !commandHelp([first])) return [];
  const rest = argv.slice(argv.indexOf(first) + 1);
  const second = invokedCommand(rest);
  return second && commandHelp([first, second]) ? [first, second] : [first];
}

/** The positional words after the command (option values left out). */
function positionals(argv: readonly string[], path: readonly string[], valueOptions: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let skipped = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-')) {
      if (!arg.includes('=') && (valueOptions.has(arg) || GLOBAL_VALUE_OPTIONS.has(arg))) i++;
      continue;
    }
    if (skipped < path.length) skipped++;
    else out.push(arg);
  }
  return out;
}

/** "--pain 3" taken from the command's own examples, when one shows the flag. */
function exampleOf(flag: string, examples: readonly string[]): string | undefined {
  for (const e of examples) {
    const m = new RegExp(`${flag}(?:=|\\s+)("[^"]*"|\\S+)`).exec(e);
    if (m) return `${flag} ${m[1]}`;
  }
  return undefined;
}

export function usageMessage(error: CommanderError, argv: readonly string[]): string {
  const path = commandPath(argv);
  const spec = path.length ? commandHelp(path) : undefined;
  const name = ['painfit', ...path].join(' ');
  const help = `${name} --help shows ${path.length ? 'its' : 'the'} options and examples.`;
  const said = error.message.replace(/^error: /, '').replace(/\s+/g, ' ').trim();
  const quoted = /'([^']+)'/.exec(said)?.[1] ?? '';

  switch (error.code) {
    case 'commander.unknownOption': {
      const guess = /Did you mean (\S+?)\??\)?$/.exec(said)?.[1];
      // The whole option, quotes inside it included ("--it's" is one unknown option, not "--it").
      const option = /^unknown option '(.*?)'(?= \(Did you mean|$)/.exec(said)?.[1] ?? quoted;
      return `unknown option '${option}' for ${name}.${guess ? ` Did you mean ${guess}?` : ''} ${help}`;
    }
    case 'commander.excessArguments': {
      const valueOptions = new Set((spec?.options ?? []).filter((o) => /[<[]/.test(o.flags)).map((o) => /--[a-z0-9-]+/.exec(o.flags)![0]));
      const expected = spec?.args?.length ?? 0;
      const extra = positionals(argv, path, valueOptions).slice(expected);
      const counts = /Expected \d+ arguments? but got \d+\./.exec(said)?.[0] ?? '';
      let hint = help;
      // painfit log 4: the number is most likely the pain score.
      if (path[0] === 'log' && extra.length === 1 && /^(10|\d)$/.test(extra[0]!)) hint = `To record pain ${extra[0]}, use --pain ${extra[0]}: painfit log --pain ${extra[0]}.`;
      else if (expected === 0) hint = `${name} takes only options. ${help}`;
      const shown = extra.length ? `: ${extra.map((e) => JSON.stringify(e)).join(', ')}` : '';
      return `too many arguments for '${path.at(-1) ?? 'painfit'}'${shown}. ${counts} ${hint}`.replace(/\s+/g, ' ');
    }
    case 'commander.optionMissingArgument': {
      const flag = /--[a-z0-9-]+/.exec(quoted)?.[0] ?? quoted;
      const accepted = /<([^>]+)>/.exec(quoted)?.[1];
      const example = exampleOf(flag, spec?.examples ?? []) ?? (accepted ? `${flag} <${accepted}>` : flag);
      return `${flag} needs a value${accepted ? ` (${accepted})` : ''}, for example ${name} ${example}. ${help}`;
    }
    case 'commander.missingArgument': {
      const arg = spec?.args?.find((a) => a.syntax.includes(quoted));
      const example = spec?.examples.find((e) => e.split(' ').length > path.length + 1);
      return `${name} needs ${arg ? `${arg.syntax} (${arg.description})` : `<${quoted}>`}${example ? `, for example: ${example}` : ''}. ${help}`;
    }
    default:
      return `${said} ${help}`;
  }
}
