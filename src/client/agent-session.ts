/**
 * One agent's session on one gateway: its Guid, its cookies, and one method per operation of the contract.
 * Create it with `client.agent(id)`; each call of that creates a new, independent session (two sessions of one
 * agent model two browsers, e.g. for a force-login that takes over).
 *
 * Guid handling: `Set-GUID: JSESSIONID=<guid>` of any 200 answer (sign-in, forcelogin, and the event poll under
 * dynamic authentication) replaces the session's Guid; every operation the contract marks `requiresGuid` sends it
 * as the header `Guid`. `useGuid()` overrides it for tests (another agent's Guid, a wrong one, or none).
 * Cookies from `Set-Cookie` are kept per session and sent back as `Cookie` (NSLB stickiness).
 */
import { inspect } from 'node:util';
import { operations, type OperationId } from '../generated/contract.ts';
import type { components } from '../generated/openapi.ts';
import { CookieJar } from './cookie-jar.ts';
import type { ExchangeContext } from './errors.ts';
import { drainEventQueue, iterateEvents, waitForEventSequence, type DrainEventsOptions, type PollOnce, type WaitForEventsOptions } from './event-wait.ts';
import type { AgentEvent, EventType } from './event-types.ts';
import { performExchange, type CallInput, type CallOptions, type ClientCore, type SessionState } from './exchange.ts';
import { operationPath } from './operation-path.ts';
import type { GatewayReply } from './reply.ts';

/**
 * The sign-in body. Every field is optional here so that tests can send incomplete bodies (the gateway answers
 * 100-001); for deliberately malformed values, cast: `{ status: 7 } as SignInBody`.
 */
export type SignInBody = Partial<components['schemas']['SignInRequest']>;

/** Options of `sayBusy`: the busy reason (200–250; 0 or absent for none) and whether to reset it when already busy. */
export interface SayBusyOptions extends CallOptions {
  readonly reason?: number | string;
  readonly prolong?: boolean | string;
}

/** Options of `pollEvent`: an abort signal, a timeout (default: the client's `pollTimeoutMs`) and `calldata`. */
export interface PollEventOptions extends CallOptions {
  readonly calldata?: string;
}

const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** One agent's session. See the module documentation. */
export class AgentSession {
  readonly #core: ClientCore;
  readonly #state: SessionState;
  readonly #baseUrl: string;

  /** Use `client.agent(id)`. */
  constructor(core: ClientCore, baseUrl: string, agentId: string) {
    if (typeof agentId !== 'string') throw new TypeError(`an agent ID is a string such as "30169", not ${typeof agentId} ${JSON.stringify(agentId)}`);
    this.#core = core;
    this.#baseUrl = baseUrl;
    this.#state = { agentId, guid: undefined, cookies: new CookieJar() };
  }

  /** The agent ID (as given; sent percent-encoded). */
  get agentId(): string {
    return this.#state.agentId;
  }

  /** The Guid this session sends, or undefined when it sends none. */
  get guid(): string | undefined {
    return this.#state.guid;
  }

  /** A copy of the cookies this session sends back, name → value. */
  get cookies(): Record<string, string> {
    return this.#state.cookies.entries();
  }

  /**
   * Sets the Guid to send from now on (until a Set-GUID replaces it): another agent's, a wrong one, or `undefined`
   * to send no `Guid` header at all.
   */
  useGuid(guid: string | undefined): this {
    if (guid !== undefined && (typeof guid !== 'string' || !HEADER_VALUE.test(guid))) {
      throw new TypeError(`useGuid needs a string that can be an HTTP header value (no control characters), or undefined for none; got ${JSON.stringify(guid)}`);
    }
    this.#state.guid = guid;
    return this;
  }

  /** Forgets the cookies this session received. */
  clearCookies(): this {
    this.#state.cookies.clear();
    return this;
  }

  /** Calls any operation of the contract by its operationId: the generic form of the methods below. */
  call<Op extends OperationId>(operationId: Op, input: CallInput<Op> = {}): Promise<GatewayReply<Op>> {
    if (!(operationId in operations)) {
      return Promise.reject(new TypeError(`unknown operationId ${JSON.stringify(operationId)}; use one of ${Object.keys(operations).join(', ')}`));
    }
    return performExchange(this.#core, this.#state, operationId, input);
  }

  /** Signs the agent in (`PUT onlineagent/{agentid}`). On retcode 0 the Guid from Set-GUID is kept. */
  signIn(body: SignInBody, options: CallOptions = {}): Promise<GatewayReply<'signIn'>> {
    return this.call('signIn', { ...options, body });
  }

  /** Signs the agent in, taking over an existing sign-in (`PUT onlineagent/{agentid}/forcelogin`). */
  forceLogin(body: SignInBody, options: CallOptions = {}): Promise<GatewayReply<'forceLogin'>> {
    return this.call('forceLogin', { ...options, body });
  }

  /**
   * Signs out (`DELETE onlineagent/{agentid}/logout`). The session keeps its Guid, so later calls show what the
   * gateway answers a stale one.
   */
  logout(options: CallOptions = {}): Promise<GatewayReply<'logout'>> {
    return this.call('logout', options);
  }

  /** Signs out, releasing any call or barge (`DELETE onlineagent/{agentid}/forcelogout`). */
  forceLogout(options: CallOptions = {}): Promise<GatewayReply<'forceLogout'>> {
    return this.call('forceLogout', options);
  }

  /** Sets the agent idle (`POST onlineagent/{agentid}/sayfree`). */
  sayFree(options: CallOptions = {}): Promise<GatewayReply<'sayFree'>> {
    return this.call('sayFree', options);
  }

  /** Sets the agent busy (`POST onlineagent/{agentid}/saybusy?reason=&prolong=`); absent options are not sent. */
  sayBusy(options: SayBusyOptions = {}): Promise<GatewayReply<'sayBusy'>> {
    const { reason, prolong, ...rest } = options;
    return this.call('sayBusy', { ...rest, query: { reason, prolong } });
  }

  /** Reads the agent's status (`GET onlineagent/{agentid}/agentstatus`). */
  agentStatus(options: CallOptions = {}): Promise<GatewayReply<'agentStatus'>> {
    return this.call('agentStatus', options);
  }

  /**
   * One long poll for the next event (`GET agentevent/{agentid}`): the event, or `event: null` after the gateway's
   * wait (about 10 s). A rotated Guid in its Set-GUID replaces the session's.
   */
  pollEvent(options: PollEventOptions = {}): Promise<GatewayReply<'getAgentEvent'>> {
    const { calldata, ...rest } = options;
    return this.call('getAgentEvent', { ...rest, query: { calldata } });
  }

  /** Barges into `workNo`'s call (`PUT qualitycontrol/{agentid}/addinsert/{workNo}`). */
  addInsert(workNo: string, options: CallOptions = {}): Promise<GatewayReply<'addInsert'>> {
    return this.call('addInsert', { ...options, workNo });
  }

  /** Ends the barge on `workNo` (`DELETE qualitycontrol/{agentid}/{workNo}`). */
  cancelInsert(workNo: string, options: CallOptions = {}): Promise<GatewayReply<'cancelInsert'>> {
    return this.call('cancelInsert', { ...options, workNo });
  }

  /**
   * Signs the agent in to skill queues (`POST onlineagent/{agentid}/resetskill/{autoflag}`): all of its configured ones
   * with `autoflag` true (the default), else those of `skillid`.
   */
  resetSkill(options: CallOptions & { readonly autoflag?: boolean | string; readonly skillid?: string; readonly phonelinkage?: number } = {}): Promise<GatewayReply<'resetSkill'>> {
    const { autoflag = true, skillid, phonelinkage, ...rest } = options;
    return this.call('resetSkill', { ...rest, path: { autoflag: String(autoflag) }, query: { skillid, phonelinkage } });
  }

  /**
   * The push-mode keep-alive (`POST onlineagent/{agentid}/handshake`); a rotated Guid in its Set-GUID replaces the session's.
   */
  handShake(options: CallOptions & { readonly serviceToken?: string } = {}): Promise<GatewayReply<'handShake'>> {
    const { serviceToken, ...rest } = options;
    return this.call('handShake', { ...rest, ...(serviceToken === undefined ? {} : { headers: { service_token: serviceToken } }) });
  }

  /** The older keep-alive of the sample clients (`PUT onlineagent/{agentid}/heartbeat`), undocumented. */
  heartbeat(options: CallOptions = {}): Promise<GatewayReply<'heartbeat'>> {
    return this.call('heartbeat', options);
  }

  /**
   * Asks for a new Guid (`PUT onlineagent/{agentid}/updateGuid`); on retcode 0 the session sends `result.guid` from then on.
   */
  updateGuid(options: CallOptions = {}): Promise<GatewayReply<'updateGuid'>> {
    return this.call('updateGuid', options);
  }

  /** One agent of the caller's VDN with its state (`GET agentgroup/{agentid}/agentbyworkno/{workNo}`). */
  agentByWorkNo(workNo: string, options: CallOptions = {}): Promise<GatewayReply<'agentByWorkNo'>> {
    return this.call('agentByWorkNo', { ...options, workNo });
  }

  /** Every agent of the caller's VDN with its state (`GET agentgroup/{agentid}/allagentstatus`). */
  allAgentStatus(options: CallOptions = {}): Promise<GatewayReply<'allAgentStatus'>> {
    return this.call('allAgentStatus', options);
  }

  /** The signed-in agents of the caller's VDN with their states (`GET agentgroup/{agentid}/onlineagentonvdn`). */
  onlineAgentOnVdn(options: CallOptions = {}): Promise<GatewayReply<'onlineAgentOnVdn'>> {
    return this.call('onlineAgentOnVdn', options);
  }

  /**
   * Polls until the event types have arrived in that order (other events in between are collected) and returns
   * every event seen. Throws GatewayEventTimeoutError listing what arrived when `timeoutMs` (default 30 s) passes,
   * and GatewayRetcodeError when a poll answers a retcode other than 0.
   */
  waitForEvents(eventTypes: readonly EventType[], options: WaitForEventsOptions = {}): Promise<AgentEvent[]> {
    return waitForEventSequence(this.#poll, eventTypes, options, this.#pollContext());
  }

  /** Polls until a poll answers "no event" (or `max` events, or the timeout) and returns what was queued. */
  drainEvents(options: DrainEventsOptions = {}): Promise<AgentEvent[]> {
    return drainEventQueue(this.#poll, options);
  }

  /** Iterates over events as they arrive, until `signal` aborts or the loop breaks. */
  events(signal?: AbortSignal): AsyncGenerator<AgentEvent, void, undefined> {
    return iterateEvents(this.#poll, signal);
  }

  /** Makes `for await (const e of session)` iterate over events (stop with `break`). */
  [Symbol.asyncIterator](): AsyncGenerator<AgentEvent, void, undefined> {
    return this.events();
  }

  readonly #poll: PollOnce = async (signal) => (await this.pollEvent({ signal })).expectOk().event;

  #pollContext(): ExchangeContext {
    const { method, path } = operationPath('getAgentEvent', { agentid: this.agentId });
    return { operationId: 'getAgentEvent', agentId: this.agentId, method, url: this.#core.transport.urlOf(path) };
  }

  /** `AgentSession(30169 @ http://127.0.0.1:8000, guid …)`: never the password, which the session does not keep. */
  toString(): string {
    return `AgentSession(${this.agentId} @ ${this.#baseUrl}, ${this.guid === undefined ? 'no guid' : `guid ${this.guid}`})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
