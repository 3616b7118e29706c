import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { GatewayTimeoutError, GatewayTransportError } from './errors.ts';
import type { ExchangeRecord } from './exchange-record.ts';
import { GatewayClient } from './gateway-client.ts';
import { OK_EMPTY, okBodyFor, unusedPort } from './testing/fake-gateway.ts';
import { withFakeGateway } from './testing/with-fake-gateway.ts';

const fixture = withFakeGateway();

describe('timeouts', () => {
  it('throws GatewayTimeoutError when the gateway does not answer within timeoutMs', async () => {
    const records: ExchangeRecord[] = [];
    const { client } = await fixture.start({ addInsert: () => ({ hang: true }) }, { timeoutMs: 200, onExchange: (r) => records.push(r) });

    const error = await client.agent('30169').addInsert('30170').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 200, operationId: 'addInsert', agentId: '30169' });
    expect((error as Error).message).toMatch(/addInsert by 30169 got no answer within 200 ms \(PUT http:\/\/127\.0\.0\.1:\d+\/agentgateway\/resource\/qualitycontrol\/30169\/addinsert\/30170\): .*raise timeoutMs/);
    expect(records[0]).toMatchObject({ httpStatus: undefined, responseBody: '', error: { name: 'GatewayTimeoutError' } });
  });

  it('gives the event poll its own timeout (pollTimeoutMs), not timeoutMs', async () => {
    const { client } = await fixture.start({ getAgentEvent: () => ({ hang: true }), sayFree: () => ({ hang: true }) }, { timeoutMs: 60_000, pollTimeoutMs: 200 });

    const error = await client.agent('30169').pollEvent().catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'GatewayTimeoutError', timeoutMs: 200 });
    expect((error as Error).message).toContain('raise pollTimeoutMs');
  });

  it('defaults to 15000 ms per call and pollWaitMs + 5000 ms per poll', () => {
    const defaults = new GatewayClient({ baseUrl: 'http://127.0.0.1:1' });
    const shortPoll = new GatewayClient({ baseUrl: 'http://127.0.0.1:1', pollWaitMs: 1000 });

    expect([defaults.timeoutMs, defaults.pollTimeoutMs, shortPoll.pollTimeoutMs]).toEqual([15_000, 15_000, 6_000]);
  });

  it('lets one call override the timeout', async () => {
    const { client } = await fixture.start({ sayFree: () => ({ hang: true }) }, { timeoutMs: 60_000 });

    await expect(client.agent('30169').sayFree({ timeoutMs: 100 })).rejects.toMatchObject({ name: 'GatewayTimeoutError', timeoutMs: 100 });
  });
});

describe('connection failures throw GatewayTransportError naming the URL, the cause and the fix', () => {
  it('connection refused', async () => {
    const port = await unusedPort();
    const client = fixture.client({ baseUrl: `http://127.0.0.1:${port}` });

    const error = await client.agent('30169').agentStatus().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayTransportError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', kind: 'refused', tls: false });
    expect((error as Error).message).toContain(`agentStatus by 30169 could not reach http://127.0.0.1:${port}/agentgateway/resource/onlineagent/30169/agentstatus (ECONNREFUSED`);
    expect((error as Error).message).toContain(`nothing listens at 127.0.0.1:${port}; start the gateway`);
  });

  it('connection closed without an answer', async () => {
    const { client } = await fixture.start({ addInsert: () => ({ destroy: true }) });

    const error = await client.agent('30169').addInsert('30170').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayTransportError);
    expect(error).toMatchObject({ code: 'ECONNRESET', kind: 'reset' });
    expect((error as Error).message).toContain('the gateway closed the connection');
  });

  it('an answer that is not HTTP', async () => {
    const server = http.createServer();
    server.on('connection', (socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = fixture.client({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });

      const error = await client.agent('30169').agentStatus().catch((e: unknown) => e);

      expect(error).toBeInstanceOf(GatewayTransportError);
      expect(error).toMatchObject({ code: expect.stringMatching(/^HPE_/), kind: 'not-http' });
      expect((error as Error).message).toContain('the answer is not valid HTTP');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('abort', () => {
  it('rejects a poll with the signal reason when aborted, and records it', async () => {
    const records: ExchangeRecord[] = [];
    const { gw, client } = await fixture.start({ getAgentEvent: () => ({ hang: true }) }, { onExchange: (r) => records.push(r) });
    const controller = new AbortController();

    const pending = client.agent('30169').pollEvent({ signal: controller.signal });
    await waitUntil(() => gw.requests.length === 1);
    controller.abort();

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(records[0]?.error?.name).toBe('AbortError');
  });

  it('does not send a request whose signal is already aborted', async () => {
    const { gw, client } = await fixture.start({ sayFree: () => ({ body: OK_EMPTY }) });

    await expect(client.agent('30169').sayFree({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(gw.requests).toHaveLength(0);
  });
});

describe('keep-alive', () => {
  it('reuses one connection for consecutive calls', async () => {
    const { gw, client } = await fixture.start({ agentStatus: () => ({ body: okBodyFor('agentStatus') }) });
    const session = client.agent('30169');

    for (let i = 0; i < 3; i++) await session.agentStatus();

    expect(gw.requests.map((r) => r.headers.connection)).toEqual(['keep-alive', 'keep-alive', 'keep-alive']);
    expect(new Set(gw.requests.map((r) => r.remotePort)).size).toBe(1);
  });

  it('still works after close(): later calls open new connections', async () => {
    const { client } = await fixture.start({ agentStatus: () => ({ body: okBodyFor('agentStatus') }) });
    const session = client.agent('30169');

    await session.agentStatus();
    client.close();
    const reply = await session.agentStatus();

    expect(reply.ok).toBe(true);
  });
});

describe('a reused keep-alive connection that the gateway closed', () => {
  it('retries a GET once on a fresh connection', async () => {
    let calls = 0;
    const { gw, client } = await fixture.start({ agentStatus: () => (++calls === 2 ? { destroy: true } : { body: okBodyFor('agentStatus') }) });
    const session = client.agent('30169');

    await session.agentStatus();
    const reply = await session.agentStatus();

    expect(reply.ok).toBe(true);
    expect(gw.requests).toHaveLength(3);
    expect(gw.requests[1]?.remotePort).toBe(gw.requests[0]?.remotePort);
    expect(gw.requests[2]?.remotePort).not.toBe(gw.requests[1]?.remotePort);
  });

  it('never repeats a PUT (an addinsert must reach the gateway at most once per call)', async () => {
    let calls = 0;
    const { gw, client } = await fixture.start({ addInsert: () => (++calls === 2 ? { destroy: true } : { body: OK_EMPTY }) });
    const session = client.agent('30169');

    await session.addInsert('30170');
    const error = await session.addInsert('30170').catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'GatewayTransportError', code: 'ECONNRESET' });
    expect(gw.requests).toHaveLength(2);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
