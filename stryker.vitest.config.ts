import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutation` runs against each mutant of `src/domain`: the domain's own tests, the domain
 * properties, the mock gateway's tests (it decides with the domain) and the rule suite (it plays every
 * witness against the mock). No global setup: none of these needs k6 or Chromium.
 */
export default defineConfig({
  test: {
    include: ['src/domain/**/*.test.ts', 'properties/domain/**/*.test.ts', 'src/gateway/**/*.test.ts', 'contracts/rules/**/*.test.ts'],
    testTimeout: 60_000,
    reporters: ['dot'],
    silent: 'passed-only',
  },
});
