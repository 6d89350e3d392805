// One private-file writer for every output (issue 13): export --out, export --csv, report --html
// and the backups. Each finding of the adversarial pass is reproduced here.
// Run `npm run build` first: most of these spawn bin/painfit.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { listBackups } from '../src/store/db';
import { pathsFor } from '../src/store/paths';
import { isPrivateTempFile, writePrivateFile } from '../src/store/private-file';
import { BIN, cliEnv, dbHash, run, tempHome, writeJson } from './helpers/cli';

const scratch = () => path.dirname(tempHome());
const mode = (file: string) => fs.lstatSync(file).mode & 0o777;
/** A uid that is not ours, for files "planted by another local user" (the tests run as root here). */
const OTHER_UID = 65534;
const isRoot = process.getuid?.() === 0;

function ok(args: string[], home: string, input?: string): string {
  const r = run(args, { home, input });
  expect(r.code, `painfit ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

let shared: string | undefined;
/** A home with an intake and a check-in (made once; tests that write into it copy it). */
function home(): string {
  if (!shared) {
    shared = tempHome();
    ok(['intake', '--answers', writeJson(scratch(), 'a.json', INTAKE_TEMPLATE), '--date', '2026-11-02'], shared);
    ok(['log', '--date', '2026-11-02', '--pain', '4', '--note', 'knees ok'], shared);
  }
  return shared;
}

/** Every name in a folder (temporary files included). */
const namesIn = (dir: string) => fs.readdirSync(dir).sort();

/** A character device of our own, like /dev/null (1, 3), so a failing test cannot damage the real one. */
function makeDevice(dir: string): string | undefined {
  const file = path.join(dir, 'null-device');
  return spawnSync('mknod', [file, 'c', '1', '3']).status === 0 ? file : undefined;
}

const OUTPUTS: { name: string; args: (target: string) => string[] }[] = [
  { name: 'report --html', args: (t) => ['report', '--html', t, '--date', '2026-11-03'] },
  { name: 'export --out', args: (t) => ['export', '--out', t] },
];

describe.each(OUTPUTS)('$name refuses a target that is not a regular file', ({ args }) => {
  it('a symbolic link: refused, the link and the file it points at untouched', () => {
    // Finding: report --html wrote through a symlink (and chmodded its target).
    const dir = scratch();
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'not yours', { mode: 0o644 });
    const link = path.join(dir, 'report.html');
    fs.symlinkSync(victim, link);
    const r = run(args(link), { home: home() });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('symbolic link');
    expect(fs.readFileSync(victim, 'utf8')).toBe('not yours');
    expect(mode(victim)).toBe(0o644);
    expect(fs.readlinkSync(link)).toBe(victim);
    expect(namesIn(dir)).toEqual(['report.html', 'victim.txt']);
  });

  it('a device: refused, its mode unchanged', () => {
    // Finding: as root, report --html /dev/null made it crw------- and export --out /dev/null replaced it.
    const dir = scratch();
    const device = makeDevice(dir);
    if (!device) return expect.fail('mknod is not available: cannot make a device to test with');
    const before = fs.lstatSync(device);
    const r = run(args(device), { home: home() });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('is a device, not a regular file');
    const after = fs.lstatSync(device);
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.mode).toBe(before.mode);
    expect(after.ino).toBe(before.ino);
    expect(namesIn(dir)).toEqual(['null-device']);
  });

  it('a folder: refused with a clear message', () => {
    const dir = scratch();
    const r = run(args(dir), { home: home() });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('is a folder, not a file');
  });
});

describe.each(OUTPUTS)('$name over an existing file', ({ args }) => {
  it.skipIf(!isRoot)('a file planted by another user is replaced, never written into or chmodded', () => {
    // Finding: the planted file (another user's, 0666) received the health data and was chmodded.
    const dir = scratch();
    const target = path.join(dir, 'out.file');
    fs.writeFileSync(target, '', { mode: 0o666 });
    fs.chmodSync(target, 0o666);
    fs.chownSync(target, OTHER_UID, OTHER_UID);
    const planted = path.join(dir, 'planted-inode'); // a second name for the planted inode: what its owner can still read
    fs.linkSync(target, planted);
    const r = run(args(target), { home: home() });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(planted, 'utf8')).toBe('');
    expect(mode(planted)).toBe(0o666);
    expect(fs.statSync(planted).uid).toBe(OTHER_UID);
    const written = fs.statSync(target);
    expect(written.ino).not.toBe(fs.statSync(planted).ino);
    expect(written.mode & 0o777).toBe(0o600);
    expect(written.uid).toBe(process.getuid!());
    expect(fs.readFileSync(target, 'utf8')).toContain('knees ok');
  });

  it('an existing file of ours is replaced atomically, 0600, with no temporary file left', () => {
    const dir = scratch();
    const target = path.join(dir, 'out.file');
    fs.writeFileSync(target, 'old', { mode: 0o644 });
    fs.chmodSync(target, 0o644);
    const r = run(args(target), { home: home() });
    expect(r.code, r.stderr).toBe(0);
    expect(mode(target)).toBe(0o600);
    expect(fs.readFileSync(target, 'utf8')).toContain('knees ok');
    expect(namesIn(dir)).toEqual(['out.file']);
  });
});

describe('the temporary file', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is not the predictable .NAME.PID.tmp: a file planted there by another user stays empty', () => {
    // Finding: export --out wrote into .NAME.PID.tmp opened without O_EXCL, so a pre-created file got the export.
    const dir = scratch();
    const target = path.join(dir, 'export.json');
    const predictable = path.join(dir, `.export.json.${process.pid}.tmp`);
    fs.writeFileSync(predictable, '', { mode: 0o666 });
    writePrivateFile(target, 'health data');
    expect(fs.readFileSync(predictable, 'utf8')).toBe('');
    expect(fs.readFileSync(target, 'utf8')).toBe('health data');
  });

  it('is created exclusively (O_EXCL), with a random name, mode 0600', () => {
    const dir = scratch();
    const opened: { file: string; flags: number; mode: number | undefined }[] = [];
    const real = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, flags: fs.OpenMode, m?: fs.Mode) => {
      if (typeof flags === 'number') opened.push({ file: String(file), flags, mode: m as number | undefined });
      return real(file, flags, m);
    }) as typeof fs.openSync);
    writePrivateFile(path.join(dir, 'a.json'), 'x');
    writePrivateFile(path.join(dir, 'a.json'), 'y');
    const temps = opened.filter((o) => isPrivateTempFile(path.basename(o.file)));
    expect(temps).toHaveLength(2);
    for (const t of temps) {
      expect(t.flags & fs.constants.O_EXCL).toBe(fs.constants.O_EXCL);
      expect(t.flags & fs.constants.O_CREAT).toBe(fs.constants.O_CREAT);
      expect(t.mode).toBe(0o600);
    }
    expect(temps[0]!.file).not.toBe(temps[1]!.file);
    expect(namesIn(dir)).toEqual(['a.json']);
  });

  it('is removed when writing fails, and the old file is kept', () => {
    const dir = scratch();
    const target = path.join(dir, 'backup.db');
    fs.writeFileSync(target, 'previous');
    expect(() =>
      writePrivateFile(target, () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      }),
    ).toThrow(/is full/);
    expect(namesIn(dir)).toEqual(['backup.db']);
    expect(fs.readFileSync(target, 'utf8')).toBe('previous');
  });
});

describe('export --csv', () => {
  it('writes each CSV file 0600 and refuses a device in place of one', () => {
    const dir = path.join(scratch(), 'csv');
    fs.mkdirSync(dir);
    const device = makeDevice(dir);
    if (!device) return expect.fail('mknod is not available');
    fs.renameSync(device, path.join(dir, 'checkins.csv'));
    const r = run(['export', '--csv', dir], { home: home() });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('is a device');
    expect(fs.lstatSync(path.join(dir, 'checkins.csv')).isCharacterDevice()).toBe(true);
    fs.rmSync(path.join(dir, 'checkins.csv'));
    expect(run(['export', '--csv', dir], { home: home() }).code).toBe(0);
    for (const f of ['checkins.csv', 'completions.csv']) expect(mode(path.join(dir, f))).toBe(0o600);
  });
});

describe('painfit export > file', () => {
  it('warns when the file the shell made can be read by others, and leaves its mode alone', () => {
    // Finding: `painfit export > file` created a 0644 file with no word about it.
    const dir = scratch();
    const out = path.join(dir, 'export.json');
    const fd = fs.openSync(out, 'w', 0o644);
    fs.fchmodSync(fd, 0o644);
    const r = spawnSync(process.execPath, [BIN, '--home', home(), 'export'], { env: cliEnv(), stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    fs.closeSync(fd);
    expect(r.status, r.stderr).toBe(0);
    const said = r.stderr.replace(/\s+/g, ' '); // talk is wrapped to the screen's width
    expect(said).toContain(`Warning: ${out} can be read by other users`);
    expect(said).toContain(`chmod 600 ${out}`);
    expect(mode(out)).toBe(0o644);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).format).toBe('painfit-export');
  });

  it('says nothing when the file is private', () => {
    const out = path.join(scratch(), 'export.json');
    const fd = fs.openSync(out, 'w', 0o600);
    fs.fchmodSync(fd, 0o600);
    const r = spawnSync(process.execPath, [BIN, '--home', home(), 'export'], { env: cliEnv(), stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    fs.closeSync(fd);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('Warning');
  });
});

describe('the backups folder and the data folder', () => {
  function copyOfHome(): string {
    const copy = tempHome();
    fs.cpSync(home(), copy, { recursive: true });
    return copy;
  }

  it('a broken symbolic link, a folder and a leftover temporary file in backups/ are not backups', () => {
    // Finding: a broken symlink in backups/ made listing the backups (doctor, damaged-file advice) crash.
    const h = copyOfHome();
    const backups = pathsFor(h).backups;
    fs.mkdirSync(backups, { recursive: true });
    fs.symlinkSync(path.join(h, 'nowhere.db'), path.join(backups, 'broken.db'));
    fs.mkdirSync(path.join(backups, 'folder.db'));
    fs.writeFileSync(path.join(backups, 'painfit-v3-x.db.partial'), '');
    expect(listBackups(pathsFor(h))).toEqual([]);
    const r = run(['doctor', '--json'], { home: h });
    expect(r.code, r.stderr).toBe(0);
    const before = dbHash(h);
    const imp = run(['import', '-', '--replace'], { home: h, input: run(['export'], { home: h }).stdout });
    expect(imp.code, imp.stderr).toBe(0);
    expect(listBackups(pathsFor(h))).toHaveLength(1);
    expect(dbHash(h)).toBe(before);
  });

  it('backups/ that is a file: import --replace stops before changing anything, naming it', () => {
    const h = copyOfHome();
    fs.writeFileSync(pathsFor(h).backups, 'not a folder');
    const before = dbHash(h);
    const r = run(['import', '-', '--replace'], { home: h, input: run(['export'], { home: h }).stdout });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the backups folder ${pathsFor(h).backups} is a file, not a folder`);
    expect(dbHash(h)).toBe(before);
  });

  it('PAINFIT_HOME naming a file is refused with exit 2, naming PAINFIT_HOME', () => {
    const file = path.join(scratch(), 'a-file');
    fs.writeFileSync(file, '');
    // cliEnv() drops PAINFIT_HOME on purpose, so it is set here after it.
    const r = spawnSync(process.execPath, [BIN, 'today'], { env: { ...cliEnv(), PAINFIT_HOME: file }, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`PAINFIT_HOME ${JSON.stringify(file)} is a file, not a folder`);
    expect(r.stderr).not.toContain('unexpected');
  });

  it('a data folder left open to others (0755, 0777) is made 0700 again', () => {
    // Finding: a 0755 or 0777 data folder was left as it was.
    for (const open of [0o755, 0o777]) {
      const h = copyOfHome();
      fs.chmodSync(h, open);
      ok(['log', '--date', '2026-11-03', '--pain', '3'], h);
      expect(mode(h)).toBe(0o700);
    }
  });
});
