/**
 * A short Markdown summary of the run for a CI job page (GitHub `$GITHUB_STEP_SUMMARY`, a GitLab MR note): the
 * outcome, the counts per phase, one line per failure, and the load figures (p95, p99, rps per scenario and
 * operation). Untrusted text is escaped so that it cannot add HTML, links or table columns.
 *
 * @example
 * ```ts
 * appendFileSync(process.env.GITHUB_STEP_SUMMARY!, renderMarkdown(summary));
 * ```
 */
import { markdownCode as code, escapeMarkdown as md } from './escape.ts';
import { firstLine, formatDuration, formatMeasured, formatNumber, formatPercent, profileLabel } from './format.ts';
import { redactSummary, type RedactOptions } from './redact.ts';
import type { LoadResult, Outcome, RunSummary } from './run-summary.ts';
import { tallyPhase, tallyRun } from './tally.ts';

const ICON: Record<Outcome, string> = { passed: '✅', failed: '❌', skipped: '⏭️' };

/** At most this many failures are listed one per line; the rest are counted. */
export const MAX_FAILURE_LINES = 30;

function loadRows(l: LoadResult): string[] {
  const ops = Object.keys(l.latencyMs).sort((a, b) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)));
  const failedThresholds = l.thresholds.filter((t) => !t.ok).length;
  const verdict = `${failedThresholds === 0 ? '✅' : '❌'} ${l.thresholds.length - failedThresholds}/${l.thresholds.length} thresholds met, invariant ${l.invariant.violations === 0 ? 'held' : `violated ${l.invariant.violations}×`}`;
  return (ops.length > 0 ? ops : ['']).map((op, i) => {
    const s = l.latencyMs[op];
    const scenarioCells = i === 0 ? [code(l.scenario), formatNumber(l.rps), `${formatPercent(l.errorRate)}%`, verdict] : ['', '', '', ''];
    return `| ${scenarioCells[0]} | ${md(op)} | ${s ? formatNumber(s.p95) : ''} | ${s ? formatNumber(s.p99) : ''} | ${scenarioCells[1]} | ${scenarioCells[2]} | ${scenarioCells[3]} |`;
  });
}

/**
 * Renders the Markdown summary. The summary is redacted first; `options.secrets` adds literal secrets.
 *
 * @example
 * ```ts
 * io.out(renderMarkdown(summary));
 * ```
 */
export function renderMarkdown(input: RunSummary, options: RedactOptions = {}): string {
  const s = redactSummary(input, options);
  const t = tallyRun(s);
  const out: string[] = [
    `## ${ICON[s.outcome]} ccgw run ${code(s.runId)}: ${s.outcome}`,
    '',
    `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped in ${formatDuration(s.durationMs)} against the ${s.target.kind} gateway ${code(s.target.url)} (profile ${code(profileLabel(s.target))}, ${s.target.auth} auth${s.target.faults ? `, faults ${code(s.target.faults)}` : ''}); ccgw ${md(s.tool.version)}, Node ${md(s.tool.node)}${s.tool.k6 ? `, k6 ${md(s.tool.k6)}` : ''}.`,
    '',
    '| Phase | Outcome | Passed | Failed | Skipped | Duration |',
    '|---|---|--:|--:|--:|--:|',
    ...s.phases.map((p) => {
      const c = tallyPhase(p);
      return `| ${md(p.name)} | ${ICON[p.outcome]} ${p.outcome} | ${c.passed} | ${c.failed} | ${c.skipped} | ${formatDuration(p.durationMs)} |`;
    }),
  ];
  const failures = s.phases.flatMap((p) => [
    ...(p.outcome === 'failed' && p.reason !== undefined ? [`- **${md(p.name)}**: ${md(firstLine(p.reason))}`] : []),
    ...p.cases.filter((c) => c.outcome === 'failed').map((c) => `- **${md(p.name)}** ${code(c.id)} ${md(c.title)}: ${md(firstLine(c.failure?.message ?? 'failed'))}`),
    ...(p.load ?? []).flatMap((l) => [
      ...l.thresholds.filter((th) => !th.ok).map((th) => `- **${md(p.name)}** ${code(l.scenario)} threshold ${code(th.metric)} ${code(th.expression)} crossed${th.value === undefined ? '' : ` (measured ${formatMeasured(th.value)})`}`),
      ...(l.invariant.violations > 0 ? [`- **${md(p.name)}** ${code(l.scenario)} invariant violated ${l.invariant.violations}×${l.invariant.detail?.[0] ? `: ${md(firstLine(l.invariant.detail[0]))}` : ''}`] : []),
    ]),
  ]);
  if (failures.length > 0) {
    out.push('', '### Failures', '', ...failures.slice(0, MAX_FAILURE_LINES));
    if (failures.length > MAX_FAILURE_LINES) out.push(`- … and ${failures.length - MAX_FAILURE_LINES} more (see report.html)`);
  }
  const loads = s.phases.flatMap((p) => p.load ?? []);
  if (loads.length > 0) {
    out.push('', '### Load', '', '| Scenario | Operation | p95 (ms) | p99 (ms) | rps | Errors | Verdict |', '|---|---|--:|--:|--:|--:|---|', ...loads.flatMap(loadRows));
  }
  out.push('', 'Details: `report.html` and `junit.xml` in the run directory.', '');
  return out.join('\n');
}
