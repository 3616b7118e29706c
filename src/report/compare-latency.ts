/**
 * Whether an operation's latency changed between two runs, judged on the raw samples (the duration of every call,
 * see `readK6Samples`) of both runs, not on their percentiles: a percentile of a few dozen calls moves by milliseconds
 * between two runs of the same gateway, so comparing p50 with p50 cries wolf.
 *
 * B is **slower** only when both hold:
 * 1. the one-sided Mann–Whitney U test finds B's calls slower than A's at level α (default 0.01), and
 * 2. the shift (the Hodges–Lehmann estimate: the median of all differences b − a) is at least `thresholdPct` % of
 *    A's median (default 20) and at least `minMs` milliseconds (default 5).
 * **Faster** is the mirror. A significant shift under the floor is `below-floor`; anything else
 * `not-significant`. Each judged row carries both medians, the shift in ms and %, its (1 − 2α) interval (98 % by
 * default, whose lower end is the one-sided bound that matches the test) and both p-values. Fewer than
 * `MIN_SAMPLES` calls on either side are `too-few-samples`: no test is meaningful there.
 *
 * Why both: the calls of one run share its conditions (JIT warm-up, the load on the machine that runs k6 and the
 * mock), so they are not independent draws, and between two runs of an unchanged gateway the test alone finds a
 * shift of a millisecond or two "significant" (178 of 330 judged operations in the 110 ordered pairs of 11 smoke
 * runs of the mock; the largest shift was 2.3 ms, under half the 5 ms floor). The floor keeps that noise quiet; the
 * test keeps quiet a large shift that a handful of scattered calls cannot support.
 */
import { mannWhitney } from './stats/mann-whitney.ts';
import { shift } from './stats/shift.ts';

/** Fewer calls than this on either side: the latency is not judged. */
export const MIN_SAMPLES = 20;

/** What decides a latency verdict. */
export interface LatencyRule {
  /** The shift must reach this percentage of A's median. */
  readonly thresholdPct: number;
  /** …and this many milliseconds. */
  readonly minMs: number;
  /** The one-sided significance level. */
  readonly alpha: number;
}

/** One run's calls of an operation. */
export interface LatencySide {
  /** How many calls (raw samples). */
  readonly n: number;
  /** Their median in ms (the mean of the two middle values for an even count); absent when n is 0. */
  readonly medianMs?: number;
}

/** The test of one operation: B against A. */
export interface LatencyTest {
  /** The Hodges–Lehmann shift of B against A in ms (positive: B slower). */
  readonly shiftMs: number;
  /** The shift in percent of A's median; null when A's median is 0. */
  readonly shiftPct: number | null;
  /** The shift's two-sided confidence interval (Moses), at `confidence` = 1 − 2α. */
  readonly interval: { readonly lowMs: number; readonly highMs: number; readonly confidence: number };
  /** One-sided p-value of "B is slower". */
  readonly pSlower: number;
  /** One-sided p-value of "B is faster". */
  readonly pFaster: number;
  /** `exact` (under 50 calls a side, no ties) or `normal` (tie- and continuity-corrected approximation). */
  readonly method: 'exact' | 'normal';
}

/** A latency verdict; only `slower` is a regression. */
export type LatencyVerdict = 'slower' | 'faster' | 'below-floor' | 'not-significant' | 'too-few-samples' | 'no-raw-samples';

/** One scenario × operation of the comparison. */
export interface LatencyRow {
  readonly scenario: string;
  readonly operation: string;
  readonly verdict: LatencyVerdict;
  /** Run A's calls (absent without raw samples). */
  readonly a?: LatencySide;
  /** Run B's calls (absent without raw samples). */
  readonly b?: LatencySide;
  /** The test, when both sides have `MIN_SAMPLES` calls. */
  readonly test?: LatencyTest;
  /** Without raw samples: the summaries' p50 and p95 of A and B, for information only (never judged). */
  readonly percentilesMs?: { readonly p50: readonly [number, number]; readonly p95: readonly [number, number] };
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = Float64Array.from(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function side(values: readonly number[]): LatencySide {
  const m = median(values);
  return m === undefined ? { n: 0 } : { n: values.length, medianMs: m };
}

/** Judges one operation of one scenario on the raw samples of both runs (latencies in ms). */
export function judgeLatency(scenario: string, operation: string, a: readonly number[], b: readonly number[], rule: LatencyRule): LatencyRow {
  const sideA = side(a);
  const sideB = side(b);
  if (a.length < MIN_SAMPLES || b.length < MIN_SAMPLES) return { scenario, operation, verdict: 'too-few-samples', a: sideA, b: sideB };
  const t = mannWhitney(a, b);
  const s = shift(a, b, 1 - 2 * rule.alpha, t);
  const medianA = sideA.medianMs!;
  const floor = Math.max(rule.minMs, (rule.thresholdPct / 100) * Math.abs(medianA));
  const test: LatencyTest = {
    shiftMs: s.estimate,
    shiftPct: medianA === 0 ? null : (s.estimate / medianA) * 100,
    interval: { lowMs: s.low, highMs: s.high, confidence: s.confidence },
    pSlower: t.pGreater,
    pFaster: t.pLess,
    method: t.method,
  };
  const slower = t.pGreater <= rule.alpha;
  const faster = t.pLess <= rule.alpha;
  const verdict: LatencyVerdict =
    slower && s.estimate >= floor ? 'slower' : faster && -s.estimate >= floor ? 'faster' : slower || faster ? 'below-floor' : 'not-significant';
  return { scenario, operation, verdict, a: sideA, b: sideB, test };
}
