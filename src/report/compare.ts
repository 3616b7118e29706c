/**
 * The comparison of two runs, typically the old and the new live gateway before an upgrade (run A is the baseline,
 * run B the candidate). It lists what changed, each finding marked as a regression, an improvement or a change:
 *
 * | finding | regression when | improvement when |
 * |---|---|---|
 * | `outcome` (case matched by id) | passed/skipped → failed, or a new case that fails | failed → passed |
 * | `observed` (same case id) | the gateway answers another retcode or HTTP status in the same situation | – |
 * | `latency` (scenario × operation × p50/p90/p95/p99) | slower by more than the threshold **and** `minAbsoluteMs` | faster by as much |
 * | `throughput` (scenario rps) | dropped by more than the threshold | rose by as much |
 * | `invariant` (scenario) | more violations than before | fewer |
 * | `threshold` (scenario × k6 threshold) | met → crossed | crossed → met |
 *
 * Everything else that differs (a case that disappeared or was skipped, a scenario missing on one side, retcodes
 * that appeared under load) is a `change`: worth reading, not a reason to fail.
 *
 * @example
 * ```ts
 * const result = compareRuns(await readRun('runs/old'), await readRun('runs/new'), { latencyThresholdPct: 20 });
 * if (result.regressed) process.exitCode = 1;
 * ```
 */
import { redactSummary } from './redact.ts';
import type { Case, LoadResult, Outcome, RunSummary } from './run-summary.ts';

/** How a finding weighs: only regressions make `ccgw compare` exit 1. */
export type Severity = 'regression' | 'improvement' | 'change';

/** The latency statistics that are compared (avg and max are too noisy to judge a gateway by). */
export const COMPARED_PERCENTILES = ['p50', 'p90', 'p95', 'p99'] as const;

/** One compared percentile. */
export type ComparedPercentile = (typeof COMPARED_PERCENTILES)[number];

/**
 * What `compareRuns` treats as a real difference.
 *
 * @example
 * ```ts
 * compareRuns(a, b, { latencyThresholdPct: 10, minAbsoluteMs: 5 }); // stricter on percent, laxer on tiny latencies
 * ```
 */
export interface CompareOptions {
  /** A latency percentile counts when it moved by more than this percentage. Default 20. */
  readonly latencyThresholdPct?: number;
  /** …and by more than this many milliseconds (so 1 ms → 2 ms is not +100 %). Default 2. */
  readonly minAbsoluteMs?: number;
  /** Throughput counts when it moved by more than this percentage. Default: `latencyThresholdPct`. */
  readonly rpsThresholdPct?: number;
}

/** A case's outcome in one run, or `absent` when the run does not have the case. */
export type CasePresence = Outcome | 'absent';

/** A case changed outcome, appeared or disappeared. */
export interface OutcomeFinding {
  readonly kind: 'outcome';
  readonly severity: Severity;
  readonly caseId: string;
  readonly title: string;
  readonly phase: string;
  readonly from: CasePresence;
  readonly to: CasePresence;
  /** The first line of B's failure message when B failed, of A's when only A failed. */
  readonly message?: string;
}

/** The gateway answered the same situation (same case id) with another retcode or HTTP status. */
export interface ObservedFinding {
  readonly kind: 'observed';
  readonly severity: 'regression';
  readonly caseId: string;
  readonly title: string;
  readonly phase: string;
  readonly field: 'retcode' | 'httpStatus';
  readonly from: string | number;
  readonly to: string | number;
}

/** A latency percentile moved beyond the threshold. */
export interface LatencyFinding {
  readonly kind: 'latency';
  readonly severity: 'regression' | 'improvement';
  readonly scenario: string;
  readonly operation: string;
  readonly stat: ComparedPercentile;
  readonly fromMs: number;
  readonly toMs: number;
  readonly deltaMs: number;
  /** The change in percent of A's value; null when A's value was 0. */
  readonly deltaPct: number | null;
}

/** A scenario's throughput moved beyond the threshold. */
export interface ThroughputFinding {
  readonly kind: 'throughput';
  readonly severity: 'regression' | 'improvement';
  readonly scenario: string;
  readonly fromRps: number;
  readonly toRps: number;
  /** The change in percent of A's value; null when A's value was 0. */
  readonly deltaPct: number | null;
}

/** A scenario's invariant was violated more (or less) often. */
export interface InvariantFinding {
  readonly kind: 'invariant';
  readonly severity: 'regression' | 'improvement';
  readonly scenario: string;
  readonly from: number;
  readonly to: number;
  /** B's violation detail (or A's when B has none). */
  readonly detail?: readonly string[];
}

/** A k6 threshold that was met is now crossed, or the other way round. */
export interface ThresholdFinding {
  readonly kind: 'threshold';
  readonly severity: 'regression' | 'improvement';
  readonly scenario: string;
  readonly metric: string;
  readonly expression: string;
  readonly fromOk: boolean;
  readonly toOk: boolean;
  readonly toValue?: number;
}

/** A load scenario ran in only one of the runs. */
export interface ScenarioFinding {
  readonly kind: 'scenario';
  readonly severity: 'change';
  readonly scenario: string;
  readonly presentIn: 'a' | 'b';
}

/** Under load, an operation got a retcode in only one of the runs. */
export interface LoadRetcodeFinding {
  readonly kind: 'load-retcode';
  readonly severity: 'change';
  readonly scenario: string;
  readonly operation: string;
  readonly retcode: string;
  readonly fromCount: number;
  readonly toCount: number;
}

/**
 * One difference between two runs; `kind` tells which.
 *
 * @example
 * ```ts
 * for (const f of result.findings) if (f.kind === 'observed') console.log(`${f.caseId}: ${f.from} → ${f.to}`);
 * ```
 */
export type Finding = OutcomeFinding | ObservedFinding | LatencyFinding | ThroughputFinding | InvariantFinding | ThresholdFinding | ScenarioFinding | LoadRetcodeFinding;

/** What identifies a run in a comparison. */
export interface RunSide {
  readonly runId: string;
  readonly startedAt: string;
  readonly outcome: RunSummary['outcome'];
  readonly target: RunSummary['target'];
  readonly toolVersion: string;
}

/**
 * The result of `compareRuns`; `ccgw compare --json` prints it as it is.
 *
 * @example
 * ```ts
 * const { regressed, counts } = compareRuns(a, b); // counts: { regression: 3, improvement: 0, change: 1 }
 * ```
 */
export interface RunComparison {
  /** The baseline (e.g. the old gateway). */
  readonly a: RunSide;
  /** The candidate (e.g. the new gateway). */
  readonly b: RunSide;
  /** The options in effect, defaults filled in. */
  readonly options: Required<CompareOptions>;
  /** True when any finding is a regression: `ccgw compare` exits 1. */
  readonly regressed: boolean;
  /** Findings per severity. */
  readonly counts: Readonly<Record<Severity, number>>;
  /** Every finding: regressions first, then improvements, then changes; in run order within each. */
  readonly findings: readonly Finding[];
  /** Differences in how the runs were made that explain findings (another profile, another ccgw version). */
  readonly notes: readonly string[];
}

/** The defaults of `CompareOptions`. */
export const DEFAULT_COMPARE_OPTIONS = { latencyThresholdPct: 20, minAbsoluteMs: 2 } as const;

function checkOptions(options: CompareOptions): Required<CompareOptions> {
  const latencyThresholdPct = options.latencyThresholdPct ?? DEFAULT_COMPARE_OPTIONS.latencyThresholdPct;
  const minAbsoluteMs = options.minAbsoluteMs ?? DEFAULT_COMPARE_OPTIONS.minAbsoluteMs;
  const rpsThresholdPct = options.rpsThresholdPct ?? latencyThresholdPct;
  for (const [name, value] of Object.entries({ latencyThresholdPct, minAbsoluteMs, rpsThresholdPct })) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`compareRuns: ${name} ${String(value)} is not valid; use a number ≥ 0`);
  }
  return { latencyThresholdPct, minAbsoluteMs, rpsThresholdPct };
}

interface Located {
  readonly phase: string;
  readonly c: Case;
}

function casesById(s: RunSummary): Map<string, Located> {
  const map = new Map<string, Located>();
  for (const p of s.phases) for (const c of p.cases) map.set(c.id, { phase: p.name, c });
  return map;
}

function loadsByScenario(s: RunSummary): Map<string, LoadResult> {
  const map = new Map<string, LoadResult>();
  for (const p of s.phases) for (const l of p.load ?? []) map.set(l.scenario, l);
  return map;
}

function firstLineOf(text: string | undefined): string | undefined {
  const line = text?.split(/\r?\n/).find((l) => l.trim() !== '')?.trim();
  return line === undefined ? undefined : line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function outcomeSeverity(from: CasePresence, to: CasePresence): Severity {
  if (to === 'failed' && from !== 'failed') return 'regression';
  if (from === 'failed' && to === 'passed') return 'improvement';
  return 'change';
}

function compareCases(a: RunSummary, b: RunSummary): Finding[] {
  const before = casesById(a);
  const after = casesById(b);
  const findings: Finding[] = [];
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
  for (const id of ids) {
    const x = before.get(id);
    const y = after.get(id);
    const from: CasePresence = x?.c.outcome ?? 'absent';
    const to: CasePresence = y?.c.outcome ?? 'absent';
    const where = (y ?? x) as Located;
    if (from !== to) {
      const message = firstLineOf(y?.c.failure?.message ?? (to === 'skipped' ? y?.c.skipReason : undefined) ?? x?.c.failure?.message);
      findings.push({ kind: 'outcome', severity: outcomeSeverity(from, to), caseId: id, title: where.c.title, phase: where.phase, from, to, ...(message === undefined ? {} : { message }) });
    }
    for (const field of ['retcode', 'httpStatus'] as const) {
      const was = x?.c.observed?.[field];
      const now = y?.c.observed?.[field];
      if (was !== undefined && now !== undefined && was !== now) {
        findings.push({ kind: 'observed', severity: 'regression', caseId: id, title: where.c.title, phase: where.phase, field, from: was, to: now });
      }
    }
  }
  return findings;
}

function pct(from: number, to: number): number | null {
  return from === 0 ? null : ((to - from) / from) * 100;
}

function compareLoad(l1: LoadResult, l2: LoadResult, o: Required<CompareOptions>): Finding[] {
  const findings: Finding[] = [];
  const scenario = l2.scenario;
  for (const operation of Object.keys(l2.latencyMs)) {
    const s1 = l1.latencyMs[operation];
    const s2 = l2.latencyMs[operation];
    if (!s1 || !s2) continue;
    for (const stat of COMPARED_PERCENTILES) {
      const fromMs = s1[stat];
      const toMs = s2[stat];
      const deltaMs = toMs - fromMs;
      const deltaPct = pct(fromMs, toMs);
      const beyond = Math.abs(deltaMs) > o.minAbsoluteMs && (deltaPct === null || Math.abs(deltaPct) > o.latencyThresholdPct);
      if (beyond) findings.push({ kind: 'latency', severity: deltaMs > 0 ? 'regression' : 'improvement', scenario, operation, stat, fromMs, toMs, deltaMs, deltaPct });
    }
  }
  const rpsPct = pct(l1.rps, l2.rps);
  if (rpsPct !== null && Math.abs(rpsPct) > o.rpsThresholdPct) {
    findings.push({ kind: 'throughput', severity: rpsPct < 0 ? 'regression' : 'improvement', scenario, fromRps: l1.rps, toRps: l2.rps, deltaPct: rpsPct });
  }
  const v1 = l1.invariant.violations;
  const v2 = l2.invariant.violations;
  if (v1 !== v2) {
    const detail = v2 > 0 ? l2.invariant.detail : l1.invariant.detail;
    findings.push({ kind: 'invariant', severity: v2 > v1 ? 'regression' : 'improvement', scenario, from: v1, to: v2, ...(detail ? { detail } : {}) });
  }
  for (const t2 of l2.thresholds) {
    const t1 = l1.thresholds.find((t) => t.metric === t2.metric && t.expression === t2.expression);
    if (t1 && t1.ok !== t2.ok) {
      findings.push({ kind: 'threshold', severity: t2.ok ? 'improvement' : 'regression', scenario, metric: t2.metric, expression: t2.expression, fromOk: t1.ok, toOk: t2.ok, ...(t2.value === undefined ? {} : { toValue: t2.value }) });
    }
  }
  for (const operation of new Set([...Object.keys(l1.retcodes), ...Object.keys(l2.retcodes)])) {
    const c1 = l1.retcodes[operation] ?? {};
    const c2 = l2.retcodes[operation] ?? {};
    for (const retcode of new Set([...Object.keys(c1), ...Object.keys(c2)])) {
      const fromCount = c1[retcode] ?? 0;
      const toCount = c2[retcode] ?? 0;
      if ((fromCount === 0) !== (toCount === 0)) findings.push({ kind: 'load-retcode', severity: 'change', scenario, operation, retcode, fromCount, toCount });
    }
  }
  return findings;
}

function compareLoads(a: RunSummary, b: RunSummary, o: Required<CompareOptions>): Finding[] {
  const before = loadsByScenario(a);
  const after = loadsByScenario(b);
  const findings: Finding[] = [];
  for (const [scenario, l2] of after) {
    const l1 = before.get(scenario);
    if (l1) findings.push(...compareLoad(l1, l2, o));
    else findings.push({ kind: 'scenario', severity: 'change', scenario, presentIn: 'b' });
  }
  for (const scenario of before.keys()) {
    if (!after.has(scenario)) findings.push({ kind: 'scenario', severity: 'change', scenario, presentIn: 'a' });
  }
  return findings;
}

function side(s: RunSummary): RunSide {
  return { runId: s.runId, startedAt: s.startedAt, outcome: s.outcome, target: s.target, toolVersion: s.tool.version };
}

function notesOf(a: RunSummary, b: RunSummary): string[] {
  const notes: string[] = [];
  if (a.target.profile !== b.target.profile) notes.push(`The runs expected different profiles (${a.target.profile} vs ${b.target.profile}): retcode differences may come from the profiles, not the gateways.`);
  if (a.target.kind !== b.target.kind) notes.push(`Run A is against a ${a.target.kind} gateway and run B against a ${b.target.kind} one.`);
  if (a.target.auth !== b.target.auth) notes.push(`The runs used different auth modes (${a.target.auth} vs ${b.target.auth}).`);
  if ((a.target.faults ?? '') !== (b.target.faults ?? '')) notes.push(`The runs injected different faults (${a.target.faults ?? 'none'} vs ${b.target.faults ?? 'none'}).`);
  if (a.tool.version !== b.tool.version) notes.push(`The runs were made by different ccgw versions (${a.tool.version} vs ${b.tool.version}).`);
  if ((a.tool.k6 ?? '') !== (b.tool.k6 ?? '') && a.tool.k6 && b.tool.k6) notes.push(`The runs used different k6 versions (${a.tool.k6} vs ${b.tool.k6}).`);
  return notes;
}

const ORDER: Record<Severity, number> = { regression: 0, improvement: 1, change: 2 };

/**
 * Compares run A (baseline) with run B (candidate). Both summaries are redacted first, so the comparison and its
 * renderings carry no secrets.
 *
 * @example
 * ```ts
 * const { regressed, findings } = compareRuns(oldRun, newRun, { latencyThresholdPct: 20, minAbsoluteMs: 2 });
 * ```
 */
export function compareRuns(runA: RunSummary, runB: RunSummary, options: CompareOptions = {}): RunComparison {
  const o = checkOptions(options);
  const a = redactSummary(runA);
  const b = redactSummary(runB);
  const findings = [...compareCases(a, b), ...compareLoads(a, b, o)]
    .map((f, i) => ({ f, i }))
    .sort((x, y) => ORDER[x.f.severity] - ORDER[y.f.severity] || x.i - y.i)
    .map(({ f }) => f);
  const counts = { regression: 0, improvement: 0, change: 0 };
  for (const f of findings) counts[f.severity]++;
  return { a: side(a), b: side(b), options: o, regressed: counts.regression > 0, counts, findings, notes: notesOf(a, b) };
}
