import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mannWhitney } from './mann-whitney.ts';
import { kthDifference, shift } from './shift.ts';

function sortedDifferences(a: readonly number[], b: readonly number[]): number[] {
  return a.flatMap((x) => b.map((y) => y - x)).sort((x, y) => x - y);
}

const sorted = (values: readonly number[]) => Float64Array.from(values).sort();

describe('kthDifference', () => {
  it('is the k-th of the listed differences, with ties and beyond the listing size', () => {
    const sample = fc.array(fc.integer({ min: -30, max: 30 }).map((v) => v / 4), { minLength: 1, maxLength: 90 });
    fc.assert(
      fc.property(sample, sample, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, q) => {
        const all = sortedDifferences(a, b);
        const k = 1 + Math.min(all.length - 1, Math.floor(q * all.length));
        expect(kthDifference(sorted(a), sorted(b), k)).toBe(all[k - 1]);
      }),
      { numRuns: 150, seed: 20261206 },
    );
  });

  it('finds every rank of a sample of distinct values', () => {
    const a = Array.from({ length: 70 }, (_, i) => Math.sin(i) * 10);
    const b = Array.from({ length: 80 }, (_, i) => Math.cos(i) * 10 + 1);
    const all = sortedDifferences(a, b);
    for (const k of [1, 2, 100, 2800, 4095, 4096, 4097, 5599, 5600]) expect(kthDifference(sorted(a), sorted(b), k), `k = ${k}`).toBe(all[k - 1]);
  });

  it('rejects a rank outside 1 … n·m', () => {
    expect(() => kthDifference(sorted([1]), sorted([2, 3]), 3)).toThrow('kthDifference: k 3 is not valid; use 1 … 2');
  });
});

describe('shift (Hodges–Lehmann with its interval)', () => {
  it('gives the hand-computed estimate and intervals of a small exact case', () => {
    // Differences of [1, 2, 3] and [11, 12, 13]: 8 9 9 10 10 10 11 11 12. U's exact distribution for 3 and 3,
    // times 20: 1 1 2 3 3 3 3 2 1 1, so P(U ≤ 0) = 0.05 (the 90 % interval is the 1st to the 9th difference)
    // and P(U ≤ 2) = 0.2 (the 70 % interval is the 2nd to the 8th).
    expect(shift([1, 2, 3], [11, 12, 13], 0.9)).toEqual({ estimate: 10, low: 8, high: 12, confidence: 0.9 });
    expect(shift([1, 2, 3], [11, 12, 13], 0.7)).toEqual({ estimate: 10, low: 9, high: 11, confidence: 0.7 });
  });

  it('takes the mean of the two middle differences when their count is even', () => {
    expect(shift([0, 1], [5, 10], 0.5).estimate).toBe(7); // 4 5 9 10
  });

  it('recovers a shift added to a large sample, with a narrow interval around it (normal approximation)', () => {
    const a = Array.from({ length: 3000 }, (_, i) => 1 + ((i * 7919) % 1000) / 250);
    const b = a.map((v) => v + 7);
    const test = mannWhitney(a, b);
    expect(test.method).toBe('normal');
    const s = shift(a, b, 0.98, test);
    expect(s.estimate).toBeCloseTo(7, 9);
    expect(s.low).toBeGreaterThan(6.9);
    expect(s.low).toBeLessThan(7);
    expect(s.high).toBeGreaterThan(7);
    expect(s.high).toBeLessThan(7.1);
  });

  it('brackets 0 for two halves of one sample', () => {
    const values = Array.from({ length: 400 }, (_, i) => Math.abs(Math.sin(i * 12.9898) * 43758.5453) % 10);
    const s = shift(values.filter((_, i) => i % 2 === 0), values.filter((_, i) => i % 2 === 1), 0.98);
    expect(s.low).toBeLessThan(0);
    expect(s.high).toBeGreaterThan(0);
  });

  it('rejects a confidence outside (0, 1) and a test of other samples', () => {
    expect(() => shift([1], [2], 1)).toThrow('shift: confidence 1 is not valid; use a number strictly between 0 and 1, e.g. 0.95');
    expect(() => shift([1, 2], [3], 0.9, mannWhitney([1], [3]))).toThrow('shift: the test is of samples of 1 and 1 values, not 2 and 1');
  });
});
