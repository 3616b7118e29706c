/**
 * What the tool installers (ensure-k6.ts, ensure-schemathesis.ts) share: running a program with a time bound, and a
 * directory lock so that two processes do not build or install the same tool at once.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeDirectory } from '../io/make-directory.ts';

/** Runs `file` and resolves to its output; rejects with the error (its `stdout` and `stderr` attached) when it fails or runs past `timeoutMs`. */
export function runTool(file: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    execFile(file, args, { env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stdout: String(stdout), stderr: String(stderr) }));
      else resolvePromise({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export interface DirLockOptions {
  /** How long to wait for another holder before giving up with `timedOut()`. */
  readonly waitMs: number;
  /** A lock older than this is left over from a process that died; it is removed. */
  readonly staleMs: number;
  /** The error to throw when the wait ends. */
  readonly timedOut: () => Error;
}

/** Runs `body` holding the lock directory `lock` (created with its parents; removed afterwards, also on failure). */
export async function withDirLock(lock: string, options: DirLockOptions, body: () => Promise<void>): Promise<void> {
  await makeDirectory(dirname(lock));
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > options.staleMs) await rm(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw options.timedOut();
      else await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    await writeFile(join(lock, 'pid'), String(process.pid));
    await body();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
