/**
 * Test helper: the mock gateway as a separate process (`node bin/ccgw.js mock --port 0 --quiet ...`), so a test can
 * treat it as a live gateway reached over the network only.
 *
 * @example
 * ```ts
 * const mock = await startMockProcess(['--tls', '--cert-out', caFile]);
 * await verifyGateway({ gatewayUrl: mock.url, fixtures: demoFixtures(), tls: { caFile } });
 * await mock.stop();
 * ```
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../pact-names.ts';

/**
 * A running mock process.
 *
 * @example
 * ```ts
 * const mock: MockProcess = await startMockProcess();
 * mock.url; // 'http://127.0.0.1:41234'
 * ```
 */
export interface MockProcess {
  readonly url: string;
  /** Stops the process (SIGTERM) and resolves when it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `ccgw mock` on a free port with extra arguments and resolves with its URL once it listens.
 *
 * @example
 * ```ts
 * const mock = await startMockProcess(['--poll-wait', '500ms']);
 * ```
 */
export function startMockProcess(args: readonly string[] = []): Promise<MockProcess> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'ccgw.js'), 'mock', '--port', '0', '--quiet', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<MockProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`ccgw mock did not print "mock gateway listening on <url>" within 60 s; output: ${out}${err}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /mock gateway listening on (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
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
