/** Running the k6 load scenarios from Node and reading their results for the reports. */
export * from './run-k6-scenario.ts';
export * from './load-result.ts';
export * from './k6-samples.ts';
export * from './run-latencies.ts';
