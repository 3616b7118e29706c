import { describe, expect, it } from 'vitest';
import { GatewayStatus } from './agent.ts';
import { PROFILE_2024 } from './profiles.ts';
import { decideNoPollSignOut, decideSignOut } from './sign-out.ts';
import { AGENT, INSPECTOR, NOT_CONFIGURED, NOW, barged, scenarioWorld, signedIn } from './testing/scenario.ts';

describe('sign-out', () => {
  it('signs an idle agent out and queues AgentOther_ShutdownService (EN/cec_07_1219)', () => {
    const w = scenarioWorld();
    signedIn(w, AGENT);
    const d = decideSignOut(w, { agentid: AGENT, auth: 'valid', force: false }, PROFILE_2024, NOW);
    expect(d.retcode).toBe('0');
    expect(d.signedOut).toEqual([AGENT]);
    expect(d.deliveries.map((x) => x.event.eventType)).toEqual(['AgentOther_ShutdownService']);
    w.apply(d);
    expect(w.agent(AGENT)!.session).toBeNull();
  });

  it('refuses to sign out an agent that is being barged into (100-010: not signed out while talking)', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    barged(w, INSPECTOR, AGENT);
    const d = decideSignOut(w, { agentid: AGENT, auth: 'valid', force: false }, PROFILE_2024, NOW);
    expect(d.retcode).toBe('100-010');
    expect(d.rule).toBe('logout.inCall');
  });

  it('answers 100-006 to an agent that is not signed in', () => {
    expect(decideSignOut(scenarioWorld(), { agentid: AGENT, auth: 'mismatch', force: false }, PROFILE_2024, NOW).retcode).toBe('100-006');
  });
});

describe('forced sign-out', () => {
  it('releases a barged target and tells the inspector as a cancel would (EN/cec_07_0353: the call is released)', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    barged(w, INSPECTOR, AGENT);
    const d = decideSignOut(w, { agentid: AGENT, auth: 'valid', force: true }, PROFILE_2024, NOW);
    expect(d.retcode).toBe('0');
    w.apply(d);
    expect(w.agent(AGENT)!.session).toBeNull();
    expect(w.agent(INSPECTOR)!.session).toMatchObject({ status: GatewayStatus.Idle, barging: null });
    expect(d.deliveries.filter((x) => x.to === INSPECTOR).map((x) => x.event.eventType)).toEqual(['AgentOther_PhoneRelease', 'AgentState_Ready']);
  });

  it('ends the barge of an inspector who is forced out and tells the target', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    barged(w, INSPECTOR, AGENT);
    const d = decideSignOut(w, { agentid: INSPECTOR, auth: 'valid', force: true }, PROFILE_2024, NOW);
    w.apply(d);
    expect(w.agent(AGENT)!.session!.bargedBy).toBeNull();
    expect(d.deliveries.filter((x) => x.to === AGENT).map((x) => x.event.eventType)).toEqual(['AgentOther_BeQcStop']);
  });
});

describe('no-poll sign-out', () => {
  it('signs out as a forced sign-out does (EN/cec_07_1202: no poll for 2 minutes signs the agent out)', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    barged(w, INSPECTOR, AGENT);
    const d = decideNoPollSignOut(w, INSPECTOR, PROFILE_2024, NOW)!;
    expect(d.rule).toBe('forceLogout.noPollTimeout');
    w.apply(d);
    expect(w.agent(INSPECTOR)!.session).toBeNull();
    expect(w.agent(AGENT)!.session!.bargedBy).toBeNull();
  });

  it('does nothing for an agent that is not signed in', () => {
    expect(decideNoPollSignOut(scenarioWorld(), INSPECTOR, PROFILE_2024, NOW)).toBeNull();
    expect(decideNoPollSignOut(scenarioWorld(), NOT_CONFIGURED, PROFILE_2024, NOW)).toBeNull();
  });

  it('answers as a forced sign-out: retcode 0, the agent signed out, no one signed in, ShutdownService with the sign-in time', () => {
    const w = scenarioWorld();
    signedIn(w, AGENT);
    const d = decideNoPollSignOut(w, AGENT, PROFILE_2024, NOW)!;
    expect(d).toMatchObject({ operationId: 'forceLogout', retcode: '0', httpStatus: 200, message: '', signedIn: null, signedOut: [AGENT], result: {} });
    expect(d.changes).toEqual([{ agent: AGENT, session: null }]);
    expect(d.deliveries.map((x) => [x.to, x.event.eventType, x.event.content])).toEqual([[AGENT, 'AgentOther_ShutdownService', { loginTime: String(NOW - 1000) }]]);
  });
});
