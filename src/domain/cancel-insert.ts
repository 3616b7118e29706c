/**
 * The cancel decision (`DELETE qualitycontrol/{agentid}/{workNo}`): the inspector ends its insert on the target.
 *
 * Precedence: path IDs → inspector signed in and Guid (100-006) → self-target (000-005) → inspection right and
 * VDN (900-002) → a barge of this inspector on this target exists → injected CTI fault.
 * On success the inspector is idle again and receives AgentOther_PhoneRelease (unless always off-hook) and
 * AgentState_Ready; the target receives AgentOther_BeQcStop. Both sessions are then as before the barge.
 *
 * @example
 * ```ts
 * const d = decideCancelInsert(world, { agentid: '30169', workNo: '30170', auth: 'valid' }, DEFAULT_PROFILE, Date.now());
 * ```
 */
import { sessionWith } from './agent.ts';
import { releasedInspector } from './barge-teardown.ts';
import { callerRules, ctiFaultRule, okId, pathIdRules, targetContext, type TargetContext } from './common-rules.ts';
import type { AuthCheck, Decision, Delivery, SessionChange, WorldView } from './decision.ts';
import { gatewayEvents } from './events.ts';
import type { Profile } from './profiles.ts';
import { documented } from './provenance.ts';
import { firstApplying, reject, type Rule } from './rules.ts';
import type { Retcode } from './retcodes.ts';
import { stamper } from './stamp.ts';

/** One cancel call as the gateway receives it. */
export interface CancelInsertCall {
  readonly agentid: string;
  readonly workNo: string;
  readonly auth: AuthCheck;
  readonly fault?: Retcode;
}

export type CancelInsertContext = TargetContext;

/** The cancel rules in precedence order. */
export const cancelInsertRules: readonly Rule<CancelInsertContext>[] = [
  ...pathIdRules<CancelInsertContext>(['agentid', 'workNo']),
  ...callerRules<CancelInsertContext>('the inspector'),
  {
    id: 'selfTarget',
    title: 'the target is the inspector himself',
    provenance: documented('EN/cec_07_0580', 'The agent to be inspected is the inspector himself'),
    answer: { setting: 'selfTarget' },
    applies: (c) => okId(c, 'agentid') === okId(c, 'workNo'),
  },
  {
    id: 'noInspectionRight',
    title: 'the inspector lacks the inspection right',
    provenance: documented('ZH/cec_07_2404', 'cancel listen/insert (DELETE qualitycontrol/{agentid}/{workNo}): 100-006, 900-001, 900-002, 900-003'),
    answer: { setting: 'noInspectionRight' },
    applies: (c) => c.caller?.account.inspector !== true,
  },
  {
    id: 'otherVdn',
    title: 'the target belongs to another VDN',
    provenance: documented('EN/cec_07_2401', 'The agent ID must belong to the same VDN as the value of agentid.'),
    answer: { setting: 'otherVdn' },
    applies: (c) => c.target !== undefined && c.target.account.vdn !== c.caller?.account.vdn,
  },
  {
    id: 'noBargeToCancel',
    title: 'this inspector has no insert on this target',
    provenance: documented('EN/cec_07_0444', 'Switch, intercept and cancel require that a listen/insert/whisper is already in progress'),
    answer: { setting: 'cancelWithoutBarge' },
    applies: (c) => c.caller!.session!.barging !== okId(c, 'workNo'),
  },
  ctiFaultRule<CancelInsertContext>(),
];

/** Decides one cancel call. Pure. */
export function decideCancelInsert(world: WorldView, call: CancelInsertCall, profile: Profile, now: number): Decision {
  const context: CancelInsertContext = targetContext(profile, world, call);
  const targetId = okId(context, 'workNo');
  const failing = firstApplying(cancelInsertRules, context);
  if (failing) return reject('cancelInsert', failing, context);

  const inspectorId = okId(context, 'agentid')!;
  const inspector = context.caller!.session!;
  const stamp = stamper(now, profile);
  const toInspector = stamp(inspectorId);
  const released: SessionChange = { agent: inspectorId, session: releasedInspector(inspector) };
  const ready: Delivery = { to: inspectorId, event: gatewayEvents.ready(toInspector) };
  const phoneRelease: Delivery | undefined = inspector.alwaysOffHook ? undefined : { to: inspectorId, event: gatewayEvents.phoneRelease(toInspector, 3) };
  const target = context.target?.session;
  // Arrays of their final size (this runs on the mock's request path; a push would grow each to 17 slots).
  let changes: SessionChange[] = [released];
  let deliveries: Delivery[] = phoneRelease ? [phoneRelease, ready] : [ready];
  if (target) {
    const beQcStop: Delivery = { to: targetId!, event: gatewayEvents.beQcStop(stamp(targetId!), inspectorId) };
    changes = [released, { agent: targetId!, session: sessionWith(target, { bargedBy: null }) }];
    deliveries = phoneRelease ? [phoneRelease, ready, beQcStop] : [ready, beQcStop];
  }
  return {
    operationId: 'cancelInsert',
    retcode: '0',
    httpStatus: 200,
    rule: 'cancelInsert.ok',
    message: '',
    changes,
    deliveries,
    signedIn: null,
    signedOut: [],
    result: {},
  };
}
