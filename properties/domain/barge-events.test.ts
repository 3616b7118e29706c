import { describe } from 'vitest';
import { bargeProperty } from './barge-success.ts';
import { sessionsOf } from './qc-world.ts';

describe('a successful barge', () => {
  bargeProperty(
    'domain.addinsert.success-events',
    'a successful barge sends the inspector Busy then, unless always off-hook, PhoneAlerting and PhoneOffhook, and the target BeQcStart qcType 9',
    ({ barge, expectEventsAsModel }) => expectEventsAsModel(barge()),
  );

  bargeProperty(
    'domain.addinsert.success-state',
    'a successful barge makes the inspector talk and barge the target, marks the target barged, and touches nobody else',
    ({ world, callerId, targetId, barge }) => {
      const before = sessionsOf(world);
      barge();
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
    },
  );
});
