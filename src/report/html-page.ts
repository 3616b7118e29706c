/**
 * The shell shared by the HTML run report and the HTML comparison: one self-contained page with inline CSS, a
 * Content-Security-Policy that forbids scripts and every external resource, outcome badges, and `data-metric`
 * elements that carry the key numbers for tests.
 */
import { escapeHtml } from './escape.ts';
import { formatNumber, formatPercent } from './format.ts';

/** Nothing is loaded and nothing runs: the report is read as it is, and untrusted text cannot become active. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CSS = `
:root { --fg:#1d232b; --muted:#5b6573; --line:#d8dde4; --bg:#ffffff; --panel:#f5f7fa;
  --pass:#1a7f37; --pass-bg:#dafbe1; --fail:#cf222e; --fail-bg:#ffebe9; --skip:#7d4e00; --skip-bg:#fff8c5;
  --change:#0550ae; --change-bg:#ddf4ff; --lat:#8250df; --rps:#0969da; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 8px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
h2 { font-size: 18px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); display: flex; gap: 10px; align-items: center; }
h3 { font-size: 15px; margin: 20px 0 8px; }
h4 { font-size: 13px; margin: 0 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
pre { margin: 0; padding: 8px 10px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; white-space: pre-wrap; word-break: break-word; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12.5px; background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 110px; }
.card .label { color: var(--muted); font-size: 12px; }
.card .value { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; white-space: nowrap; }
.badge.passed, .badge.improvement { color: var(--pass); background: var(--pass-bg); }
.badge.failed, .badge.regression { color: var(--fail); background: var(--fail-bg); }
.badge.skipped { color: var(--skip); background: var(--skip-bg); }
.badge.change { color: var(--change); background: var(--change-bg); }
tr.failed > td { background: #fff5f5; }
tr.detail > td { background: #fffafa; padding: 8px 8px 16px; }
.reason { color: var(--skip); }
.message { color: var(--fail); font-weight: 600; margin: 0 0 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; }
.muted { color: var(--muted); }
.charts { display: flex; flex-wrap: wrap; gap: 16px; margin: 8px 0 16px; }
section.load { margin-top: 24px; padding-top: 4px; border-top: 1px dashed var(--line); }
svg.chart { max-width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
svg.chart .chart-title { font-size: 13px; font-weight: 600; fill: var(--fg); }
svg.chart text { font-size: 11px; fill: var(--muted); font-family: system-ui, sans-serif; }
svg.chart .legend { fill: var(--fg); }
svg.chart .axis line { stroke: #8c959f; stroke-width: 1; }
svg.chart .grid line { stroke: #eaeef2; stroke-width: 1; }
svg.chart .series { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
svg.chart .series-latency { stroke: var(--lat); fill: var(--lat); }
svg.chart polyline.series-latency, svg.chart line.series-latency, svg.chart polyline.series-rps, svg.chart line.series-rps { fill: none; }
svg.chart .series-rps { stroke: var(--rps); fill: var(--rps); }
svg.chart .marker { stroke: var(--fail); stroke-width: 2; stroke-opacity: .45; }
.small { font-size: 12px; }
details.coverage-op { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
details.coverage-op > summary { cursor: pointer; padding: 6px 10px; background: var(--panel); border-radius: 6px; }
details.coverage-op[open] > summary { border-bottom: 1px solid var(--line); border-radius: 6px 6px 0 0; }
details.coverage-op > table { margin: 0; }
table.coverage td.cases { max-width: 260px; }
.case-links { overflow-wrap: anywhere; }
.case-links a { font-size: 12px; }
.prov { display: inline-block; padding: 0 6px; border-radius: 4px; border: 1px solid var(--line); font-size: 12px; font-weight: 600; }
.prov.documented { color: var(--change); background: var(--change-bg); }
.prov.inferred { color: var(--skip); border-style: dashed; }
.source { max-width: 320px; overflow-wrap: anywhere; }
tr:target > td { background: var(--change-bg); }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media print { body { padding: 0; } tr.detail { break-inside: avoid; } }
`;

/** The page to render. */
export interface PageOptions {
  /** The `<title>`; escaped here. */
  readonly title: string;
  /** The body's HTML, already escaped by the caller. */
  readonly body: string;
}

/** A complete HTML document with the shared stylesheet and security policy. */
export function htmlPage(options: PageOptions): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    options.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** An outcome or severity badge. */
export function badge(word: 'passed' | 'failed' | 'skipped' | 'regression' | 'improvement' | 'change', text: string = word): string {
  return `<span class="badge ${word}">${escapeHtml(text)}</span>`;
}

/** A figure card: a small label over a large value (HTML, already escaped: typically a `metric`). */
export function card(label: string, value: string): string {
  return `<div class="card"><div class="label">${escapeHtml(label)}</div><div class="value">${value}</div></div>`;
}

/** The unit of a metric: how the number is shown and how a test reads it back. `%` metrics show fraction × 100. */
export type MetricUnit = 'ms' | 'rps' | '%' | 'count' | 'text';

/**
 * A key figure in an element with `data-metric` (its name) and `data-unit`. The text is the bare number (for `%`,
 * the fraction × 100) so that a test can compare it with the JSON.
 */
export function metric(name: string, value: number | string, unit: MetricUnit): string {
  const text = typeof value === 'string' ? value : unit === '%' ? formatPercent(value) : formatNumber(value);
  return `<span class="metric" data-metric="${escapeHtml(name)}" data-unit="${unit}">${escapeHtml(text)}</span>`;
}
