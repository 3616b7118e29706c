/**
 * The gateway's calls: each maps an HTTP request to a `src/domain` decision, applies it, and shapes the answer
 * the contract describes. No rule lives here; only transport (headers, Guids, the long poll).
 *
 * Speed: a load test sends the mock tens of thousands of calls a second, and all that runs per call (the request
 * path in http-server.ts, these handlers, the `src/domain` decisions they call) builds its objects as literals of
 * one fixed shape, never by spread: `{ ...a, b }` is a call into V8's runtime, and objects so built get shapes of
 * their own (a session copied by spread took ~250 bytes more). Each mock caches its routes (`Router`) and the
 * plain envelopes most answers are (`PlainEnvelopes`). `npm run bench` compares the mock with a bare server.
 */
import { decideAddInsert } from '../domain/add-insert.ts';
import { decideCancelInsert } from '../domain/cancel-insert.ts';
import type { Decision } from '../domain/decision.ts';
import { decideAgentStatus, decideEventPoll } from '../domain/queries.ts';
import type { OperationId } from '../domain/retcodes.ts';
import { decideSessionCall } from '../domain/session-calls.ts';
import { decideSignIn } from '../domain/sign-in.ts';
import { decideSignOut } from '../domain/sign-out.ts';
import { decideStateChange } from '../domain/state-change.ts';
import { decideVdnView, type VdnViewOperation } from '../domain/vdn-views.ts';
import type { GatewayState } from './gateway-state.ts';
import { bareGuid } from './guid-book.ts';
import { textReply, type PlainEnvelopes, type Reply } from './reply.ts';

/** Everything a handler needs about one call. */
export interface CallContext {
  readonly state: GatewayState;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The parsed JSON body, or undefined when there was none. */
  readonly body: unknown;
  /** The `Guid` header (any case), if sent. */
  readonly guid: string | undefined;
  /** Another request header by its lower-case name, if sent. */
  header(name: string): string | undefined;
  readonly now: number;
  /** A retcode fault to answer after the state checks. */
  readonly fault?: string | undefined;
  /** Long-poll wait. */
  readonly pollWaitMs: number;
  /** True once the client has disconnected. */
  gone(): boolean;
  /** The mock's cache of the envelopes most answers are. */
  readonly envelopes: PlainEnvelopes;
}

export type Handler = (c: CallContext) => Reply | Promise<Reply>;

/** The `Set-Cookie` the mock sends on sign-in, as a load balancer (NSLB) would for stickiness. */
export const STICKY_COOKIE = 'ccgw_node=AgentGateway0; Path=/; HttpOnly';

function isEmptyObject(value: object): boolean {
  for (const _ in value) return false;
  return Object.getPrototypeOf(value) === Object.prototype;
}

function answer(c: CallContext, decision: Decision<object>, extra?: Record<string, unknown>, headers?: Record<string, string | string[]>): Reply {
  if (decision.httpStatus === 404) return { ...textReply(404, decision.message), rule: decision.rule };
  let json: unknown;
  let jsonText: string | undefined;
  if (extra === undefined && decision.message === '' && isEmptyObject(decision.result)) {
    const plain = c.envelopes.of(decision.retcode);
    json = plain.json;
    jsonText = plain.text;
  } else {
    json = extra ?? { message: decision.message, retcode: decision.retcode, result: decision.result };
  }
  return headers
    ? { status: 200, json, jsonText, retcode: decision.retcode, rule: decision.rule, headers }
    : { status: 200, json, jsonText, retcode: decision.retcode, rule: decision.rule };
}

/** The injected CTI fault of a call, or undefined. */
const faultOf = (c: CallContext): string | undefined => c.fault || undefined;

function auth(c: CallContext): 'valid' | 'missing' | 'mismatch' {
  return c.state.authCheck(c.params['agentid'] ?? '', c.guid, c.now);
}

const signIn =
  (force: boolean): Handler =>
  (c) => {
    const decision = decideSignIn(c.state.world, { agentid: c.params['agentid']!, body: c.body, force, fault: faultOf(c) }, c.state.profile, c.now);
    const guid = decision.retcode === '0' ? c.state.perform(decision, c.now) : undefined;
    return answer(c, decision, undefined, guid ? { 'Set-GUID': `JSESSIONID=${guid}`, 'Set-Cookie': STICKY_COOKIE } : undefined);
  };

const signOut =
  (force: boolean): Handler =>
  (c) => {
    const decision = decideSignOut(c.state.world, { agentid: c.params['agentid']!, auth: auth(c), force, fault: faultOf(c) }, c.state.profile, c.now);
    if (decision.retcode === '0') c.state.perform(decision, c.now);
    return answer(c, decision);
  };

const stateChange =
  (to: 'idle' | 'busy'): Handler =>
  (c) => {
    const decision = decideStateChange(
      c.state.world,
      {
        agentid: c.params['agentid']!,
        auth: auth(c),
        to,
        reason: c.query.get('reason') ?? undefined,
        prolong: c.query.get('prolong') ?? undefined,
        fault: faultOf(c),
      },
      c.state.profile,
      c.now,
    );
    if (decision.retcode === '0') c.state.perform(decision, c.now);
    return answer(c, decision);
  };

const qc =
  (decide: typeof decideAddInsert | typeof decideCancelInsert): Handler =>
  (c) => {
    const decision = decide(
      c.state.world,
      { agentid: c.params['agentid']!, workNo: c.params['workNo']!, auth: auth(c), fault: faultOf(c) },
      c.state.profile,
      c.now,
    );
    if (decision.retcode === '0') c.state.perform(decision, c.now);
    return answer(c, decision);
  };

const agentStatus: Handler = (c) =>
  answer(c, decideAgentStatus(c.state.world, { agentid: c.params['agentid']!, auth: auth(c), fault: faultOf(c) }, c.state.profile));

/**
 * The long poll. Accepted polls refresh the agent's last-seen time (the poll is the heartbeat), may rotate the
 * Guid (dynamic auth), and wait for one event. A caller that still uses the previous Guid is sent the current one.
 */
const getAgentEvent: Handler = async (c) => {
  const agentId = c.params['agentid']!;
  const first = decideEventPoll(c.state.world, { agentid: agentId, auth: auth(c), fault: faultOf(c) }, c.state.profile);
  if (first.retcode !== '0') return answer(c, first, first.httpStatus === 200 ? { message: first.message, retcode: first.retcode } : undefined);
  const { state } = c;
  const headers = keptAlive(c, agentId);
  const outcome = await state.queues.take(agentId, c.pollWaitMs, () => c.gone()).outcome;
  const now = state.clock();
  if (outcome.kind === 'closed') {
    // The session ended while the poll waited (sign-out, forced sign-in elsewhere): answer as a fresh poll would.
    const again = decideEventPoll(state.world, { agentid: agentId, auth: state.authCheck(agentId, c.guid, now) }, state.profile);
    return answer(c, again, { message: again.message, retcode: again.retcode });
  }
  if (state.world.agent(agentId)?.session) state.lastSeen.set(agentId, now);
  if (outcome.kind === 'event' && c.gone()) {
    state.queues.unshift(agentId, outcome.event);
    return { status: 200, abandoned: true, retcode: '0', rule: 'getAgentEvent.abandoned' };
  }
  const event = outcome.kind === 'event' ? outcome.event : null;
  return answer(c, first, { message: '', retcode: '0', event }, headers);
};

/**
 * An accepted poll or keep-alive: the agent was seen now (the no-poll sign-out counts from here), and under dynamic
 * authentication its Guid rotates when due. Returns the Set-GUID header to send: the new Guid, or the current one to a
 * caller that still uses the previous Guid.
 */
function keptAlive(c: CallContext, agentId: string): Record<string, string> | undefined {
  const { state } = c;
  state.lastSeen.set(agentId, c.now);
  const sent = c.guid === undefined ? undefined : bareGuid(c.guid);
  const current = state.guids.rotateIfDue(agentId, c.now) ?? (sent !== state.guids.current(agentId) ? state.guids.current(agentId) : undefined);
  return current ? { 'Set-GUID': `JSESSIONID=${current}` } : undefined;
}

const resetSkill: Handler = (c) =>
  answer(
    c,
    decideSessionCall(
      'resetSkill',
      c.state.world,
      { agentid: c.params['agentid']!, auth: auth(c), query: { skillid: c.query.get('skillid') ?? undefined, phonelinkage: c.query.get('phonelinkage') ?? undefined }, fault: faultOf(c) },
      c.state.profile,
    ),
  );

/** The documented heartbeat answers `{"message":"success","retcode":"0"}`, with no `result` (EN/cec_07_1204). */
const handShake: Handler = (c) => {
  const agentId = c.params['agentid']!;
  const decision = decideSessionCall('handShake', c.state.world, { agentid: agentId, auth: auth(c), serviceToken: c.header('service_token') }, c.state.profile);
  if (decision.retcode !== '0') return answer(c, decision, decision.httpStatus === 200 ? { message: decision.message, retcode: decision.retcode } : undefined);
  return answer(c, decision, { message: 'success', retcode: '0' }, keptAlive(c, agentId));
};

const heartbeat: Handler = (c) => {
  const agentId = c.params['agentid']!;
  const decision = decideSessionCall('heartbeat', c.state.world, { agentid: agentId, auth: auth(c) }, c.state.profile);
  return decision.retcode === '0' ? answer(c, decision, undefined, keptAlive(c, agentId)) : answer(c, decision);
};

/** The new Guid comes back bare in `result.guid` (EN/cec_07_1225); no Set-GUID (the pages do not say one is sent). */
const updateGuid: Handler = (c) => {
  const agentId = c.params['agentid']!;
  const decision = decideSessionCall('updateGuid', c.state.world, { agentid: agentId, auth: auth(c) }, c.state.profile);
  if (decision.retcode !== '0') return answer(c, decision);
  const guid = c.state.guids.renew(agentId, c.now)!;
  return answer(c, decision, { result: { guid }, message: 'success', retcode: '0' });
};

const vdnView =
  (operation: VdnViewOperation): Handler =>
  (c) =>
    answer(c, decideVdnView(operation, c.state.world, { agentid: c.params['agentid']!, auth: auth(c), ...(c.params['workNo'] === undefined ? {} : { workNo: c.params['workNo'] }) }, c.state.profile));

/** One handler per operation of the contract. */
export const HANDLERS: Readonly<Record<OperationId, Handler>> = {
  addInsert: qc(decideAddInsert),
  cancelInsert: qc(decideCancelInsert),
  signIn: signIn(false),
  forceLogin: signIn(true),
  logout: signOut(false),
  forceLogout: signOut(true),
  sayFree: stateChange('idle'),
  sayBusy: stateChange('busy'),
  agentStatus,
  getAgentEvent,
  resetSkill,
  handShake,
  heartbeat,
  updateGuid,
  agentByWorkNo: vdnView('agentByWorkNo'),
  allAgentStatus: vdnView('allAgentStatus'),
  onlineAgentOnVdn: vdnView('onlineAgentOnVdn'),
};
