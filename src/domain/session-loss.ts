/**
 * The retcodes that tell a client its session is gone: the event poll's rejections for a caller that is not signed
 * in and for a Guid the gateway no longer accepts (both documented, EN/cec_07_0580 and EN/cec_07_0005). Read from
 * the rule table under a profile, so a profile that answers a Guid mismatch with 000-003 is honoured, and a code the
 * profile does not use (e.g. 000-003, also a CTI fault of agentstatus) is not taken for a lost session.
 */
import type { Profile } from './profiles.ts';
import { selfCallRules } from './queries.ts';
import { answerOf } from './rules.ts';
import type { Retcode } from './retcodes.ts';

/** The rules whose answer means the session is gone. */
const SESSION_LOSS_RULES = ['notSignedIn', 'guidMismatch'] as const;

/** The retcodes after which a signed-in client must sign in again under `profile`, without repeats. */
export function sessionLossRetcodes(profile: Profile): readonly Retcode[] {
  const codes = new Set<Retcode>();
  for (const rule of selfCallRules) {
    if (!(SESSION_LOSS_RULES as readonly string[]).includes(rule.id)) continue;
    const answer = answerOf(rule, profile);
    if (answer !== 'http-404') codes.add(answer);
  }
  return [...codes];
}
