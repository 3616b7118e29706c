import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { EVENTS_READ_PARAM, EXAMPLE_AGENTS, EXAMPLE_GUIDS, STATES, stateParams, type Role } from '../provider-states.ts';
import { agentPath, callerHeaders, JSON_RESPONSE_HEADERS, WORK_NO_PATTERN } from './matchers.ts';
import { newPact, withClient } from './pact.ts';

const { integer, regex, string } = MatchersV3;
const pact = newPact();

/** What one event-poll interaction varies: who polls, what it has read since the barge, and the event it gets. */
interface EventPollCase {
  readonly caseId: string;
  readonly description: string;
  readonly poller: Role;
  readonly alreadyRead: string[];
  readonly event: Record<string, unknown>;
  readonly comment: string;
}

function pollAfterBarge(c: EventPollCase) {
  return pact
    .addInteraction()
    .given(STATES.barged.name, stateParams(STATES.barged, ['inspector', 'target'], { [EVENTS_READ_PARAM]: c.alreadyRead }))
    .uponReceiving(c.description)
    .comment({ key: 'caseId', value: c.caseId })
    .comment(c.comment)
    .withRequest('GET', agentPath('/agentgateway/resource/agentevent/', c.poller), (req) => req.headers(callerHeaders(c.poller)))
    .willRespondWith(200, (res) => res.headers(JSON_RESPONSE_HEADERS).jsonBody({ message: string(''), retcode: '0', event: c.event }))
    .executeTest((server) => withClient(server, (client) => client.agent(EXAMPLE_AGENTS[c.poller]).useGuid(EXAMPLE_GUIDS[c.poller]).pollEvent()));
}

const workNoOf = (role: Role) => regex(WORK_NO_PATTERN, EXAMPLE_AGENTS[role]);

describe('event polls after a barge (GET agentevent/{agentid})', () => {
  it("delivers AgentState_Busy on the inspector's first poll", async () => {
    // Arrange + Act
    const reply = await pollAfterBarge({
      caseId: 'event.inspector-busy',
      description: "the inspector's first event poll after the barge",
      poller: 'inspector',
      alreadyRead: [],
      event: { eventType: 'AgentState_Busy', workNo: workNoOf('inspector'), content: null },
      comment: 'EN/cec_07_2401: the inspector receives AgentState_Busy.',
    });

    // Assert
    expect(reply?.ok && reply.event?.eventType).toBe('AgentState_Busy');
  });

  it("delivers AgentOther_PhoneAlerting on the inspector's next poll", async () => {
    const reply = await pollAfterBarge({
      caseId: 'event.inspector-phone-alerting',
      description: "the inspector's second event poll after the barge",
      poller: 'inspector',
      alreadyRead: ['AgentState_Busy'],
      event: { eventType: 'AgentOther_PhoneAlerting', workNo: workNoOf('inspector'), content: null },
      comment: "DEVZH/cec_05_1440: the inspector's phone rings unless it is always off-hook (signed in with releasephone true).",
    });

    expect(reply?.ok && reply.event?.eventType).toBe('AgentOther_PhoneAlerting');
  });

  it("delivers AgentOther_PhoneOffhook once the inspector's phone is picked up", async () => {
    const reply = await pollAfterBarge({
      caseId: 'event.inspector-phone-offhook',
      description: "the inspector's third event poll after the barge",
      poller: 'inspector',
      alreadyRead: ['AgentState_Busy', 'AgentOther_PhoneAlerting'],
      event: { eventType: 'AgentOther_PhoneOffhook', workNo: workNoOf('inspector'), content: { type: regex('^(main|assistant|unknown)$', 'main') } },
      comment: "DEVZH/cec_05_1440: after PhoneAlerting, once the inspector's phone is picked up.",
    });

    expect(reply?.ok && reply.event?.eventType).toBe('AgentOther_PhoneOffhook');
  });

  it('delivers AgentOther_BeQcStart with qcType 9 on the target\'s first poll', async () => {
    const reply = await pollAfterBarge({
      caseId: 'event.target-be-qc-start',
      description: "the target's first event poll after the barge",
      poller: 'target',
      alreadyRead: [],
      event: { eventType: 'AgentOther_BeQcStart', workNo: workNoOf('target'), content: { qcType: 9, qcAgentId: integer(Number(EXAMPLE_AGENTS.inspector)) } },
      comment: 'ZH/cec_07_0542: the inspected agent receives AgentOther_BeQcStart with qcType 9 (insert) and qcAgentId the inspector.',
    });

    const event = reply?.ok ? reply.event : null;
    expect(event?.eventType).toBe('AgentOther_BeQcStart');
    expect(event?.eventType === 'AgentOther_BeQcStart' && event.content).toEqual({ qcType: 9, qcAgentId: Number(EXAMPLE_AGENTS.inspector) });
  });
});
