import { describe, expect, it } from 'vitest';
import { operations, type OperationId } from '../generated/contract.ts';
import { GatewayClient } from './gateway-client.ts';
import { GatewayHttpError } from './errors.ts';
import { GUIDS, OK_EMPTY, okBodyFor, eventBody, retcodeBody, setGuid, signInOk, stateEvent, type FakeGatewayOptions } from './testing/fake-gateway.ts';
import { withFakeGateway } from './testing/with-fake-gateway.ts';

const SIGN_IN = { password: 'pw-30169', phonenum: '88830169' };

const fixture = withFakeGateway();
const setUp = (routes: FakeGatewayOptions['routes']) => fixture.start(routes);

describe('Guid from Set-GUID', () => {
  it('keeps the Guid after JSESSIONID= from the sign-in answer and sends it as the header "Guid" on the next call', async () => {
    const { gw, client } = await setUp({
      signIn: () => ({ headers: { 'Set-GUID': setGuid(GUIDS.first) }, body: signInOk('30169') }),
      addInsert: () => ({ body: OK_EMPTY }),
    });
    const session = client.agent('30169');

    const signIn = await session.signIn(SIGN_IN);
    await session.addInsert('30170');

    expect(signIn.ok).toBe(true);
    expect(session.guid).toBe(GUIDS.first);
    const [signInRequest, insertRequest] = gw.requests;
    expect(signInRequest?.headers['guid']).toBeUndefined();
    expect(insertRequest?.headers['guid']).toBe(GUIDS.first);
    expect(insertRequest?.rawHeaderNames).toContain('Guid');
  });

  it('sends the Guid on every operation the contract marks requiresGuid, and on no other', async () => {
    const withGuid = (Object.keys(operations) as OperationId[]).filter((op) => operations[op].requiresGuid);
    const routes = Object.fromEntries((Object.keys(operations) as OperationId[]).map((op) => [op, () => ({ body: okBodyFor(op) })]));
    // updateGuid hands the session a new Guid in its body: here the same one, so every later call still sends it.
    routes['updateGuid'] = () => ({ body: { message: 'success', retcode: '0', result: { guid: GUIDS.first } } });
    const { gw, client } = await setUp(routes);
    const session = client.agent('30169').useGuid(GUIDS.first);

    for (const op of Object.keys(operations) as OperationId[]) {
      await session.call(op, { workNo: '30170', path: { autoflag: 'true' }, body: op === 'signIn' || op === 'forceLogin' ? SIGN_IN : undefined });
    }

    const sentGuid = gw.requests.filter((r) => r.headers['guid'] === GUIDS.first).map((r) => r.operationId);
    expect(sentGuid.sort()).toEqual([...withGuid].sort());
    expect(withGuid).not.toContain('signIn');
    expect(withGuid).toContain('addInsert');
  });

  it('takes the new Guid of updateGuid from result.guid (the gateway sends no Set-GUID for it), and only on retcode 0', async () => {
    let answer: unknown = { message: '100-006', retcode: '100-006' };
    const { client } = await setUp({ updateGuid: () => ({ body: answer }) });
    const session = client.agent('30169').useGuid(GUIDS.first);
    await session.updateGuid();
    expect(session.guid).toBe(GUIDS.first);
    answer = { message: 'success', retcode: '0', result: { guid: GUIDS.rotated } };
    (await session.updateGuid()).expectOk();
    expect(session.guid).toBe(GUIDS.rotated);
  });

  it('replaces the Guid with the rotated one from the Set-GUID of an event poll (dynamic authentication)', async () => {
    const { gw, client } = await setUp({
      signIn: () => ({ headers: { 'set-guid': setGuid(GUIDS.first) }, body: signInOk('30169') }),
      getAgentEvent: () => ({ headers: { 'set-guid': setGuid(GUIDS.rotated) }, body: eventBody(stateEvent('AgentState_Ready')) }),
      agentStatus: () => ({ body: { message: '', retcode: '0', result: { agentState: 4, isWorking: false } } }),
    });
    const session = client.agent('30169');

    await session.signIn(SIGN_IN);
    const poll = await session.pollEvent();
    await session.agentStatus();

    expect(poll.ok && poll.event?.eventType).toBe('AgentState_Ready');
    expect(gw.requestsOf('getAgentEvent')[0]?.headers['guid']).toBe(GUIDS.first);
    expect(gw.requestsOf('agentStatus')[0]?.headers['guid']).toBe(GUIDS.rotated);
    expect(session.guid).toBe(GUIDS.rotated);
  });

  it('keeps the Guid of forcelogin, which replaces the old one', async () => {
    const { client } = await setUp({ forceLogin: () => ({ headers: { 'set-guid': setGuid(GUIDS.other) }, body: signInOk('30169') }) });
    const session = client.agent('30169').useGuid(GUIDS.first);

    await session.forceLogin(SIGN_IN);

    expect(session.guid).toBe(GUIDS.other);
  });

  it('keeps the current Guid when an answer carries no Set-GUID (a failed sign-in)', async () => {
    const { client } = await setUp({ signIn: () => ({ body: retcodeBody('100-002', 'agent has login') }) });
    const session = client.agent('30169').useGuid(GUIDS.first);

    const reply = await session.signIn(SIGN_IN);

    expect(reply.retcode).toBe('100-002');
    expect(session.guid).toBe(GUIDS.first);
  });

  it('ignores Set-GUID on an answer that is not HTTP 200', async () => {
    const { client } = await setUp({ addInsert: () => ({ status: 503, headers: { 'set-guid': setGuid(GUIDS.other) }, rawBody: 'busy' }) });
    const session = client.agent('30169').useGuid(GUIDS.first);

    await expect(session.addInsert('30170')).rejects.toBeInstanceOf(GatewayHttpError);

    expect(session.guid).toBe(GUIDS.first);
  });
});

describe('useGuid for tests that send a wrong Guid or none', () => {
  it("sends another agent's Guid when told to", async () => {
    const { gw, client } = await setUp({
      signIn: (r) => ({ headers: { 'set-guid': setGuid(r.params['agentid'] === '30169' ? GUIDS.first : GUIDS.other) }, body: signInOk(r.params['agentid'] ?? '') }),
      addInsert: () => ({ body: retcodeBody('100-006', 'agent not login') }),
    });
    const inspector = client.agent('30169');
    const target = client.agent('30170');
    await inspector.signIn(SIGN_IN);
    await target.signIn({ password: 'pw-30170', phonenum: '88830170' });

    const reply = await inspector.useGuid(target.guid).addInsert('30170');

    expect(reply.retcode).toBe('100-006');
    expect(gw.requestsOf('addInsert')[0]?.headers['guid']).toBe(GUIDS.other);
  });

  it('sends no Guid header at all after useGuid(undefined)', async () => {
    const { gw, client } = await setUp({ addInsert: () => ({ body: retcodeBody('100-006') }) });
    const session = client.agent('30169').useGuid(GUIDS.first).useGuid(undefined);

    await session.addInsert('30170');

    expect(session.guid).toBeUndefined();
    expect(gw.requestsOf('addInsert')[0]?.headers).not.toHaveProperty('guid');
  });

  it('refuses a Guid that cannot be an HTTP header value, naming it', () => {
    const session = new GatewayClient({ baseUrl: 'http://127.0.0.1:1' }).agent('30169');

    expect(() => session.useGuid('bad\r\nInjected: 1')).toThrow(/useGuid needs a string that can be an HTTP header value.*bad\\r\\nInjected/);
  });

  it('gives each session of the same agent its own Guid', async () => {
    const guids = [GUIDS.first, GUIDS.other];
    const { client } = await setUp({ forceLogin: () => ({ headers: { 'set-guid': setGuid(guids.shift() ?? 'none') }, body: signInOk('30169') }) });
    const firstBrowser = client.agent('30169');
    const secondBrowser = client.agent('30169');

    await firstBrowser.forceLogin(SIGN_IN);
    await secondBrowser.forceLogin(SIGN_IN);

    expect(firstBrowser.guid).toBe(GUIDS.first);
    expect(secondBrowser.guid).toBe(GUIDS.other);
  });
});
