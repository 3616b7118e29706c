import { describe, expect, it } from 'vitest';
import { GatewayStatus } from './agent.ts';
import { endBargesOf } from './barge-teardown.ts';
import { PROFILE_2024 } from './profiles.ts';
import { stamper } from './stamp.ts';
import { AGENT, INSPECTOR, NOW, SECOND_AGENT, barged, scenarioWorld, signedIn } from './testing/scenario.ts';

const stamp = stamper(NOW, PROFILE_2024);
const events = (t: ReturnType<typeof endBargesOf>) => t.deliveries.map((d) => [d.to, d.event.eventType]);

describe('ending the barges of an agent', () => {
  it('changes and queues nothing for an agent that is not signed in or has no account', () => {
    expect(endBargesOf(scenarioWorld(), AGENT, stamp)).toEqual({ changes: [], deliveries: [] });
    expect(endBargesOf(scenarioWorld(), '12345', stamp)).toEqual({ changes: [], deliveries: [] });
  });

  it('changes and queues nothing for a signed-in agent in no barge', () => {
    const w = scenarioWorld();
    signedIn(w, AGENT);
    expect(endBargesOf(w, AGENT, stamp)).toEqual({ changes: [], deliveries: [] });
  });

  it('frees the target of a barging inspector and sends it BeQcStop, leaving the inspector to its caller', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    barged(w, INSPECTOR, AGENT);
    const t = endBargesOf(w, INSPECTOR, stamp);
    expect(t.changes).toEqual([{ agent: AGENT, session: { ...w.agent(AGENT)!.session!, bargedBy: null } }]);
    expect(events(t)).toEqual([[AGENT, 'AgentOther_BeQcStop']]);
  });

  it('releases the inspector of a barged agent: idle, PhoneRelease then Ready, or only Ready when always off-hook', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    barged(w, INSPECTOR, AGENT);
    const t = endBargesOf(w, AGENT, stamp);
    expect(t.changes).toEqual([{ agent: INSPECTOR, session: { ...w.agent(INSPECTOR)!.session!, status: GatewayStatus.Idle, barging: null } }]);
    expect(events(t)).toEqual([
      [INSPECTOR, 'AgentOther_PhoneRelease'],
      [INSPECTOR, 'AgentState_Ready'],
    ]);
    w.setSession(INSPECTOR, { ...w.agent(INSPECTOR)!.session!, alwaysOffHook: true });
    expect(events(endBargesOf(w, AGENT, stamp))).toEqual([[INSPECTOR, 'AgentState_Ready']]);
  });

  it('skips a partner that has no account', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    w.setSession(INSPECTOR, { ...w.agent(INSPECTOR)!.session!, barging: '12345', bargedBy: '12346' });
    expect(endBargesOf(w, INSPECTOR, stamp)).toEqual({ changes: [], deliveries: [] });
  });

  it('skips a partner that no longer has a session', () => {
    const w = scenarioWorld();
    signedIn(w, INSPECTOR);
    signedIn(w, AGENT);
    signedIn(w, SECOND_AGENT);
    w.setSession(INSPECTOR, { ...w.agent(INSPECTOR)!.session!, barging: SECOND_AGENT, bargedBy: AGENT });
    w.setSession(SECOND_AGENT, null);
    w.setSession(AGENT, null);
    expect(endBargesOf(w, INSPECTOR, stamp)).toEqual({ changes: [], deliveries: [] });
  });
});
