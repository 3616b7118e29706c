import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFixtures } from '../../src/fixtures/index.ts';
import { startMockGateway, type MockGateway } from '../../src/gateway/index.ts';
import { startForwardingProxy, type ForwardingProxy } from './forwarding-proxy.ts';
import { verifyGatewayQuietly, type QuietVerification } from './testing/verify-quietly.ts';

// A long poll answered "no event" means the verification waited for nothing. The mock waits long before it answers
// so (far longer than the whole verification takes when it waits only for what it expects), and a proxy in front of
// it records what every event poll answered, whoever polled: the state handlers or the Pact verifier.
const POLL_WAIT_MS = 20_000;

let gw: MockGateway;
let proxy: ForwardingProxy;
const polls: { path: string; answer: string }[] = [];
let result: QuietVerification;

/** What one event poll answered: the event type, "no event", or the retcode of a refused poll. */
function answerOf(body: string): string {
  const json = JSON.parse(body) as { retcode?: string; event?: { eventType?: string } | null };
  if (json.retcode !== '0') return `retcode ${json.retcode}`;
  return json.event?.eventType ?? 'no event';
}

beforeAll(async () => {
  gw = await startMockGateway({ port: 0, pollWaitMs: POLL_WAIT_MS });
  proxy = await startForwardingProxy({
    upstream: gw.url,
    onExchange: (e) => {
      if (e.path.includes('/agentevent/')) polls.push({ path: e.path, answer: e.status === 200 ? answerOf(e.body) : `HTTP ${e.status}` });
    },
  });
  result = await verifyGatewayQuietly({ gatewayUrl: proxy.url, fixtures: demoFixtures(), pollWaitMs: POLL_WAIT_MS });
  // Room for a few empty polls, so that a verification that makes them fails on the polls it lists, not on a timeout.
}, 8 * POLL_WAIT_MS);

afterAll(async () => {
  await proxy?.close();
  await gw?.close();
});

describe('a verification through public calls waits only for the events it expects', () => {
  it('passes, so the events read were the right ones', () => {
    expect(result.cases.filter((c) => c.outcome === 'failed').map((c) => `${c.id}: ${c.failure?.message}`)).toEqual([]);
  });

  it('makes no event poll that answers "no event"', () => {
    expect(polls.filter((p) => p.answer === 'no event')).toEqual([]);
  });

  it('reads the sign-in events of the barge states and the barge events the pact polls for', () => {
    const answers = new Set(polls.map((p) => p.answer));

    expect([...answers].sort()).toEqual(['AgentOther_BeQcStart', 'AgentOther_InService', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook', 'AgentState_Busy', 'AgentState_Ready']);
  });
});
