import { defineConfig } from 'vitest/config';

// TEMPORARY while six branches land at once on a 2-core machine: a landing runs the suite without
// the slowest robustness files (they take 15+ minutes under that load). CI (CI=true) and
// PAINFIT_FULL=1 run everything. The lead removes this before the session ends.
const SLOW_ROBUSTNESS = [
  'test/concurrency.test.ts',
  'test/damaged.test.ts',
  'test/crash-import.test.ts',
  'test/fuzz-input.test.ts',
  'test/store-files.test.ts',
  'test/report-html-browser.test.ts',
  'test/privacy.test.ts',
  'test/interrupt-pty.test.ts',
];
const full = Boolean(process.env.CI || process.env.PAINFIT_FULL);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(full ? [] : SLOW_ROBUSTNESS)],
    // End-to-end tests spawn the built CLI and drive pseudo-terminals: give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
