/**
 * Builds the `src/domain` world of a QC scenario: the accounts of every role, and the sessions and barges the
 * scenario describes. Only data constructors of `src/domain` are used (accounts, sessions); no rule.
 */
import * as fc from 'fast-check';
import { GatewayStatus, newSession, sessionWith, type AgentAccount, type AgentSession } from '../../src/domain/agent.ts';
import type { AuthCheck } from '../../src/domain/decision.ts';
import { InMemoryWorld } from '../../src/domain/in-memory-world.ts';
import { mangleId } from '../arbitraries/agent-id.ts';
import type { SessionFacts } from '../arbitraries/agent-state.ts';
import { authCheckOf } from '../arbitraries/guid.ts';
import { callerIdOf, rawPathIds, targetIdOf, type CtiFault, type QcRoles, type QcScenario } from '../arbitraries/qc-scenario.ts';
import type { DocumentedIdRange } from '../model/documented-rules.ts';

/** A fixed clock for decisions. */
export const NOW = 1_764_064_800_000;

/** One QC call as the domain decisions take it. */
export interface DomainQcCall {
  readonly agentid: string;
  readonly workNo: string;
  readonly auth: AuthCheck;
  readonly fault?: CtiFault;
}

/** The inspector's and the other VDN's numbers. */
export interface Vdns {
  readonly own: number;
  readonly other: number;
}

/** Distinct valid IDs for every role of a scenario, anywhere in the documented range. */
export function rolesArb(range: DocumentedIdRange): fc.Arbitrary<QcRoles> {
  return fc
    .uniqueArray(fc.oneof(fc.constantFrom(range.min, range.max), fc.integer({ min: range.min, max: range.max })), { minLength: 10, maxLength: 10 })
    .map((ids) => {
      const [inspector, nonInspector, unconfiguredCaller, agent, inspectorTarget, otherVdnAgent, otherVdnInspector, unconfiguredTarget, otherInspector, bystander] = ids.map(String) as [
        string, string, string, string, string, string, string, string, string, string,
      ];
      return { inspector, nonInspector, unconfiguredCaller, agent, inspectorTarget, otherVdnAgent, otherVdnInspector, unconfiguredTarget, otherInspector, bystander };
    });
}

function session(facts: SessionFacts): AgentSession {
  return newSession({ status: facts.status, alwaysOffHook: facts.alwaysOffHook, loginTime: NOW - 60_000 });
}

/** The world and the call of a scenario. */
export function qcWorld(s: QcScenario, roles: QcRoles, vdns: Vdns): { world: InMemoryWorld; call: DomainQcCall; callerId: string; targetId: string } {
  const account = (id: string, vdn: number, inspector: boolean): AgentAccount => ({ id, vdn, inspector, phone: `888${id}`, password: `pw-${id}` });
  const world = new InMemoryWorld([
    account(roles.inspector, vdns.own, true),
    account(roles.nonInspector, vdns.own, false),
    account(roles.agent, vdns.own, false),
    account(roles.inspectorTarget, vdns.own, true),
    account(roles.otherVdnAgent, vdns.other, false),
    account(roles.otherVdnInspector, vdns.other, true),
    account(roles.otherInspector, vdns.own, true),
    account(roles.bystander, vdns.own, false),
  ]);
  const callerId = callerIdOf(s, roles);
  const targetId = targetIdOf(s, roles);
  if (s.caller) world.setSession(callerId, session(s.caller));
  if (s.target && s.targetKind !== 'self') world.setSession(targetId, session(s.target));
  const barge = (inspector: string, target: string) => {
    world.setSession(inspector, sessionWith(world.agent(inspector)!.session!, { status: GatewayStatus.Talking, barging: target }));
    world.setSession(target, sessionWith(world.agent(target)!.session!, { bargedBy: inspector }));
  };
  if (s.targetBargedBy === 'other-inspector') {
    world.setSession(roles.otherInspector, session({ status: 4, alwaysOffHook: false }));
    barge(roles.otherInspector, targetId);
  }
  if (s.callerBarging === 'target') barge(callerId, targetId);
  if (s.callerBarging === 'bystander') {
    world.setSession(roles.bystander, session({ status: 4, alwaysOffHook: false }));
    barge(callerId, roles.bystander);
  }
  const raw = rawPathIds(s, roles, mangleId);
  const call: DomainQcCall = { ...raw, auth: authCheckOf(s.guid), ...(s.fault ? { fault: s.fault } : {}) };
  return { world, call, callerId, targetId };
}

/** Every agent's session, by ID: to compare a world before and after a decision. */
export function sessionsOf(world: InMemoryWorld): Record<string, AgentSession | null> {
  const out: Record<string, AgentSession | null> = {};
  for (const a of world.agents()) out[a.id] = a.session;
  return out;
}
