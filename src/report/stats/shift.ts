/**
 * How far sample B is shifted from sample A: the Hodges–Lehmann estimate (the median of all n·m differences
 * bⱼ − aᵢ) and the distribution-free confidence interval that goes with the Mann–Whitney U test (Moses'
 * interval: the c-th smallest and the c-th largest difference, c from U's distribution; R's
 * `wilcox.test(b, a, conf.int = TRUE)` computes the same in its exact case). The interval excludes 0 exactly when
 * the two-sided test at the same level rejects "no shift". Runtime-neutral (no `node:` imports).
 *
 * The n·m differences are never listed: `kthDifference` selects among them in O((n + m) log(n·m)) time, so
 * samples of 100,000 calls are fine.
 */
import { mannWhitney, sortedSample, uDistribution, type MannWhitney } from './mann-whitney.ts';
import { normalQuantileUpper } from './normal.ts';

/** A shift of B against A, with its confidence interval. */
export interface Shift {
  /** The Hodges–Lehmann estimate: the median of the differences bⱼ − aᵢ. */
  readonly estimate: number;
  /** The interval's lower end. */
  readonly low: number;
  /** The interval's upper end. */
  readonly high: number;
  /** The interval's confidence, e.g. 0.98. */
  readonly confidence: number;
}

/** Below this many candidates left, they are listed and sorted. */
const LIST_AT = 4096;

/**
 * The k-th smallest (1-based) of the differences b[j] − a[i] of two ascending samples, without listing them: each
 * round takes the weighted median of the middle candidates of each row as the pivot, counts the differences below
 * it with two pointers and drops at least a quarter of the candidates (Johnson & Mizoguchi's selection in X + Y).
 */
export function kthDifference(a: Float64Array, b: Float64Array, k: number): number {
  const n = a.length;
  const m = b.length;
  if (!Number.isInteger(k) || k < 1 || k > n * m) throw new RangeError(`kthDifference: k ${k} is not valid; use 1 … ${n * m}`);
  // Row i holds b[j] − a[i] for j in [lo[i], hi[i]): the candidates. Everything left of them is smaller than every
  // candidate, everything right of them larger, so the answer is the (k − Σ lo)-th smallest candidate.
  const lo = new Float64Array(n);
  const hi = new Float64Array(n).fill(m);
  const less = new Float64Array(n);
  const upTo = new Float64Array(n);
  for (let round = 0; round < 400; round++) {
    let left = 0;
    let candidates = 0;
    for (let i = 0; i < n; i++) {
      left += lo[i]!;
      candidates += hi[i]! - lo[i]!;
    }
    if (candidates <= LIST_AT) {
      const list: number[] = [];
      for (let i = 0; i < n; i++) for (let j = lo[i]!; j < hi[i]!; j++) list.push(b[j]! - a[i]!);
      list.sort((x, y) => x - y);
      return list[k - left - 1]!;
    }
    const pivot = weightedMedianOfMiddles(a, b, lo, hi);
    let below = 0;
    let atOrBelow = 0;
    // b[j] − a[i] falls as i grows, so the count of j with b[j] − a[i] < pivot only grows: one pass per bound.
    for (let i = 0, j = 0; i < n; i++) {
      while (j < m && b[j]! - a[i]! < pivot) j++;
      less[i] = j;
      below += j;
    }
    for (let i = 0, j = 0; i < n; i++) {
      while (j < m && b[j]! - a[i]! <= pivot) j++;
      upTo[i] = j;
      atOrBelow += j;
    }
    if (k <= below) for (let i = 0; i < n; i++) hi[i] = Math.min(hi[i]!, Math.max(lo[i]!, less[i]!));
    else if (k <= atOrBelow) return pivot;
    else for (let i = 0; i < n; i++) lo[i] = Math.max(lo[i]!, Math.min(hi[i]!, upTo[i]!));
  }
  throw new Error('kthDifference: did not converge (a bug: each round drops a quarter of the candidates)');
}

/** The weighted median of the middle candidate of each row that has candidates, each weighing its row's count. */
function weightedMedianOfMiddles(a: Float64Array, b: Float64Array, lo: Float64Array, hi: Float64Array): number {
  const values = new Float64Array(a.length);
  const weights = new Float64Array(a.length);
  let count = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const w = hi[i]! - lo[i]!;
    if (w <= 0) continue;
    values[count] = b[(lo[i]! + hi[i]! - 1) >> 1]! - a[i]!;
    weights[count++] = w;
    total += w;
  }
  return weightedSelect(values, weights, count, total / 2);
}

/**
 * The smallest value whose cumulative weight (in ascending order of value) reaches `target`, by quickselect with
 * a three-way partition (expected linear time; the middle-of-three pivot keeps it deterministic).
 */
function weightedSelect(values: Float64Array, weights: Float64Array, count: number, target: number): number {
  let lo = 0;
  let hi = count - 1;
  const swap = (x: number, y: number) => {
    const v = values[x]!;
    values[x] = values[y]!;
    values[y] = v;
    const w = weights[x]!;
    weights[x] = weights[y]!;
    weights[y] = w;
  };
  for (;;) {
    if (lo >= hi) return values[lo]!;
    const [p, q, r] = [values[lo]!, values[(lo + hi) >> 1]!, values[hi]!];
    const pivot = Math.max(Math.min(p, q), Math.min(Math.max(p, q), r));
    // Dutch national flag: [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    let wLess = 0;
    let wEqual = 0;
    while (i <= gt) {
      const v = values[i]!;
      if (v < pivot) {
        wLess += weights[i]!;
        swap(lt++, i++);
      } else if (v > pivot) {
        swap(i, gt--);
      } else {
        wEqual += weights[i]!;
        i++;
      }
    }
    if (target <= wLess) hi = lt - 1;
    else if (target <= wLess + wEqual) return pivot;
    else {
      target -= wLess + wEqual;
      lo = gt + 1;
    }
  }
}

/** The median of the n·m differences of two ascending samples. */
function medianDifference(a: Float64Array, b: Float64Array): number {
  const count = a.length * b.length;
  const upper = kthDifference(a, b, Math.floor(count / 2) + 1);
  return count % 2 === 1 ? upper : (kthDifference(a, b, count / 2) + upper) / 2;
}

/**
 * The rank c of the interval's ends: exact, the smallest u with P(U ≤ u) ≥ tail (at least 1), as R's `qwilcox`;
 * normal, the integer nearest to n·m/2 − z·σ with the tie-corrected σ of the test (at least 1).
 */
function intervalRank(test: MannWhitney, tail: number): number {
  const { n, m } = test;
  if (test.method === 'exact') {
    const dist = uDistribution(n, m);
    let cumulative = 0;
    for (let u = 0; u < dist.length; u++) {
      cumulative += dist[u]!;
      if (cumulative >= tail - 1e-12) return Math.max(1, u);
    }
    return Math.max(1, dist.length - 1);
  }
  const c = Math.floor((n * m) / 2 - normalQuantileUpper(tail) * test.sigma + 0.5);
  return Math.min(Math.max(1, c), Math.ceil((n * m) / 2));
}

/**
 * The Hodges–Lehmann shift of B against A and its confidence interval (two-sided, `confidence` between 0 and 1).
 * Pass the Mann–Whitney result of the same samples when you have it, so the interval uses the same method.
 */
export function shift(a: readonly number[], b: readonly number[], confidence: number, test: MannWhitney = mannWhitney(a, b)): Shift {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`shift: confidence ${String(confidence)} is not valid; use a number strictly between 0 and 1, e.g. 0.95`);
  if (test.n !== a.length || test.m !== b.length) throw new RangeError(`shift: the test is of samples of ${test.n} and ${test.m} values, not ${a.length} and ${b.length}`);
  const sa = sortedSample(a, 'shift: sample A');
  const sb = sortedSample(b, 'shift: sample B');
  const c = intervalRank(test, (1 - confidence) / 2);
  const count = sa.length * sb.length;
  return { estimate: medianDifference(sa, sb), low: kthDifference(sa, sb, c), high: kthDifference(sa, sb, count - c + 1), confidence };
}

