import { describe, expect, it } from 'vitest';
import type { Settings } from '../../config/settings.ts';
import { UsageError } from '../../io/errors.ts';
import { withSeed } from './phase-steps.ts';

const settings = { properties: { runs: 10, seed: 7, path: undefined } } as unknown as Settings;

describe('--seed', () => {
  it('replaces the seed of the config file and the environment', () => {
    expect(withSeed('run', settings, '-1187235').properties).toEqual({ runs: 10, seed: -1187235, path: undefined });
  });

  it('keeps the settings when not given', () => {
    expect(withSeed('run', settings, undefined)).toBe(settings);
  });

  it.each(['abc', '1.5', '2147483648', ''])('refuses %j, naming it and the fix', (raw) => {
    expect(() => withSeed('verify', settings, raw)).toThrow(UsageError);
    expect(() => withSeed('verify', settings, raw)).toThrow(`--seed ${JSON.stringify(raw)} is not a fast-check seed`);
  });
});
