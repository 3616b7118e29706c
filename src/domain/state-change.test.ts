import { describe, expect, it } from 'vitest';
import { GatewayStatus } from './agent.ts';
import { PROFILE_2024 } from './profiles.ts';
import { decideStateChange, parseBusyReason } from './state-change.ts';
import { AGENT, INSPECTOR, NOW, barged, scenarioWorld, signedIn } from './testing/scenario.ts';

describe('sayfree / saybusy', () => {
  it('sets a busy agent idle and queues AgentState_Ready', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR, GatewayStatus.Busy);
    const d = decideStateChange(w, { agentid: INSPECTOR, auth: 'valid', to: 'idle' }, PROFILE_2024, NOW);
    w.apply(d);
    expect(w.agent(INSPECTOR)!.session!.status).toBe(GatewayStatus.Idle);
    expect(d.deliveries.map((x) => x.event.eventType)).toEqual(['AgentState_Ready']);
  });

  it('sets an idle agent busy with the given reason (EN/cec_07_1211)', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    const d = decideStateChange(w, { agentid: INSPECTOR, auth: 'valid', to: 'busy', reason: '205' }, PROFILE_2024, NOW);
    expect(d.retcode).toBe('0');
    expect(d.deliveries[0]!.event).toMatchObject({ eventType: 'AgentState_SetNotReady_Success', content: { reason: '205' } });
  });

  it.each(['199', '251', 'x', '-1', '2000'])('answers 000-002 to busy reason %j (only 0 or 200–250)', (reason) => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    expect(decideStateChange(w, { agentid: INSPECTOR, auth: 'valid', to: 'busy', reason }, PROFILE_2024, NOW).retcode).toBe('000-002');
  });

  it('answers 000-002 to a prolong that is not true or false', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    expect(decideStateChange(w, { agentid: INSPECTOR, auth: 'valid', to: 'busy', prolong: 'yes' }, PROFILE_2024, NOW).rule).toBe('sayBusy.badProlong');
  });

  it('refuses a state change while the agent barges (100-009)', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    barged(w, INSPECTOR, AGENT);
    expect(decideStateChange(w, { agentid: INSPECTOR, auth: 'valid', to: 'idle' }, PROFILE_2024, NOW).retcode).toBe('100-009');
    expect(decideStateChange(w, { agentid: AGENT, auth: 'valid', to: 'busy' }, PROFILE_2024, NOW).retcode).toBe('100-009');
  });

  it('parses busy reasons: absent and empty mean 0', () => {
    expect([undefined, '', '0', '200', '250', '201a'].map(parseBusyReason)).toEqual([0, 0, 0, 200, 250, null]);
  });

  it('takes a busy reason only as plain digits, not as any text Number() reads', () => {
    expect(['2e2', ' 200', '200 ', '0x0'].map(parseBusyReason)).toEqual([null, null, null, null]);
  });

  it('leaves the agent busy after saybusy and answers with an empty result', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    const d = decideStateChange(w, { agentid: INSPECTOR, auth: 'valid', to: 'busy' }, PROFILE_2024, NOW);
    expect(d).toMatchObject({ operationId: 'sayBusy', retcode: '0', rule: 'sayBusy.ok', message: '', signedIn: null, signedOut: [], result: {} });
    w.apply(d);
    expect(w.agent(INSPECTOR)!.session!.status).toBe(GatewayStatus.Busy);
  });

  it('takes prolong true or false for saybusy', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    for (const prolong of ['true', 'false']) expect(decideStateChange(w, { agentid: INSPECTOR, auth: 'valid', to: 'busy', prolong }, PROFILE_2024, NOW).retcode).toBe('0');
  });

  it('ignores reason and prolong on sayfree: only saybusy reads them', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR, GatewayStatus.Busy);
    expect(decideStateChange(w, { agentid: INSPECTOR, auth: 'valid', to: 'idle', reason: 'abc', prolong: 'maybe' }, PROFILE_2024, NOW).rule).toBe('sayFree.ok');
  });
});
