// Node's own modules that only some runs need, loaded on first use. `import crypto from
// 'node:crypto'` at the top of a module loads crypto, and with it Node's streams, on every start
// (about a tenth of `painfit today`'s time over bare Node) although only file writes use it. The
// bundle runs from V8's code cache, where a dynamic import() of a Node module is not available,
// so these go through require.
import { createRequire } from 'node:module';
import path from 'node:path';

/** A require() that resolves from this bundle (or, under the test runner, from the project). */
export const requireHere = (): NodeJS.Require => createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js'));

interface Builtins {
  'node:child_process': typeof import('node:child_process');
  'node:crypto': typeof import('node:crypto');
}

const loaded = new Map<keyof Builtins, unknown>();

/** The built-in module `name`, loaded the first time it is asked for. */
export function builtin<K extends keyof Builtins>(name: K): Builtins[K] {
  if (!loaded.has(name)) loaded.set(name, requireHere()(name));
  return loaded.get(name) as Builtins[K];
}
