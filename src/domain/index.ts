/**
 * `src/domain`: the gateway's rules as pure, runtime-neutral code. No `node:` imports: k6 scripts import it too.
 *
 * @example
 * ```ts
 * import { decideAddInsert, DEFAULT_PROFILE } from '../domain/index.ts';
 * ```
 */
export * from './provenance.ts';
export * from './ids.ts';
export * from './agent.ts';
export * from './timing.ts';
export * from './retcodes.ts';
export * from './profiles.ts';
export * from './events.ts';
export * from './decision.ts';
export * from './rules.ts';
export * from './stamp.ts';
export { InMemoryWorld } from './in-memory-world.ts';
export { endBargesOf, releasedInspector } from './barge-teardown.ts';
export { checkSignInBody, type SignInBody, type SignInBodyCheck } from './sign-in-body.ts';
export { addInsertRules, decideAddInsert, type AddInsertCall, type AddInsertContext } from './add-insert.ts';
export { cancelInsertRules, decideCancelInsert, type CancelInsertCall, type CancelInsertContext } from './cancel-insert.ts';
export { signInRules, decideSignIn, type SignInCall, type SignInResult } from './sign-in.ts';
export { signOutRules, decideSignOut, decideNoPollSignOut, type SignOutCall } from './sign-out.ts';
export { stateChangeRules, decideStateChange, parseBusyReason, type StateChangeCall } from './state-change.ts';
export { selfCallRules, decideAgentStatus, decideEventPoll, type SelfCall, type AgentStatusResult } from './queries.ts';

import { addInsertRules } from './add-insert.ts';
import { cancelInsertRules } from './cancel-insert.ts';
import type { OperationId } from './retcodes.ts';
import type { Rule } from './rules.ts';
import { selfCallRules } from './queries.ts';
import { signInRules } from './sign-in.ts';
import { signOutRules } from './sign-out.ts';
import { stateChangeRules } from './state-change.ts';

/** The rules of each operation, in precedence order (for precedence tables; decisions use them directly). */
export const OPERATION_RULES: Readonly<Record<OperationId, readonly Rule<never>[]>> = {
  addInsert: addInsertRules,
  cancelInsert: cancelInsertRules,
  signIn: signInRules,
  forceLogin: signInRules.filter((r) => r.id !== 'alreadySignedIn'),
  logout: signOutRules,
  forceLogout: signOutRules.filter((r) => r.id !== 'inCall'),
  sayFree: stateChangeRules.filter((r) => r.id !== 'badReason' && r.id !== 'badProlong'),
  sayBusy: stateChangeRules,
  agentStatus: selfCallRules,
  getAgentEvent: selfCallRules,
};
