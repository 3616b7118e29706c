import { describe, expect, it } from 'vitest';
import { GatewayEventTimeoutError, GatewayRetcodeError } from './errors.ts';
import { GUIDS, eventBody, queuedEvents, retcodeBody, setGuid, stateEvent } from './testing/fake-gateway.ts';
import { withFakeGateway } from './testing/with-fake-gateway.ts';

const fixture = withFakeGateway();
const busy = stateEvent('AgentState_Busy');
const ready = stateEvent('AgentState_Ready');
const inService = stateEvent('AgentOther_InService');
const alerting = stateEvent('AgentOther_PhoneAlerting');
const offhook = { eventType: 'AgentOther_PhoneOffhook', workNo: '30169', content: { type: 'main' } };
const unlisted = { eventType: 'AgentOther_Restrict', workNo: '30169', content: { anything: 1 } };

describe('pollEvent', () => {
  it('returns the event, or event null when the wait ended without one', async () => {
    const { client } = await fixture.start({ getAgentEvent: queuedEvents([busy]) });
    const session = client.agent('30169');

    const first = await session.pollEvent();
    const second = await session.pollEvent();

    expect(first).toMatchObject({ ok: true, event: busy });
    expect(second).toMatchObject({ ok: true, event: null });
  });

  it('sends calldata when given', async () => {
    const { gw, client } = await fixture.start({ getAgentEvent: queuedEvents([]) });

    await client.agent('30169').pollEvent({ calldata: 'a b' });

    expect(gw.requests[0]?.url).toBe('/agentgateway/resource/agentevent/30169?calldata=a%20b');
  });
});

describe('waitForEvents', () => {
  it('returns every event seen once the expected types arrived in order, other events in between included', async () => {
    const { client } = await fixture.start({ getAgentEvent: queuedEvents([busy, unlisted, alerting, ready, offhook, inService]) });
    const session = client.agent('30169');

    const seen = await session.waitForEvents(['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook'], { timeoutMs: 10_000 });

    expect(seen.map((e) => e.eventType)).toEqual(['AgentState_Busy', 'AgentOther_Restrict', 'AgentOther_PhoneAlerting', 'AgentState_Ready', 'AgentOther_PhoneOffhook']);
    expect((await session.pollEvent()).ok && (await session.drainEvents())).toEqual([]);
  });

  it('keeps polling through empty answers until the events arrive', async () => {
    const queue = queuedEvents([]);
    let polls = 0;
    const { client } = await fixture.start({
      getAgentEvent: (r) => {
        polls += 1;
        if (polls === 3) queue.push(busy);
        return queue(r);
      },
    });

    const seen = await client.agent('30169').waitForEvents(['AgentState_Busy'], { timeoutMs: 10_000 });

    expect(seen).toEqual([busy]);
    expect(polls).toBe(3);
  });

  it('throws GatewayEventTimeoutError listing what was expected, what is missing and what arrived', async () => {
    // Three events, then polls that never answer: the wait can only end by its timeout, after all three arrived.
    const queue = [alerting, busy, ready];
    const { client } = await fixture.start({ getAgentEvent: () => (queue.length > 0 ? { body: eventBody(queue.shift()) } : { hang: true }) });

    const error = await client
      .agent('30169')
      .waitForEvents(['AgentState_Busy', 'AgentOther_PhoneAlerting'], { timeoutMs: 2_000 })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayEventTimeoutError);
    const e = error as GatewayEventTimeoutError;
    expect(e.missing).toEqual(['AgentOther_PhoneAlerting']);
    expect(e.arrived.map((x) => x.eventType)).toEqual(['AgentOther_PhoneAlerting', 'AgentState_Busy', 'AgentState_Ready']);
    expect(e.message).toContain('agent 30169 did not receive the events [AgentState_Busy, AgentOther_PhoneAlerting] in that order within 2000 ms');
    expect(e.message).toContain('missing [AgentOther_PhoneAlerting] (matched 1 of 2)');
    expect(e.message).toContain('events that arrived: AgentOther_PhoneAlerting, AgentState_Busy, AgentState_Ready');
  });

  it('aborts the long poll in flight when the timeout passes', async () => {
    const { client } = await fixture.start({ getAgentEvent: () => ({ hang: true }) }, { pollTimeoutMs: 60_000 });

    const error = await client.agent('30169').waitForEvents(['AgentState_Busy'], { timeoutMs: 200 }).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'GatewayEventTimeoutError', arrived: [], missing: ['AgentState_Busy'] });
    expect((error as Error).message).toContain('events that arrived: none');
  });

  it('ends with GatewayRetcodeError when a poll answers a retcode (signed out by force)', async () => {
    const { client } = await fixture.start({ getAgentEvent: () => ({ body: retcodeBody('100-006', 'agent not login') }) });

    const error = await client.agent('30169').waitForEvents(['AgentState_Busy']).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayRetcodeError);
    expect(error).toMatchObject({ retcode: '100-006', operationId: 'getAgentEvent' });
  });

  it('follows the Guid rotated by a poll answer while waiting', async () => {
    const guids = [GUIDS.rotated, GUIDS.other];
    const { gw, client } = await fixture.start({ getAgentEvent: () => ({ headers: { 'set-guid': setGuid(guids.shift() ?? GUIDS.other) }, body: eventBody(guids.length === 0 ? busy : null) }) });
    const session = client.agent('30169').useGuid(GUIDS.first);

    await session.waitForEvents(['AgentState_Busy'], { timeoutMs: 10_000 });

    expect(gw.requests.map((r) => r.headers['guid'])).toEqual([GUIDS.first, GUIDS.rotated]);
    expect(session.guid).toBe(GUIDS.other);
  });

  it('returns at once for an empty list, and refuses a list that is not event types', async () => {
    const { gw, client } = await fixture.start({});
    const session = client.agent('30169');

    expect(await session.waitForEvents([])).toEqual([]);
    expect(gw.requests).toHaveLength(0);
    await expect(session.waitForEvents('AgentState_Busy' as unknown as string[])).rejects.toThrow(/waitForEvents needs a list of event types/);
  });

  it('rejects with the reason of its signal', async () => {
    const { client } = await fixture.start({ getAgentEvent: () => ({ hang: true }) });
    const controller = new AbortController();

    const pending = client.agent('30169').waitForEvents(['AgentState_Busy'], { signal: controller.signal });
    controller.abort(new Error('test over'));

    await expect(pending).rejects.toThrow('test over');
  });
});

describe('drainEvents', () => {
  it('returns the queued events and stops at the first empty answer', async () => {
    const { gw, client } = await fixture.start({ getAgentEvent: queuedEvents([inService, ready]) });

    const drained = await client.agent('30169').drainEvents();

    expect(drained).toEqual([inService, ready]);
    expect(gw.requests).toHaveLength(3);
  });

  it('stops after max events', async () => {
    const { client } = await fixture.start({ getAgentEvent: queuedEvents([inService, ready, busy]) });

    expect(await client.agent('30169').drainEvents({ max: 2 })).toEqual([inService, ready]);
  });

  it('returns what arrived when its timeout passes', async () => {
    let polls = 0;
    const { client } = await fixture.start({ getAgentEvent: () => (++polls === 1 ? { body: eventBody(ready) } : { hang: true }) });

    expect(await client.agent('30169').drainEvents({ timeoutMs: 2_000 })).toEqual([ready]);
  });
});

describe('iterating over events', () => {
  it('yields events as they arrive until the loop breaks', async () => {
    const { client } = await fixture.start({ getAgentEvent: queuedEvents([inService, ready, { eventType: 'AgentOther_BeQcStart', workNo: '30169', content: { qcType: 9, qcAgentId: 30171 } }, busy]) });
    const types: string[] = [];

    for await (const event of client.agent('30169')) {
      types.push(event.eventType);
      if (event.eventType === 'AgentOther_BeQcStart') break;
    }

    expect(types).toEqual(['AgentOther_InService', 'AgentState_Ready', 'AgentOther_BeQcStart']);
  });

  it('ends quietly when its signal aborts, even during a long poll', async () => {
    const { gw, client } = await fixture.start({ getAgentEvent: () => (gw.requests.length === 1 ? { body: eventBody(ready) } : ({ hang: true } as const)) });
    const controller = new AbortController();
    const types: string[] = [];

    for await (const event of client.agent('30169').events(controller.signal)) {
      types.push(event.eventType);
      setTimeout(() => controller.abort(), 50);
    }

    expect(types).toEqual(['AgentState_Ready']);
  });
});
