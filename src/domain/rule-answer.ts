/**
 * What a rule answers, and how a profile resolves it to a retcode. Apart from `rules.ts` so that a module that needs
 * only an answer (k6 VUs telling a lost session, `session-loss.ts`) does not evaluate the rule tables.
 */
import type { AnswerName, Profile } from './profiles.ts';
import type { Retcode } from './retcodes.ts';

/** The answer of a rule: a fixed retcode, a profile setting, or whatever fault was injected. */
export type RuleAnswer = { readonly retcode: Retcode } | { readonly setting: AnswerName } | { readonly injectedFault: true };

/** The retcode (or `http-404`) `answer` gives under `profile`; undefined for the injected fault when none was given. */
export function resolveAnswer(answer: RuleAnswer, profile: Profile, fault?: Retcode): Retcode | 'http-404' | undefined {
  if ('retcode' in answer) return answer.retcode;
  if ('setting' in answer) return profile.answers[answer.setting].value;
  return fault;
}
