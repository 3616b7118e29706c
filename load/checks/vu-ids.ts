/**
 * Prints the `exec.vu.idInTest` of every VU, one per line, to k6's console output. `load/lib/partition.test.ts`
 * runs it under several execution segments to check that the harness's partition matches k6's own VU striping.
 *
 * @example
 * ```sh
 * VUS=5 k6 run --quiet --summary-mode=disabled --console-output ids.txt --execution-segment 0:1/2 --execution-segment-sequence 0,1/2,1 load/checks/vu-ids.ts
 * ```
 */
import exec from 'k6/execution';
import type { Options } from 'k6/options';

const vus = Number(__ENV['VUS'] ?? '1');
if (!Number.isInteger(vus) || vus < 1 || vus > 1000) throw new Error(`VUS=${JSON.stringify(__ENV['VUS'])} must be an integer from 1 to 1000`);

/**
 * One iteration per VU, `VUS` VUs.
 *
 * @example
 * ```sh
 * VUS=7 k6 run --quiet --summary-mode=disabled load/checks/vu-ids.ts
 * ```
 */
export const options: Options = {
  scenarios: { ids: { executor: 'per-vu-iterations', vus, iterations: 1, maxDuration: '30s' } },
};

export default function (): void {
  console.log(`idInTest=${exec.vu.idInTest}`);
}
