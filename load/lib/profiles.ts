/**
 * Load profiles as named exports: the shape of the traffic, each bounded in iterations **and** time. A scenario
 * script picks one, gives it the configured knobs, and passes it to {@link optionsFor} together with the
 * thresholds its unit kind needs.
 *
 * | Profile | Executor | Bounded by |
 * |---|---|---|
 * | {@link smoke} | per-vu-iterations | `iterations` per VU, `duration` as maxDuration |
 * | {@link stormRounds} | per-vu-iterations (one storm group per VU, one round per iteration) | rounds, maxDuration |
 * | {@link constantArrivalRate} | constant-arrival-rate (open model, one pair per VU) | rate × duration, maxVUs |
 * | {@link soak} | per-vu-iterations (closed model) | iterations per VU, maxDuration |
 *
 * Pure: the option objects are plain data typed by `k6/options`.
 */
import type { Options, Scenario, Threshold } from 'k6/options';
import { droppedBudget } from './achieved.ts';
import type { LoadConfig, LoadKnobs } from './config-parse.ts';
import { METRIC, callDuration } from './metric-names.ts';

/** Smoke: a few iterations per VU, for CI. */
export function smoke(load: LoadKnobs): Scenario {
  return { executor: 'per-vu-iterations', vus: load.vus, iterations: load.iterations, maxDuration: load.duration, gracefulStop: '10s' };
}

/** Storm rounds: each VU owns one storm group and runs `iterations` rounds; in each round its K inspectors race. */
export function stormRounds(load: LoadKnobs): Scenario {
  return { executor: 'per-vu-iterations', vus: load.vus, iterations: load.iterations, maxDuration: load.duration, gracefulStop: '30s' };
}

/**
 * Constant arrival rate: `rate` barge-and-cancel iterations per second for `duration`, over at most `vus`
 * disjoint pairs (VUs). Iterations that find no free VU are dropped (and counted by k6 as `dropped_iterations`).
 */
export function constantArrivalRate(load: LoadKnobs): Scenario {
  return {
    executor: 'constant-arrival-rate',
    rate: load.rate,
    timeUnit: '1s',
    duration: load.duration,
    preAllocatedVUs: load.vus,
    maxVUs: load.vus,
    gracefulStop: '30s',
  };
}

/**
 * Soak: a closed model; each VU keeps its pair signed in (polling, Guid rotation) and runs `iterations`
 * barge-and-cancel cycles with `thinkMs` between them, within `duration`.
 */
export function soak(load: LoadKnobs): Scenario {
  return { executor: 'per-vu-iterations', vus: load.vus, iterations: load.iterations, maxDuration: load.duration, gracefulStop: '60s' };
}

/** Which units the scenario's VUs own; storms add the one-winner threshold. */
export type UnitKind = 'storm' | 'pairs';

/** The thresholds of a run. Live runs abort on the error-rate and invariant thresholds (`abortOnFail`). */
export function thresholdsFor(config: LoadConfig, kind: UnitKind): Record<string, Threshold[]> {
  const { p95Ms, p99Ms, maxErrorRate } = config.thresholds;
  const guard = (threshold: string): Threshold => (config.live ? { threshold, abortOnFail: true, delayAbortEval: '10s' } : threshold);
  const t: Record<string, Threshold[]> = {
    http_req_failed: [guard(`rate<=${maxErrorRate}`)],
    checks: [`rate>=${1 - maxErrorRate}`],
    [METRIC.contractOk]: [guard(`rate>=${1 - maxErrorRate}`)],
    [METRIC.unexpectedAnswer]: [guard(`rate<=${maxErrorRate}`)],
    [METRIC.eventsOnTime]: [`rate>=${1 - maxErrorRate}`],
    [callDuration('addInsert')]: [`p(95)<${p95Ms}`, `p(99)<${p99Ms}`],
    [callDuration('cancelInsert')]: [`p(95)<${p95Ms}`, `p(99)<${p99Ms}`],
    [callDuration('signIn')]: [`p(99)<${Math.max(p99Ms, 2000)}`],
    [METRIC.bargeOk]: ['count>=1'],
    [METRIC.invariantViolations]: [guard('count==0')],
    [METRIC.auditViolations]: ['count==0'],
    [METRIC.cleanupFailures]: ['count==0'],
  };
  if (kind === 'storm') t[METRIC.stormOneWinner] = [guard('rate==1')];
  return t;
}

/**
 * The k6 options of a run: one scenario named after the script, the thresholds, the live rate cap (`rps`), TLS
 * and batch settings, and setup/teardown time bounds scaled to the number of accounts. No test-wide tags: k6 tags
 * every sample with its `scenario` already, and each tag more costs every sample of every call. An open-model scenario
 * (constant arrival rate) adds `dropped_iterations: count<=N`: k6 may drop at most `1 − CCGW_MIN_ACHIEVED_RATIO` of
 * the iterations asked (see `achieved.ts`; with execution segments each process gets the whole test's budget, and
 * its summary judges its own share).
 */
export function optionsFor(config: LoadConfig, name: string, scenario: Scenario, kind: UnitKind): Options {
  const perUnit = kind === 'storm' ? config.load.inspectorsPerGroup + 1 : 2;
  const accounts = config.load.vus * perUnit;
  // Teardown makes up to 3 calls per account; under a live rate cap that bounds its duration.
  const teardownSeconds = Math.ceil(60 + (config.maxRps ? (3 * accounts) / config.maxRps : accounts * 0.05));
  const thresholds = thresholdsFor(config, kind);
  if (scenario.executor === 'constant-arrival-rate') thresholds['dropped_iterations'] = [`count<=${droppedBudget(scenario.rate, scenario.duration, config.thresholds.minAchievedRatio)}`];
  return {
    scenarios: { [name]: scenario },
    thresholds,
    ...(config.maxRps !== undefined ? { rps: config.maxRps } : {}),
    insecureSkipTLSVerify: config.insecureTls,
    batch: Math.max(20, perUnit),
    batchPerHost: Math.max(20, perUnit),
    setupTimeout: '120s',
    teardownTimeout: `${teardownSeconds}s`,
    summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
  };
}
