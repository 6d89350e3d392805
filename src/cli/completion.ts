// Shell completion scripts (painfit completion bash|zsh|fish), generated from the command registry
// so that a new command or flag is completed without touching this file.

export interface CompletionOption {
  /** Long name without dashes: 'pain'. */
  long: string;
  /** One-letter short name, if any. */
  short?: string;
  /** Whether it takes a value. */
  value: boolean;
  description: string;
}

export interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
  subcommands: CompletionCommand[];
}

export interface CompletionSpec {
  commands: CompletionCommand[];
  globals: CompletionOption[];
  /** Fixed values for options, e.g. --type: the exercise types. */
  values: Record<string, readonly string[]>;
  /** Options whose value is a file or folder. */
  files: readonly string[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Parses commander flag syntax: '-y, --yes', '--pain <0-10>', '--no-color'. */
export function parseFlags(flags: string, description: string): CompletionOption {
  const long = /--([a-z0-9-]+)/.exec(flags)?.[1] ?? '';
  const short = /(?:^|[\s,])-([a-zA-Z])\b/.exec(flags)?.[1];
  return { long, ...(short ? { short } : {}), value: /[<[]/.test(flags), description };
}

const words = (list: readonly string[]) => list.join(' ');
const flagWords = (opts: readonly CompletionOption[]) => words(opts.flatMap((o) => [`--${o.long}`, ...(o.short ? [`-${o.short}`] : [])]));
/** Single quotes for shell words, with any ' inside escaped. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** zsh _arguments descriptions may not hold unescaped brackets or colons. */
const zdesc = (s: string) => s.replace(/[[\]:]/g, (c) => `\\${c}`).replace(/'/g, `'\\''`);

function bash(spec: CompletionSpec): string {
  const valueOptions = [...spec.globals, ...spec.commands.flatMap((c) => [...c.options, ...c.subcommands.flatMap((s) => s.options)])].filter((o) => o.value).map((o) => `--${o.long}`);
  const cases = spec.commands
    .map((c) => {
      const subs = c.subcommands.map((s) => s.name);
      return `    ${c.name}) opts=${sq([...subs, flagWords(c.options)].filter(Boolean).join(' '))} ;;`;
    })
    .join('\n');
  const valueCases = Object.entries(spec.values)
    .map(([flag, vals]) => `    ${flag}) COMPREPLY=($(compgen -W ${sq(words(vals))} -- "$cur")); return ;;`)
    .join('\n');
  return `# painfit completion for bash.
# Install: painfit completion bash > ~/.local/share/bash-completion/completions/painfit
# (or add  eval "$(painfit completion bash)"  to ~/.bashrc).
_painfit() {
  local cur prev cmd i opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
${valueCases}
    ${spec.files.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    ${[...new Set(valueOptions)].filter((f) => !spec.files.includes(f) && !(f in spec.values)).join('|') || '--'}) return ;;
  esac
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${spec.globals.filter((g) => g.value).map((g) => `--${g.long}`).join('|')}) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  opts=""
  case "$cmd" in
    "") COMPREPLY=($(compgen -W ${sq(`${words(spec.commands.map((c) => c.name))} help ${flagWords(spec.globals)}`)} -- "$cur")); return ;;
${cases}
  esac
  COMPREPLY=($(compgen -W "$opts ${flagWords(spec.globals)}" -- "$cur"))
}
complete -F _painfit painfit
`;
}

function zshOption(o: CompletionOption, spec: CompletionSpec): string {
  const flag = `--${o.long}`;
  const values = spec.values[flag];
  const action = !o.value ? '' : spec.files.includes(flag) ? ':file:_files' : values ? `:value:(${words(values)})` : ':value: ';
  const body = `[${zdesc(o.description)}]${action}`;
  return o.short ? `'(-${o.short} --${o.long})'{-${o.short},--${o.long}}'${body}'` : `'${flag}${body}'`;
}

function zsh(spec: CompletionSpec): string {
  const commandList = spec.commands.map((c) => `    ${sq(`${c.name}:${c.description.replace(/:/g, '\\:')}`)}`).join('\n');
  const perCommand = spec.commands
    .map((c) => {
      const opts = c.options.map((o) => `        ${zshOption(o, spec)}`);
      if (c.subcommands.length) opts.push(`        '1:subcommand:(${words(c.subcommands.map((s) => s.name))})'`, `        '*::argument:'`);
      return `      ${c.name})\n        _arguments \\\n${[...opts, ...spec.globals.map((g) => `        ${zshOption(g, spec)}`)].join(' \\\n')}\n        ;;`;
    })
    .join('\n');
  return `#compdef painfit
# painfit completion for zsh.
# Install: painfit completion zsh > "\${fpath[1]}/_painfit" (then start a new shell),
# or add  eval "$(painfit completion zsh)"  to ~/.zshrc after compinit.
_painfit() {
  local curcontext="$curcontext" state line
  local -a commands
  commands=(
${commandList}
    'help:show help for a command'
  )
  _arguments -C \\
${spec.globals.map((g) => `    ${zshOption(g, spec)} \\`).join('\n')}
    '1:command:->command' \\
    '*::argument:->argument'
  case $state in
    command) _describe -t commands 'painfit command' commands ;;
    argument)
      case $line[1] in
${perCommand}
      esac
      ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _painfit "$@"; else compdef _painfit painfit; fi
`;
}

function fish(spec: CompletionSpec): string {
  const names = words(spec.commands.map((c) => c.name));
  const opt = (o: CompletionOption, condition: string, s: CompletionSpec) => {
    const flag = `--${o.long}`;
    const parts = ['complete -c painfit'];
    if (condition) parts.push(`-n ${sq(condition)}`);
    parts.push(`-l ${o.long}`);
    if (o.short) parts.push(`-s ${o.short}`);
    if (o.value) parts.push(s.files.includes(flag) ? '-r -F' : s.values[flag] ? `-x -a ${sq(words(s.values[flag]!))}` : '-x');
    parts.push(`-d ${sq(o.description)}`);
    return parts.join(' ');
  };
  const lines = [
    '# painfit completion for fish.',
    '# Install: painfit completion fish > ~/.config/fish/completions/painfit.fish',
    'complete -c painfit -f',
    ...spec.commands.map((c) => `complete -c painfit -n ${sq(`not __fish_seen_subcommand_from ${names} help`)} -a ${c.name} -d ${sq(c.description)}`),
    `complete -c painfit -n ${sq(`not __fish_seen_subcommand_from ${names} help`)} -a help -d 'show help for a command'`,
    ...spec.globals.map((g) => opt(g, '', spec)),
    ...spec.commands.flatMap((c) => [
      ...c.options.map((o) => opt(o, `__fish_seen_subcommand_from ${c.name}`, spec)),
      ...c.subcommands.map((s) => `complete -c painfit -n ${sq(`__fish_seen_subcommand_from ${c.name}`)} -a ${s.name} -d ${sq(s.description)}`),
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return shell === 'bash' ? bash(spec) : shell === 'zsh' ? zsh(spec) : fish(spec);
}
