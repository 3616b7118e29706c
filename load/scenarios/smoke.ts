/**
 * Smoke: a few seconds of each scenario's work against the mock gateway, for CI. Each VU owns one storm group
 * (K inspectors, one agent) and cycles: a storm round, a barge-and-cancel, a rest that keeps the sessions polled
 * and another barge-and-cancel. Thresholds: latency, error and check rates, events on time, exactly one winner
 * per round, the barge invariant, the mock's audit, a clean teardown.
 *
 * @example
 * ```sh
 * node bin/ccgw.js mock --port 8000 &
 * k6 run load/scenarios/smoke.ts
 * BASE_URL=http://127.0.0.1:18000 CCGW_LOAD_VUS=4 k6 run load/scenarios/smoke.ts
 * ```
 */
import { loadConfig } from '../lib/config.ts';
import { smokeIteration } from '../lib/flows.ts';
import { cleanupRun, planUnits, prepareRun, summaryTarget, type SetupData } from '../lib/lifecycle.ts';
import { optionsFor, smoke } from '../lib/profiles.ts';
import { summaryOutputs, type SummaryData } from '../lib/summary.ts';

const config = loadConfig('smoke', { vus: 2, iterations: 6, duration: '60s', rate: 1, inspectorsPerGroup: 3, thinkMs: 500 });
const plan = planUnits(config, 'storm');

/**
 * k6 options: one scenario, the thresholds, and the live rate cap when live.
 *
 * @example
 * ```sh
 * CCGW_LOAD_VUS=4 k6 run load/scenarios/smoke.ts  # size the run with CCGW_* variables, not --vus/--iterations (those replace the scenario)
 * ```
 */
const scenario = smoke(config.load);
export const options = optionsFor(config, 'smoke', scenario, 'storm');

/**
 * Fails fast when the gateway is down; prepares the mock; works out this process's units.
 *
 * @example
 * ```sh
 * k6 run load/scenarios/smoke.ts  # setup() runs once per process before the VUs
 * ```
 */
export function setup(): SetupData {
  return prepareRun(config, plan);
}

export default function (data: SetupData): void {
  smokeIteration(config, plan, data);
}

/**
 * Always runs: cancels inserts and signs this process's accounts out; reads the mock's audit.
 *
 * @example
 * ```sh
 * k6 run load/scenarios/smoke.ts  # teardown() runs once per process after the VUs, also after an abort
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
 * mkdir -p reports/load && k6 run load/scenarios/smoke.ts
 * ```
 */
export function handleSummary(data: SummaryData): Record<string, string> {
  return summaryOutputs(data, summaryTarget(config, scenario, 'iteration', 'storm'));
}
