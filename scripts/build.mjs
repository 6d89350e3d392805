// Bundles the CLI into one CommonJS file: far faster to start than hundreds of ESM modules.
// better-sqlite3 stays external (a native addon); everything reached through `await import()`
// is wrapped lazily by esbuild, so commands that never prompt never evaluate the prompt code.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/painfit.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // zod is large (≈0.8 MB): left external, it is required only when a file is validated.
  external: ['better-sqlite3', 'zod'],
  define: { PAINFIT_VERSION: JSON.stringify(pkg.version) },
  legalComments: 'none',
  logLevel: 'warning',
});
