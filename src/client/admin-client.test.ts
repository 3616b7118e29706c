import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockGateway, type MockGateway } from '../gateway/mock-gateway.ts';
import { MOCK_SERVER_NAME } from '../shared/admin-api.ts';
import { AdminCallError, AdminClient } from './admin-client.ts';

let open: MockGateway;
let guarded: MockGateway;
let tls: MockGateway;

beforeAll(async () => {
  [open, guarded, tls] = await Promise.all([startMockGateway({ port: 0 }), startMockGateway({ port: 0, adminToken: 's3cret' }), startMockGateway({ port: 0, tls: 'self-signed' })]);
});

afterAll(async () => {
  await Promise.all([open.close(), guarded.close(), tls.close()]);
});

describe('the admin client', () => {
  it('puts agents into states, injects faults and reads the snapshot and the audit of a real mock', async () => {
    const admin = new AdminClient({ baseUrl: `${open.url}/` });
    expect((await admin.health()).server).toBe(MOCK_SERVER_NAME);
    await admin.reset();
    const guid = await admin.putState('30101', { signedIn: true, status: 4 });
    expect(guid).toMatch(/\S/);
    expect(Object.keys(await admin.signIn({ ids: ['30201', '30202'] }))).toEqual(['30201', '30202']);
    expect((await admin.snapshot()).map((a) => a.id).sort()).toEqual(['30101', '30201', '30202']);
    await admin.setFaults([{ operation: 'addInsert', retcode: '900-001' }]);
    await admin.clearFaults();
    expect(await admin.putState('30101', { signedIn: false })).toBeNull();
    expect((await admin.audit()).violations).toEqual([]);
    expect((await admin.counters()).connections.clientAborts).toBe(0);
    await admin.reset();
    expect(await admin.snapshot()).toEqual([]);
  });

  it('sends the token, and names it as the fix when the mock refuses the call', async () => {
    await expect(new AdminClient({ baseUrl: guarded.url }).reset()).rejects.toThrow(/answered HTTP 401: .*--admin-token/);
    await expect(new AdminClient({ baseUrl: guarded.url, token: 's3cret' }).reset()).resolves.toBeUndefined();
  });

  it('reaches a mock served over TLS with the gateway\'s trust options, and refuses its certificate without them', async () => {
    expect((await new AdminClient({ baseUrl: tls.url, tls: { ca: tls.certificate! } }).health()).ok).toBe(true);
    const refused = await new AdminClient({ baseUrl: tls.url }).send('GET', '/__admin/health');
    expect(refused).toMatchObject({ status: 0, error: expect.stringMatching(/certificate/) });
  });

  it('names the call and the fix when nothing answers or the body is wrong', async () => {
    const err = await new AdminClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 2000 }).health().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdminCallError);
    expect((err as AdminCallError).status).toBe(0);
    expect((err as AdminCallError).message).toMatch(/^GET http:\/\/127\.0\.0\.1:1\/__admin\/health: no answer .*ccgw mock/);
    const bad = (await new AdminClient({ baseUrl: open.url }).signIn({ from: 5, to: 1 }).catch((e: unknown) => e)) as AdminCallError;
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/__admin\/agents\/sign-in answered HTTP 400: .*5 must not be greater than .*1/);
  });
});
