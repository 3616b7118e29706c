/**
 * Load figures as the reports word them: what a scenario was asked to drive, what it achieved, and a threshold with
 * its unit. One wording for report.html, summary.md, junit.xml and `ccgw compare`.
 */
import { formatMeasured, formatNumber, formatPercent } from './format.ts';
import type { LoadAchieved, LoadAsked, ThresholdResult } from './run-summary.ts';

/** What a scenario was asked to drive, in one phrase. */
export function askedText(asked: LoadAsked): string {
  const unit = `${asked.unit}s`;
  if (asked.model === 'open') return `asked ${formatNumber(asked.rate ?? 0)} ${unit}/s for ${asked.duration} on at most ${asked.vus} VUs (open model)`;
  return `asked ${asked.vus} VUs${asked.iterationsPerVu === undefined ? '' : ` × ${asked.iterationsPerVu} ${unit}`} within ${asked.duration} (closed model)`;
}

/** What a scenario achieved, in one phrase; for an open model with its share of the asked rate. */
export function achievedText(asked: LoadAsked, a: LoadAchieved): string {
  const unit = `${asked.unit}s`;
  const share = asked.model === 'open' ? ` (${formatPercent(a.ratio ?? 0, 1)} % of asked, ${formatPercent(asked.minAchievedRatio ?? 0.9, 1)} % required)` : ` (not judged: a closed model's rate follows latency and pauses)`;
  const dropped = asked.model === 'open' ? `, ${a.dropped} dropped, ${a.vusPeak} of ${a.vusLimit} VUs busy` : '';
  return `achieved ${formatNumber(a.perSecond, 1)} ${unit}/s${share}, ${formatNumber(a.callsPerSecond, 1)} calls/s${dropped}`;
}

/** A threshold's measured value with its unit: `12.1 ms`, `99.75 %`, `42831`. */
export function thresholdValueText(t: ThresholdResult): string {
  if (t.value === undefined) return '';
  if (t.unit === 'ms') return `${formatMeasured(t.value)} ms`;
  if (t.unit === 'fraction') return `${formatPercent(t.value)} %`;
  return formatMeasured(t.value);
}

/** A threshold's expression with its unit: `p(95)<500 ms`, `rate>=0.99 (99 %)`, `count<=4500`. */
export function thresholdExpressionText(t: ThresholdResult): string {
  const bound = /([<>]=?|==|!=)\s*(-?[0-9.]+)\s*$/.exec(t.expression);
  if (!bound) return t.expression;
  if (t.unit === 'ms') return `${t.expression} ms`;
  if (t.unit === 'fraction') return `${t.expression} (${formatPercent(Number(bound[2]))} %)`;
  return t.expression;
}
