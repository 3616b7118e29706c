/**
 * Running the k6 load scenarios from Node and reading their results for the reports.
 *
 * @example
 * ```ts
 * import { runK6Scenario } from '../load-runner/index.ts';
 * ```
 */
export * from './run-k6-scenario.ts';
export * from './load-result.ts';
export * from './k6-samples.ts';
export * from './run-latencies.ts';
