import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, withOverrides } from '../../src/domain/index.ts';
import { sessionLossRetcodes } from './session-loss.ts';

describe('the retcodes after which the k6 library signs a session in again', () => {
  it('are the not-signed-in answer and the profile Guid-mismatch answer: 100-006 alone by default', () => {
    expect(sessionLossRetcodes(DEFAULT_PROFILE)).toEqual(['100-006']);
  });

  it('follow a profile that answers a Guid mismatch with 000-003', () => {
    const profile = withOverrides(DEFAULT_PROFILE, { answers: { guidMismatch: '000-003' } });
    expect([...sessionLossRetcodes(profile)].sort()).toEqual(['000-003', '100-006']);
  });
});
