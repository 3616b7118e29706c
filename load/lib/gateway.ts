/**
 * The CC-Gateway from a k6 VU: one {@link GatewaySession} per signed-in agent, holding its Guid (from `Set-GUID`,
 * rotated by poll answers under dynamic authentication), its own cookie jar (the gateway's `Set-Cookie` is replayed
 * per agent, as the sample clients do), and the events it has polled but not consumed.
 *
 * Every answer is checked against the contract: HTTP 200, the generated ajv validator of the operation (switch off
 * with `CCGW_VALIDATE=0` to measure its cost), and the retcode listed for the operation in
 * `operations[op].retcodes`. Each call adds one sample (see `metrics.ts`): `ccgw_contract_ok` tagged `op`, `retcode`
 * and `status`, which carries the verdict and counts the calls; its duration is k6's own `http_req_duration`, the
 * request being named after its operation. Every sample costs the generator CPU on every call, so there is no other
 * (a k6 check per call would repeat the verdict, a Trend per call the duration). The verdict of a body text is cached
 * per VU (`verdicts.ts`); request params and tag objects are made once.
 *
 * @example
 * ```ts
 * const gateway = new GatewayClient(gatewayOptions(config));
 * const inspector = gateway.session(account('30101'));
 * inspector.signIn();
 * const barge = inspector.addInsert('30201');
 * if (barge.ok) awaitEvents(inspector, inspectorEventsOf('addInsert'), barge.at, config.timing);
 * inspector.cancelInsert('30201');
 * ```
 */
import { check, sleep } from 'k6';
import http, { type Params, type RefinedResponse } from 'k6/http';
import type { AgentAccount, AgentEvent, OperationId } from '../../src/domain/index.ts';
import { operations } from '../../src/generated/contract.ts';
import type { LoadConfig, LoadTiming } from './config-parse.ts';
import { metrics } from './metrics.ts';
import { VerdictCache } from './verdicts.ts';

/**
 * How the client talks to the gateway.
 *
 * @example
 * ```ts
 * const options: GatewayOptions = { baseUrl: 'http://127.0.0.1:8000', validate: false, requestTimeoutMs: 10_000, pollTimeoutMs: 15_000 };
 * ```
 */
export interface GatewayOptions {
  readonly baseUrl: string;
  /** Run the generated validator on every answer. */
  readonly validate: boolean;
  readonly requestTimeoutMs: number;
  /** Request timeout of a long poll; longer than the gateway's wait (~10 s). */
  readonly pollTimeoutMs: number;
}

/**
 * The gateway options of a configuration.
 *
 * @example
 * ```ts
 * const gateway = new GatewayClient(gatewayOptions(config));
 * ```
 */
export function gatewayOptions(config: LoadConfig): GatewayOptions {
  return { baseUrl: config.baseUrl, validate: config.validate, requestTimeoutMs: config.timing.requestTimeoutMs, pollTimeoutMs: config.timing.pollTimeoutMs };
}

/**
 * One answer, checked against the contract.
 *
 * @example
 * ```ts
 * const r: CallResult = inspector.addInsert('30201');
 * if (!r.ok) console.warn(`${r.op}: ${r.retcode ?? r.status} ${r.problem ?? ''}`);
 * ```
 */
export interface CallResult {
  readonly op: OperationId;
  /** The `agentid` of the path. */
  readonly agentId: string;
  /** HTTP status; 0 when no answer arrived (timeout, connection refused/reset). */
  readonly status: number;
  /** The body's retcode, or undefined without a JSON body. */
  readonly retcode: string | undefined;
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /** HTTP 200 and retcode "0". */
  readonly ok: boolean;
  /** Why the answer breaks the contract (status, schema, unlisted retcode), or undefined when it keeps it. */
  readonly problem: string | undefined;
  /** Request duration, ms. */
  readonly durationMs: number;
  /** Epoch ms when the answer was handled. */
  readonly at: number;
  /** The event a successful poll delivered; null for a poll without one and for every other operation. */
  readonly event: AgentEvent | null;
}

/** A request ready to send alone or in a batch. */
interface Prepared {
  readonly op: OperationId;
  readonly agentId: string;
  readonly session: GatewaySession | undefined;
  readonly method: string;
  readonly url: string;
  readonly body: string | null;
  readonly params: Params;
  /** The same as one `http.batch` request, made once. */
  readonly batchRequest: { readonly method: string; readonly url: string; readonly body: string | null; readonly params: Params };
}

const GUID_HEADER = 'Guid';
const CONTENT_TYPE = 'application/json; charset=UTF-8';

/** Contract problems logged per operation and VU; the metrics count them all. */
const WARN_LIMIT = 20;
const warned = new Map<string, number>();

function warnOnce(op: string, line: string): void {
  const n = (warned.get(op) ?? 0) + 1;
  warned.set(op, n);
  if (n <= WARN_LIMIT) console.warn(n === WARN_LIMIT ? `${line} (further ${op} problems of this VU are counted, not logged)` : line);
}

/** The Guid of a `Set-GUID: JSESSIONID=<guid>` header (k6 gives header names in Go's canonical form). */
function setGuidOf(res: RefinedResponse<'text'>): string | undefined {
  const value = res.headers['Set-Guid'];
  if (value === undefined) return undefined;
  const guid = value.slice(value.indexOf('=') + 1).trim();
  return guid === '' ? undefined : guid;
}

/** Tag objects by operation (and retcode and status), made once: the metrics read them on every call. */
const opTags = new Map<string, { readonly op: string }>();
type CallTags = { readonly op: string; readonly retcode: string; readonly status: string };
/** By op, then retcode, then status: no key to build per call. */
const callTags = new Map<string, Map<string | undefined, Map<number, CallTags>>>();

function tagsOfOp(op: string): { readonly op: string } {
  let tags = opTags.get(op);
  if (!tags) opTags.set(op, (tags = { op }));
  return tags;
}

function tagsOfCall(op: string, retcode: string | undefined, status: number): CallTags {
  let byRetcode = callTags.get(op);
  if (!byRetcode) callTags.set(op, (byRetcode = new Map()));
  let byStatus = byRetcode.get(retcode);
  if (!byStatus) byRetcode.set(retcode, (byStatus = new Map()));
  let tags = byStatus.get(status);
  if (!tags) byStatus.set(status, (tags = { op, retcode: retcode ?? 'none', status: String(status) }));
  return tags;
}

/**
 * The client: builds requests from the generated operations table and checks every answer. The verdict of an
 * answer body is cached per body text (see `verdicts.ts`): every answer is judged, a repeated text for the cost of a
 * lookup.
 *
 * @example
 * ```ts
 * const gateway = new GatewayClient({ baseUrl: 'http://127.0.0.1:8000', validate: true, requestTimeoutMs: 10_000, pollTimeoutMs: 15_000 });
 * ```
 */
export class GatewayClient {
  readonly #verdicts: VerdictCache;

  constructor(readonly options: GatewayOptions) {
    this.#verdicts = new VerdictCache(options.validate);
  }

  /** A session for one account (not yet signed in). */
  session(account: AgentAccount): GatewaySession {
    return new GatewaySession(this, account);
  }

  /**
   * Builds a request for `op`; `session` supplies the Guid and the cookie jar. The session's headers object is
   * shared by its requests and follows its Guid, so a prepared request stays valid after a rotation.
   */
  prepare(op: OperationId, path: Readonly<Record<string, string>>, extras: { session?: GatewaySession; body?: unknown; query?: Readonly<Record<string, string>> } = {}): Prepared {
    const operation = operations[op];
    let url = operation.path as string;
    for (const name of operation.pathParams) {
      const value = path[name];
      if (value === undefined) throw new Error(`${op} needs the path parameter ${name}; got ${JSON.stringify(path)}`);
      url = url.replace(`{${name}}`, encodeURIComponent(value));
    }
    const query = Object.entries(extras.query ?? {});
    if (query.length > 0) url += `?${query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
    const session = extras.session;
    const headers = session ? session.headersFor(operation.requiresGuid) : { 'Content-Type': CONTENT_TYPE };
    // k6 reads every key of the params on every request: no more than needed. Bodies come as text (k6's default;
    // K6_DISCARD_RESPONSE_BODIES would leave every answer without its JSON, and the contract check says so); `name`
    // groups the URLs, which carry agent IDs, under the operation in k6's own metrics.
    const params: Params = {
      headers,
      timeout: op === 'getAgentEvent' ? this.options.pollTimeoutMs : this.options.requestTimeoutMs,
      tags: { name: op },
      ...(session ? { jar: session.jar } : {}),
    };
    const request = { method: operation.method, url: `${this.options.baseUrl}${url}`, body: extras.body === undefined ? null : JSON.stringify(extras.body), params };
    return { op, agentId: path['agentid'] ?? '', session, ...request, batchRequest: request };
  }

  /** Sends one request and checks its answer. */
  send(prepared: Prepared): CallResult {
    const res = http.request(prepared.method, prepared.url, prepared.body, prepared.params) as RefinedResponse<'text'>;
    return this.#handle(prepared, res);
  }

  /** Sends requests in parallel (`http.batch`) and checks every answer, in order. */
  sendBatch(prepared: readonly Prepared[]): CallResult[] {
    const results: CallResult[] = [];
    if (prepared.length === 0) return results;
    const requests = [];
    for (let i = 0; i < prepared.length; i++) requests.push(prepared[i]!.batchRequest);
    const responses = http.batch(requests) as unknown as RefinedResponse<'text'>[];
    for (let i = 0; i < prepared.length; i++) results.push(this.#handle(prepared[i]!, responses[i]!));
    return results;
  }

  #handle(p: Prepared, res: RefinedResponse<'text'>): CallResult {
    const at = Date.now();
    const op = p.op;
    const status = res.status;
    const durationMs = res.timings.duration;
    let body: Readonly<Record<string, unknown>> | undefined;
    let retcode: string | undefined;
    let problem: string | undefined;
    if (status === 0) {
      problem = `no answer (${res.error || 'connection failed'})`;
    } else if (status !== 200) {
      problem = `HTTP ${status}`;
    } else {
      const verdict = this.#verdicts.judge(op, res.body ?? '');
      ({ body, retcode, problem } = verdict);
      if (verdict.kind === 'schema') metrics.schemaErrors.add(1, tagsOfOp(op));
      else if (verdict.kind === 'unlisted') metrics.unlistedRetcode.add(1, { op, retcode: String(retcode) });
      const guid = setGuidOf(res);
      if (guid !== undefined) p.session?.takeGuid(guid, op);
      else if ((op === 'signIn' || op === 'forceLogin') && retcode === '0' && problem === undefined) problem = `${op} answered 0 without a Set-GUID header`;
    }
    metrics.contractOk.add(problem === undefined, tagsOfCall(op, retcode, status));
    if (problem !== undefined && p.session?.verbose !== false) warnOnce(op, `${op} for agent ${p.agentId}: ${problem}`);
    const ok = status === 200 && retcode === '0';
    const event = op === 'getAgentEvent' && ok ? eventOf(body) : null;
    return { op, agentId: p.agentId, status, retcode, body, ok, problem, durationMs, at, event };
  }
}

function eventOf(body: Readonly<Record<string, unknown>> | undefined): AgentEvent | null {
  const e = body?.['event'];
  return e !== null && typeof e === 'object' ? (e as AgentEvent) : null;
}

/** Removes `list[i]` in place (splice would also build an array of the removed element). */
function removeAt<T>(list: T[], i: number): void {
  for (let j = i + 1; j < list.length; j++) list[j - 1] = list[j]!;
  list.length--;
}

/** Keeps at most this many unconsumed events per session. */
const INBOX_LIMIT = 1000;

/**
 * One agent's session at the gateway, used by one VU.
 *
 * @example
 * ```ts
 * const s = gateway.session(account);
 * s.signIn();
 * const { event } = s.poll();
 * ```
 */
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
  readonly #client: GatewayClient;
  #guid: string | undefined;
  /** Headers of the calls that carry the Guid: one object, updated when the Guid changes. */
  readonly #guidHeaders: Record<string, string> = { 'Content-Type': CONTENT_TYPE };
  readonly #plainHeaders: Readonly<Record<string, string>> = { 'Content-Type': CONTENT_TYPE };
  /** Requests this session sends again and again (poll, addinsert and cancel per target), built once. */
  readonly #prepared = new Map<string, Prepared>();

  constructor(
    client: GatewayClient,
    readonly account: AgentAccount,
  ) {
    this.#client = client;
  }

  get id(): string {
    return this.account.id;
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
   * `Set-GUID` (the client's contract check says so when it does not).
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
    return this.#cached('getAgentEvent');
  }

  /** Polls once (a long poll: returns at once with an event, or after the gateway's wait with none). */
  poll(): CallResult {
    return this.afterPoll(this.#client.send(this.preparePoll()));
  }

  /** Applies a poll answer: queues the event, notices a lost session. */
  afterPoll(result: CallResult): CallResult {
    if (result.ok) {
      this.lastPollAt = result.at;
      if (result.event !== null) {
        if (this.inbox.length >= INBOX_LIMIT) this.inbox.shift();
        this.inbox.push(result.event);
      }
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
    return this.#after(this.#client.send(this.#client.prepare('sayFree', { agentid: this.id }, { session: this })));
  }

  /** Reads the agent's status. */
  agentStatus(): CallResult {
    return this.#after(this.#client.send(this.#client.prepare('agentStatus', { agentid: this.id }, { session: this })));
  }

  /** Signs out (refused while in a call). */
  logout(): CallResult {
    const result = this.#after(this.#client.send(this.#client.prepare('logout', { agentid: this.id }, { session: this })));
    if (result.ok) this.signedIn = false;
    return result;
  }

  /** Signs out, releasing any call. */
  forceLogout(): CallResult {
    const result = this.#after(this.#client.send(this.#client.prepare('forceLogout', { agentid: this.id }, { session: this })));
    if (result.ok) this.signedIn = false;
    return result;
  }

  /** Applies the answer of a call made in a batch (addinsert races). */
  afterCall(result: CallResult): CallResult {
    return this.#after(result);
  }

  #after(result: CallResult): CallResult {
    this.#noticeLost(result);
    return result;
  }

  #noticeLost(result: CallResult): void {
    if (this.signedIn && (result.retcode === '100-006' || result.retcode === '000-003')) {
      this.signedIn = false;
      metrics.sessionsLost.add(1, { op: result.op });
    }
  }
}

/**
 * The event types an operation's success sends to one party, from the contract's events table. Conditional events
 * of sign-in (`status 3`/`status 5`) are left out: the harness signs in idle (status 4) and with `releasephone`
 * true, so the phone events of addinsert and cancel are expected.
 *
 * @example
 * ```ts
 * eventsOf('addInsert', 'inspector'); // ['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook']
 * ```
 */
export function eventsOf(op: OperationId, to: 'inspector' | 'target' | 'self'): string[] {
  return (operations[op].events as readonly { eventType: string; to: string; when?: string }[])
    .filter((e) => e.to === to && !(e.when ?? '').startsWith('status '))
    .map((e) => e.eventType);
}

/**
 * What {@link awaitEvents} saw.
 *
 * @example
 * ```ts
 * const { missing } = awaitEvents(inspector, eventsOf('addInsert', 'inspector'), barge.at, config.timing);
 * ```
 */
export interface AwaitedEvents {
  /** Delay of each expected event that arrived, ms after `since`. */
  readonly delays: Readonly<Record<string, number>>;
  /** Expected events that did not arrive before the wait ended. */
  readonly missing: readonly string[];
  /** The expected events that arrived came in the listed order. */
  readonly inOrder: boolean;
}

/**
 * Polls `session` until each of `expected` has arrived or the wait ends, recording `ccgw_event_delay` and
 * `ccgw_events_on_time` per event. The wait ends at `since + deadline + pollTimeout` (an expected event may be
 * polled late but is then not on time) or after `expected.length + 10` polls.
 *
 * @example
 * ```ts
 * const seen = awaitEvents(inspector, eventsOf('addInsert', 'inspector'), barge.at, config.timing);
 * ```
 */
export function awaitEvents(session: GatewaySession, expected: readonly string[], since: number, timing: LoadTiming): AwaitedEvents {
  // Allocation-light: this runs once per barge, thousands of times a second. `seen` has bit i set once expected[i]
  // arrived; the arrivals are in order when each comes later in `expected` than the one before.
  const delays: Record<string, number> = {};
  const inbox = session.inbox;
  const endAt = since + timing.eventDeadlineMs + timing.pollTimeoutMs;
  let seen = 0;
  let pending = expected.length;
  let last = -1;
  let inOrder = true;
  for (let polls = 0; ; polls++) {
    for (let i = 0; i < inbox.length && pending > 0; ) {
      const k = expected.indexOf(inbox[i]!.eventType);
      if (k < 0 || (seen & (1 << k)) !== 0) {
        i++;
        continue;
      }
      seen |= 1 << k;
      pending--;
      delays[expected[k]!] = Math.max(0, Date.now() - since);
      if (k < last) inOrder = false;
      else last = k;
      removeAt(inbox, i);
    }
    if (pending === 0 || polls >= expected.length + 10 || Date.now() >= endAt || !session.signedIn) break;
    session.poll();
  }
  for (let k = 0; k < expected.length; k++) {
    const type = expected[k]!;
    const delay = delays[type];
    const tags = tagsOfEvent(type);
    if (delay !== undefined) metrics.eventDelay.add(delay, tags);
    metrics.eventsOnTime.add(delay !== undefined && delay <= timing.eventDeadlineMs, tags);
  }
  check(inOrder, IN_ORDER);
  return { delays, missing: pending === 0 ? NONE_MISSING : expected.filter((_, k) => (seen & (1 << k)) === 0), inOrder };
}

const NONE_MISSING: readonly string[] = Object.freeze([]);

const IN_ORDER = { 'events arrive in the documented order': (inOrder: boolean) => inOrder };

const eventTags = new Map<string, { readonly event: string }>();

function tagsOfEvent(event: string): { readonly event: string } {
  let tags = eventTags.get(event);
  if (!tags) eventTags.set(event, (tags = { event }));
  return tags;
}

/**
 * Polls every session that is due (no poll for `keepAliveMs`) in one parallel batch, so sessions stay signed in
 * (2 min without a poll signs an agent out) and pick up rotated Guids. Events go to each session's inbox.
 *
 * @example
 * ```ts
 * keepAlive(group.inspectors, config.timing.keepAliveMs);
 * ```
 */
export function keepAlive(client: GatewayClient, sessions: readonly GatewaySession[], keepAliveMs: number): void {
  const now = Date.now();
  let any = false;
  for (const s of sessions) any ||= s.signedIn && now - s.lastPollAt >= keepAliveMs;
  if (!any) return;
  const due = sessions.filter((s) => s.signedIn && now - s.lastPollAt >= keepAliveMs);
  const results = client.sendBatch(due.map((s) => s.preparePoll()));
  results.forEach((r, i) => due[i]!.afterPoll(r));
}

/**
 * Polls each session `times[i]` times at most, stopping early for a session once a poll brings no event: drains
 * events the caller knows are queued (e.g. the target's AgentOther_BeQcStart/BeQcStop) without waiting on an
 * empty long poll more than once. Pauses `pollPauseMs` between rounds, as the documents advise.
 *
 * @example
 * ```ts
 * drain(client, [target], [2], config.timing.pollPauseMs);
 * ```
 */
export function drain(client: GatewayClient, sessions: readonly GatewaySession[], times: readonly number[], pollPauseMs: number): void {
  const left: number[] = [];
  for (let i = 0; i < sessions.length; i++) left.push(times[i] ?? 0);
  const due: number[] = [];
  const polls: Prepared[] = [];
  for (let round = 0; round < 1000; round++) {
    due.length = 0;
    polls.length = 0;
    for (let i = 0; i < sessions.length; i++) {
      if (sessions[i]!.signedIn && left[i]! > 0) {
        due.push(i);
        polls.push(sessions[i]!.preparePoll());
      }
    }
    if (due.length === 0) return;
    const results = client.sendBatch(polls);
    for (let k = 0; k < due.length; k++) {
      const i = due[k]!;
      left[i] = sessions[i]!.afterPoll(results[k]!).event === null ? 0 : left[i]! - 1;
    }
    if (pollPauseMs > 0) sleep(pollPauseMs / 1000);
  }
}

/**
 * Signs sessions in, in one parallel batch. Returns the answers in order.
 *
 * @example
 * ```ts
 * signInAll(client, [inspector, agent]);
 * ```
 */
export function signInAll(client: GatewayClient, sessions: readonly GatewaySession[], force = false): CallResult[] {
  const results = client.sendBatch(sessions.map((s) => s.prepareSignIn(force)));
  return results.map((r, i) => sessions[i]!.afterSignIn(r));
}
