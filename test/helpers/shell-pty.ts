// Runs painfit inside an interactive shell on a pseudo-terminal, the way a person would, so a test
// can check what is left behind after Ctrl-C: the exit status the shell saw, the terminal's mode
// (`stty -g` before and after), whether typed input is still echoed, and the cursor.
//
// The shell is /bin/sh (dash on Debian): it has no line editor, so it never resets the terminal
// itself, and a mode left broken by painfit (raw, no echo) stays visible to the next command.
import { BIN } from './cli';
import { exitWithin, KEY, spawnPty, type PtySession } from './pty';

const PS1 = 'pf-ready> ';
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface ShellSession {
  s: PtySession;
  /** `stty -g` of the terminal before painfit ran. */
  ttyBefore: string;
  /** Length of the raw output when Ctrl-C was sent (set by interrupt()). */
  interruptedAt: number;
  /** painfit's process id. */
  pid: number;
}

/** Starts `sh -i`, records the terminal mode, then starts `painfit --home <home> ...args` in it. */
export async function startInShell(home: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ShellSession> {
  const s = spawnPty('/bin/sh', ['-i'], { env: { PS1, ENV: undefined, NO_COLOR: '1', ...env } });
  await s.waitFor(PS1);
  s.send(`echo "tty-before:$(stty -g)"${KEY.enter}`);
  const seen = await s.waitFor(/tty-before:[0-9a-f:]+ pf-ready> /);
  const ttyBefore = /tty-before:([0-9a-f:]+)/.exec(seen)![1]!;
  // `exec` keeps the process id the inner shell prints, so a test can also signal painfit itself.
  const inner = ['sh', '-c', 'echo "painfit-pid:$$"; exec "$@"', 'sh', process.execPath, BIN, '--home', home, ...args];
  s.send(inner.map(quote).join(' ') + KEY.enter);
  const pid = Number(/painfit-pid:(\d+)/.exec(await s.waitFor(/painfit-pid:\d+ /))![1]);
  return { s, ttyBefore, interruptedAt: -1, pid };
}

/** Sends Ctrl-C and returns everything painfit printed from then until the shell prompt is back. */
export async function interrupt(sh: ShellSession): Promise<string> {
  sh.interruptedAt = sh.s.raw.length;
  sh.s.send(KEY.ctrlC);
  return sh.s.waitFor(PS1);
}

/**
 * Sends SIGINT to painfit as a signal (`kill -INT`, as another program or a terminal in cooked mode
 * would), not as a key; returns what painfit printed until the shell prompt is back.
 */
export async function signalInterrupt(sh: ShellSession): Promise<string> {
  sh.interruptedAt = sh.s.raw.length;
  process.kill(sh.pid, 'SIGINT');
  return sh.s.waitFor(PS1);
}

export interface AfterExit {
  /** `$?` as the shell saw it. */
  exitCode: number;
  /** `stty -g` after painfit ended. */
  ttyAfter: string;
  /** The line typed next was echoed as it was typed, and ran. */
  echoed: boolean;
  /** The cursor is visible at the end: every hide (ESC[?25l) was followed by a show (ESC[?25h). */
  cursorShown: boolean;
  /** Whether painfit hid the cursor at all, and showed it again after the Ctrl-C. */
  cursorHidden: boolean;
  shownAfterInterrupt: boolean;
}

/** After painfit has ended in the shell: reads $? and the terminal mode, types a command, leaves. */
export async function afterExit(sh: ShellSession): Promise<AfterExit> {
  const { s } = sh;
  s.send(`echo "exit:$?" "tty-after:$(stty -g)"${KEY.enter}`);
  const seen = await s.waitFor(/exit:\d+ tty-after:[0-9a-f:]+ pf-ready> /);
  const m = /exit:(\d+) tty-after:([0-9a-f:]+)/.exec(seen)!;
  // Echoed as typed (the terminal's echo), then run (its output on the next line).
  s.send(`echo still-here${KEY.enter}`);
  let echoed = true;
  try {
    await s.waitFor(/echo still-here still-here pf-ready> /);
  } catch {
    echoed = false;
  }
  const raw = s.raw;
  const hide = raw.lastIndexOf('\x1b[?25l');
  const show = raw.lastIndexOf('\x1b[?25h');
  s.send(`exit${KEY.enter}`);
  await exitWithin(s).catch(() => s.kill());
  return {
    exitCode: Number(m[1]),
    ttyAfter: m[2]!,
    echoed,
    cursorShown: hide < show || hide === -1,
    cursorHidden: hide !== -1,
    shownAfterInterrupt: show >= sh.interruptedAt,
  };
}
