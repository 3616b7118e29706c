import { describe, expect, it } from 'vitest';
import { GatewayStatus, newSession } from './agent.ts';
import { PROFILE_2024, withOverrides } from './profiles.ts';
import { decideSessionCall } from './session-calls.ts';
import { AGENT, INSPECTOR, NOT_CONFIGURED, OTHER_VDN_AGENT, SECOND_AGENT, barged, scenarioWorld, signedIn } from './testing/scenario.ts';
import { ctiStatusOf, decideVdnView } from './vdn-views.ts';

describe('the state an agent shows in the VDN views', () => {
  it.each([
    [GatewayStatus.Idle, 1],
    [GatewayStatus.Busy, 7],
    [GatewayStatus.WrapUp, 6],
    [GatewayStatus.Talking, 5],
    [GatewayStatus.Rest, 8],
  ])('maps gateway status %i to CTI state %i (EN/cec_07_0581)', (status, cti) => {
    expect(ctiStatusOf(newSession({ status, alwaysOffHook: false, loginTime: 0 }))).toBe(cti);
  });

  it('shows a signed-out agent as 2 / CTI 0, and both parties of a barge as talking', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    barged(w, INSPECTOR, AGENT);
    const list = decideVdnView('allAgentStatus', w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024).result as { workno: string; status: string; ctiStatus: string }[];
    const byId = new Map(list.map((e) => [e.workno, e]));
    expect(byId.get(INSPECTOR)).toMatchObject({ status: '7', ctiStatus: '5' });
    expect(byId.get(AGENT)).toMatchObject({ status: '4', ctiStatus: '5' });
    expect(byId.get(SECOND_AGENT)).toMatchObject({ status: '2', ctiStatus: '0' });
    expect(byId.has(OTHER_VDN_AGENT)).toBe(false);
    const online = decideVdnView('onlineAgentOnVdn', w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024).result as { workno: string }[];
    expect(online.map((e) => e.workno).sort()).toEqual([INSPECTOR, AGENT].sort());
  });

  it("answers agentbyworkno about an agent outside the caller's VDN with the profile's setting", () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    for (const workNo of [OTHER_VDN_AGENT, NOT_CONFIGURED]) {
      expect(decideVdnView('agentByWorkNo', w, { agentid: INSPECTOR, workNo, auth: 'valid' }, PROFILE_2024).retcode).toBe('000-002');
      const other = withOverrides(PROFILE_2024, { answers: { viewOutsideVdn: '100-007' } });
      expect(decideVdnView('agentByWorkNo', w, { agentid: INSPECTOR, workNo, auth: 'valid' }, other).retcode).toBe('100-007');
    }
  });
});

describe('the session calls', () => {
  it('answers the heartbeat with the sign-in time, which the Java demo logs', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    const loginTime = w.agent(INSPECTOR)!.session!.loginTime;
    expect(decideSessionCall('heartbeat', w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024).result).toEqual({ loginTime: String(loginTime) });
  });

  it('refuses a service_token with special characters (100-001) and takes letters and digits', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    expect(decideSessionCall('handShake', w, { agentid: INSPECTOR, auth: 'valid', serviceToken: 'a b' }, PROFILE_2024).retcode).toBe('100-001');
    expect(decideSessionCall('handShake', w, { agentid: INSPECTOR, auth: 'valid', serviceToken: 'Ab12' }, PROFILE_2024).retcode).toBe('0');
  });
});
