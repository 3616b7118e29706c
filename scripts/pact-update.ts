/**
 * `npm run pact:update`: runs the Pact consumer tests and makes the pact they write the committed one
 * (contracts/pacts/qc-console-cc-gateway.json). Review the diff and commit it: that file is what the vendor receives.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { COMMITTED_PACT, PACT_UPDATE_ENV, REPO_ROOT } from '../contracts/pact-names.ts';

/** Runs the consumer suite with the update switch on and returns its exit code. */
export function updatePact(): number {
  const vitest = join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'contracts/vitest.consumer.config.ts'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, [PACT_UPDATE_ENV]: '1' },
  });
  if (run.error) {
    process.stderr.write(`pact:update: cannot run vitest (${run.error.message}); run npm ci first\n`);
    return 1;
  }
  if (run.status === 0) process.stdout.write(`pact:update: ${COMMITTED_PACT} now holds the consumer tests' pact; review the diff and commit it\n`);
  else process.stderr.write('pact:update: the consumer tests failed, so the committed pact may be incomplete; fix them and run npm run pact:update again\n');
  return run.status ?? 1;
}

process.exitCode = updatePact();
