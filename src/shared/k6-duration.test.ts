import { describe, expect, it } from 'vitest';
import { durationMs, loadDurationProblem } from './k6-duration.ts';

describe('k6 durations', () => {
  it('parses k6 durations, compound and fractional ones included', () => {
    expect(durationMs('500ms')).toBe(500);
    expect(durationMs('1h30m')).toBe(5_400_000);
    expect(durationMs('1.5s')).toBe(1500);
    expect(durationMs('30')).toBeUndefined();
    expect(durationMs('5x')).toBeUndefined();
  });

  it('bounds a load scenario to more than 0 and at most 24 h', () => {
    for (const ok of ['1ms', '30s', '1h30m', '24h']) expect(loadDurationProblem(ok)).toBeUndefined();
    for (const bad of ['0s', '24h1ms', '99999999h', '30', '']) expect(loadDurationProblem(bad)).toBe('is not a k6 duration from 1ms to 24h, such as 30s, 10m or 1h30m');
  });
});
