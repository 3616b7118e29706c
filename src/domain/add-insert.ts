/**
 * The addinsert decision: an inspector barges into a signed-in agent of the same VDN.
 *
 * Precedence (first applying rule answers; see `addInsertRules`):
 * IDs against the path pattern → IDs against the range → inspector signed in (100-006) → Guid (100-006) →
 * self-target (000-005) → inspection right (900-002) → same VDN (900-002) → inspector-as-target (900-002) →
 * inspector idle (900-005) → target signed in → target not already barged → injected CTI fault (900-001/900-003).
 *
 * On success the inspector goes from idle to talking (7) and is barging the target; the inspector receives
 * AgentState_Busy and, unless always off-hook, AgentOther_PhoneAlerting then AgentOther_PhoneOffhook; the target
 * receives AgentOther_BeQcStart (qcType 9, qcAgentId = inspector) and keeps its own status.
 */
import { GatewayStatus, isIdle, sessionWith } from './agent.ts';
import { callerRules, ctiFaultRule, IDLE, okId, pathIdRules, targetContext, type TargetContext } from './common-rules.ts';
import { accepted, type AuthCheck, type Decision, type Delivery, type SessionChange, type WorldView } from './decision.ts';
import { gatewayEvents } from './events.ts';
import type { Profile } from './profiles.ts';
import { documented, inferred } from './provenance.ts';
import { qcPermissionRules } from './qc-permission-rules.ts';
import { firstApplying, reject, type Rule } from './rules.ts';
import type { Retcode } from './retcodes.ts';
import { stamper } from './stamp.ts';
import { variant, type BaseCall, type SuccessRow } from './witness.ts';

/** One addinsert call as the gateway receives it. */
export interface AddInsertCall {
  /** The inspector, raw from the path. */
  readonly agentid: string;
  /** The target, raw from the path. */
  readonly workNo: string;
  readonly auth: AuthCheck;
  /** A CTI fault injected for this call (900-001 or 900-003), applied after the state checks. */
  readonly fault?: Retcode;
}

/** The context the addinsert rules read. */
export type AddInsertContext = TargetContext;

/** The plain addinsert: an idle inspector barges into a signed-in agent of its VDN. */
const BASE: BaseCall = { given: { signedIn: { inspector: IDLE, target: IDLE } }, when: { caller: 'inspector', workNo: { party: 'target' } } };

/** The addinsert rules in precedence order. */
export const addInsertRules: readonly Rule<AddInsertContext>[] = [
  ...pathIdRules<AddInsertContext>(['agentid', 'workNo'], BASE),
  ...callerRules<AddInsertContext>('the inspector', BASE, { rotation: true }),
  ...qcPermissionRules<AddInsertContext>(
    BASE,
    documented('EN/cec_07_2401', 'An agent who has the inspection permission can barge into an agent who has signed in.'),
  ),
  {
    id: 'targetIsInspector',
    title: 'the target is an inspector and QC on inspectors is off',
    provenance: documented('EN/cec_07_0433', 'Inspecting an agent who is himself an inspector works only if the CTI setting "Support QC on QC Inspectors" is Yes'),
    answer: { setting: 'targetIsInspector' },
    applies: (c) => c.target?.account.inspector === true && !c.profile.qcOnInspectors,
    witnesses: [variant(BASE, 'idle-inspector-target', 'the target is an idle inspector of the same VDN', { given: { signedIn: { inspector: IDLE, otherInspector: IDLE } }, when: { workNo: { party: 'otherInspector' } } })],
  },
  {
    id: 'inspectorNotIdle',
    title: 'the inspector is not idle',
    provenance: documented('EN/cec_07_2401', 'The inspector is in idle state.'),
    answer: { setting: 'inspectorNotIdle' },
    applies: (c) => !isIdle(c.caller!.session!),
    witnesses: [
      variant(BASE, 'busy', 'the inspector is busy (status 3)', { given: { signedIn: { inspector: { status: 3 }, target: IDLE } } }),
      variant(BASE, 'wrap-up', 'the inspector is in wrap-up (status 5)', { given: { signedIn: { inspector: { status: 5 }, target: IDLE } } }),
      variant(BASE, 'barging', 'the inspector is already barged into another agent', {
        given: { signedIn: { inspector: IDLE, target: IDLE, nonInspector: IDLE }, barges: [{ inspector: 'inspector', target: 'nonInspector' }] },
      }),
    ],
  },
  {
    id: 'targetNotSignedIn',
    title: 'the target is not signed in',
    provenance: documented('EN/cec_07_2401', 'An agent who has the inspection permission can barge into an agent who has signed in.'),
    answer: { setting: 'targetNotSignedIn' },
    applies: (c) => c.target?.session == null,
    witnesses: [
      variant(BASE, 'signed-out-target', 'the target is a signed-out agent of the same VDN', { given: { signedIn: { inspector: IDLE } } }),
      variant(BASE, 'unconfigured-target', 'the target is an ID without an account', { given: { signedIn: { inspector: IDLE } }, when: { workNo: { party: 'unconfigured' } } }),
    ],
  },
  {
    id: 'targetAlreadyBarged',
    title: 'another inspector is already barged into the target',
    provenance: inferred('no document allows two inspectors in one agent; the harness keeps at most one'),
    answer: { setting: 'targetAlreadyBarged' },
    applies: (c) => c.target!.session!.bargedBy !== null,
    detail: (c) => `inspector ${c.target?.session?.bargedBy} is already barged into agent ${c.target?.account.id}`,
    witnesses: [
      variant(BASE, 'barged-by-another', 'a second inspector is already barged into the target', {
        given: { signedIn: { inspector: IDLE, otherInspector: IDLE, target: IDLE }, barges: [{ inspector: 'otherInspector', target: 'target' }] },
      }),
    ],
  },
  ctiFaultRule<AddInsertContext>(BASE, { addInsert: ['900-001', '900-003'] }),
];

/** The successful barge, as the last row of the table. */
export const addInsertSuccess: SuccessRow = {
  id: 'ok',
  title: 'the inspector barges into the target',
  provenance: documented('EN/cec_07_2401', 'After barging into an agent, the inspector enters the barge state, and the agent and inspector enter the two-party conversation mode.'),
  witnesses: [
    variant(BASE, 'idle-target', 'an idle inspector barges into an idle agent', {}),
    variant(BASE, 'busy-target', 'the target is busy (status 3): a busy agent can still be barged into', { given: { signedIn: { inspector: IDLE, target: { status: 3 } } } }),
    variant(BASE, 'wrap-up-target', 'the target is in wrap-up (status 5)', { given: { signedIn: { inspector: IDLE, target: { status: 5 } } } }),
    variant(BASE, 'always-off-hook', 'the inspector signed in always off-hook: no phone rings', { given: { signedIn: { inspector: { status: 4, alwaysOffHook: true }, target: IDLE } } }),
    variant(BASE, 'media-type-query', "with aPortal's ?mediaType=1 (text-chat QC): a query parameter the voice documents do not list is ignored", { when: { query: { mediaType: '1' } } }),
  ],
};

/** Decides one addinsert call. Pure: reads `world`, returns the decision. */
export function decideAddInsert(world: WorldView, call: AddInsertCall, profile: Profile, now: number): Decision {
  const context: AddInsertContext = targetContext(profile, world, call);
  const targetId = okId(context, 'workNo');
  const failing = firstApplying(addInsertRules, context);
  if (failing) return reject('addInsert', failing, context);

  const inspectorId = okId(context, 'agentid')!;
  const inspector = context.caller!.session!;
  const target = context.target!.session!;
  const stamp = stamper(now, profile);
  const toInspector = stamp(inspectorId);
  const busy: Delivery = { to: inspectorId, event: gatewayEvents.busy(toInspector) };
  const beQcStart: Delivery = { to: targetId!, event: gatewayEvents.beQcStart(stamp(targetId!), inspectorId) };
  const deliveries: Delivery[] = inspector.alwaysOffHook
    ? [busy, beQcStart]
    : [busy, { to: inspectorId, event: gatewayEvents.phoneAlerting(toInspector) }, { to: inspectorId, event: gatewayEvents.phoneOffhook(toInspector) }, beQcStart];
  const changes: SessionChange[] = [
    { agent: inspectorId, session: sessionWith(inspector, { status: GatewayStatus.Talking, barging: targetId! }) },
    { agent: targetId!, session: sessionWith(target, { bargedBy: inspectorId }) },
  ];
  return accepted('addInsert', { changes, deliveries, result: {} });
}
