import { describe, expect, it } from 'vitest';
import { GatewayStatus } from './agent.ts';
import { PROFILE_2024, withOverrides } from './profiles.ts';
import { decideAgentStatus, decideEventPoll } from './queries.ts';
import { AGENT, INSPECTOR, barged, scenarioWorld, signedIn } from './testing/scenario.ts';

describe('agentstatus', () => {
  it('reports the gateway status and whether the agent is talking (EN/cec_07_1222)', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT, GatewayStatus.Busy);
    expect(decideAgentStatus(w, { agentid: AGENT, auth: 'valid' }, PROFILE_2024).result).toEqual({ agentState: 3, isWorking: false });
    barged(w, INSPECTOR, AGENT);
    expect(decideAgentStatus(w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024).result).toEqual({ agentState: 7, isWorking: true });
    expect(decideAgentStatus(w, { agentid: AGENT, auth: 'valid' }, PROFILE_2024).result).toEqual({ agentState: 3, isWorking: true });
  });
});

describe('agentstatus of a talking agent', () => {
  it('reports an agent talking (7) as working even outside any barge', () => {
    const w = scenarioWorld();
    signedIn(w, AGENT, GatewayStatus.Talking);
    expect(decideAgentStatus(w, { agentid: AGENT, auth: 'valid' }, PROFILE_2024).result).toEqual({ agentState: 7, isWorking: true });
  });
});

describe('event poll', () => {
  it('accepts a signed-in agent with its Guid', () => {
    const w = scenarioWorld();
    signedIn(w, AGENT);
    expect(decideEventPoll(w, { agentid: AGENT, auth: 'valid' }, PROFILE_2024)).toMatchObject({ retcode: '0', rule: 'getAgentEvent.ok', result: {} });
    expect(decideEventPoll(w, { agentid: AGENT, auth: 'valid' }, PROFILE_2024).result).toEqual({});
  });

  it('answers 100-006 after the agent was signed out (the Java demo drops its session on it)', () => {
    expect(decideEventPoll(scenarioWorld(), { agentid: AGENT, auth: 'mismatch' }, PROFILE_2024).retcode).toBe('100-006');
  });

  it('answers a Guid mismatch with the profile setting', () => {
    const w = scenarioWorld();
    signedIn(w, AGENT);
    const p = withOverrides(PROFILE_2024, { answers: { guidMismatch: '000-003' } });
    expect(decideEventPoll(w, { agentid: AGENT, auth: 'mismatch' }, p).retcode).toBe('000-003');
  });
});
