/**
 * The calls a console makes around a barge to keep its session going, none of which changes the agent's state:
 * - the skill reset right after sign-in (`POST onlineagent/{agentid}/resetskill/{autoflag}?skillid=&phonelinkage=`,
 *   EN/cec_07_1209; the harness models no skill queues, so only the call's checks matter);
 * - the push-mode keep-alive: `POST onlineagent/{agentid}/handshake` (documented, EN/cec_07_1204) and
 *   `PUT onlineagent/{agentid}/heartbeat` (undocumented: the older form Huawei's Java demo and aPortal send);
 * - the request for a new Guid after a page refresh (`PUT onlineagent/{agentid}/updateGuid`, EN/cec_07_1225).
 * Each needs a signed-in caller with its Guid. What the gateway does besides answering (the keep-alive counts as a
 * poll; a rotated or new Guid) belongs to the gateway, as for the event poll.
 */
import { BARGING, callerContext, callerRules, ctiFaultRule, IDLE, inCallWitnesses, pathIdRules, type CallerContext } from './common-rules.ts';
import { accepted, type AuthCheck, type Decision, type WorldView } from './decision.ts';
import type { Profile } from './profiles.ts';
import { documented, inferred } from './provenance.ts';
import { firstApplying, reject, type Rule } from './rules.ts';
import type { Retcode } from './retcodes.ts';
import { variant, type BaseCall, type SuccessRow } from './witness.ts';

/** The session calls. */
export type SessionOperation = 'resetSkill' | 'handShake' | 'heartbeat' | 'updateGuid';

/** One session call. Query parameters and headers arrive raw (undefined when absent). */
export interface SessionCall {
  readonly agentid: string;
  readonly auth: AuthCheck;
  /** resetskill's `skillid` and `phonelinkage`. */
  readonly query?: { readonly skillid?: string | undefined; readonly phonelinkage?: string | undefined };
  /** handshake's `service_token` header. */
  readonly serviceToken?: string | undefined;
  readonly fault?: Retcode;
}

export interface SessionCallContext extends CallerContext {
  readonly skillid: string | undefined;
  readonly phonelinkage: string | undefined;
  readonly serviceToken: string | undefined;
}

/** A signed-in agent, idle: every session call's plain form (resetskill adds its autoflag). */
const BASE: BaseCall = { given: { signedIn: { inspector: IDLE } }, when: { caller: 'inspector' } };
const RESET_BASE: BaseCall = { given: BASE.given, when: { caller: 'inspector', path: { autoflag: 'true' } } };

/** The resetskill rules in precedence order. */
export const resetSkillRules: readonly Rule<SessionCallContext>[] = [
  ...pathIdRules<SessionCallContext>(['agentid'], RESET_BASE),
  ...callerRules<SessionCallContext>('the agent', RESET_BASE),
  {
    id: 'badPhoneLinkage',
    title: 'phonelinkage is not 1 or 0',
    provenance: inferred('the page gives phonelinkage as an int, 1 or 0, and lists 000-002 "a parameter is invalid"; that other values get it is inferred', 'EN/cec_07_1209'),
    answer: { retcode: '000-002' },
    applies: (c) => c.phonelinkage !== undefined && c.phonelinkage !== '' && c.phonelinkage !== '0' && c.phonelinkage !== '1',
    witnesses: [
      variant(RESET_BASE, 'phonelinkage-2', 'phonelinkage is 2', { when: { query: { phonelinkage: '2' } } }),
      variant(RESET_BASE, 'phonelinkage-letters', 'phonelinkage is "yes"', { when: { query: { phonelinkage: 'yes' } } }),
      variant(RESET_BASE, 'phonelinkage-1', 'phonelinkage is 1, the highest', { when: { query: { phonelinkage: '1' } }, expect: 'passes' }),
    ],
  },
  {
    id: 'skillidTooLong',
    title: 'skillid is longer than 4000 characters',
    provenance: inferred('the page limits skillid to 4000 characters and lists 000-002 "a parameter is invalid"; that a longer one gets it is inferred', 'EN/cec_07_1209'),
    answer: { retcode: '000-002' },
    applies: (c) => c.skillid !== undefined && c.skillid.length > 4000,
    witnesses: [
      variant(RESET_BASE, 'skillid-4001', 'skillid has 4001 characters', { when: { path: { autoflag: 'false' }, query: { skillid: '1'.repeat(4001) } } }),
      variant(RESET_BASE, 'skillid-4000', 'skillid has 4000 characters, the most', { when: { path: { autoflag: 'false' }, query: { skillid: '1'.repeat(4000) } }, expect: 'passes' }),
    ],
  },
  ctiFaultRule<SessionCallContext>(RESET_BASE, { resetSkill: ['100-007'] }),
];

/** The successful skill reset: any signed-in agent, inspectors included, in every form public clients send it. */
export const resetSkillSuccess: SuccessRow = {
  id: 'ok',
  title: 'the agent is signed in to its skill queues',
  provenance: documented('DEVEN/cec_05_4015', 'After obtaining the GUID, the agent can invoke the resetSkill interface to sign in to a specified skill queue.'),
  witnesses: [
    variant(RESET_BASE, 'java-demo', 'resetskill/true with no query (Java demo, aPortal)', {}),
    variant(RESET_BASE, 'csharp-demo', 'resetskill/true?skillid=&phonelinkage=0 (C# QuickAgent demo)', { when: { query: { skillid: '', phonelinkage: '0' } } }),
    variant(RESET_BASE, 'phone-linkage', 'resetskill/true?phonelinkage=1 (Zackeus)', { when: { query: { phonelinkage: '1' } } }),
    variant(RESET_BASE, 'listed-queues', 'resetskill/false?skillid=1;2;3: the listed queues', { when: { path: { autoflag: 'false' }, query: { skillid: '1;2;3' } } }),
    variant(RESET_BASE, 'other-autoflag', 'autoflag "yes": any value but true is false', { when: { path: { autoflag: 'yes' } } }),
    variant(RESET_BASE, 'busy-agent', 'a busy agent (status 3)', { given: { signedIn: { inspector: { status: 3 } } } }),
    variant(RESET_BASE, 'barging-inspector', 'an inspector barged into an agent', { given: BARGING }),
  ],
};

const SERVICE_TOKEN = /^[A-Za-z0-9]{0,50}$/;

/** The handshake rules in precedence order. */
export const handShakeRules: readonly Rule<SessionCallContext>[] = [
  ...pathIdRules<SessionCallContext>(['agentid'], BASE),
  ...callerRules<SessionCallContext>('the agent', BASE),
  {
    id: 'badServiceToken',
    title: 'the service_token header is too long or has special characters',
    provenance: documented('ZH/cec_07_1204', 'optional service_token (at most 50 characters with no special characters, otherwise 100-001; refresh it about once a minute)'),
    answer: { retcode: '100-001' },
    detail: () => 'service_token must be at most 50 letters or digits (which characters count as special is inferred)',
    applies: (c) => c.serviceToken !== undefined && !SERVICE_TOKEN.test(c.serviceToken),
    witnesses: [
      variant(BASE, 'service-token-51', 'service_token has 51 characters', { when: { headers: { service_token: 't'.repeat(51) } } }),
      variant(BASE, 'service-token-special', 'service_token is "a$b"', { when: { headers: { service_token: 'a$b' } } }),
      variant(BASE, 'service-token-50', 'service_token has 50 characters, the most', { when: { headers: { service_token: 't'.repeat(50) } }, expect: 'passes' }),
    ],
  },
];

/** The keep-alive of a signed-in agent, whatever it is doing. */
const KEEP_ALIVE_WITNESSES = [variant(BASE, 'idle', 'an idle agent', {}), ...inCallWitnesses(BASE)];

/** The successful handshake: `{"message":"success","retcode":"0"}` without `result`. */
export const handShakeSuccess: SuccessRow = {
  id: 'ok',
  title: 'the session is kept alive',
  provenance: documented('ZH/cec_07_1204', 'It is for push mode. Call it about every 30 s; with no heartbeat for 2 min the agent is signed out.'),
  witnesses: [...KEEP_ALIVE_WITNESSES, variant(BASE, 'with-service-token', 'a valid service_token header', { when: { headers: { service_token: 'token2026' } } })],
};

/** The heartbeat rules: the caller's checks only (no page documents more). */
export const heartbeatRules: readonly Rule<SessionCallContext>[] = [
  ...pathIdRules<SessionCallContext>(['agentid'], BASE),
  ...callerRules<SessionCallContext>('the agent', BASE),
];

/** The successful heartbeat: `result.loginTime`, which the Java demo logs. */
export const heartbeatSuccess: SuccessRow = {
  id: 'ok',
  title: 'the session is kept alive (older heartbeat)',
  provenance: inferred('no Huawei page documents PUT heartbeat; Huawei\'s Java demo (HeartBeatThread.java) and aPortal send it every 60 s and the Java demo reads result.loginTime on retcode 0'),
  witnesses: KEEP_ALIVE_WITNESSES,
};

/** The updateGuid rules: the caller's checks only. */
export const updateGuidRules: readonly Rule<SessionCallContext>[] = [
  ...pathIdRules<SessionCallContext>(['agentid'], BASE),
  ...callerRules<SessionCallContext>('the agent', BASE),
];

/** The successful updateGuid: a new Guid, which the gateway puts in `result.guid`. */
export const updateGuidSuccess: SuccessRow = {
  id: 'ok',
  title: 'the agent gets a new Guid',
  provenance: documented('EN/cec_07_1225', 'The Guid comes back in the body, without the JSESSIONID= prefix.'),
  witnesses: [variant(BASE, 'idle', 'an idle agent', {}), variant(BASE, 'barging-inspector', 'an inspector barged into an agent', { given: BARGING })],
};

const RULES: Readonly<Record<SessionOperation, readonly Rule<SessionCallContext>[]>> = {
  resetSkill: resetSkillRules,
  handShake: handShakeRules,
  heartbeat: heartbeatRules,
  updateGuid: updateGuidRules,
};

/** Decides one session call. Pure; the gateway then refreshes the agent's last-seen time or issues a Guid. */
export function decideSessionCall(operationId: SessionOperation, world: WorldView, call: SessionCall, profile: Profile): Decision<object> {
  const base = callerContext(profile, world, { agentid: call.agentid }, call.auth, call.fault);
  const context: SessionCallContext = {
    profile,
    fault: base.fault,
    ids: base.ids,
    caller: base.caller,
    auth: base.auth,
    skillid: call.query?.skillid,
    phonelinkage: call.query?.phonelinkage,
    serviceToken: call.serviceToken,
  };
  const failing = firstApplying(RULES[operationId], context);
  if (failing) return reject(operationId, failing, context);
  const session = context.caller!.session!;
  const result = operationId === 'heartbeat' ? { loginTime: String(session.loginTime) } : {};
  return accepted(operationId, { result });
}
