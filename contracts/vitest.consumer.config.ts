import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { FreshnessLastSequencer } from './consumer/freshness-last-sequencer.ts';

// Pact consumer tests: they drive src/client against Pact's mock server and write the pact to contracts/.pact-scratch/;
// the last file (pact-freshness.test.ts) compares it with the committed contracts/pacts/qc-console-cc-gateway.json.
// Files run one after the other: Pact merges each file's interactions into the same pact file.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['contracts/consumer/**/*.test.ts'],
    globalSetup: ['contracts/consumer/global-setup.ts'],
    fileParallelism: false,
    sequence: { sequencer: FreshnessLastSequencer },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Quiet on success: a dot per test; a failing test prints its failure and its console output in full.
    reporters: ['dot'],
    silent: 'passed-only',
    // Pact core sends anonymous usage events unless told not to.
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
