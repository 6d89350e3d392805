// painfit export: every stored fact as versioned JSON (stdout or --out FILE), or check-ins and
// completions as CSV files (--csv DIR).
import path from 'node:path';
import { NotReadyError, UsageError } from '../../errors';
import { readExport, serializeExport, writeCsvFiles, writePrivateFile } from '../../store/export';
import type { Context } from '../context';
import { escapeControls } from '../escape';

export interface ExportOptions {
  /** Write the JSON here instead of stdout. */
  out?: string;
  /** Write checkins.csv and completions.csv into this folder (instead of JSON on stdout). */
  csvDir?: string;
}

export function parseExportOptions(raw: { out?: string; csv?: string }): ExportOptions {
  const opts: ExportOptions = {};
  for (const [flag, value] of [['--out', raw.out], ['--csv', raw.csv]] as const) {
    if (value !== undefined && value.trim() === '') {
      throw new UsageError(`${flag} needs a ${flag === '--out' ? 'file' : 'folder'} name, for example painfit export ${flag} ${flag === '--out' ? 'painfit-backup.json' : './painfit-csv'}.`);
    }
  }
  if (raw.out !== undefined) opts.out = raw.out;
  if (raw.csv !== undefined) opts.csvDir = raw.csv;
  return opts;
}

/** A file that cannot be written is the user's to fix (a missing folder, no permission): exit 2. */
function writing<T>(target: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    const why =
      code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOTDIR' ? 'part of the path is a file, not a folder' : (error as Error).message;
    throw new UsageError(`cannot write ${target}: ${why}. Choose another place.`, 'CANNOT_WRITE');
  }
}

export async function runExport(opts: ExportOptions, ctx: Context): Promise<void> {
  // No database means nothing was ever saved here: an empty "backup" would look like a success
  // (and is usually a wrong --home), so say so instead of writing one.
  const db = ctx.db(false);
  if (!db) {
    throw new NotReadyError(
      `there is no painfit data in ${ctx.paths.home} yet, so there is nothing to export. ` +
        'If your data is elsewhere, give its folder with --home or PAINFIT_HOME.',
      'NO_DATA',
    );
  }

  const written: { file: string; rows?: number }[] = [];
  if (opts.csvDir !== undefined) {
    const dir = path.resolve(opts.csvDir);
    written.push(...writing(dir, () => writeCsvFiles(db, dir)));
  }
  if (opts.out !== undefined || opts.csvDir === undefined) {
    const text = serializeExport(readExport(db, ctx.now().toISOString()));
    if (opts.out === undefined) {
      ctx.out(text);
      return;
    }
    const file = path.resolve(opts.out);
    writing(file, () => writePrivateFile(file, text));
    written.unshift({ file });
  }

  if (ctx.json) {
    ctx.out(JSON.stringify({ written }, null, 2));
    return;
  }
  for (const w of written) {
    ctx.err(`Wrote ${escapeControls(w.file)}${w.rows === undefined ? '' : ` (${w.rows} row${w.rows === 1 ? '' : 's'})`}.`);
  }
  if (opts.out !== undefined) ctx.err(ctx.theme.muted('It holds your health data: keep it somewhere private. painfit import restores it.'));
}
