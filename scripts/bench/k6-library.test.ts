import { describe, expect, it } from 'vitest';
import { validationCost } from './k6-library.ts';

describe("the bench's validation cost", () => {
  const validated = { calls: 30_000, callsPerSecond: 3_000, cpuMicrosPerCall: 250 };
  const unvalidated = { calls: 31_000, callsPerSecond: 3_100, cpuMicrosPerCall: 240 };

  it('is the share of the validating run\'s CPU per call that the run without validation does not spend', () => {
    expect(validationCost(validated, unvalidated, 'cpu')).toBeCloseTo(0.04, 10);
  });

  it('is negative, not clamped, when the validating run happened to spend less (the host\'s noise shows)', () => {
    expect(validationCost(unvalidated, validated, 'cpu')).toBeCloseTo(1 - 250 / 240, 10);
  });

  it('reads calls per second where the CPU time is not readable', () => {
    expect(validationCost({ ...validated, cpuMicrosPerCall: undefined }, { ...unvalidated, cpuMicrosPerCall: undefined }, 'calls/s')).toBeCloseTo(1 - 3_000 / 3_100, 10);
  });

  it('refuses to read CPU time a run does not have', () => {
    expect(() => validationCost({ ...validated, cpuMicrosPerCall: undefined }, unvalidated, 'cpu')).toThrow(/no CPU time per call/);
  });
});
