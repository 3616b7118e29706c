import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockGateway, type MockGateway } from './mock-gateway.ts';
import { admin, signInDemo } from './testing/call.ts';

let gw: MockGateway;
beforeAll(async () => {
  gw = await startMockGateway({ port: 0 });
});
afterAll(() => gw.close());

/** An admin call with exactly these headers (node:http, so that Host and Origin can be set as a browser would). */
function adminCall(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: gw.port, method, path: `/__admin${path}`, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const signedIn = async (id: string) => (await admin(gw.url, 'GET', `/agents/${id}`)).json.session !== null;

describe('the admin API gate', () => {
  it('refuses the POST a web page can send without a preflight (text/plain, foreign Origin), and nothing changes', async () => {
    await signInDemo(gw.url, '30110');
    const host = `127.0.0.1:${gw.port}`;
    const page = await adminCall('POST', '/reset', { Host: host, Origin: 'http://evil.example', 'Content-Type': 'text/plain' }, '{}');
    expect(page.status).toBe(403);
    expect(page.json.detail).toContain('cross-origin admin calls are refused (Origin "http://evil.example")');
    const plain = await adminCall('POST', '/reset', { Host: host, 'Content-Type': 'text/plain' }, '{}');
    expect(plain.status).toBe(415);
    expect(plain.json.detail).toBe('POST admin calls need the header Content-Type: application/json (got "text/plain")');
    const none = await adminCall('POST', '/reset', { Host: host });
    expect(none.status).toBe(415);
    expect(await signedIn('30110')).toBe(true);
  });

  it('refuses a request whose Host is not a loopback name (a page whose name was rebound to 127.0.0.1)', async () => {
    const rebound = await adminCall('POST', '/reset', { Host: `rebound.example:${gw.port}`, 'Content-Type': 'application/json' }, '{}');
    expect(rebound.status).toBe(403);
    expect(rebound.json.detail).toContain('Host "rebound.example:');
    expect(await signedIn('30110')).toBe(true);
  });

  it('accepts a JSON call from a script (no Origin) or from its own origin, to 127.0.0.1, localhost or [::1] names', async () => {
    expect((await adminCall('GET', '/health', { Host: `localhost:${gw.port}` })).status).toBe(200);
    expect((await adminCall('GET', '/health', { Host: `[::1]:${gw.port}` })).status).toBe(200);
    const own = `http://127.0.0.1:${gw.port}`;
    expect((await adminCall('DELETE', '/faults', { Host: `127.0.0.1:${gw.port}`, Origin: own, 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
    expect((await adminCall('POST', '/reset', { Host: `127.0.0.1:${gw.port}`, 'Content-Type': 'application/json' })).status).toBe(200);
    expect(await signedIn('30110')).toBe(false);
  });

  it('checks the admin token whatever its length, and names the header', async () => {
    const guarded = await startMockGateway({ port: 0, adminToken: 's3cret' });
    try {
      for (const token of ['s3creT', 's3', 's3cret-and-more', '']) {
        const r = await admin(guarded.url, 'GET', '/health', undefined, { 'X-Admin-Token': token });
        expect(r.status, token).toBe(401);
        expect(r.json.detail).toBe('send the X-Admin-Token header given to ccgw mock --admin-token');
      }
      expect((await admin(guarded.url, 'POST', '/reset', undefined, { 'X-Admin-Token': 's3cret' })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
