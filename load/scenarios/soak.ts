/**
 * Soak: a closed model. Each VU keeps one (inspector, agent) pair signed in for the whole run — polling at least
 * every `CCGW_KEEPALIVE_MS`, following Guid rotations — and runs barge-and-cancel cycles with `CCGW_LOAD_THINK_MS`
 * between them, for `CCGW_LOAD_ITERATIONS` cycles or `CCGW_LOAD_DURATION`, whichever ends first. Lost sessions
 * (`ccgw_sessions_lost`) and Guid rotations (`ccgw_guid_rotations`) are counted.
 *
 * @example
 * ```sh
 * k6 run load/scenarios/soak.ts
 * CCGW_LOAD_VUS=50 CCGW_LOAD_DURATION=2h CCGW_LOAD_ITERATIONS=100000 CCGW_LOAD_THINK_MS=10000 k6 run load/scenarios/soak.ts
 * ```
 */
import { loadConfig } from '../lib/config.ts';
import { pairIteration, restFor } from '../lib/flows.ts';
import { cleanupRun, planUnits, prepareRun, summaryTarget, type SetupData } from '../lib/lifecycle.ts';
import { optionsFor, soak } from '../lib/profiles.ts';
import { summaryOutputs, type SummaryData } from '../lib/summary.ts';

const config = loadConfig('soak', { vus: 10, iterations: 10_000, duration: '10m', rate: 1, inspectorsPerGroup: 2, thinkMs: 5000 });
const plan = planUnits(config, 'pairs');

/**
 * k6 options: one scenario, the thresholds, and the live rate cap when live.
 *
 * @example
 * ```sh
 * CCGW_LOAD_VUS=4 k6 run load/scenarios/soak.ts  # size the run with CCGW_* variables, not --vus/--iterations (those replace the scenario)
 * ```
 */
const scenario = soak(config.load);
export const options = optionsFor(config, 'soak', scenario, 'pairs');

/**
 * Fails fast when the gateway is down; prepares the mock; works out this process's units.
 *
 * @example
 * ```sh
 * k6 run load/scenarios/soak.ts  # setup() runs once per process before the VUs
 * ```
 */
export function setup(): SetupData {
  return prepareRun(config, plan);
}

export default function (data: SetupData): void {
  pairIteration(config, plan, data);
  restFor(config, config.load.thinkMs);
}

/**
 * Always runs: cancels inserts and signs this process's accounts out; reads the mock's audit.
 *
 * @example
 * ```sh
 * k6 run load/scenarios/soak.ts  # teardown() runs once per process after the VUs, also after an abort
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
 * mkdir -p reports/load && k6 run load/scenarios/soak.ts
 * ```
 */
export function handleSummary(data: SummaryData): Record<string, string> {
  return summaryOutputs(data, summaryTarget(config, scenario, 'cycle', 'pairs'));
}
