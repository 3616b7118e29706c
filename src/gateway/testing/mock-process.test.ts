import { describe, expect, it } from 'vitest';
import { spawnServer, startMockProcess, startServer } from './mock-process.ts';

const node = (script: string) => [process.execPath, ['-e', script]] as const;

describe('a server as a child process', () => {
  it('resolves with the URL of its readiness line and stops it with SIGTERM', async () => {
    const mock = await startMockProcess();
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = (await (await fetch(`${mock.url}/__admin/health`)).json()) as { pid: number };
    expect(health.pid).toBeGreaterThan(0);
    expect(await mock.stop()).toBe(0);
    expect(await mock.stop()).toBe(0); // stopping twice is harmless
  });

  it('rejects with its stderr and exit code when it exits before listening', async () => {
    const [command, args] = node("process.stderr.write('port taken'); process.exit(3)");
    await expect(startServer(command, args)).rejects.toThrow(/exited with code 3 before listening: port taken/);
  });

  it('stops it and rejects with its output when the readiness line does not come in time', async () => {
    const [command, args] = node("console.log('starting'); setTimeout(() => {}, 60_000)");
    const server = spawnServer(command, args, { readyTimeoutMs: 300 });
    await expect(server.listening).rejects.toThrow(/did not print "listening on <url>" within 0\.3 s; output: starting/);
    expect(await server.exited).toBeNull(); // ended by SIGTERM
  });

  it('reads a readiness line split across writes', async () => {
    const [command, args] = node("process.stdout.write('listen'); setTimeout(() => { process.stdout.write('ing on http://127.0.0.1:9/\\n'); setTimeout(() => {}, 60_000); }, 50)");
    const server = await startServer(command, args);
    expect(server.url).toBe('http://127.0.0.1:9/');
    expect(await server.stop()).toBeNull();
  });
});
