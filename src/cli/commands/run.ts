/**
 * `ccgw run`: the whole harness (what `npm start` does). Against the embedded mock gateway by default, or a
 * gateway with `--gateway URL --fixtures FILE` (and the live rails): the Pact verification, the properties and the
 * load smoke, then one run directory with JUnit, JSON, HTML and Markdown. Exit 0 only when everything passed.
 */
import { resolveSettings, TARGET_OPTIONS } from '../../config/settings.ts';
import { LOAD_SCENARIOS } from '../../load-runner/run-k6-scenario.ts';
import { createProgress } from '../../run/progress.ts';
import { runPhases } from '../../run/run-phases.ts';
import { ensureK6 } from '../../tools/ensure-k6.ts';
import type { Command } from '../command.ts';
import { targetOptionsHelp, UNREACHABLE_EXIT_HELP } from '../target-help.ts';
import type { CommandIo } from '../../io/command-io.ts';
import { UsageError } from '../../io/errors.ts';
import { choiceOption, parseOptions } from '../../io/options.ts';
import { checkK6Environment, PHASE_NAMES, phaseSteps, withSeed } from './phase-steps.ts';

const USAGE = `Usage: ccgw run [options]

The main job: checks a gateway (the embedded mock gateway unless --gateway is given) in four phases and writes
one run directory under runs/ (summary.json, junit.xml, report.html, summary.md, and k6's files in load/):
  rules        a fixed case for every rule of src/domain, and the rule coverage matrix (the verdict on the rules)
  contracts    the committed pact, verified against the gateway
  properties   property-based checks beyond the rules: random calls answered within the contract, model-based
               call sequences (a failure prints its seed; --seed N replays it)
  load         the k6 smoke scenario: concurrent barges, thresholds and the barge invariant
Exit 0 only when everything passed; 1 when something failed; 2 on a usage error;
${UNREACHABLE_EXIT_HELP}
Ctrl-C finishes the current phase's clean-up, skips the rest, and still writes the report.

Options:
  --phases LIST        which phases, comma-separated (default ${PHASE_NAMES.join(',')})
  --scenario NAME      the load scenario (default smoke): ${LOAD_SCENARIOS.join(', ')}
${targetOptionsHelp()}
  --seed N             the properties' fast-check seed (to replay a failure; default random, printed on failure)
  --wait-timeouts      rules: also check what takes the gateway's timeouts (a Guid expired after its rotation, an
                       agent signed out after 2 minutes without a poll) on a gateway whose clock cannot be moved:
                       about 5 minutes of real time
  --quiet              print only failures and the result
  --json               print the run summary JSON and nothing else

Examples:
  ccgw run
  ccgw run --phases contracts,properties --profile ccgw-2025
  ccgw run --gateway https://10.0.0.5:8043 --fixtures qa-accounts.json --live --max-rps 5 --ca gw-ca.pem`;

export const runCommand: Command = {
  name: 'run',
  usage: USAGE,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values } = parseOptions('run', argv, {
      ...TARGET_OPTIONS,
      phases: { type: 'string' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      'wait-timeouts': { type: 'boolean' },
      quiet: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const settings = withSeed('run', await resolveSettings('run', values, io), values.seed);
    const phases = (values.phases ?? PHASE_NAMES.join(',')).split(',').map((p) => p.trim());
    for (const p of phases) {
      if (!(PHASE_NAMES as readonly string[]).includes(p)) throw new UsageError('run', `--phases has ${JSON.stringify(p)}, which is not a phase; use ${PHASE_NAMES.join(', ')}`);
    }
    const scenario = choiceOption('run', '--scenario', values.scenario ?? settings.load.scenario, LOAD_SCENARIOS, 'smoke');
    if (phases.includes('load')) checkK6Environment('run', settings, scenario, io.env);
    const progress = createProgress(io, { quiet: values.quiet ?? false, json: values.json ?? false });
    const k6 = phases.includes('load') ? await ensureK6({ log: (line) => progress.step(line) }) : undefined;
    const steps = phaseSteps({
      settings,
      progress,
      env: io.env,
      command: 'run',
      rules: phases.includes('rules') ? { waitForTimeouts: values['wait-timeouts'] ?? false } : undefined,
      contracts: phases.includes('contracts'),
      properties: phases.includes('properties'),
      load: k6 ? { scenario, k6 } : undefined,
    });
    const result = await runPhases({ command: 'run', settings, io, progress, steps, idParts: ['run'], ...(k6 ? { k6 } : {}), json: values.json ?? false });
    return result.outcome === 'passed' && !result.interrupted ? 0 : 1;
  },
};
