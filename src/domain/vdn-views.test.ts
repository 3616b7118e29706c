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

describe('the VDN views: what each answers', () => {
  it('answers agentbyworkno with the agent, its states, no group or skills, and TTF', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT, GatewayStatus.Busy);
    const d = decideVdnView('agentByWorkNo', w, { agentid: INSPECTOR, workNo: AGENT, auth: 'valid' }, PROFILE_2024);
    expect(d).toMatchObject({ retcode: '0', rule: 'agentByWorkNo.ok', message: '', changes: [], deliveries: [] });
    expect(d.result).toEqual({ workno: AGENT, name: '', status: 3, ctiStatus: 7, groupid: 0, groupname: '', skilllist: [], mediatype: 'TTF' });
  });

  it("gives an agent's configured name in every view", () => {
    const w = scenarioWorld();
    w.addAccount({ ...w.agent(AGENT)!.account, name: 'Ann' });
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    expect(decideVdnView('agentByWorkNo', w, { agentid: INSPECTOR, workNo: AGENT, auth: 'valid' }, PROFILE_2024).result).toMatchObject({ name: 'Ann' });
    const online = decideVdnView('onlineAgentOnVdn', w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024).result as { workno: string; name: string }[];
    expect(online.find((e) => e.workno === AGENT)!.name).toBe('Ann');
  });

  it('adds an empty groupName to allagentstatus entries only', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    const all = decideVdnView('allAgentStatus', w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024).result as object[];
    expect(all[0]).toEqual({ workno: INSPECTOR, name: '', status: '4', ctiStatus: '1', groupName: '' });
    const online = decideVdnView('onlineAgentOnVdn', w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024).result as object[];
    expect(online).toEqual([{ workno: INSPECTOR, name: '', status: '4', ctiStatus: '1' }]);
  });
});

describe('the session calls', () => {
  it('answers every session call but the heartbeat with an empty result', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    for (const op of ['handShake', 'updateGuid', 'resetSkill'] as const) {
      expect(decideSessionCall(op, w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024)).toMatchObject({ retcode: '0', rule: `${op}.ok`, result: {} });
      expect(decideSessionCall(op, w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024).result).toEqual({});
    }
  });

  it('takes phonelinkage 1, 0 or empty for resetskill, and refuses another value with 000-002', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    const reset = (phonelinkage: string) => decideSessionCall('resetSkill', w, { agentid: INSPECTOR, auth: 'valid', query: { phonelinkage } }, PROFILE_2024).retcode;
    expect(['1', '0', ''].map(reset)).toEqual(['0', '0', '0']);
    expect(reset('2')).toBe('000-002');
  });

  it('says why a service_token is refused', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    expect(decideSessionCall('handShake', w, { agentid: INSPECTOR, auth: 'valid', serviceToken: 'a$b' }, PROFILE_2024).message).toContain(
      'service_token must be at most 50 letters or digits',
    );
    expect(decideSessionCall('handShake', w, { agentid: INSPECTOR, auth: 'valid' }, PROFILE_2024).retcode).toBe('0');
  });

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
