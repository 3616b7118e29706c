import { describe, expect, it } from 'vitest';
import { compareRuns, type RunComparison } from './compare.ts';
import { renderComparisonHtml } from './compare-html.ts';
import { findingText, renderComparisonText } from './compare-text.ts';
import type { RunSummary } from './run-summary.ts';
import { SAMPLE_HOSTILE, samplePassingRun } from './testing/sample-runs.ts';

function upgraded(): RunSummary {
  const run = structuredClone(samplePassingRun()) as any;
  run.runId = '20261125T113000Z-new';
  run.outcome = 'failed';
  run.phases[0].outcome = 'failed';
  Object.assign(run.phases[0].cases[2], { outcome: 'failed', failure: { message: `expected 000-005, got 0: ${SAMPLE_HOSTILE}` } });
  run.phases[0].cases[1].observed = { retcode: '900-003', httpStatus: 200 };
  run.phases[1].load[0].latencyMs.addInsert.p95 = 24;
  run.phases[1].load[0].latencyMs.addInsert.p99 = 12;
  run.phases[1].load[0].retcodes.addInsert['000-007'] = 3;
  return run as RunSummary;
}

describe('renderComparisonText', () => {
  const text = renderComparisonText(compareRuns(samplePassingRun(), upgraded()));

  it('starts with the verdict and counts, then both runs and the thresholds', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('ccgw compare: REGRESSED (3 regressions, 1 improvement, 1 change)');
    expect(lines[1]).toBe('  A  20261125T090000Z-old  live https://10.0.0.4:8043  profile ccgw-2024  passed  (started 2026-11-25T09:00:00Z, ccgw 0.1.0)');
    expect(lines[2]).toMatch(/^ {2}B {2}20261125T113000Z-new .* failed /);
    expect(lines[3]).toBe('  thresholds: latency beyond ±20% and 2 ms, throughput beyond ±20%');
  });

  it('names every regression on its own line: the failing case, the changed retcode, the slower p95', () => {
    const section = text.split('Regressions (3)\n')[1]?.split('\n\n')[0]?.split('\n') ?? [];
    expect(section).toEqual([
      '  - retcode       addinsert.target-not-signed-in (contracts): the gateway now answers 900-003 (was 900-005) [addinsert on an agent that is not signed in answers 900-005]',
      `  - case          addinsert.self (contracts): passed → failed: expected 000-005, got 0: ${SAMPLE_HOSTILE} [addinsert on oneself answers 000-005]`,
      '  - latency       barge-storm addInsert p95: 16 ms → 24 ms (+50%, +8 ms)',
    ]);
    expect(text).toContain('Improvements (1)\n  - latency       barge-storm addInsert p99: 24 ms → 12 ms (-50%, -12 ms)');
    expect(text).toContain('Changes (1)\n  - load retcode  barge-storm addInsert 000-007: 0 → 3 answers');
  });

  it('says plainly when nothing differs', () => {
    const same = renderComparisonText(compareRuns(samplePassingRun(), samplePassingRun()));
    expect(same).toContain('ccgw compare: no regressions (0 regressions, 0 improvements, 0 changes)');
    expect(same).toContain('\n\nNo differences beyond the thresholds.');
  });

  it('describes each kind of finding in one line', () => {
    expect(findingText({ kind: 'throughput', severity: 'regression', scenario: 'smoke', fromRps: 50, toRps: 30, deltaPct: -40 })).toBe('throughput    smoke: 50 → 30 req/s (-40%)');
    expect(findingText({ kind: 'invariant', severity: 'regression', scenario: 'storm', from: 0, to: 1, detail: ['agent 30170 barged twice'] })).toBe('invariant     storm: 0 → 1 violation: agent 30170 barged twice');
    expect(findingText({ kind: 'threshold', severity: 'regression', scenario: 's', metric: 'checks', expression: 'rate>0.99', fromOk: true, toOk: false, toValue: 0.98 })).toBe('threshold     s checks rate>0.99: met → crossed (measured 0.98)');
    expect(findingText({ kind: 'scenario', severity: 'change', scenario: 'soak', presentIn: 'a' })).toBe('scenario      soak: only in run A');
    expect(findingText({ kind: 'observed', severity: 'regression', caseId: 'x', title: 't', phase: 'p', field: 'httpStatus', from: 200, to: 404 })).toBe('http status   x (p): the gateway now answers HTTP 404 (was HTTP 200) [t]');
    expect(findingText({ kind: 'latency', severity: 'regression', scenario: 's', operation: 'op', stat: 'p50', fromMs: 0, toMs: 5, deltaMs: 5, deltaPct: null })).toBe('latency       s op p50: 0 ms → 5 ms (new, +5 ms)');
  });
});

describe('renderComparisonHtml', () => {
  const result: RunComparison = compareRuns(samplePassingRun(), upgraded());
  const html = renderComparisonHtml(result);

  it('is a self-contained page with the verdict and counts as data-metrics', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|<img|<[^>]*\ssrc=/i);
    expect(html).toContain('data-metric="compare.verdict" data-unit="text">regressed</span>');
    expect(html).toContain('data-metric="compare.regressions" data-unit="count">3</span>');
    expect(html).toContain('data-metric="compare.improvements" data-unit="count">1</span>');
    expect(html).toContain('data-metric="compare.changes" data-unit="count">1</span>');
  });

  it('shows both runs side by side and a row per finding', () => {
    expect(html).toContain('<h4>Run A (baseline)</h4>');
    expect(html).toContain('<h4>Run B (candidate)</h4>');
    expect(html.match(/<tr data-kind=/g)).toHaveLength(5);
    expect(html).toContain('<td>retcode</td><td>addinsert.target-not-signed-in (contracts): the gateway now answers 900-003 (was 900-005)');
  });

  it('escapes gateway text in findings', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('says plainly when nothing differs', () => {
    const same = renderComparisonHtml(compareRuns(samplePassingRun(), samplePassingRun()));
    expect(same).toContain('data-metric="compare.verdict" data-unit="text">no regressions</span>');
    expect(same).toContain('<p>No differences beyond the thresholds.</p>');
  });
});
