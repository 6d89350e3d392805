// painfit exercises pages a list longer than the screen through $PAGER (else less -R), only on a
// terminal. In-process with the test app for the decision; a real pseudo-terminal for the pager.
// Run `npm run build` first for the pty test.
import { describe, expect, it } from 'vitest';
import { testApp } from './helpers/app';
import { tempHome } from './helpers/cli';
import { exitWithin, spawnPainfit } from './helpers/pty';

describe('the exercise list and the pager', () => {
  it('on a terminal, a list longer than the screen goes to the pager, not straight to stdout', async () => {
    const app = testApp({ rows: 24, columns: 80 });
    expect(await app.run(['exercises', '--home', tempHome()])).toBe(0);
    expect(app.paged).toHaveLength(1);
    expect(app.paged[0]!.split('\n').length).toBeGreaterThan(24);
    expect(app.stdout()).toBe('');
  });

  it('a list that fits the screen is printed as it is', async () => {
    const app = testApp({ rows: 24, columns: 80 });
    expect(await app.run(['exercises', 'sit-to-stand', '--home', tempHome()])).toBe(0);
    expect(app.paged).toEqual([]);
    expect(app.stdout().split('\n').length).toBeLessThanOrEqual(24);
  });

  it.each([
    ['not a terminal', { tty: false }, []],
    ['--json', { rows: 24 }, ['--json']],
  ] as const)('%s: never paged', async (_what, opts, extra) => {
    const app = testApp(opts);
    expect(await app.run(['exercises', '--home', tempHome(), ...extra])).toBe(0);
    expect(app.paged).toEqual([]);
    expect(app.stdout().length).toBeGreaterThan(1000);
  });

  it('a real terminal runs $PAGER with the list', async () => {
    // `cat -n` as the pager numbers the lines it is given: proof the list went through it.
    const s = spawnPainfit(tempHome(), ['exercises'], { cols: 80, rows: 24, env: { PAGER: 'cat -n' } });
    try {
      expect((await exitWithin(s)).exitCode).toBe(0);
    } finally {
      s.kill();
    }
    expect(s.text).toMatch(/^\s+1\s+\S+/m);
    expect(s.text).toMatch(/\s+40\s+\S/);
  });
});
