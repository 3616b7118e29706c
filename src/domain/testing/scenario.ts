/** Building blocks for domain tests: a small set of accounts and helpers that put agents into a state directly. */
import { GatewayStatus, newSession, type AgentAccount } from '../agent.ts';
import { InMemoryWorld } from '../in-memory-world.ts';

export const INSPECTOR = '30169';
export const SECOND_INSPECTOR = '30171';
export const AGENT = '30170';
export const SECOND_AGENT = '30172';
export const OTHER_VDN_AGENT = '40100';
export const NOT_CONFIGURED = '12345';
export const NOW = 1_732_521_600_000;

/** Accounts: two inspectors and two agents in VDN 1, one agent in VDN 2. Password = `pw-<id>`, phone = `888<id>`. */
export function scenarioAccounts(): AgentAccount[] {
  const make = (id: string, vdn: number, inspector: boolean): AgentAccount => ({ id, vdn, inspector, phone: `888${id}`, password: `pw-${id}` });
  return [make(INSPECTOR, 1, true), make(SECOND_INSPECTOR, 1, true), make(AGENT, 1, false), make(SECOND_AGENT, 1, false), make(OTHER_VDN_AGENT, 2, false)];
}

export function scenarioWorld(): InMemoryWorld {
  return new InMemoryWorld(scenarioAccounts());
}

/** Gives `id` a session in `status` (idle by default). */
export function signedIn(world: InMemoryWorld, id: string, status: GatewayStatus = GatewayStatus.Idle, alwaysOffHook = false): void {
  world.setSession(id, newSession({ status, alwaysOffHook, loginTime: NOW - 1000 }));
}

/** Puts `inspector` into a barge on `target` as a successful addinsert would. Both must be signed in. */
export function barged(world: InMemoryWorld, inspector: string, target: string): void {
  const i = world.agent(inspector)?.session;
  const t = world.agent(target)?.session;
  if (!i || !t) throw new Error(`barged(${inspector}, ${target}): both agents must be signed in first`);
  world.setSession(inspector, { ...i, status: GatewayStatus.Talking, barging: target });
  world.setSession(target, { ...t, bargedBy: inspector });
}
