/**
 * The standard normal distribution's tail and quantile, for the normal approximation of the Mann–Whitney U test.
 * Runtime-neutral (no `node:` imports).
 */

/**
 * P(Z > z) for a standard normal Z by Hart's algorithm 5666 as given by G. West, "Better approximations to
 * cumulative normal functions" (Wilmott, 2005): absolute error near 1e-15 and relative error below 1e-7 far into
 * the tail, so that p = 1e-12 still means something (1 − erf(x) would round it away).
 */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('normalUpperTail: z is NaN');
  const x = Math.abs(z);
  let tail: number;
  if (x > 37) tail = 0;
  else {
    const e = Math.exp((-x * x) / 2);
    if (x < 7.07106781186547) {
      const num = ((((((0.0352624965998911 * x + 0.700383064443688) * x + 6.37396220353165) * x + 33.912866078383) * x + 112.079291497871) * x + 221.213596169931) * x + 220.206867912376);
      const den = (((((((0.0883883476483184 * x + 1.75566716318264) * x + 16.064177579207) * x + 86.7807322029461) * x + 296.564248779674) * x + 637.333633378831) * x + 793.826512519948) * x + 440.413735824752);
      tail = (e * num) / den;
    } else {
      tail = e / (x + 1 / (x + 2 / (x + 3 / (x + 4 / (x + 0.65))))) / 2.506628274631;
    }
  }
  return z >= 0 ? tail : 1 - tail;
}

/**
 * The z with P(Z > z) = p, for 0 < p < 1, by bisection on `normalUpperTail` (deterministic, accurate to the
 * tail's own precision).
 */
export function normalQuantileUpper(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantileUpper: p ${String(p)} is not valid; use a probability strictly between 0 and 1`);
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (normalUpperTail(mid) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
