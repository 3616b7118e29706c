/**
 * The comparison of two runs, typically the old and the new live gateway before an upgrade (run A is the baseline,
 * run B the candidate). It lists what changed, each finding marked as a regression, an improvement or a change:
 *
 * | finding | regression when | improvement when |
 * |---|---|---|
 * | `outcome` (case matched by id) | passed/skipped → failed, or a new case that fails | failed → passed |
 * | `observed` (same case id) | the gateway answers another retcode or HTTP status in the same situation | – |
 * | `rule` (coverage row matched by rule id) | passed/skipped/absent → failed | failed → passed |
 * | `latency` (scenario × operation, raw samples) | Mann–Whitney U finds B slower at α **and** the Hodges–Lehmann shift is ≥ the threshold % of A's median **and** ≥ `minAbsoluteMs` | the mirror: faster at α, by as much |
 * | `invariant` (scenario) | more violations than before | fewer |
 * | `threshold` (scenario × k6 threshold) | met → crossed | crossed → met |
 *
 * Everything else that differs is a `change`: worth reading, not a reason to fail. Among them:
 * - `latency-not-judged`: an operation with fewer than `MIN_SAMPLES` calls in either run ("too few samples to
 *   judge"), or a scenario whose raw samples one run lacks (a run written before they were kept, a deleted file).
 *   Percentiles are then shown for information, never judged: their noise is what made two runs of one gateway
 *   look "REGRESSED" (see compare-latency.ts for the rule).
 * - `achieved` (scenario): the runs were asked to drive different loads (then nothing below compares like with like),
 *   or one reached its asked rate and the other did not, or the achieved rate moved beyond `rpsThresholdPct`. A run
 *   that fell short already fails (its case and its `dropped_iterations` threshold say so); this names the figures.
 * - `throughput` (scenario rps beyond the threshold): one number per run has no noise estimate to test against,
 *   and it does not measure the gateway alone: closed scenarios (smoke, barge-storm, soak) run as fast as latency
 *   and their sleeps allow, the open one (throughput) at its configured arrival rate. A slower gateway shows in the
 *   latency test and in the k6 thresholds (p95/p99 bounds, error, check and on-time-event rates), which are judged.
 * - rules and cases that appeared, disappeared or were skipped; a scenario in one run only; retcodes that
 *   appeared under load.
 */
import { judgeLatency, type LatencyRow, type LatencySide, type LatencyTest } from './compare-latency.ts';
import { redactSummary } from './redact.ts';
import { describeTargetKind } from './format.ts';
import type { Case, LoadAchieved, LoadAsked, LoadResult, Outcome, RuleCoverage, RunSummary, TargetKind } from './run-summary.ts';
import { isLoopbackUrl } from '../shared/live-target.ts';

/** How a finding weighs: only regressions make `ccgw compare` exit 1. */
export type Severity = 'regression' | 'improvement' | 'change';

/** What `compareRuns` treats as a real difference. */
export interface CompareOptions {
  /** A latency shift counts from this percentage of A's median. Default 20. */
  readonly latencyThresholdPct?: number;
  /** …and from this many milliseconds (so 1 ms → 2 ms is not +100 %). Default 5. */
  readonly minAbsoluteMs?: number;
  /** The one-sided significance level of the latency test, from `MIN_ALPHA` to below 0.5. Default 0.01. */
  readonly alpha?: number;
  /** Throughput changes are listed beyond this percentage. Default: `latencyThresholdPct`. */
  readonly rpsThresholdPct?: number;
}

/**
 * The raw latencies of one run's load scenarios (see `readRunLatencies` in src/load-runner): per scenario name,
 * the milliseconds of each call per operation, or why the run has none.
 */
export type RunLatencies = ReadonlyMap<string, ScenarioLatencies>;

/** One scenario's raw latencies per operation, or why there are none. */
export type ScenarioLatencies = { readonly byOperation: ReadonlyMap<string, readonly number[]> } | { readonly missing: string };

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

/** A coverage row (a rule of src/domain) whose outcome changed, appeared or disappeared. */
export interface RuleFinding {
  readonly kind: 'rule';
  readonly severity: Severity;
  /** The rule id, e.g. `addInsert.targetNotSignedIn`. */
  readonly rule: string;
  /** The rule's situation, e.g. `the target is not signed in`. */
  readonly title: string;
  readonly from: CasePresence;
  readonly to: CasePresence;
  /** B's detail of the rule (expected against observed, or the skip reason); A's when B has none. */
  readonly detail?: string;
}

/** An operation is significantly slower (or faster) by at least the floor; see compare-latency.ts. */
export interface LatencyFinding {
  readonly kind: 'latency';
  readonly severity: 'regression' | 'improvement';
  readonly scenario: string;
  readonly operation: string;
  readonly a: LatencySide;
  readonly b: LatencySide;
  readonly test: LatencyTest;
}

/** Latency that could not be judged: too few calls of an operation, or no raw samples of a scenario. */
export interface LatencyNotJudgedFinding {
  readonly kind: 'latency-not-judged';
  readonly severity: 'change';
  readonly scenario: string;
  /** The operation (too few samples); absent when the whole scenario lacks raw samples. */
  readonly operation?: string;
  readonly reason: 'too-few-samples' | 'no-raw-samples';
  /** Calls in A and B (too few samples). */
  readonly nA?: number;
  readonly nB?: number;
  /** Why there are no raw samples, per run. */
  readonly detail?: string;
}

/** A scenario's throughput moved beyond the threshold: listed, never judged (see the module doc). */
export interface ThroughputFinding {
  readonly kind: 'throughput';
  readonly severity: 'change';
  readonly scenario: string;
  readonly fromRps: number;
  readonly toRps: number;
  /** The change in percent of A's value; null when A's value was 0. */
  readonly deltaPct: number | null;
}

/** What a scenario was asked to drive, or what it achieved, differs between the runs: listed, never judged. */
export interface AchievedFinding {
  readonly kind: 'achieved';
  readonly severity: 'change';
  readonly scenario: string;
  readonly from: { readonly asked: LoadAsked; readonly achieved: LoadAchieved };
  readonly to: { readonly asked: LoadAsked; readonly achieved: LoadAchieved };
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

/** One difference between two runs; `kind` tells which. */
export type Finding =
  | OutcomeFinding
  | ObservedFinding
  | RuleFinding
  | LatencyFinding
  | LatencyNotJudgedFinding
  | ThroughputFinding
  | AchievedFinding
  | InvariantFinding
  | ThresholdFinding
  | ScenarioFinding
  | LoadRetcodeFinding;

/** What identifies a run in a comparison. */
export interface RunSide {
  readonly runId: string;
  readonly startedAt: string;
  readonly outcome: RunSummary['outcome'];
  readonly target: RunSummary['target'];
  readonly toolVersion: string;
}

/** The result of `compareRuns`; `ccgw compare --json` prints it as it is. */
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
  /** Every operation of every scenario both runs have, judged or not, in scenario order and by operation name. */
  readonly latency: readonly LatencyRow[];
  /** Differences in how the runs were made that explain findings (another profile, another ccgw version). */
  readonly notes: readonly string[];
}

/** The smallest significance level: below it the (1 − 2α) interval would round to 100 %. */
export const MIN_ALPHA = 1e-9;

/** The defaults of `CompareOptions`. */
export const DEFAULT_COMPARE_OPTIONS = { latencyThresholdPct: 20, minAbsoluteMs: 5, alpha: 0.01 } as const;

function checkOptions(options: CompareOptions): Required<CompareOptions> {
  const latencyThresholdPct = options.latencyThresholdPct ?? DEFAULT_COMPARE_OPTIONS.latencyThresholdPct;
  const minAbsoluteMs = options.minAbsoluteMs ?? DEFAULT_COMPARE_OPTIONS.minAbsoluteMs;
  const alpha = options.alpha ?? DEFAULT_COMPARE_OPTIONS.alpha;
  const rpsThresholdPct = options.rpsThresholdPct ?? latencyThresholdPct;
  for (const [name, value] of Object.entries({ latencyThresholdPct, minAbsoluteMs, rpsThresholdPct })) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`compareRuns: ${name} ${String(value)} is not valid; use a number ≥ 0`);
  }
  if (!(alpha >= MIN_ALPHA && alpha < 0.5)) throw new RangeError(`compareRuns: alpha ${String(alpha)} is not valid; use a number from ${MIN_ALPHA} to below 0.5, e.g. 0.01`);
  return { latencyThresholdPct, minAbsoluteMs, alpha, rpsThresholdPct };
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

function coverageByRule(s: RunSummary): Map<string, RuleCoverage> {
  const map = new Map<string, RuleCoverage>();
  for (const p of s.phases) for (const row of p.coverage ?? []) if (!map.has(row.rule)) map.set(row.rule, row);
  return map;
}

function compareCoverage(a: RunSummary, b: RunSummary): Finding[] {
  const before = coverageByRule(a);
  const after = coverageByRule(b);
  const findings: Finding[] = [];
  for (const rule of [...after.keys(), ...[...before.keys()].filter((r) => !after.has(r))]) {
    const x = before.get(rule);
    const y = after.get(rule);
    const from: CasePresence = x?.outcome ?? 'absent';
    const to: CasePresence = y?.outcome ?? 'absent';
    if (from === to) continue;
    const detail = firstLineOf(y?.detail ?? x?.detail);
    findings.push({ kind: 'rule', severity: outcomeSeverity(from, to), rule, title: (y ?? x)!.title, from, to, ...(detail === undefined ? {} : { detail }) });
  }
  return findings;
}

function pct(from: number, to: number): number | null {
  return from === 0 ? null : ((to - from) / from) * 100;
}

/** The rows and findings of one scenario's latency. */
interface LatencyPart {
  readonly rows: LatencyRow[];
  readonly findings: Finding[];
}

function compareLatency(l1: LoadResult, l2: LoadResult, raw1: ScenarioLatencies, raw2: ScenarioLatencies, o: Required<CompareOptions>): LatencyPart {
  const scenario = l2.scenario;
  if ('missing' in raw1 || 'missing' in raw2) {
    const why = [...('missing' in raw1 ? [`run A: ${raw1.missing}`] : []), ...('missing' in raw2 ? [`run B: ${raw2.missing}`] : [])].join('; ');
    const operations = Object.keys(l2.latencyMs).filter((op) => op !== 'all' && l1.latencyMs[op]).sort();
    const rows = operations.map((operation): LatencyRow => {
      const s1 = l1.latencyMs[operation]!;
      const s2 = l2.latencyMs[operation]!;
      return { scenario, operation, verdict: 'no-raw-samples', percentilesMs: { p50: [s1.p50, s2.p50], p95: [s1.p95, s2.p95] } };
    });
    return { rows, findings: [{ kind: 'latency-not-judged', severity: 'change', scenario, reason: 'no-raw-samples', detail: why }] };
  }
  const operations = [...new Set([...raw1.byOperation.keys(), ...raw2.byOperation.keys()])].sort();
  const rows = operations.map((operation) =>
    judgeLatency(scenario, operation, raw1.byOperation.get(operation) ?? [], raw2.byOperation.get(operation) ?? [], { thresholdPct: o.latencyThresholdPct, minMs: o.minAbsoluteMs, alpha: o.alpha }),
  );
  const findings: Finding[] = [];
  for (const r of rows) {
    if ((r.verdict === 'slower' || r.verdict === 'faster') && r.a && r.b && r.test) {
      findings.push({ kind: 'latency', severity: r.verdict === 'slower' ? 'regression' : 'improvement', scenario, operation: r.operation, a: r.a, b: r.b, test: r.test });
    } else if (r.verdict === 'too-few-samples') {
      findings.push({ kind: 'latency-not-judged', severity: 'change', scenario, operation: r.operation, reason: 'too-few-samples', nA: r.a?.n ?? 0, nB: r.b?.n ?? 0 });
    }
  }
  return { rows, findings };
}

function compareLoad(l1: LoadResult, l2: LoadResult, o: Required<CompareOptions>): Finding[] {
  const findings: Finding[] = [];
  const scenario = l2.scenario;
  const rpsPct = pct(l1.rps, l2.rps);
  if (rpsPct !== null && Math.abs(rpsPct) > o.rpsThresholdPct) {
    findings.push({ kind: 'throughput', severity: 'change', scenario, fromRps: l1.rps, toRps: l2.rps, deltaPct: rpsPct });
  }
  if (l1.asked && l1.achieved && l2.asked && l2.achieved) {
    const askedDiffers = JSON.stringify(l1.asked) !== JSON.stringify(l2.asked);
    const ratePct = pct(l1.achieved.perSecond, l2.achieved.perSecond);
    if (askedDiffers || l1.achieved.ok !== l2.achieved.ok || (ratePct !== null && Math.abs(ratePct) > o.rpsThresholdPct)) {
      findings.push({ kind: 'achieved', severity: 'change', scenario, from: { asked: l1.asked, achieved: l1.achieved }, to: { asked: l2.asked, achieved: l2.achieved } });
    }
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

/** The latencies a caller passed for each run. */
export interface LatencyInput {
  /** Run A's raw latencies (from `readRunLatencies`); without them, A's scenarios are not judged. */
  readonly a?: RunLatencies;
  /** Run B's raw latencies. */
  readonly b?: RunLatencies;
}

const NOT_LOADED: ScenarioLatencies = { missing: 'no raw samples were loaded for this run' };

function compareLoads(a: RunSummary, b: RunSummary, o: Required<CompareOptions>, raw: LatencyInput): LatencyPart {
  const before = loadsByScenario(a);
  const after = loadsByScenario(b);
  const findings: Finding[] = [];
  const rows: LatencyRow[] = [];
  for (const [scenario, l2] of after) {
    const l1 = before.get(scenario);
    if (l1) {
      const latency = compareLatency(l1, l2, raw.a?.get(scenario) ?? NOT_LOADED, raw.b?.get(scenario) ?? NOT_LOADED, o);
      findings.push(...latency.findings, ...compareLoad(l1, l2, o));
      rows.push(...latency.rows);
    } else findings.push({ kind: 'scenario', severity: 'change', scenario, presentIn: 'b' });
  }
  for (const scenario of before.keys()) {
    if (!after.has(scenario)) findings.push({ kind: 'scenario', severity: 'change', scenario, presentIn: 'a' });
  }
  return { rows, findings };
}

function side(s: RunSummary): RunSide {
  return { runId: s.runId, startedAt: s.startedAt, outcome: s.outcome, target: s.target, toolVersion: s.tool.version };
}

/** The target's kind; runs written before the `gateway` kind existed call a loopback gateway `live`. */
function kindOf(target: RunSummary['target']): TargetKind {
  if (target.kind !== 'live') return target.kind;
  try {
    return isLoopbackUrl(target.url) ? 'gateway' : 'live';
  } catch {
    return 'live';
  }
}

function notesOf(a: RunSummary, b: RunSummary): string[] {
  const notes: string[] = [];
  if (a.target.profile !== b.target.profile) notes.push(`The runs expected different profiles (${a.target.profile} vs ${b.target.profile}): retcode differences may come from the profiles, not the gateways.`);
  if (kindOf(a.target) !== kindOf(b.target)) notes.push(`Run A is against ${describeTargetKind(kindOf(a.target)).phrase} and run B against ${describeTargetKind(kindOf(b.target)).phrase}.`);
  if (a.target.auth !== b.target.auth) notes.push(`The runs used different auth modes (${a.target.auth} vs ${b.target.auth}).`);
  if ((a.target.faults ?? '') !== (b.target.faults ?? '')) notes.push(`The runs injected different faults (${a.target.faults ?? 'none'} vs ${b.target.faults ?? 'none'}).`);
  if (a.tool.version !== b.tool.version) notes.push(`The runs were made by different ccgw versions (${a.tool.version} vs ${b.tool.version}).`);
  if ((a.tool.k6 ?? '') !== (b.tool.k6 ?? '') && a.tool.k6 && b.tool.k6) notes.push(`The runs used different k6 versions (${a.tool.k6} vs ${b.tool.k6}).`);
  return notes;
}

const ORDER: Record<Severity, number> = { regression: 0, improvement: 1, change: 2 };

/**
 * Compares run A (baseline) with run B (candidate). Both summaries are redacted first, so the comparison and its
 * renderings carry no secrets. Latency is judged only where `latencies` has the raw samples of both runs; the same
 * inputs always give the same comparison (no randomness anywhere).
 */
export function compareRuns(runA: RunSummary, runB: RunSummary, options: CompareOptions = {}, latencies: LatencyInput = {}): RunComparison {
  const o = checkOptions(options);
  const a = redactSummary(runA);
  const b = redactSummary(runB);
  const loads = compareLoads(a, b, o, latencies);
  const findings = [...compareCases(a, b), ...compareCoverage(a, b), ...loads.findings]
    .map((f, i) => ({ f, i }))
    .sort((x, y) => ORDER[x.f.severity] - ORDER[y.f.severity] || x.i - y.i)
    .map(({ f }) => f);
  const counts = { regression: 0, improvement: 0, change: 0 };
  for (const f of findings) counts[f.severity]++;
  return { a: side(a), b: side(b), options: o, regressed: counts.regression > 0, counts, findings, latency: loads.rows, notes: notesOf(a, b) };
}
