/**
 * What a gateway should answer to a witness (src/domain/witness.ts), worked out by playing the witness through the
 * decisions of `src/domain` on a world of its own: the situation's sign-ins and barges, then the call. The rule suite
 * holds a gateway to the result: the HTTP status, the retcode, the result fields, the events each agent then finds
 * queued, and the caller's status afterwards.
 */
import type { AgentAccount } from './agent.ts';
import { decideCall } from './decide-call.ts';
import type { AuthCheck, Decision } from './decision.ts';
import type { AgentEvent } from './events.ts';
import { InMemoryWorld } from './in-memory-world.ts';
import type { Profile } from './profiles.ts';
import { decideAgentStatus, type AgentStatusResult } from './queries.ts';
import { decideNoPollSignOut } from './sign-out.ts';
import type { OperationId } from './retcodes.ts';
import { AGENT_ROLES, ROLE_REQUIREMENTS, UNCONFIGURED_REQUIREMENT, type AgentRole, type Party } from './roles.ts';
import { boundValue, type BodyShape, type GuidUse, type PathId, type RoleState, type Situation, type Witness } from './witness.ts';

/** The accounts that play the roles on one gateway, and the ID that has none. */
export interface WitnessParties {
  /** The account playing `role`, or undefined when no account can. */
  account(role: AgentRole): AgentAccount | undefined;
  /** An ID in the profile's range with no account on the gateway, or undefined when none is known. */
  readonly unconfiguredId: string | undefined;
  /** Whether the gateway is known to have no account with this ID. */
  isUnconfigured(id: string): boolean;
  /** The gateway's account with this ID, if the parties know it (bounds may hit one). */
  lookup(id: string): AgentAccount | undefined;
  /**
   * Whether a call about this in-range ID, which is neither a role's account nor the unconfigured ID, is safe and
   * predictable: true only where every account of the gateway is known (a mock seeded from the fixtures).
   */
  knowsEveryAccount: boolean;
}

/** The concrete call of a witness. */
export interface ResolvedCall {
  readonly operation: OperationId;
  /** The caller's party and, when it is an account, the account. */
  readonly caller: Party;
  readonly callerAccount: AgentAccount | undefined;
  /** Raw path IDs, as sent. */
  readonly agentid: string;
  readonly workNo: string | undefined;
  readonly guid: GuidUse;
  /** The JSON body to send (sign-in), or undefined for none. */
  readonly body: unknown;
  readonly query: Readonly<Record<string, string>> | undefined;
  /** Path parameters other than agent IDs (resetskill's autoflag), raw. */
  readonly path: Readonly<Record<string, string>> | undefined;
  /** Headers other than the Guid, by lower-case name. */
  readonly headers: Readonly<Record<string, string>> | undefined;
}

/** What the gateway should do with the call. */
export interface Expectation {
  /** The events the situation queues for each agent signed in before the call, oldest first: the suite reads them. */
  readonly setupQueued: ReadonlyMap<string, readonly AgentEvent[]>;
  /** The agent whose situation events stay unread, because the call polls them (getAgentEvent). */
  readonly unread: string | undefined;
  /** The decision of the call: HTTP status, retcode, deciding rule, result, events. */
  readonly decision: Decision<object>;
  /** The events each agent should find queued after the call, oldest first (agents signed in afterwards only). */
  readonly queued: ReadonlyMap<string, readonly AgentEvent[]>;
  /** The event an event poll returns (getAgentEvent only). */
  readonly polledEvent: AgentEvent | undefined;
  /** The caller's agentstatus after the call, when it is signed in then. */
  readonly callerStatus: AgentStatusResult | undefined;
  /** Agents signed in after the call, by ID. */
  readonly signedInAfter: ReadonlySet<string>;
}

/** A fixed clock for expectations: events' `eventGenTime` is checked for presence, never for its value. */
const NOW = 1_767_225_600_000;

/** The body a situation signs an account in with. */
export function situationBody(account: AgentAccount, state: RoleState): Record<string, unknown> {
  return { password: account.password, phonenum: account.phone, status: state.status, releasephone: state.alwaysOffHook !== true };
}

/** A password that is surely not `password` and still a valid one (at most 32 characters). */
export function otherPassword(password: string): string {
  return password === 'not-the-password' ? 'not-the-password-either' : 'not-the-password';
}

/** A phone number that is surely not `phone` and still a valid one. */
export function otherPhone(phone: string): string {
  return phone.length < 24 ? `${phone}9` : `${phone.slice(0, -1)}${phone.endsWith('9') ? '8' : '9'}`;
}

function buildBody(shape: BodyShape, account: AgentAccount | undefined): unknown {
  if ('replace' in shape) return shape.replace;
  const body: Record<string, unknown> = account ? { password: account.password, phonenum: account.phone } : { password: 'no-such-account', phonenum: '10000' };
  if (shape.wrong === 'password') body['password'] = otherPassword(String(body['password']));
  if (shape.wrong === 'phonenum') body['phonenum'] = otherPhone(String(body['phonenum']));
  for (const field of shape.omit ?? []) delete body[field];
  return { ...body, ...shape.set };
}

/**
 * The concrete call of a witness for `operation`, or why it cannot be made on this gateway (a role no account
 * plays, no unconfigured ID, a bound that may be someone's account).
 */
export function resolveCall(operation: OperationId, witness: Witness, parties: WitnessParties, profile: Profile): ResolvedCall | { readonly missing: string } {
  const roles = new Set<AgentRole>([...(Object.keys(witness.given.signedIn ?? {}) as AgentRole[]), ...(witness.given.barges ?? []).flatMap((b) => [b.inspector, b.target])]);
  const guid = witness.when.guid ?? 'own';
  if (typeof guid === 'object') roles.add(guid.of);
  const missing: string[] = [];
  const idOf = (party: Party): string | undefined => {
    if (party === 'unconfigured') {
      if (parties.unconfiguredId === undefined) missing.push(UNCONFIGURED_REQUIREMENT);
      return parties.unconfiguredId;
    }
    roles.add(party);
    return parties.account(party)?.id;
  };
  const pathValue = (id: PathId): string | undefined => {
    if ('party' in id) return idOf(id.party);
    if ('literal' in id) return id.literal;
    const value = boundValue(id.bound, profile.ids);
    const inRange = Number(value) >= profile.ids.min && Number(value) <= profile.ids.max;
    if (inRange && !parties.knowsEveryAccount && parties.lookup(value) === undefined && !parties.isUnconfigured(value)) {
      missing.push(`ID ${value} (the profile's ${id.bound === 'min' ? 'lowest' : 'highest'}) in unconfiguredIds or as a test account (a call about an ID the fixtures do not vouch for could touch someone else's agent)`);
    }
    return value;
  };
  const callerId = idOf(witness.when.caller);
  const agentid = witness.when.agentid ? pathValue(witness.when.agentid) : callerId;
  const workNo = witness.when.workNo ? pathValue(witness.when.workNo) : undefined;
  for (const role of AGENT_ROLES) if (roles.has(role) && parties.account(role) === undefined) missing.push(ROLE_REQUIREMENTS[role]);
  if (missing.length > 0 || agentid === undefined) return { missing: `the fixtures lack ${[...new Set(missing)].join('; and ')}` };
  const callerAccount = witness.when.caller === 'unconfigured' ? undefined : parties.account(witness.when.caller);
  const signIn = operation === 'signIn' || operation === 'forceLogin';
  return {
    operation,
    caller: witness.when.caller,
    callerAccount,
    agentid,
    workNo,
    guid,
    body: signIn ? buildBody(witness.when.body ?? {}, callerAccount) : undefined,
    query: witness.when.query,
    path: witness.when.path,
    headers: witness.when.headers,
  };
}

class Queues {
  readonly #byAgent = new Map<string, AgentEvent[]>();
  push(decision: Decision<object>): void {
    // A session that ends takes its queue with it; a forced sign-in over a session starts a new, empty one first.
    const newSession = decision.signedIn !== null;
    if (newSession) for (const id of decision.signedOut) this.#byAgent.delete(id);
    for (const d of decision.deliveries) {
      let q = this.#byAgent.get(d.to);
      if (!q) this.#byAgent.set(d.to, (q = []));
      q.push(d.event);
    }
    if (!newSession) for (const id of decision.signedOut) this.#byAgent.delete(id);
  }
  clearExcept(keep: string | undefined): void {
    for (const id of [...this.#byAgent.keys()]) if (id !== keep) this.#byAgent.delete(id);
  }
  take(id: string): AgentEvent | undefined {
    return this.#byAgent.get(id)?.shift();
  }
  snapshot(signedIn: ReadonlySet<string>): Map<string, readonly AgentEvent[]> {
    const out = new Map<string, readonly AgentEvent[]>();
    for (const [id, q] of this.#byAgent) if (signedIn.has(id) && q.length > 0) out.set(id, [...q]);
    return out;
  }
}

function mustSucceed(decision: Decision<object>, what: string): Decision<object> {
  if (decision.retcode !== '0') throw new Error(`the situation cannot be built: ${what} answers ${decision.retcode || `HTTP ${decision.httpStatus}`} (${decision.rule})`);
  return decision;
}

/** What the gateway should answer `call` in `given`. @throws Error when the situation itself cannot be built. */
export function expectWitness(call: ResolvedCall, given: Situation, parties: WitnessParties, profile: Profile): Expectation {
  const accounts = new Map<string, AgentAccount>();
  for (const role of AGENT_ROLES) {
    const a = parties.account(role);
    if (a) accounts.set(a.id, a);
  }
  for (const id of [call.agentid, call.workNo]) {
    const a = id === undefined ? undefined : parties.lookup(id);
    if (a) accounts.set(a.id, a);
  }
  const world = new InMemoryWorld(accounts.values());
  const queues = new Queues();
  const apply = (d: Decision<object>) => {
    world.apply(d);
    queues.push(d);
  };
  const signIn = (account: AgentAccount, state: RoleState) =>
    apply(mustSucceed(decideCall('forceLogin', world, { agentid: account.id, auth: 'valid', body: situationBody(account, state) }, profile, NOW), `the sign-in of ${account.id}`));

  for (const role of AGENT_ROLES) {
    const state = given.signedIn?.[role];
    if (state) signIn(parties.account(role)!, state);
  }
  const caller = call.callerAccount;
  if (call.guid === 'previousSession' || call.guid === 'endedSession') {
    if (!caller) throw new Error(`a witness with guid ${call.guid} needs an account as the caller`);
    const state = given.signedIn?.[call.caller as AgentRole];
    if (call.guid === 'previousSession') {
      if (!state) throw new Error('guid previousSession needs the caller signed in');
      signIn(caller, state);
    } else {
      if (state) throw new Error('guid endedSession needs the caller signed out in the situation');
      signIn(caller, { status: 4 });
      const ended =
        given.sessionEndedBy === 'silence'
          ? decideNoPollSignOut(world, caller.id, profile, NOW)
          : decideCall('forceLogout', world, { agentid: caller.id, auth: 'valid' }, profile, NOW);
      apply(mustSucceed(ended!, `the end of the session of ${caller.id}`));
    }
  }
  for (const b of given.barges ?? []) {
    const inspector = parties.account(b.inspector)!;
    const target = parties.account(b.target)!;
    apply(mustSucceed(decideCall('addInsert', world, { agentid: inspector.id, workNo: target.id, auth: 'valid' }, profile, NOW), `the barge of ${inspector.id} into ${target.id}`));
  }
  // The suite reads every event the situation queued before the call, except the ones the call itself polls.
  const pollsOwnQueue = call.operation === 'getAgentEvent' && call.guid === 'own' && caller !== undefined && caller.id === call.agentid;
  const before = new Set<string>();
  for (const id of accounts.keys()) if (world.agent(id)?.session) before.add(id);
  const setupQueued = queues.snapshot(before);
  const unread = pollsOwnQueue ? caller.id : undefined;
  queues.clearExcept(unread);

  const decision = decideCall(call.operation, world, { agentid: call.agentid, ...(call.workNo === undefined ? {} : { workNo: call.workNo }), auth: authOf(call, world), body: call.body, ...(call.query ? { query: call.query } : {}), ...(call.headers ? { headers: call.headers } : {}), ...(given.fault ? { fault: given.fault } : {}) }, profile, NOW);
  const polledEvent = call.operation === 'getAgentEvent' && decision.retcode === '0' ? queues.take(call.agentid) : undefined;
  apply(decision);
  const signedInAfter = new Set<string>();
  for (const id of accounts.keys()) if (world.agent(id)?.session) signedInAfter.add(id);
  const callerId = caller?.id;
  const callerStatus =
    callerId !== undefined && signedInAfter.has(callerId) ? (decideAgentStatus(world, { agentid: callerId, auth: 'valid' }, profile).result as AgentStatusResult) : undefined;
  return { setupQueued, unread, decision, queued: queues.snapshot(signedInAfter), polledEvent, callerStatus, signedInAfter };
}

function authOf(call: ResolvedCall, world: InMemoryWorld): AuthCheck {
  // A sign-in needs no Guid (and the client sends none).
  if (call.operation === 'signIn' || call.operation === 'forceLogin' || call.guid === 'none') return 'missing';
  if (call.guid !== 'own') return 'mismatch';
  const caller = call.callerAccount;
  if (!caller || !world.agent(caller.id)?.session) throw new Error("a witness that sends the caller's own Guid needs the caller signed in");
  return caller.id === call.agentid ? 'valid' : 'mismatch';
}
