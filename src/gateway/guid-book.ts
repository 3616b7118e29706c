/**
 * The Guids the mock has issued. Static authentication (AUTHMODE 1): one Guid per sign-in, valid until sign-out.
 * Dynamic authentication (AUTHMODE 2, the gateway's default): a poll made `intervalMs` after the current Guid was
 * issued rotates it; the new one is sent in `Set-GUID`; every Guid expires `timeoutMs` after it was issued, so the
 * previous one keeps working until then.
 */
import { randomUUID } from 'node:crypto';
import type { AuthCheck } from '../domain/decision.ts';

export type AuthMode = 'static' | 'dynamic';

const PREFIX = 'jsessionid=';

/**
 * The Guid in a Guid header: the value itself, or the part after `JSESSIONID=` (any case) when a client sends the
 * whole Set-GUID value. The documents and every public client send the bare value; that a gateway accepts the
 * prefixed one is not documented (docs/sources/ccgw-facts.md §8f): the mock accepts both (inferred).
 */
export function bareGuid(sent: string): string {
  // Most calls carry the bare Guid: a one-character test keeps them off the lower-casing below.
  const first = sent.charCodeAt(0) | 32;
  if (first !== 106 || sent.length <= PREFIX.length || sent.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return sent;
  return sent.slice(PREFIX.length);
}

export interface GuidBookOptions {
  readonly mode: AuthMode;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  /** Gateway node suffix of Guids, e.g. `AgentGateway0`. */
  readonly node?: string;
}

interface Issued {
  readonly guid: string;
  readonly at: number;
}

interface Entry {
  current: Issued;
  previous: Issued | null;
}

export class GuidBook {
  readonly #entries = new Map<string, Entry>();
  readonly #node: string;

  constructor(readonly options: GuidBookOptions) {
    if (options.mode === 'dynamic' && !(options.intervalMs < options.timeoutMs)) {
      throw new RangeError(`guid interval ${options.intervalMs} ms must be shorter than the guid timeout ${options.timeoutMs} ms (EN/cec_07_0005)`);
    }
    this.#node = options.node ?? 'AgentGateway0';
  }

  /** A fresh Guid in the documented format `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.AgentGateway0`. */
  newGuid(): string {
    // randomUUID() returns a tree of concatenated strings (~500 bytes); a Guid is kept per signed-in agent, so it
    // is stored flat (50 bytes): with 60,000 agents that is the difference of 30 MB.
    return Buffer.from(`${randomUUID()}.${this.#node}`, 'latin1').toString('latin1');
  }

  /** Issues a Guid for a new session of `agentId`, revoking earlier ones. `guid` forces a value (admin API). */
  issue(agentId: string, now: number, guid: string = this.newGuid()): string {
    this.revoke(agentId);
    this.#entries.set(agentId, { current: { guid, at: now }, previous: null });
    return guid;
  }

  /** Forgets every Guid of `agentId`. */
  revoke(agentId: string): void {
    const entry = this.#entries.get(agentId);
    if (!entry) return;
    this.#entries.delete(agentId);
  }

  /** Compares the Guid a call carried (bare, or as `JSESSIONID=<guid>`) with the ones issued to `agentId`. */
  check(agentId: string, sent: string | undefined, now: number): AuthCheck {
    if (sent === undefined || sent === '') return 'missing';
    const guid = bareGuid(sent);
    const entry = this.#entries.get(agentId);
    if (!entry) return 'mismatch';
    if (entry.current.guid === guid) return this.options.mode === 'dynamic' && now >= entry.current.at + this.options.timeoutMs ? 'mismatch' : 'valid';
    if (entry.previous?.guid === guid && now < entry.previous.at + this.options.timeoutMs) return 'valid';
    return 'mismatch';
  }

  /** Under dynamic auth, rotates the current Guid when it is due and returns the new one (else undefined). */
  rotateIfDue(agentId: string, now: number): string | undefined {
    if (this.options.mode !== 'dynamic') return undefined;
    const entry = this.#entries.get(agentId);
    if (!entry || now < entry.current.at + this.options.intervalMs) return undefined;
    const guid = this.newGuid();
    entry.previous = entry.current;
    entry.current = { guid, at: now };
    return guid;
  }

  /**
   * Issues a new current Guid for a signed-in agent at its request (updateGuid), whatever the mode; the previous one
   * stays valid until its timeout, as after a rotation. Returns undefined when the agent has no Guid.
   */
  renew(agentId: string, now: number): string | undefined {
    const entry = this.#entries.get(agentId);
    if (!entry) return undefined;
    const guid = this.newGuid();
    entry.previous = entry.current;
    entry.current = { guid, at: now };
    return guid;
  }

  /** The current Guid of `agentId`, if signed in. */
  current(agentId: string): string | undefined {
    return this.#entries.get(agentId)?.current.guid;
  }

  /** Forgets everything. */
  clear(): void {
    this.#entries.clear();
  }
}
