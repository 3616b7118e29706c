import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The pact-to-OpenAPI check: the committed pact must stay within openapi/ccgw-agentgateway.yaml
// (@pactflow/swagger-mock-validator), and deliberately wrong pacts must be rejected.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['contracts/pact-vs-openapi/**/*.test.ts'],
    testTimeout: 60_000,
    // Quiet on success: a dot per test; a failing test prints its failure and its console output in full.
    reporters: ['dot'],
    silent: 'passed-only',
  },
});
