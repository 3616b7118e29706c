import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockGateway, type MockGateway } from './mock-gateway.ts';
import { admin, call, signInDemo } from './testing/call.ts';

let gw: MockGateway;
let guid: string;
beforeAll(async () => {
  gw = await startMockGateway({ port: 0, pollWaitMs: 20 });
  guid = await signInDemo(gw.url, '30101');
  await signInDemo(gw.url, '30201');
  expect((await call(gw.url, 'addInsert', { agentid: '30101', workNo: '30201' }, { guid })).json.retcode).toBe('0');
});
afterAll(() => gw.close());

/** Sends raw bytes and returns the status line's code, or null when the server closed without answering. */
function rawRequest(port: number, bytes: Buffer): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(3000, () => socket.destroy());
    socket.on('data', (c) => {
      chunks.push(c);
      const head = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      if (m) {
        socket.destroy();
        resolve(Number(m[1]));
      }
    });
    socket.on('error', () => resolve(null));
    socket.on('close', () => resolve(null));
    socket.write(bytes);
    socket.end();
  });
}

const segment = fc.oneof(
  fc.constantFrom('agentgateway', 'resource', 'qualitycontrol', 'onlineagent', 'agentevent', 'addinsert', 'logout', 'forcelogin', 'sayfree', 'saybusy', 'agentstatus', '__admin', 'agents', 'state', '30101', '30201', '0', '60000', '-1', '%00', '%ZZ', '%2F', '..', '', ' ', '١٠١'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -10, max: 2_000_000 }).map(String),
);
const method = fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'FOO', 'put');
const path = fc.oneof(
  fc.array(segment, { maxLength: 8 }).map((segs) => `/${segs.map((s) => s.replace(/[\s\r\n]/g, '')).join('/')}`),
  fc.array(segment, { minLength: 1, maxLength: 3 }).map((segs) => `/agentgateway/resource/qualitycontrol/${segs.map((s) => encodeURIComponent(s)).join('/')}`),
  fc.array(segment, { maxLength: 2 }).map((segs) => `/agentgateway/resource/onlineagent/${segs.map((s) => encodeURIComponent(s)).join('/')}`),
);
const header = fc.tuple(fc.constantFrom('Guid', 'guid', 'Content-Type', 'Cookie', 'X-Admin-Token', 'Transfer-Encoding', 'Content-Length', 'X-Junk'), fc.string({ maxLength: 40 }));
const body = fc.oneof(
  fc.constant(''),
  fc.json(),
  fc.string({ maxLength: 200 }),
  fc.constant('{"password":"demo","phonenum":"88830102","status":"4"}'),
  fc.constant('{"password":'),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a).toString('latin1')),
);

function buildRequest(m: string, p: string, headers: [string, string][], b: string, mangle: number): Buffer {
  const lines = [`${m} ${p} HTTP/1.1`, 'Host: 127.0.0.1', ...headers.map(([k, v]) => `${k}: ${v.replace(/[\r\n]/g, '')}`)];
  if (!headers.some(([k]) => k.toLowerCase() === 'content-length' || k.toLowerCase() === 'transfer-encoding')) lines.push(`Content-Length: ${Buffer.byteLength(b, 'latin1')}`);
  let text = `${lines.join('\r\n')}\r\n\r\n${b}`;
  if (mangle === 1) text = text.replace('\r\n', '\n');
  if (mangle === 2) text = text.slice(0, Math.max(1, text.length >> 1));
  if (mangle === 3) text = `\u0000${text}`;
  return Buffer.from(text, 'latin1');
}

describe('the mock gateway under malformed input', () => {
  it('never answers 5xx, never crashes, and loses no state (random methods, paths, headers, bodies, broken HTTP)', async () => {
    const seen = new Set<number | null>();
    await fc.assert(
      fc.asyncProperty(method, path, fc.array(header, { maxLength: 4 }), body, fc.integer({ min: 0, max: 6 }), async (m, p, h, b, mangle) => {
        const status = await rawRequest(gw.port, buildRequest(m, p, h, b, mangle > 3 ? 0 : mangle));
        seen.add(status);
        expect(status === null || status < 500, `HTTP ${status} for ${m} ${p}`).toBe(true);
      }),
      { numRuns: 400 },
    );
    const health = await admin(gw.url, 'GET', '/health');
    expect(health.json.ok).toBe(true);
    const inspector = (await admin(gw.url, 'GET', '/agents/30101')).json.session;
    expect(inspector).toMatchObject({ barging: '30201' });
    expect((await admin(gw.url, 'GET', '/audit')).json.violationCount).toBe(0);
    expect(seen.has(404) && seen.has(400)).toBe(true);
  });

  it('answers an oversized body with 413 and a broken JSON sign-in body with 400, naming the problem', async () => {
    const big = await fetch(`${gw.url}/agentgateway/resource/onlineagent/30105`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
    const broken = await fetch(`${gw.url}/agentgateway/resource/onlineagent/30105`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"password":' });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toMatch(/^the body is not valid JSON/);
  });

  it('answers an empty or non-object sign-in body with 100-001', async () => {
    for (const b of [undefined, [], 'text', 42]) {
      const r = await call(gw.url, 'signIn', { agentid: '30106' }, b === undefined ? {} : { body: b });
      expect(r.json.retcode, JSON.stringify(b)).toBe('100-001');
    }
  });
});
