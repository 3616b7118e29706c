import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockGateway, type MockGateway } from '../../src/gateway/index.ts';
import { startForwardingProxy, type ForwardingProxy, type ProxyAnswer } from './forwarding-proxy.ts';
import { verifyMockQuietly } from './testing/verify-quietly.ts';

// The mock is broken on purpose by a proxy in front of it, never by a switch in the mock: the verifier's requests go
// through the proxy, the provider states go to the mock directly.
let gw: MockGateway;
let proxy: ForwardingProxy | undefined;

beforeAll(async () => {
  gw = await startMockGateway({ port: 0, pollWaitMs: 300 });
});

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

afterAll(async () => {
  await gw.close();
});

function rewriteJson(answer: ProxyAnswer, edit: (body: Record<string, unknown>) => Record<string, unknown>): ProxyAnswer {
  return { ...answer, body: Buffer.from(JSON.stringify(edit(JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>))) };
}

describe('verification of a mock whose answers break the contract', () => {
  it('fails addinsert with a message naming the interaction and the fields: retcode as a number, message missing', async () => {
    // Arrange
    proxy = await startForwardingProxy({
      upstream: gw.url,
      transform: (req, answer) =>
        req.path.includes('/addinsert/')
          ? rewriteJson(answer, ({ message: _dropped, retcode, ...rest }) => ({ ...rest, retcode: /^[0-9]+$/.test(String(retcode)) ? Number(retcode) : retcode }))
          : undefined,
    });

    // Act
    const result = await verifyMockQuietly({ gatewayUrl: proxy.url, adminUrl: gw.url });

    // Assert
    const ok = result.cases.find((c) => c.id === 'pact.addinsert.ok');
    expect(result.outcome).toBe('failed');
    expect(ok?.outcome).toBe('failed');
    expect(ok?.failure?.message).toMatch(/^an addinsert into a signed-in agent of the same VDN: the gateway's answer does not match the pact\n/);
    expect(ok?.failure?.message).toContain("body $.retcode: Expected 0 (Integer) to be equal to '0' (String)");
    expect(ok?.failure?.message).toContain('body $: Actual map is missing the following keys: message');
    expect(ok?.observed).toEqual({ httpStatus: 200, retcode: '0' });
    expect(result.junit).toContain('message="an addinsert into a signed-in agent of the same VDN: the gateway&apos;s answer does not match the pact"');
    // What Pact printed is kept, not shown: the failures it lists are the ones the cases report.
    expect(result.transcript).toContain('There were 9 pact failures');
    expect(result.transcript).toMatch(/Given an idle inspector and a signed-in agent of the same VDN - an addinsert into a signed-in agent of the same VDN/);
  });

  it('fails only the interactions whose answers were broken', async () => {
    proxy = await startForwardingProxy({
      upstream: gw.url,
      transform: (req, answer) => (req.path.includes('/addinsert/') ? rewriteJson(answer, ({ message: _dropped, ...rest }) => rest) : undefined),
    });

    const result = await verifyMockQuietly({ gatewayUrl: proxy.url, adminUrl: gw.url });

    const failed = result.cases.filter((c) => c.outcome === 'failed').map((c) => c.id);
    expect(failed.every((id) => id.startsWith('pact.addinsert.'))).toBe(true);
    expect(failed).toHaveLength(9);
    expect(result.cases.filter((c) => c.outcome === 'passed').map((c) => c.id)).toEqual(
      expect.arrayContaining(['pact.signin.ok', 'pact.cancelinsert.ok', 'pact.event.inspector-busy', 'pact.event.target-be-qc-start']),
    );
  });

  it('fails the sign-in when the answer lacks the Set-GUID header, naming the header', async () => {
    proxy = await startForwardingProxy({
      upstream: gw.url,
      transform: (req, answer) => {
        if (req.method !== 'PUT' || !/\/onlineagent\/[0-9]+$/.test(req.path)) return undefined;
        const { 'set-guid': _dropped, ...headers } = answer.headers;
        return { ...answer, headers };
      },
    });

    const result = await verifyMockQuietly({ gatewayUrl: proxy.url, adminUrl: gw.url });

    const signIn = result.cases.find((c) => c.id === 'pact.signin.ok');
    expect(signIn?.outcome).toBe('failed');
    expect(signIn?.failure?.message).toMatch(/^a sign-in of an inspector: the gateway's answer does not match the pact\n {2}header Set-GUID: /);
  });

  it('fails an event poll whose eventType differs, naming the field and both values', async () => {
    proxy = await startForwardingProxy({
      upstream: gw.url,
      transform: (req, answer) =>
        req.path.includes('/agentevent/')
          ? rewriteJson(answer, (body) => {
              const event = body['event'] as { eventType?: string } | null;
              return event?.eventType === 'AgentOther_BeQcStart' ? { ...body, event: { ...event, eventType: 'AgentOther_BeQcStop' } } : body;
            })
          : undefined,
    });

    const result = await verifyMockQuietly({ gatewayUrl: proxy.url, adminUrl: gw.url });

    const poll = result.cases.find((c) => c.id === 'pact.event.target-be-qc-start');
    expect(poll?.failure?.message).toContain("body $.event.eventType: Expected 'AgentOther_BeQcStop' (String) to be equal to 'AgentOther_BeQcStart' (String)");
  });
});
