/**
 * Everything the mock holds: the agents (accounts and sessions), Guids, event queues, last-poll times, faults,
 * counters and the audit; and the one place where a decision is applied, atomically (within one turn of the
 * event loop, so concurrent calls never interleave inside it).
 */
import type { AgentAccount, AgentSession } from '../domain/agent.ts';
import type { AuthCheck, Decision } from '../domain/decision.ts';
import { InMemoryWorld } from '../domain/in-memory-world.ts';
import type { Profile } from '../domain/profiles.ts';
import type { FixturesDocument } from '../fixtures/fixtures-document.ts';
import { Audit } from './audit.ts';
import { Counters } from './counters.ts';
import { EventQueues } from './event-queues.ts';
import type { Fault } from './faults.ts';
import { GuidBook, type GuidBookOptions } from './guid-book.ts';

/** Where the mock's accounts came from: the fixtures document as written, never with resolved passwords. */
export interface FixturesOrigin {
  /** A file path, "built-in demo fixtures" or the admin call that replaced them. */
  readonly source: string;
  readonly document: FixturesDocument;
  /** The directory `{ "file" }` passwords are read from, when the document was read from a file. */
  readonly baseDir?: string;
}

export interface GatewayStateOptions {
  readonly accounts: Iterable<AgentAccount>;
  readonly profile: Profile;
  readonly auth: GuidBookOptions;
  readonly queueCapacity: number;
  readonly clock?: () => number;
}

/** A world that tells the audit about every session it sets. */
class AuditedWorld extends InMemoryWorld {
  constructor(
    accounts: Iterable<AgentAccount>,
    readonly audit: Audit,
  ) {
    super(accounts);
  }
  override setSession(id: string, session: AgentSession | null): void {
    super.setSession(id, session);
    this.audit.observe(id, session, this);
  }
}

export class GatewayState {
  readonly clock: () => number;
  readonly audit: Audit;
  readonly counters = new Counters();
  readonly guids: GuidBook;
  readonly queues: EventQueues;
  /** Last poll (or sign-in) per signed-in agent, for the no-poll sign-out. */
  readonly lastSeen = new Map<string, number>();
  world: InMemoryWorld;
  profile: Profile;
  faults: readonly Fault[] = [];
  /** The fixtures document the accounts came from, as written (for `GET /__admin/fixtures`); undefined when none. */
  fixtures: FixturesOrigin | undefined = undefined;

  constructor(options: GatewayStateOptions) {
    this.clock = options.clock ?? Date.now;
    this.audit = new Audit(this.clock);
    this.world = new AuditedWorld(options.accounts, this.audit);
    this.profile = options.profile;
    this.guids = new GuidBook(options.auth);
    this.queues = new EventQueues({ capacity: options.queueCapacity });
  }

  /** How a call's Guid header compares with the Guids issued to `agentId`. */
  authCheck(agentId: string, guid: string | undefined, now: number): AuthCheck {
    return this.guids.check(agentId, guid, now);
  }

  /**
   * Applies a decision: session changes, Guids revoked and issued, queues closed and reset, events delivered.
   * Returns the Guid issued to a newly signed-in agent. `forcedGuid` sets that Guid's value (admin API).
   */
  perform(decision: Decision<object>, now: number = this.clock(), forcedGuid?: string): string | undefined {
    for (const change of decision.changes) this.world.setSession(change.agent, change.session);
    for (const id of decision.signedOut) {
      this.guids.revoke(id);
      this.lastSeen.delete(id);
    }
    let issued: string | undefined;
    if (decision.signedIn !== null) {
      this.queues.reset(decision.signedIn);
      issued = this.guids.issue(decision.signedIn, now, forcedGuid);
      this.lastSeen.set(decision.signedIn, now);
    }
    for (const d of decision.deliveries) this.queues.push(d.to, d.event);
    for (const id of decision.signedOut) if (id !== decision.signedIn) this.queues.close(id);
    this.audit.checkLinks(decision.changes, this.world);
    return issued;
  }

  /** Replaces the accounts; everyone is signed out. */
  replaceAccounts(accounts: Iterable<AgentAccount>): void {
    this.clearSessions();
    this.world = new AuditedWorld(accounts, this.audit);
  }

  /** Signs everyone out and clears queues, Guids, faults, counters and the audit; keeps the accounts. */
  reset(): void {
    this.clearSessions();
    this.faults = [];
    this.counters.reset();
    this.audit.reset();
  }

  clearSessions(): void {
    this.world.signOutAll();
    this.guids.clear();
    this.queues.clear();
    this.lastSeen.clear();
    this.audit.reset();
  }
}
