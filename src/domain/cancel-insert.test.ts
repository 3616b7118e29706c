import { describe, expect, it } from 'vitest';
import { decideAddInsert } from './add-insert.ts';
import { GatewayStatus } from './agent.ts';
import { cancelInsertRules, decideCancelInsert, type CancelInsertCall } from './cancel-insert.ts';
import type { InMemoryWorld } from './in-memory-world.ts';
import { PROFILE_2024 } from './profiles.ts';
import { describeProvenance } from './provenance.ts';
import { isListedFor } from './retcodes.ts';
import { AGENT, INSPECTOR, NOW, OTHER_VDN_AGENT, SECOND_AGENT, SECOND_INSPECTOR, barged, scenarioWorld, signedIn } from './testing/scenario.ts';

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

  it('does not let a second inspector end a barge that is not his', () => {
    const w = inBarge();
    signedIn(w, SECOND_INSPECTOR);
    expect(decideCancelInsert(w, call({ agentid: SECOND_INSPECTOR }), PROFILE_2024, NOW).rule).toBe('cancelInsert.noBargeToCancel');
    expect(w.agent(AGENT)!.session!.bargedBy).toBe(INSPECTOR);
  });
});
