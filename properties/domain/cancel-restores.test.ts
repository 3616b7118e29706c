import * as fc from 'fast-check';
import { describe } from 'vitest';
import { decideAddInsert } from '../../src/domain/add-insert.ts';
import { decideCancelInsert } from '../../src/domain/cancel-insert.ts';
import type { Decision } from '../../src/domain/decision.ts';
import type { InMemoryWorld } from '../../src/domain/in-memory-world.ts';
import type { Profile } from '../../src/domain/profiles.ts';
import { decideSignOut } from '../../src/domain/sign-out.ts';
import { decideStateChange } from '../../src/domain/state-change.ts';
import type { QcRoles } from '../arbitraries/qc-scenario.ts';
import { bargeProperty } from './barge-success.ts';
import { outcomeOf } from './qc-case.ts';
import { NOW, sessionsOf } from './qc-world.ts';

/** Calls made while the barge lasts that the gateway must refuse without changing anything. */
const ATTEMPTS = ['another inspector barges the target', 'the inspector barges again', 'the target says free', 'the target says busy', 'the target signs out', 'the inspector signs out'] as const;
type Attempt = (typeof ATTEMPTS)[number];

function attempt(which: Attempt, world: InMemoryWorld, roles: QcRoles, inspector: string, target: string, profile: Profile): Decision {
  const valid = { auth: 'valid' as const };
  switch (which) {
    case 'another inspector barges the target':
      return decideAddInsert(world, { agentid: roles.otherInspector, workNo: target, ...valid }, profile, NOW);
    case 'the inspector barges again':
      return decideAddInsert(world, { agentid: inspector, workNo: target, ...valid }, profile, NOW);
    case 'the target says free':
      return decideStateChange(world, { agentid: target, to: 'idle', ...valid }, profile, NOW);
    case 'the target says busy':
      return decideStateChange(world, { agentid: target, to: 'busy', ...valid }, profile, NOW);
    case 'the target signs out':
      return decideSignOut(world, { agentid: target, force: false, ...valid }, profile, NOW);
    case 'the inspector signs out':
      return decideSignOut(world, { agentid: inspector, force: false, ...valid }, profile, NOW);
  }
}

describe('cancel after a successful barge', () => {
  bargeProperty(
    'domain.cancelinsert.restores',
    'cancel after a successful barge restores every agent to its state before the barge, whatever was refused meanwhile',
    ({ c, world, callerId, targetId, signInIdle, barge }, attempts) => {
      signInIdle(c.roles.otherInspector);
      const before = sessionsOf(world);
      barge();
      for (const which of attempts) {
        const d = attempt(which, world, c.roles, callerId, targetId, c.profile);
        if (d.retcode === '0') throw new Error(`while ${callerId} barges ${targetId}, "${which}" was accepted; it must be refused`);
        world.apply(d);
      }
      const cancel = decideCancelInsert(world, { agentid: callerId, workNo: targetId, auth: 'valid' }, c.profile, NOW);
      if (cancel.retcode !== '0') throw new Error(`the cancel answered ${outcomeOf(cancel)} (rule ${cancel.rule}), expected 0`);
      world.apply(cancel);
      const after = sessionsOf(world);
      for (const id of Object.keys(before)) {
        if (JSON.stringify(after[id]) !== JSON.stringify(before[id])) throw new Error(`after the cancel agent ${id} is ${JSON.stringify(after[id])}; before the barge it was ${JSON.stringify(before[id])}`);
      }
    },
    fc.array(fc.constantFrom(...ATTEMPTS), { maxLength: 4 }),
  );

  bargeProperty(
    'domain.cancelinsert.events',
    'cancel after a successful barge sends the inspector PhoneRelease (unless always off-hook) then Ready, and the target BeQcStop qcType 9',
    ({ c, world, model, callerId, targetId, barge, expectEventsAsModel }) => {
      expectEventsAsModel(barge());
      const d = decideCancelInsert(world, { agentid: callerId, workNo: targetId, auth: 'valid' }, c.profile, NOW);
      model.cancel(callerId, targetId, 'own').commit();
      expectEventsAsModel(d);
    },
  );

  bargeProperty(
    'domain.cancelinsert.only-own-barge',
    'only the barging inspector can cancel, and only on its target: anyone else gets the no-barge answer and nothing changes',
    ({ c, world, model, callerId, targetId, signInIdle, barge }, otherInspector) => {
      barge();
      signInIdle(otherInspector ? c.roles.otherInspector : c.roles.bystander);
      const before = sessionsOf(world);
      const wrong = otherInspector ? { agentid: c.roles.otherInspector, workNo: targetId } : { agentid: callerId, workNo: c.roles.bystander };
      const d = decideCancelInsert(world, { ...wrong, auth: 'valid' }, c.profile, NOW);
      const expected = model.cancel(wrong.agentid, wrong.workNo, 'own').retcode;
      if (outcomeOf(d) !== expected) throw new Error(`cancel by ${wrong.agentid} on ${wrong.workNo} answered ${outcomeOf(d)}, expected ${expected}`);
      world.apply(d);
      if (JSON.stringify(sessionsOf(world)) !== JSON.stringify(before)) throw new Error('a refused cancel changed the sessions');
    },
    fc.boolean(),
  );
});
