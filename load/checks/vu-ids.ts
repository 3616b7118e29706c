/**
 * Prints the `exec.vu.idInTest` of every VU, one per line, to k6's console output. `load/lib/partition.test.ts`
 * runs it under several execution segments to check that the harness's partition matches k6's own VU striping.
 */
import exec from 'k6/execution';
import type { Options } from 'k6/options';

const vus = Number(__ENV['VUS'] ?? '1');
if (!Number.isInteger(vus) || vus < 1 || vus > 1000) throw new Error(`VUS=${JSON.stringify(__ENV['VUS'])} must be an integer from 1 to 1000`);

/** One iteration per VU, `VUS` VUs. */
export const options: Options = {
  scenarios: { ids: { executor: 'per-vu-iterations', vus, iterations: 1, maxDuration: '30s' } },
};

export default function (): void {
  console.log(`idInTest=${exec.vu.idInTest}`);
}
