/**
 * The agents of one gateway in memory: configured accounts and their sessions. It is the `WorldView` the
 * decisions read and the `SessionStore` they are applied to.
 */
import type { AgentAccount, AgentSession, AgentView } from './agent.ts';
import { applyDecision, type Decision, type SessionStore, type WorldView } from './decision.ts';

interface Slot {
  account: AgentAccount;
  session: AgentSession | null;
}

export class InMemoryWorld implements WorldView, SessionStore {
  readonly #slots = new Map<string, Slot>();
  /** Agent IDs by VDN, for the VDN views. */
  readonly #byVdn = new Map<number, Set<string>>();
  #signedIn = 0;

  constructor(accounts: Iterable<AgentAccount> = []) {
    for (const account of accounts) this.addAccount(account);
  }

  /** Adds or replaces an account; a replaced account keeps no session. */
  addAccount(account: AgentAccount): void {
    const previous = this.#slots.get(account.id);
    if (previous?.session) this.#signedIn--;
    if (previous) this.#byVdn.get(previous.account.vdn)?.delete(account.id);
    this.#slots.set(account.id, { account, session: null });
    let ids = this.#byVdn.get(account.vdn);
    if (!ids) this.#byVdn.set(account.vdn, (ids = new Set()));
    ids.add(account.id);
  }

  agent(id: string): AgentView | undefined {
    return this.#slots.get(id);
  }

  *agentsInVdn(vdn: number): IterableIterator<AgentView & { readonly id: string }> {
    for (const id of this.#byVdn.get(vdn) ?? []) {
      const slot = this.#slots.get(id)!;
      yield { id, account: slot.account, session: slot.session };
    }
  }

  /** Sets an agent's session. Throws for an agent that is not configured: decisions never produce one. */
  setSession(id: string, session: AgentSession | null): void {
    const slot = this.#slots.get(id);
    if (!slot) throw new Error(`agent ${JSON.stringify(id)} is not configured; add its account before giving it a session`);
    if (slot.session && !session) this.#signedIn--;
    if (!slot.session && session) this.#signedIn++;
    slot.session = session;
  }

  /** Applies a decision's session changes. */
  apply(decision: Decision<object>): void {
    applyDecision(this, decision);
  }

  /** Number of configured agents. */
  get size(): number {
    return this.#slots.size;
  }

  /** Number of signed-in agents. */
  get signedInCount(): number {
    return this.#signedIn;
  }

  /** Every agent, in insertion order. */
  *agents(): IterableIterator<AgentView & { readonly id: string }> {
    for (const [id, slot] of this.#slots) yield { id, account: slot.account, session: slot.session };
  }

  /** Signs every agent out and keeps the accounts. */
  signOutAll(): void {
    for (const slot of this.#slots.values()) slot.session = null;
    this.#signedIn = 0;
  }
}
