/**
 * The views of a VDN (VCC) an inspector's screen polls: one agent (`GET agentgroup/{agentid}/agentbyworkno/{workNo}`,
 * EN/cec_07_0415), every agent (`GET agentgroup/{agentid}/allagentstatus`, which Huawei's C# demo and aPortal read)
 * and the signed-in ones (`GET agentgroup/{agentid}/onlineagentonvdn`, the Java demo's inspector list). The last two
 * have no Huawei page: their shape is the sample clients' (statuses as strings).
 *
 * Each agent shows its gateway status (EN/cec_07_0581; 2 when signed out) and its CTI state, mapped from the status as
 * the same page maps them. A barge shows on both parties (inferred, docs/sources/ccgw-facts.md §8d): the inspector is
 * talking (status 7), and the barged agent keeps its own status while its CTI state is talking (5).
 */
import { isInCall, type AgentSession, type AgentView } from './agent.ts';
import { BARGING, callerContext, callerRules, IDLE, pathIdRules, targetContext, type CallerContext, type TargetContext } from './common-rules.ts';
import { accepted, type AuthCheck, type Decision, type WorldView } from './decision.ts';
import type { Profile } from './profiles.ts';
import { documented, inferred } from './provenance.ts';
import { firstApplying, reject, type Rule } from './rules.ts';
import { variant, type BaseCall, type SuccessRow } from './witness.ts';

/** The VDN views. */
export type VdnViewOperation = 'agentByWorkNo' | 'allAgentStatus' | 'onlineAgentOnVdn';

/** One view call; `workNo` is the agent looked up (agentbyworkno only). */
export interface VdnViewCall {
  readonly agentid: string;
  readonly workNo?: string;
  readonly auth: AuthCheck;
}

/** agentbyworkno's `result` (EN/cec_07_0415). The harness models no agent groups or skill queues. */
export interface AgentInfo {
  readonly workno: string;
  readonly name: string;
  readonly status: number;
  readonly ctiStatus: number;
  readonly groupid: number;
  readonly groupname: string;
  readonly skilllist: readonly never[];
  readonly mediatype: string;
}

/** One agent of a VDN list, every field a string as the sample clients read them. */
export interface AgentStateEntry {
  readonly workno: string;
  readonly name: string;
  readonly status: string;
  readonly ctiStatus: string;
  /** allagentstatus only (the C# demo reads it); the harness models no agent groups. */
  readonly groupName?: string;
}

/** The gateway status → CTI state mapping of EN/cec_07_0581 (CTI 1 = gateway 4, 2–5 = 7, 6 = 5, 7 = 3, 0 = 2, 8 = 8). */
const CTI_OF_STATUS: Readonly<Record<number, number>> = { 2: 0, 3: 7, 4: 1, 5: 6, 7: 5, 8: 8 };

export const CTI_STATUS_PROVENANCE = documented(
  'EN/cec_07_0581',
  'The mapping to gateway values: CTI 1 = gateway 4, CTI 2–5 = 7, CTI 6 = 5, CTI 7 = 3, CTI 0 = 2, CTI 8 = 8, CTI 9 = 0.',
);

/** The gateway status an agent shows: its session's, or 2 (signed out). */
export function viewStatusOf(session: AgentSession | null): number {
  return session === null ? 2 : session.status;
}

/** The CTI state an agent shows: mapped from its status; talking (5) while in a conversation, a barge included. */
export function ctiStatusOf(session: AgentSession | null): number {
  if (session === null) return 0;
  if (isInCall(session)) return 5;
  return CTI_OF_STATUS[session.status] ?? 0;
}

/** Who looks at whom: an idle inspector at an idle agent of its VDN. */
const BY_WORKNO: BaseCall = { given: { signedIn: { inspector: IDLE, target: IDLE } }, when: { caller: 'inspector', workNo: { party: 'target' } } };
/** An idle inspector lists its VDN, one agent signed in besides. */
const LIST: BaseCall = { given: { signedIn: { inspector: IDLE, target: IDLE } }, when: { caller: 'inspector' } };

/** The agentbyworkno rules in precedence order. */
export const agentByWorkNoRules: readonly Rule<TargetContext>[] = [
  ...pathIdRules<TargetContext>(['agentid', 'workNo'], BY_WORKNO),
  ...callerRules<TargetContext>('the caller', BY_WORKNO),
  {
    id: 'outsideVdn',
    title: "the agent looked up is not in the caller's VDN",
    provenance: documented('EN/cec_07_0415', 'The first path segment is the caller; the second is the agent queried, which must be in the same VDN/VCC as the caller.'),
    answer: { setting: 'viewOutsideVdn' },
    applies: (c) => c.target === undefined || c.target.account.vdn !== c.caller!.account.vdn,
    witnesses: [
      variant(BY_WORKNO, 'other-vdn', 'the agent is a signed-in agent of another VDN', { given: { signedIn: { inspector: IDLE, otherVdnTarget: IDLE } }, when: { workNo: { party: 'otherVdnTarget' } } }),
      variant(BY_WORKNO, 'unconfigured', 'the ID has no account', { given: { signedIn: { inspector: IDLE } }, when: { workNo: { party: 'unconfigured' } } }),
    ],
  },
];

/** The successful agentbyworkno, in each state an agent can be put in through the gateway's calls. */
export const agentByWorkNoSuccess: SuccessRow = {
  id: 'ok',
  title: 'the caller reads the agent and its state',
  provenance: documented('EN/cec_07_0415', 'result is one object: workno (string), name, status (int, gateway table), ctiStatus (int, CTI table)'),
  witnesses: [
    variant(BY_WORKNO, 'idle-agent', 'an idle agent (4, CTI idle 1)', {}),
    variant(BY_WORKNO, 'busy-agent', 'a busy agent (3, CTI busy 7)', { given: { signedIn: { inspector: IDLE, target: { status: 3 } } } }),
    variant(BY_WORKNO, 'signed-out-agent', 'a signed-out agent of the VDN (2, CTI 0)', { given: { signedIn: { inspector: IDLE } } }),
    variant(BY_WORKNO, 'self', 'the caller looks itself up', { when: { workNo: { party: 'inspector' } } }),
    variant(BY_WORKNO, 'barged-agent', 'the agent it barged into: its own status, CTI talking (5)', { given: BARGING }),
    variant(BY_WORKNO, 'barging-inspector', 'the barged agent looks up the inspector: talking (7, CTI 5)', { given: BARGING, when: { caller: 'target', workNo: { party: 'inspector' } } }),
  ],
};

/** The rules of the two lists: a signed-in caller with its Guid. */
export const vdnListRules: readonly Rule<CallerContext>[] = [...pathIdRules<CallerContext>(['agentid'], LIST), ...callerRules<CallerContext>('the caller', LIST)];

const LIST_WITNESSES = [
  variant(LIST, 'idle', 'the inspector and an agent are idle', {}),
  variant(LIST, 'barge', 'the inspector is barged into the agent: both show it', { given: BARGING }),
  variant(LIST, 'agent-signed-out', 'only the inspector is signed in', { given: { signedIn: { inspector: IDLE } } }),
  variant(LIST, 'busy-caller', 'a busy agent lists its VDN', { given: { signedIn: { inspector: IDLE, target: { status: 3 } } }, when: { caller: 'target' } }),
];

/** The successful allagentstatus: every agent of the VDN, signed-out ones included. */
export const allAgentStatusSuccess: SuccessRow = {
  id: 'ok',
  title: "the caller reads every agent of its VDN and their states",
  provenance: inferred("no Huawei page documents allagentstatus; Huawei's C# QuickAgent demo reads result as a list of {workno, status, name, groupName, ctiStatus} strings (AgentStateInfo.cs), and the name says every agent"),
  witnesses: LIST_WITNESSES,
};

/** The successful onlineagentonvdn: the signed-in agents of the VDN. */
export const onlineAgentOnVdnSuccess: SuccessRow = {
  id: 'ok',
  title: 'the caller reads the signed-in agents of its VDN and their states',
  provenance: inferred("no Huawei page documents onlineagentonvdn; the inspector screen of Huawei's Java demo lists its result as {workno, name, status} and compares status with the strings \"0\"…\"8\" (qualitycontrol.js)"),
  witnesses: LIST_WITNESSES,
};

function entryOf(view: AgentView & { readonly id: string }): AgentStateEntry {
  return { workno: view.id, name: view.account.name ?? '', status: String(viewStatusOf(view.session)), ctiStatus: String(ctiStatusOf(view.session)) };
}

/** Decides one view call. Pure. */
export function decideVdnView(operationId: VdnViewOperation, world: WorldView, call: VdnViewCall, profile: Profile): Decision<object> {
  if (operationId === 'agentByWorkNo') {
    const context = targetContext(profile, world, { agentid: call.agentid, workNo: call.workNo ?? '', auth: call.auth });
    const failing = firstApplying(agentByWorkNoRules, context);
    if (failing) return reject(operationId, failing, context);
    const target = context.target!;
    const info: AgentInfo = {
      workno: target.account.id,
      name: target.account.name ?? '',
      status: viewStatusOf(target.session),
      ctiStatus: ctiStatusOf(target.session),
      groupid: 0,
      groupname: '',
      skilllist: [],
      mediatype: 'TTF',
    };
    return accepted<object>(operationId, { result: info });
  }
  const context = callerContext(profile, world, { agentid: call.agentid }, call.auth, undefined);
  const failing = firstApplying(vdnListRules, context);
  if (failing) return reject(operationId, failing, context);
  const entries: AgentStateEntry[] = [];
  for (const view of world.agentsInVdn(context.caller!.account.vdn)) {
    if (operationId === 'onlineAgentOnVdn' && view.session === null) continue;
    entries.push(operationId === 'allAgentStatus' ? { ...entryOf(view), groupName: '' } : entryOf(view));
  }
  return accepted<object>(operationId, { result: entries });
}
