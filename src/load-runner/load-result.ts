/**
 * The report's view of one k6 run (`LoadResult`): thresholds (with their units), the barge invariant and what the
 * run was asked and achieved from the k6 JSON summary (written by `load/lib/summary.ts`; `load/lib/achieved.ts`
 * judges the achieved rate, this module copies its figures), latencies, retcodes and the timeline from the CSV
 * samples.
 */
import type { LatencyStats, LoadAchieved, LoadAsked, LoadResult, ThresholdResult } from '../report/run-summary.ts';
import { percentile, type K6Samples } from './k6-samples.ts';

/** The fields of the k6 JSON summary this module reads. */
export interface K6JsonSummary {
  readonly scenario: string;
  readonly passed: boolean;
  readonly durationMs?: number;
  readonly thresholds: ReadonlyArray<{ metric: string; expression: string; ok: boolean; values?: Record<string, number> }>;
  readonly invariant: { barges: number; cancels: number; openAtEnd: number; violations: number; auditViolations: number; holds: boolean };
  readonly metrics: Readonly<Record<string, { type?: string; contains?: string; values?: Record<string, number> }>>;
  /** Asked and achieved (`load/lib/achieved.ts`), when the scenario named what it asked. */
  readonly drive?: { readonly asked: LoadAsked & Record<string, unknown>; readonly achieved: LoadAchieved & Record<string, unknown> };
}

/** The unit of a k6 metric's values, from its type: times in ms, rates as fractions, counters as counts. */
function unitOf(metric: { type?: string; contains?: string } | undefined): ThresholdResult['unit'] {
  if (metric?.contains === 'time') return 'ms';
  if (metric?.type === 'rate') return 'fraction';
  if (metric?.type === 'counter') return 'count';
  return undefined;
}

/** The asked and achieved figures the run summary keeps (the k6 side adds context for its own messages). */
function driveOf(drive: K6JsonSummary['drive']): { asked?: LoadAsked; achieved?: LoadAchieved } {
  if (!drive) return {};
  const { model, unit, vus, duration, rate, iterationsPerVu, minAchievedRatio, pollPauseMs } = drive.asked;
  const { seconds, iterations, perSecond, calls, callsPerSecond, dropped, vusPeak, vusLimit, ratio, ok, notes } = drive.achieved;
  const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    asked: defined({ model, unit, vus, duration, rate, iterationsPerVu, minAchievedRatio, pollPauseMs }),
    achieved: defined({ seconds, iterations, perSecond, calls, callsPerSecond, dropped, vusPeak, vusLimit, ratio, ok, notes: notes?.length ? notes : undefined }),
  };
}

function stats(values: number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const avg = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0;
  return {
    avg: round(avg),
    p50: round(percentile(sorted, 0.5)),
    p90: round(percentile(sorted, 0.9)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

/** The measured value a threshold expression speaks of, e.g. `p(95)<500` → values['p(95)']. */
function thresholdValue(expression: string, values: Record<string, number> | undefined): number | undefined {
  const stat = /^\s*([a-z]+(?:\(\d+(?:\.\d+)?\))?)/.exec(expression)?.[1];
  return stat !== undefined ? values?.[stat] : undefined;
}

/** Builds the report's LoadResult. */
export function loadResultOf(summary: K6JsonSummary, samples: K6Samples): LoadResult {
  const durationMs = Math.round(summary.durationMs ?? 0);
  const latencyMs: Record<string, LatencyStats> = {};
  const all: number[] = [];
  for (const [op, values] of [...samples.latencies].sort(([a], [b]) => (a < b ? -1 : 1))) {
    latencyMs[op] = stats(values);
    for (const v of values) all.push(v);
  }
  if (all.length) latencyMs['all'] = stats(all);
  const calls = all.length;
  const firstSecond = Math.min(...samples.seconds.keys());
  const timeline = [...samples.seconds]
    .sort(([a], [b]) => a - b)
    .map(([t, s]) => ({ t: t - firstSecond, rps: s.calls, p95Ms: Math.round(percentile([...s.durations].sort((a, b) => a - b), 0.95) * 1000) / 1000, errors: s.errors }));
  const thresholds: ThresholdResult[] = summary.thresholds.map((t) => {
    const value = thresholdValue(t.expression, t.values);
    const unit = unitOf(summary.metrics[t.metric]);
    return { metric: t.metric, expression: t.expression, ok: t.ok, ...(value !== undefined ? { value } : {}), ...(unit ? { unit } : {}) };
  });
  const inv = summary.invariant;
  const detail = [
    `${inv.barges} successful barges, ${inv.cancels} successful cancels, ${inv.openAtEnd} open at the end`,
    ...(inv.violations ? [`${inv.violations} times an agent had barges minus cancels outside 0..1`] : []),
    ...(inv.auditViolations ? [`the mock's audit saw ${inv.auditViolations} invariant violations`] : []),
  ];
  return {
    scenario: summary.scenario,
    iterations: summary.metrics['iterations']?.values?.['count'] ?? 0,
    durationMs,
    rps: durationMs > 0 ? Math.round((calls / (durationMs / 1000)) * 10) / 10 : 0,
    latencyMs,
    retcodes: samples.retcodes,
    checksRate: summary.metrics['checks']?.values?.['rate'] ?? 1,
    errorRate: summary.metrics['ccgw_unexpected_answer']?.values?.['rate'] ?? summary.metrics['http_req_failed']?.values?.['rate'] ?? 0,
    thresholds,
    invariant: { violations: inv.violations + inv.auditViolations, detail },
    timeline,
    ...driveOf(summary.drive),
  };
}
