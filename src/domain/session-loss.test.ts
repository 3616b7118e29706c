import { describe, expect, it } from 'vitest';
import { resolveProfile, withOverrides } from './profiles.ts';
import { sessionLossRetcodes } from './session-loss.ts';

describe('sessionLossRetcodes', () => {
  it('is the not-signed-in code and the profile\'s Guid-mismatch answer', () => {
    expect(sessionLossRetcodes(resolveProfile('ccgw-2024'))).toEqual(['100-006']);
    expect(sessionLossRetcodes(resolveProfile('ccgw-2025'))).toEqual(['100-006']);
  });

  it('follows a profile that answers a Guid mismatch with 000-003', () => {
    const profile = withOverrides(resolveProfile('ccgw-2024'), { answers: { guidMismatch: '000-003' } });
    expect([...sessionLossRetcodes(profile)].sort()).toEqual(['000-003', '100-006']);
  });
});
