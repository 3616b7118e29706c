import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONNECTION_TIMEOUTS, timeoutsProblem } from './connection-limits.ts';
import { startMockGateway, type MockGateway } from './mock-gateway.ts';
import { admin, call, signInDemo } from './testing/call.ts';

const TIMEOUTS = { headersMs: 1000, requestMs: 2000, keepAliveMs: 500 };
let gw: MockGateway;
const log: string[] = [];
beforeAll(async () => {
  gw = await startMockGateway({ port: 0, pollWaitMs: 20, timeouts: TIMEOUTS, log: (line) => log.push(line) });
});
beforeEach(async () => {
  await admin(gw.url, 'POST', '/reset');
  log.length = 0;
});
afterAll(() => gw.close());

interface Exchange {
  /** Everything the server sent before it closed the connection. */
  received: string;
  /** Bytes of the request written before the server closed. */
  written: number;
  ms: number;
}

/**
 * Writes `head`, then the bytes of `body` one at a time every `everyMs`, and collects what comes back until the
 * server closes the connection (or `giveUpMs` passes: then `received` ends with "(still open)").
 */
function trickle(head: string, body: string, everyMs: number, giveUpMs = 20_000): Promise<Exchange> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(gw.port, '127.0.0.1');
    let received = '';
    let written = 0;
    let timer: NodeJS.Timeout | undefined;
    const next = () => {
      if (socket.destroyed || written >= body.length) return;
      socket.write(body[written++]!);
      timer = setTimeout(next, everyMs);
    };
    const guard = setTimeout(() => {
      received += '(still open)';
      socket.destroy();
    }, giveUpMs);
    socket.on('data', (c) => (received += c.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      clearTimeout(guard);
      resolve({ received, written, ms: Date.now() - started });
    });
    socket.write(head, () => next());
  });
}

const signInHead = (id: string, length: number) => `PUT /agentgateway/resource/onlineagent/${id} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
const BODY = JSON.stringify({ password: 'demo', phonenum: '88830101' });

async function bargeWorks(): Promise<void> {
  const guid = await signInDemo(gw.url, '30101');
  await signInDemo(gw.url, '30201');
  expect((await call(gw.url, 'addInsert', { agentid: '30101', workNo: '30201' }, { guid })).json.retcode).toBe('0');
}

const counters = async () => (await admin(gw.url, 'GET', '/counters')).json.connections;

describe('connection limits', () => {
  it('answers 408 to a body sent 1 byte every 5 s once the request limit passes, closes, counts a timeout, and serves on', async () => {
    const x = await trickle(signInHead('30101', BODY.length), BODY, 5000);
    expect(x.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(x.received).toContain('the request did not arrive in time (headers within 1 s, the whole request within 2 s); the connection is closed');
    expect(x.ms).toBeGreaterThanOrEqual(TIMEOUTS.requestMs - 50);
    expect(x.written, 'cut off before the third byte (10 s)').toBeLessThanOrEqual(2);
    expect(await counters()).toEqual({ clientAborts: 0, timeouts: 1, malformed: 0 });
    expect(log.join('\n')).not.toContain('bug');
    expect(log.join('\n')).toMatch(/ login PUT \/agentgateway\/resource\/onlineagent\/30101 408 client\.timeout /);
    await bargeWorks();
  });

  it('answers 408 (not 400) to headers that do not arrive in time', async () => {
    const x = await trickle('GET /agentgateway/resource/onlineagent/30101/agentstatus HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'Guid: x\r\n', 5000);
    expect(x.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(await counters()).toMatchObject({ timeouts: 1 });
    await bargeWorks();
  });

  it('closes an idle keep-alive connection after the keep-alive limit without answering anything more', async () => {
    // Given up after 4 s: longer than the limit (0.5 s) and Node's check, shorter than Node's own default (5 s).
    const x = await trickle('GET /agentgateway/resource/onlineagent/30101/agentstatus HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', '', 0, 4000);
    expect(x.received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(x.received.match(/HTTP\/1\.1/g)).toHaveLength(1);
    expect(x.received).not.toContain('(still open)');
    expect(await counters()).toEqual({ clientAborts: 0, timeouts: 0, malformed: 0 });
  });

  it('counts a client that leaves in the middle of a body as a client abort, never as a bug of the mock', async () => {
    for (const head of [signInHead('30101', 100), 'POST /__admin/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n']) {
      await new Promise<void>((resolve) => {
        const socket = connect(gw.port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.on('close', () => resolve());
        socket.write(`${head}{"password":`, () => setTimeout(() => socket.destroy(), 50));
      });
    }
    await expect.poll(counters).toEqual({ clientAborts: 2, timeouts: 0, malformed: 0 });
    const lines = log.join('\n');
    expect(lines).not.toContain('bug');
    expect(lines).toMatch(/ login PUT \/agentgateway\/resource\/onlineagent\/30101 0 client\.aborted /);
    await bargeWorks();
  });

  it('answers 431 to oversized headers and 400 to what is not HTTP, counting both as malformed', async () => {
    const big = await trickle(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: ${'x'.repeat(20_000)}\r\n\r\n`, '', 0);
    expect(big.received).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    const junk = await trickle('HELLO\r\n\r\n', '', 0);
    expect(junk.received).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*the request is not valid HTTP\/1\.1 \(HPE_/);
    expect(await counters()).toEqual({ clientAborts: 0, timeouts: 0, malformed: 2 });
    await bargeWorks();
  });

  it('refuses limits that contradict each other, naming them', () => {
    expect(timeoutsProblem(DEFAULT_CONNECTION_TIMEOUTS)).toBeUndefined();
    expect(timeoutsProblem({ headersMs: 5000, requestMs: 1000, keepAliveMs: 1000 })).toBe('headersMs (5000 ms) must not exceed requestMs (1000 ms): the whole request includes its headers');
    expect(timeoutsProblem({ headersMs: 0, requestMs: 1000, keepAliveMs: 1000 })).toBe('headersMs 0 ms must be from 1 ms to 1 h');
  });

  // Beyond ~24.8 days a Node timer fires at once: a long poll would answer immediately.
  it('refuses a wait no timer can hold, naming it, before it listens', async () => {
    await expect(startMockGateway({ port: 0, pollWaitMs: 3_000_000_000 })).rejects.toThrow('mock gateway timeouts: pollWaitMs 3000000000 ms must be an integer from 0 to 2147483647 ms (~24.8 days, the longest a timer waits)');
    await expect(startMockGateway({ port: 0, signOutAfterMs: -1 })).rejects.toThrow(/signOutAfterMs -1 ms must be an integer from 0 to 2147483647 ms/);
  });
});
