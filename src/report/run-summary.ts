/**
 * The run summary: what one run of the harness found, as written to `summary.json` in the run directory.
 * Every other report (JUnit XML, HTML, Markdown) and the comparison of two runs is derived from it.
 * `run-summary.schema.json` describes the same document for other tools; `parseRunSummary` checks a document
 * against it.
 */
import type { ProfileOverrides } from '../domain/profiles.ts';
import type { LoadAchieved, LoadAsked } from '../shared/load-drive.ts';

/** The `schemaVersion` this harness writes and reads. */
export const RUN_SUMMARY_SCHEMA_VERSION = 1;

/** The file name of the summary inside a run directory. */
export const SUMMARY_FILE = 'summary.json';

/** The outcome of a whole run. A run fails when any phase fails. */
export type RunOutcome = 'passed' | 'failed';

/** The outcome of a phase or a case. `skipped` is never counted as passed. */
export type Outcome = 'passed' | 'failed' | 'skipped';

/** One run of the harness against one gateway. */
export interface RunSummary {
  /** The version of this document format; always 1 for now. */
  readonly schemaVersion: 1;
  /** A name for the run, unique among the runs of a project, e.g. `20261125T100000Z-mock`. */
  readonly runId: string;
  /** When the run started, ISO 8601 with time zone, e.g. `2026-11-25T10:00:00.000Z`. */
  readonly startedAt: string;
  /** When the run finished, ISO 8601 with time zone. */
  readonly finishedAt: string;
  /** Wall-clock duration of the run in milliseconds. */
  readonly durationMs: number;
  /** The gateway the run was against. */
  readonly target: RunTarget;
  /** The versions of the tools that produced the run. */
  readonly tool: ToolVersions;
  /** `failed` when any phase failed. */
  readonly outcome: RunOutcome;
  /** The phases in the order they ran, typically `contracts`, `properties`, `load`. */
  readonly phases: readonly Phase[];
}

/** What kind of gateway a run was against (see {@link RunTarget.kind}). */
export type TargetKind = 'mock' | 'gateway' | 'live';

/** The gateway a run was against. */
export interface RunTarget {
  /**
   * `mock`: the embedded mock gateway the run started; `gateway`: a gateway on this machine (a loopback URL, e.g. a
   * `ccgw mock` process or a gateway under test on localhost); `live`: a gateway on another machine (`--live`).
   * Runs written before `gateway` existed call a loopback gateway `live`.
   */
  readonly kind: TargetKind;
  /** The gateway's base URL, e.g. `https://10.0.0.5:8043`. Never carries credentials (the writer redacts them). */
  readonly url: string;
  /** The gateway profile the run expected, e.g. `ccgw-2024`. */
  readonly profile: string;
  /** How the harness obtained the Guid: `static` (from sign-in, AUTHMODE=1) or `dynamic` (from event polling, AUTHMODE=2). */
  readonly auth: 'static' | 'dynamic';
  /** The faults injected into the mock gateway, as given on the command line (mock runs only). */
  readonly faults?: string;
  /** What the run's settings changed in the profile (`profileOverrides` of ccgw.config.json); absent when nothing. */
  readonly profileOverrides?: ProfileOverrides;
}

/** The versions of the tools that produced a run. */
export interface ToolVersions {
  /** The ccgw-harness version (package.json). */
  readonly version: string;
  /** The Node.js version, e.g. `v20.19.0`. */
  readonly node: string;
  /** The k6 version, when the load phase ran. */
  readonly k6?: string;
  /** The Pact library version, when the contracts phase ran. */
  readonly pact?: string;
  /** Operating system and architecture, e.g. `linux-x64`. */
  readonly platform: string;
}

/** One phase of a run. */
export interface Phase {
  /** The phase's name, e.g. `contracts`; unique within the run. Letters, digits, `_` and `-`. */
  readonly name: string;
  /** `failed` when a case failed, a load threshold was crossed or an invariant was violated; `skipped` when the phase did not run. */
  readonly outcome: Outcome;
  /** Wall-clock duration of the phase in milliseconds. */
  readonly durationMs: number;
  /** Why the phase as a whole failed or was skipped when no single case says so (e.g. `k6 is not installed`). */
  readonly reason?: string;
  /** The cases of the phase, in the order they ran. */
  readonly cases: readonly Case[];
  /** The load scenarios of the phase (the `load` phase). */
  readonly load?: readonly LoadResult[];
  /** The rule coverage of the phase (the `rules` phase): one row per rule of `src/domain` under the run's profile. */
  readonly coverage?: readonly RuleCoverage[];
}

/** One rule of `src/domain` and what the run found about it: the row of the coverage matrix. */
export interface RuleCoverage {
  /** The rule: operation and rule id, e.g. `addInsert.targetNotSignedIn`; `<operation>.ok` is the success row. */
  readonly rule: string;
  /** The operationId, e.g. `addInsert`. */
  readonly operation: string;
  /** Place in the operation's precedence order, 1 = checked first; the success row comes last. */
  readonly rank: number;
  /** The situation, as a short sentence: `the target is not signed in`. */
  readonly title: string;
  /** `documented` when a document states the rule, `inferred` when the harness assumes it. */
  readonly provenance: 'documented' | 'inferred';
  /** The document and sentence (documented), or the reason (inferred). */
  readonly source: string;
  /** The profile setting whose value is the rule's answer, e.g. `targetNotSignedIn`. */
  readonly setting?: string;
  /** What the rule answers under the run's profile: a retcode, `http-404`, `0` (success) or `injected fault`. */
  readonly expected: string;
  /** `failed` when a case failed; `passed` when at least one case passed and none failed; `skipped` when every case was skipped. */
  readonly outcome: Outcome;
  /** The ids of the cases (of this phase) that checked the rule. */
  readonly caseIds: readonly string[];
  /** The rule's cases by outcome. */
  readonly counts: { readonly passed: number; readonly failed: number; readonly skipped: number };
  /** One line: for a failed rule, expected against observed of its first failed case; for a skipped one, the reason. */
  readonly detail?: string;
}

/** The kind of a case: a Pact interaction, a fast-check property, a model-based scenario or a single check. */
export type CaseKind = 'interaction' | 'property' | 'scenario' | 'check';

/** One test case. */
export interface Case {
  /** Stable across runs and unique within a run: `compareRuns` matches cases by it, e.g. `addinsert.target-not-signed-in`. */
  readonly id: string;
  /** A sentence a person can read, e.g. `addinsert on an agent that is not signed in answers 900-005`. */
  readonly title: string;
  /** What kind of check the case is. */
  readonly kind: CaseKind;
  /** The case's outcome; a failed case has `failure`, a skipped case has `skipReason`. */
  readonly outcome: Outcome;
  /** Wall-clock duration of the case in milliseconds. */
  readonly durationMs: number;
  /** Why the case was skipped (required when `outcome` is `skipped`). */
  readonly skipReason?: string;
  /** What the gateway answered in this situation, whatever the outcome: `compareRuns` reports when it changes. */
  readonly observed?: Observed;
  /** What went wrong (required when `outcome` is `failed`). */
  readonly failure?: Failure;
  /** The rule the case checks, e.g. `addInsert.targetNotSignedIn` (rule-suite cases; see `Phase.coverage`). */
  readonly rule?: string;
}

/** What the gateway answered in a case's situation. */
export interface Observed {
  /** The `retcode` of the answer body, e.g. `900-005`. */
  readonly retcode?: string;
  /** The HTTP status of the answer. */
  readonly httpStatus?: number;
  /** Anything else worth keeping, e.g. the events that followed. */
  readonly [key: string]: unknown;
}

/** Why a case failed, with what it takes to reproduce it. */
export interface Failure {
  /** One or more lines: what was expected and what happened. */
  readonly message: string;
  /** The request that got the unexpected answer. */
  readonly request?: HttpPart;
  /** The answer. */
  readonly response?: HttpPart;
  /** What the contract expected (a retcode, a body, a status). */
  readonly expected?: unknown;
  /** What the gateway did instead, when that is not just the response. */
  readonly actual?: unknown;
  /** fast-check's shrunk counterexample, printed. */
  readonly counterexample?: string;
  /** fast-check's seed, to replay the property. */
  readonly seed?: number;
  /** fast-check's path, to replay the shrunk case directly. */
  readonly path?: string;
}

/** One side of an HTTP exchange. Credentials in headers and bodies are redacted before anything is written. */
export interface HttpPart {
  /** The request method, e.g. `PUT`. */
  readonly method?: string;
  /** The request URL. */
  readonly url?: string;
  /** The response status. */
  readonly status?: number;
  /** Header names and values. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The body: parsed JSON, or text. */
  readonly body?: unknown;
}

/** Latency statistics of one operation, in milliseconds. */
export interface LatencyStats {
  readonly avg: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** The names of the statistics in `LatencyStats`, in display order. */
export const LATENCY_STATS = ['avg', 'p50', 'p90', 'p95', 'p99', 'max'] as const satisfies readonly (keyof LatencyStats)[];

/** A k6 threshold and whether the run met it. */
export interface ThresholdResult {
  /** The k6 metric, e.g. `http_req_duration{operation:addInsert}`. */
  readonly metric: string;
  /** The threshold expression, e.g. `p(95)<200`. */
  readonly expression: string;
  /** Whether the run met it. */
  readonly ok: boolean;
  /** The measured value the expression was checked against, when known. */
  readonly value?: number;
  /** What the value counts: `ms` (a time), `fraction` (a rate, 0–1), `count`. Absent in older runs. */
  readonly unit?: 'ms' | 'fraction' | 'count';
}

/** One point of a load scenario's timeline. */
export interface TimelinePoint {
  /** Seconds since the scenario started. */
  readonly t: number;
  /** Requests per second in the interval ending at `t`. */
  readonly rps: number;
  /** 95th-percentile latency in the interval, in milliseconds. */
  readonly p95Ms: number;
  /** Failed requests in the interval. */
  readonly errors: number;
}

/** The result of one k6 load scenario. */
export interface LoadResult {
  /** The k6 scenario name, e.g. `barge-storm`; unique within the run (compare matches scenarios by it). Letters, digits, `_` and `-`. */
  readonly scenario: string;
  /** Completed iterations. */
  readonly iterations: number;
  /** Duration of the scenario in milliseconds. */
  readonly durationMs: number;
  /** Mean requests per second over the scenario. */
  readonly rps: number;
  /** Latency per operationId, plus `all` for every request together. */
  readonly latencyMs: Readonly<Record<string, LatencyStats>>;
  /** How many answers carried each retcode, per operationId. */
  readonly retcodes: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The fraction of k6 checks that passed, 0–1. */
  readonly checksRate: number;
  /** The fraction of requests that failed (transport error or HTTP status ≥ 400), 0–1. */
  readonly errorRate: number;
  /** The k6 thresholds and whether each was met. */
  readonly thresholds: readonly ThresholdResult[];
  /** The scenario's invariant (e.g. at most one inspector barged into an agent at a time). */
  readonly invariant: InvariantResult;
  /** Throughput, latency and errors over time, in time order. */
  readonly timeline: readonly TimelinePoint[];
  /**
   * Where k6's raw samples of the scenario are (gzip CSV), relative to the run directory, e.g. `load/samples.csv.gz`:
   * `ccgw compare` judges latency on the calls' durations in them. Absent in runs written before they were kept.
   */
  readonly samples?: string;
  /** The k6 web dashboard's report of the scenario, relative to the run directory, e.g. `load/dashboard.html`. */
  readonly dashboard?: string;
  /** What the scenario was asked to drive. Absent in runs written before it was recorded. */
  readonly asked?: LoadAsked;
  /** What it achieved. */
  readonly achieved?: LoadAchieved;
}

export type { IterationUnit, LoadAchieved, LoadAsked } from '../shared/load-drive.ts';

/** How often a load scenario's invariant was violated. */
export interface InvariantResult {
  /** The number of violations; 0 means the invariant held. */
  readonly violations: number;
  /** One line per violation (or the first few), for the reports. */
  readonly detail?: readonly string[];
}
