// Renders what `painfit doctor` found as a short, plain page. Returns a string; the command prints it.
import type { DoctorReport, FileInfo, FolderInfo } from '../store/doctor';
import type { Theme } from './theme';
import { DEFAULT_WIDTH, fitScreen, stripAnsi, wrapText } from './width';

const LABEL_WIDTH = 14;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** "2026-04-01 10:00" in local time: enough to tell backups apart at a glance. */
function formatWhen(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A labelled line; renderDoctorReport wraps it with the value's column as the hanging indent. */
function line(label: string, value: string, theme: Theme): string {
  return `${theme.muted(label.padEnd(LABEL_WIDTH))}${value}`;
}

function modeText(info: { mode: string | null; private: boolean | null }, theme: Theme): string {
  if (info.mode === null) return '';
  return info.private ? theme.muted(`(${info.mode}, only you)`) : theme.warn(`(${info.mode}, others can read it)`);
}

function folderText(f: FolderInfo, theme: Theme): string {
  return f.exists ? `${f.path}  ${modeText(f, theme)}` : `${f.path}  ${theme.muted('(not created yet)')}`;
}

function fileText(f: FileInfo, theme: Theme): string {
  return `${f.path}  ${formatBytes(f.size)}  ${modeText(f, theme)}`;
}

export function renderDoctorReport(report: DoctorReport, theme: Theme, width = DEFAULT_WIDTH): string {
  // Every line is either labelled (its value starts at LABEL_WIDTH) or a sentence or list item.
  const hang = ' '.repeat(LABEL_WIDTH);
  return doctorLines(report, theme)
    .flatMap((l) => l.split('\n'))
    .map((l) => (/^\S/.test(stripAnsi(l)) && stripAnsi(l).slice(0, LABEL_WIDTH).endsWith(' ') ? wrapText(l, width, { indent: hang }) : fitScreen(l, width)))
    .join('\n');
}

function doctorLines(report: DoctorReport, theme: Theme): string[] {
  const out: string[] = [theme.heading('painfit doctor'), ''];
  out.push(line('Data folder', folderText(report.folder, theme), theme));

  if (!report.database.exists) {
    out.push(line('Database', `${report.database.path}  ${theme.muted('(none yet)')}`, theme));
    out.push(line('Data version', `none yet (this painfit writes version ${report.schema.latest})`, theme));
    out.push('', 'There is no data yet: nothing has been saved on this computer. Run painfit intake to start.');
    return out;
  }

  const db = report.database;
  out.push(line('Database', fileText(db, theme), theme));
  for (const extra of [db.wal, db.shm]) if (extra) out.push(line('', fileText(extra, theme), theme));

  const { version, latest, upgradePending } = report.schema;
  const versionText =
    version === null
      ? 'unknown (the file cannot be read)'
      : `${version} (this painfit knows up to ${latest})` +
        (upgradePending ? theme.muted(' — upgraded on next use, after a backup copy') : version > latest ? theme.warn(' — written by a newer painfit') : '');
  out.push(line('Data version', versionText, theme));

  const integrity = report.integrity;
  out.push(
    line(
      'Integrity',
      integrity === null ? theme.muted('not checked') : integrity.ok ? theme.good('ok') : theme.danger(integrity.messages.slice(0, 5).join('\n' + ' '.repeat(LABEL_WIDTH))),
      theme,
    ),
  );
  if (report.foreignKeyProblems) out.push(line('', theme.danger(`${report.foreignKeyProblems} row(s) refer to rows that are missing`), theme));

  const tables = Object.entries(report.tables);
  if (tables.length) {
    const width = Math.max(...tables.map(([name]) => name.length));
    tables.forEach(([name, count], i) => out.push(line(i === 0 ? 'Rows' : '', `${name.padEnd(width)}  ${String(count).padStart(6)}`, theme)));
  } else if (report.status === 'ok') {
    out.push(line('Rows', theme.muted('none yet'), theme));
  }

  if (report.backups.length === 0) {
    out.push(line('Backups', theme.muted(`none (a copy is kept in ${report.backupFolder.path} before each upgrade)`), theme));
  } else {
    report.backups.forEach((b, i) =>
      out.push(line(i === 0 ? 'Backups' : '', `${b.path}  ${formatBytes(b.size)}  ${formatWhen(b.modified)}  ${modeText(b, theme)}`, theme)),
    );
  }

  if (report.warnings.length) {
    out.push('', theme.warn('To fix:'));
    for (const w of report.warnings) out.push(`  - ${w}`);
  }
  out.push('');
  if (report.problem) out.push(theme.danger('painfit cannot use this data as it is.') + ' It has not been changed. See the message below.');
  else out.push(report.warnings.length ? 'Your data is intact.' : theme.good('All is well.') + ' Your data is intact and private to you.');
  return out;
}
