import { describe, expect, it } from 'vitest';
import { decideAddInsert } from './add-insert.ts';
import { GatewayStatus } from './agent.ts';
import { cancelInsertRules, decideCancelInsert, type CancelInsertCall } from './cancel-insert.ts';
import type { InMemoryWorld } from './in-memory-world.ts';
import { PROFILE_2024 } from './profiles.ts';
import { describeProvenance } from './provenance.ts';
import { isListedFor } from './retcodes.ts';
import { AGENT, INSPECTOR, NOT_CONFIGURED, NOW, OTHER_VDN_AGENT, SECOND_AGENT, SECOND_INSPECTOR, barged, scenarioWorld, signedIn } from './testing/scenario.ts';

const call = (over: Partial<CancelInsertCall> = {}): CancelInsertCall => ({ agentid: INSPECTOR, workNo: AGENT, auth: 'valid', ...over });

function inBarge(): InMemoryWorld {
  const w = scenarioWorld();
  signedIn(w, INSPECTOR);
  signedIn(w, AGENT);
  barged(w, INSPECTOR, AGENT);
  return w;
}

const scenarios: Record<string, { arrange: () => InMemoryWorld; call: CancelInsertCall; expect: string }> = {
  'pathMismatch.agentid': { arrange: inBarge, call: call({ agentid: '' }), expect: 'http-404' },
  'pathMismatch.workNo': { arrange: inBarge, call: call({ workNo: '+30170' }), expect: 'http-404' },
  'idOutOfRange.agentid': { arrange: inBarge, call: call({ agentid: '1' }), expect: '000-002' },
  'idOutOfRange.workNo': { arrange: inBarge, call: call({ workNo: '100' }), expect: '000-002' },
  notSignedIn: { arrange: scenarioWorld, call: call(), expect: '100-006' },
  guidMismatch: { arrange: inBarge, call: call({ auth: 'missing' }), expect: '100-006' },
  selfTarget: { arrange: inBarge, call: call({ workNo: INSPECTOR }), expect: '000-005' },
  noInspectionRight: { arrange: () => { const w = inBarge(); signedIn(w, SECOND_AGENT); return w; }, call: call({ agentid: SECOND_AGENT }), expect: '900-002' },
  otherVdn: { arrange: inBarge, call: call({ workNo: OTHER_VDN_AGENT }), expect: '900-002' },
  noBargeToCancel: { arrange: () => { const w = inBarge(); signedIn(w, SECOND_INSPECTOR); return w; }, call: call({ agentid: SECOND_INSPECTOR }), expect: '900-005' },
  ctiFault: { arrange: inBarge, call: call({ fault: '900-003' }), expect: '900-003' },
};

describe('cancel: each rule answers its retcode, in the situation its document describes', () => {
  it('has a scenario for every rule', () => {
    expect(Object.keys(scenarios).sort()).toEqual(cancelInsertRules.map((r) => r.id).sort());
  });
  for (const rule of cancelInsertRules) {
    const s = scenarios[rule.id]!;
    it(`${rule.title} → ${s.expect} — ${describeProvenance(rule.provenance)}`, () => {
      const d = decideCancelInsert(s.arrange(), s.call, PROFILE_2024, NOW);
      expect(d.rule).toBe(`cancelInsert.${rule.id}`);
      expect(d.httpStatus === 404 ? 'http-404' : d.retcode).toBe(s.expect);
      if (d.httpStatus === 200) expect(isListedFor('cancelInsert', d.retcode)).toBe(true);
    });
  }
});

describe('cancel: success', () => {
  it('restores both sessions to what they were before the barge', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT, GatewayStatus.Busy);
    const before = [w.agent(INSPECTOR)!.session, w.agent(AGENT)!.session];
    w.apply(decideAddInsert(w, { agentid: INSPECTOR, workNo: AGENT, auth: 'valid' }, PROFILE_2024, NOW));
    const d = decideCancelInsert(w, call(), PROFILE_2024, NOW);
    expect(d.retcode).toBe('0');
    w.apply(d);
    expect([w.agent(INSPECTOR)!.session, w.agent(AGENT)!.session]).toEqual(before);
  });

  it('sends the inspector AgentOther_PhoneRelease then AgentState_Ready, and the target AgentOther_BeQcStop (ZH/cec_07_2404)', () => {
    const d = decideCancelInsert(inBarge(), call(), PROFILE_2024, NOW);
    expect(d.deliveries.map((x) => [x.to, x.event.eventType])).toEqual([
      [INSPECTOR, 'AgentOther_PhoneRelease'],
      [INSPECTOR, 'AgentState_Ready'],
      [AGENT, 'AgentOther_BeQcStop'],
    ]);
    expect(d.deliveries[2]!.event.content).toEqual({ qcType: 9, qcAgentId: Number(INSPECTOR) });
  });

  it('answers retcode 0 with an empty message and result, signs no one in or out, and changes exactly the two sessions', () => {
    const d = decideCancelInsert(inBarge(), call(), PROFILE_2024, NOW);
    expect({ ...d, deliveries: [] }).toEqual({
      operationId: 'cancelInsert',
      retcode: '0',
      httpStatus: 200,
      rule: 'cancelInsert.ok',
      message: '',
      changes: [
        { agent: INSPECTOR, session: { status: GatewayStatus.Idle, alwaysOffHook: false, loginTime: NOW - 1000, barging: null, bargedBy: null } },
        { agent: AGENT, session: { status: GatewayStatus.Idle, alwaysOffHook: false, loginTime: NOW - 1000, barging: null, bargedBy: null } },
      ],
      deliveries: [],
      signedIn: null,
      signedOut: [],
      result: {},
    });
  });

  it('sends an always-off-hook inspector only AgentState_Ready: there is no phone to release', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR, GatewayStatus.Idle, true);
    signedIn(w, AGENT);
    barged(w, INSPECTOR, AGENT);
    const d = decideCancelInsert(w, call(), PROFILE_2024, NOW);
    expect(d.deliveries.map((x) => [x.to, x.event.eventType])).toEqual([
      [INSPECTOR, 'AgentState_Ready'],
      [AGENT, 'AgentOther_BeQcStop'],
    ]);
  });

  it('releases the inspector alone when the barged agent no longer has a session', () => {
    const w = inBarge();
    w.setSession(AGENT, null);
    const d = decideCancelInsert(w, call(), PROFILE_2024, NOW);
    expect(d.retcode).toBe('0');
    expect(d.changes.map((c) => c.agent)).toEqual([INSPECTOR]);
    expect(d.deliveries.map((x) => [x.to, x.event.eventType])).toEqual([
      [INSPECTOR, 'AgentOther_PhoneRelease'],
      [INSPECTOR, 'AgentState_Ready'],
    ]);
  });

  it('releases an always-off-hook inspector alone with AgentState_Ready when the barged ID has no account', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR, GatewayStatus.Talking, true);
    w.setSession(INSPECTOR, { ...w.agent(INSPECTOR)!.session!, barging: NOT_CONFIGURED });
    const d = decideCancelInsert(w, call({ workNo: NOT_CONFIGURED }), PROFILE_2024, NOW);
    expect(d.rule).toBe('cancelInsert.ok');
    expect(d.changes.map((c) => c.agent)).toEqual([INSPECTOR]);
    expect(d.deliveries.map((x) => [x.to, x.event.eventType])).toEqual([[INSPECTOR, 'AgentState_Ready']]);
  });

  it('does not let a second inspector end a barge that is not his', () => {
    const w = inBarge();
    signedIn(w, SECOND_INSPECTOR);
    expect(decideCancelInsert(w, call({ agentid: SECOND_INSPECTOR }), PROFILE_2024, NOW).rule).toBe('cancelInsert.noBargeToCancel');
    expect(w.agent(AGENT)!.session!.bargedBy).toBe(INSPECTOR);
  });
});
