/**
 * `ccgw verify`: verifies a gateway (the embedded mock by default) against the contract: the rule suite and the
 * committed pact, and with `--properties` the property-based checks. Writes a run directory.
 */
import { resolveSettings, TARGET_OPTIONS } from '../../config/settings.ts';
import { createProgress } from '../../run/progress.ts';
import { runPhases, type PhaseStep } from '../../run/run-phases.ts';
import type { Command } from '../command.ts';
import { targetOptionsHelp, UNREACHABLE_EXIT_HELP } from '../target-help.ts';
import type { CommandIo } from '../../io/command-io.ts';
import { parseOptions } from '../../io/options.ts';
import { phaseSteps, PROPERTIES_USAGE, RULES_USAGE, withSeed } from './phase-steps.ts';

const USAGE = `Usage: ccgw verify [--rules] [--contracts] [--properties] [options]

Verifies a gateway against the contract and writes a run directory (summary.json, junit.xml, report.html,
summary.md). Without --gateway it checks the embedded mock gateway.
${RULES_USAGE}
  --contracts    the committed pact (contracts/pacts/qc-console-cc-gateway.json): provider states set through
                 the mock's admin API, or on a gateway through its public calls only (sign-in, sayfree, saybusy,
                 logout, cancel) on the fixtures' accounts; the CTI faults (900-001, 900-003) are then skipped
${PROPERTIES_USAGE}
  --seed N       replay the properties with the seed a failure printed
With none of --rules, --contracts, --properties: --rules and --contracts. Exit 0 when everything passed (skipped
is not passed, but does not fail), 1 when the gateway broke the contract, 2 on a usage error,
${UNREACHABLE_EXIT_HELP}
Every account the run touched is signed out at the end, also after a failure or Ctrl-C.

Options:
${targetOptionsHelp()}
  --wait-timeouts      see --rules
  --quiet              print only failures and the result
  --json               print the run summary JSON and nothing else

Examples:
  ccgw verify
  ccgw verify --rules --gateway http://127.0.0.1:8000          # a ccgw mock: its own accounts
  ccgw verify --gateway https://10.0.0.5:8043 --fixtures qa-accounts.json --live --ca gw-ca.pem
  ccgw verify --properties --gateway http://127.0.0.1:8000 --fixtures src/fixtures/demo.json`;

export const verifyCommand: Command = {
  name: 'verify',
  usage: USAGE,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values } = parseOptions('verify', argv, {
      ...TARGET_OPTIONS,
      rules: { type: 'boolean' },
      contracts: { type: 'boolean' },
      properties: { type: 'boolean' },
      seed: { type: 'string' },
      'wait-timeouts': { type: 'boolean' },
      quiet: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const settings = withSeed('verify', await resolveSettings('verify', values, io), values.seed);
    const progress = createProgress(io, { quiet: values.quiet ?? false, json: values.json ?? false });
    const none = !values.rules && !values.contracts && !values.properties;
    const steps: PhaseStep[] = phaseSteps({
      command: 'verify',
      settings,
      progress,
      env: io.env,
      rules: values.rules || none ? { waitForTimeouts: values['wait-timeouts'] ?? false } : undefined,
      contracts: (values.contracts ?? false) || none,
      properties: values.properties ?? false,
      load: undefined,
    });
    const result = await runPhases({ command: 'verify', settings, io, progress, steps, idParts: ['verify'], json: values.json ?? false });
    return result.outcome === 'passed' && !result.interrupted ? 0 : 1;
  },
};
