/**
 * Properties over successful barges (a signed-in idle inspector with its own Guid, on a signed-in, unbarged agent
 * of its VDN, no CTI fault): each sets the barge up in `src/domain`'s world and in the abstract model, and holds
 * what the domain decides to what the model expects.
 */
import * as fc from 'fast-check';
import { newSession } from '../../src/domain/agent.ts';
import { decideAddInsert } from '../../src/domain/add-insert.ts';
import type { Decision, Delivery } from '../../src/domain/decision.ts';
import type { InMemoryWorld } from '../../src/domain/in-memory-world.ts';
import { validateAgentEvent } from '../../src/generated/validators.js';
import { idleSessionArb, sessionFactsArb } from '../arbitraries/agent-state.ts';
import { OK_FORM } from '../arbitraries/qc-scenario.ts';
import type { AbstractGateway } from '../model/abstract-model.ts';
import { answersOfProfile } from '../model/documented-rules.ts';
import { modelOfScenario } from '../model/scenario-model.ts';
import { propertyTest } from '../testing/property-test.ts';
import { qcCaseArb, type QcCase } from './qc-case.ts';
import { NOW, qcWorld, type DomainQcCall } from './qc-world.ts';

/** Cases in which addinsert must succeed; the target is an agent, or an inspector while QC on inspectors is on. */
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

/** What one recipient got: event types in order, and the events. */
export function deliveriesTo(deliveries: readonly Delivery[], agentId: string): { types: string[]; events: Delivery['event'][] } {
  const events = deliveries.filter((d) => d.to === agentId).map((d) => d.event);
  return { types: events.map((e) => e.eventType), events };
}

/**
 * Checks every delivered event: it passes the contract's AgentEvent schema, names its recipient in `workNo`, and
 * carries `eventGenTime` exactly when the profile says events do.
 * @throws Error naming the event and what is wrong
 */
export function checkEnvelopes(deliveries: readonly Delivery[], withGenTime: boolean): void {
  for (const d of deliveries) {
    if (!validateAgentEvent(d.event)) throw new Error(`event ${JSON.stringify(d.event)} for ${d.to} breaks the AgentEvent schema: ${JSON.stringify(validateAgentEvent.errors)}`);
    if (d.event.workNo !== d.to) throw new Error(`event ${d.event.eventType} for ${d.to} names workNo ${JSON.stringify(d.event.workNo)}`);
    const has = 'eventGenTime' in d.event;
    if (has !== withGenTime) throw new Error(`event ${d.event.eventType} ${has ? 'carries' : 'lacks'} eventGenTime although the profile says events ${withGenTime ? 'carry' : 'do not carry'} it`);
  }
}

/** Checks a BeQcStart/BeQcStop event: an insert (qcType 9) by `inspector` (its ID as a number). */
export function checkQcEvent(event: Delivery['event'] | undefined, eventType: string, inspector: string): void {
  if (event?.eventType !== eventType) throw new Error(`expected ${eventType}, got ${event?.eventType ?? 'no event'}`);
  const content = event.content as { qcType?: unknown; qcAgentId?: unknown } | null;
  if (content?.qcType !== 9 || content.qcAgentId !== Number(inspector)) {
    throw new Error(`${eventType} carries ${JSON.stringify(content)}; expected { qcType: 9 (insert), qcAgentId: ${Number(inspector)} (the inspector) }`);
  }
}

/** A successful barge's case, set up (not yet made) in the domain's world and in the model. */
export interface Barge {
  readonly c: QcCase;
  readonly world: InMemoryWorld;
  readonly call: DomainQcCall;
  readonly callerId: string;
  readonly targetId: string;
  readonly model: AbstractGateway;
  /** Signs `id` in idle in the world and in the model. */
  readonly signInIdle: (id: string) => void;
  /** Makes the barge in the world and in the model; throws unless the domain answers 0. */
  readonly barge: () => Decision;
  /** Checks `d`'s events against the model's queues (the model has made the same call), then empties the queues. */
  readonly expectEventsAsModel: (d: Decision) => void;
}

function bargeOf(c: QcCase): Barge {
  const { world, call, callerId, targetId } = qcWorld(c.scenario, c.roles, c.vdns);
  const { model } = modelOfScenario(c.scenario, { answers: answersOfProfile(c.profile), qcOnInspectors: c.profile.qcOnInspectors }, c.roles);
  const signInIdle = (id: string) => {
    world.setSession(id, newSession({ status: 4, alwaysOffHook: false, loginTime: NOW }));
    model.sessions.set(id, { status: 4, alwaysOffHook: false, barging: null, bargedBy: null, events: [] });
  };
  const barge = () => {
    const d = decideAddInsert(world, call, c.profile, NOW);
    if (d.retcode !== '0') throw new Error(`the barge answered ${d.retcode} (rule ${d.rule}), expected 0`);
    world.apply(d);
    model.addInsert(callerId, targetId, 'own').commit();
    return d;
  };
  const expectEventsAsModel = (d: Decision) => {
    checkDeliveriesAsModel(d.deliveries, model);
    checkEnvelopes(d.deliveries, c.profile.eventGenTime);
    for (const session of model.sessions.values()) session.events.length = 0;
  };
  return { c, world, call, callerId, targetId, model, signInIdle, barge, expectEventsAsModel };
}

/** Declares a property (1,000 runs by default) over successful barges, with `extra` values drawn beside each. */
export function bargeProperty<T = undefined>(id: string, title: string, check: (b: Barge, extra: T) => void, extra: fc.Arbitrary<T> = fc.constant(undefined as T)): void {
  propertyTest({ id, title, defaultRuns: 1000, property: fc.property(successfulBargeArb(), extra, (c, x) => check(bargeOf(c), x)) });
}

/**
 * Checks that every agent got exactly the events the model queued for it, in order (the model's queues hold only
 * this call's events), QC events with qcType 9 and the inspector.
 * @throws Error naming the agent, what it got and what the model expected
 */
function checkDeliveriesAsModel(deliveries: readonly Delivery[], model: AbstractGateway): void {
  for (const d of deliveries) if (!model.sessions.has(d.to)) throw new Error(`agent ${d.to}, whom the model holds signed out, got ${d.event.eventType}`);
  for (const [id, session] of model.sessions) {
    const got = deliveriesTo(deliveries, id);
    const expected = session.events.map((e) => e.type);
    if (JSON.stringify(got.types) !== JSON.stringify(expected)) throw new Error(`agent ${id} got ${JSON.stringify(got.types)}, expected ${JSON.stringify(expected)}`);
    session.events.forEach((e, i) => {
      if (e.qcAgentId !== undefined) checkQcEvent(got.events[i], e.type, e.qcAgentId);
    });
  }
}
