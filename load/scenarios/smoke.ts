/**
 * Smoke: a few seconds of each scenario's work against the mock gateway, for CI. Each VU owns one storm group
 * (K inspectors, one agent) and cycles through a storm round, a barge-and-cancel, and a rest that keeps the sessions
 * polled followed by another barge-and-cancel. Thresholds: latency, error and check rates, events on time, exactly
 * one winner per round, the barge invariant, the mock's audit, a clean teardown.
 */
import exec from 'k6/execution';
import { bargeAndCancel, stormRound } from '../lib/journeys.ts';
import type { SetupData } from '../lib/lifecycle.ts';
import { smoke } from '../lib/profiles.ts';
import { loadScenario } from '../lib/scenario.ts';
import { SCENARIO_UNITS } from '../lib/scenario-units.ts';
import { think } from '../lib/steps.ts';

const run = loadScenario({ name: 'smoke', kind: SCENARIO_UNITS.smoke, shape: smoke, unit: 'iteration', defaults: { vus: 2, iterations: 6, duration: '60s', rate: 1, inspectorsPerGroup: 3, thinkMs: 500 } });

export const { options, setup, teardown, handleSummary } = run;

export default function (data: SetupData): void {
  const vu = run.vu(data);
  if (!vu) return;
  const { inspectors, target } = vu.unit;
  switch (exec.vu.iterationInScenario % 3) {
    case 0: // barge-storm's work
      stormRound(vu, inspectors, target);
      break;
    case 1: // throughput's
      bargeAndCancel(vu, inspectors[0]!, target);
      break;
    default: // soak's
      think(run.config, vu);
      bargeAndCancel(vu, inspectors[inspectors.length - 1]!, target);
  }
}
