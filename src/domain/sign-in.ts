/**
 * Sign-in (`PUT onlineagent/{agentid}`) and forced sign-in (`.../forcelogin`).
 *
 * Precedence: path ID → body (100-001 missing, 100-011 invalid, 100-012 agent type, 100-016 IP) → empty password
 * (profile setting) → configured agent (100-004) → password (100-004) → phone (100-013) → already signed in (100-002,
 * sign-in only) → injected fault. The body is read as a Java/Jackson gateway reads it (sign-in-body.ts).
 * On success the agent has a new session in the requested status; it receives AgentOther_InService,
 * AgentState_Ready, and AgentState_SetNotReady_Success (status 3) or AgentState_Work (status 5). A forced sign-in
 * over an existing session ends that session and any barge it takes part in.
 */
import { newSession, type AgentView } from './agent.ts';
import { endBargesOf } from './barge-teardown.ts';
import { BARGING, checkPathIds, ctiFaultRule, IDLE, okId, pathIdRules, type PathContext } from './common-rules.ts';
import { accepted, type Decision, type Delivery, type SessionChange, type WorldView } from './decision.ts';
import { gatewayEvents, type AgentEvent } from './events.ts';
import { InMemoryWorld } from './in-memory-world.ts';
import { DEFAULT_PROFILE, type Profile } from './profiles.ts';
import { documented, inferred } from './provenance.ts';
import { firstApplying, reject, type Rule } from './rules.ts';
import type { Retcode } from './retcodes.ts';
import { checkSignInBody, type SignInBody, type SignInBodyCheck } from './sign-in-body.ts';
import { stamper } from './stamp.ts';
import { variant, type BaseCall, type BodyShape, type SuccessRow, type Witness } from './witness.ts';

/** One sign-in call. */
export interface SignInCall {
  readonly agentid: string;
  /** The parsed JSON body (anything: it is checked here). */
  readonly body: unknown;
  /** true for forcelogin. */
  readonly force: boolean;
  /** An injected fault (100-003). */
  readonly fault?: Retcode;
}

/** The documented sign-in `result`. */
export interface SignInResult {
  readonly vdnid: number;
  readonly workno: string;
  readonly mediatype: string;
  readonly loginTime: string;
  readonly isForceChange: 'true' | 'false';
  readonly serverName: string;
  readonly timeRemaining: string;
}

export interface SignInContext extends PathContext {
  readonly agent: AgentView | undefined;
  readonly body: SignInBodyCheck;
  readonly force: boolean;
}

/** The plain sign-in: a signed-out agent with its password and softphone. */
const BASE: BaseCall = { given: {}, when: { caller: 'inspector', body: {} } };

function bodyRule(
  id: string,
  retcode: '100-001' | '100-011' | '100-012' | '100-016',
  title: string,
  says: string,
  bodies: readonly (readonly [name: string, says: string, body: BodyShape])[],
): Rule<SignInContext> {
  return {
    id,
    title,
    provenance: documented('EN/cec_07_0580', says),
    answer: { retcode },
    applies: (c) => !c.body.ok && c.body.retcode === retcode,
    detail: (c) => (c.body.ok ? undefined : `${c.body.field} ${c.body.reason}`),
    witnesses: bodies.map(([name, phrase, body]): Witness => variant(BASE, name, phrase, { when: { body } })),
  };
}

/** The sign-in rules in precedence order (forcelogin skips `alreadySignedIn`). */
export const signInRules: readonly Rule<SignInContext>[] = [
  ...pathIdRules<SignInContext>(['agentid'], BASE),
  bodyRule('bodyMissingField', '100-001', 'a sign-in parameter is empty or missing', 'Sign-in parameter empty or invalid', [
    ['no-password', 'the body has no password', { omit: ['password'] }],
    ['null-password', 'the password is null', { set: { password: null } }],
    ['no-phonenum', 'the body has no phonenum', { omit: ['phonenum'] }],
    ['empty-phonenum', 'the phonenum is empty', { set: { phonenum: '' } }],
    ['not-an-object', 'the body is a JSON array', { replace: [] }],
  ]),
  bodyRule('bodyInvalidField', '100-011', 'a sign-in parameter has an invalid value', 'Invalid parameter at sign-in', [
    ['password-too-long', 'the password has 33 characters (at most 32)', { set: { password: 'p'.repeat(33) } }],
    ['phonenum-too-long', 'the phonenum has 25 characters (at most 24)', { set: { phonenum: '1'.repeat(25) } }],
    ['status-7', 'status is 7 (3, 4 or 5 are allowed)', { set: { status: 7 } }],
    ['status-7-as-string', 'status is "7": a string is read as its number, which is not allowed', { set: { status: '7' } }],
    ['status-not-a-number', 'status is "idle"', { set: { status: 'idle' } }],
    ['autoanswer-not-boolean', 'autoanswer is "yes"', { set: { autoanswer: 'yes' } }],
  ]),
  bodyRule('badAgentType', '100-012', 'the agent type is wrong', 'Wrong agent type at sign-in', [
    ['agenttype-5', 'agenttype is 5 (4 or 11 are allowed)', { set: { agenttype: 5 } }],
    ['agenttype-5-as-string', 'agenttype is "5"', { set: { agenttype: '5' } }],
  ]),
  bodyRule('badIp', '100-016', 'the IP is invalid', 'Invalid IP at sign-in', [
    ['not-an-ip', 'ip is 999.0.0.1', { set: { ip: '999.0.0.1' } }],
    ['ipv6', 'ip is the IPv6 address ::1 (IPv4 only)', { set: { ip: '::1' } }],
  ]),
  {
    id: 'emptyPassword',
    title: 'the password is empty',
    provenance: inferred('no document says how an empty password is answered: its example sends one, the loginex page allows one; the profile setting emptyPassword says whether it is checked like any password or refused as empty', 'ZH/cec_07_1202'),
    answer: { setting: 'emptyPassword' },
    // "Checked like any password": refused as wrong unless the account itself has an empty password.
    applies: (c) => c.body.ok && c.body.body.password === '' && (c.profile.answers.emptyPassword.value === '100-001' || c.agent?.account.password !== ''),
    witnesses: [variant(BASE, 'empty-password', 'the password is "" (Zackeus sends it by default)', { when: { body: { set: { password: '' } } } })],
  },
  {
    id: 'unknownAgent',
    title: 'the agent ID is not configured',
    provenance: documented('EN/cec_07_0580', 'Wrong user name or password at sign-in'),
    answer: { setting: 'unknownAgentSignIn' },
    applies: (c) => c.agent === undefined,
    witnesses: [variant(BASE, 'unconfigured', 'an ID without an account signs in', { when: { caller: 'unconfigured' } })],
  },
  {
    id: 'wrongPassword',
    title: 'the password is wrong',
    provenance: documented('EN/cec_07_0580', 'Wrong user name or password at sign-in'),
    answer: { retcode: '100-004' },
    applies: (c) => c.body.ok && c.body.body.password !== c.agent!.account.password,
    witnesses: [variant(BASE, 'wrong-password', 'a password that is not the account\'s (one attempt)', { when: { body: { wrong: 'password' } } })],
  },
  {
    id: 'phoneMismatch',
    title: "the phone number is not the agent's softphone",
    provenance: documented('EN/cec_07_0580', 'The phone bound at sign-in is invalid'),
    answer: { setting: 'phoneMismatch' },
    applies: (c) => c.body.ok && c.body.body.phonenum !== c.agent!.account.phone,
    witnesses: [variant(BASE, 'wrong-phone', "a phone number that is not the account's softphone", { when: { body: { wrong: 'phonenum' } } })],
  },
  {
    id: 'alreadySignedIn',
    title: 'the agent is already signed in',
    provenance: documented('DEVEN/cec_05_4015', 'retcode 100-002 means the agent is already signed in elsewhere; the client should then call forcelogin'),
    answer: { retcode: '100-002' },
    applies: (c) => !c.force && c.agent!.session !== null,
    witnesses: [variant(BASE, 'signed-in', 'the agent is signed in already', { given: { signedIn: { inspector: IDLE } } })],
  },
  ctiFaultRule<SignInContext>(BASE, { signIn: ['100-003'], forceLogin: ['100-003'] }),
];

const STATUS_WITNESSES: readonly Witness[] = [
  variant(BASE, 'idle', 'a sign-in with no status: idle', {}),
  variant(BASE, 'busy', 'a sign-in as busy (status 3)', { when: { body: { set: { status: 3 } } } }),
  variant(BASE, 'wrap-up', 'a sign-in in wrap-up (status 5)', { when: { body: { set: { status: 5 } } } }),
  variant(BASE, 'always-off-hook', 'a sign-in with releasephone false', { when: { body: { set: { releasephone: false } } } }),
  // The shapes public clients send (docs/sources/ccgw-facts.md §8e): scalars as strings, nulls, unknown fields.
  variant(BASE, 'documented-example', 'the documents\' example body: status "4", releasephone "true", agenttype "4" as strings', {
    when: { body: { set: { status: '4', releasephone: 'true', agenttype: '4' } } },
  }),
  variant(BASE, 'busy-as-string', 'status "3" as a string: busy', { when: { body: { set: { status: '3' } } } }),
  variant(BASE, 'always-off-hook-as-string', 'releasephone "false" as a string', { when: { body: { set: { releasephone: 'false' } } } }),
  variant(BASE, 'java-demo-body', "the Java demo's body: agenttype \"4\" as a string and the unknown field listenStatus", {
    when: { body: { set: { autoanswer: true, autoenteridle: true, releasephone: true, agenttype: '4', status: 4, phonelinkage: false, checkInWebm: true, checkInMailm: false, listenStatus: false } } },
  }),
  variant(BASE, 'csharp-demo-body', "the C# demo's body: ip, entryIp and the unknown vcPhoneNumber as null", {
    when: { body: { set: { autoanswer: true, autoenteridle: false, releasephone: true, agenttype: 4, status: 4, ip: null, entryIp: null, phonelinkage: false, checkInMailm: false, vcPhoneNumber: null } } },
  }),
];

/**
 * The successful sign-in, as the last row of the table; also after the agent's earlier session was signed out for
 * two minutes without an event poll (a gateway that kept it would answer 100-002: the witness takes the no-poll limit
 * to produce).
 */
export const signInSuccess: SuccessRow = {
  id: 'ok',
  title: 'the agent signs in',
  provenance: documented('EN/cec_07_1202', 'status 4: AgentOther_InService, then AgentState_Ready.'),
  witnesses: [
    ...STATUS_WITNESSES,
    variant(BASE, 'after-silence', 'the agent signed in earlier and made no event poll for 2 minutes, so the gateway signed it out', {
      given: { sessionEndedBy: 'silence' },
      when: { guid: 'endedSession' },
    }),
  ],
};

/** The successful forced sign-in: as a sign-in, and over a session of its own, which it ends with its barges. */
export const forceLoginSuccess: SuccessRow = {
  id: 'ok',
  title: 'the agent signs in, ending any session of its own',
  provenance: documented('EN/cec_07_1203', 'PUT …/onlineagent/{agentid}/forcelogin (log forceLogin, same body)'),
  witnesses: [
    ...STATUS_WITNESSES,
    variant(BASE, 'takes-over', 'the agent is signed in already', { given: { signedIn: { inspector: IDLE } } }),
    variant(BASE, 'takes-over-barging', 'the agent is signed in and barged into another agent: the barge ends', {
      given: BARGING,
    }),
  ],
};

/** Decides one sign-in or forced sign-in. Pure. */
export function decideSignIn(world: WorldView, call: SignInCall, profile: Profile, now: number): Decision<SignInResult | Record<string, never>> {
  const ids = checkPathIds(profile, { agentid: call.agentid });
  const id0 = ids['agentid'];
  const context: SignInContext = {
    profile,
    fault: call.fault,
    ids,
    agent: id0?.kind === 'ok' ? world.agent(id0.id) : undefined,
    body: checkSignInBody(call.body),
    force: call.force,
  };
  const operationId = call.force ? 'forceLogin' : 'signIn';
  const failing = firstApplying(signInRules, context);
  if (failing) return reject(operationId, failing, context);

  const agentId = okId(context, 'agentid')!;
  const account = context.agent!.account;
  const body = (context.body as Extract<SignInBodyCheck, { ok: true }>).body;
  const stamp = stamper(now, profile);
  const changes: SessionChange[] = [];
  const deliveries: Delivery[] = [];
  const signedOut: string[] = [];
  if (context.agent!.session !== null) {
    const teardown = endBargesOf(world, agentId, stamp);
    changes.push(...teardown.changes);
    deliveries.push(...teardown.deliveries);
    signedOut.push(agentId);
  }
  changes.push({ agent: agentId, session: newSession({ status: body.status, alwaysOffHook: !body.releasephone, loginTime: now }) });
  deliveries.push({ to: agentId, event: gatewayEvents.inService(stamp(agentId)) });
  deliveries.push({ to: agentId, event: gatewayEvents.ready(stamp(agentId)) });
  if (body.status === 3) deliveries.push({ to: agentId, event: gatewayEvents.setNotReady(stamp(agentId), 0) });
  if (body.status === 5) deliveries.push({ to: agentId, event: gatewayEvents.work(stamp(agentId)) });
  return accepted(operationId, {
    changes,
    deliveries,
    signedIn: agentId,
    signedOut,
    result: {
      vdnid: account.vdn,
      workno: agentId,
      mediatype: 'TTF',
      loginTime: String(now),
      isForceChange: 'false',
      serverName: 'AgentGateway',
      timeRemaining: '',
    },
  });
}

/**
 * The event types a successful sign-in (or forced sign-in) with `status` queues for the agent itself, in order, as
 * {@link decideSignIn} delivers them: AgentOther_InService, AgentState_Ready, then AgentState_SetNotReady_Success
 * (status 3) or AgentState_Work (status 5). Computed by deciding a sign-in of a one-account world, so a client that
 * reads "the sign-in's events" waits for exactly what the rules produce and never polls for nothing.
 */
export function signInEventTypes(status: SignInBody['status'], profile: Profile = DEFAULT_PROFILE): AgentEvent['eventType'][] {
  if (status !== 3 && status !== 4 && status !== 5) {
    throw new RangeError(`a sign-in status is 3 (busy), 4 (idle) or 5 (wrap-up), not ${JSON.stringify(status)}`);
  }
  const id = String(profile.ids.min);
  const account = { id, vdn: 1, inspector: false, phone: `888${id}`, password: 'sign-in-events' };
  const call: SignInCall = { agentid: id, body: { password: account.password, phonenum: account.phone, status }, force: false };
  const decision = decideSignIn(new InMemoryWorld([account]), call, profile, 0);
  if (decision.retcode !== '0') throw new Error(`a sign-in of a one-account world answered ${decision.retcode} (${decision.rule}); the sign-in rules reject a well-formed sign-in`);
  return decision.deliveries.filter((d) => d.to === id).map((d) => d.event.eventType);
}
