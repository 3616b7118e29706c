/**
 * The CC-Gateway from a k6 VU: one {@link GatewaySession} per signed-in agent, holding its Guid (from `Set-GUID`,
 * rotated by poll answers under dynamic authentication), its own cookie jar (the gateway's `Set-Cookie` is replayed
 * per agent, as the sample clients do), and the events it has polled but not consumed.
 *
 * Every answer is checked against the contract: HTTP 200, the generated ajv validator of the operation (switch off
 * with `CCGW_VALIDATE=0` to measure its cost), and the retcode listed for the operation in
 * `operations[op].retcodes`. Each call adds to the `ccgw_*` metrics (see `metrics.ts`) tagged by `op`, `retcode` and
 * `status`, and runs one k6 check, `<op> answers per the contract`.
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
import { responseValidators } from '../../src/generated/validators.js';
import type { LoadConfig, LoadTiming } from './config-parse.ts';
import { metrics } from './metrics.ts';

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
}

const GUID_HEADER = 'Guid';

/** Contract problems logged per operation and VU; the metrics count them all. */
const WARN_LIMIT = 20;
const warned = new Map<string, number>();

function warnOnce(op: string, line: string): void {
  const n = (warned.get(op) ?? 0) + 1;
  warned.set(op, n);
  if (n <= WARN_LIMIT) console.warn(n === WARN_LIMIT ? `${line} (further ${op} problems of this VU are counted, not logged)` : line);
}

function setGuidOf(res: RefinedResponse<'text'>): string | undefined {
  for (const [name, value] of Object.entries(res.headers)) {
    if (name.toLowerCase() !== 'set-guid') continue;
    const eq = value.indexOf('=');
    const guid = (eq < 0 ? value : value.slice(eq + 1)).trim();
    return guid === '' ? undefined : guid;
  }
  return undefined;
}

/**
 * The client: builds requests from the generated operations table and checks every answer.
 *
 * @example
 * ```ts
 * const gateway = new GatewayClient({ baseUrl: 'http://127.0.0.1:8000', validate: true, requestTimeoutMs: 10_000, pollTimeoutMs: 15_000 });
 * ```
 */
export class GatewayClient {
  constructor(readonly options: GatewayOptions) {}

  /** A session for one account (not yet signed in). */
  session(account: AgentAccount): GatewaySession {
    return new GatewaySession(this, account);
  }

  /** Builds a request for `op`; `session` supplies the Guid and the cookie jar. */
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
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8' };
    const session = extras.session;
    if (operation.requiresGuid && session?.guid !== undefined) headers[GUID_HEADER] = session.guid;
    const params: Params = {
      headers,
      responseType: 'text',
      timeout: op === 'getAgentEvent' ? this.options.pollTimeoutMs : this.options.requestTimeoutMs,
      tags: { op, name: op },
      ...(session ? { jar: session.jar } : {}),
    };
    return {
      op,
      agentId: path['agentid'] ?? '',
      session,
      method: operation.method,
      url: `${this.options.baseUrl}${url}`,
      body: extras.body === undefined ? null : JSON.stringify(extras.body),
      params,
    };
  }

  /** Sends one request and checks its answer. */
  send(prepared: Prepared): CallResult {
    const res = http.request(prepared.method, prepared.url, prepared.body, prepared.params) as RefinedResponse<'text'>;
    return this.#handle(prepared, res);
  }

  /** Sends requests in parallel (`http.batch`) and checks every answer, in order. */
  sendBatch(prepared: readonly Prepared[]): CallResult[] {
    if (prepared.length === 0) return [];
    const responses = http.batch(prepared.map((p) => ({ method: p.method, url: p.url, body: p.body, params: p.params }))) as unknown as RefinedResponse<'text'>[];
    return prepared.map((p, i) => this.#handle(p, responses[i]!));
  }

  #handle(p: Prepared, res: RefinedResponse<'text'>): CallResult {
    const at = Date.now();
    const durationMs = res.timings.duration;
    let body: Record<string, unknown> | undefined;
    let problem: string | undefined;
    if (res.status === 0) {
      problem = `no answer (${res.error || 'connection failed'})`;
    } else if (res.status !== 200) {
      problem = `HTTP ${res.status}`;
    } else {
      try {
        const parsed: unknown = JSON.parse(res.body ?? '');
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
        else problem = 'the body is not a JSON object';
      } catch {
        problem = 'the body is not JSON';
      }
    }
    const retcode = typeof body?.['retcode'] === 'string' ? (body['retcode'] as string) : undefined;
    if (body !== undefined && this.options.validate) {
      const validator = responseValidators[p.op as keyof typeof responseValidators] as ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
      if (!validator(body)) {
        const first = validator.errors?.[0];
        problem = `the answer fails the ${p.op} schema at ${first?.instancePath || '(root)'}: ${first?.message ?? 'invalid'}`;
        metrics.schemaErrors.add(1, { op: p.op });
      }
    }
    if (body !== undefined && problem === undefined && (retcode === undefined || !operations[p.op].retcodes.some((r) => r.code === retcode))) {
      problem = `retcode ${JSON.stringify(retcode)} is not listed for ${p.op}`;
      metrics.unlistedRetcode.add(1, { op: p.op, retcode: String(retcode) });
    }
    const session = p.session;
    const guid = setGuidOf(res);
    if (session && guid !== undefined && res.status === 200) session.takeGuid(guid, p.op);
    const tags = { op: p.op, retcode: retcode ?? 'none', status: String(res.status) };
    metrics.calls.add(1, tags);
    metrics.opDuration.add(durationMs, { op: p.op });
    metrics.contractOk.add(problem === undefined, { op: p.op });
    check(problem, { [`${p.op} answers per the contract`]: (x) => x === undefined }, { op: p.op });
    if (problem !== undefined && session?.verbose !== false) warnOnce(p.op, `${p.op} for agent ${p.agentId}: ${problem}`);
    return { op: p.op, agentId: p.agentId, status: res.status, retcode, body, ok: res.status === 200 && retcode === '0', problem, durationMs, at };
  }
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
  /** The current Guid; undefined before sign-in. */
  guid: string | undefined;
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

  constructor(
    client: GatewayClient,
    readonly account: AgentAccount,
  ) {
    this.#client = client;
  }

  get id(): string {
    return this.account.id;
  }

  /** Takes a Guid from a Set-GUID header; a change after sign-in counts as a rotation. */
  takeGuid(guid: string, op: OperationId): void {
    if (this.guid !== undefined && guid !== this.guid && op !== 'signIn' && op !== 'forceLogin') metrics.guidRotations.add(1);
    this.guid = guid;
  }

  /** Adopts a Guid issued out of band (the mock's bulk sign-in). */
  adopt(guid: string): void {
    this.guid = guid;
    this.signedIn = true;
    this.lastPollAt = Date.now();
  }

  /** The sign-in request (idle, phone released after calls, i.e. not always off-hook). */
  prepareSignIn(force = false): Prepared {
    const body = { password: this.account.password, phonenum: this.account.phone, status: 4, releasephone: true, autoanswer: true, autoenteridle: true, agenttype: 4 };
    return this.#client.prepare(force ? 'forceLogin' : 'signIn', { agentid: this.id }, { session: this, body });
  }

  /**
   * Signs in; with `force`, takes over an existing session (forcelogin). On retcode 0 the answer must carry
   * `Set-GUID`.
   */
  signIn(force = false): CallResult {
    return this.afterSignIn(this.#client.send(this.prepareSignIn(force)));
  }

  /** Applies a sign-in answer (sent alone or in a batch). */
  afterSignIn(result: CallResult): CallResult {
    if (result.ok && this.guid === undefined) {
      console.warn(`${result.op} for agent ${this.id} answered 0 without a Set-GUID header`);
      metrics.contractOk.add(false, { op: result.op });
    }
    if (result.ok) {
      this.signedIn = true;
      this.lastPollAt = Date.now();
    }
    return result;
  }

  /** The poll request. */
  preparePoll(): Prepared {
    return this.#client.prepare('getAgentEvent', { agentid: this.id }, { session: this });
  }

  /** Polls once (a long poll: returns at once with an event, or after the gateway's wait with none). */
  poll(): CallResult & { readonly event: AgentEvent | null } {
    return this.afterPoll(this.#client.send(this.preparePoll()));
  }

  /** Applies a poll answer: queues the event, notices a lost session. */
  afterPoll(result: CallResult): CallResult & { readonly event: AgentEvent | null } {
    let event: AgentEvent | null = null;
    if (result.ok) {
      this.lastPollAt = result.at;
      const e = result.body?.['event'];
      if (e !== null && typeof e === 'object') {
        event = e as AgentEvent;
        if (this.inbox.length >= INBOX_LIMIT) this.inbox.shift();
        this.inbox.push(event);
      }
    } else {
      this.#noticeLost(result);
    }
    return { ...result, event };
  }

  /** Removes and returns the oldest unconsumed event of one of `types`, if any. */
  take(types: readonly string[]): AgentEvent | undefined {
    const i = this.inbox.findIndex((e) => types.includes(e.eventType));
    return i < 0 ? undefined : this.inbox.splice(i, 1)[0];
  }

  /** The addinsert request: barge into `target`. */
  prepareAddInsert(target: string): Prepared {
    return this.#client.prepare('addInsert', { agentid: this.id, workNo: target }, { session: this });
  }

  /** Barges into `target`. */
  addInsert(target: string): CallResult {
    return this.#after(this.#client.send(this.prepareAddInsert(target)));
  }

  /** Ends this inspector's listen/insert on `target`. */
  cancelInsert(target: string): CallResult {
    return this.#after(this.#client.send(this.#client.prepare('cancelInsert', { agentid: this.id, workNo: target }, { session: this })));
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
  const delays: Record<string, number> = {};
  const order: string[] = [];
  const waiting = [...expected];
  const endAt = since + timing.eventDeadlineMs + timing.pollTimeoutMs;
  const take = () => {
    for (let e = session.take(waiting); e !== undefined; e = session.take(waiting)) {
      const delay = Math.max(0, Date.now() - since);
      delays[e.eventType] = delay;
      order.push(e.eventType);
      waiting.splice(waiting.indexOf(e.eventType), 1);
    }
  };
  take();
  for (let polls = 0; waiting.length > 0 && polls < expected.length + 10 && Date.now() < endAt && session.signedIn; polls++) {
    session.poll();
    take();
  }
  for (const type of expected) {
    const delay = delays[type];
    if (delay !== undefined) metrics.eventDelay.add(delay, { event: type });
    metrics.eventsOnTime.add(delay !== undefined && delay <= timing.eventDeadlineMs, { event: type });
  }
  const inOrder = order.join() === expected.filter((t) => order.includes(t)).join();
  check(order, { 'events arrive in the documented order': () => inOrder });
  return { delays, missing: waiting, inOrder };
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
  const left = sessions.map((_, i) => times[i] ?? 0);
  for (let round = 0; round < 1000; round++) {
    const due = sessions.map((s, i) => ({ s, i })).filter(({ s, i }) => s.signedIn && left[i]! > 0);
    if (due.length === 0) return;
    const results = client.sendBatch(due.map(({ s }) => s.preparePoll()));
    results.forEach((r, k) => {
      const { s, i } = due[k]!;
      const polled = s.afterPoll(r);
      left[i] = polled.event === null ? 0 : left[i]! - 1;
    });
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
