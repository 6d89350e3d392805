// The one place that decides where painfit keeps its data (design.md, "Global options").
import os from 'node:os';
import path from 'node:path';

export interface Paths {
  home: string;
  db: string;
  backups: string;
}

export function resolveHome(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (flag) return path.resolve(flag);
  if (env.PAINFIT_HOME) return path.resolve(env.PAINFIT_HOME);
  const userHome = os.homedir();
  if (platform === 'darwin') return path.join(userHome, 'Library', 'Application Support', 'painfit');
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(userHome, 'AppData', 'Roaming'), 'painfit');
  // The XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(userHome, '.local', 'share');
  return path.join(xdg, 'painfit');
}

export function pathsFor(home: string): Paths {
  return { home, db: path.join(home, 'painfit.db'), backups: path.join(home, 'backups') };
}
