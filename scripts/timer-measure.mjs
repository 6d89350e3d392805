// Measures painfit start's timer on a real pseudo-terminal: the CPU the process uses while a timer
// counts down (target: at most 1% of one core) and how far the countdown drifts from real time
// (target: at most 0.5 s over 10 minutes). Run after `npm run build`:
//
//   node scripts/timer-measure.mjs            # 10 minutes (the figure in the README)
//   node scripts/timer-measure.mjs --minutes 1
//
// It starts the built CLI on a fresh data folder, skips to the 15-minute walk of a Monday session,
// and timestamps every redraw of "M:SS left" as it reaches the terminal. Drift is the largest
// difference between when a second was shown and when it should have been (from the first one);
// CPU is the process's user + system time (/proc/<pid>/stat) over the same span.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pty from 'node-pty';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'painfit.js');
const argMinutes = process.argv.indexOf('--minutes');
const minutes = argMinutes > 0 ? Number(process.argv[argMinutes + 1]) : 10;
if (!(minutes >= 1 && minutes <= 14)) throw new Error('--minutes takes 1 to 14 (the walk is 15 minutes)');
const MONDAY = '2026-11-30';

const home = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'painfit-timer-')), 'home');
const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm' };
delete env.PAINFIT_HOME;
const template = JSON.parse(spawnSync(process.execPath, [bin, 'intake', '--template'], { encoding: 'utf8', env }).stdout);
Object.assign(template.pain, { average: 4 });
Object.assign(template.ability, { walkMinutes: 20 });
template.schedule = { days: ['mon', 'wed', 'fri'], minutes: 30 };
const answers = path.join(path.dirname(home), 'answers.json');
fs.writeFileSync(answers, JSON.stringify(template));
const intake = spawnSync(process.execPath, [bin, '--home', home, 'intake', '--answers', answers, '--date', MONDAY], { encoding: 'utf8', env });
if (intake.status !== 0) throw new Error(`intake failed: ${intake.stderr}`);

const child = pty.spawn(process.execPath, [bin, '--home', home, 'start', '--date', MONDAY], { name: 'xterm', cols: 80, rows: 24, env });
let screen = '';
const shown = []; // [seconds left, performance.now() when it reached the terminal]
child.onData((chunk) => {
  const at = performance.now();
  screen += chunk;
  for (const m of chunk.matchAll(/(\d+):(\d\d) left/g)) shown.push([Number(m[1]) * 60 + Number(m[2]), at]);
});
/** Waits for `text` on screen, not as the tail of a longer number ("5:00 left" is not "15:00 left"). */
const waitFor = (text, ms = 30_000) =>
  new Promise((resolve, reject) => {
    const start = Date.now();
    const pattern = new RegExp(`(?<![0-9])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    const poll = () => {
      if (pattern.test(screen)) resolve();
      else if (Date.now() - start > ms) reject(new Error(`timed out waiting for ${text}; screen:\n${screen.slice(-1000)}`));
      else setTimeout(poll, 20);
    };
    poll();
  });

/** User + system CPU seconds of a process, from /proc (Linux). */
function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

await waitFor('is anything new today?');
child.write('n');
await waitFor('How is your pain right now?');
child.write('3\r');
await waitFor('Exercise 1 of 7');
child.write('s');
await waitFor('Exercise 2 of 7');
await new Promise((r) => setTimeout(r, 200));
child.write('\r');
await waitFor('15:00 left');
const cpu0 = cpuSeconds(child.pid);
const wall0 = performance.now();
const endLeft = 15 * 60 - minutes * 60;
await waitFor(`${Math.floor(endLeft / 60)}:${String(endLeft % 60).padStart(2, '0')} left`, minutes * 60_000 + 30_000);
const wall1 = performance.now();
const cpu1 = cpuSeconds(child.pid);
child.write('\x03');
await new Promise((r) => child.onExit(r));

const [first] = shown;
const drifts = shown.filter(([left]) => left >= endLeft).map(([left, at]) => at - first[1] - (first[0] - left) * 1000);
const maxDrift = Math.max(...drifts.map(Math.abs));
const endDrift = drifts.at(-1);
const cpuPercent = ((cpu1 - cpu0) / ((wall1 - wall0) / 1000)) * 100;
const result = {
  node: process.version,
  cpus: os.cpus().length,
  minutes,
  redraws: drifts.length,
  cpuSeconds: Number((cpu1 - cpu0).toFixed(3)),
  cpuPercentOfOneCore: Number(cpuPercent.toFixed(3)),
  driftAtEndMs: Number(endDrift.toFixed(1)),
  maxDriftMs: Number(maxDrift.toFixed(1)),
};
console.log(JSON.stringify(result, null, 2));
fs.rmSync(path.dirname(home), { recursive: true, force: true });
process.exit(cpuPercent <= 1 && maxDrift <= 500 ? 0 : 1);
