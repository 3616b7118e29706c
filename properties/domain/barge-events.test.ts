import * as fc from 'fast-check';
import { describe } from 'vitest';
import { decideAddInsert } from '../../src/domain/add-insert.ts';
import { bargeEventsForInspector } from '../model/documented-rules.ts';
import { propertyTest } from '../testing/property-test.ts';
import { checkEnvelopes, checkQcEvent, deliveriesTo, successfulBargeArb } from './barge-success.ts';
import { NOW, qcWorld, sessionsOf } from './qc-world.ts';

describe('a successful barge', () => {
  propertyTest({
    id: 'domain.addinsert.success-events',
    title: 'a successful barge sends the inspector Busy then, unless always off-hook, PhoneAlerting and PhoneOffhook, and the target BeQcStart qcType 9',
    defaultRuns: 1000,
    property: fc.property(successfulBargeArb(), (c) => {
      const { world, call, callerId, targetId } = qcWorld(c.scenario, c.roles, c.vdns);
      const d = decideAddInsert(world, call, c.profile, NOW);
      if (d.retcode !== '0') throw new Error(`the barge answered ${d.retcode} (rule ${d.rule}), expected 0`);
      const inspector = deliveriesTo(d.deliveries, callerId);
      const expected = bargeEventsForInspector(c.scenario.caller!.alwaysOffHook);
      if (JSON.stringify(inspector.types) !== JSON.stringify(expected)) throw new Error(`the inspector got ${JSON.stringify(inspector.types)}, expected ${JSON.stringify(expected)}`);
      const target = deliveriesTo(d.deliveries, targetId);
      if (target.events.length !== 1) throw new Error(`the target got ${JSON.stringify(target.types)}, expected exactly AgentOther_BeQcStart`);
      checkQcEvent(target.events[0], 'AgentOther_BeQcStart', callerId);
      const others = d.deliveries.filter((x) => x.to !== callerId && x.to !== targetId);
      if (others.length > 0) throw new Error(`agents outside the barge got events: ${others.map((x) => `${x.event.eventType} to ${x.to}`).join(', ')}`);
      checkEnvelopes(d.deliveries, c.profile.eventGenTime);
    }),
  });

  propertyTest({
    id: 'domain.addinsert.success-state',
    title: 'a successful barge makes the inspector talk and barge the target, marks the target barged, and touches nobody else',
    defaultRuns: 1000,
    property: fc.property(successfulBargeArb(), (c) => {
      const { world, call, callerId, targetId } = qcWorld(c.scenario, c.roles, c.vdns);
      const before = sessionsOf(world);
      world.apply(decideAddInsert(world, call, c.profile, NOW));
      const after = sessionsOf(world);
      const inspector = after[callerId];
      const target = after[targetId];
      if (inspector?.status !== 7 || inspector.barging !== targetId || inspector.bargedBy !== null) {
        throw new Error(`the inspector is ${JSON.stringify(inspector)}; expected talking (7), barging ${targetId}`);
      }
      const targetBefore = before[targetId]!;
      if (target?.bargedBy !== callerId || target.status !== targetBefore.status || target.barging !== null || target.alwaysOffHook !== targetBefore.alwaysOffHook) {
        throw new Error(`the target is ${JSON.stringify(target)}; expected its state before (${JSON.stringify(targetBefore)}) barged by ${callerId}`);
      }
      for (const id of Object.keys(before)) {
        if (id !== callerId && id !== targetId && JSON.stringify(after[id]) !== JSON.stringify(before[id])) throw new Error(`agent ${id} changed from ${JSON.stringify(before[id])} to ${JSON.stringify(after[id])}`);
      }
    }),
  });
});
