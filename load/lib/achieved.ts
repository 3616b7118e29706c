/**
 * What a run was asked to drive and what it achieved, from k6's end-of-test data: iterations (barge/cancel cycles,
 * storm rounds) per second, gateway calls per second, the iterations k6 dropped, the VUs busy at the peak.
 *
 * An open-model scenario (constant arrival rate: throughput) fails when it starts less than `minAchievedRatio` of
 * the iterations it was asked to (k6 drops an iteration when no VU is free for it). The verdict says what was
 * reached, why (the VUs were exhausted; whether an iteration's time went to the gateway's answers or to the
 * generator: k6's CPU, the script, its pauses) and what to do. The same bound is a k6 threshold on
 * `dropped_iterations` ({@link droppedBudget}), so k6 exits 99 too. A closed-model scenario (smoke, barge-storm,
 * soak) runs as fast as latency and pauses allow: its achieved rate is reported, never judged.
 *
 * Pure: no k6 import.
 */
import type { Scenario } from 'k6/options';
import type { LoadConfig } from './config-parse.ts';
import { durationMs } from '../../src/shared/k6-duration.ts';
import type { IterationUnit, LoadAchieved, LoadAsked } from '../../src/shared/load-drive.ts';
import { METRIC } from './metric-names.ts';
import type { SummaryData } from './summary.ts';

export type { IterationUnit };

/** What the run was asked to drive (src/shared/load-drive.ts), with what the verdict's notes need. */
export interface AskedLoad extends LoadAsked {
  /** Units of work (pairs, storm groups) the fixtures hold: the most VUs a run can have. */
  readonly fixtureUnits: number;
  /** `CCGW_POLL_PAUSE_MS`, named when pauses cost time. */
  readonly pollPauseMs: number;
  /** The gateway runs on this machine, beside k6 (the embedded mock). */
  readonly loopback: boolean;
}

/** What the run achieved (src/shared/load-drive.ts), with the time of one iteration and the verdict's notes. */
export interface AchievedLoad extends LoadAchieved {
  /** Mean time of one iteration, and of its gateway calls, ms. */
  readonly iterationMs: number;
  readonly gatewayMsPerIteration: number;
  /** What was reached, why and what to do, when not ok. */
  readonly notes: readonly string[];
}

/** Asked and achieved together. */
export interface Drive {
  readonly asked: AskedLoad;
  readonly achieved: AchievedLoad;
}

/** What a scenario asks, from the k6 scenario the script runs and the configuration. */
export function askedOf(config: LoadConfig, scenario: Scenario, unit: IterationUnit, fixtureUnits: number): AskedLoad {
  const common = { unit, fixtureUnits, pollPauseMs: config.timing.pollPauseMs, loopback: config.loopback };
  if (scenario.executor === 'constant-arrival-rate') {
    return { model: 'open', vus: scenario.maxVUs ?? scenario.preAllocatedVUs, duration: scenario.duration, rate: scenario.rate, minAchievedRatio: config.thresholds.minAchievedRatio, ...common };
  }
  const s = scenario as { vus?: number; iterations?: number; maxDuration?: string; duration?: string };
  return { model: 'closed', vus: s.vus ?? config.load.vus, duration: s.maxDuration ?? s.duration ?? config.load.duration, ...(s.iterations !== undefined ? { iterationsPerVu: s.iterations } : {}), ...common };
}

/** The most iterations an open scenario may drop and still pass: the `dropped_iterations` threshold's bound. */
export function droppedBudget(rate: number, duration: string, minAchievedRatio: number): number {
  return Math.floor((1 - minAchievedRatio) * rate * ((durationMs(duration) ?? 0) / 1000) + 1e-9);
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const plural = (unit: IterationUnit) => `${unit}s`;

/** Asked and achieved of a finished run. `share` is this process's part of the test (1 without execution segments). */
export function driveOf(data: SummaryData, asked: AskedLoad, share = 1): Drive {
  const value = (metric: string, stat: string) => data.metrics[metric]?.values?.[stat];
  const iterations = value('iterations', 'count') ?? 0;
  const dropped = value('dropped_iterations', 'count') ?? 0;
  const answers = (value(METRIC.contractOk, 'passes') ?? 0) + (value(METRIC.contractOk, 'fails') ?? 0);
  const calls = Math.max(0, answers - (value(METRIC.cleanupCalls, 'count') ?? 0));
  const measuredMs = value(METRIC.scenarioTime, 'value') ?? value(METRIC.scenarioTime, 'max');
  const seconds = asked.model === 'open' ? (durationMs(asked.duration) ?? 0) / 1000 : (measuredMs ?? data.state?.testRunDurationMs ?? 0) / 1000;
  const vusLimit = value('vus_max', 'max') ?? value('vus_max', 'value') ?? asked.vus;
  const vusPeak = value('vus', 'max') ?? 0;
  const iterationMs = value('iteration_duration', 'avg') ?? 0;
  const callsPerIteration = iterations > 0 ? calls / iterations : 0;
  const gatewayMsPerIteration = callsPerIteration * (value('http_req_duration', 'avg') ?? 0);
  const perSecondOf = (n: number) => (seconds > 0 ? n / seconds : 0);
  const base = { seconds: round(seconds, 3), iterations, calls, callsPerSecond: round(perSecondOf(calls)), dropped, vusPeak, vusLimit, iterationMs: round(iterationMs), gatewayMsPerIteration: round(gatewayMsPerIteration) };
  if (asked.model === 'closed' || asked.rate === undefined) {
    return { asked, achieved: { ...base, perSecond: round(perSecondOf(iterations)), ok: true, notes: [] } };
  }
  const scheduled = asked.rate * share * seconds;
  const started = Math.max(0, Math.min(scheduled, scheduled - dropped));
  const ratio = scheduled > 0 ? started / scheduled : 1;
  const min = asked.minAchievedRatio ?? 0.9;
  const perSecond = round(perSecondOf(started));
  const ok = dropped <= Math.floor((1 - min) * scheduled + 1e-9);
  const achieved: AchievedLoad = { ...base, perSecond, ratio: round(ratio, 4), ok, notes: [] };
  return { asked, achieved: ok ? achieved : { ...achieved, notes: shortfallNotes(asked, achieved, share, callsPerIteration) } };
}

/** Reached, why, what to do: three lines for a run that fell short. */
function shortfallNotes(asked: AskedLoad, a: AchievedLoad, share: number, callsPerIteration: number): string[] {
  const rate = (asked.rate ?? 0) * share;
  const unit = plural(asked.unit);
  const pct = (x: number) => `${round(x * 100)} %`;
  const reached = `reached ${a.perSecond} ${unit}/s of the ${round(rate, 2)} asked (${pct(a.ratio ?? 0)}; at least ${pct(asked.minAchievedRatio ?? 0.9)} required): k6 dropped ${a.dropped} of ${Math.round(rate * a.seconds)} iterations for want of a free VU`;
  const capacity = a.iterationMs > 0 ? (a.vusLimit * 1000) / a.iterationMs : 0;
  const needed = a.iterationMs > 0 ? Math.ceil((rate * a.iterationMs) / 1000 / 0.9) : undefined;
  // Calls sent in parallel (http.batch) overlap, so their summed time can exceed the iteration's.
  const gatewayMs = Math.min(a.gatewayMsPerIteration, a.iterationMs);
  const gatewayBound = a.iterationMs > 0 && gatewayMs / a.iterationMs >= 0.7;
  const time = `an iteration took ${a.iterationMs} ms, about ${round(gatewayMs)} ms of it in ${round(callsPerIteration)} gateway calls as k6 times them${asked.pollPauseMs > 0 ? `, pauses of CCGW_POLL_PAUSE_MS=${asked.pollPauseMs} after polls included in the rest` : ''}`;
  const cause = gatewayBound ? "mostly waiting for the gateway's answers" : "mostly the load generator's own time (k6's CPU, the script, its pauses)";
  const shared = asked.loopback ? '; the gateway runs on this machine, so it and k6 share the CPU, and a request also lasts until k6 gets round to reading its answer' : '';
  const why =
    a.vusPeak >= a.vusLimit
      ? `why: all ${a.vusLimit} VUs were busy: ${time}, so ${a.vusLimit} VUs start at most ${round(capacity)} ${unit}/s: ${cause}${shared}`
      : `why: k6 dropped iterations with ${a.vusPeak} of ${a.vusLimit} VUs busy at the peak: it could not start them on time, so the generator's CPU is short (${time})${shared}`;
  const more = needed === undefined ? 'more VUs' : `about ${needed} VUs (--vus or CCGW_LOAD_VUS${needed > asked.fixtureUnits ? `; the fixtures hold ${asked.fixtureUnits} units, so add accounts` : ''})`;
  const spread = 'spread the rate over more k6 processes, on more machines, with execution segments (load/README.md) or the k6-operator TestRun in load/k8s/testrun.yaml';
  const steps = gatewayBound ? [`give it ${more}`, `${spread} if this machine's CPU is the limit`] : [spread, ...(asked.pollPauseMs > 0 ? ['set CCGW_POLL_PAUSE_MS=0'] : []), `give it ${more} if this machine has CPU to spare`];
  const todo = `what to do: ${steps.join('; ')}; or ask for a rate this run reaches (about ${Math.floor(a.perSecond)} ${unit}/s)`;
  return [reached, why, todo];
}

/** The asked and achieved figures in two lines, for the text summary's top and the reports. */
export function driveLines({ asked, achieved: a }: Drive): string[] {
  const unit = plural(asked.unit);
  if (asked.model === 'open') {
    return [
      `asked: ${asked.rate} ${unit}/s for ${asked.duration} on at most ${asked.vus} VUs (open model: a constant arrival rate)`,
      `achieved: ${a.perSecond} ${unit}/s (${round((a.ratio ?? 0) * 100)} % of asked; ${round((asked.minAchievedRatio ?? 0.9) * 100)} % required), ${a.callsPerSecond} calls/s, ${a.dropped} iterations dropped, ${a.vusPeak} of ${a.vusLimit} VUs busy at the peak`,
    ];
  }
  const perVu = asked.iterationsPerVu === undefined ? '' : ` × ${asked.iterationsPerVu} ${unit}`;
  return [
    `asked: ${asked.vus} VUs${perVu} within ${asked.duration} (closed model: each VU loops; the rate follows latency and pauses, not judged)`,
    `achieved: ${a.iterations} ${unit} in ${round(a.seconds)} s = ${a.perSecond} ${unit}/s, ${a.callsPerSecond} calls/s`,
  ];
}
