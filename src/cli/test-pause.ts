// Test-only: a named point where a command can be held still, so a test opens a race window
// deterministically instead of hoping for an unlucky schedule (test/races.test.ts).
// Inert unless PAINFIT_TEST_PAUSE is "<point>=<gate file>": at that point the command creates
// "<gate file>.reached" and waits until "<gate file>" exists. Nothing else reads the variable.
import fs from 'node:fs';

export type PausePoint = 'import-opened' | 'undo-confirmed';

/** Blocks this (single-threaded, short-lived) process for a moment without spinning the CPU. */
const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function pausePoint(point: PausePoint, env: Readonly<NodeJS.ProcessEnv>): void {
  const spec = env.PAINFIT_TEST_PAUSE;
  if (!spec?.startsWith(`${point}=`)) return;
  const gate = spec.slice(point.length + 1);
  fs.writeFileSync(`${gate}.reached`, '');
  // A forgotten gate must not hang a test run for ever.
  for (let waited = 0; !fs.existsSync(gate) && waited < 60_000; waited += 10) sleep(10);
}
