/**
 * `handleSummary` helpers: the end-of-test data as a JSON report, a JUnit XML report (written by hand: k6 has no
 * XML library) and a short text summary for stdout. The reports leave out `setup_data`, and the configuration is
 * reported without passwords or the admin token. Pure: no k6 import.
 *
 * Each threshold becomes a JUnit test case (failed when crossed), each k6 check one (failed when any run of it
 * failed), and the barge invariant one. With the scenario's asked load, the reports start with what was asked and
 * what was achieved (`achieved.ts`); an open-model run that fell short fails, with one more JUnit case saying why.
 */
import { driveLines, driveOf, type AskedLoad, type Drive } from './achieved.ts';
import { invariantReport, type InvariantReport } from './invariant.ts';
import { METRIC, callDuration } from './metric-names.ts';

/** One metric in k6's summary data. */
export interface SummaryMetric {
  readonly type?: string;
  readonly contains?: string;
  readonly values?: Readonly<Record<string, number>>;
  readonly thresholds?: Readonly<Record<string, { readonly ok: boolean }>>;
}

/** One check in k6's summary data. */
export interface SummaryCheck {
  readonly name: string;
  readonly path?: string;
  readonly passes: number;
  readonly fails: number;
}

/** A group in k6's summary data. */
export interface SummaryGroup {
  readonly name: string;
  readonly path?: string;
  readonly checks?: readonly SummaryCheck[];
  readonly groups?: readonly SummaryGroup[];
}

/** The part of k6's `handleSummary` argument the harness reads. */
export interface SummaryData {
  readonly metrics: Readonly<Record<string, SummaryMetric>>;
  readonly root_group?: SummaryGroup;
  readonly state?: { readonly testRunDurationMs?: number; readonly isStdOutTTY?: boolean };
  readonly options?: unknown;
  readonly setup_data?: unknown;
}

/** Where and under which name to write the reports. */
export interface SummaryTarget {
  /** File name stem, e.g. `smoke`. */
  readonly name: string;
  /** Directory, relative to k6's working directory or absolute. */
  readonly dir: string;
  /** The configuration without secrets (see `describeConfig`), copied into the JSON report. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** What the scenario asked (see `askedOf`): the reports then give asked and achieved figures. */
  readonly asked?: AskedLoad;
}

/**
 * Asked and achieved of the run, when the target names what was asked. This process's share of the test comes from
 * its setup data (`SetupData.share`).
 */
export function driveOfRun(data: SummaryData, target: Pick<SummaryTarget, 'asked'>): Drive | undefined {
  if (!target.asked) return undefined;
  const share = (data.setup_data as { share?: unknown } | undefined)?.share;
  return driveOf(data, target.asked, typeof share === 'number' && share > 0 && share <= 1 ? share : 1);
}

/** One threshold's outcome. */
export interface ThresholdOutcome {
  readonly metric: string;
  readonly expression: string;
  readonly ok: boolean;
  /** The metric's values, for the failure message. */
  readonly values: Readonly<Record<string, number>>;
}

/** Every threshold with its outcome, sorted by metric. */
export function thresholdOutcomes(data: SummaryData): ThresholdOutcome[] {
  const out: ThresholdOutcome[] = [];
  for (const [metric, m] of Object.entries(data.metrics).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [expression, t] of Object.entries(m.thresholds ?? {})) out.push({ metric, expression, ok: t.ok, values: m.values ?? {} });
  }
  return out;
}

/** Every check of every group, with its group path. */
export function allChecks(data: SummaryData): SummaryCheck[] {
  const out: SummaryCheck[] = [];
  const walk = (g: SummaryGroup | undefined): void => {
    if (!g) return;
    out.push(...(g.checks ?? []));
    for (const sub of g.groups ?? []) walk(sub);
  };
  walk(data.root_group);
  return out;
}

/** Escapes text for XML attribute values and character data. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function formatValues(values: Readonly<Record<string, number>>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toFixed(3)}`)
    .join(' ');
}

interface Case {
  readonly classname: string;
  readonly name: string;
  readonly failure?: string;
}

function cases(data: SummaryData, invariant: InvariantReport, drive: Drive | undefined): Case[] {
  const list: Case[] = thresholdOutcomes(data).map((t) => ({
    classname: 'thresholds',
    name: `${t.metric}: ${t.expression}`,
    ...(t.ok ? {} : { failure: `threshold crossed: ${t.metric} ${formatValues(t.values)}` }),
  }));
  for (const c of allChecks(data)) {
    list.push({ classname: `checks${c.path ? `.${c.path.replace(/^::/, '').replace(/::/g, '.')}` : ''}`, name: c.name, ...(c.fails > 0 ? { failure: `${c.fails} of ${c.passes + c.fails} failed` } : {}) });
  }
  list.push({
    classname: 'invariants',
    name: 'per target agent, successful barges minus successful cancels stays 0 or 1',
    ...(invariant.holds
      ? {}
      : { failure: `${invariant.violations} violations seen by the VUs, ${invariant.auditViolations} reported by the mock's audit; ${invariant.barges} barges, ${invariant.cancels} cancels` }),
  });
  if (drive?.asked.model === 'open') {
    const name = `starts at least ${Math.round((drive.asked.minAchievedRatio ?? 0.9) * 100)} % of the asked ${drive.asked.rate} ${drive.asked.unit}s/s`;
    list.push({ classname: 'load', name, ...(drive.achieved.ok ? {} : { failure: drive.achieved.notes.join('\n') }) });
  }
  return list;
}

/** The JUnit XML report: one test suite named `ccgw-load.<name>`. */
export function renderJUnit(data: SummaryData, name: string, drive?: Drive): string {
  const list = cases(data, invariantReport(data.metrics), drive);
  const failures = list.filter((c) => c.failure !== undefined).length;
  const seconds = ((data.state?.testRunDurationMs ?? 0) / 1000).toFixed(3);
  const suite = xmlEscape(`ccgw-load.${name}`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ccgw-load" tests="${list.length}" failures="${failures}" errors="0" time="${seconds}">`,
    `  <testsuite name="${suite}" tests="${list.length}" failures="${failures}" errors="0" skipped="0" time="${seconds}">`,
  ];
  for (const c of list) {
    const open = `    <testcase classname="${xmlEscape(`${suite}.${c.classname}`)}" name="${xmlEscape(c.name)}" time="0"`;
    if (c.failure === undefined) lines.push(`${open}/>`);
    else lines.push(`${open}>`, `      <failure message="${xmlEscape(c.failure)}" type="failure">${xmlEscape(c.failure)}</failure>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

/**
 * The JSON report: scenario, configuration without secrets, outcome, asked and achieved (`drive`), thresholds,
 * checks, invariant, and k6's metrics. `setup_data` is left out.
 */
export function renderJson(data: SummaryData, target: SummaryTarget): string {
  const thresholds = thresholdOutcomes(data);
  const invariant = invariantReport(data.metrics);
  const drive = driveOfRun(data, target);
  const report = {
    scenario: target.name,
    passed: thresholds.every((t) => t.ok) && invariant.holds && drive?.achieved.ok !== false,
    durationMs: data.state?.testRunDurationMs,
    config: target.config,
    ...(drive ? { drive } : {}),
    thresholds,
    checks: allChecks(data),
    invariant,
    metrics: data.metrics,
    options: data.options,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

const MS = (v: number | undefined) => (v === undefined ? '–' : `${v.toFixed(1)}ms`);

/**
 * The text summary for stdout: outcome, asked and achieved (with why and what to do when an open run fell short),
 * thresholds, the main figures, the invariant.
 */
export function renderText(data: SummaryData, name: string, drive?: Drive): string {
  const thresholds = thresholdOutcomes(data);
  const invariant = invariantReport(data.metrics);
  const passed = thresholds.every((t) => t.ok) && invariant.holds && drive?.achieved.ok !== false;
  const count = (m: string) => data.metrics[m]?.values?.['count'] ?? 0;
  const rate = (m: string) => data.metrics[m]?.values?.['rate'];
  const pct = (v: number | undefined) => (v === undefined ? '–' : `${(v * 100).toFixed(2)}%`);
  const lines = [
    '',
    `ccgw load ${name}: ${passed ? 'PASSED' : 'FAILED'} in ${((data.state?.testRunDurationMs ?? 0) / 1000).toFixed(1)}s`,
    ...(drive ? [...driveLines(drive), ...drive.achieved.notes.slice(1)] : []),
    '',
    'thresholds:',
    ...thresholds.map((t) => `  ${t.ok ? '✓' : '✗'} ${t.metric}: ${t.expression}${data.metrics[t.metric]?.contains === 'time' ? ' ms' : ''}${t.ok ? '' : `  (${formatValues(t.values)})`}`),
    '',
    `iterations ${count('iterations')} (dropped ${count('dropped_iterations')}), gateway calls ${(data.metrics[METRIC.contractOk]?.values?.['passes'] ?? 0) + (data.metrics[METRIC.contractOk]?.values?.['fails'] ?? 0)}, checks passed ${pct(rate('checks'))}, answers per contract ${pct(rate(METRIC.contractOk))}`,
    `barges ${invariant.barges}, cancels ${invariant.cancels}, Guid rotations ${count(METRIC.guidRotations)}, sessions lost ${count(METRIC.sessionsLost)}, events on time ${pct(rate(METRIC.eventsOnTime))}`,
  ];
  for (const op of ['addInsert', 'cancelInsert']) {
    const v = data.metrics[callDuration(op)]?.values;
    if (v) lines.push(`${op}: p95 ${MS(v['p(95)'])}, p99 ${MS(v['p(99)'])}, max ${MS(v['max'])}`);
  }
  const storm = rate(METRIC.stormOneWinner);
  if (storm !== undefined) lines.push(`storm rounds with exactly one winner: ${pct(storm)}`);
  lines.push(`barge invariant: ${invariant.holds ? 'holds' : `BROKEN (${invariant.violations} by the VUs, ${invariant.auditViolations} by the mock's audit)`}`, '');
  return lines.join('\n');
}

/** The map `handleSummary` returns: `<dir>/<name>.json`, `<dir>/<name>.junit.xml` and stdout. */
export function summaryOutputs(data: SummaryData, target: SummaryTarget): Record<string, string> {
  const stem = `${target.dir.replace(/\/$/, '')}/${target.name}`;
  const drive = driveOfRun(data, target);
  return {
    [`${stem}.json`]: renderJson(data, target),
    [`${stem}.junit.xml`]: renderJUnit(data, target.name, drive),
    stdout: renderText(data, target.name, drive),
  };
}
