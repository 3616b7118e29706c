/**
 * The cancel decision (`DELETE qualitycontrol/{agentid}/{workNo}`): the inspector ends its insert on the target.
 *
 * Precedence: path IDs → inspector signed in and Guid (100-006) → self-target (000-005) → inspection right and
 * VDN (900-002) → a barge of this inspector on this target exists → injected CTI fault.
 * On success the inspector is idle again and receives AgentOther_PhoneRelease (unless always off-hook) and
 * AgentState_Ready; the target receives AgentOther_BeQcStop. Both sessions are then as before the barge.
 */
import { sessionWith } from './agent.ts';
import { releasedInspector } from './barge-teardown.ts';
import { BARGING, callerRules, ctiFaultRule, IDLE, okId, pathIdRules, targetContext, type TargetContext } from './common-rules.ts';
import { accepted, type AuthCheck, type Decision, type Delivery, type SessionChange, type WorldView } from './decision.ts';
import { gatewayEvents } from './events.ts';
import type { Profile } from './profiles.ts';
import { documented, inferred } from './provenance.ts';
import { qcPermissionRules } from './qc-permission-rules.ts';
import { firstApplying, reject, type Rule } from './rules.ts';
import type { Retcode } from './retcodes.ts';
import { stamper } from './stamp.ts';
import { variant, type BaseCall, type SuccessRow } from './witness.ts';

/** One cancel call as the gateway receives it. */
export interface CancelInsertCall {
  readonly agentid: string;
  readonly workNo: string;
  readonly auth: AuthCheck;
  readonly fault?: Retcode;
}

export type CancelInsertContext = TargetContext;

/** The plain cancel: the inspector ends its barge into the target. */
const BASE: BaseCall = { given: BARGING, when: { caller: 'inspector', workNo: { party: 'target' } } };

/** The cancel rules in precedence order. */
export const cancelInsertRules: readonly Rule<CancelInsertContext>[] = [
  ...pathIdRules<CancelInsertContext>(['agentid', 'workNo'], BASE),
  ...callerRules<CancelInsertContext>('the inspector', BASE),
  ...qcPermissionRules<CancelInsertContext>(
    BASE,
    // Only an inspector can have made the barge a cancel ends; no page says that cancel checks the right itself.
    inferred(
      'only an agent with the inspection right can start the barge a cancel ends ("An agent who has the inspection permission can barge into an agent who has signed in."); no document says whether cancel checks the right before it looks for the barge',
      'EN/cec_07_2401',
    ),
  ),
  {
    id: 'noBargeToCancel',
    title: 'this inspector has no insert on this target',
    provenance: documented('EN/cec_07_0444', 'Switch, intercept and cancel require that a listen/insert/whisper is already in progress'),
    answer: { setting: 'cancelWithoutBarge' },
    applies: (c) => c.caller!.session!.barging !== okId(c, 'workNo'),
    witnesses: [
      variant(BASE, 'no-barge', 'no one is barged into the target', { given: { signedIn: { inspector: IDLE, target: IDLE } } }),
      variant(BASE, 'barge-on-another-agent', 'the inspector is barged into another agent', {
        given: { signedIn: { inspector: IDLE, target: IDLE, nonInspector: IDLE }, barges: [{ inspector: 'inspector', target: 'nonInspector' }] },
      }),
      variant(BASE, 'another-inspectors-barge', 'a second inspector is barged into the target', {
        given: { signedIn: { inspector: IDLE, otherInspector: IDLE, target: IDLE }, barges: [{ inspector: 'otherInspector', target: 'target' }] },
      }),
      variant(BASE, 'unconfigured-target', 'the target is an ID without an account', { given: { signedIn: { inspector: IDLE } }, when: { workNo: { party: 'unconfigured' } } }),
    ],
  },
  ctiFaultRule<CancelInsertContext>(BASE, { cancelInsert: ['900-001', '900-003'] }),
];

/** The successful cancel, as the last row of the table. */
export const cancelInsertSuccess: SuccessRow = {
  id: 'ok',
  title: 'the inspector ends its barge',
  provenance: documented('ZH/cec_07_2404', 'events AgentOther_PhoneRelease, AgentState_Ready, AgentOther_BeQcStop'),
  witnesses: [
    variant(BASE, 'barged-target', 'the inspector cancels its barge into the target', {}),
    variant(BASE, 'always-off-hook', 'the inspector signed in always off-hook: no phone is released', {
      given: { signedIn: { inspector: { status: 4, alwaysOffHook: true }, target: IDLE }, barges: [{ inspector: 'inspector', target: 'target' }] },
    }),
    variant(BASE, 'media-type-query', "with aPortal's ?mediaType=1: ignored", { when: { query: { mediaType: '1' } } }),
  ],
};

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
  let changes: SessionChange[] = [released];
  let deliveries: Delivery[] = phoneRelease ? [phoneRelease, ready] : [ready];
  if (target) {
    const beQcStop: Delivery = { to: targetId!, event: gatewayEvents.beQcStop(stamp(targetId!), inspectorId) };
    changes = [released, { agent: targetId!, session: sessionWith(target, { bargedBy: null }) }];
    deliveries = phoneRelease ? [phoneRelease, ready, beQcStop] : [ready, beQcStop];
  }
  return accepted('cancelInsert', { changes, deliveries, result: {} });
}
