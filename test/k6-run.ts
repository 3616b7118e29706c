/**
 * Runs the real k6 for the tests of `load/`: in the repository root, without k6's REST API (`--address=`, so parallel
 * runs do not clash over its port) and without the usage report. Never rejects: the tests judge the exit code and
 * the output.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** What a k6 run left: its exit code (-1 when killed) and its output. */
export interface K6Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `k6 run --address= <args>` with `env` added to this process's environment; killed after `timeoutMs`. */
export function k6Run(k6: string, args: readonly string[], options: { readonly env?: Readonly<Record<string, string>>; readonly timeoutMs: number }): Promise<K6Run> {
  return new Promise((resolve) => {
    execFile(k6, ['run', '--address=', ...args], { cwd: ROOT, env: { ...process.env, K6_NO_USAGE_REPORT: 'true', ...options.env }, timeout: options.timeoutMs }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
