import { describe, expect, it } from 'vitest';
import { parseBaseUrl } from './base-url.ts';
import { operationPath } from './operation-path.ts';
import { okBodyFor } from './testing/fake-gateway.ts';
import { withFakeGateway } from './testing/with-fake-gateway.ts';
import { operations, type OperationId } from '../generated/contract.ts';

const fixture = withFakeGateway();
const allRoutes = Object.fromEntries((Object.keys(operations) as OperationId[]).map((op) => [op, () => ({ body: okBodyFor(op) })]));
const SIGN_IN = { password: 'pw', phonenum: '88830169' };

describe('each method calls its operation of the contract', () => {
  it('with the documented method and path', async () => {
    const { gw, client } = await fixture.start(allRoutes);
    const s = client.agent('30169');

    await s.signIn(SIGN_IN);
    await s.forceLogin(SIGN_IN);
    await s.sayFree();
    await s.sayBusy();
    await s.agentStatus();
    await s.pollEvent();
    await s.addInsert('30170');
    await s.cancelInsert('30170');
    await s.logout();
    await s.forceLogout();

    // Written out by hand from the interface documents, to cross-check the generated table.
    expect(gw.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'PUT /agentgateway/resource/onlineagent/30169',
      'PUT /agentgateway/resource/onlineagent/30169/forcelogin',
      'POST /agentgateway/resource/onlineagent/30169/sayfree',
      'POST /agentgateway/resource/onlineagent/30169/saybusy',
      'GET /agentgateway/resource/onlineagent/30169/agentstatus',
      'GET /agentgateway/resource/agentevent/30169',
      'PUT /agentgateway/resource/qualitycontrol/30169/addinsert/30170',
      'DELETE /agentgateway/resource/qualitycontrol/30169/30170',
      'DELETE /agentgateway/resource/onlineagent/30169/logout',
      'DELETE /agentgateway/resource/onlineagent/30169/forcelogout',
    ]);
  });

  it('always with Content-Type application/json; charset=UTF-8, and a Content-Length on every call but GET', async () => {
    const { gw, client } = await fixture.start(allRoutes);
    const s = client.agent('30169');

    await s.signIn(SIGN_IN);
    await s.addInsert('30170');
    await s.agentStatus();

    expect(gw.requests.map((r) => r.headers['content-type'])).toEqual(Array(3).fill('application/json; charset=UTF-8'));
    expect(gw.requests.map((r) => r.headers['content-length'])).toEqual([String(JSON.stringify(SIGN_IN).length), '0', undefined]);
    expect(gw.requests[0]?.headers['transfer-encoding']).toBeUndefined();
    expect(JSON.parse(gw.requests[0]?.body ?? '')).toEqual(SIGN_IN);
    expect(gw.requests[1]?.body).toBe('');
  });

  it('sends the busy reason and prolong as query parameters, and leaves out absent ones', async () => {
    const { gw, client } = await fixture.start(allRoutes);
    const s = client.agent('30169');

    await s.sayBusy({ reason: 201, prolong: true });
    await s.sayBusy({ reason: 300 });
    await s.sayBusy({ prolong: false });

    expect(gw.requests.map((r) => r.url.split('saybusy')[1])).toEqual(['?reason=201&prolong=true', '?reason=300', '?prolong=false']);
  });

  it('percent-encodes malformed IDs so that each reaches the gateway as one path segment', async () => {
    const { gw, client } = await fixture.start({});

    for (const id of ['0123', 'abc', '30169?x=1', '../30170', '', 'é']) await client.agent(id).addInsert('30170').catch(() => undefined);

    expect(gw.requests.map((r) => r.url)).toEqual([
      '/agentgateway/resource/qualitycontrol/0123/addinsert/30170',
      '/agentgateway/resource/qualitycontrol/abc/addinsert/30170',
      '/agentgateway/resource/qualitycontrol/30169%3Fx%3D1/addinsert/30170',
      '/agentgateway/resource/qualitycontrol/..%2F30170/addinsert/30170',
      '/agentgateway/resource/qualitycontrol//addinsert/30170',
      '/agentgateway/resource/qualitycontrol/%C3%A9/addinsert/30170',
    ]);
  });

  it('puts a base URL path prefix in front of the operation path', async () => {
    const { gw } = await fixture.start({});
    const client = fixture.client({ baseUrl: `${gw.baseUrl}/gw/` });

    await client.agent('30169').agentStatus().catch(() => undefined);

    expect(gw.requests[0]?.url).toBe('/gw/agentgateway/resource/onlineagent/30169/agentstatus');
  });

  it('calls any operation by operationId through call()', async () => {
    const { gw, client } = await fixture.start(allRoutes);

    const reply = await client.agent('30169').call('cancelInsert', { workNo: '30171' });

    expect(reply).toMatchObject({ operationId: 'cancelInsert', ok: true });
    expect(gw.requests[0]?.url).toBe('/agentgateway/resource/qualitycontrol/30169/30171');
    await expect(client.agent('30169').call('nope' as OperationId)).rejects.toThrow(/unknown operationId "nope"; use one of addInsert, /);
  });
});

describe('operationPath', () => {
  it('names a missing path parameter', () => {
    expect(() => operationPath('addInsert', { agentid: '30169' } as never)).toThrow('addInsert needs the path parameter workNo as a string (an agent ID such as "30170"), got nothing');
  });

  it('names a query parameter the contract does not list', () => {
    expect(() => operationPath('sayFree', { agentid: '1' }, { reason: 1 } as never)).toThrow('sayFree has no query parameter "reason"; the contract lists: none');
  });
});

describe('parseBaseUrl', () => {
  it('accepts http and https with or without port and prefix', () => {
    expect(parseBaseUrl('http://127.0.0.1:8000/')).toEqual({ protocol: 'http:', hostname: '127.0.0.1', port: 8000, pathPrefix: '', href: 'http://127.0.0.1:8000' });
    expect(parseBaseUrl('https://gw.example/prefix')).toMatchObject({ port: 443, pathPrefix: '/prefix', href: 'https://gw.example/prefix' });
    expect(parseBaseUrl('http://[::1]:8000')).toMatchObject({ hostname: '::1', href: 'http://[::1]:8000' });
  });

  it('refuses what is not a gateway base URL, saying what to give instead', () => {
    expect(() => parseBaseUrl('127.0.0.1:8000')).toThrow(/must start with http:\/\/ or https:\/\/, e\.g\. http:\/\/127\.0\.0\.1:8000/);
    expect(() => parseBaseUrl('localhost:8000')).toThrow(/must start with http:\/\/ or https:\/\//);
    expect(() => parseBaseUrl('ftp://gw')).toThrow(/must start with http:\/\/ or https:\/\//);
    expect(() => parseBaseUrl('http://')).toThrow(/base URL "http:\/\/" is not a URL/);
    expect(() => parseBaseUrl('http://h:1/?q=1')).toThrow(/must not have a query or fragment/);
    expect(() => parseBaseUrl('https://admin:secret@gw:8043')).toThrow(/must not carry credentials/);
    expect(() => parseBaseUrl('https://admin:secret@gw:8043')).not.toThrow(/secret/);
  });
});
