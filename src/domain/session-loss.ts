/**
 * A session the gateway no longer knows: what it answers a caller that is not signed in (EN/cec_07_0580) and a Guid
 * it did not issue or no longer accepts (EN/cec_07_0005; which of two retcodes is a profile setting). The caller
 * rules (`common-rules.ts`) answer with these, and a client takes them for a lost session: under the profile, so
 * 000-003 counts only where the profile answers a Guid mismatch with it (it is also a CTI fault of agentstatus). They
 * live here, apart from the rule tables, because k6 VUs need them and each VU evaluates every module it imports (the
 * rule tables are about 190 KB of heap per VU).
 */
import type { Profile } from './profiles.ts';
import { resolveAnswer, type RuleAnswer } from './rule-answer.ts';
import type { Retcode } from './retcodes.ts';

/** The answer of the caller rule `notSignedIn`. */
export const NOT_SIGNED_IN_ANSWER = { retcode: '100-006' } as const satisfies RuleAnswer;
/** The answer of the caller rule `guidMismatch`: the profile's setting. */
export const GUID_MISMATCH_ANSWER = { setting: 'guidMismatch' } as const satisfies RuleAnswer;

/** The retcodes after which a signed-in client must sign in again under `profile`, without repeats. */
export function sessionLossRetcodes(profile: Profile): readonly Retcode[] {
  const codes = new Set<Retcode>();
  for (const answer of [NOT_SIGNED_IN_ANSWER, GUID_MISMATCH_ANSWER]) {
    const code = resolveAnswer(answer, profile);
    if (code !== undefined && code !== 'http-404') codes.add(code);
  }
  return [...codes];
}
