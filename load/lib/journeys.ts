/**
 * The journeys the scenario scripts are made of, each a few named steps (`steps.ts`). A VU's sessions live across
 * iterations: each journey signs in who is not signed in yet (or lost the session) and ends by keeping them polled.
 */
import { awaitBargeEvents, awaitCancelEvents, barge, cancel, drainAfterCancel, keepPolled, raceToBarge, signIn } from './steps.ts';
import type { Vu } from './vu.ts';

// Imports bound to module constants: sobek looks an imported binding up by name on every access, and a journey runs
// thousands of times a second.
const step = { signIn, barge, awaitBargeEvents, cancel, awaitCancelEvents, keepPolled };

/**
 * `inspectorId` barges into `targetId`, the barge's events arrive in time (the inspector's and the target's), it
 * cancels, the cancel's events arrive in time (throughput, soak, smoke).
 */
export function bargeAndCancel(vu: Vu, inspectorId: string, targetId: string): void {
  const both = vu.pair(inspectorId, targetId);
  // Indexed, not destructured: sobek destructures an array through its iterator.
  const inspector = both[0];
  const target = both[1];
  if (!step.signIn(vu, both)) return;
  const result = step.barge(vu, inspector, target);
  if (result.ok) {
    step.awaitBargeEvents(vu, inspector, target, result);
    const cancelled = step.cancel(vu, inspector, target);
    if (cancelled.ok) step.awaitCancelEvents(vu, inspector, target, cancelled);
  }
  step.keepPolled(vu, both);
}

/**
 * `inspectorIds` race to barge into `targetId` at once: exactly one wins, the barge's events arrive in time, it
 * cancels, the cancel's events arrive in time (barge-storm, smoke). After a round with several winners their events
 * are drained, not judged: the one-winner rule already failed.
 */
export function stormRound(vu: Vu, inspectorIds: readonly string[], targetId: string): void {
  const inspectors = inspectorIds.map((id) => vu.session(id));
  const target = vu.session(targetId);
  const everyone = [...inspectors, target];
  if (!signIn(vu, everyone)) return;
  const winners = raceToBarge(vu, inspectors, target);
  const only = winners.length === 1 ? winners[0]! : undefined;
  if (only) {
    awaitBargeEvents(vu, only.inspector, target, only.barge);
    const cancelled = cancel(vu, only.inspector, target);
    if (cancelled.ok) awaitCancelEvents(vu, only.inspector, target, cancelled);
  } else if (winners.length > 1) {
    awaitBargeEvents(vu, winners[0]!.inspector, undefined, winners[0]!.barge);
    for (const w of winners) cancel(vu, w.inspector, target);
    drainAfterCancel(vu, [...winners.map((w) => w.inspector), target]);
  }
  keepPolled(vu, everyone);
}
