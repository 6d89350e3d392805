// Bundles the CLI into one CommonJS file: far faster to start than hundreds of ESM modules.
// better-sqlite3 stays external (a native addon); everything reached through `await import()`
// is wrapped lazily by esbuild, so commands that never prompt never evaluate the prompt code.
// Then a training run records V8's code cache for the bundle (see scripts/loader.cjs).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const dist = path.join(root, 'dist');

/**
 * commander requires child_process at load time, only to run external subcommands, which painfit
 * never has. Loading it costs several milliseconds and pulls in Node's networking internals, so
 * commander gets a stand-in that loads the real module only if something is ever used from it.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}commander${path.sep}`) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

/**
 * chalk detects colour support itself at load time (importing node:tty, which loads Node's
 * networking internals). painfit decides colour in one place (src/ui/theme.ts) and always
 * passes chalk an explicit level, so chalk's own detection is replaced by "no colour".
 */
const noChalkDetection = {
  name: 'no-chalk-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      args.importer.includes(`${path.sep}chalk${path.sep}`) ? { path: 'supports-color', namespace: 'no-chalk-detection' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-chalk-detection' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

/**
 * cli-table3 measures every cell line with string-width, whose first call compiles a very large
 * emoji regular expression. painfit's tables are plain text: lines made only of characters that
 * are one column wide are measured by their length, anything else goes to string-width as before.
 */
const fastStringWidth = {
  name: 'fast-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      args.importer.includes(`${path.sep}cli-table3${path.sep}`)
        ? { path: 'string-width', namespace: 'fast-string-width', pluginData: path.dirname(args.importer) }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'fast-string-width' }, (args) => ({
      contents: `
        // Printable ASCII, Latin-1, general punctuation, arrows and box drawing: one column each.
        const narrow = /^[\x20-\x7e\u00a0-\u00ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u257f]*$/;
        let slow;
        module.exports = (s) => {
          if (typeof s === 'string' && narrow.test(s)) return s.length;
          slow ??= require('string-width');
          return slow(s);
        };`,
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

function sourceFingerprint() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else hash.update(name).update(readFileSync(file));
    }
  };
  walk(path.join(root, 'src'));
  return hash.digest('hex').slice(0, 16);
}

/**
 * `import fs from 'node:fs'` in a CommonJS bundle becomes `__toESM(require('node:fs'))`, which
 * copies every one of the module's ~100 properties into a new object as a getter, once per
 * importing file: 23 times on every start, several milliseconds. painfit's own files import Node's
 * modules by their default export only, so that default is the module itself, as in Node.
 */
const plainNodeDefaults = {
  name: 'plain-node-defaults',
  setup(b) {
    b.onResolve({ filter: /^node:(fs|path|os)$/ }, (args) =>
      args.importer.startsWith(path.join(root, 'src') + path.sep) ? { path: args.path, namespace: 'plain-node-default' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'plain-node-default' }, (args) => ({
      contents: `export default require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * The bundle as ASCII: a handful of characters such as "→" or "≥" in comments, regular
 * expressions and tagged templates (which esbuild leaves as they are) would make V8 hold all
 * 850 kB of source as two-byte text and decode it from UTF-8 on every start. Each is written as
 * its \\u escape, which means the same character in a string, template, regular expression or
 * comment; a non-ASCII character right after a backslash would change meaning, so it stops the
 * build instead.
 */
function asciiOnly(text) {
  const escaped = /\\[^\x00-\x7f]/.exec(text);
  if (escaped) throw new Error(`painfit build: a backslash before a non-ASCII character in the bundle (${JSON.stringify(text.slice(escaped.index - 20, escaped.index + 20))})`);
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

await build({
  plugins: [lazyChildProcess, noChalkDetection, fastStringWidth, plainNodeDefaults],
  entryPoints: [path.join(root, 'src/main.ts')],
  outfile: path.join(dist, 'main.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // zod is large (≈0.8 MB): left external, it is required only when a file is validated.
  // better-sqlite3's JavaScript is bundled (a dozen small files resolved and compiled on every
  // start otherwise); its native addon is loaded by path (src/store/db.ts, nativeBinding).
  external: ['zod', 'bindings'],
  define: {
    PAINFIT_VERSION: JSON.stringify(pkg.version),
    // The better-sqlite3 whose JavaScript is bundled: its native addon must come from the same version.
    PAINFIT_SQLITE_VERSION: JSON.stringify(JSON.parse(readFileSync(path.join(root, 'node_modules/better-sqlite3/package.json'), 'utf8')).version),
    // PAINFIT_BUILD fingerprints the source, so the cache of weekly states (src/store/progress.ts) is
    // never reused by a build whose rules may differ.
    PAINFIT_BUILD: JSON.stringify(sourceFingerprint()),
  },
  legalComments: 'none',
  logLevel: 'warning',
});
// Saved already wrapped as a CommonJS module function, so the loader compiles the file as it is
// instead of first copying half a megabyte of source into a wrapped string on every start.
const bundle = path.join(dist, 'main.cjs');
writeFileSync(bundle, `(function (exports, require, module, __filename, __dirname) {${asciiOnly(readFileSync(bundle, 'utf8'))}\n})`);
copyFileSync(path.join(root, 'scripts/loader.cjs'), path.join(dist, 'painfit.cjs'));
copyFileSync(path.join(root, 'scripts/README.md'), path.join(dist, 'README.md'));
rmSync(path.join(dist, 'main.cache'), { force: true });

// Training runs: the main commands once each for a throwaway user. The first run records the
// cache, and each later command adds the code it compiled (scripts/loader.cjs), so an install
// starts every one of them from the cache.
const home = mkdtempSync(path.join(os.tmpdir(), 'painfit-build-'));
const bin = path.join(root, 'bin/painfit.js');
const env = { ...process.env, NO_COLOR: '1', PAINFIT_HOME: home };
const template = spawnSync(process.execPath, [bin, 'intake', '--template'], { env, encoding: 'utf8' });
const training = [
  { args: ['intake', '--answers', '-'], input: template.stdout },
  { args: ['today'] },
  { args: ['plan'] },
  { args: ['log', '--pain', '3', '--done', 'all', '--during', '3', '--effort', '3'] },
  { args: ['report'] },
];
const failed = training
  .map((t) => ({ ...t, r: spawnSync(process.execPath, [bin, ...t.args], { env, input: t.input, encoding: 'utf8' }) }))
  .filter((t) => t.r.status !== 0);
rmSync(home, { recursive: true, force: true });
if (failed.length > 0) {
  // Not fatal: without the cache painfit starts a little slower, nothing else changes.
  const why = failed.map((t) => `painfit ${t.args.join(' ')} exited ${t.r.status}: ${t.r.stderr.trim()}`).join('; ');
  console.warn(`painfit build: no code cache written (a training run failed): ${why}`);
  rmSync(path.join(dist, 'main.cache'), { force: true });
}
