import { describe, expect, it } from 'vitest';
import { judgeLatency, MIN_SAMPLES, type LatencyRule } from './compare-latency.ts';
import { sampleLatencies } from './testing/sample-latencies.ts';

const RULE: LatencyRule = { thresholdPct: 20, minMs: 5, alpha: 0.01 };

const plus = (values: readonly number[], ms: number) => values.map((v) => Math.round((v + ms) * 1000) / 1000);

describe('judgeLatency', () => {
  it('calls B slower when the test finds it and the shift clears both floors, with the numbers behind it', () => {
    const a = sampleLatencies(40, 2, 1);
    const row = judgeLatency('smoke', 'addInsert', a, plus(sampleLatencies(40, 2, 2), 300), RULE);
    expect(row.verdict).toBe('slower');
    expect(row.a?.n).toBe(40);
    expect(row.b?.n).toBe(40);
    expect(row.a?.medianMs).toBeCloseTo(2, 0);
    expect(row.test?.shiftMs).toBeGreaterThan(299);
    expect(row.test?.shiftMs).toBeLessThan(301);
    expect(row.test?.shiftPct).toBeCloseTo((row.test!.shiftMs / row.a!.medianMs!) * 100, 9);
    expect(row.test?.interval.confidence).toBe(0.98);
    expect(row.test?.interval.lowMs).toBeLessThanOrEqual(row.test!.shiftMs);
    expect(row.test?.interval.highMs).toBeGreaterThanOrEqual(row.test!.shiftMs);
    expect(row.test?.pSlower).toBeLessThan(1e-10);
    expect(row.test?.pFaster).toBeGreaterThan(0.99);
  });

  it('calls B faster in the mirror case', () => {
    const row = judgeLatency('smoke', 'addInsert', plus(sampleLatencies(30, 2, 3), 50), sampleLatencies(30, 2, 4), RULE);
    expect(row.verdict).toBe('faster');
    expect(row.test?.shiftMs).toBeLessThan(-45);
  });

  it('does not judge fewer than 20 calls on either side, however large the shift', () => {
    const row = judgeLatency('smoke', 'signIn', sampleLatencies(MIN_SAMPLES - 1, 5, 5), plus(sampleLatencies(40, 5, 6), 500), RULE);
    expect(row).toEqual({ scenario: 'smoke', operation: 'signIn', verdict: 'too-few-samples', a: { n: 19, medianMs: row.a!.medianMs }, b: { n: 40, medianMs: row.b!.medianMs } });
    expect(judgeLatency('smoke', 'signIn', [], sampleLatencies(40, 5, 6), RULE)).toMatchObject({ verdict: 'too-few-samples', a: { n: 0 } });
  });

  it('calls a significant shift under 5 ms "below the floor", even at +50 %', () => {
    const a = sampleLatencies(200, 2, 7, 0.1);
    const row = judgeLatency('smoke', 'getAgentEvent', a, plus(sampleLatencies(200, 2, 8, 0.1), 1), RULE);
    expect(row.verdict).toBe('below-floor');
    expect(row.test?.pSlower).toBeLessThan(1e-10);
    expect(row.test?.shiftPct).toBeGreaterThan(40);
  });

  it('calls a significant shift over 5 ms but under 20 % of the median "below the floor"', () => {
    const row = judgeLatency('soak', 'addInsert', sampleLatencies(200, 100, 9, 0.05), plus(sampleLatencies(200, 100, 10, 0.05), 10), RULE);
    expect(row.verdict).toBe('below-floor');
    expect(row.test?.shiftMs).toBeGreaterThan(5);
    expect(row.test?.pSlower).toBeLessThan(1e-10);
  });

  it('does not call a large shift slower when the calls spread too widely to tell it from noise', () => {
    // 20 calls each spread over 10–2000 ms; B is 250 ms slower: beyond both floors, but not significant.
    const a = Array.from({ length: 20 }, (_, i) => 10 + i * 100);
    const b = a.map((v, i) => v + 250 + (i % 2 === 0 ? 1 : -1) * 3);
    const row = judgeLatency('soak', 'addInsert', a, b, RULE);
    expect(row.test?.shiftMs).toBeGreaterThan(0.2 * row.a!.medianMs!);
    expect(row.test?.pSlower).toBeGreaterThan(RULE.alpha);
    expect(row.verdict).toBe('not-significant');
  });

  it('follows the floors and the level it is given', () => {
    const a = sampleLatencies(200, 2, 7, 0.1);
    const b = plus(sampleLatencies(200, 2, 8, 0.1), 1);
    expect(judgeLatency('s', 'op', a, b, { ...RULE, minMs: 0.5 }).verdict).toBe('slower');
    expect(judgeLatency('s', 'op', a, b, { ...RULE, minMs: 0.5, thresholdPct: 60 }).verdict).toBe('below-floor');
  });

  it('finds no shift between two samples of one distribution', () => {
    const row = judgeLatency('smoke', 'addInsert', sampleLatencies(100, 2, 11), sampleLatencies(100, 2, 12), RULE);
    expect(row.verdict).toBe('not-significant');
    expect(row.test?.interval.lowMs).toBeLessThan(0);
    expect(row.test?.interval.highMs).toBeGreaterThan(0);
  });
});
