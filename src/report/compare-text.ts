/**
 * A run comparison as plain text, for the terminal and CI logs: a verdict line, the two runs, the latency rule,
 * one line per finding grouped into regressions, improvements and changes, then the latency of every operation.
 */
import type { LatencyRow, LatencySide, LatencyTest } from './compare-latency.ts';
import { MIN_SAMPLES } from './compare-latency.ts';
import type { CompareOptions, Finding, RunComparison, RunSide, Severity } from './compare.ts';
import { formatNumber, formatSignedPercent, profileLabel } from './format.ts';
import { achievedText, askedText } from './load-drive.ts';

function ms(n: number): string {
  return `${formatNumber(n, Math.abs(n) < 10 ? 2 : 1)} ms`;
}

function signedMs(n: number): string {
  return `${n > 0 ? '+' : ''}${ms(n)}`;
}

/**
 * A p-value for people: three significant digits from 0.001 up, two in exponent form below, `< 1e-15` where the
 * normal tail is no longer precise.
 */
export function formatPValue(p: number): string {
  if (p < 1e-15) return '< 1e-15';
  if (p < 0.001) return p.toExponential(1);
  return String(Number(p.toPrecision(3)));
}

function pText(p: number): string {
  const text = formatPValue(p);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
}

/** The shift, its interval and the one-sided p-value in the shift's direction. */
function testText(t: LatencyTest): string {
  const interval = `${formatNumber(t.interval.confidence * 100)}% interval ${signedMs(t.interval.lowMs).replace(/ ms$/, '')} … ${signedMs(t.interval.highMs)}`;
  return `${signedMs(t.shiftMs)} (${formatSignedPercent(t.shiftPct)}), ${interval}, one-sided ${pText(t.shiftMs >= 0 ? t.pSlower : t.pFaster)}`;
}

function sidesText(a: LatencySide, b: LatencySide): string {
  const median = (s: LatencySide) => (s.medianMs === undefined ? '–' : ms(s.medianMs));
  return `median ${median(a)} → ${median(b)}, n = ${a.n}/${b.n}`;
}

/** What a verdict means, in words. */
const VERDICT_TEXT: Readonly<Record<LatencyRow['verdict'], string>> = {
  slower: 'slower',
  faster: 'faster',
  'below-floor': 'significant, below the floor',
  'not-significant': 'no significant shift',
  'too-few-samples': 'too few samples to judge',
  'no-raw-samples': 'not judged: no raw samples',
};

/** One row of the latency table as text: the operation, the verdict, then the numbers behind it. */
export function latencyRowText(r: LatencyRow): string {
  const head = `${r.scenario} ${r.operation}: ${VERDICT_TEXT[r.verdict]}`;
  if (r.test && r.a && r.b) return `${head}: ${testText(r.test)}; ${sidesText(r.a, r.b)}`;
  if (r.a && r.b) return `${head} (n = ${r.a.n}/${r.b.n}; at least ${MIN_SAMPLES} each)`;
  if (r.percentilesMs) {
    const [p50a, p50b] = r.percentilesMs.p50;
    const [p95a, p95b] = r.percentilesMs.p95;
    return `${head} (for information: p50 ${ms(p50a)} → ${ms(p50b)}, p95 ${ms(p95a)} → ${ms(p95b)})`;
  }
  return head;
}

/** The columns of a latency row, for renderers with a table; `–` where a row has no such number. */
export interface LatencyColumns {
  readonly operation: string;
  readonly verdict: string;
  readonly calls: string;
  readonly medians: string;
  readonly shift: string;
  readonly interval: string;
  readonly p: string;
}

/** A latency row split into table columns. */
export function latencyColumns(r: LatencyRow): LatencyColumns {
  const t = r.test;
  const median = (s: LatencySide | undefined) => (s?.medianMs === undefined ? '–' : ms(s.medianMs));
  const medians = r.a || r.b ? `${median(r.a)} → ${median(r.b)}` : r.percentilesMs ? `p50 ${ms(r.percentilesMs.p50[0])} → ${ms(r.percentilesMs.p50[1])}` : '–';
  return {
    operation: `${r.scenario} ${r.operation}`,
    verdict: VERDICT_TEXT[r.verdict],
    calls: r.a && r.b ? `${r.a.n}/${r.b.n}` : '–',
    medians,
    shift: t ? `${signedMs(t.shiftMs)} (${formatSignedPercent(t.shiftPct)})` : '–',
    interval: t ? `${formatNumber(t.interval.confidence * 100)}%: ${signedMs(t.interval.lowMs).replace(/ ms$/, '')} … ${signedMs(t.interval.highMs)}` : '–',
    p: t ? formatPValue(t.shiftMs >= 0 ? t.pSlower : t.pFaster) : '–',
  };
}

/** The latency rule of the options, as one sentence. */
export function latencyRuleText(o: Required<CompareOptions>): string {
  return `latency: slower or faster when the Mann–Whitney U test on the raw samples finds it at α = ${formatNumber(o.alpha, 4)} (one-sided) and the Hodges–Lehmann shift is ≥ ${formatNumber(o.latencyThresholdPct)}% of A's median and ≥ ${formatNumber(o.minAbsoluteMs)} ms; throughput beyond ±${formatNumber(o.rpsThresholdPct)}% is listed as a change`;
}

/** A finding in two parts: a short label (`case`, `retcode`, `latency`, …) and what happened. */
export interface FindingParts {
  readonly label: string;
  readonly text: string;
}

/** A finding's label and description, for renderers that put them in separate columns. */
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
    case 'rule':
      return { label: 'rule', text: `${f.rule} (${f.title}): ${f.from} → ${f.to}${f.detail ? `: ${f.detail}` : ''}` };
    case 'latency':
      return { label: 'latency', text: `${f.scenario} ${f.operation}: ${f.severity === 'regression' ? 'slower' : 'faster'} by ${testText(f.test)}; ${sidesText(f.a, f.b)}` };
    case 'latency-not-judged':
      return f.reason === 'too-few-samples'
        ? { label: 'latency', text: `${f.scenario} ${f.operation ?? ''}: too few samples to judge (n = ${f.nA ?? 0}/${f.nB ?? 0}; at least ${MIN_SAMPLES} each)` }
        : { label: 'latency', text: `${f.scenario}: not judged: no raw samples (${f.detail ?? 'none loaded'})` };
    case 'throughput':
      return { label: 'throughput', text: `${f.scenario}: ${formatNumber(f.fromRps)} → ${formatNumber(f.toRps)} req/s (${formatSignedPercent(f.deltaPct)}; not judged: it follows latency, sleeps and the arrival rate)` };
    case 'achieved': {
      const asked = askedText(f.from.asked) === askedText(f.to.asked) ? askedText(f.to.asked) : `${askedText(f.from.asked)} → ${askedText(f.to.asked)}`;
      return { label: 'achieved', text: `${f.scenario}: ${asked}; ${achievedText(f.from.asked, f.from.achieved)} → ${achievedText(f.to.asked, f.to.achieved)}${f.to.achieved.ok ? '' : ' (fell short)'}` };
    }
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

/** One finding as one line of text, without the severity (the section heading gives it). */
export function findingText(f: Finding): string {
  const { label, text } = findingParts(f);
  return `${label.padEnd(13)} ${text}`;
}

/** The verdict line's counts. */
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

/** Renders the comparison as text (lines joined with `\n`, no trailing newline). */
export function renderComparisonText(c: RunComparison): string {
  const lines = [`ccgw compare: ${c.regressed ? 'REGRESSED' : 'no regressions'} (${countsText(c.counts)})`, sideLine('A', c.a), sideLine('B', c.b), `  ${latencyRuleText(c.options)}`];
  if (c.findings.length === 0) lines.push('', 'No differences beyond the thresholds.');
  for (const [severity, heading] of SEVERITY_HEADINGS) {
    const group = c.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${heading} (${group.length})`, ...group.map((f) => `  - ${findingText(f)}`));
  }
  if (c.latency.length > 0) lines.push('', `Latency per operation (${c.latency.length})`, ...c.latency.map((r) => `  - ${latencyRowText(r)}`));
  if (c.notes.length > 0) lines.push('', 'Notes', ...c.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}
