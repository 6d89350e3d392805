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

/**
 * `painfit export > file`: the shell, not painfit, created that file, with the umask's mode (often
 * 0644). painfit does not chmod what it did not create, but says so when others can read it.
 */
function warnIfShared(ctx: Context): void {
  const out = ctx.app.terminal.stdoutFile;
  if (!out || (out.mode & 0o077) === 0) return;
  ctx.err(
    `Warning: ${out.name} can be read by other users of this computer (mode ${(out.mode & 0o777).toString(8).padStart(4, '0')}), and it will hold your health data. ` +
      `Run chmod 600 ${out.name}, or use painfit export --out FILE, which writes a private file.`,
  );
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
    written.push(...writeCsvFiles(db, dir));
  }
  if (opts.out !== undefined || opts.csvDir === undefined) {
    const text = serializeExport(readExport(db, ctx.now().toISOString()));
    if (opts.out === undefined) {
      warnIfShared(ctx);
      ctx.out(text);
      return;
    }
    const file = path.resolve(opts.out);
    writePrivateFile(file, text, 'the export file');
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
