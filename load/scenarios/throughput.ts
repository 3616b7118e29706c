/**
 * Throughput: disjoint (inspector, agent) pairs, one per VU, driven at a constant arrival rate (open model):
 * `CCGW_LOAD_RATE` barge-and-cancel iterations per second for `CCGW_LOAD_DURATION`. Iterations that find every pair
 * busy are dropped (k6's `dropped_iterations`); a run that starts less than `CCGW_MIN_ACHIEVED_RATIO` (0.9) of the
 * iterations asked fails, saying what it reached, why and what to do (`lib/achieved.ts`).
 *
 * Pacing: as fast as the gateway answers. The events an iteration waits for are already queued when it polls, so it
 * polls again at once (`CCGW_POLL_PAUSE_MS` defaults to 0 here, not the documented 200–500 ms that smoke and soak
 * keep): the arrival rate alone sets the pace. One iteration is 9 calls on the default profile.
 */
import { bargeAndCancel } from '../lib/journeys.ts';
import type { SetupData } from '../lib/lifecycle.ts';
import { constantArrivalRate } from '../lib/profiles.ts';
import { loadScenario } from '../lib/scenario.ts';
import { SCENARIO_UNITS } from '../lib/scenario-units.ts';

const run = loadScenario({
  name: 'throughput',
  kind: SCENARIO_UNITS.throughput,
  shape: constantArrivalRate,
  unit: 'cycle',
  defaults: { vus: 20, iterations: 1, duration: '1m', rate: 10, inspectorsPerGroup: 2, thinkMs: 0 },
  timing: { pollPauseMs: 0 },
});

export const { options, setup, teardown, handleSummary } = run;

export default function (data: SetupData): void {
  const vu = run.vu(data);
  if (!vu) return;
  bargeAndCancel(vu, vu.unit.inspector, vu.unit.agent);
}
