/**
 * Calls that change nothing: the agent's status (`GET onlineagent/{agentid}/agentstatus`) and the event poll
 * (`GET agentevent/{agentid}`), whose queue handling belongs to the gateway; here only who may poll.
 */
import { isInCall } from './agent.ts';
import { BARGING, callerContext, callerRules, ctiFaultRule, IDLE, okId, pathIdRules, type CallerContext } from './common-rules.ts';
import { accepted, type AuthCheck, type Decision, type WorldView } from './decision.ts';
import type { Profile } from './profiles.ts';
import { documented } from './provenance.ts';
import { firstApplying, reject, type Rule } from './rules.ts';
import type { Retcode } from './retcodes.ts';
import { variant, type BaseCall, type SuccessRow } from './witness.ts';

/** A call by an agent about itself. */
export interface SelfCall {
  readonly agentid: string;
  readonly auth: AuthCheck;
  /** A fault injected for this call, answered after the state checks. */
  readonly fault?: Retcode;
}

/** The documented agentstatus `result`. */
export interface AgentStatusResult {
  readonly agentState: number;
  readonly isWorking: boolean;
}

/** The plain call: an idle agent asks about itself. */
const BASE: BaseCall = { given: { signedIn: { inspector: IDLE } }, when: { caller: 'inspector' } };

/** Rules of the calls that only need a signed-in caller with its Guid. */
export const selfCallRules: readonly Rule<CallerContext>[] = [
  ...pathIdRules<CallerContext>(['agentid'], BASE),
  ...callerRules<CallerContext>('the agent', BASE),
  ctiFaultRule<CallerContext>(BASE, { agentStatus: ['000-003'], getAgentEvent: ['000-001'] }),
];

/** The successful agentstatus: the status of each state an agent can be put in through the gateway's calls. */
export const agentStatusSuccess: SuccessRow = {
  id: 'ok',
  title: 'the agent reads its status',
  provenance: documented('EN/cec_07_1222', 'result: agentState (int, the agent status) and isWorking (boolean: true while the agent is talking).'),
  witnesses: [
    variant(BASE, 'idle', 'an idle agent (4, not working)', {}),
    variant(BASE, 'busy', 'a busy agent (3)', { given: { signedIn: { inspector: { status: 3 } } } }),
    variant(BASE, 'wrap-up', 'an agent in wrap-up (5)', { given: { signedIn: { inspector: { status: 5 } } } }),
    variant(BASE, 'barging', 'a barging inspector (7, working)', { given: BARGING }),
    variant(BASE, 'barged', 'a barged agent (its own status, working)', { given: BARGING, when: { caller: 'target' } }),
  ],
};

/** The successful event poll: the oldest queued event. */
export const getAgentEventSuccess: SuccessRow = {
  id: 'ok',
  title: 'the agent reads its next event',
  provenance: documented('EN/cec_07_1274', 'With an event it returns at once.'),
  witnesses: [variant(BASE, 'queued-event', "the first of the sign-in's events is waiting", {})],
};

/** Decides an agentstatus call. Pure. */
export function decideAgentStatus(world: WorldView, call: SelfCall, profile: Profile): Decision<AgentStatusResult | Record<string, never>> {
  const context = callerContext(profile, world, { agentid: call.agentid }, call.auth, call.fault);
  const failing = firstApplying(selfCallRules, context);
  if (failing) return reject('agentStatus', failing, context);
  const session = world.agent(okId(context, 'agentid')!)!.session!;
  return accepted('agentStatus', { result: { agentState: session.status, isWorking: isInCall(session) } });
}

/** Decides whether an event poll is accepted. Pure; the gateway then takes an event from the queue or waits. */
export function decideEventPoll(world: WorldView, call: SelfCall, profile: Profile): Decision {
  const context = callerContext(profile, world, { agentid: call.agentid }, call.auth, call.fault);
  const failing = firstApplying(selfCallRules, context);
  if (failing) return reject('getAgentEvent', failing, context);
  return accepted('getAgentEvent', { result: {} });
}
