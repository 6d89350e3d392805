// The app context (src/cli/app.ts) built once in main, and its test version (helpers/app.ts):
// commands run in-process on buffers and a fake clock, and the process-wide side effects
// (umask, environment changes, writes to stdout) go through the context, not around it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeKeys } from '../src/cli/app';
import { createPrompter } from '../src/ui/prompts';
import { layoutWidth } from '../src/ui/width';
import { fakeClock, testApp } from './helpers/app';
import { query, tempHome, writeJson } from './helpers/cli';
import { usualAnswers } from './helpers/coach';

function homeWithIntakeInProcess(date: string) {
  const home = tempHome('painfit-app-');
  const file = writeJson(path.dirname(home), 'answers.json', usualAnswers());
  return { home, file, date };
}

describe('commands run in-process on a test app', () => {
  it('takes the date from the injected clock and writes only to the buffers', async () => {
    const { home, file } = homeWithIntakeInProcess('2026-12-01');
    const app = testApp({ now: '2026-12-02T08:30:00' });
    expect(await app.run(['intake', '--answers', file, '--home', home])).toBe(0);
    expect(app.stdout()).toContain('Your answers');
    // The plan starts on the fake clock's date, not the machine's.
    expect(query(home, 'SELECT date FROM intakes')).toEqual([{ date: '2026-12-02' }]);

    const log = testApp({ now: '2026-12-02T18:45:00' });
    expect(await log.run(['log', '--pain', '3', '--home', home])).toBe(0);
    const [row] = query<{ date: string; recorded_at: string }>(home, 'SELECT c.date, e.recorded_at FROM checkins c JOIN entries e ON e.id = c.entry_id');
    expect(row!.date).toBe('2026-12-02');
    expect(row!.recorded_at).toBe(new Date('2026-12-02T18:45:00').toISOString());
    expect(log.stdout()).toContain('Saved for Wed 2 Dec 2026');
    expect(log.stderr()).toBe('');
  });

  it('refuses a future date relative to the injected clock (exit 2, message on the err buffer)', async () => {
    const { home, file } = homeWithIntakeInProcess('2026-12-01');
    await testApp({ now: '2026-12-01T08:00:00' }).run(['intake', '--answers', file, '--home', home]);
    const app = testApp({ now: '2026-12-03T08:00:00', tty: false });
    expect(await app.run(['log', '--pain', '3', '--date', '2026-12-04', '--home', home])).toBe(2);
    expect(app.stderr()).toMatch(/^painfit: cannot log 2026-12-04: that date is in the future\. Log today \(2026-12-03\)/);
    expect(app.stdout()).toBe('');
    expect(query(home, 'SELECT COUNT(*) AS n FROM checkins')).toEqual([{ n: 0 }]);
  });

  it('sets the private umask through the context, not on the process', async () => {
    const { home, file } = homeWithIntakeInProcess('2026-12-01');
    const before = process.umask();
    const app = testApp({ now: '2026-12-01T08:00:00' });
    expect(await app.run(['intake', '--answers', file, '--home', home])).toBe(0);
    expect(app.umasks).toEqual([0o077]);
    expect(process.umask()).toBe(before);
  });

  it('lays screens out for $COLUMNS, else the terminal, else 80, never below 60', async () => {
    expect(layoutWidth({ COLUMNS: '72' }, 120)).toBe(72);
    expect(layoutWidth({}, 120)).toBe(120);
    expect(layoutWidth({}, undefined)).toBe(80);
    expect(layoutWidth({ COLUMNS: '40' }, undefined)).toBe(60);
    expect(layoutWidth({ COLUMNS: 'wide' }, 90)).toBe(90);
  });

  it('routes help to the out buffer and commander errors to the err buffer', async () => {
    const help = testApp();
    expect(await help.run(['--help'])).toBe(0);
    expect(help.stdout()).toContain('Usage: painfit');
    const bad = testApp();
    expect(await bad.run(['report', '--weeks'])).toBe(2);
    expect(bad.stderr()).toContain('--weeks');
    expect(bad.stdout()).toBe('');
  });

  it('asks for the plain prompt colours through the context when colour is off', async () => {
    const changes: [string, string | undefined][] = [];
    await createPrompter({ color: false, setEnv: (k, v) => void changes.push([k, v]) });
    expect(changes).toEqual([
      ['NO_COLOR', '1'],
      ['FORCE_COLOR', undefined],
    ]);
  });
});

describe('the fake clock', () => {
  it('fires timers in order as time advances, and both clocks move together', async () => {
    const clock = fakeClock('2026-12-01T09:00:00');
    const fired: string[] = [];
    clock.setTimer(2000, () => fired.push('b'));
    clock.setTimer(1000, () => fired.push('a'));
    const cancel = clock.setTimer(1500, () => fired.push('cancelled'));
    cancel();
    const t0 = clock.monotonicMs();
    await clock.advance(1200);
    expect(fired).toEqual(['a']);
    await clock.advance(800);
    expect(fired).toEqual(['a', 'b']);
    expect(clock.monotonicMs() - t0).toBe(2000);
    expect(clock.now().toISOString()).toBe(new Date('2026-12-01T09:00:02').toISOString());
    expect(clock.pending()).toBe(0);
  });
});

describe('key decoding', () => {
  it.each([
    ['\r', ['enter']],
    [' ', ['space']],
    ['\x03', ['ctrl-c']],
    ['sE', ['s', 'e']],
    ['\x1b[A\x1b[B', ['up', 'down']],
    ['12\r', ['1', '2', 'enter']],
  ])('%j → %j', (chunk, keys) => {
    expect(decodeKeys(chunk)).toEqual(keys);
  });
});
