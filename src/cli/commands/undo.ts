// painfit undo: remove the most recent entry (a check-in with its exercises, weekly measures, a
// swap, or a settings change), after showing exactly what it holds. Intakes are not undone: re-run
// painfit intake.
import { UsageError } from '../../errors';
import { readLibrary } from '../../store/library';
import { lastUndoable, NotLastEntryError, removeEntry, removeSettings } from '../../store/undo';
import { renderEntry, renderRemoved, renderSettingsEntry, renderSettingsRemoved, type ExerciseNames } from '../../ui/undo';
import type { Context } from '../context';
import { pausePoint } from '../test-pause';

export interface UndoOptions {
  /** Remove without asking (needed off a terminal and with --json). */
  yes: boolean;
}

export function parseUndoOptions(raw: { yes?: boolean }): UndoOptions {
  return { yes: raw.yes === true };
}

const YES_INSTEAD = 'Add --yes to remove it without asking: painfit undo --yes.';

function exerciseNames(): ExerciseNames {
  try {
    return new Map(readLibrary().map((e) => [e.id, e.name]));
  } catch {
    return new Map(); // ids alone still say exactly what is removed
  }
}

export async function runUndo(opts: UndoOptions, ctx: Context): Promise<void> {
  const db = ctx.db(false);
  const last = db ? lastUndoable(db) : undefined;
  // Nothing to undo is a calm answer, not a failure: the data is already as the person wants it.
  if (!db || !last) {
    if (ctx.json) ctx.out(JSON.stringify({ removed: null }, null, 2));
    else ctx.out('Nothing to undo.');
    if (!ctx.json) ctx.err(ctx.theme.muted('Intake answers are not undone: run painfit intake again to change them.'));
    return;
  }

  if (ctx.json) {
    if (!opts.yes) throw new UsageError(`painfit undo --json never asks for confirmation. ${YES_INSTEAD.replace('--yes.', '--yes --json.')}`, 'NEEDS_YES');
  } else {
    ctx.err(last.kind === 'settings' ? renderSettingsEntry(last.settings, ctx.theme) : renderEntry(last.entry, exerciseNames(), ctx.theme));
    if (!opts.yes) {
      ctx.requireInteractive('painfit undo', YES_INSTEAD);
      const prompter = await ctx.prompter();
      if (!(await prompter.confirm('Remove it?', { default: false }))) {
        ctx.err('Nothing was removed.');
        return;
      }
    }
  }

  pausePoint('undo-confirmed', ctx.app.env);
  try {
    if (last.kind === 'settings') removeSettings(db, last.settings);
    else removeEntry(db, last.entry);
  } catch (error) {
    if (error instanceof NotLastEntryError) {
      throw new UsageError('the entries changed while painfit undo was waiting (another terminal saved, undid or imported something), so nothing was removed. Run painfit undo again to see the most recent entry now.', 'CHANGED');
    }
    throw error;
  }
  const removed = last.kind === 'settings' ? { kind: 'settings' as const, ...last.settings } : last.entry;
  if (ctx.json) ctx.out(JSON.stringify({ removed }, null, 2));
  else ctx.out(last.kind === 'settings' ? renderSettingsRemoved(last.settings) : renderRemoved(last.entry));
}
