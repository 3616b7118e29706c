import { describe, expect, it } from 'vitest';
import { addInsertRules, decideAddInsert, type AddInsertCall } from './add-insert.ts';
import { GatewayStatus } from './agent.ts';
import type { InMemoryWorld } from './in-memory-world.ts';
import { PROFILE_2024, PROFILE_2025, withOverrides, type Profile } from './profiles.ts';
import { describeProvenance } from './provenance.ts';
import { isListedFor } from './retcodes.ts';
import { AGENT, INSPECTOR, NOT_CONFIGURED, NOW, OTHER_VDN_AGENT, SECOND_AGENT, SECOND_INSPECTOR, barged, scenarioWorld, signedIn } from './testing/scenario.ts';

const call = (over: Partial<AddInsertCall> = {}): AddInsertCall => ({ agentid: INSPECTOR, workNo: AGENT, auth: 'valid', ...over });

/** Both parties signed in and idle: the state in which addinsert succeeds. */
function ready(): InMemoryWorld {
  const w = scenarioWorld();
  signedIn(w, INSPECTOR);
  signedIn(w, AGENT);
  return w;
}

/** One scenario per rule: a state in which that rule, and no earlier one, applies. */
const scenarios: Record<string, { arrange: () => InMemoryWorld; call: AddInsertCall; profile?: Profile; expect: string }> = {
  'pathMismatch.agentid': { arrange: ready, call: call({ agentid: '030169' }), expect: 'http-404' },
  'pathMismatch.workNo': { arrange: ready, call: call({ workNo: '60000' }), expect: 'http-404' },
  'idOutOfRange.agentid': { arrange: ready, call: call({ agentid: '100' }), expect: '000-002' },
  'idOutOfRange.workNo': { arrange: ready, call: call({ workNo: '99' }), expect: '000-002' },
  notSignedIn: { arrange: () => { const w = scenarioWorld(); signedIn(w, AGENT); return w; }, call: call(), expect: '100-006' },
  guidMismatch: { arrange: ready, call: call({ auth: 'mismatch' }), expect: '100-006' },
  selfTarget: { arrange: ready, call: call({ workNo: INSPECTOR }), expect: '000-005' },
  noInspectionRight: { arrange: () => { const w = ready(); signedIn(w, SECOND_AGENT); return w; }, call: call({ agentid: SECOND_AGENT }), expect: '900-002' },
  otherVdn: { arrange: () => { const w = ready(); signedIn(w, OTHER_VDN_AGENT); return w; }, call: call({ workNo: OTHER_VDN_AGENT }), expect: '900-002' },
  targetIsInspector: { arrange: () => { const w = ready(); signedIn(w, SECOND_INSPECTOR); return w; }, call: call({ workNo: SECOND_INSPECTOR }), expect: '900-002' },
  inspectorNotIdle: { arrange: () => { const w = ready(); signedIn(w, INSPECTOR, GatewayStatus.Busy); return w; }, call: call(), expect: '900-005' },
  targetNotSignedIn: { arrange: () => { const w = scenarioWorld(); signedIn(w, INSPECTOR); return w; }, call: call(), expect: '900-005' },
  targetAlreadyBarged: { arrange: () => { const w = ready(); signedIn(w, SECOND_INSPECTOR); barged(w, SECOND_INSPECTOR, AGENT); return w; }, call: call(), expect: '900-005' },
  ctiFault: { arrange: ready, call: call({ fault: '900-001' }), expect: '900-001' },
};

describe('addinsert: each rule answers its retcode, in the situation its document describes', () => {
  it('has a scenario for every rule', () => {
    expect(Object.keys(scenarios).sort()).toEqual(addInsertRules.map((r) => r.id).sort());
  });

  for (const rule of addInsertRules) {
    const s = scenarios[rule.id]!;
    it(`${rule.title} → ${s.expect} — ${describeProvenance(rule.provenance)}`, () => {
      const d = decideAddInsert(s.arrange(), s.call, s.profile ?? PROFILE_2024, NOW);
      expect(d.rule).toBe(`addInsert.${rule.id}`);
      expect(d.httpStatus === 404 ? 'http-404' : d.retcode).toBe(s.expect);
      expect(d.changes).toEqual([]);
      expect(d.deliveries).toEqual([]);
    });
  }

  it('answers only retcodes the contract lists for addInsert', () => {
    for (const s of Object.values(scenarios)) {
      const d = decideAddInsert(s.arrange(), s.call, PROFILE_2024, NOW);
      if (d.httpStatus === 200) expect(isListedFor('addInsert', d.retcode), d.retcode).toBe(true);
    }
  });
});

describe('addinsert: precedence', () => {
  it('reports a bad path ID before anything about the session', () => {
    const d = decideAddInsert(scenarioWorld(), call({ agentid: 'abc', auth: 'missing' }), PROFILE_2024, NOW);
    expect(d.httpStatus).toBe(404);
    expect(d.message).toContain('agentid "abc" contains a character that is not an ASCII digit');
  });

  it('answers 100-006 for a Guid mismatch even when the inspector is also busy', () => {
    const w = ready();
    signedIn(w, INSPECTOR, GatewayStatus.Busy);
    expect(decideAddInsert(w, call({ auth: 'missing' }), PROFILE_2024, NOW).retcode).toBe('100-006');
  });

  it('answers 000-005 for a self-target even without the inspection right', () => {
    const w = ready();
    signedIn(w, SECOND_AGENT);
    expect(decideAddInsert(w, call({ agentid: SECOND_AGENT, workNo: SECOND_AGENT }), PROFILE_2024, NOW).retcode).toBe('000-005');
  });

  it('answers 900-002 for another VDN even when the target is not signed in', () => {
    expect(decideAddInsert(ready(), call({ workNo: OTHER_VDN_AGENT }), PROFILE_2024, NOW).retcode).toBe('900-002');
  });

  it('treats an agent ID that is not configured as a target that is not signed in', () => {
    const d = decideAddInsert(ready(), call({ workNo: NOT_CONFIGURED }), PROFILE_2024, NOW);
    expect(d.rule).toBe('addInsert.targetNotSignedIn');
  });

  it('applies an injected CTI fault only after every state check passed', () => {
    const w = ready();
    signedIn(w, INSPECTOR, GatewayStatus.Busy);
    expect(decideAddInsert(w, call({ fault: '900-003' }), PROFILE_2024, NOW).retcode).toBe('900-005');
  });

  it('rejects an inspector who is idle but already barging someone', () => {
    const w = ready();
    signedIn(w, SECOND_AGENT);
    barged(w, INSPECTOR, SECOND_AGENT);
    w.setSession(INSPECTOR, { ...w.agent(INSPECTOR)!.session!, status: GatewayStatus.Idle });
    expect(decideAddInsert(w, call(), PROFILE_2024, NOW).rule).toBe('addInsert.inspectorNotIdle');
  });
});

describe('addinsert: what a refusal says', () => {
  it('names the inspector already barged into the target', () => {
    const w = ready();
    signedIn(w, SECOND_INSPECTOR);
    barged(w, SECOND_INSPECTOR, AGENT);
    expect(decideAddInsert(w, call(), PROFILE_2024, NOW).message).toMatch(new RegExp(` — inspector ${SECOND_INSPECTOR} is already barged into agent ${AGENT}$`));
  });

  it("names both VDNs, in the profile's word, when the target is in another", () => {
    expect(decideAddInsert(ready(), call({ workNo: OTHER_VDN_AGENT }), PROFILE_2024, NOW).message).toMatch(/ — inspector VDN 1, target VDN 2$/);
    expect(decideAddInsert(ready(), call({ workNo: OTHER_VDN_AGENT }), PROFILE_2025, NOW).message).toMatch(/ — inspector VCC 1, target VCC 2$/);
  });
});

describe('addinsert: success', () => {
  it('answers retcode 0 with an empty message and result, and signs no one in or out', () => {
    expect(decideAddInsert(ready(), call(), PROFILE_2024, NOW)).toMatchObject({
      operationId: 'addInsert',
      retcode: '0',
      httpStatus: 200,
      rule: 'addInsert.ok',
      message: '',
      signedIn: null,
      signedOut: [],
      result: {},
    });
  });

  it('puts the inspector into talking, barging the target, and marks the target as barged', () => {
    const w = ready();
    const d = decideAddInsert(w, call(), PROFILE_2024, NOW);
    expect(d.retcode).toBe('0');
    w.apply(d);
    expect(w.agent(INSPECTOR)!.session).toMatchObject({ status: GatewayStatus.Talking, barging: AGENT, bargedBy: null });
    expect(w.agent(AGENT)!.session).toMatchObject({ status: GatewayStatus.Idle, barging: null, bargedBy: INSPECTOR });
  });

  it('sends the inspector AgentState_Busy, AgentOther_PhoneAlerting, AgentOther_PhoneOffhook in that order, and the target AgentOther_BeQcStart with qcType 9', () => {
    const d = decideAddInsert(ready(), call(), PROFILE_2024, NOW);
    expect(d.deliveries.map((x) => [x.to, x.event.eventType])).toEqual([
      [INSPECTOR, 'AgentState_Busy'],
      [INSPECTOR, 'AgentOther_PhoneAlerting'],
      [INSPECTOR, 'AgentOther_PhoneOffhook'],
      [AGENT, 'AgentOther_BeQcStart'],
    ]);
    expect(d.deliveries[2]!.event.content).toEqual({ type: 'main' });
    expect(d.deliveries[3]!.event.content).toEqual({ qcType: 9, qcAgentId: Number(INSPECTOR) });
  });

  it('sends an always-off-hook inspector only AgentState_Busy (DEVZH/cec_05_1440: alerting and off-hook only when not always off-hook)', () => {
    const w = ready();
    signedIn(w, INSPECTOR, GatewayStatus.Idle, true);
    const d = decideAddInsert(w, call(), PROFILE_2024, NOW);
    expect(d.deliveries.filter((x) => x.to === INSPECTOR).map((x) => x.event.eventType)).toEqual(['AgentState_Busy']);
  });

  it('lets an agent that is busy be barged into (ZH/cec_07_0697: a busy agent can still be barged into)', () => {
    const w = ready();
    signedIn(w, AGENT, GatewayStatus.Busy);
    expect(decideAddInsert(w, call(), PROFILE_2024, NOW).retcode).toBe('0');
  });

  it('stamps eventGenTime only under a profile whose documents show it', () => {
    const w = ready();
    expect(decideAddInsert(w, call(), PROFILE_2024, NOW).deliveries[0]!.event).not.toHaveProperty('eventGenTime');
    expect(decideAddInsert(w, call(), PROFILE_2025, NOW).deliveries[0]!.event).toHaveProperty('eventGenTime', NOW);
  });
});

describe('addinsert: profiles', () => {
  it('accepts six-digit IDs under ccgw-2025 and answers 404 for them under ccgw-2024', () => {
    expect(decideAddInsert(ready(), call({ workNo: '600000' }), PROFILE_2024, NOW).httpStatus).toBe(404);
    expect(decideAddInsert(ready(), call({ workNo: '600000' }), PROFILE_2025, NOW).rule).toBe('addInsert.targetNotSignedIn');
  });

  it('answers a target that is not signed in with the profile setting', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    const p = withOverrides(PROFILE_2024, { answers: { targetNotSignedIn: '900-003' } });
    expect(decideAddInsert(w, call(), p, NOW).retcode).toBe('900-003');
  });

  it('lets an inspector be barged into when QC on inspectors is enabled', () => {
    const w = ready();
    signedIn(w, SECOND_INSPECTOR);
    const p = withOverrides(PROFILE_2024, { qcOnInspectors: true });
    expect(decideAddInsert(w, call({ workNo: SECOND_INSPECTOR }), p, NOW).retcode).toBe('0');
  });
});
