/**
 * Barge storm: each VU owns a storm group (K inspectors, one target agent of their VDN) and runs rounds; in each
 * round the K inspectors send addinsert to the target at the same moment (`http.batch`). Exactly one must win,
 * every loser must get the profile's "target already barged" retcode (900-005 by default), the winner's events
 * (AgentState_Busy, AgentOther_PhoneAlerting, AgentOther_PhoneOffhook) must arrive within
 * `CCGW_EVENT_DEADLINE_MS`, and the winner cancels.
 *
 * @example
 * ```sh
 * k6 run load/scenarios/barge-storm.ts
 * CCGW_LOAD_VUS=10 CCGW_LOAD_INSPECTORS=8 CCGW_LOAD_ITERATIONS=200 k6 run load/scenarios/barge-storm.ts
 * ```
 */
import { loadConfig } from '../lib/config.ts';
import { stormIteration } from '../lib/flows.ts';
import { cleanupRun, planUnits, prepareRun, summaryTarget, type SetupData } from '../lib/lifecycle.ts';
import { optionsFor, stormRounds } from '../lib/profiles.ts';
import { summaryOutputs, type SummaryData } from '../lib/summary.ts';

const config = loadConfig('barge-storm', { vus: 4, iterations: 50, duration: '5m', rate: 1, inspectorsPerGroup: 5, thinkMs: 0 });
const plan = planUnits(config, 'storm');

/**
 * k6 options: one scenario, the thresholds, and the live rate cap when live.
 *
 * @example
 * ```sh
 * CCGW_LOAD_VUS=4 k6 run load/scenarios/barge-storm.ts  # size the run with CCGW_* variables, not --vus/--iterations (those replace the scenario)
 * ```
 */
const scenario = stormRounds(config.load);
export const options = optionsFor(config, 'barge-storm', scenario, 'storm');

/**
 * Fails fast when the gateway is down; prepares the mock; works out this process's units.
 *
 * @example
 * ```sh
 * k6 run load/scenarios/barge-storm.ts  # setup() runs once per process before the VUs
 * ```
 */
export function setup(): SetupData {
  return prepareRun(config, plan);
}

export default function (data: SetupData): void {
  stormIteration(config, plan, data);
}

/**
 * Always runs: cancels inserts and signs this process's accounts out; reads the mock's audit.
 *
 * @example
 * ```sh
 * k6 run load/scenarios/barge-storm.ts  # teardown() runs once per process after the VUs, also after an abort
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
 * mkdir -p reports/load && k6 run load/scenarios/barge-storm.ts
 * ```
 */
export function handleSummary(data: SummaryData): Record<string, string> {
  return summaryOutputs(data, summaryTarget(config, scenario, 'round', 'storm'));
}
