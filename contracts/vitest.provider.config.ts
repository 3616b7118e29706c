import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Pact provider verification of the committed pact: against the in-process mock gateway (states through /__admin),
// against a mock started as a separate process as if it were a live gateway (states through public calls only), and
// against a proxy that breaks the mock's answers on purpose. One file at a time: each verification runs Pact core's
// verifier, whose log level is process-wide.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['contracts/provider/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // Quiet on success: a dot per test; a failing test prints its failure and its console output in full.
    reporters: ['dot'],
    silent: 'passed-only',
    // Pact core sends anonymous usage events unless told not to.
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
