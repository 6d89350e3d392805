// npm run bench: start-up and command latency of the built CLI, side by side with bare node.
// Runs every command interleaved (round-robin) so that machine noise hits all of them alike,
// reports the median wall time, its ratio to `node -e 0`, and peak RSS from a separate pass.
// Usage: node scripts/bench.mjs [--runs N] [--only name,name]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'painfit.js');
const rssProbe = path.join(root, 'scripts', 'bench-rss.cjs');

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 15;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;

// NODE_EXTRA_CA_CERTS makes node read a certificate file before starting, which inflates bare
// node several-fold and hides real costs: both sides run without it.
const env = { ...process.env, NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;
delete env.PAINFIT_HOME;

const pad = (n) => String(n).padStart(2, '0');
const localDate = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const today = localDate(new Date());
const addDays = (iso, n) => {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};

function cli(home, cliArgs, input) {
  const r = spawnSync(process.execPath, [bin, '--home', home, ...cliArgs], { env, encoding: 'utf8', input });
  if (r.status !== 0) throw new Error(`painfit ${cliArgs.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** A home with `years` of daily check-ins and completed sessions, written straight into SQLite. */
function makeHome(years) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `painfit-bench-${years}y-`));
  const start = addDays(today, -Math.round(365.25 * years));
  const answers = JSON.parse(cli(home, ['intake', '--template']));
  cli(home, ['intake', '--answers', '-', '--date', start], JSON.stringify(answers));
  const week = JSON.parse(cli(home, ['plan', '--json', '--date', start]));
  const byWeekday = new Map(week.days.map((d) => [new Date(`${d.date}T00:00:00Z`).getUTCDay(), d]));
  const db = new Database(path.join(home, 'painfit.db'));
  const entry = db.prepare("INSERT INTO entries (kind, recorded_at) VALUES ('log', ?)");
  const checkin = db.prepare('INSERT INTO checkins (entry_id, date, recorded_at, pain, during, effort, sleep, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const completion = db.prepare('INSERT INTO completions (date, exercise_id, done, minutes, entry_id) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let date = start, i = 0; date < today; date = addDays(date, 1), i++) {
      const at = `${date}T19:00:00.000Z`;
      const id = entry.run(at).lastInsertRowid;
      const pain = 3 + ((i * 7) % 4); // 3-6, never a flare trigger on its own
      const day = byWeekday.get(new Date(`${date}T00:00:00Z`).getUTCDay());
      const session = day && day.status === 'session';
      checkin.run(id, date, at, pain, session ? 3 : null, session ? 3 : null, 6, i % 30 === 0 ? 'a note' : null);
      if (session) for (const ex of day.exercises) completion.run(date, ex.id, i % 5 === 0 ? 0 : 1, ex.minutes ?? 2, id);
    }
  })();
  db.close();
  return home;
}

console.log('Preparing data folders (a year, and ten years, of daily check-ins)…');
const yearHome = makeHome(1);
const decadeHome = makeHome(10);
const logHome = makeHome(1);

const decadeLogHome = makeHome(10);
const tenYearsAhead = addDays(today, Math.round(365.25 * 10));
/** Before each timed run: drop the cache of weekly states, as after an import or an upgrade. */
const coldCache = (home) => () => {
  const db = new Database(path.join(home, 'painfit.db'));
  db.exec('DELETE FROM week_states');
  db.close();
};

const commands = [
  { name: 'node -e 0', argv: ['-e', '0'] },
  { name: 'painfit --version', argv: [bin, '--version'], target: 2.0 },
  { name: 'painfit intake --template', argv: [bin, 'intake', '--template'], target: 2.0 },
  // today, plan, log and report over 1 and over 10 years: the cost must not grow with the history
  // (the weekly fold starts from its cache of weekly states, src/store/progress.ts).
  { name: 'painfit today (1 year of data)', argv: [bin, '--home', yearHome, 'today'], target: 2.0 },
  { name: 'painfit today (10 years of data)', argv: [bin, '--home', decadeHome, 'today'], target: 2.0 },
  { name: 'painfit today --date 10 years ahead', argv: [bin, '--home', decadeHome, 'today', '--date', tenYearsAhead], target: 2.0 },
  { name: 'painfit plan (1 year of data)', argv: [bin, '--home', yearHome, 'plan'], target: 2.0 },
  { name: 'painfit plan (10 years of data)', argv: [bin, '--home', decadeHome, 'plan'], target: 2.0 },
  { name: 'painfit log --pain 3 (1 year)', argv: [bin, '--home', logHome, 'log', '--pain', '3'], target: 2.0 },
  { name: 'painfit log --pain 3 --done all (10 years)', argv: [bin, '--home', decadeLogHome, 'log', '--pain', '3', '--done', 'all'], target: 2.0 },
  { name: 'painfit report (1 year of data)', argv: [bin, '--home', yearHome, 'report'], target: 2.0 },
  { name: 'painfit report (10 years of data)', argv: [bin, '--home', decadeHome, 'report'], target: 2.0 },
  // For the record, no target: the first command after an import folds ten years once.
  { name: 'painfit today (10 years, cache dropped)', argv: [bin, '--home', decadeLogHome, 'today'], before: coldCache(decadeLogHome) },
].filter((c) => !only || c.name === 'node -e 0' || only.some((o) => c.name.includes(o)));

function runOnce(c, extraEnv = {}, preload = []) {
  c.before?.();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...preload, ...c.argv], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Warm the file cache once, then time interleaved rounds.
for (const c of commands) runOnce(c);
const times = new Map(commands.map((c) => [c.name, []]));
for (let i = 0; i < runs; i++) for (const c of commands) times.get(c.name).push(runOnce(c));

// Peak RSS in a separate pass (the probe itself is not timed).
const rss = new Map();
const rssFile = path.join(os.tmpdir(), `painfit-bench-rss-${process.pid}`);
for (const c of commands) {
  const peaks = [];
  for (let i = 0; i < 3; i++) {
    runOnce(c, { PAINFIT_BENCH_RSS_FILE: rssFile }, ['--require', rssProbe]);
    peaks.push(Number(fs.readFileSync(rssFile, 'utf8')) / 1024);
  }
  rss.set(c.name, Math.max(...peaks));
}
fs.rmSync(rssFile, { force: true });

/** Peak memory target for every painfit command (issue 10). */
const RSS_TARGET_MIB = 60;
const base = median(times.get('node -e 0'));
const rows = commands.map((c) => {
  const med = median(times.get(c.name));
  const ratio = med / base;
  const overRss = rss.get(c.name) > RSS_TARGET_MIB;
  const verdict =
    c.target === undefined ? '' : ratio <= c.target && !overRss ? `≤ ${c.target}× ok` : ratio > c.target ? `> ${c.target}× over` : `> ${RSS_TARGET_MIB} MiB over`;
  return [c.name, med.toFixed(1), `${ratio.toFixed(2)}×`, rss.get(c.name).toFixed(1), verdict];
});
const header = ['command', 'median ms', 'vs node -e 0', 'peak RSS MiB', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`\n${runs} interleaved runs each, node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'})\n`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));

for (const h of [yearHome, decadeHome, logHome, decadeLogHome]) fs.rmSync(h, { recursive: true, force: true });
