/**
 * Setting the agent idle (`POST onlineagent/{agentid}/sayfree`) or busy (`.../saybusy?reason=&prolong=`).
 *
 * Both are refused while the agent talks or barges (100-009). saybusy accepts reason 0 or 200–250 and prolong
 * true/false (000-002 otherwise). Events: AgentState_Ready, or AgentState_SetNotReady_Success with the reason.
 */
import { GatewayStatus, isInCall, sessionWith } from './agent.ts';
import { callerContext, callerRules, ctiFaultRule, IDLE, inCallWitnesses, okId, pathIdRules, type CallerContext } from './common-rules.ts';
import { accepted, type AuthCheck, type Decision, type WorldView } from './decision.ts';
import { gatewayEvents } from './events.ts';
import type { Profile } from './profiles.ts';
import { documented, inferred } from './provenance.ts';
import { firstApplying, reject, type Rule } from './rules.ts';
import type { Retcode } from './retcodes.ts';
import { stamper } from './stamp.ts';
import { variant, type BaseCall, type SuccessRow } from './witness.ts';

/** One sayfree or saybusy call. Query parameters arrive raw (undefined when absent). */
export interface StateChangeCall {
  readonly agentid: string;
  readonly auth: AuthCheck;
  readonly to: 'idle' | 'busy';
  readonly reason?: string | undefined;
  readonly prolong?: string | undefined;
  readonly fault?: Retcode;
}

export interface StateChangeContext extends CallerContext {
  readonly to: 'idle' | 'busy';
  readonly reason: number | null;
  readonly prolongValid: boolean;
}

/** Parses saybusy's `reason`: absent or empty → 0; otherwise an integer 0 or 200–250, else null (invalid). */
export function parseBusyReason(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return 0;
  if (!/^[0-9]{1,3}$/.test(raw)) return null;
  const n = Number(raw);
  return n === 0 || (n >= 200 && n <= 250) ? n : null;
}

/** The plain call: an idle agent sets itself idle or busy. */
const BASE: BaseCall = { given: { signedIn: { inspector: IDLE } }, when: { caller: 'inspector' } };

/** The sayfree/saybusy rules in precedence order. */
export const stateChangeRules: readonly Rule<StateChangeContext>[] = [
  ...pathIdRules<StateChangeContext>(['agentid'], BASE),
  ...callerRules<StateChangeContext>('the agent', BASE),
  {
    id: 'badReason',
    title: 'the busy reason is not 0 or 200–250',
    provenance: documented('EN/cec_07_1211', 'Empty or 0 means no busy reason code; the value is an integer ranging from 200 to 250.'),
    answer: { retcode: '000-002' },
    applies: (c) => c.to === 'busy' && c.reason === null,
    witnesses: [
      variant(BASE, 'reason-199', 'reason is 199, just below 200', { when: { query: { reason: '199' } } }),
      variant(BASE, 'reason-251', 'reason is 251, just above 250', { when: { query: { reason: '251' } } }),
      variant(BASE, 'reason-letters', 'reason is "abc"', { when: { query: { reason: 'abc' } } }),
    ],
  },
  {
    id: 'badProlong',
    title: 'prolong is not true or false',
    provenance: documented('EN/cec_07_1211', 'whether to reset the busy reason when the agent is busy; true or false, default false.'),
    answer: { retcode: '000-002' },
    applies: (c) => c.to === 'busy' && !c.prolongValid,
    witnesses: [variant(BASE, 'prolong-maybe', 'prolong is "maybe"', { when: { query: { prolong: 'maybe' } } })],
  },
  {
    id: 'inCall',
    title: 'the agent is talking or barging',
    provenance: inferred('100-009 "setting the agent state failed" is listed for saybusy; an agent in a conversation cannot change its state', 'EN/cec_07_1211'),
    answer: { setting: 'stateChangeInCall' },
    applies: (c) => isInCall(c.caller!.session!),
    witnesses: inCallWitnesses(BASE),
  },
  ctiFaultRule<StateChangeContext>(BASE, { sayFree: ['100-007'], sayBusy: ['100-007'] }),
];

/** The successful sayfree, as the last row of its table. */
export const sayFreeSuccess: SuccessRow = {
  id: 'ok',
  title: 'the agent is idle',
  provenance: documented('EN/cec_07_1210', 'POST /onlineagent/{agentid}/sayfree'),
  witnesses: [
    variant(BASE, 'from-busy', 'a busy agent (status 3) says free', { given: { signedIn: { inspector: { status: 3 } } } }),
    variant(BASE, 'from-wrap-up', 'an agent in wrap-up (status 5) says free', { given: { signedIn: { inspector: { status: 5 } } } }),
    variant(BASE, 'from-idle', 'an idle agent says free again', {}),
  ],
};

/** The successful saybusy, as the last row of its table. */
export const sayBusySuccess: SuccessRow = {
  id: 'ok',
  title: 'the agent is busy',
  provenance: documented('EN/cec_07_1211', 'Triggered event: AgentState_SetNotReady_Success.'),
  witnesses: [
    variant(BASE, 'no-reason', 'an idle agent says busy with no reason', {}),
    variant(BASE, 'reason-200', 'reason 200, the lowest', { when: { query: { reason: '200' } } }),
    variant(BASE, 'reason-250', 'reason 250, the highest', { when: { query: { reason: '250' } } }),
    variant(BASE, 'prolong', 'a busy agent says busy again with reason 201 and prolong true', { given: { signedIn: { inspector: { status: 3 } } }, when: { query: { reason: '201', prolong: 'true' } } }),
  ],
};

/** Decides one sayfree or saybusy. Pure. */
export function decideStateChange(world: WorldView, call: StateChangeCall, profile: Profile, now: number): Decision {
  const base = callerContext(profile, world, { agentid: call.agentid }, call.auth, call.fault);
  const context: StateChangeContext = {
    profile,
    fault: base.fault,
    ids: base.ids,
    caller: base.caller,
    auth: base.auth,
    to: call.to,
    reason: parseBusyReason(call.reason),
    prolongValid: call.prolong === undefined || call.prolong === 'true' || call.prolong === 'false',
  };
  const operationId = call.to === 'idle' ? 'sayFree' : 'sayBusy';
  const failing = firstApplying(stateChangeRules, context);
  if (failing) return reject(operationId, failing, context);
  const agentId = okId(context, 'agentid')!;
  const session = context.caller!.session!;
  const stamp = stamper(now, profile);
  const event = call.to === 'idle' ? gatewayEvents.ready(stamp(agentId)) : gatewayEvents.setNotReady(stamp(agentId), context.reason!);
  const status = call.to === 'idle' ? GatewayStatus.Idle : GatewayStatus.Busy;
  return accepted(operationId, { changes: [{ agent: agentId, session: sessionWith(session, { status }) }], deliveries: [{ to: agentId, event }], result: {} });
}
