/**
 * The retcodes that tell the k6 library a session is gone, so it signs the agent in again: the answers of the rule
 * table for a caller that is not signed in and for a Guid the gateway no longer accepts, under the run's profile. A
 * profile that answers a Guid mismatch with 000-003 is honoured; a code it does not use (000-003 is also a CTI fault
 * of agentstatus) is not taken for a lost session.
 */
import { answerOf, selfCallRules, type Profile, type Retcode } from '../../src/domain/index.ts';

/** The rules whose answer means the session is gone. */
const SESSION_LOSS_RULES: readonly string[] = ['notSignedIn', 'guidMismatch'];

/** The retcodes after which a signed-in session must sign in again under `profile`, without repeats. */
export function sessionLossRetcodes(profile: Profile): readonly Retcode[] {
  const codes = new Set<Retcode>();
  for (const rule of selfCallRules) {
    if (!SESSION_LOSS_RULES.includes(rule.id)) continue;
    const answer = answerOf(rule, profile);
    if (answer !== 'http-404') codes.add(answer);
  }
  return [...codes];
}
