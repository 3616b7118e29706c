/**
 * Soak: a closed model. Each VU keeps one (inspector, agent) pair signed in for the whole run — polling at least
 * every `CCGW_KEEPALIVE_MS`, following Guid rotations — and runs barge-and-cancel cycles with `CCGW_LOAD_THINK_MS`
 * between them, for `CCGW_LOAD_ITERATIONS` cycles or `CCGW_LOAD_DURATION`, whichever ends first. Lost sessions
 * (`ccgw_sessions_lost`) and Guid rotations (`ccgw_guid_rotations`) are counted.
 */
import { bargeAndCancel } from '../lib/journeys.ts';
import type { SetupData } from '../lib/lifecycle.ts';
import { soak } from '../lib/profiles.ts';
import { loadScenario } from '../lib/scenario.ts';
import { SCENARIO_UNITS } from '../lib/scenario-units.ts';
import { think } from '../lib/steps.ts';

const run = loadScenario({ name: 'soak', kind: SCENARIO_UNITS.soak, shape: soak, unit: 'cycle', defaults: { vus: 10, iterations: 10_000, duration: '10m', rate: 1, inspectorsPerGroup: 2, thinkMs: 5000 } });

export const { options, setup, teardown, handleSummary } = run;

export default function (data: SetupData): void {
  const vu = run.vu(data);
  if (vu) bargeAndCancel(vu, vu.unit.inspector, vu.unit.agent);
  think(run.config, vu); // CCGW_LOAD_THINK_MS, the sessions kept polled
}
