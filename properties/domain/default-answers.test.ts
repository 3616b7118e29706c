import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../src/domain/profiles.ts';
import { answersOfProfile, DEFAULT_ANSWERS } from '../model/documented-rules.ts';

describe('the default profile', () => {
  it('answers every undocumented case with the default the facts give (so the model of the mock tests expects the same)', () => {
    expect(answersOfProfile(DEFAULT_PROFILE)).toEqual(DEFAULT_ANSWERS);
  });
});
