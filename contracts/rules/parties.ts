/**
 * Who plays what in the rule suite on one gateway: the fixtures' accounts cast to the roles (the same cast as the
 * pact's live verification), and the ID without an account. On a mock seeded from the fixtures every account is
 * known, so any in-range ID outside them is safe to call about; on any other gateway only the fixtures' accounts and
 * their `unconfiguredIds` are, and a case that would need another ID is skipped.
 */
import type { AgentAccount } from '../../src/domain/agent.ts';
import type { WitnessParties } from '../../src/domain/expect-witness.ts';
import type { Profile } from '../../src/domain/profiles.ts';
import type { LoadedFixtures } from '../../src/fixtures/index.ts';
import { castRoles, type Cast } from '../provider/cast.ts';

/** The parties of the suite, and the cast behind them (for messages). */
export interface SuiteParties extends WitnessParties {
  readonly cast: Cast;
}

function inRange(id: string, profile: Profile): boolean {
  const n = Number(id);
  return n >= profile.ids.min && n <= profile.ids.max;
}

/** Casts the fixtures to the roles and picks the unconfigured ID. */
export function suiteParties(fixtures: LoadedFixtures, profile: Profile, options: { readonly knowsEveryAccount: boolean }): SuiteParties {
  const cast = castRoles(fixtures);
  const byId = new Map<string, AgentAccount>(fixtures.accounts.map((a) => [a.id, a]));
  const declared = new Set(fixtures.unconfiguredIds ?? []);
  let unconfiguredId = [...declared].find((id) => inRange(id, profile) && !byId.has(id));
  if (unconfiguredId === undefined && options.knowsEveryAccount) {
    // Every ID outside the accounts has none; take one from the middle of the range, away from its bounds.
    for (let n = Math.floor((profile.ids.min + profile.ids.max) / 2); n <= profile.ids.max; n++) {
      if (!byId.has(String(n))) {
        unconfiguredId = String(n);
        break;
      }
    }
  }
  return {
    cast,
    account: (role) => cast.accounts[role],
    unconfiguredId,
    isUnconfigured: (id) => !byId.has(id) && (options.knowsEveryAccount || declared.has(id)),
    lookup: (id) => byId.get(id),
    knowsEveryAccount: options.knowsEveryAccount,
  };
}
