import { describe, expect, it } from 'vitest';
import { GatewayStatus, newSession, sessionWith, type AgentSession } from '../domain/agent.ts';
import type { SessionChange } from '../domain/decision.ts';
import { InMemoryWorld } from '../domain/in-memory-world.ts';
import { Audit } from './audit.ts';

const ids = ['30101', '30102', '30201'];
const idle = newSession({ status: GatewayStatus.Idle, alwaysOffHook: false, loginTime: 0 });

/** A world whose session changes the audit observes, as the mock's world does. */
function audited() {
  const audit = new Audit(() => 0);
  const world = new InMemoryWorld(ids.map((id) => ({ id, vdn: 1, inspector: id.startsWith('301'), phone: id, password: 'pw' })));
  const apply = (...changes: SessionChange[]) => {
    for (const c of changes) {
      world.setSession(c.agent, c.session);
      audit.observe(c.agent, c.session, world);
    }
    audit.checkLinks(changes, world);
  };
  const session = (id: string) => world.agent(id)!.session!;
  for (const id of ids) apply({ agent: id, session: idle });
  return { audit, apply, session };
}

const barge = (inspector: AgentSession, target: AgentSession, inspectorId: string, targetId: string): SessionChange[] => [
  { agent: inspectorId, session: sessionWith(inspector, { status: GatewayStatus.Talking, barging: targetId }) },
  { agent: targetId, session: sessionWith(target, { bargedBy: inspectorId }) },
];
const cancel = (inspector: AgentSession, target: AgentSession, inspectorId: string, targetId: string): SessionChange[] => [
  { agent: inspectorId, session: sessionWith(inspector, { status: GatewayStatus.Idle, barging: null }) },
  { agent: targetId, session: sessionWith(target, { bargedBy: null }) },
];

describe('Audit', () => {
  it('sees no violation in many barges and cancels, nor when both parties sign out afterwards', () => {
    const { audit, apply, session } = audited();
    for (let i = 0; i < 100; i++) {
      apply(...barge(session('30101'), session('30201'), '30101', '30201'));
      apply(...cancel(session('30101'), session('30201'), '30101', '30201'));
    }
    apply({ agent: '30101', session: null }, { agent: '30201', session: null });
    expect(audit.report()).toMatchObject({ violationCount: 0, checks: 3 + 400 + 2 });
  });

  it('reports a second inspector inserted into one agent, naming both', () => {
    const { audit, apply, session } = audited();
    apply(...barge(session('30101'), session('30201'), '30101', '30201'));
    apply({ agent: '30102', session: sessionWith(session('30102'), { status: GatewayStatus.Talking, barging: '30201' }) });
    expect(audit.report().violations.map((v) => [v.invariant, v.detail])).toContainEqual(['one-inspector-per-agent', 'agent 30201 has 2 inspectors inserted: 30101, 30102']);
  });

  it('reports a barge whose target does not point back', () => {
    const { audit, apply, session } = audited();
    apply({ agent: '30101', session: sessionWith(session('30101'), { status: GatewayStatus.Talking, barging: '30201' }) });
    expect(audit.report().violations).toMatchObject([{ invariant: 'mutual-barge-link', detail: 'inspector 30101 barges into 30201, whose bargedBy is null' }]);
  });

  it('reports an inspector signed out while still barging', () => {
    const { audit, apply, session } = audited();
    apply(...barge(session('30101'), session('30201'), '30101', '30201'));
    apply({ agent: '30101', session: null });
    const details = audit.report().violations.map((v) => v.detail);
    expect(details).toContain('agent 30201 is barged by 30101, who barges into (not signed in)');
  });

  it('starts again from nothing after reset', () => {
    const { audit, apply, session } = audited();
    apply({ agent: '30101', session: sessionWith(session('30101'), { status: GatewayStatus.Talking, barging: '30201' }) });
    audit.reset();
    expect(audit.report()).toEqual({ checks: 0, violationCount: 0, violations: [] });
  });
});
