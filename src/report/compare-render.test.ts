import { describe, expect, it } from 'vitest';
import { compareRuns, type RunComparison } from './compare.ts';
import { renderComparisonHtml } from './compare-html.ts';
import { findingText, formatPValue, latencyColumns, latencyRowText, renderComparisonText } from './compare-text.ts';
import type { RunSummary } from './run-summary.ts';
import { latenciesOf } from './testing/sample-latencies.ts';
import { SAMPLE_HOSTILE, samplePassingRun } from './testing/sample-runs.ts';

/** Calls with fixed values, so that every number in the rendering can be checked by hand. */
const range = (n: number, from: number, step: number) => Array.from({ length: n }, (_, i) => Math.round((from + i * step) * 1000) / 1000);
const LATENCIES = {
  // addInsert: 8.0 … 9.9 ms against 308.0 … 309.9 ms (+300 ms); cancelInsert 40 … 49.5 against 10 … 19.5 (-30 ms);
  // getAgentEvent: the same values (no shift); signIn: 8 calls.
  a: latenciesOf('barge-storm', { addInsert: range(20, 8, 0.1), cancelInsert: range(20, 40, 0.5), getAgentEvent: range(30, 1, 0.01), signIn: range(8, 5, 1) }),
  b: latenciesOf('barge-storm', { addInsert: range(20, 308, 0.1), cancelInsert: range(20, 10, 0.5), getAgentEvent: range(30, 1, 0.01), signIn: range(8, 5, 1) }),
};

/** Both runs with the same 20 addInsert calls. */
const SAME = { a: latenciesOf('barge-storm', { addInsert: range(20, 8, 0.1) }), b: latenciesOf('barge-storm', { addInsert: range(20, 8, 0.1) }) };

function upgraded(): RunSummary {
  const run = structuredClone(samplePassingRun()) as any;
  run.runId = '20261125T113000Z-new';
  run.outcome = 'failed';
  run.phases[0].outcome = 'failed';
  Object.assign(run.phases[0].cases[2], { outcome: 'failed', failure: { message: `expected 000-005, got 0: ${SAMPLE_HOSTILE}` } });
  run.phases[0].cases[1].observed = { retcode: '900-003', httpStatus: 200 };
  run.phases[1].load[0].retcodes.addInsert['000-007'] = 3;
  return run as RunSummary;
}

describe('renderComparisonText', () => {
  const text = renderComparisonText(compareRuns(samplePassingRun(), upgraded(), {}, LATENCIES));

  it('starts with the verdict and counts, then both runs and the thresholds', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('ccgw compare: REGRESSED (3 regressions, 1 improvement, 2 changes)');
    expect(lines[1]).toBe('  A  20261125T090000Z-old  live https://10.0.0.4:8043  profile ccgw-2024  passed  (started 2026-11-25T09:00:00Z, ccgw 0.1.0)');
    expect(lines[2]).toMatch(/^ {2}B {2}20261125T113000Z-new .* failed /);
    expect(lines[3]).toBe(
      "  latency: slower or faster when the Mann–Whitney U test on the raw samples finds it at α = 0.01 (one-sided) and the Hodges–Lehmann shift is ≥ 20% of A's median and ≥ 5 ms; throughput beyond ±20% is listed as a change",
    );
  });

  it('names every regression on its own line: the failing case, the changed retcode, the slower operation with its size and confidence', () => {
    const section = text.split('Regressions (3)\n')[1]?.split('\n\n')[0]?.split('\n') ?? [];
    expect(section).toEqual([
      '  - retcode       addinsert.target-not-signed-in (contracts): the gateway now answers 900-003 (was 900-005) [addinsert on an agent that is not signed in answers 900-005]',
      `  - case          addinsert.self (contracts): passed → failed: expected 000-005, got 0: ${SAMPLE_HOSTILE} [addinsert on oneself answers 000-005]`,
      // By hand: the differences are 300 + 0.1·k ms, k = -19 … 19, each 20 − |k| times: their median is 300 ms,
      // 3352 % of A's median 8.95 ms. All of B is above all of A: the exact p is 1/C(40, 20) = 7.3e-12. The 98 %
      // interval runs from the 114th difference (qwilcox(0.01, 20, 20) = 114; k = -5) to the 287th (k = 5).
      '  - latency       barge-storm addInsert: slower by +300 ms (+3352%), 98% interval +299.5 … +300.5 ms, one-sided p = 7.3e-12; median 8.95 ms → 308.9 ms, n = 20/20',
    ]);
    expect(text).toContain('Improvements (1)\n  - latency       barge-storm cancelInsert: faster by -30 ms (-67%), 98% interval -32.5 … -27.5 ms, one-sided p = 7.3e-12; median 44.8 ms → 14.8 ms, n = 20/20');
    expect(text).toContain(
      'Changes (2)\n  - latency       barge-storm signIn: too few samples to judge (n = 8/8; at least 20 each)\n  - load retcode  barge-storm addInsert 000-007: 0 → 3 answers',
    );
  });

  it('ends with the latency of every operation, judged or not', () => {
    expect(text.split('Latency per operation (4)\n')[1]?.split('\n')).toEqual([
      '  - barge-storm addInsert: slower: +300 ms (+3352%), 98% interval +299.5 … +300.5 ms, one-sided p = 7.3e-12; median 8.95 ms → 308.9 ms, n = 20/20',
      '  - barge-storm cancelInsert: faster: -30 ms (-67%), 98% interval -32.5 … -27.5 ms, one-sided p = 7.3e-12; median 44.8 ms → 14.8 ms, n = 20/20',
      // The same 30 values on both sides (ties): the normal approximation, U = 450 = n·m/2, so p = P(Z > -0.5/σ)
      // with the tie-corrected σ = 67.6; the interval's rank is 450 − 2.326·67.6 ≈ 293, the 293rd difference is -0.06.
      '  - barge-storm getAgentEvent: no significant shift: 0 ms (0%), 98% interval -0.06 … +0.06 ms, one-sided p = 0.503; median 1.15 ms → 1.15 ms, n = 30/30',
      '  - barge-storm signIn: too few samples to judge (n = 8/8; at least 20 each)',
    ]);
  });

  it('says why latency was not judged when a run has no raw samples, and shows its percentiles for information', () => {
    const result = compareRuns(samplePassingRun(), upgraded(), {}, { b: LATENCIES.b });
    expect(renderComparisonText(result)).toContain('  - latency       barge-storm: not judged: no raw samples (run A: no raw samples were loaded for this run)');
    expect(latencyRowText(result.latency[0]!)).toBe('barge-storm addInsert: not judged: no raw samples (for information: p50 9 ms → 9 ms, p95 16 ms → 16 ms)');
    expect(latencyColumns(result.latency[0]!)).toEqual({ operation: 'barge-storm addInsert', verdict: 'not judged: no raw samples', calls: '–', medians: 'p50 9 ms → 9 ms', shift: '–', interval: '–', p: '–' });
  });

  it('formats p-values for people', () => {
    expect([0.5, 0.01234, 0.001, 0.000031, 7.3e-12, 1e-16, 0].map(formatPValue)).toEqual(['0.5', '0.0123', '0.001', '3.1e-5', '7.3e-12', '< 1e-15', '< 1e-15']);
  });

  it('says plainly when nothing differs', () => {
    const same = renderComparisonText(compareRuns(samplePassingRun(), samplePassingRun(), {}, SAME));
    expect(same).toContain('ccgw compare: no regressions (0 regressions, 0 improvements, 0 changes)');
    expect(same).toContain('\n\nNo differences beyond the thresholds.');
  });

  it('describes each kind of finding in one line', () => {
    expect(findingText({ kind: 'throughput', severity: 'change', scenario: 'smoke', fromRps: 50, toRps: 30, deltaPct: -40 })).toBe('throughput    smoke: 50 → 30 req/s (-40%; not judged: it follows latency, sleeps and the arrival rate)');
    expect(findingText({ kind: 'rule', severity: 'regression', rule: 'addInsert.targetNotSignedIn', title: 'the target is not signed in', from: 'passed', to: 'failed', detail: 'expected retcode 900-005, got 900-003' })).toBe(
      'rule          addInsert.targetNotSignedIn (the target is not signed in): passed → failed: expected retcode 900-005, got 900-003',
    );
    expect(findingText({ kind: 'rule', severity: 'change', rule: 'signIn.ok', title: 'a valid sign-in', from: 'passed', to: 'absent' })).toBe('rule          signIn.ok (a valid sign-in): passed → absent');
    expect(findingText({ kind: 'invariant', severity: 'regression', scenario: 'storm', from: 0, to: 1, detail: ['agent 30170 barged twice'] })).toBe('invariant     storm: 0 → 1 violation: agent 30170 barged twice');
    expect(findingText({ kind: 'threshold', severity: 'regression', scenario: 's', metric: 'checks', expression: 'rate>0.99', fromOk: true, toOk: false, toValue: 0.98 })).toBe('threshold     s checks rate>0.99: met → crossed (measured 0.98)');
    expect(findingText({ kind: 'scenario', severity: 'change', scenario: 'soak', presentIn: 'a' })).toBe('scenario      soak: only in run A');
    const asked = { model: 'open' as const, unit: 'cycle' as const, rate: 200, vus: 40, duration: '1m', minAchievedRatio: 0.9 };
    const achieved = { seconds: 60, iterations: 11_990, perSecond: 199.8, calls: 107_910, callsPerSecond: 1798.5, dropped: 10, vusPeak: 14, vusLimit: 40, ratio: 0.9992, ok: true };
    expect(findingText({ kind: 'achieved', severity: 'change', scenario: 'throughput', from: { asked, achieved }, to: { asked, achieved: { ...achieved, perSecond: 150, ratio: 0.75, ok: false } } })).toBe(
      'achieved      throughput: asked 200 cycles/s for 1m on at most 40 VUs (open model); achieved 199.8 cycles/s (99.9 % of asked, 90 % required), 1798.5 calls/s, 10 dropped, 14 of 40 VUs busy → achieved 150 cycles/s (75 % of asked, 90 % required), 1798.5 calls/s, 10 dropped, 14 of 40 VUs busy (fell short)',
    );
    expect(findingText({ kind: 'observed', severity: 'regression', caseId: 'x', title: 't', phase: 'p', field: 'httpStatus', from: 200, to: 404 })).toBe('http status   x (p): the gateway now answers HTTP 404 (was HTTP 200) [t]');
    expect(
      findingText({
        kind: 'latency',
        severity: 'regression',
        scenario: 's',
        operation: 'op',
        a: { n: 20, medianMs: 0 },
        b: { n: 25, medianMs: 6 },
        test: { shiftMs: 6, shiftPct: null, interval: { lowMs: 5.5, highMs: 6.5, confidence: 0.98 }, pSlower: 0.00012, pFaster: 0.9999, method: 'normal' },
      }),
    ).toBe('latency       s op: slower by +6 ms (new), 98% interval +5.5 … +6.5 ms, one-sided p = 1.2e-4; median 0 ms → 6 ms, n = 20/25');
  });
});

describe('renderComparisonHtml', () => {
  const result: RunComparison = compareRuns(samplePassingRun(), upgraded(), {}, LATENCIES);
  const html = renderComparisonHtml(result);

  it('is a self-contained page with the verdict and counts as data-metrics', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|<img|<[^>]*\ssrc=/i);
    expect(html).toContain('data-metric="compare.verdict" data-unit="text">regressed</span>');
    expect(html).toContain('data-metric="compare.regressions" data-unit="count">3</span>');
    expect(html).toContain('data-metric="compare.improvements" data-unit="count">1</span>');
    expect(html).toContain('data-metric="compare.changes" data-unit="count">2</span>');
  });

  it('shows both runs side by side and a row per finding', () => {
    expect(html).toContain('<h4>Run A (baseline)</h4>');
    expect(html).toContain('<h4>Run B (candidate)</h4>');
    expect(html.match(/<tr data-kind=/g)).toHaveLength(6);
    expect(html).toContain('<td>retcode</td><td>addinsert.target-not-signed-in (contracts): the gateway now answers 900-003 (was 900-005)');
  });

  it('has a latency table with the shift, interval, p-value, medians and calls of every operation', () => {
    expect(html).toContain('<h2>Latency per operation (4)</h2>');
    expect(html).toContain(
      '<tr data-verdict="slower"><td>barge-storm addInsert</td><td><span class="badge regression">slower</span></td><td>+300 ms (+3352%)</td><td>98%: +299.5 … +300.5 ms</td><td>7.3e-12</td><td>8.95 ms → 308.9 ms</td><td>20/20</td></tr>',
    );
    expect(html).toContain('<tr data-verdict="too-few-samples"><td>barge-storm signIn</td><td><span class="badge change">too few samples to judge</span></td>');
  });

  it('escapes gateway text in findings', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('says plainly when nothing differs', () => {
    const same = renderComparisonHtml(compareRuns(samplePassingRun(), samplePassingRun(), {}, SAME));
    expect(same).toContain('data-metric="compare.verdict" data-unit="text">no regressions</span>');
    expect(same).toContain('<p>No differences beyond the thresholds.</p>');
  });
});
