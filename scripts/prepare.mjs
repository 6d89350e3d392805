// npm's `prepare` step: build dist/ when the build tools (dev dependencies) are installed. With
// `npm ci --omit=dev` there is no esbuild: a checkout that already has dist/ (or a packed tarball,
// which ships it) needs no build, so say so instead of failing the install.
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
let esbuild = true;
try {
  await import('esbuild');
} catch {
  esbuild = false;
}
if (esbuild) {
  await import('./build.mjs');
} else if (existsSync(path.join(root, 'dist', 'painfit.cjs'))) {
  console.log('painfit: build tools not installed (--omit=dev); using the existing dist/.');
} else {
  console.error('painfit: dist/ is missing and esbuild (a dev dependency) is not installed, so painfit cannot be built.');
  console.error('painfit: run npm ci (with dev dependencies) to build it, or install the tarball made by npm pack.');
  process.exitCode = 1;
}
