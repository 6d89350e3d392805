// painfit import FILE: check the whole export file first (every problem listed), then restore it in
// one transaction. A data folder that already holds data is left alone unless --replace.
import { UsageError } from '../../errors';
import { parseExport, TABLES, type ExportFile, type TableName } from '../../schema/export';
import { backupBeforeReplacing, restoreExport, totalRows } from '../../store/export';
import { LATEST_VERSION } from '../../store/migrations';
import type { Context } from '../context';
import { escapeControls } from '../escape';
import { readInputText } from '../input-file';
import { pausePoint } from '../test-pause';

export interface ImportOptions {
  /** A file name, or '-' for standard input. */
  file: string;
  replace: boolean;
}

export function parseImportOptions(file: string, raw: { replace?: boolean }): ImportOptions {
  if (file.trim() === '') throw new UsageError('painfit import needs a file written by painfit export, or - to read standard input.', 'BAD_FILE');
  return { file, replace: raw.replace === true };
}

/** Reads and validates everything; throws a UsageError listing every problem. Touches no database. */
/** `today`: the real local date; rows dated after it are refused, as painfit log refuses them. */
export function loadExportFile(file: string, today?: string): ExportFile {
  const label = file === '-' ? 'standard input' : file;
  const text = readInputText(file, {
    what: 'the export file',
    stdinExample: 'Example: painfit import - < painfit-backup.json',
    hint: 'painfit export --out FILE writes a file to import.',
    nothing: 'Nothing was imported.',
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(
      `${label} is not valid JSON (${(error as Error).message}); it may be cut short or damaged. Nothing was imported.`,
      'BAD_JSON',
      [`(top level): not valid JSON (${(error as Error).message})`],
    );
  }
  const parsed = parseExport(raw, LATEST_VERSION, today);
  if (!parsed.ok) {
    const n = parsed.problems.length;
    throw new UsageError(
      `${label} has ${n} problem${n === 1 ? '' : 's'}; nothing was imported:\n` + parsed.problems.map((p) => `  - ${p}`).join('\n'),
      'BAD_EXPORT',
      parsed.problems,
    );
  }
  return parsed.value;
}

const LABELS: Record<TableName, string> = {
  intakes: 'intakes',
  entries: 'entries',
  checkins: 'check-ins',
  completions: 'exercises done or skipped',
  swaps: 'swaps',
  measures: 'weekly measures',
  feedback: 'exercise feedback',
  walks: 'walks',
  settings: 'settings changes',
  clearances: 'clearances',
  rechecks: 'health re-checks',
  unwell: 'unwell days',
  lesson_reads: 'lessons read',
  flare_plans: 'flare plans',
  flares: 'flare-ups said',
};

export async function runImport(opts: ImportOptions, ctx: Context): Promise<void> {
  const file = loadExportFile(opts.file, ctx.realToday);

  const db = ctx.db(true);
  pausePoint('import-opened', ctx.app.env);
  let backup: string | undefined;
  let restored: Record<TableName, number>;
  try {
    restored = restoreExport(db, file, {
      replace: opts.replace,
      guard: (existing) => {
        if (opts.replace || totalRows(existing) === 0) return;
        const held = Object.entries(existing)
          .filter(([, n]) => n > 0)
          .map(([t, n]) => `${t}: ${n}`)
          .join(', ');
        throw new UsageError(
          `${ctx.paths.home} already holds data (${held}); nothing was imported. ` +
            'To replace it with the file, first keep a copy: painfit export --out backup.json, then run painfit import again with --replace.',
          'NOT_EMPTY',
        );
      },
      // Under the same write lock as the replacement: a check-in saved by another terminal is either
      // in this copy or waits and lands on top of the imported data, never lost in between.
      beforeReplacing: (existing) => {
        if (totalRows(existing) > 0) backup = backupBeforeReplacing(ctx.paths, ctx.now());
      },
    });
  } catch (error) {
    // Nothing is removed here, not even a database this command created: another terminal may have
    // saved an intake or a check-in into it meanwhile (the refusal above is exactly that case).
    if (error instanceof Error && error.name === 'SqliteError') {
      throw new UsageError(`the database refused the file (${error.message}); nothing was imported.`, 'IMPORT_REFUSED');
    }
    throw error;
  }

  if (ctx.json) {
    ctx.out(JSON.stringify({ imported: true, replaced: opts.replace, exportedAt: file.exportedAt, restored, ...(backup ? { backup } : {}) }, null, 2));
    return;
  }
  const width = Math.max(...TABLES.map((t) => LABELS[t.name].length));
  const lines = TABLES.map((t) => `  ${LABELS[t.name].padEnd(width)}  ${String(restored[t.name]).padStart(5)}`);
  ctx.out(`Restored from ${opts.file === '-' ? 'standard input' : escapeControls(opts.file)} (exported ${file.exportedAt}):\n${lines.join('\n')}`);
  if (backup) ctx.err(ctx.theme.muted(`The data it replaced was copied to ${backup} first.`));
}
