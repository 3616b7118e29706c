/**
 * A short Markdown summary of the run for a CI job page (GitHub `$GITHUB_STEP_SUMMARY`, a GitLab MR note): the
 * outcome, the counts per phase, one line per failure, the load figures (p95, p99, rps per scenario and
 * operation), and the rule coverage matrix when the run has one (per operation a table of its rules). Untrusted text is escaped so that it cannot add HTML, links or table columns.
 */
import { markdownCode as code, escapeMarkdown as md } from './escape.ts';
import { describeTargetKind, firstLine, formatDuration, formatMeasured, formatNumber, formatPercent, profileLabel } from './format.ts';
import { achievedText, askedText } from './load-drive.ts';
import { redactSummary, type RedactOptions } from './redact.ts';
import { answerText, countsText, coverageSections, firstCaseOf, rowDetail, totalsText } from './rule-coverage.ts';
import type { LoadResult, Outcome, Phase, RuleCoverage, RunSummary } from './run-summary.ts';
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

function basisCell(row: RuleCoverage): string {
  return `${row.provenance}${row.setting === undefined ? '' : ` (setting ${code(row.setting)})`}: ${md(row.source)}`;
}

function detailCell(row: RuleCoverage, phase: Phase): string {
  const detail = rowDetail(row);
  if (row.outcome !== 'failed') return md(detail);
  const first = firstCaseOf(row, phase, 'failed');
  return `${md(detail)}${first ? ` (case ${code(first.id)})` : ''}`;
}

function coverageTable(phase: Phase, rows: readonly RuleCoverage[]): string[] {
  return [
    '| # | Rule | Situation | Expected | Observed | Outcome | Cases | Expected vs observed, or why skipped | Basis |',
    '|--:|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => {
      const observed = row.outcome === 'skipped' ? '' : answerText(firstCaseOf(row, phase, row.outcome)?.observed);
      return `| ${row.rank} | ${code(row.rule)} | ${md(row.title)} | ${code(row.expected)} | ${observed === '' ? '' : code(observed)} | ${ICON[row.outcome]} ${row.outcome} | ${countsText(row.counts)} | ${detailCell(row, phase)} | ${basisCell(row)} |`;
    }),
  ];
}

/**
 * The rule coverage matrix of a run as Markdown: per phase with a matrix (the `rules` phase) a heading at `level`
 * naming the profile, the totals, and per operation (in the fixed order, one level deeper) a table of its rules in
 * precedence order. Empty when no phase has a matrix. The summary must be redacted already; `renderMarkdown` and
 * the vendor bundle's `rules.md` both use it.
 */
export function coverageMarkdown(s: RunSummary, level = 3): string {
  const sections = coverageSections(s);
  const h = (n: number) => '#'.repeat(Math.min(6, n));
  const out: string[] = [];
  for (const { phase, groups, totals } of sections) {
    out.push(`${h(level)} Rule coverage${sections.length > 1 ? ` of ${code(phase.name)}` : ''} under ${code(profileLabel(s.target))}`, '');
    out.push(`${totalsText(totals)} (phase ${code(phase.name)}). A rule passes when a case passed and none failed; a rule none of whose cases could run is skipped, never passed.`);
    for (const g of groups) {
      const t = g.totals;
      out.push('', `${h(level + 1)} ${md(g.operation)}: ${t.total} rule${t.total === 1 ? '' : 's'}, ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`, '', ...coverageTable(phase, g.rows));
    }
    out.push('');
  }
  return out.join('\n');
}

/** Renders the Markdown summary. The summary is redacted first; `options.secrets` adds literal secrets. */
export function renderMarkdown(input: RunSummary, options: RedactOptions = {}): string {
  const s = redactSummary(input, options);
  const t = tallyRun(s);
  const out: string[] = [
    `## ${ICON[s.outcome]} ccgw run ${code(s.runId)}: ${s.outcome}`,
    '',
    `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped in ${formatDuration(s.durationMs)} against ${describeTargetKind(s.target.kind).phrase} ${code(s.target.url)} (profile ${code(profileLabel(s.target))}, ${s.target.auth} auth${s.target.faults ? `, faults ${code(s.target.faults)}` : ''}); ccgw ${md(s.tool.version)}, Node ${md(s.tool.node)}${s.tool.k6 ? `, k6 ${md(s.tool.k6)}` : ''}.`,
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
      ...(l.achieved?.ok === false ? [`- **${md(p.name)}** ${code(l.scenario)} ${md(l.achieved.notes?.[0] ?? 'fell short of its asked rate')}`] : []),
    ]),
  ]);
  if (failures.length > 0) {
    out.push('', '### Failures', '', ...failures.slice(0, MAX_FAILURE_LINES));
    if (failures.length > MAX_FAILURE_LINES) out.push(`- … and ${failures.length - MAX_FAILURE_LINES} more (see report.html)`);
  }
  const loads = s.phases.flatMap((p) => p.load ?? []);
  if (loads.length > 0) {
    out.push('', '### Load', '', '| Scenario | Operation | p95 (ms) | p99 (ms) | rps | Errors | Verdict |', '|---|---|--:|--:|--:|--:|---|', ...loads.flatMap(loadRows));
    const driven = loads.filter((l) => l.asked && l.achieved).map((l) => `- ${code(l.scenario)}: ${md(askedText(l.asked!))}; ${md(achievedText(l.asked!, l.achieved!))}${l.achieved!.ok ? '' : ' ❌'}`);
    if (driven.length > 0) out.push('', ...driven);
  }
  const coverage = coverageMarkdown(s, 3);
  if (coverage !== '') out.push('', coverage.trimEnd());
  out.push('', 'Details: `report.html` and `junit.xml` in the run directory.', '');
  return out.join('\n');
}
