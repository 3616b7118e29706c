/** What a command may touch: its output streams and environment, injected so tests run commands in-process. */

/** Streams and environment of one command run. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Resolves when the user asks the command to stop (SIGINT/SIGTERM); long-running commands await it. */
  readonly stopRequested: Promise<string>;
}

/** The real process: stdout, stderr, process.env, and a promise that resolves on SIGINT or SIGTERM. */
export function processIo(): CommandIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    cwd: process.cwd(),
    stopRequested: new Promise((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    }),
  };
}

/** An in-memory CommandIo for tests: collects lines, stops when `stop()` is called. */
export function memoryIo(env: Record<string, string | undefined> = {}, cwd = process.cwd()): CommandIo & { lines: string[]; errors: string[]; stop(): void } {
  let stop!: (why: string) => void;
  const stopRequested = new Promise<string>((resolve) => (stop = resolve));
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, env, cwd, stopRequested, out: (l) => lines.push(l), err: (l) => errors.push(l), stop: () => stop('test') };
}
