import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutation` runs against each mutant of `src/domain`: the domain's own tests and the domain
 * properties. The mock's and the rule suite's tests exercise the domain too, but through HTTP servers: with them a
 * run takes hours on two cores, and what the domain does is for the domain's tests to pin down.
 */
export default defineConfig({
  test: {
    include: ['src/domain/**/*.test.ts', 'properties/domain/**/*.test.ts'],
    // It reads the sources as text, and in Stryker's sandbox they carry the instrumentation (which uses Node
    // globals): it would fail every run without saying anything about a mutant.
    exclude: ['src/domain/runtime-neutral.test.ts'],
    testTimeout: 60_000,
    reporters: ['dot'],
    silent: 'passed-only',
  },
});
