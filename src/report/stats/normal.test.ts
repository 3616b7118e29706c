import { describe, expect, it } from 'vitest';
import { normalQuantileUpper, normalUpperTail } from './normal.ts';

describe('the standard normal tail', () => {
  it('matches tabulated values to double precision, also far out in the tail', () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 14);
    expect(normalUpperTail(1)).toBeCloseTo(0.158655253931457, 13);
    expect(normalUpperTail(-1)).toBeCloseTo(0.841344746068543, 13);
    expect(normalUpperTail(3) / 0.00134989803163009).toBeCloseTo(1, 10);
    expect(normalUpperTail(6) / 9.86587645037698e-10).toBeCloseTo(1, 8);
    expect(normalUpperTail(8) / 6.22096057427178e-16).toBeCloseTo(1, 7);
    expect(normalUpperTail(40)).toBe(0);
  });

  it('inverts to the tabulated quantiles', () => {
    expect(normalQuantileUpper(0.025)).toBeCloseTo(1.959963984540054, 9);
    expect(normalQuantileUpper(0.01)).toBeCloseTo(2.326347874040841, 9);
    expect(normalQuantileUpper(0.5)).toBeCloseTo(0, 9);
    expect(() => normalQuantileUpper(0)).toThrow('normalQuantileUpper: p 0 is not valid; use a probability strictly between 0 and 1');
  });
});
