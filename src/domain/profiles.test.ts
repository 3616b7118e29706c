import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, overridesOf, ProfileError, resolveProfile, withOverrides } from './profiles.ts';

describe('profiles', () => {
  it('defaults to ccgw-2024, which follows the interface document (101–59999, VDN)', () => {
    expect(DEFAULT_PROFILE.name).toBe('ccgw-2024');
    expect([DEFAULT_PROFILE.ids.min, DEFAULT_PROFILE.ids.max, DEFAULT_PROFILE.groupWord]).toEqual([101, 59999, 'VDN']);
  });

  it('has ccgw-2025 with 101–999999 and VCC', () => {
    const p = resolveProfile('ccgw-2025');
    expect([p.ids.max, p.groupWord]).toEqual([999999, 'VCC']);
  });

  it('names the bad profile and the known ones', () => {
    expect(() => resolveProfile('ccgw-2023')).toThrow(new ProfileError('unknown profile "ccgw-2023"; use one of ccgw-2024, ccgw-2025'));
  });

  it('overrides an answer with one of its candidates and records the override', () => {
    const p = withOverrides(DEFAULT_PROFILE, { answers: { targetNotSignedIn: '900-004' } });
    expect(p.answers.targetNotSignedIn.value).toBe('900-004');
    expect(p.answers.targetNotSignedIn.provenance).toMatchObject({ kind: 'inferred', reason: 'overridden from 900-005 to 900-004 by configuration' });
    expect(DEFAULT_PROFILE.answers.targetNotSignedIn.value).toBe('900-005');
  });

  it('refuses a value that is not a candidate, naming it and the candidates', () => {
    expect(() => withOverrides(DEFAULT_PROFILE, { answers: { targetNotSignedIn: '100-006' } })).toThrow(
      'profile answer targetNotSignedIn="100-006" is not allowed; use one of 900-005, 900-003, 900-004',
    );
  });

  it('refuses an unknown answer name', () => {
    expect(() => withOverrides(DEFAULT_PROFILE, { answers: { nope: '0' } as never })).toThrow(/unknown profile answer "nope"; use one of pathMismatch, idOutOfRange, /);
    expect(() => withOverrides(DEFAULT_PROFILE, { answers: { nope: '0' } as never })).toThrow(expect.objectContaining({ name: 'ProfileError' }));
  });

  it('leaves an answer given as undefined as it was', () => {
    expect(withOverrides(DEFAULT_PROFILE, { answers: { targetNotSignedIn: undefined } }).answers.targetNotSignedIn).toBe(DEFAULT_PROFILE.answers.targetNotSignedIn);
  });
});

describe('overridesOf', () => {
  it('recovers the overrides withOverrides applied, and nothing for a plain profile', () => {
    const overrides = { answers: { targetNotSignedIn: '900-003' }, qcOnInspectors: true };
    expect(overridesOf(withOverrides(DEFAULT_PROFILE, overrides))).toEqual(overrides);
    expect(overridesOf(DEFAULT_PROFILE)).toEqual({});
    expect(overridesOf(withOverrides(DEFAULT_PROFILE, { eventGenTime: !DEFAULT_PROFILE.eventGenTime }))).toEqual({ eventGenTime: !DEFAULT_PROFILE.eventGenTime });
  });
});
