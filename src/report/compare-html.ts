/**
 * A run comparison as one self-contained HTML page (same shell as the run report: inline CSS, no script, nothing
 * loaded): the verdict, the two runs side by side, a table per severity and the latency of every operation (the
 * numbers behind each latency verdict). Counts sit in `data-metric` elements
 * `compare.regressions`, `compare.improvements`, `compare.changes`, and the verdict in `compare.verdict`.
 */
import type { RunComparison, RunSide } from './compare.ts';
import type { LatencyRow } from './compare-latency.ts';
import { findingParts, latencyColumns, latencyRuleText, SEVERITY_HEADINGS } from './compare-text.ts';
import { escapeHtml as e } from './escape.ts';
import { describeTargetKind, profileLabel } from './format.ts';
import { badge, htmlPage, metric } from './html-page.ts';

function sideColumn(label: string, s: RunSide): string {
  return [
    '<div>',
    `<h4>Run ${label}</h4>`,
    '<dl class="facts">',
    `<dt>Run</dt><dd><code>${e(s.runId)}</code> ${badge(s.outcome)}</dd>`,
    `<dt>Target</dt><dd>${e(describeTargetKind(s.target.kind).label)} · <code>${e(s.target.url)}</code></dd>`,
    `<dt>Profile</dt><dd>${e(profileLabel(s.target))}</dd>`,
    `<dt>Auth</dt><dd>${e(s.target.auth)}</dd>`,
    s.target.faults === undefined ? '' : `<dt>Faults</dt><dd>${e(s.target.faults)}</dd>`,
    `<dt>Started</dt><dd>${e(s.startedAt)}</dd>`,
    `<dt>ccgw</dt><dd>${e(s.toolVersion)}</dd>`,
    '</dl>',
    '</div>',
  ].join('\n');
}

/** Renders the comparison as a self-contained HTML page. */
export function renderComparisonHtml(c: RunComparison): string {
  const verdict = c.regressed ? 'regressed' : 'no regressions';
  const body: string[] = [
    '<header>',
    `<h1>ccgw compare <span class="badge ${c.regressed ? 'failed' : 'passed'}" data-metric="compare.verdict" data-unit="text">${verdict}</span></h1>`,
    `<div class="side-by-side">${sideColumn('A (baseline)', c.a)}${sideColumn('B (candidate)', c.b)}</div>`,
    '<div class="cards">',
    `<div class="card"><div class="label">Regressions</div><div class="value">${metric('compare.regressions', c.counts.regression, 'count')}</div></div>`,
    `<div class="card"><div class="label">Improvements</div><div class="value">${metric('compare.improvements', c.counts.improvement, 'count')}</div></div>`,
    `<div class="card"><div class="label">Changes</div><div class="value">${metric('compare.changes', c.counts.change, 'count')}</div></div>`,
    '</div>',
    `<p class="muted">${e(latencyRuleText(c.options).replace(/^latency: /, 'Latency is '))}.</p>`,
    '</header>',
  ];
  if (c.findings.length === 0) body.push('<p>No differences beyond the thresholds.</p>');
  for (const [severity, heading] of SEVERITY_HEADINGS) {
    const group = c.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    const rows = group.map((f) => {
      const { label, text } = findingParts(f);
      return `<tr data-kind="${e(f.kind)}"><td>${badge(severity)}</td><td>${e(label)}</td><td>${e(text)}</td></tr>`;
    });
    body.push(`<h2>${e(heading)} (${group.length})</h2>`, `<table class="findings"><thead><tr><th>Severity</th><th>What</th><th>Finding</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  if (c.latency.length > 0) {
    const rows = c.latency.map((r: LatencyRow) => {
      const k = latencyColumns(r);
      const severity = r.verdict === 'slower' ? 'regression' : r.verdict === 'faster' ? 'improvement' : 'change';
      return `<tr data-verdict="${e(r.verdict)}"><td>${e(k.operation)}</td><td>${badge(severity, k.verdict)}</td><td>${e(k.shift)}</td><td>${e(k.interval)}</td><td>${e(k.p)}</td><td>${e(k.medians)}</td><td>${e(k.calls)}</td></tr>`;
    });
    body.push(
      `<h2>Latency per operation (${c.latency.length})</h2>`,
      `<table class="findings"><thead><tr><th>Operation</th><th>Verdict</th><th>Shift (Hodges–Lehmann)</th><th>Interval</th><th>One-sided p</th><th>Median A → B</th><th>Calls A/B</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
  }
  if (c.notes.length > 0) body.push('<h2>Notes</h2>', `<ul>${c.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`);
  body.push(`<footer>Run A ${e(c.a.runId)} compared with run B ${e(c.b.runId)} by ccgw compare. This page loads nothing and runs no script.</footer>`);
  return htmlPage({ title: `ccgw compare ${c.a.runId} → ${c.b.runId}: ${verdict}`, body: body.join('\n') });
}
