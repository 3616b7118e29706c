/**
 * The phases `ccgw run` and `ccgw verify` can run, as steps of a run.
 *
 * @example
 * ```ts
 * const steps = phaseSteps({ command: 'run', settings, progress, env, contracts: true, properties: true, load: { scenario: 'smoke', k6 } });
 * ```
 */
import type { Settings } from '../../config/settings.ts';
import type { LoadScenario } from '../../load-runner/run-k6-scenario.ts';
import { contractsPhase } from '../../run/contracts-phase.ts';
import { loadPhase } from '../../run/load-phase.ts';
import { propertiesPhase } from '../../run/properties-phase.ts';
import type { Progress } from '../../run/progress.ts';
import type { PhaseStep } from '../../run/run-phases.ts';
import { join } from 'node:path';

/** The phases of a run, in their order. */
export const PHASE_NAMES = ['contracts', 'properties', 'load'] as const;

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
  readonly contracts: boolean;
  readonly properties: boolean;
  readonly load: { readonly scenario: LoadScenario; readonly k6: string } | undefined;
}

export function phaseSteps(c: PhaseChoice): PhaseStep[] {
  const steps: PhaseStep[] = [];
  if (c.contracts) steps.push({ name: 'contracts', run: ({ target }) => contractsPhase({ target, settings: c.settings, progress: c.progress }) });
  if (c.properties) steps.push({ name: 'properties', run: ({ target, signal }) => propertiesPhase({ command: c.command, target, settings: c.settings, progress: c.progress, env: c.env, signal }) });
  if (c.load) {
    const load = c.load;
    steps.push({ name: 'load', run: ({ target, signal, dir }) => loadPhase({ target, settings: c.settings, scenario: load.scenario, dir: join(dir, 'load'), progress: c.progress, k6: load.k6, signal }) });
  }
  return steps;
}
