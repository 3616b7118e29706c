/**
 * What the k6 scripts will read from the environment, checked by ccgw with the scripts' own parser
 * (`load/lib/config-parse.ts`) before any phase runs: a bad `CCGW_*` variable (`CCGW_POLL_PAUSE_MS=abc`) is then a
 * usage error naming it, not a k6 script exception after the other phases ran.
 */
import { tmpdir } from 'node:os';
import { LoadConfigError, parseLoadConfig, type LoadKnobs } from '../../load/lib/config-parse.ts';
import type { Profile } from '../domain/profiles.ts';
import { readTextFileSync } from '../io/read-text-file.ts';
import { DEMO_FIXTURES_PATH, REPO_ROOT } from '../paths.ts';
import { k6Environment, type K6RunOptions, type LoadScenario } from './run-k6-scenario.ts';

/**
 * The variables ccgw gives k6 from the target it opens later (checked by the settings already): the check puts a
 * loopback stand-in in their place, so that a `CCGW_GATEWAY` or `CCGW_CA` of the shell is not taken for a mismatch.
 */
const TARGET_VARIABLES = ['BASE_URL', 'CCGW_GATEWAY', 'CCGW_FIXTURES', 'CCGW_LIVE', 'CCGW_CA', 'SSL_CERT_FILE', 'CCGW_INSECURE'];

/** Valid knobs for the check; the scenario's own defaults apply only to variables left unset, which cannot be wrong. */
const STAND_IN_DEFAULTS: LoadKnobs = { vus: 1, iterations: 1, duration: '1m', rate: 1, inspectorsPerGroup: 2, thinkMs: 0 };

/** Why k6 would refuse `env` for `scenario` (its message names the variable and the fix), or undefined. */
export function k6EnvironmentProblem(o: { scenario: LoadScenario; profile: Profile; load: K6RunOptions['load']; env: Readonly<Record<string, string | undefined>> }): string | undefined {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(o.env)) if (value !== undefined && !TARGET_VARIABLES.includes(name)) env[name] = value;
  const standIn = k6Environment({ scenario: o.scenario, baseUrl: 'http://127.0.0.1:8000', live: false, fixturesPath: DEMO_FIXTURES_PATH, profile: o.profile, load: o.load, outDir: tmpdir() });
  try {
    parseLoadConfig({ ...env, ...standIn }, { scenario: o.scenario, defaults: STAND_IN_DEFAULTS, readText: readTextFileSync, repoRoot: REPO_ROOT });
    return undefined;
  } catch (e) {
    if (e instanceof LoadConfigError) return e.message;
    throw e;
  }
}
