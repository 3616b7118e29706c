/** The phases `ccgw run` and `ccgw verify` can run, as steps of a run. */
import type { Settings } from '../../config/settings.ts';
import { askedUnits, fixturesShortage } from '../../load-runner/fixtures-fit.ts';
import { k6EnvironmentProblem } from '../../load-runner/k6-environment-check.ts';
import type { LoadScenario } from '../../load-runner/run-k6-scenario.ts';
import { contractsPhase } from '../../run/contracts-phase.ts';
import { loadPhase } from '../../run/load-phase.ts';
import { propertiesPhase } from '../../run/properties-phase.ts';
import { rulesPhase } from '../../run/rules-phase.ts';
import type { Progress } from '../../run/progress.ts';
import type { PhaseStep } from '../../run/run-phases.ts';
import type { OpenTarget } from '../../run/target.ts';
import { UsageError } from '../../io/errors.ts';
import { join } from 'node:path';

/** The phases of a run, in their order. */
export const PHASE_NAMES = ['rules', 'contracts', 'properties', 'load'] as const;

/** The --help lines of the rules phase. */
export const RULES_USAGE = `  --rules        the rule suite: a fixed case for every rule of src/domain (each ID bound, each Guid misuse, each
                 state), built through the gateway's public calls on the fixtures' accounts, and the coverage
                 matrix; CTI faults and Guid expiry only on the embedded mock (skipped elsewhere, with the reason)
  --wait-timeouts
                 also check what takes the gateway's timeouts (a Guid expired after its rotation, an agent
                 signed out after 2 minutes without an event poll) on a gateway whose clock cannot be moved:
                 about 5 minutes of real time`;

/** The --help lines of the properties phase. */
export const PROPERTIES_USAGE = `  --properties   property-based checks over HTTP: random calls of every operation answered within the contract,
                 and model-based sequences of calls against a small model of the rules; bounded runs
                 (CCGW_PROPERTY_RUNS, default 10; replay a failure with the seed and path it prints), at most
                 --max-rps on a live gateway, every account signed out afterwards`;

export interface PhaseChoice {
  readonly settings: Settings;
  readonly progress: Progress;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly command: string;
  /** The rule suite, and whether it may wait for a Guid to expire in real time. */
  readonly rules: { readonly waitForTimeouts: boolean } | undefined;
  readonly contracts: boolean;
  readonly properties: boolean;
  readonly load: { readonly scenario: LoadScenario; readonly k6: string } | undefined;
}

/** The settings with the properties' seed from `--seed`, which wins over CCGW_PROPERTY_SEED and the config file. */
export function withSeed(command: string, settings: Settings, raw: string | undefined): Settings {
  if (raw === undefined) return settings;
  if (!/^-?[0-9]{1,10}$/.test(raw) || Number(raw) < -(2 ** 31) || Number(raw) > 2 ** 31 - 1) {
    throw new UsageError(command, `--seed ${JSON.stringify(raw)} is not a fast-check seed; use the integer a failed property printed (-2147483648 to 2147483647)`);
  }
  return { ...settings, properties: { ...settings.properties, seed: Number(raw) } };
}

/**
 * Refuses, before any phase and before k6 is built, a `CCGW_*` variable of `env` that the k6 scripts would refuse
 * (they read the environment too). @throws UsageError naming it
 */
export function checkK6Environment(command: string, settings: Settings, scenario: LoadScenario, env: Readonly<Record<string, string | undefined>>): void {
  const problem = k6EnvironmentProblem({ scenario, profile: settings.profile, load: settings.load, env });
  if (problem) throw new UsageError(command, `${problem} (k6 reads it from the environment)`);
}

export function phaseSteps(c: PhaseChoice): PhaseStep[] {
  const steps: PhaseStep[] = [];
  if (c.rules) {
    const waitForTimeouts = c.rules.waitForTimeouts;
    steps.push({ name: 'rules', run: async ({ target, signal }) => (await rulesPhase({ target, settings: c.settings, progress: c.progress, signal, waitForTimeouts })).phase });
  }
  if (c.contracts) steps.push({ name: 'contracts', run: ({ target }) => contractsPhase({ target, settings: c.settings, progress: c.progress }) });
  if (c.properties) steps.push({ name: 'properties', run: ({ target, signal }) => propertiesPhase({ command: c.command, target, settings: c.settings, progress: c.progress, env: c.env, signal }) });
  if (c.load) {
    const load = c.load;
    const shortageOf = (target: OpenTarget) => fixturesShortage(load.scenario, target.fixtures.accounts, target.fixturesPath, askedUnits(c.settings.load, c.env));
    steps.push({
      name: 'load',
      check: (target) => {
        const shortage = shortageOf(target);
        // `ccgw load` is the load alone: fixtures that cannot drive it leave nothing to run. A run skips the phase.
        if (shortage && (shortage.usage || c.command === 'load')) throw new UsageError(c.command, shortage.message);
      },
      run: ({ target, signal, dir }) =>
        loadPhase({ target, settings: c.settings, scenario: load.scenario, dir: join(dir, 'load'), progress: c.progress, k6: load.k6, signal, skipBecause: shortageOf(target)?.message }),
    });
  }
  return steps;
}
