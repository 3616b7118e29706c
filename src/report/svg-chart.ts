/**
 * A small line chart as inline SVG: axes with ticks and labels, a title, one polyline per series and optional
 * markers (e.g. intervals with errors). No script, no external resources; every label is escaped.
 */
import { escapeHtml } from './escape.ts';
import { formatNumber } from './format.ts';

/** One line of a chart. */
export interface ChartSeries {
  /** The legend text. */
  readonly name: string;
  /** A CSS class for the line's colour (the page's stylesheet defines it). */
  readonly cssClass: string;
  /** [x, y] points in x order. */
  readonly points: readonly (readonly [number, number])[];
}

/** A vertical marker at an x position, e.g. an interval with errors. */
export interface ChartMarker {
  readonly x: number;
  /** Shown as the marker's tooltip (`<title>`). */
  readonly label: string;
}

/** What to draw. */
export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly ChartSeries[];
  readonly markers?: readonly ChartMarker[];
  /** Drawing size in CSS pixels; the SVG scales to its container. Default 640 × 220. */
  readonly width?: number;
  readonly height?: number;
  /** Extra attributes for the `<svg>` element, e.g. `{ 'data-chart': 'latency' }` (names must be safe). */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** Tick values from 0 to at least `max`, at a 1-2-5 step, about `count` of them. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const v = Number((i * step).toPrecision(12));
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}

function r(n: number): string {
  return formatNumber(n, 1);
}

/**
 * Renders the chart as an `<svg>` element (a string of HTML). Each series' polyline carries `data-series` with the
 * series name and has one point per input point, so a test can count them.
 */
export function lineChart(options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const m = { left: 60, right: 16, top: 30, bottom: 44 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const all = options.series.flatMap((s) => s.points);
  const xTicks = niceTicks(Math.max(0, ...all.map((p) => p[0]), ...(options.markers ?? []).map((mk) => mk.x)), 6);
  const yTicks = niceTicks(Math.max(0, ...all.map((p) => p[1])), 4);
  const xMax = xTicks[xTicks.length - 1] ?? 1;
  const yMax = yTicks[yTicks.length - 1] ?? 1;
  const sx = (x: number) => m.left + (x / xMax) * plotW;
  const sy = (y: number) => m.top + plotH - (y / yMax) * plotH;
  const attrs = Object.entries(options.attributes ?? {}).map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('');
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}"${attrs}>`,
    `<title>${escapeHtml(options.title)}</title>`,
    `<text class="chart-title" x="${m.left}" y="18">${escapeHtml(options.title)}</text>`,
  ];
  out.push('<g class="grid">');
  for (const y of yTicks) out.push(`<line x1="${m.left}" y1="${r(sy(y))}" x2="${width - m.right}" y2="${r(sy(y))}"/>`);
  out.push('</g>', '<g class="axis">');
  out.push(`<line x1="${m.left}" y1="${m.top + plotH}" x2="${width - m.right}" y2="${m.top + plotH}"/>`);
  out.push(`<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + plotH}"/>`);
  for (const x of xTicks) {
    out.push(`<line x1="${r(sx(x))}" y1="${m.top + plotH}" x2="${r(sx(x))}" y2="${m.top + plotH + 4}"/>`);
    out.push(`<text x="${r(sx(x))}" y="${m.top + plotH + 16}" text-anchor="middle">${formatNumber(x)}</text>`);
  }
  for (const y of yTicks) out.push(`<text x="${m.left - 6}" y="${r(sy(y) + 4)}" text-anchor="end">${formatNumber(y)}</text>`);
  out.push(`<text class="axis-label" x="${m.left + plotW / 2}" y="${height - 6}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`);
  out.push(`<text class="axis-label" transform="translate(14 ${m.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(options.yLabel)}</text>`);
  out.push('</g>');
  for (const mk of options.markers ?? []) {
    out.push(`<line class="marker" x1="${r(sx(mk.x))}" y1="${m.top}" x2="${r(sx(mk.x))}" y2="${m.top + plotH}"><title>${escapeHtml(mk.label)}</title></line>`);
  }
  options.series.forEach((s, i) => {
    const points = s.points.map(([x, y]) => `${r(sx(x))},${r(sy(y))}`).join(' ');
    out.push(`<polyline class="series ${escapeHtml(s.cssClass)}" data-series="${escapeHtml(s.name)}" points="${points}"/>`);
    if (s.points.length === 1) {
      const [x, y] = s.points[0] as readonly [number, number];
      out.push(`<circle class="series-dot ${escapeHtml(s.cssClass)}" cx="${r(sx(x))}" cy="${r(sy(y))}" r="3"/>`);
    }
    const lx = width - m.right - 150;
    const ly = 14 + i * 14;
    out.push(`<line class="series ${escapeHtml(s.cssClass)}" x1="${lx}" y1="${ly - 4}" x2="${lx + 18}" y2="${ly - 4}"/><text class="legend" x="${lx + 24}" y="${ly}">${escapeHtml(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
