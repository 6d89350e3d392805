// The build and the loader (issue 13): the code cache is keyed on the bundle's content and this
// Node, and rebuilt without any hidden variable; import() works under the loader; a missing,
// foreign or mismatched SQLite addon is reported as what it is, with the fix; `prepare` does not
// need the dev dependencies when dist/ is there. The packed install itself is checked by .ci/run.
// Run `npm run build` first: these copy dist/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTAKE_TEMPLATE } from '../src/schema/intake';
import { cliEnv, ROOT, tempHome, writeJson } from './helpers/cli';

const scratch = () => path.dirname(tempHome());
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** A copy of the built painfit (bin, dist, data) with its own node_modules made of links, except `replace`. */
function installCopy(replace: Record<string, (dir: string) => void> = {}): string {
  const dir = path.join(scratch(), 'painfit');
  for (const part of ['bin', 'dist', 'data', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  fs.rmSync(path.join(dir, 'dist', 'main.cache'), { force: true });
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(modules);
  for (const name of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (replace[name]) replace[name](path.join(modules, name));
    else fs.symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
  }
  return dir;
}

function painfit(dir: string, args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'painfit.js'), ...args], { env: cliEnv(), encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cacheHeader = (dir: string) => {
  const bytes = fs.readFileSync(path.join(dir, 'dist', 'main.cache'));
  return JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString('utf8')) as { runtime: string; sha256: string; stat: string; trained: string[] };
};

describe('the code cache', () => {
  it('is written by a normal run (no environment variable) and names this Node and the bundle', () => {
    const dir = installCopy();
    expect(painfit(dir, ['--version']).stdout.trim()).toBe(pkg.version);
    const header = cacheHeader(dir);
    expect(header.runtime).toBe(`${process.version}|${process.versions.v8}|${process.arch}`);
    expect(header.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a same-length change to the bundle runs the new code, and the cache is rebuilt for it', () => {
    // Finding: the cache was keyed on the source length (V8's own check), so this ran the old code.
    const dir = installCopy();
    expect(painfit(dir, ['--version']).stdout.trim()).toBe(pkg.version);
    const before = cacheHeader(dir);
    const bundle = path.join(dir, 'dist', 'main.cjs');
    const source = fs.readFileSync(bundle, 'utf8');
    const changed = source.replaceAll(JSON.stringify(pkg.version), JSON.stringify(pkg.version.replace(/\d/g, '9')));
    expect(changed.length).toBe(source.length);
    expect(changed).not.toBe(source);
    fs.writeFileSync(bundle, changed);
    expect(painfit(dir, ['--version']).stdout.trim()).toBe(pkg.version.replace(/\d/g, '9'));
    expect(cacheHeader(dir).sha256).not.toBe(before.sha256);
    expect(painfit(dir, ['--version']).stdout.trim()).toBe(pkg.version.replace(/\d/g, '9'));
  });

  it('a cache made by another Node is replaced by one for this Node, not ignored for good', () => {
    const dir = installCopy();
    painfit(dir, ['--version']);
    const file = path.join(dir, 'dist', 'main.cache');
    const bytes = fs.readFileSync(file);
    const header = cacheHeader(dir);
    const foreign = Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, runtime: 'v18.0.0|10.2|x64' })}\n`), bytes.subarray(bytes.indexOf(10) + 1)]);
    fs.writeFileSync(file, foreign);
    expect(painfit(dir, ['--version']).code).toBe(0);
    expect(cacheHeader(dir).runtime).toBe(header.runtime);
  });

  it("a command's first run adds the code it compiled, once; the file stays readable by every user", () => {
    const dir = installCopy();
    const file = path.join(dir, 'dist', 'main.cache');
    painfit(dir, ['--version']);
    expect(cacheHeader(dir).trained).toEqual(['']);
    const small = fs.statSync(file).size;
    // The first intake --template compiles the template's code: the cache grows and names it.
    expect(painfit(dir, ['intake', '--template']).code).toBe(0);
    expect(cacheHeader(dir).trained).toEqual(['', 'intake']);
    expect(fs.statSync(file).size).toBeGreaterThan(small);
    // Its second run, and an option value that looks like a word, change nothing.
    const bytes = fs.readFileSync(file);
    expect(painfit(dir, ['--home', path.join(dir, 'home'), 'intake', '--template']).code).toBe(0);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
  });

  it('the build trains the main commands, so an install starts each of them from the cache', () => {
    const header = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'main.cache')).subarray(0, 400).toString('utf8').split('\n')[0]!) as { trained: string[] };
    expect(header.trained).toEqual(expect.arrayContaining(['intake', 'today', 'plan', 'log', 'report']));
  });

  it('a damaged cache file is not fatal, and is rebuilt', () => {
    const dir = installCopy();
    fs.writeFileSync(path.join(dir, 'dist', 'main.cache'), 'garbage');
    expect(painfit(dir, ['--version']).stdout.trim()).toBe(pkg.version);
    expect(cacheHeader(dir).runtime).toContain(process.version);
  });
});

describe('the bundle', () => {
  const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'main.cjs'), 'latin1');
  it('is ASCII, so V8 holds it as one-byte text (the build writes other characters as \\u escapes)', () => {
    expect(bundle.search(/[^\x00-\x7f]/)).toBe(-1);
    // The escaped characters are still there, as escapes, and still shown as themselves.
    expect(bundle).toContain('\\u2192'); // "→" in the clinician's page
    const home = tempHome('painfit-ascii-');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'painfit.js'), '--home', home, 'exercises'], { env: cliEnv(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/strength · standing · no equipment · helps /); // "·" is "\u00b7" in the bundle
  });

  it("Node's fs and path are the modules themselves, not esbuild's copies of their properties", () => {
    expect(bundle).not.toMatch(/__toESM\(require\("node:(fs|path|os)"\)\)/);
    expect(bundle).toMatch(/node_fs_default = require\("node:fs"\)/);
    // crypto is loaded only when a private file is written (src/builtin.ts).
    expect(bundle).not.toMatch(/require\("node:crypto"\)/);
  });
});

describe('the loader', () => {
  it('lets the bundle use import() (it threw ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING)', () => {
    const dir = path.join(scratch(), 'dist');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'scripts', 'loader.cjs'), path.join(dir, 'painfit.cjs'));
    fs.writeFileSync(
      path.join(dir, 'main.cjs'),
      "(function (exports, require, module, __filename, __dirname) {import('node:os').then((os) => console.log('imported', typeof os.platform), (e) => { console.log('failed', e.code); process.exitCode = 1; });\n})",
    );
    const r = spawnSync(process.execPath, [path.join(dir, 'painfit.cjs')], { encoding: 'utf8' });
    expect(r.stdout.trim(), r.stderr).toBe('imported function');
    expect(r.status).toBe(0);
  });
});

describe('the SQLite addon', () => {
  const answers = () => writeJson(scratch(), 'a.json', INTAKE_TEMPLATE);
  const withSqlite = (edit: (dir: string) => void) => ({
    'better-sqlite3': (dir: string) => {
      fs.cpSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'), path.join(dir, 'package.json'));
      fs.mkdirSync(path.join(dir, 'build', 'Release'), { recursive: true });
      fs.cpSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), path.join(dir, 'build', 'Release', 'better_sqlite3.node'));
      edit(dir);
    },
  });

  /**
   * A real addon (compiled here with cc, which npm ci needs anyway for better-sqlite3) that registers
   * itself as built for NODE_MODULE_VERSION `abi`: Node refuses it with the same words as an addon
   * built for another Node, which is what a user sees after upgrading Node.
   */
  const builtForAbi = (abi: number) => (dir: string) => {
    const source = path.join(dir, 'stub.c');
    fs.writeFileSync(
      source,
      [
        'struct node_module { int nm_version; unsigned int nm_flags; void *nm_dso_handle; const char *nm_filename; void *nm_register_func; void *nm_context_register_func; const char *nm_modname; void *nm_priv; void *nm_link; };',
        'extern void node_module_register(void *);',
        `static struct node_module stub = { ${abi}, 0, 0, "stub.c", 0, 0, "better_sqlite3", 0, 0 };`,
        '__attribute__((constructor)) static void registered(void) { node_module_register(&stub); }',
      ].join('\n'),
    );
    const cc = spawnSync('cc', ['-shared', '-fPIC', '-o', path.join(dir, 'build', 'Release', 'better_sqlite3.node'), source], { encoding: 'utf8' });
    expect(cc.status, cc.stderr).toBe(0);
  };
  // Node 22's addon under Node 20, or Node 20's under 22 and 24: the numbers are process.versions.modules.
  const [otherAbi, otherLine] = process.versions.modules === '127' ? [115, 'Node 20'] : [127, 'Node 22'];
  const needs = `this Node needs NODE_MODULE_VERSION ${process.versions.modules}\\. Fix: run npm rebuild better-sqlite3 in `;

  it.each([
    [`built for another Node (${otherLine})`, builtForAbi(otherAbi), new RegExp(`cannot be loaded by Node v[\\d.]+: it was built for ${otherLine} \\(NODE_MODULE_VERSION ${otherAbi}\\), and ${needs}`)],
    ['built for a Node painfit does not know', builtForAbi(1), new RegExp(`cannot be loaded by Node v[\\d.]+: it was built for NODE_MODULE_VERSION 1, and ${needs}`)],
    ['missing', (dir: string) => fs.rmSync(path.join(dir, 'build', 'Release', 'better_sqlite3.node')), /SQLite component \(better-sqlite3's native addon\) is missing\. Fix: run npm rebuild better-sqlite3 in /],
    ['built for another system (not an addon)', (dir: string) => fs.writeFileSync(path.join(dir, 'build', 'Release', 'better_sqlite3.node'), 'not an ELF file'), /cannot be loaded by Node v[\d.]+: .*Fix: run npm rebuild better-sqlite3 in /],
    [
      'from another better-sqlite3 version than the bundled JavaScript',
      (dir: string) => {
        const file = path.join(dir, 'package.json');
        fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), version: '12.0.0' }));
      },
      /painfit was built with better-sqlite3 [\d.]+, but 12\.0\.0 is installed in .*: the two must match/,
    ],
  ])('%s: said as it is, with the fix, never as a file permission problem', (_name, edit, message) => {
    // Finding: a missing or wrong addon was reported as "cannot be opened … Check that it is a file you can read and write".
    // Finding (Node 22 and 24 checks): an addon built for another Node was reported as "cannot be loaded by Node v24.22.3: The module '<path>'.", Node's first line, which gives no reason.
    const dir = installCopy(withSqlite(edit));
    const home = tempHome();
    const r = painfit(dir, ['--home', home, 'intake', '--answers', answers()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/file you can read|unexpected|The module '/);
    expect(painfit(dir, ['--version']).code).toBe(0); // what needs no database still works
  });

  it('the installed addon works in the copy (the cases above fail for the reason named, not the copy)', () => {
    const dir = installCopy(withSqlite(() => undefined));
    expect(painfit(dir, ['--home', tempHome(), 'intake', '--answers', answers()]).code).toBe(0);
  });
});

describe('npm scripts and package.json', () => {
  it('better-sqlite3 is pinned exactly (its JavaScript is bundled, its addon is not)', () => {
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\d+\.\d+\.\d+$/);
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    expect(lock.packages['node_modules/better-sqlite3'].version).toBe(pkg.dependencies['better-sqlite3']);
  });

  it('engines names the Node lines painfit is checked on: 20, 22 and 24', () => {
    expect(pkg.engines.node).toBe('^20.11.0 || ^22.0.0 || ^24.0.0');
  });

  it('prepare without esbuild (npm ci --omit=dev) keeps the existing dist/ instead of failing', () => {
    // Finding: npm ci --omit=dev failed, because prepare ran the build, which needs esbuild (a dev dependency).
    const dir = path.join(scratch(), 'checkout');
    fs.mkdirSync(path.join(dir, 'scripts'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'node_modules'));
    for (const f of ['prepare.mjs', 'build.mjs']) fs.copyFileSync(path.join(ROOT, 'scripts', f), path.join(dir, 'scripts', f));
    fs.cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
    const withDist = spawnSync(process.execPath, [path.join(dir, 'scripts', 'prepare.mjs')], { encoding: 'utf8', cwd: dir });
    expect(withDist.status, withDist.stderr).toBe(0);
    expect(withDist.stdout).toContain('using the existing dist/');
    fs.rmSync(path.join(dir, 'dist'), { recursive: true });
    const without = spawnSync(process.execPath, [path.join(dir, 'scripts', 'prepare.mjs')], { encoding: 'utf8', cwd: dir });
    expect(without.status).toBe(1);
    expect(without.stderr).toContain('run npm ci (with dev dependencies)');
  });
});
