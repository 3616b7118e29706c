/**
 * A run comparison as plain text, for the terminal and CI logs: a verdict line, the two runs, the thresholds, then
 * one line per finding grouped into regressions, improvements and changes.
 *
 * @example
 * ```ts
 * io.out(renderComparisonText(compareRuns(a, b)));
 * // ccgw compare: REGRESSED (3 regressions, 0 improvements, 0 changes)
 * //   A  20261125T100000Z-old  live https://10.0.0.5:8043  profile ccgw-2024  passed
 * //   ...
 * // Regressions (3)
 * //   - retcode       addinsert.target-not-signed-in (contracts): the gateway now answers 900-003 (was 900-005)
 * ```
 */
import type { Finding, RunComparison, RunSide, Severity } from './compare.ts';
import { formatNumber, formatSignedPercent, profileLabel } from './format.ts';

function ms(n: number): string {
  return `${formatNumber(n, n < 10 ? 2 : 1)} ms`;
}

/** A finding in two parts: a short label (`case`, `retcode`, `latency`, …) and what happened. */
export interface FindingParts {
  readonly label: string;
  readonly text: string;
}

/**
 * A finding's label and description, for renderers that put them in separate columns.
 *
 * @example
 * ```ts
 * findingParts({ kind: 'scenario', severity: 'change', scenario: 'soak', presentIn: 'a' });
 * // { label: 'scenario', text: 'soak: only in run A' }
 * ```
 */
export function findingParts(f: Finding): FindingParts {
  switch (f.kind) {
    case 'outcome': {
      const change = f.from === 'absent' ? `new case, ${f.to}` : f.to === 'absent' ? `no longer run (was ${f.from})` : `${f.from} → ${f.to}`;
      return { label: 'case', text: `${f.caseId} (${f.phase}): ${change}${f.message ? `: ${f.message}` : ''} [${f.title}]` };
    }
    case 'observed':
      return f.field === 'retcode'
        ? { label: 'retcode', text: `${f.caseId} (${f.phase}): the gateway now answers ${String(f.to)} (was ${String(f.from)}) [${f.title}]` }
        : { label: 'http status', text: `${f.caseId} (${f.phase}): the gateway now answers HTTP ${String(f.to)} (was HTTP ${String(f.from)}) [${f.title}]` };
    case 'latency':
      return { label: 'latency', text: `${f.scenario} ${f.operation} ${f.stat}: ${ms(f.fromMs)} → ${ms(f.toMs)} (${formatSignedPercent(f.deltaPct)}, ${f.deltaMs > 0 ? '+' : ''}${ms(f.deltaMs)})` };
    case 'throughput':
      return { label: 'throughput', text: `${f.scenario}: ${formatNumber(f.fromRps)} → ${formatNumber(f.toRps)} req/s (${formatSignedPercent(f.deltaPct)})` };
    case 'invariant':
      return { label: 'invariant', text: `${f.scenario}: ${f.from} → ${f.to} violation${f.to === 1 ? '' : 's'}${f.detail?.[0] ? `: ${f.detail[0]}` : ''}` };
    case 'threshold':
      return { label: 'threshold', text: `${f.scenario} ${f.metric} ${f.expression}: ${f.fromOk ? 'met' : 'crossed'} → ${f.toOk ? 'met' : 'crossed'}${f.toValue === undefined ? '' : ` (measured ${formatNumber(f.toValue)})`}` };
    case 'scenario':
      return { label: 'scenario', text: `${f.scenario}: only in run ${f.presentIn.toUpperCase()}` };
    case 'load-retcode':
      return { label: 'load retcode', text: `${f.scenario} ${f.operation} ${f.retcode}: ${f.fromCount} → ${f.toCount} answers` };
  }
}

/**
 * One finding as one line of text, without the severity (the section heading gives it).
 *
 * @example
 * ```ts
 * findingText({ kind: 'throughput', severity: 'regression', scenario: 'smoke', fromRps: 50, toRps: 30, deltaPct: -40 });
 * // 'throughput    smoke: 50 → 30 req/s (-40%)'
 * ```
 */
export function findingText(f: Finding): string {
  const { label, text } = findingParts(f);
  return `${label.padEnd(13)} ${text}`;
}

/**
 * The verdict line's counts.
 *
 * @example
 * ```ts
 * countsText({ regression: 3, improvement: 1, change: 0 }); // '3 regressions, 1 improvement, 0 changes'
 * ```
 */
export function countsText(c: Readonly<Record<Severity, number>>): string {
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `${n(c.regression, 'regression')}, ${n(c.improvement, 'improvement')}, ${n(c.change, 'change')}`;
}

function sideLine(label: string, s: RunSide): string {
  return `  ${label}  ${s.runId}  ${s.target.kind} ${s.target.url}  profile ${profileLabel(s.target)}  ${s.outcome}  (started ${s.startedAt}, ccgw ${s.toolVersion})`;
}

/** The section headings, in the order they are printed. */
export const SEVERITY_HEADINGS: readonly [Severity, string][] = [
  ['regression', 'Regressions'],
  ['improvement', 'Improvements'],
  ['change', 'Changes'],
];

/**
 * Renders the comparison as text (lines joined with `\n`, no trailing newline).
 *
 * @example
 * ```ts
 * console.log(renderComparisonText(result));
 * ```
 */
export function renderComparisonText(c: RunComparison): string {
  const o = c.options;
  const lines = [
    `ccgw compare: ${c.regressed ? 'REGRESSED' : 'no regressions'} (${countsText(c.counts)})`,
    sideLine('A', c.a),
    sideLine('B', c.b),
    `  thresholds: latency beyond ±${formatNumber(o.latencyThresholdPct)}% and ${formatNumber(o.minAbsoluteMs)} ms, throughput beyond ±${formatNumber(o.rpsThresholdPct)}%`,
  ];
  if (c.findings.length === 0) lines.push('', 'No differences beyond the thresholds.');
  for (const [severity, heading] of SEVERITY_HEADINGS) {
    const group = c.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${heading} (${group.length})`, ...group.map((f) => `  - ${findingText(f)}`));
  }
  if (c.notes.length > 0) lines.push('', 'Notes', ...c.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}
