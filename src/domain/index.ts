/** `src/domain`: the gateway's rules as pure, runtime-neutral code. No `node:` imports: k6 scripts import it too. */
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
export * from './roles.ts';
export * from './witness.ts';
export { addInsertRules, addInsertSuccess, decideAddInsert, type AddInsertCall, type AddInsertContext } from './add-insert.ts';
export { cancelInsertRules, cancelInsertSuccess, decideCancelInsert, type CancelInsertCall, type CancelInsertContext } from './cancel-insert.ts';
export { signInRules, signInSuccess, forceLoginSuccess, decideSignIn, type SignInCall, type SignInResult } from './sign-in.ts';
export { signOutRules, logoutSuccess, forceLogoutSuccess, decideSignOut, decideNoPollSignOut, type SignOutCall } from './sign-out.ts';
export { stateChangeRules, sayFreeSuccess, sayBusySuccess, decideStateChange, parseBusyReason, type StateChangeCall } from './state-change.ts';
export { selfCallRules, agentStatusSuccess, getAgentEventSuccess, decideAgentStatus, decideEventPoll, type SelfCall, type AgentStatusResult } from './queries.ts';
export { resetSkillRules, handShakeRules, heartbeatRules, updateGuidRules, decideSessionCall, type SessionCall, type SessionOperation } from './session-calls.ts';
export { agentByWorkNoRules, vdnListRules, decideVdnView, viewStatusOf, ctiStatusOf, type AgentInfo, type AgentStateEntry, type VdnViewOperation } from './vdn-views.ts';
export { decideCall, type AnyCall } from './decide-call.ts';
export { expectWitness, resolveCall, situationBody, otherPassword, otherPhone, type Expectation, type ResolvedCall, type WitnessParties } from './expect-witness.ts';

import { addInsertRules, addInsertSuccess } from './add-insert.ts';
import { cancelInsertRules, cancelInsertSuccess } from './cancel-insert.ts';
import type { OperationId } from './retcodes.ts';
import type { Rule } from './rules.ts';
import { agentStatusSuccess, getAgentEventSuccess, selfCallRules } from './queries.ts';
import { forceLoginSuccess, signInRules, signInSuccess } from './sign-in.ts';
import { forceLogoutSuccess, logoutSuccess, signOutRules } from './sign-out.ts';
import { handShakeRules, handShakeSuccess, heartbeatRules, heartbeatSuccess, resetSkillRules, resetSkillSuccess, updateGuidRules, updateGuidSuccess } from './session-calls.ts';
import { sayBusySuccess, sayFreeSuccess, stateChangeRules } from './state-change.ts';
import { agentByWorkNoRules, agentByWorkNoSuccess, allAgentStatusSuccess, onlineAgentOnVdnSuccess, vdnListRules } from './vdn-views.ts';
import type { SuccessRow } from './witness.ts';

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
  resetSkill: resetSkillRules,
  handShake: handShakeRules,
  heartbeat: heartbeatRules,
  updateGuid: updateGuidRules,
  agentByWorkNo: agentByWorkNoRules,
  allAgentStatus: vdnListRules,
  onlineAgentOnVdn: vdnListRules,
};

/** The successful answer of each operation, the last row of its table. */
export const OPERATION_SUCCESS: Readonly<Record<OperationId, SuccessRow>> = {
  addInsert: addInsertSuccess,
  cancelInsert: cancelInsertSuccess,
  signIn: signInSuccess,
  forceLogin: forceLoginSuccess,
  logout: logoutSuccess,
  forceLogout: forceLogoutSuccess,
  sayFree: sayFreeSuccess,
  sayBusy: sayBusySuccess,
  agentStatus: agentStatusSuccess,
  getAgentEvent: getAgentEventSuccess,
  resetSkill: resetSkillSuccess,
  handShake: handShakeSuccess,
  heartbeat: heartbeatSuccess,
  updateGuid: updateGuidSuccess,
  agentByWorkNo: agentByWorkNoSuccess,
  allAgentStatus: allAgentStatusSuccess,
  onlineAgentOnVdn: onlineAgentOnVdnSuccess,
};
