/**
 * Starts a server as a child process, waits for its `listening on <url>` line, and reads its resident memory.
 *
 * @example
 * ```ts
 * const mock = await startChild(process.execPath, ['bin/ccgw.js', 'mock', '--port', '0', '--quiet']);
 * await rssBytes(mock.pid); await mock.stop();
 * ```
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface ChildServer {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export async function startChild(command: string, args: string[], cwd: string): Promise<ChildServer> {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (\S+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`${args.join(' ')} exited with ${code} before listening: ${err}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident set size of a process, from /proc (Linux). */
export async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!m) throw new Error(`cannot read VmRSS of process ${pid}`);
  return Number(m[1]) * 1024;
}
