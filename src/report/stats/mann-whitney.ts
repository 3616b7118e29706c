/**
 * The Mann–Whitney U test (Wilcoxon rank-sum test) of two independent samples: does B tend to be larger (or
 * smaller) than A? Distribution-free: it uses only the order of the values, so a few very slow calls weigh no
 * more than any other slow call. Runtime-neutral (no `node:` imports).
 *
 * - `u` is B's statistic: the number of pairs (aᵢ, bⱼ) with bⱼ > aᵢ, a tie counting ½ (n·m/2 expected when both
 *   samples come from one distribution). R's `wilcox.test(b, a)` calls it W.
 * - **Exact** p-values (the permutation distribution of U) when both samples are under 50 values and no value
 *   occurs twice, as R does; otherwise the **normal approximation** with the tie correction of the variance and,
 *   by default, a continuity correction of ½.
 */
import { normalUpperTail } from './normal.ts';

/** Both samples below this size and no ties: exact p-values. */
export const EXACT_BELOW = 50;

/** How `mannWhitney` computes p-values. */
export interface MannWhitneyOptions {
  /** Shift |U − n·m/2| by ½ towards the mean in the normal approximation. Default true (as R's `correct = TRUE`). */
  readonly continuity?: boolean;
  /** `auto` (default): exact for small samples without ties; `normal`: always the normal approximation. */
  readonly method?: 'auto' | 'normal';
}

/** The result of `mannWhitney`. */
export interface MannWhitney {
  /** The size of sample A. */
  readonly n: number;
  /** The size of sample B. */
  readonly m: number;
  /** B's U: pairs with bⱼ > aᵢ, ties ½. */
  readonly u: number;
  /** One-sided p-value of "B tends to be larger than A". */
  readonly pGreater: number;
  /** One-sided p-value of "B tends to be smaller than A". */
  readonly pLess: number;
  /** How the p-values were computed. */
  readonly method: 'exact' | 'normal';
  /** The standard deviation of U under the null hypothesis, tie-corrected. */
  readonly sigma: number;
}

/** Ascending copy of a sample; throws on a value that is not a finite number. */
export function sortedSample(values: readonly number[], name: string): Float64Array {
  const sorted = Float64Array.from(values);
  for (const v of sorted) if (!Number.isFinite(v)) throw new RangeError(`${name} holds ${String(v)}; use finite numbers only`);
  return sorted.sort();
}

interface Ranked {
  /** The sum of B's (mid)ranks in the pooled sample. */
  readonly rankSumB: number;
  /** Σ (t³ − t) over groups of t equal values. */
  readonly tieTerm: number;
}

/** Ranks the pooled sample by merging the two sorted samples; equal values get their mean rank. */
function rank(a: Float64Array, b: Float64Array): Ranked {
  let i = 0;
  let j = 0;
  let done = 0;
  let rankSumB = 0;
  let tieTerm = 0;
  while (i < a.length || j < b.length) {
    const v = Math.min(i < a.length ? a[i]! : Infinity, j < b.length ? b[j]! : Infinity);
    let ta = 0;
    let tb = 0;
    for (; i < a.length && a[i] === v; i++) ta++;
    for (; j < b.length && b[j] === v; j++) tb++;
    const t = ta + tb;
    rankSumB += tb * (done + (t + 1) / 2);
    tieTerm += t * t * t - t;
    done += t;
  }
  return { rankSumB, tieTerm };
}

/**
 * The exact distribution of U for samples of n and m distinct values: P(U = u) for u = 0 … n·m. The largest
 * value of the pooled sample is B's with probability m/(n+m) (then it exceeds all n values of A) or A's, so
 * P_{n,m}(u) = m/(n+m)·P_{n,m−1}(u − n) + n/(n+m)·P_{n−1,m}(u).
 */
export function uDistribution(n: number, m: number): Float64Array {
  if (!Number.isInteger(n) || !Number.isInteger(m) || n < 0 || m < 0 || n * m > 250_000) {
    throw new RangeError(`uDistribution: sizes ${n} and ${m} are not valid; use integers ≥ 0 with n·m ≤ 250000`);
  }
  let prev: Float64Array[] = Array.from({ length: m + 1 }, () => Float64Array.of(1));
  for (let i = 1; i <= n; i++) {
    const cur: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= m; j++) {
      const up = prev[j]!; // P_{i−1,j}
      const left = cur[j - 1]!; // P_{i,j−1}
      const wB = j / (i + j);
      const wA = i / (i + j);
      const p = new Float64Array(i * j + 1);
      for (let u = 0; u < p.length; u++) {
        p[u] = (u < up.length ? wA * up[u]! : 0) + (u >= i && u - i < left.length ? wB * left[u - i]! : 0);
      }
      cur.push(p);
    }
    prev = cur;
  }
  return prev[m]!;
}

/** Tests whether sample B tends to be larger or smaller than sample A. Both samples need at least one value. */
export function mannWhitney(a: readonly number[], b: readonly number[], options: MannWhitneyOptions = {}): MannWhitney {
  if (a.length === 0 || b.length === 0) throw new RangeError(`mannWhitney: needs values on both sides; got ${a.length} and ${b.length}`);
  const sa = sortedSample(a, 'mannWhitney: sample A');
  const sb = sortedSample(b, 'mannWhitney: sample B');
  const n = sa.length;
  const m = sb.length;
  const N = n + m;
  const { rankSumB, tieTerm } = rank(sa, sb);
  const u = rankSumB - (m * (m + 1)) / 2;
  const sigma = Math.sqrt(((n * m) / 12) * (N + 1 - tieTerm / (N * (N - 1))));
  if ((options.method ?? 'auto') === 'auto' && n < EXACT_BELOW && m < EXACT_BELOW && tieTerm === 0) {
    const dist = uDistribution(n, m);
    let pGreater = 0;
    let pLess = 0;
    for (let k = 0; k < dist.length; k++) {
      if (k >= u) pGreater += dist[k]!;
      if (k <= u) pLess += dist[k]!;
    }
    return { n, m, u, pGreater: Math.min(1, pGreater), pLess: Math.min(1, pLess), method: 'exact', sigma };
  }
  if (sigma === 0) return { n, m, u, pGreater: 1, pLess: 1, method: 'normal', sigma };
  const c = options.continuity === false ? 0 : 0.5;
  const mean = (n * m) / 2;
  return {
    n,
    m,
    u,
    pGreater: Math.min(1, normalUpperTail((u - mean - c) / sigma)),
    pLess: Math.min(1, normalUpperTail((mean - u - c) / sigma)),
    method: 'normal',
    sigma,
  };
}
