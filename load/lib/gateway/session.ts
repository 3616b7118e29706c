/**
 * One agent's session at the gateway, used by one VU: its Guid (from `Set-GUID`, rotated by poll answers under
 * dynamic authentication), its own cookie jar (the gateway's `Set-Cookie` replayed per agent, as the sample clients
 * do), its inbox of polled events, and whether it is still signed in: an answer with a session-loss retcode of the
 * profile ends it (`ccgw_sessions_lost`), and the flows sign it in again.
 */
import http from 'k6/http';
import type { AgentAccount, AgentEvent, OperationId } from '../../../src/domain/index.ts';
import { metrics } from '../metrics.ts';
import type { CallResult } from './answer.ts';
import type { GatewayClient, Prepared } from './client.ts';
import { enqueue, removeAt } from './inbox.ts';

// Imports bound to module constants: sobek looks an imported binding up by name on every access, and this runs on
// every poll.
const queue = enqueue;

const GUID_HEADER = 'Guid';
export const CONTENT_TYPE = 'application/json; charset=UTF-8';

/** One agent's session, built by {@link GatewayClient.session}. */
export class GatewaySession {
  /** Signed in as far as this client knows. */
  signedIn = false;
  /** Epoch ms of the last poll answer (or of the sign-in). */
  lastPollAt = 0;
  /** Events polled but not consumed yet, oldest first. */
  readonly inbox: AgentEvent[] = [];
  /** This session's cookies (the gateway's Set-Cookie, replayed). */
  readonly jar = new http.CookieJar();
  /** Log contract problems as warnings (default true). */
  verbose = true;
  /** The agent's ID (a field, not a getter of `account`: it is read on every call). */
  readonly id: string;
  readonly #client: GatewayClient;
  #guid: string | undefined;
  /** Headers of the calls that carry the Guid: one object, updated when the Guid changes. */
  readonly #guidHeaders: Record<string, string> = { 'Content-Type': CONTENT_TYPE };
  readonly #plainHeaders: Readonly<Record<string, string>> = { 'Content-Type': CONTENT_TYPE };
  /** Requests this session sends again and again (poll, addinsert and cancel per target), built once. */
  readonly #prepared = new Map<string, Prepared>();
  /** The poll request, the most frequent: kept apart from the map. */
  #poll: Prepared | undefined;

  constructor(
    client: GatewayClient,
    readonly account: AgentAccount,
  ) {
    this.#client = client;
    this.id = account.id;
  }

  /** The current Guid; undefined before sign-in. */
  get guid(): string | undefined {
    return this.#guid;
  }

  /** The headers object of this session's requests (see {@link GatewayClient.prepare}). */
  headersFor(requiresGuid: boolean): Readonly<Record<string, string>> {
    return requiresGuid ? this.#guidHeaders : this.#plainHeaders;
  }

  #setGuid(guid: string): void {
    this.#guid = guid;
    this.#guidHeaders[GUID_HEADER] = guid;
  }

  /** Takes a Guid from a Set-GUID header; a change after sign-in counts as a rotation. */
  takeGuid(guid: string, op: OperationId): void {
    if (this.#guid !== undefined && guid !== this.#guid && op !== 'signIn' && op !== 'forceLogin') metrics.guidRotations.add(1);
    this.#setGuid(guid);
  }

  /** Adopts a Guid issued out of band (the mock's bulk sign-in). */
  adopt(guid: string): void {
    this.#setGuid(guid);
    this.signedIn = true;
    this.lastPollAt = Date.now();
  }

  #cached(op: 'getAgentEvent' | 'addInsert' | 'cancelInsert', target?: string): Prepared {
    const key = target === undefined ? op : `${op} ${target}`;
    let prepared = this.#prepared.get(key);
    if (!prepared) {
      prepared = this.#client.prepare(op, target === undefined ? { agentid: this.id } : { agentid: this.id, workNo: target }, { session: this });
      this.#prepared.set(key, prepared);
    }
    return prepared;
  }

  /** The sign-in request (idle, phone released after calls, i.e. not always off-hook). */
  prepareSignIn(force = false): Prepared {
    const body = { password: this.account.password, phonenum: this.account.phone, status: 4, releasephone: true, autoanswer: true, autoenteridle: true, agenttype: 4 };
    return this.#client.prepare(force ? 'forceLogin' : 'signIn', { agentid: this.id }, { session: this, body });
  }

  /**
   * Signs in; with `force`, takes over an existing session (forcelogin). On retcode 0 the answer must carry
   * `Set-GUID` (the contract check says so when it does not).
   */
  signIn(force = false): CallResult {
    return this.afterSignIn(this.#client.send(this.prepareSignIn(force)));
  }

  /** Applies a sign-in answer (sent alone or in a batch). */
  afterSignIn(result: CallResult): CallResult {
    if (result.ok) {
      this.signedIn = true;
      this.lastPollAt = Date.now();
    }
    return result;
  }

  /** The poll request. */
  preparePoll(): Prepared {
    return (this.#poll ??= this.#cached('getAgentEvent'));
  }

  /** Polls once (a long poll: returns at once with an event, or after the gateway's wait with none). */
  poll(): CallResult {
    return this.afterPoll(this.#client.send(this.preparePoll()));
  }

  /** Applies a poll answer: queues the event, notices a lost session. */
  afterPoll(result: CallResult): CallResult {
    if (result.ok) {
      this.lastPollAt = result.at;
      if (result.event !== null) queue(this.inbox, result.event);
    } else {
      this.#noticeLost(result);
    }
    return result;
  }

  /** Removes and returns the oldest unconsumed event of one of `types`, if any. */
  take(types: readonly string[]): AgentEvent | undefined {
    const inbox = this.inbox;
    for (let i = 0; i < inbox.length; i++) {
      const e = inbox[i]!;
      if (!types.includes(e.eventType)) continue;
      removeAt(inbox, i);
      return e;
    }
    return undefined;
  }

  /** The addinsert request: barge into `target`. */
  prepareAddInsert(target: string): Prepared {
    return this.#cached('addInsert', target);
  }

  /** Barges into `target`. */
  addInsert(target: string): CallResult {
    return this.#after(this.#client.send(this.prepareAddInsert(target)));
  }

  /** The cancel request: end this inspector's listen/insert on `target`. */
  prepareCancelInsert(target: string): Prepared {
    return this.#cached('cancelInsert', target);
  }

  /** Ends this inspector's listen/insert on `target`. */
  cancelInsert(target: string): CallResult {
    return this.#after(this.#client.send(this.prepareCancelInsert(target)));
  }

  /** Sets the agent idle. */
  sayFree(): CallResult {
    return this.#call('sayFree');
  }

  /** Reads the agent's status. */
  agentStatus(): CallResult {
    return this.#call('agentStatus');
  }

  /** The forced sign-out request (releases any call). */
  prepareForceLogout(): Prepared {
    return this.#client.prepare('forceLogout', { agentid: this.id }, { session: this });
  }

  /** Signs out (refused while in a call). */
  logout(): CallResult {
    return this.#signedOutBy(this.#call('logout'));
  }

  /** Signs out, releasing any call. */
  forceLogout(): CallResult {
    return this.#signedOutBy(this.#after(this.#client.send(this.prepareForceLogout())));
  }

  /** Applies the answer of a call made in a batch (addinsert races). */
  afterCall(result: CallResult): CallResult {
    return this.#after(result);
  }

  #call(op: 'sayFree' | 'agentStatus' | 'logout'): CallResult {
    return this.#after(this.#client.send(this.#client.prepare(op, { agentid: this.id }, { session: this })));
  }

  #signedOutBy(result: CallResult): CallResult {
    if (result.ok) this.signedIn = false;
    return result;
  }

  #after(result: CallResult): CallResult {
    this.#noticeLost(result);
    return result;
  }

  #noticeLost(result: CallResult): void {
    if (!result.ok && this.signedIn && result.retcode !== undefined && this.#client.options.sessionLoss.includes(result.retcode)) {
      this.signedIn = false;
      metrics.sessionsLost.add(1, { op: result.op });
    }
  }
}
