// Prompts wrap between words at the terminal's width (design.md: every terminal screen fits the
// terminal, wrapping between words). The prompt library breaks a long question at exactly the
// terminal width, mid-word; painfit wraps each question (and its answer, and each choice) itself.
// Proof: the whole intake questionnaire and an interactive log are answered in a real 80-column
// pseudo-terminal, then everything it printed is replayed into tmux (a real terminal emulator)
// 80 columns wide and the screen, scrollback included, is checked line by line.
// Run `npm run build` first: these spawn the built bin.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempHome } from './helpers/cli';
import { homeWithIntake, usualAnswers } from './helpers/coach';
import { exitWithin, KEY, spawnPainfit, type PtySession } from './helpers/pty';
import { INTAKE, no, q, type Question, type, yes } from './helpers/intake-script';

const COLS = 80;

const sessions: PtySession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

/** Runs painfit on an 80-column pseudo-terminal, answering `script` in order; returns the raw output once it exits. */
async function answerAll(home: string, args: string[], script: readonly Question[], cols = COLS): Promise<string> {
  // COLUMNS unset: the width comes from the terminal itself, as for a person.
  const s = spawnPainfit(home, args, { cols, rows: 50, env: { NO_COLOR: '1', COLUMNS: undefined } });
  sessions.push(s);
  for (const { ask, keys } of script) await s.answer(ask, keys);
  expect((await exitWithin(s)).exitCode, s.text.slice(-1500)).toBe(0);
  return s.raw;
}

/**
 * The screen a person saw: `raw` replayed into tmux, 80 columns wide, tall enough that nothing
 * scrolls away. capture-pane -J joins lines the terminal itself wrapped, so a line wider than the
 * terminal shows as wider than 80 here.
 */
function screenAt(raw: string, cols: number): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'painfit-wrap-'));
  const file = path.join(dir, 'out.raw');
  fs.writeFileSync(file, raw);
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', `painfit-wrap-${process.pid}`, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  try {
    tmux('new-session', '-d', '-x', String(cols), '-y', '1000', '-s', 'replay', `stty -onlcr; cat '${file}'; echo; echo REPLAY-DONE; sleep 60`);
    for (let i = 0; i < 200; i++) {
      const screen = tmux('capture-pane', '-p', '-J', '-t', 'replay', '-S', '-', '-E', '-');
      if (screen.includes('REPLAY-DONE')) return screen.slice(0, screen.lastIndexOf('REPLAY-DONE')).split('\n').map((l) => l.trimEnd());
      execFileSync('sleep', ['0.1']);
    }
    throw new Error('tmux did not finish replaying the output');
  } finally {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const WIDE = 200;

/**
 * Line breaks that fall inside a word. At every break of the 80-column screen between two lines
 * that end and start with a letter or digit, the word before and the word after must stand side
 * by side, with a space between, in the same session shown 200 columns wide (where no question
 * wraps). A word cut in two ("ste" / "roid") never does.
 */
function cutsMidWord(lines: readonly string[], wide: readonly string[]): string[] {
  const flat = ` ${wide.join(' ').replace(/\s+/g, ' ')} `;
  const cuts: string[] = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1] ?? '';
    if (!/[\p{L}\p{N}]$/u.test(line) || !/^[\p{L}\p{N}]/u.test(next)) return;
    const before = line.split(' ').at(-1)!;
    const after = next.split(' ')[0]!;
    if (!flat.includes(`${before} ${after}`)) cuts.push(`${line}⏎${next}`);
  });
  return cuts;
}

const tooWide = (lines: readonly string[], cols: number) => lines.filter((l) => [...l].length > cols);

describe('prompts wrap between words at 80 columns', () => {
  it('the whole intake questionnaire: no line wider than 80, none cut mid-word', async () => {
    const lines = screenAt(await answerAll(tempHome(), ['intake', '--date', '2026-01-05'], INTAKE), COLS);
    const wide = screenAt(await answerAll(tempHome(), ['intake', '--date', '2026-01-05'], INTAKE, WIDE), WIDE);
    // The replay shows the questions (a sanity check that the capture is the real screen).
    const flat = lines.join(' ').replace(/\s+/g, ' ');
    expect(flat).toContain('Do you have a bone, joint or muscle problem that could get worse if you were more active?');
    expect(flat).toContain('Has a doctor or physiotherapist already seen you');
    // Questions longer than a line really were asked over several lines.
    expect(lines.filter((l) => /^[?✔] /.test(l) && [...l].length > COLS - 25).length).toBeGreaterThan(3);
    expect(tooWide(lines, COLS)).toEqual([]);
    expect(cutsMidWord(lines, wide)).toEqual([]);
  });

  it('painfit log with feedback and the walk: no line wider than 80, none cut mid-word', async () => {
    // Monday 5 Jan 2026: a session day with a walking-track dose.
    const script = [
      q('log', '(a cold, fever, infection, or feeling faint)?', no),
      q('log', 'How is your pain right now?', type('3')),
      q('log', 'submit', KEY.enter),
      q('log', 'Did any exercise feel too easy, too hard, or hurt?', yes),
      q('log', 'submit', KEY.space + KEY.down + KEY.space + KEY.enter),
      q('log', 'feel?', KEY.down + KEY.enter),
      q('log', 'feel?', KEY.down + KEY.down + KEY.enter),
      q('log', 'worst pain during the exercises?', type('3')),
      q('log', 'How hard did it feel overall?', type('3')),
      q('log', 'Did you do your walk', yes),
      q('log', 'How many minutes?', KEY.enter),
      q('log', 'How well have you slept this past week?', KEY.enter),
      q('log', 'Anything to note?', type('a long note about how the knees felt on the stairs this morning after the walk')),
    ];
    const lines = screenAt(await answerAll(homeWithIntake(usualAnswers()), ['log', '--date', '2026-01-05'], script), COLS);
    const wide = screenAt(await answerAll(homeWithIntake(usualAnswers()), ['log', '--date', '2026-01-05'], script, WIDE), WIDE);
    expect(lines.join(' ')).toContain('Saved for Mon 5 Jan 2026:');
    expect(tooWide(lines, COLS)).toEqual([]);
    expect(cutsMidWord(lines, wide)).toEqual([]);
  });
});
