/**
 * The journeys the scenario scripts are made of, each a few named steps (`steps.ts`). A VU's sessions live across
 * iterations: each journey signs in who is not signed in yet (or lost the session) and ends by keeping them polled.
 */
import { awaitBargeEvents, barge, cancel, drainAfterCancel, keepPolled, raceToBarge, signIn } from './steps.ts';
import type { Vu } from './vu.ts';

// Imports bound to module constants: sobek looks an imported binding up by name on every access, and a journey runs
// thousands of times a second.
const step = { signIn, barge, awaitBargeEvents, cancel, drainAfterCancel, keepPolled };

/**
 * `inspectorId` barges into `targetId`, its events arrive in time, it cancels; the events left to both are drained
 * (throughput, soak, smoke).
 */
export function bargeAndCancel(vu: Vu, inspectorId: string, targetId: string): void {
  const both = vu.pair(inspectorId, targetId);
  // Indexed, not destructured: sobek destructures an array through its iterator.
  const inspector = both[0];
  const target = both[1];
  if (!step.signIn(vu, both)) return;
  const result = step.barge(vu, inspector, target);
  if (result.ok) {
    step.awaitBargeEvents(vu, inspector, result);
    step.cancel(vu, inspector, target);
    step.drainAfterCancel(vu, both);
  }
  step.keepPolled(vu, both);
}

/**
 * `inspectorIds` race to barge into `targetId` at once: exactly one wins, its events arrive in time, it cancels
 * (barge-storm, smoke).
 */
export function stormRound(vu: Vu, inspectorIds: readonly string[], targetId: string): void {
  const inspectors = inspectorIds.map((id) => vu.session(id));
  const target = vu.session(targetId);
  const everyone = [...inspectors, target];
  if (!signIn(vu, everyone)) return;
  const winners = raceToBarge(vu, inspectors, target);
  const first = winners[0];
  if (first) awaitBargeEvents(vu, first.inspector, first.barge);
  for (const w of winners) cancel(vu, w.inspector, target);
  drainAfterCancel(vu, [...winners.map((w) => w.inspector), target]);
  keepPolled(vu, everyone);
}
