/**
 * The accounts a model-based run plays with, picked from a fixtures file: several inspectors and agents of one VDN,
 * and an account of another VDN when the fixtures have one. Agents without the inspection right also call
 * addinsert (and must be refused).
 */
import type { AgentAccount } from '../../src/domain/agent.ts';

export interface Cast {
  /** Inspectors of the main VDN. */
  readonly inspectors: readonly AgentAccount[];
  /** Agents without the inspection right in the main VDN. */
  readonly agents: readonly AgentAccount[];
  /** Accounts of another VDN (an agent if there is one), possibly none. */
  readonly otherVdn: readonly AgentAccount[];
  /** Every account above. */
  readonly all: readonly AgentAccount[];
}

/** How many accounts of each kind to pick (at most). */
export interface CastSize {
  readonly inspectors: number;
  readonly agents: number;
  readonly otherVdn: number;
}

export const DEFAULT_CAST_SIZE: CastSize = { inspectors: 3, agents: 2, otherVdn: 1 };

/** The fixtures cannot cast a run; the message says what they lack. */
export class CastError extends Error {
  override readonly name = 'CastError';
}

const byId = (a: AgentAccount, b: AgentAccount) => Number(a.id) - Number(b.id);

/**
 * Picks the cast: the VDN with the most inspectors among those with at least two inspectors and one agent.
 * @throws CastError when no VDN has two inspectors and an agent
 */
export function castFromAccounts(accounts: readonly AgentAccount[], size: CastSize = DEFAULT_CAST_SIZE): Cast {
  const vdns = new Map<number, { inspectors: AgentAccount[]; agents: AgentAccount[] }>();
  for (const a of accounts) {
    let v = vdns.get(a.vdn);
    if (!v) vdns.set(a.vdn, (v = { inspectors: [], agents: [] }));
    (a.inspector ? v.inspectors : v.agents).push(a);
  }
  const fit = [...vdns].filter(([, v]) => v.inspectors.length >= 2 && v.agents.length >= 1).sort((a, b) => b[1].inspectors.length - a[1].inspectors.length || a[0] - b[0]);
  const main = fit[0];
  if (!main) {
    const seen = [...vdns].map(([vdn, v]) => `VDN ${vdn}: ${v.inspectors.length} inspector(s), ${v.agents.length} agent(s)`).join('; ');
    throw new CastError(`the model-based properties need one VDN with at least 2 inspectors and 1 agent without the inspection right; the fixtures have ${seen || 'no accounts'}; add accounts to the fixtures file`);
  }
  const [mainVdn, v] = main;
  const inspectors = [...v.inspectors].sort(byId).slice(0, size.inspectors);
  const agents = [...v.agents].sort(byId).slice(0, size.agents);
  const others = accounts.filter((a) => a.vdn !== mainVdn).sort((a, b) => Number(a.inspector) - Number(b.inspector) || byId(a, b));
  const otherVdn = others.slice(0, size.otherVdn);
  return { inspectors, agents, otherVdn, all: [...inspectors, ...agents, ...otherVdn] };
}
