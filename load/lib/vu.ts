/**
 * The state one VU keeps across its iterations: the unit it owns for the whole run (see `partition.ts`), a client,
 * a session per account of the unit (signed in on first use and again after a lost session), and the ledger its
 * barges and cancels go through. Module state is per VU: each k6 VU runs its own copy of the script.
 */
import exec from 'k6/execution';
import type { LoadConfig } from './config-parse.ts';
import { GatewayClient, gatewayOptions } from './gateway/client.ts';
import type { GatewaySession } from './gateway/session.ts';
import { BargeLedger } from './invariant.ts';
import type { SetupData } from './lifecycle.ts';
import { accountsOf, accountsOfUnits, unitForVu, type Unit } from './partition.ts';

/** One VU's unit, client, sessions and ledger. */
export class Vu<U extends Unit = Unit> {
  readonly client: GatewayClient;
  readonly ledger = new BargeLedger();
  /** A session per account of the unit, by ID. */
  readonly sessions: ReadonlyMap<string, GatewaySession>;
  /** Every session of the unit: the inspectors, then the agent. */
  readonly all: readonly GatewaySession[];
  /** The sessions of each (inspector, target) pair asked for, kept: a pair runs thousands of times a second. */
  readonly #pairs = new Map<string, readonly [GatewaySession, GatewaySession]>();

  constructor(
    readonly config: LoadConfig,
    readonly unit: U,
  ) {
    this.client = new GatewayClient(gatewayOptions(config));
    const byId = accountsOfUnits(config.accounts, [unit]);
    this.sessions = new Map(accountsOf(unit).map((id) => [id, this.client.session(byId.get(id)!)]));
    this.all = [...this.sessions.values()];
  }

  /** The session of an account of the unit. */
  session(id: string): GatewaySession {
    return this.sessions.get(id)!;
  }

  /** The sessions of `inspectorId` and `targetId`, as one array. */
  pair(inspectorId: string, targetId: string): readonly [GatewaySession, GatewaySession] {
    const key = `${inspectorId} ${targetId}`;
    let both = this.#pairs.get(key);
    if (!both) this.#pairs.set(key, (both = [this.session(inspectorId), this.session(targetId)]));
    return both;
  }
}

let current: Vu | null | undefined;

/**
 * This VU's state (its unit is the plan's `exec.vu.idInTest`-th), made on its first iteration. Null when the plan
 * has no unit for this VU or another process owns it: the VU then stays idle.
 */
export function vuOf<U extends Unit>(config: LoadConfig, plan: readonly U[], data: SetupData): Vu<U> | null {
  if (current !== undefined) return current as Vu<U> | null;
  const unit = unitForVu(plan, exec.vu.idInTest);
  if (!unit || !data.owned.includes(exec.vu.idInTest - 1)) {
    console.warn(`VU ${exec.vu.idInTest} has no unit of work (plan of ${plan.length}, this process owns ${data.owned.length}); it stays idle`);
    current = null;
    return null;
  }
  const vu = new Vu(config, unit);
  current = vu;
  return vu;
}
