import { describe, expect, it } from 'vitest';
import { OPERATION_RULES } from './index.ts';
import { resolveProfile, withOverrides } from './profiles.ts';
import { answerOf } from './rules.ts';
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

  it('is exactly what the rule tables answer a caller without a valid session, in every operation', () => {
    for (const profile of [resolveProfile('ccgw-2024'), resolveProfile('ccgw-2025'), withOverrides(resolveProfile('ccgw-2024'), { answers: { guidMismatch: '000-003' } })]) {
      const answered = new Set<string>();
      for (const rules of Object.values(OPERATION_RULES)) {
        for (const rule of rules) if (rule.id === 'notSignedIn' || rule.id === 'guidMismatch') answered.add(answerOf(rule, profile));
      }
      expect([...answered].sort()).toEqual([...sessionLossRetcodes(profile)].sort());
    }
  });
});
