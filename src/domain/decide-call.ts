/**
 * Any operation's decision through one entry: the operationId and the call as the gateway receives it. The mock's
 * handlers call the decisions directly (their hot path); this serves the rule suite's expectations.
 */
import { decideAddInsert } from './add-insert.ts';
import { decideCancelInsert } from './cancel-insert.ts';
import type { AuthCheck, Decision, WorldView } from './decision.ts';
import type { Profile } from './profiles.ts';
import { decideAgentStatus, decideEventPoll } from './queries.ts';
import type { OperationId, Retcode } from './retcodes.ts';
import { decideSignIn } from './sign-in.ts';
import { decideSessionCall } from './session-calls.ts';
import { decideSignOut } from './sign-out.ts';
import { decideStateChange } from './state-change.ts';
import { decideVdnView } from './vdn-views.ts';

/** One call of any operation. */
export interface AnyCall {
  readonly agentid: string;
  /** addinsert and cancel. */
  readonly workNo?: string;
  /** How the Guid compared (ignored by sign-in). */
  readonly auth: AuthCheck;
  /** The parsed JSON body (sign-in). */
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string>>;
  /** Request headers other than the Guid, by lower-case name (handshake's `service_token`). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly fault?: Retcode;
}

/** Decides one call of `operation`. Pure. */
export function decideCall(operation: OperationId, world: WorldView, call: AnyCall, profile: Profile, now: number): Decision<object> {
  const { agentid, auth } = call;
  const fault = call.fault;
  const self = fault === undefined ? { agentid, auth } : { agentid, auth, fault };
  switch (operation) {
    case 'addInsert':
      return decideAddInsert(world, { ...self, workNo: call.workNo ?? '' }, profile, now);
    case 'cancelInsert':
      return decideCancelInsert(world, { ...self, workNo: call.workNo ?? '' }, profile, now);
    case 'signIn':
    case 'forceLogin':
      return decideSignIn(world, { agentid, body: call.body, force: operation === 'forceLogin', ...(fault === undefined ? {} : { fault }) }, profile, now);
    case 'logout':
    case 'forceLogout':
      return decideSignOut(world, { ...self, force: operation === 'forceLogout' }, profile, now);
    case 'sayFree':
    case 'sayBusy':
      return decideStateChange(world, { ...self, to: operation === 'sayFree' ? 'idle' : 'busy', reason: call.query?.['reason'], prolong: call.query?.['prolong'] }, profile, now);
    case 'agentStatus':
      return decideAgentStatus(world, self, profile);
    case 'getAgentEvent':
      return decideEventPoll(world, self, profile);
    case 'resetSkill':
      return decideSessionCall(operation, world, { ...self, query: { skillid: call.query?.['skillid'], phonelinkage: call.query?.['phonelinkage'] } }, profile);
    case 'handShake':
      return decideSessionCall(operation, world, { ...self, serviceToken: call.headers?.['service_token'] }, profile);
    case 'heartbeat':
    case 'updateGuid':
      return decideSessionCall(operation, world, self, profile);
    case 'agentByWorkNo':
    case 'allAgentStatus':
    case 'onlineAgentOnVdn':
      return decideVdnView(operation, world, { agentid, auth, ...(call.workNo === undefined ? {} : { workNo: call.workNo }) }, profile);
  }
}
