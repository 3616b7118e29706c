/**
 * Global setup of the consumer run: empties the scratch directory, so the pact it holds afterwards is exactly what
 * this run's interactions wrote (Pact merges into an existing file).
 *
 * @example
 * ```ts
 * // contracts/vitest.consumer.config.ts
 * test: { globalSetup: ['contracts/consumer/global-setup.ts'] }
 * ```
 */
import { mkdirSync, rmSync } from 'node:fs';
import { SCRATCH_DIR } from '../pact-names.ts';

/**
 * Empties the scratch directory before the consumer tests run.
 *
 * @example
 * ```ts
 * setup(); // contracts/.pact-scratch/ exists and is empty
 * ```
 */
export default function setup(): void {
  rmSync(SCRATCH_DIR, { recursive: true, force: true });
  mkdirSync(SCRATCH_DIR, { recursive: true });
}
