/**
 * Test helper: the mock gateway as a separate process (`node bin/ccgw.js mock --port 0 --quiet ...`), so that a
 * test reaches it over the network only, as it would a live gateway.
 *
 * @example
 * ```ts
 * const mock = await startMockProcess(['--fixtures', file, '--poll-wait', '500ms']);
 * await runLiveProperties({ gatewayUrl: mock.url, fixtures: file });
 * await mock.stop();
 * ```
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/ccgw.js', import.meta.url));

/** A running mock process. */
export interface MockProcess {
  /** Its base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Stops it (SIGTERM) and resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `ccgw mock` on a free port with `args`; resolves with its URL once it listens (at most 90 s).
 * @example
 * ```ts
 * const mock = await startMockProcess(['--poll-wait', '500ms']);
 * await mock.stop();
 * ```
 */
export function startMockProcess(args: readonly string[] = []): Promise<MockProcess> {
  const child = spawn(process.execPath, [BIN, 'mock', '--port', '0', '--quiet', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<MockProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`ccgw mock did not print "mock gateway listening on <url>" within 90 s; output: ${out}${err}`));
    }, 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /mock gateway listening on (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ccgw mock exited with code ${code} before listening: ${err || out}`));
    });
  });
}
