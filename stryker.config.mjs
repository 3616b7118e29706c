// @ts-check
/**
 * `npm run mutation`: StrykerJS mutates `src/domain` and runs the tests of stryker.vitest.config.ts against
 * every mutant; the report goes to reports/mutation/ (git-ignored). Equivalent mutants: docs/mutation.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'stryker.vitest.config.ts', related: false },
  mutate: ['src/domain/**/*.ts', '!src/domain/**/*.test.ts', '!src/domain/testing/**'],
  // Static mutants (module-level tables evaluated once at load) would need every test re-run per mutant;
  // the figure is the share of the others that the tests kill.
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  // Not needed by these tests; keeps the sandbox copy small. (docs/ stays: provenance.test.ts reads docs/sources/.)
  ignorePatterns: ['/tools', '/runs', '/load', '/dist', '/coverage', '/reports'],
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
