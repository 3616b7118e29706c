/**
 * Throughput: disjoint (inspector, agent) pairs, one per VU, driven at a constant arrival rate (open model):
 * `CCGW_LOAD_RATE` barge-and-cancel iterations per second for `CCGW_LOAD_DURATION`. Each iteration barges, waits for the
 * inspector's events, cancels. Iterations that find every pair busy are dropped (k6's `dropped_iterations`); a run
 * that starts less than `CCGW_MIN_ACHIEVED_RATIO` (0.9) of the iterations asked fails, saying what it reached, why and
 * what to do (`lib/achieved.ts`).
 *
 * Pacing: as fast as the gateway answers. The events an iteration waits for are already queued when it polls, so
 * it polls again at once (`CCGW_POLL_PAUSE_MS` defaults to 0 here, not the documented 200–500 ms a real client
 * waits after an event, which smoke and soak keep): the scenario measures what the gateway sustains, and the arrival
 * rate alone sets the pace. One iteration is 9 calls on the default profile (addinsert, 3 polls, cancel, 4 polls).
 *
 * @example
 * ```sh
 * k6 run load/scenarios/throughput.ts
 * CCGW_LOAD_RATE=50 CCGW_LOAD_VUS=80 CCGW_LOAD_DURATION=5m k6 run load/scenarios/throughput.ts
 * ```
 */
import { loadConfig } from '../lib/config.ts';
import { pairIteration } from '../lib/flows.ts';
import { cleanupRun, planUnits, prepareRun, summaryTarget, type SetupData } from '../lib/lifecycle.ts';
import { constantArrivalRate, optionsFor } from '../lib/profiles.ts';
import { summaryOutputs, type SummaryData } from '../lib/summary.ts';

const config = loadConfig('throughput', { vus: 20, iterations: 1, duration: '1m', rate: 10, inspectorsPerGroup: 2, thinkMs: 0 }, { pollPauseMs: 0 });
const plan = planUnits(config, 'pairs');

/**
 * k6 options: one scenario, the thresholds, and the live rate cap when live.
 *
 * @example
 * ```sh
 * CCGW_LOAD_VUS=4 k6 run load/scenarios/throughput.ts  # size the run with CCGW_* variables, not --vus/--iterations (those replace the scenario)
 * ```
 */
const scenario = constantArrivalRate(config.load);
export const options = optionsFor(config, 'throughput', scenario, 'pairs');

/**
 * Fails fast when the gateway is down; prepares the mock; works out this process's units.
 *
 * @example
 * ```sh
 * k6 run load/scenarios/throughput.ts  # setup() runs once per process before the VUs
 * ```
 */
export function setup(): SetupData {
  return prepareRun(config, plan);
}

export default function (data: SetupData): void {
  pairIteration(config, plan, data);
}

/**
 * Always runs: cancels inserts and signs this process's accounts out; reads the mock's audit.
 *
 * @example
 * ```sh
 * k6 run load/scenarios/throughput.ts  # teardown() runs once per process after the VUs, also after an abort
 * ```
 */
export function teardown(data: SetupData): void {
  cleanupRun(config, plan, data);
}

/**
 * Writes `<CCGW_REPORT_DIR>/<CCGW_RUN_NAME>.json` and `.junit.xml` (the directory must exist) and prints the summary.
 *
 * @example
 * ```sh
 * mkdir -p reports/load && k6 run load/scenarios/throughput.ts
 * ```
 */
export function handleSummary(data: SummaryData): Record<string, string> {
  return summaryOutputs(data, summaryTarget(config, scenario, 'cycle', 'pairs'));
}
