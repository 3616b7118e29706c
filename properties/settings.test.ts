import { describe, expect, it } from 'vitest';
import { fcParameters, propertySettingsFromEnv, PropertySettingsError } from './settings.ts';

describe('property run settings', () => {
  it('reads the seed, path, run count and replay path from the environment, empty meaning unset', () => {
    expect(propertySettingsFromEnv({ CCGW_PROPERTY_SEED: '-1187235', CCGW_PROPERTY_PATH: '36:2', CCGW_PROPERTY_RUNS: '50', CCGW_PROPERTY_REPLAY_PATH: 'CBA:F' })).toEqual({
      seed: -1187235,
      path: '36:2',
      numRuns: 50,
      replayPath: 'CBA:F',
    });
    expect(propertySettingsFromEnv({ CCGW_PROPERTY_SEED: ' ', CCGW_PROPERTY_RUNS: '' })).toEqual({ seed: undefined, path: undefined, numRuns: undefined, replayPath: undefined });
  });

  it('names the variable, the bad value and the fix', () => {
    expect(() => propertySettingsFromEnv({ CCGW_PROPERTY_SEED: 'abc' })).toThrow(new PropertySettingsError('CCGW_PROPERTY_SEED="abc" is not a whole number; for example CCGW_PROPERTY_SEED=42'));
    expect(() => propertySettingsFromEnv({ CCGW_PROPERTY_PATH: '3;1' })).toThrow(/CCGW_PROPERTY_PATH "3;1" is not a fast-check path such as 12:3:0/);
    expect(() => propertySettingsFromEnv({ CCGW_PROPERTY_RUNS: '0' })).toThrow(/CCGW_PROPERTY_RUNS 0 must be a whole number from 1 to 1000000/);
    expect(() => propertySettingsFromEnv({ CCGW_PROPERTY_REPLAY_PATH: 'no colon' })).toThrow(/CCGW_PROPERTY_REPLAY_PATH "no colon" is not a command replay path/);
  });

  it('uses the property budget unless a run count is given, and ends on the first failure when replaying a path', () => {
    expect(fcParameters({}, 1000)).toEqual({ numRuns: 1000 });
    expect(fcParameters({ numRuns: 5, seed: 7, path: '1:2' }, 1000)).toEqual({ numRuns: 5, seed: 7, path: '1:2', endOnFailure: true });
  });
});
