/**
 * The run as one self-contained HTML page (`report.html`): inline CSS and SVG, no script, no external resource.
 * A header with the target, profile, versions and outcome; the rule coverage matrix when the run has one (see
 * `html-coverage.ts`); per phase a table of cases with outcome badges, each
 * failed case with its request, response and expectation side by side, each skipped case with its reason; per load
 * scenario what it was asked to drive and what it achieved, a link to its k6 web dashboard, the latency percentiles
 * per operation, the retcode counts, the thresholds (with units), the invariant, and charts of p95 latency and
 * throughput over time. Key figures sit in `data-metric` elements (see `metric` in `html-page.ts`):
 *
 * | data-metric | value |
 * |---|---|
 * | `run.outcome`, `run.durationMs` | the run's |
 * | `cases.total`, `cases.passed`, `cases.failed`, `cases.skipped` | counts over the run |
 * | `phase.<phase>.outcome`, `.durationMs`, `.total`, `.passed`, `.failed`, `.skipped` | per phase |
 * | `load.<scenario>.iterations`, `.rps`, `.durationMs`, `.checksRate`, `.errorRate`, `.invariant.violations` | per scenario |
 * | `load.<scenario>.latency.<operationId>.<avg\|p50\|p90\|p95\|p99\|max>` | latency in ms |
 * | `load.<scenario>.retcodes.<operationId>.<retcode>` | answer counts |
 * | `coverage.<phase>.<total\|passed\|failed\|skipped\|documented\|inferred>`, `coverage.<phase>.<operationId>.<passed\|failed\|skipped>` | rule counts |
 */
import { catalogueEntry } from '../domain/retcodes.ts';
import { escapeHtml } from './escape.ts';
import { httpPartText, replayText, valueText } from './failure-text.ts';
import { describeTargetKind, formatDuration, formatNumber, profileLabel } from './format.ts';
import { coverageHtml, ruleAnchor } from './html-coverage.ts';
import { achievedText, askedText, thresholdExpressionText, thresholdValueText } from './load-drive.ts';
import { badge, card, htmlPage, metric } from './html-page.ts';
import { redactSummary, type RedactOptions } from './redact.ts';
import { coverageTotals, totalsText } from './rule-coverage.ts';
import { LATENCY_STATS, type Case, type LoadResult, type Observed, type Phase, type RunSummary } from './run-summary.ts';
import { lineChart } from './svg-chart.ts';
import { tallyPhase, tallyRun } from './tally.ts';

const e = escapeHtml;

function fact(label: string, value: string | undefined, raw = false): string {
  if (value === undefined || value === '') return '';
  return `<dt>${e(label)}</dt><dd>${raw ? value : e(value)}</dd>`;
}

function header(s: RunSummary): string {
  const t = tallyRun(s);
  const versions = [`ccgw ${s.tool.version}`, `Node ${s.tool.node}`, s.tool.k6 && `k6 ${s.tool.k6}`, s.tool.pact && `Pact ${s.tool.pact}`, s.tool.platform].filter(Boolean).join(' · ');
  return [
    '<header>',
    `<h1>ccgw run <code>${e(s.runId)}</code> <span class="badge ${s.outcome}" data-metric="run.outcome" data-unit="text">${e(s.outcome)}</span></h1>`,
    '<dl class="facts">',
    fact('Target', `${e(describeTargetKind(s.target.kind).label)} · <code>${e(s.target.url)}</code>`, true),
    fact('Profile', profileLabel(s.target)),
    fact('Auth', s.target.auth),
    fact('Faults', s.target.faults),
    fact('Started', s.startedAt),
    fact('Finished', s.finishedAt),
    fact('Duration', `${formatDuration(s.durationMs)} (${metric('run.durationMs', s.durationMs, 'ms')} ms)`, true),
    fact('Versions', versions),
    '</dl>',
    '<div class="cards">',
    card('Cases', metric('cases.total', t.total, 'count')),
    card('Passed', metric('cases.passed', t.passed, 'count')),
    card('Failed', metric('cases.failed', t.failed, 'count')),
    card('Skipped', metric('cases.skipped', t.skipped, 'count')),
    '</div>',
    '</header>',
  ].join('\n');
}

function phaseOverview(s: RunSummary): string {
  const rows = s.phases.map((p) => {
    const t = tallyPhase(p);
    const m = (k: string, v: number, unit: 'count' | 'ms' = 'count') => metric(`phase.${p.name}.${k}`, v, unit);
    return `<tr><td><a href="#phase-${e(p.name)}">${e(p.name)}</a></td><td><span class="badge ${p.outcome}" data-metric="phase.${e(p.name)}.outcome" data-unit="text">${e(p.outcome)}</span></td><td class="num">${m('total', t.total)}</td><td class="num">${m('passed', t.passed)}</td><td class="num">${m('failed', t.failed)}</td><td class="num">${m('skipped', t.skipped)}</td><td class="num">${m('durationMs', p.durationMs, 'ms')} ms</td></tr>`;
  });
  return `<table class="phases"><thead><tr><th>Phase</th><th>Outcome</th><th class="num">Cases</th><th class="num">Passed</th><th class="num">Failed</th><th class="num">Skipped</th><th class="num">Duration</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function observedText(o: Observed | undefined): string {
  if (!o) return '';
  const parts: string[] = [];
  if (o.retcode !== undefined) parts.push(`retcode ${o.retcode}`);
  if (o.httpStatus !== undefined) parts.push(`HTTP ${o.httpStatus}`);
  return parts.join(' · ');
}

function block(title: string, text: string | undefined): string {
  if (text === undefined || text === '') return '';
  return `<div><h4>${e(title)}</h4><pre>${e(text)}</pre></div>`;
}

function failureDetail(c: Case): string {
  const f = c.failure;
  if (!f) return '';
  const sides = [
    block('Request', f.request && httpPartText(f.request)),
    block('Response', f.response && httpPartText(f.response)),
    block('Expected', f.expected === undefined ? undefined : valueText(f.expected)),
    block('Actual', f.actual === undefined ? undefined : valueText(f.actual)),
  ].filter(Boolean);
  const extra = [block('Counterexample', f.counterexample), block('Replay', replayText(f))].filter(Boolean);
  return [
    `<tr class="detail" id="case-${e(c.id)}-detail"><td colspan="5">`,
    `<p class="message">${e(f.message)}</p>`,
    sides.length > 0 ? `<div class="side-by-side">${sides.join('')}</div>` : '',
    extra.length > 0 ? `<div class="side-by-side" style="margin-top:12px">${extra.join('')}</div>` : '',
    '</td></tr>',
  ].join('');
}

function ruleLine(p: Phase, c: Case): string {
  if (c.rule === undefined) return '';
  const linked = p.coverage?.some((r) => r.rule === c.rule) ?? false;
  const name = linked ? `<a class="mono" href="#${e(ruleAnchor(p.name, c.rule))}">${e(c.rule)}</a>` : `<span class="mono">${e(c.rule)}</span>`;
  return `<div class="muted small">checks rule ${name}</div>`;
}

function caseRows(p: Phase, c: Case): string {
  const reason = c.outcome === 'skipped' ? `<div class="reason">Skipped: ${e(c.skipReason ?? 'no reason given')}</div>` : '';
  const row = `<tr class="${c.outcome}" id="case-${e(c.id)}"><td>${badge(c.outcome)}</td><td>${e(c.title)}<div class="muted mono">${e(c.id)}</div>${ruleLine(p, c)}${reason}</td><td>${e(c.kind)}</td><td class="mono">${e(observedText(c.observed))}</td><td class="num">${formatNumber(c.durationMs, 1)} ms</td></tr>`;
  return c.outcome === 'failed' ? row + failureDetail(c) : row;
}

function latencyTable(l: LoadResult): string {
  const ops = Object.keys(l.latencyMs).sort((a, b) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)));
  if (ops.length === 0) return '<p class="muted">No latency recorded.</p>';
  const head = `<tr><th>Operation</th>${LATENCY_STATS.map((s) => `<th class="num">${s}</th>`).join('')}</tr>`;
  const rows = ops.map((op) => {
    const stats = l.latencyMs[op];
    const cells = LATENCY_STATS.map((s) => `<td class="num">${stats ? metric(`load.${l.scenario}.latency.${op}.${s}`, stats[s], 'ms') : ''}</td>`).join('');
    return `<tr><td class="mono">${e(op)}</td>${cells}</tr>`;
  });
  return `<h4>Latency (ms)</h4><table class="latency"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function retcodeTable(l: LoadResult): string {
  const rows: string[] = [];
  for (const op of Object.keys(l.retcodes).sort()) {
    const codes = l.retcodes[op] ?? {};
    for (const code of Object.keys(codes).sort()) {
      const meaning = catalogueEntry(code)?.meaning ?? 'not in the catalogue of known codes';
      rows.push(`<tr><td class="mono">${e(op)}</td><td class="mono">${e(code)}</td><td class="num">${metric(`load.${l.scenario}.retcodes.${op}.${code}`, codes[code] ?? 0, 'count')}</td><td>${e(meaning)}</td></tr>`);
    }
  }
  if (rows.length === 0) return '<h4>Retcodes</h4><p class="muted">No answers recorded.</p>';
  return `<h4>Retcodes</h4><table class="retcodes"><thead><tr><th>Operation</th><th>Retcode</th><th class="num">Answers</th><th>Meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function thresholdTable(l: LoadResult): string {
  if (l.thresholds.length === 0) return '<h4>Thresholds</h4><p class="muted">No thresholds.</p>';
  const rows = l.thresholds.map((t) => `<tr class="${t.ok ? 'passed' : 'failed'}"><td>${badge(t.ok ? 'passed' : 'failed', t.ok ? 'met' : 'crossed')}</td><td class="mono">${e(t.metric)}</td><td class="mono">${e(thresholdExpressionText(t))}</td><td class="num">${e(thresholdValueText(t))}</td></tr>`);
  return `<h4>Thresholds</h4><table class="thresholds"><thead><tr><th>Result</th><th>Metric</th><th>Expression</th><th class="num">Measured</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function invariantBlock(l: LoadResult): string {
  const v = l.invariant.violations;
  const count = metric(`load.${l.scenario}.invariant.violations`, v, 'count');
  if (v === 0) return `<h4>Invariant</h4><p>${badge('passed', 'held')} ${count} violations</p>`;
  const detail = (l.invariant.detail ?? []).map((d) => `<li>${e(d)}</li>`).join('');
  return `<h4>Invariant</h4><p>${badge('failed', 'violated')} ${count} violations</p>${detail ? `<ul class="mono">${detail}</ul>` : ''}`;
}

function charts(l: LoadResult): string {
  if (l.timeline.length === 0) return '<p class="muted">No timeline recorded.</p>';
  const latency = lineChart({
    title: `p95 latency over time · ${l.scenario}`,
    xLabel: 'time since start (s)',
    yLabel: 'p95 latency (ms)',
    series: [{ name: 'p95 (ms)', cssClass: 'series-latency', points: l.timeline.map((p) => [p.t, p.p95Ms]) }],
    width: 560,
    attributes: { 'data-chart': 'latency', 'data-scenario': l.scenario },
  });
  const throughput = lineChart({
    title: `Throughput over time · ${l.scenario}`,
    xLabel: 'time since start (s)',
    yLabel: 'requests per second',
    series: [{ name: 'req/s', cssClass: 'series-rps', points: l.timeline.map((p) => [p.t, p.rps]) }],
    markers: l.timeline.filter((p) => p.errors > 0).map((p) => ({ x: p.t, label: `${p.errors} error${p.errors === 1 ? '' : 's'} at ${formatNumber(p.t)} s` })),
    width: 560,
    attributes: { 'data-chart': 'throughput', 'data-scenario': l.scenario },
  });
  const errorNote = l.timeline.some((p) => p.errors > 0) ? '<p class="muted">Red lines on the throughput chart mark intervals with errors.</p>' : '';
  return `<div class="charts">${latency}${throughput}</div>${errorNote}`;
}

/** What the scenario was asked and achieved (why and what to do when it fell short), and its k6 dashboard. */
function driveBlock(l: LoadResult): string {
  const lines: string[] = [];
  if (l.asked && l.achieved) {
    const verdict = l.asked.model === 'open' ? badge(l.achieved.ok ? 'passed' : 'failed', l.achieved.ok ? 'reached' : 'fell short') + ' ' : '';
    lines.push(`<p class="drive">${verdict}${e(askedText(l.asked))}; ${e(achievedText(l.asked, l.achieved))}</p>`);
    if (l.achieved.notes?.length) lines.push(`<ul class="message">${l.achieved.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`);
  }
  if (l.dashboard) lines.push(`<p><a href="${e(l.dashboard)}">k6 web dashboard of this run</a> <span class="muted">(${e(l.dashboard)}, beside this page)</span></p>`);
  return lines.join('\n');
}

function loadSection(l: LoadResult): string {
  const m = (k: string, v: number, unit: 'count' | 'rps' | 'ms' | '%') => metric(`load.${l.scenario}.${k}`, v, unit);
  return [
    `<section class="load" id="load-${e(l.scenario)}">`,
    `<h3>Load scenario <code>${e(l.scenario)}</code></h3>`,
    driveBlock(l),
    '<div class="cards">',
    card('Iterations', m('iterations', l.iterations, 'count')),
    card('Throughput', `${m('rps', l.rps, 'rps')} req/s`),
    card('Duration', `${m('durationMs', l.durationMs, 'ms')} ms`),
    card('Checks passed', `${m('checksRate', l.checksRate, '%')} %`),
    card('Errors', `${m('errorRate', l.errorRate, '%')} %`),
    '</div>',
    charts(l),
    latencyTable(l),
    retcodeTable(l),
    thresholdTable(l),
    invariantBlock(l),
    '</section>',
  ].join('\n');
}

function phaseLine(p: Phase): string {
  const t = tallyPhase(p);
  const parts = p.cases.length > 0 || !p.load?.length ? [`${t.passed} passed`, `${t.failed} failed`, `${t.skipped} skipped`] : [];
  if (p.coverage !== undefined) parts.push(totalsText(coverageTotals(p.coverage)));
  if (p.load?.length) {
    const thresholds = p.load.flatMap((l) => l.thresholds);
    const crossed = thresholds.filter((th) => !th.ok).length;
    const violated = p.load.filter((l) => l.invariant.violations > 0).length;
    parts.push(`${p.load.length} load scenario${p.load.length === 1 ? '' : 's'}`, `${crossed} of ${thresholds.length} thresholds crossed`, violated === 0 ? 'invariants held' : `invariant violated in ${violated}`);
  }
  return [...parts, formatDuration(p.durationMs)].join(' · ');
}

function phaseSection(p: Phase): string {
  const table = p.cases.length === 0 ? '' : `<table class="cases"><thead><tr><th>Outcome</th><th>Case</th><th>Kind</th><th>Observed</th><th class="num">Duration</th></tr></thead><tbody>\n${p.cases.map((c) => caseRows(p, c)).join('\n')}\n</tbody></table>`;
  return [
    `<section class="phase" id="phase-${e(p.name)}">`,
    `<h2>${e(p.name)} ${badge(p.outcome)}</h2>`,
    `<p class="muted">${e(phaseLine(p))}</p>`,
    p.reason === undefined ? '' : `<p class="${p.outcome === 'failed' ? 'message' : 'reason'}">${e(p.reason)}</p>`,
    table,
    ...(p.load ?? []).map(loadSection),
    '</section>',
  ].join('\n');
}

/**
 * Renders the run as one self-contained HTML page. The summary is redacted first; `options.secrets` adds literal
 * secrets to scrub.
 */
export function renderHtml(input: RunSummary, options: RedactOptions = {}): string {
  const s = redactSummary(input, options);
  const body = [
    header(s),
    phaseOverview(s),
    coverageHtml(s),
    ...s.phases.map(phaseSection),
    `<footer>Written by ccgw ${e(s.tool.version)} for run ${e(s.runId)}. This page loads nothing and runs no script; summary.json beside it holds the same data.</footer>`,
  ].join('\n');
  return htmlPage({ title: `ccgw run ${s.runId}: ${s.outcome}`, body });
}
