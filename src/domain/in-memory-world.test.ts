import { describe, expect, it } from 'vitest';
import { GatewayStatus, newSession } from './agent.ts';
import { InMemoryWorld } from './in-memory-world.ts';
import { AGENT, INSPECTOR, OTHER_VDN_AGENT, scenarioAccounts, scenarioWorld } from './testing/scenario.ts';

const idle = newSession({ status: GatewayStatus.Idle, alwaysOffHook: false, loginTime: 0 });

describe('the in-memory world', () => {
  it('starts with no agents, and counts the configured ones', () => {
    expect(new InMemoryWorld().size).toBe(0);
    expect([...new InMemoryWorld().agents()]).toEqual([]);
    expect(scenarioWorld().size).toBe(scenarioAccounts().length);
  });

  it('counts an agent as signed in once, however often its session changes, and not after it signs out', () => {
    const w = scenarioWorld();
    w.setSession(INSPECTOR, idle);
    w.setSession(INSPECTOR, { ...idle, status: GatewayStatus.Busy });
    w.setSession(AGENT, idle);
    expect(w.signedInCount).toBe(2);
    w.setSession(INSPECTOR, null);
    w.setSession(INSPECTOR, null);
    expect(w.signedInCount).toBe(1);
    w.signOutAll();
    expect(w.signedInCount).toBe(0);
    expect(w.agent(AGENT)!.session).toBeNull();
    expect(w.size).toBe(scenarioAccounts().length);
  });

  it('refuses a session for an agent without an account, naming it', () => {
    expect(() => scenarioWorld().setSession('999', idle)).toThrow('agent "999" is not configured; add its account before giving it a session');
  });

  it('lists the agents of a VDN, none for an unknown VDN, and moves a replaced account to its new VDN signed out', () => {
    const w = scenarioWorld();
    expect([...w.agentsInVdn(2)].map((a) => a.id)).toEqual([OTHER_VDN_AGENT]);
    expect([...w.agentsInVdn(77)]).toEqual([]);
    w.setSession(AGENT, idle);
    const account = w.agent(AGENT)!.account;
    w.addAccount({ ...account, vdn: 2 });
    expect([...w.agentsInVdn(1)].map((a) => a.id)).not.toContain(AGENT);
    expect([...w.agentsInVdn(2)].map((a) => a.id)).toEqual([OTHER_VDN_AGENT, AGENT]);
    expect(w.agent(AGENT)!.session).toBeNull();
    expect(w.signedInCount).toBe(0);
  });
});
