/**
 * Gateway profiles: either document generation (2024: IDs 101–59999, "VDN"; 2025: 101–999999, "VCC"), with any
 * allowed answer for each case the documents leave open, "Support QC on QC Inspectors" on or off, and events with
 * or without `eventGenTime`.
 */
import * as fc from 'fast-check';
import { overridesOf, PROFILES, PROFILE_NAMES, withOverrides, type AnswerName, type Profile, type ProfileName } from '../../src/domain/profiles.ts';

/** Options of the profile arbitraries. */
export interface ProfileArbOptions {
  /** Pins "Support QC on QC Inspectors" (default: either). */
  readonly qcOnInspectors?: fc.Arbitrary<boolean>;
}

/** Profiles of one document generation: default answers half of the time, otherwise any allowed override of each. */
export function profileOfArb(name: ProfileName, options: ProfileArbOptions = {}): fc.Arbitrary<Profile> {
  const profile = PROFILES[name];
  const names = Object.keys(profile.answers) as AnswerName[];
  const answers = fc.record(Object.fromEntries(names.map((n) => [n, fc.constantFrom(...profile.answers[n].candidates)])) as Record<AnswerName, fc.Arbitrary<string>>);
  return fc
    .record({ overridden: fc.boolean(), answers, qcOnInspectors: options.qcOnInspectors ?? fc.boolean(), eventGenTime: fc.boolean() })
    .map(({ overridden, answers: chosen, qcOnInspectors, eventGenTime }) => {
      const made = overridden ? withOverrides(profile, { answers: chosen, qcOnInspectors, eventGenTime }) : withOverrides(profile, { qcOnInspectors });
      return Object.defineProperty(made, fc.toStringMethod, { value: () => describeProfile(made), enumerable: false });
    });
}

/** A profile in a few words: its name and what differs from it. */
export function describeProfile(profile: Profile): string {
  const overrides = overridesOf(profile);
  return Object.keys(overrides).length ? `${profile.name} with ${JSON.stringify(overrides)}` : profile.name;
}

/** Profiles of either generation. */
export function profileArb(options: ProfileArbOptions = {}): fc.Arbitrary<Profile> {
  return fc.oneof(...PROFILE_NAMES.map((name) => profileOfArb(name, options)));
}
