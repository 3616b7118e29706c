import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockGateway, type MockGateway } from './mock-gateway.ts';
import { admin, call, signInDemo } from './testing/call.ts';

let gw: MockGateway;
beforeAll(async () => {
  gw = await startMockGateway({ port: 0, pollWaitMs: 20 });
});
afterAll(() => gw.close());

/** An admin call with a raw body text (JSON.stringify cannot write `1e400`). */
async function adminRaw(method: string, path: string, body: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${gw.url}/__admin${path}`, { method, headers: { 'Content-Type': 'application/json' }, body });
  return { status: res.status, json: await res.json() };
}

/** Signs an inspector and an agent in over the public calls and barges: the mock still serves a normal flow. */
async function bargeWorks(inspector: string, agent: string): Promise<void> {
  const guid = await signInDemo(gw.url, inspector);
  await signInDemo(gw.url, agent);
  expect((await call(gw.url, 'addInsert', { agentid: inspector, workNo: agent }, { guid })).json.retcode).toBe('0');
  expect((await call(gw.url, 'cancelInsert', { agentid: inspector, workNo: agent }, { guid })).json.retcode).toBe('0');
  await admin(gw.url, 'POST', '/reset');
}

describe('admin API bodies (JSON Schemas in admin-schemas/)', () => {
  it('answers 400 naming "to" for a sign-in range up to 1e400 (which once hung the mock for good), and serves on', async () => {
    const r = await adminRaw('POST', '/agents/sign-in', '{"from":0,"to":1e400}');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: 'bad-request', detail: 'POST /__admin/agents/sign-in: "to" Infinity must be an integer (see src/gateway/admin-schemas/ and docs/mock-gateway.md)' });
    await bargeWorks('30101', '30201');
  });

  it.each([
    ['{"from":0,"to":1000000}', '"to" 1000000 must be <= 999999'],
    ['{"from":-1,"to":5}', '"from" -1 must be >= 0'],
    ['{"from":1.5,"to":5}', '"from" 1.5 must be an integer'],
    ['{"from":"1","to":5}', '"from" "1" must be an integer'],
    ['{"from":1}', '"from" needs "to" too'],
    ['{"from":9,"to":1}', '"from" 9 must not be greater than "to" 1'],
    ['{"ids":["30101"],"from":1,"to":2}', 'give either "ids" or "from" and "to", not both'],
    ['{}', 'give "ids": [..] or "from" and "to"'],
    ['{"ids":[30101]}', '"ids[0]" 30101 must be of type string'],
    ['{"ids":["030101"]}', '"ids[0]" "030101" must match pattern'],
    ['{"ids":["30101"],"status":7}', '"status" 7 must be one of 3, 4, 5'],
    ['{"ids":["30101"],"force":true}', 'the body has an unknown property "force"'],
    ['[]', 'the body must be a JSON object, not []'],
  ])('refuses the sign-in body %s at once, naming the field: %s', async (body, detail) => {
    const r = await adminRaw('POST', '/agents/sign-in', body);
    expect(r.status).toBe(400);
    expect(r.json.detail).toContain(detail);
  });

  it('signs in every account of a range as wide as the ID space, walking the accounts rather than the numbers', async () => {
    const r = await adminRaw('POST', '/agents/sign-in', '{"from":0,"to":999999,"status":3}');
    expect(r.status).toBe(200);
    const ids = Object.keys(r.json.guids);
    expect(ids.length).toBe(gw.state.world.size);
    expect(ids).toEqual([...ids].sort((a, b) => Number(a) - Number(b)));
    const narrow = await adminRaw('POST', '/agents/sign-in', '{"from":30101,"to":30103}');
    expect(Object.keys(narrow.json.guids)).toEqual(['30101', '30102', '30103']);
    await admin(gw.url, 'POST', '/reset');
  });

  it('signs nobody in when one of the IDs is unknown', async () => {
    const r = await adminRaw('POST', '/agents/sign-in', '{"ids":["30101","99999"]}');
    expect(r.status).toBe(404);
    expect(r.json.detail).toBe('agent "99999" is not in the fixtures; nobody was signed in');
    expect((await admin(gw.url, 'GET', '/agents/30101')).json.session).toBeNull();
  });

  it.each([
    ['{"signedIn":"yes"}', '"signedIn" "yes" must be of type boolean'],
    ['{"status":4}', 'the body is missing "signedIn"'],
    ['{"signedIn":true,"guid":"has space"}', '"guid" "has space" must match pattern'],
    [`{"signedIn":true,"guid":"${'g'.repeat(201)}"}`, '"guid" "ggggggggg'],
    ['{"signedIn":true,"bargedBy":30101}', '"bargedBy" 30101 must be of type string'],
  ])('refuses the agent-state body %s, naming the field', async (body, detail) => {
    const r = await adminRaw('PUT', '/agents/30102/state', body);
    expect(r.status).toBe(400);
    expect(r.json.detail).toContain(detail);
  });

  it('refuses a reset body other than { fixtures }, and keeps the state', async () => {
    await signInDemo(gw.url, '30104');
    const r = await adminRaw('POST', '/reset', '{"fixture":{}}');
    expect(r.status).toBe(400);
    expect(r.json.detail).toContain('the body has an unknown property "fixture"');
    expect((await admin(gw.url, 'GET', '/agents/30104')).json.session).not.toBeNull();
    await admin(gw.url, 'POST', '/reset');
  });
});

describe('GET /__admin/fixtures: the fixtures document the accounts came from, as written', () => {
  it('answers the built-in demo document and says so in /__admin/health', async () => {
    const health = await admin(gw.url, 'GET', '/health');
    const r = await admin(gw.url, 'GET', '/fixtures');

    expect(health.json.server).toBe('ccgw mock');
    expect(r.status).toBe(200);
    expect(r.json.source).toBe('built-in demo fixtures');
    expect(r.json.document.ranges).toHaveLength(3);
    expect(r.json.document.unconfiguredIds).toEqual(['50000', '101', '59999', '999999']);
  });

  it('answers password references as written, never the passwords they resolve to, and follows PUT /__admin/fixtures', async () => {
    process.env['CCGW_TEST_ADMIN_FIXTURES_PW'] = 'resolved-secret';
    try {
      const document = { name: 'mine', agents: [{ id: '30101', vdn: 1, inspector: true, phone: '88830101', password: { env: 'CCGW_TEST_ADMIN_FIXTURES_PW' } }] };
      expect((await admin(gw.url, 'PUT', '/fixtures', document)).status).toBe(200);

      const r = await admin(gw.url, 'GET', '/fixtures');

      expect(r.json).toEqual({ source: 'PUT /__admin/fixtures', document });
      expect(JSON.stringify(r.json)).not.toContain('resolved-secret');
    } finally {
      delete process.env['CCGW_TEST_ADMIN_FIXTURES_PW'];
      await admin(gw.url, 'POST', '/reset', { fixtures: JSON.parse(JSON.stringify((await import('../fixtures/demo.json', { with: { type: 'json' } })).default)) });
    }
  });
});
