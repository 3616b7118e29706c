import { describe, expect, it } from 'vitest';
import { mannWhitney, uDistribution } from './mann-whitney.ts';

// Hollander & Wolfe (1973), p. 69: permeability constants of the chorioamnion at term (x) and at 12–26 weeks (y);
// the example of R's ?wilcox.test: wilcox.test(x, y, alternative = "g") gives W = 35, p = 0.1272, and with
// exact = FALSE, correct = FALSE (the large-sample approximation) p = 0.1103.
const TERM = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
const EARLY = [1.15, 0.88, 0.9, 0.74, 1.21];

// R's airquality data set, Ozone without the missing values, May and August: R's ?wilcox.test example
// wilcox.test(Ozone ~ Month, data = airquality, subset = Month %in% c(5, 8)) gives W = 127.5, p = 0.0001208
// (two-sided, normal approximation with tie and continuity correction).
const MAY = [41, 36, 12, 18, 28, 23, 19, 8, 7, 16, 11, 14, 18, 14, 34, 6, 30, 11, 1, 11, 4, 32, 23, 45, 115, 37];
const AUGUST = [39, 9, 16, 78, 35, 66, 122, 89, 110, 44, 28, 65, 22, 59, 23, 31, 44, 21, 9, 45, 168, 73, 76, 118, 84, 85];

/** U of every way to split the pooled values into n for A and the rest for B (brute force, small samples only). */
function allSplits(pooled: readonly number[], n: number): number[] {
  const out: number[] = [];
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === n) {
      const a = chosen.map((i) => pooled[i]!);
      const b = pooled.filter((_, i) => !chosen.includes(i));
      out.push(b.reduce((u, y) => u + a.reduce((s, x) => s + (y > x ? 1 : y === x ? 0.5 : 0), 0), 0));
      return;
    }
    for (let i = start; i < pooled.length; i++) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return out;
}

describe('mannWhitney', () => {
  it("gives R's exact p-value for the Hollander & Wolfe example, and the share of splits with U ≥ 35", () => {
    const t = mannWhitney(EARLY, TERM);
    expect(t).toMatchObject({ n: 5, m: 10, u: 35, method: 'exact' });
    expect(t.pGreater).toBeCloseTo(0.1272, 4);
    const splits = allSplits([...EARLY, ...TERM], 5);
    expect(splits).toHaveLength(3003);
    expect(t.pGreater).toBeCloseTo(splits.filter((u) => u >= 35).length / 3003, 12);
    expect(t.pLess).toBeCloseTo(splits.filter((u) => u <= 35).length / 3003, 12);
  });

  it("gives R's large-sample p-value for the same example without the continuity correction", () => {
    const t = mannWhitney(EARLY, TERM, { method: 'normal', continuity: false });
    expect(t.method).toBe('normal');
    expect(t.pGreater).toBeCloseTo(0.1103, 4);
    expect(t.sigma).toBeCloseTo(Math.sqrt((5 * 10 * 16) / 12), 12);
  });

  it("gives R's tie-corrected p-value for the airquality example (May against August)", () => {
    const t = mannWhitney(AUGUST, MAY);
    expect(t).toMatchObject({ n: 26, m: 26, u: 127.5, method: 'normal' });
    expect(2 * Math.min(t.pGreater, t.pLess)).toBeCloseTo(0.0001208, 7);
  });

  it('finds B larger when every value of B exceeds every value of A, and swaps the sides when the samples swap', () => {
    const t = mannWhitney([1, 2, 3], [4, 5, 6]);
    expect(t).toMatchObject({ u: 9, method: 'exact' });
    expect(t.pGreater).toBeCloseTo(1 / 20, 12);
    expect(t.pLess).toBeCloseTo(1, 12);
    const back = mannWhitney([4, 5, 6], [1, 2, 3]);
    expect([back.u, back.pLess, back.pGreater]).toEqual([0, t.pGreater, t.pLess]);
  });

  it('uses the normal approximation from 50 values on, and for ties', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => i);
    expect(mannWhitney(fifty, fifty.map((v) => v + 0.5)).method).toBe('normal');
    expect(mannWhitney([1, 2, 2], [3, 4, 5]).method).toBe('normal');
  });

  it('finds no evidence either way when every value is the same', () => {
    expect(mannWhitney([2, 2, 2], [2, 2])).toMatchObject({ u: 3, pGreater: 1, pLess: 1, sigma: 0 });
  });

  it('rejects an empty sample and values that are not finite, naming them', () => {
    expect(() => mannWhitney([], [1])).toThrow('mannWhitney: needs values on both sides; got 0 and 1');
    expect(() => mannWhitney([1, Number.NaN], [1])).toThrow('mannWhitney: sample A holds NaN; use finite numbers only');
  });
});

describe('uDistribution', () => {
  it('is the distribution of U over all splits of distinct values', () => {
    const splits = allSplits([1, 2, 3, 4, 5, 6, 7], 3);
    const dist = uDistribution(3, 4);
    expect(dist).toHaveLength(13);
    for (let u = 0; u <= 12; u++) expect(dist[u], `U = ${u}`).toBeCloseTo(splits.filter((x) => x === u).length / splits.length, 12);
  });

  it('sums to 1 and is symmetric about n·m/2', () => {
    const dist = uDistribution(20, 30);
    expect(dist.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 10);
    for (let u = 0; u <= 600; u++) expect(dist[u]).toBeCloseTo(dist[600 - u]!, 14);
  });
});
