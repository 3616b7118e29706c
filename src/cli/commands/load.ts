/** `ccgw load`: one k6 load scenario against the embedded mock or a gateway, written as a run directory. */
import { ratio, resolveSettings, TARGET_OPTIONS } from '../../config/settings.ts';
import { LOAD_SCENARIOS, type LoadScenario } from '../../load-runner/run-k6-scenario.ts';
import { createProgress } from '../../run/progress.ts';
import { runPhases } from '../../run/run-phases.ts';
import { checkK6Environment, phaseSteps } from './phase-steps.ts';
import { ensureK6 } from '../../tools/ensure-k6.ts';
import type { Command } from '../command.ts';
import { targetOptionsHelp, UNREACHABLE_EXIT_HELP } from '../target-help.ts';
import type { CommandIo } from '../../io/command-io.ts';
import { UsageError } from '../../io/errors.ts';
import { choiceOption, integerOption, parseOptions } from '../../io/options.ts';
import { loadDurationProblem } from '../../shared/k6-duration.ts';

const USAGE = `Usage: ccgw load [--scenario NAME] [options]

Runs one k6 load scenario (load/scenarios/) against the embedded mock gateway, or against --gateway. Writes a run
directory (summary.json, junit.xml, report.html, summary.md; k6's own files and its web dashboard in load/).
Every run reports what it was asked to drive and what it achieved (cycles or rounds per second, calls per second,
dropped iterations, busy VUs). throughput runs at a constant arrival rate: when k6 cannot start at least
--min-achieved-ratio of the asked iterations (too few VUs for the gateway's latency, or the generator's CPU), the
run fails, saying what it reached, why and what to do.
Exit 0 when the thresholds, the asked rate and the barge invariant hold, 1 otherwise, 2 on a usage error,
${UNREACHABLE_EXIT_HELP}

Scenarios:
  smoke        a few seconds of each kind of traffic (default; what CI runs)
  barge-storm  rounds in which K inspectors race to barge one agent: exactly one winner per round
  throughput   disjoint inspector/agent pairs barge and cancel at a constant arrival rate
  soak         a closed model over a long time; sessions kept alive by polling and Guid rotation

Options:
  --scenario NAME      ${LOAD_SCENARIOS.join(' | ')} (or CCGW_LOAD_SCENARIO, config load.scenario)
  --duration D         the scenario's time bound, e.g. 30s, 10m (CCGW_LOAD_DURATION)
  --rate N             throughput: barge/cancel cycles per second (CCGW_LOAD_RATE)
  --inspectors N       barge-storm: inspectors racing per round
  --rounds N           barge-storm: rounds per storm group
  --vus N              units of work: storm groups (barge-storm) or inspector/agent pairs
  --min-achieved-ratio R
                       throughput fails when k6 starts less than this share of the asked iterations
                       (default 0.9; CCGW_MIN_ACHIEVED_RATIO, config load.minAchievedRatio)
${targetOptionsHelp()}
  --quiet              print only failures and the result
  --json               print the run summary JSON and nothing else

Examples:
  ccgw load --scenario barge-storm --vus 1 --inspectors 50 --rounds 20
  ccgw load --scenario throughput --rate 200 --duration 1m
  ccgw load --scenario throughput --rate 2000 --vus 99 --min-achieved-ratio 0.95`;

export const loadCommand: Command = {
  name: 'load',
  usage: USAGE,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values } = parseOptions('load', argv, {
      ...TARGET_OPTIONS,
      scenario: { type: 'string' },
      duration: { type: 'string' },
      rate: { type: 'string' },
      inspectors: { type: 'string' },
      rounds: { type: 'string' },
      vus: { type: 'string' },
      'min-achieved-ratio': { type: 'string' },
      quiet: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const durationWrong = values.duration === undefined ? undefined : loadDurationProblem(values.duration);
    if (durationWrong) throw new UsageError('load', `--duration ${JSON.stringify(values.duration)} ${durationWrong}`);
    const base = await resolveSettings('load', values, io);
    const settings = {
      ...base,
      load: {
        ...base.load,
        ...(values.duration ? { duration: values.duration } : {}),
        ...(values.rate ? { rate: integerOption('load', '--rate', values.rate, 1, { min: 1, max: 100_000 }) } : {}),
        ...(values.inspectors ? { inspectors: integerOption('load', '--inspectors', values.inspectors, 1, { min: 1, max: 10_000 }) } : {}),
        ...(values.rounds ? { rounds: integerOption('load', '--rounds', values.rounds, 1, { min: 1, max: 100_000 }) } : {}),
        ...(values.vus ? { vus: integerOption('load', '--vus', values.vus, 1, { min: 1, max: 10_000 }) } : {}),
        ...(values['min-achieved-ratio'] !== undefined ? { minAchievedRatio: ratio('load', '--min-achieved-ratio', values['min-achieved-ratio']) } : {}),
      },
    };
    const scenario: LoadScenario = choiceOption('load', '--scenario', values.scenario ?? settings.load.scenario, LOAD_SCENARIOS, 'smoke');
    checkK6Environment('load', settings, scenario, io.env);
    const progress = createProgress(io, { quiet: values.quiet ?? false, json: values.json ?? false });
    const k6 = await ensureK6({ log: (line) => progress.step(line) });
    const steps = phaseSteps({ settings, progress, env: io.env, command: 'load', rules: undefined, contracts: false, properties: false, load: { scenario, k6 } });
    const result = await runPhases({ command: 'load', settings, io, progress, steps, idParts: [scenario], k6, json: values.json ?? false });
    return result.outcome === 'passed' && !result.interrupted ? 0 : 1;
  },
};
