/**
 * Test and bench helper: a server (usually `ccgw mock`) as a child process, reached over the network only, as a
 * live gateway would be. The server is ready when it prints `listening on <url>` on stdout.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../paths.ts';

/** The `ccgw` launcher of this checkout. */
export const CCGW_BIN = join(REPO_ROOT, 'bin', 'ccgw.js');

/** How long a server may take to print its readiness line: a first start also builds the CLI bundle on a busy machine. */
export const DEFAULT_READY_TIMEOUT_MS = 90_000;

const READY_LINE = /listening on (\S+)/;

export interface ServerProcessOptions {
  /** Working directory; default the repository root. */
  readonly cwd?: string;
  /** Environment; default this process's. */
  readonly env?: NodeJS.ProcessEnv;
  /** How long to wait for the readiness line before stopping the server; default {@link DEFAULT_READY_TIMEOUT_MS}. */
  readonly readyTimeoutMs?: number;
}

/** A server started as a child process. */
export interface ServerProcess {
  readonly pid: number;
  /**
   * The URL of the readiness line. Rejects with the server's output when it exits first or does not get ready in
   * time (it is then stopped).
   */
  readonly listening: Promise<string>;
  /** The exit code once the process has ended and its output is read (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** What it printed so far on stdout. */
  output(): string;
  /** What it printed so far on stderr. */
  errors(): string;
  /** Sends SIGTERM (when still running) and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** A server that printed its readiness line. */
export interface RunningServer extends ServerProcess {
  readonly url: string;
}

/** Starts `command args` and returns at once; await `listening` for its URL, or `exited` for a start that must fail. */
export function spawnServer(command: string, args: readonly string[], options: ServerProcessOptions = {}): ServerProcess {
  const child = spawn(command, args, { cwd: options.cwd ?? REPO_ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (e) => {
      err += `${e.message}\n`;
      resolve(null);
    });
    child.once('close', (code) => resolve(code));
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  const timeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const name = [command, ...args].join(' ');
  const listening = new Promise<string>((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} did not print "listening on <url>" within ${timeoutMs / 1000} s; output: ${out}${err}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = ready ? null : READY_LINE.exec(out);
      if (m) {
        ready = true;
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`${name} exited with code ${code} before listening: ${err || out}`));
    });
  });
  listening.catch(() => undefined); // a caller that only awaits `exited` does not leave it unhandled
  return { pid: child.pid ?? 0, listening, exited, output: () => out, errors: () => err, stop };
}

/** Starts `command args` and resolves once it listens. */
export async function startServer(command: string, args: readonly string[], options: ServerProcessOptions = {}): Promise<RunningServer> {
  const server = spawnServer(command, args, options);
  return { ...server, url: await server.listening };
}

/** Runs this checkout's `ccgw` with `args` (e.g. `['mock', '--auth', 'kerberos']`), returning at once. */
export function spawnCcgw(args: readonly string[], options: ServerProcessOptions = {}): ServerProcess {
  return spawnServer(process.execPath, [CCGW_BIN, ...args], options);
}

/** Starts `ccgw mock --port 0 --quiet` with extra `args` and resolves once it listens. */
export function startMockProcess(args: readonly string[] = [], options: ServerProcessOptions = {}): Promise<RunningServer> {
  return startServer(process.execPath, [CCGW_BIN, 'mock', '--port', '0', '--quiet', ...args], options);
}
