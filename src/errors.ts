// Every failure a command can report on purpose. src/main.ts maps these to exit codes;
// nothing else calls process.exit.

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  notReady: 3,
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export abstract class PainfitError extends Error {
  abstract readonly exitCode: ExitCode;
  /** Stable machine-readable code for `--json` errors. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Bad usage or bad input: nothing was written (exit 2). */
export class UsageError extends PainfitError {
  readonly exitCode = EXIT.usage;
  /** Every problem found, one line each (also given as `problems` in `--json` errors). */
  readonly problems: readonly string[];
  constructor(message: string, code = 'USAGE', problems: readonly string[] = []) {
    super(code, message);
    this.problems = problems;
  }
}

/** The command cannot proceed yet: no intake, or the safety screen says see a clinician (exit 3). */
export class NotReadyError extends PainfitError {
  readonly exitCode = EXIT.notReady;
  constructor(message: string, code = 'NOT_READY') {
    super(code, message);
  }
}

/** The user pressed Ctrl-C: nothing was saved (exit 130). */
export class CancelledError extends PainfitError {
  readonly exitCode = EXIT.interrupted;
  constructor(message = 'Stopped. Nothing was saved.') {
    super('CANCELLED', message);
  }
}

/** A problem with the stored data that the user must know about, e.g. a damaged or newer database (exit 1). */
export class DataError extends PainfitError {
  readonly exitCode = EXIT.failure;
  constructor(message: string, code = 'DATA') {
    super(code, message);
  }
}

/** Thrown by a command whose result is already printed but which must end with a non-zero code (e.g. a safety stop). */
export class ExitWith extends PainfitError {
  readonly exitCode: ExitCode;
  constructor(exitCode: ExitCode, code: string, message: string) {
    super(code, message);
    this.exitCode = exitCode;
  }
}
