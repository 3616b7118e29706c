/**
 * Situations in which a barge must succeed (a signed-in idle inspector with its own Guid, on a signed-in, unbarged
 * agent of its VDN, no CTI fault), and checks of the events a decision delivers.
 *
 * @example
 * ```ts
 * fc.property(successfulBargeArb(), (c) => { const { world, call } = qcWorld(c.scenario, c.roles, c.vdns); ... });
 * ```
 */
import * as fc from 'fast-check';
import type { Delivery } from '../../src/domain/decision.ts';
import { validateAgentEvent } from '../../src/generated/validators.js';
import { idleSessionArb, sessionFactsArb } from '../arbitraries/agent-state.ts';
import { OK_FORM } from '../arbitraries/qc-scenario.ts';
import { qcCaseArb, type QcCase } from './qc-case.ts';

/**
 * Cases in which addinsert must succeed; the target is an agent, or an inspector while QC on inspectors is on.
 * @example
 * ```ts
 * fc.assert(fc.property(successfulBargeArb(), (c) => decideAddInsert(...qcCall(c)).retcode === '0'));
 * ```
 */
export function successfulBargeArb(): fc.Arbitrary<QcCase> {
  const pins = {
    agentidForm: OK_FORM,
    workNoForm: OK_FORM,
    callerKind: fc.constant('inspector' as const),
    caller: idleSessionArb(),
    callerBarging: fc.constant('nothing' as const),
    guid: fc.constant('own' as const),
    target: sessionFactsArb(),
    targetBargedBy: fc.constant('nobody' as const),
    fault: fc.constant(null),
  };
  return fc.oneof(
    { weight: 3, arbitrary: qcCaseArb({ ...pins, targetKind: fc.constant('agent' as const) }) },
    { weight: 1, arbitrary: qcCaseArb({ ...pins, targetKind: fc.constant('inspector' as const) }, { qcOnInspectors: fc.constant(true) }) },
  );
}

/**
 * What one recipient got: event types in order, and the events.
 * @example
 * ```ts
 * deliveriesTo(decision.deliveries, '30101').types; // ['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook']
 * ```
 */
export function deliveriesTo(deliveries: readonly Delivery[], agentId: string): { types: string[]; events: Delivery['event'][] } {
  const events = deliveries.filter((d) => d.to === agentId).map((d) => d.event);
  return { types: events.map((e) => e.eventType), events };
}

/**
 * Checks every delivered event: it passes the contract's AgentEvent schema, names its recipient in `workNo`, and
 * carries `eventGenTime` exactly when the profile says events do.
 * @throws Error naming the event and what is wrong
 * @example
 * ```ts
 * checkEnvelopes(decision.deliveries, profile.eventGenTime); // throws on an event outside the contract
 * ```
 */
export function checkEnvelopes(deliveries: readonly Delivery[], withGenTime: boolean): void {
  for (const d of deliveries) {
    if (!validateAgentEvent(d.event)) throw new Error(`event ${JSON.stringify(d.event)} for ${d.to} breaks the AgentEvent schema: ${JSON.stringify(validateAgentEvent.errors)}`);
    if (d.event.workNo !== d.to) throw new Error(`event ${d.event.eventType} for ${d.to} names workNo ${JSON.stringify(d.event.workNo)}`);
    const has = 'eventGenTime' in d.event;
    if (has !== withGenTime) throw new Error(`event ${d.event.eventType} ${has ? 'carries' : 'lacks'} eventGenTime although the profile says events ${withGenTime ? 'carry' : 'do not carry'} it`);
  }
}

/**
 * Checks a BeQcStart/BeQcStop event: an insert (qcType 9) by `inspector` (its ID as a number).
 * @example
 * ```ts
 * checkQcEvent(targetEvents[0], 'AgentOther_BeQcStart', '30101');
 * ```
 */
export function checkQcEvent(event: Delivery['event'] | undefined, eventType: string, inspector: string): void {
  if (event?.eventType !== eventType) throw new Error(`expected ${eventType}, got ${event?.eventType ?? 'no event'}`);
  const content = event.content as { qcType?: unknown; qcAgentId?: unknown } | null;
  if (content?.qcType !== 9 || content.qcAgentId !== Number(inspector)) {
    throw new Error(`${eventType} carries ${JSON.stringify(content)}; expected { qcType: 9 (insert), qcAgentId: ${Number(inspector)} (the inspector) }`);
  }
}
