import { defineConfig } from 'vitest/config';

// Unit tests, contract-document tests, property tests and the load scripts' tests (with a real k6). The Pact
// consumer and provider suites run as their own vitest invocations (see package.json), so that the pact is
// written before it is verified.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'openapi/**/*.test.ts', 'scripts/**/*.test.ts', 'properties/**/*.test.ts', 'load/**/*.test.ts', 'contracts/rules/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 20 * 60_000,
    // Quiet on success: a dot per test; a failing test prints its failure and its console output in full.
    reporters: ['dot'],
    silent: 'passed-only',
  },
});
