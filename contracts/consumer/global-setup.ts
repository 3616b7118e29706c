/**
 * Global setup of the consumer run: empties the scratch directory, so the pact it holds afterwards is exactly what
 * this run's interactions wrote (Pact merges into an existing file).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { SCRATCH_DIR } from '../pact-names.ts';

/** Empties the scratch directory before the consumer tests run. */
export default function setup(): void {
  rmSync(SCRATCH_DIR, { recursive: true, force: true });
  mkdirSync(SCRATCH_DIR, { recursive: true });
}
