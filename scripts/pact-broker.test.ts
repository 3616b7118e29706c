import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));

function runScript(action: string, env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const clean = { ...process.env };
  for (const key of Object.keys(clean)) if (key.startsWith('PACT_BROKER_') || key.startsWith('PACT_CONSUMER_')) delete clean[key];
  const child = spawn(process.execPath, [TSX, 'scripts/pact-broker.ts', action], { cwd: ROOT, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe('scripts/pact-broker.ts', () => {
  it('says there is no broker and exits 0 when PACT_BROKER_BASE_URL is unset', async () => {
    const { code, output } = await runScript('publish', {});

    expect(code).toBe(0);
    expect(output).toContain('pact:publish: PACT_BROKER_BASE_URL is not set, so there is no Pact Broker to publish to; nothing done.');
  });

  it('exits non-zero with the broker\'s answer when the broker refuses, without printing the token', async () => {
    // Arrange: a broker that refuses every request.
    const broker = http.createServer((_req, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorised"}'));
    await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(broker.address() as AddressInfo).port}`;

    try {
      // Act
      const { code, output } = await runScript('can-i-deploy', { PACT_BROKER_BASE_URL: url, PACT_BROKER_TOKEN: 'token-that-must-not-show', PACT_CONSUMER_VERSION: '1.2.3' });

      // Assert
      expect(code).not.toBe(0);
      expect(output).toContain('401 Unauthorized');
      expect(output).toContain('pact:can-i-deploy: the Pact Broker CLI failed (exit 1)');
      expect(output).not.toContain('token-that-must-not-show');
    } finally {
      broker.close();
    }
  });

  it('refuses an unknown action, naming it', async () => {
    const { code, output } = await runScript('deploy', {});

    expect(code).toBe(2);
    expect(output).toContain('usage: tsx scripts/pact-broker.ts publish|can-i-deploy (got "deploy")');
  });
});
