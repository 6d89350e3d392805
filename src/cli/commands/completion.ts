// painfit completion bash|zsh|fish: prints the completion script for that shell on stdout.
import { UsageError } from '../../errors';
import { completionScript, SHELLS, type Shell } from '../completion';
import type { Context } from '../context';
import { completionSpec } from '../program';

export function parseShell(value: string): Shell {
  const shell = value.trim().toLowerCase();
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`painfit completion ${JSON.stringify(value)}: painfit has completion for ${SHELLS.join(', ')}. For example: painfit completion bash.`, 'BAD_SHELL');
  }
  return shell as Shell;
}

export async function runCompletion(value: string, ctx: Context): Promise<void> {
  ctx.out(completionScript(parseShell(value), completionSpec()));
}
