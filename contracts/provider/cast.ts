/**
 * Casting the pact's roles (inspector, target, ...) to the accounts of a fixtures file for a live verification.
 * The pact names the demo accounts as examples; a live gateway has its own test accounts. The cast picks the VDN
 * whose accounts can play the most roles (first in file order on a tie) and, in it, the first accounts that fit
 * each role; roles may also be pinned to accounts by ID. A role nobody can play is reported with what it requires.
 */
import type { AgentAccount } from '../../src/domain/agent.ts';
import type { LoadedFixtures } from '../../src/fixtures/index.ts';
import { ROLE_REQUIREMENTS, ROLES, type Role } from '../provider-states.ts';

/** Which account plays each role, and why a role has none. */
export interface Cast {
  readonly accounts: Readonly<Partial<Record<Role, AgentAccount>>>;
  /** For each role without an account: what the fixtures lack, as a sentence. */
  readonly missing: Readonly<Partial<Record<Role, string>>>;
}

/** A role pinned to an account that does not fit it; the message names the account, the role and the fix. */
export class CastError extends Error {
  override readonly name = 'CastError';
}

/**
 * Casts every role to an account of the fixtures.
 *
 * @throws CastError when a pinned account is not in the fixtures or does not fit its role.
 */
export function castRoles(fixtures: LoadedFixtures, pinned: Readonly<Partial<Record<Role, string>>> = {}): Cast {
  const byId = new Map(fixtures.accounts.map((a) => [a.id, a]));
  const pinnedAccounts: Partial<Record<Role, AgentAccount>> = {};
  for (const [role, id] of Object.entries(pinned) as [Role, string | undefined][]) {
    if (id === undefined) continue;
    if (!ROLES.includes(role)) throw new CastError(`unknown role ${JSON.stringify(role)}; the roles are ${ROLES.join(', ')}`);
    const account = byId.get(id);
    if (!account) throw new CastError(`the ${role} is pinned to agent ${id}, which is not in the fixtures "${fixtures.name}" (${fixtures.source}); add it or pin another agent`);
    pinnedAccounts[role] = account;
  }

  const vdns = [...new Set(fixtures.accounts.map((a) => a.vdn))];
  const pinnedVdn = (pinnedAccounts.inspector ?? pinnedAccounts.target ?? pinnedAccounts.otherInspector ?? pinnedAccounts.nonInspector)?.vdn;
  let best: { accounts: Partial<Record<Role, AgentAccount>>; filled: number } | undefined;
  for (const vdn of pinnedVdn === undefined ? vdns : [pinnedVdn]) {
    const accounts = castInVdn(fixtures.accounts, vdn, pinnedAccounts);
    const filled = Object.keys(accounts).length;
    if (!best || filled > best.filled) best = { accounts, filled };
  }
  const accounts = best?.accounts ?? {};
  for (const [role, account] of Object.entries(pinnedAccounts) as [Role, AgentAccount][]) {
    const problem = misfit(role, account, accounts);
    if (problem) throw new CastError(`the ${role} is pinned to agent ${account.id}, which ${problem}; ${role} needs ${ROLE_REQUIREMENTS[role]}`);
  }
  const missing: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    if (accounts[role] === undefined) missing[role] = `the fixtures "${fixtures.name}" (${fixtures.source}) lack ${ROLE_REQUIREMENTS[role]} (role ${role}); add one to the fixtures file`;
  }
  return { accounts, missing };
}

function castInVdn(all: readonly AgentAccount[], vdn: number, pinned: Partial<Record<Role, AgentAccount>>): Partial<Record<Role, AgentAccount>> {
  const cast: Partial<Record<Role, AgentAccount>> = { ...pinned };
  const used = new Set(Object.values(cast).map((a) => a.id));
  const fill = (role: Role, fits: (a: AgentAccount) => boolean): void => {
    if (cast[role]) return;
    const found = all.find((a) => !used.has(a.id) && fits(a));
    if (!found) return;
    cast[role] = found;
    used.add(found.id);
  };
  fill('inspector', (a) => a.inspector && a.vdn === vdn);
  fill('target', (a) => !a.inspector && a.vdn === vdn);
  fill('otherInspector', (a) => a.inspector && a.vdn === vdn);
  fill('nonInspector', (a) => !a.inspector && a.vdn === vdn);
  fill('otherVdnTarget', (a) => !a.inspector && a.vdn !== vdn);
  return cast;
}

/** Why an account cannot play a role in this cast, or undefined when it can. */
function misfit(role: Role, account: AgentAccount, cast: Partial<Record<Role, AgentAccount>>): string | undefined {
  const vdn = cast.inspector?.vdn;
  const wantsInspector = role === 'inspector' || role === 'otherInspector';
  if (wantsInspector && !account.inspector) return 'has no inspection right in the fixtures';
  if (!wantsInspector && account.inspector) return 'has the inspection right in the fixtures';
  if (vdn !== undefined && role !== 'inspector' && role !== 'otherVdnTarget' && account.vdn !== vdn) return `is in VDN ${account.vdn}, the inspector in VDN ${vdn}`;
  if (vdn !== undefined && role === 'otherVdnTarget' && account.vdn === vdn) return `is in the inspector's VDN ${vdn}`;
  const twin = (Object.entries(cast) as [Role, AgentAccount][]).find(([r, a]) => r !== role && a.id === account.id);
  if (twin) return `already plays the ${twin[0]}`;
  return undefined;
}
