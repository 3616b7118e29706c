/**
 * Sign-out (`DELETE onlineagent/{agentid}/logout`), forced sign-out (`.../forcelogout`), and the sign-out of an
 * agent that has not polled for two minutes.
 *
 * A plain sign-out is refused while the agent talks or barges (100-010); a forced one releases the call and
 * ends any barge the agent takes part in, telling the other party. The agent's AgentOther_ShutdownService can
 * only reach a poll that is already waiting (the documents warn it "will not always be received").
 */
import { isInCall } from './agent.ts';
import { endBargesOf } from './barge-teardown.ts';
import { BARGING, callerContext, callerRules, ctiFaultRule, IDLE, inCallWitnesses, okId, pathIdRules, type CallerContext } from './common-rules.ts';
import { accepted, type AuthCheck, type Decision, type WorldView } from './decision.ts';
import { gatewayEvents } from './events.ts';
import type { Profile } from './profiles.ts';
import { documented } from './provenance.ts';
import { firstApplying, reject, type Rule } from './rules.ts';
import type { Retcode } from './retcodes.ts';
import { stamper } from './stamp.ts';
import { variant, type BaseCall, type SuccessRow } from './witness.ts';

/** One sign-out call. */
export interface SignOutCall {
  readonly agentid: string;
  readonly auth: AuthCheck;
  /** true for forcelogout. */
  readonly force: boolean;
  /** A fault injected for this call, answered after the state checks. */
  readonly fault?: Retcode;
}

export interface SignOutContext extends CallerContext {
  readonly force: boolean;
}

/** The plain sign-out: an idle agent signs out. */
const BASE: BaseCall = { given: { signedIn: { inspector: IDLE } }, when: { caller: 'inspector' } };

/** The sign-out rules in precedence order. */
export const signOutRules: readonly Rule<SignOutContext>[] = [
  ...pathIdRules<SignOutContext>(['agentid'], BASE),
  ...callerRules<SignOutContext>('the agent', BASE),
  {
    id: 'inCall',
    title: 'the agent is talking or barging',
    provenance: documented('EN/cec_07_1219', 'When an agent is in talking or answering state, the agent will not be signed out if this interface is invoked.'),
    answer: { setting: 'logoutInCall' },
    applies: (c) => !c.force && isInCall(c.caller!.session!),
    witnesses: inCallWitnesses(BASE),
  },
  ctiFaultRule<SignOutContext>(BASE, { logout: ['100-007'], forceLogout: ['100-005'] }),
];

/** The successful sign-out, as the last row of the table. */
export const logoutSuccess: SuccessRow = {
  id: 'ok',
  title: 'the agent signs out',
  provenance: documented('EN/cec_07_1219', 'Triggered event: AgentOther_ShutdownService; if the agent signs out, the event will not always be received.'),
  witnesses: [variant(BASE, 'idle', 'an idle agent signs out', {}), variant(BASE, 'busy', 'a busy agent signs out', { given: { signedIn: { inspector: { status: 3 } } } })],
};

/** The successful forced sign-out: it also ends the barges the agent takes part in. */
export const forceLogoutSuccess: SuccessRow = {
  id: 'ok',
  title: 'the agent signs out, ending its barges',
  provenance: documented('EN/cec_07_0353', 'When an agent is in talking or answering state, if this interface is invoked, the agent will be signed out, and the call will be released.'),
  witnesses: [
    variant(BASE, 'idle', 'an idle agent signs out', {}),
    variant(BASE, 'barging-inspector', 'a barging inspector signs out: the barge ends', { given: BARGING }),
    variant(BASE, 'barged-agent', 'a barged agent signs out: the inspector is released', { given: BARGING, when: { caller: 'target' } }),
  ],
};

/** Decides one sign-out or forced sign-out. Pure. */
export function decideSignOut(world: WorldView, call: SignOutCall, profile: Profile, now: number): Decision {
  const base = callerContext(profile, world, { agentid: call.agentid }, call.auth, call.fault);
  const context: SignOutContext = { profile, fault: base.fault, ids: base.ids, caller: base.caller, auth: base.auth, force: call.force };
  const operationId = call.force ? 'forceLogout' : 'logout';
  const failing = firstApplying(signOutRules, context);
  if (failing) return reject(operationId, failing, context);
  return signedOutDecision(world, okId(context, 'agentid')!, operationId, `${operationId}.ok`, profile, now);
}

/**
 * Signs out an agent that has not polled within the no-poll limit, as a forced sign-out would.
 * Returns null when the agent is not signed in.
 */
export function decideNoPollSignOut(world: WorldView, agentId: string, profile: Profile, now: number): Decision | null {
  if (!world.agent(agentId)?.session) return null;
  return signedOutDecision(world, agentId, 'forceLogout', 'forceLogout.noPollTimeout', profile, now);
}

function signedOutDecision(world: WorldView, agentId: string, operationId: 'logout' | 'forceLogout', rule: string, profile: Profile, now: number): Decision {
  const session = world.agent(agentId)!.session!;
  const stamp = stamper(now, profile);
  const teardown = endBargesOf(world, agentId, stamp);
  return accepted(operationId, {
    changes: [...teardown.changes, { agent: agentId, session: null }],
    deliveries: [
      ...teardown.deliveries,
      { to: agentId, event: gatewayEvents.shutdownService(stamp(agentId), session.loginTime) },
    ],
    signedOut: [agentId],
    result: {},
  }, rule);
}
