/**
 * What a decision says: the retcode (or HTTP 404), which rule decided it, the new sessions, and the events to
 * deliver. Decisions are data; the mock gateway applies them atomically, tests inspect them.
 */
import type { AgentSession, AgentView } from './agent.ts';
import type { AgentEvent } from './events.ts';
import type { OperationId, Retcode } from './retcodes.ts';

/** Read access to the agents: undefined for an ID that is not configured. */
export interface WorldView {
  agent(id: string): AgentView | undefined;
  /** Every configured agent of a VDN (VCC), in the order the accounts were added. */
  agentsInVdn(vdn: number): Iterable<AgentView & { readonly id: string }>;
}

/** Write access used by `applyDecision`. */
export interface SessionStore {
  setSession(id: string, session: AgentSession | null): void;
}

/** How the caller's Guid compared with the one issued: the mock's Guid store decides this, the rules use it. */
export type AuthCheck = 'valid' | 'missing' | 'mismatch';

/** One event to queue for one agent. */
export interface Delivery {
  readonly to: string;
  readonly event: AgentEvent;
}

/** An agent's new session, or null when it is signed out. */
export interface SessionChange {
  readonly agent: string;
  readonly session: AgentSession | null;
}

/** The outcome of one call. */
export interface Decision<R extends object = Record<string, never>> {
  readonly operationId: OperationId;
  /** "0" on success; "" when the answer is HTTP 404 (no resource matched). */
  readonly retcode: Retcode;
  /** 200 for every business answer; 404 when an ID fails the path pattern and the profile says so. */
  readonly httpStatus: 200 | 404;
  /** The rule that decided, e.g. `addInsert.inspectorNotIdle`, or `<operation>.ok`. */
  readonly rule: string;
  /** Human-readable detail for the response's `message` (never contains secrets). */
  readonly message: string;
  readonly changes: readonly SessionChange[];
  readonly deliveries: readonly Delivery[];
  /** The agent that got a new session (the mock issues a Guid and a fresh event queue). */
  readonly signedIn: string | null;
  /** Agents whose sessions ended (the mock revokes their Guids and closes their queues). */
  readonly signedOut: readonly string[];
  /** The `result` object of the response. */
  readonly result: R;
}

/** What a successful call changes; `accepted` fills in the rest of the decision. */
export interface Outcome<R extends object> {
  readonly changes?: readonly SessionChange[];
  readonly deliveries?: readonly Delivery[];
  readonly signedIn?: string | null;
  readonly signedOut?: readonly string[];
  readonly result: R;
}

/**
 * The decision for a call that succeeded: retcode "0", HTTP 200, an empty message, and the rule `<operation>.ok`
 * unless another success rule is named (a sign-out for want of polls is `forceLogout.noPollTimeout`).
 */
export function accepted<R extends object>(operationId: OperationId, outcome: Outcome<R>, rule = `${operationId}.ok`): Decision<R> {
  return {
    operationId,
    retcode: '0',
    httpStatus: 200,
    rule,
    message: '',
    changes: outcome.changes ?? [],
    deliveries: outcome.deliveries ?? [],
    signedIn: outcome.signedIn ?? null,
    signedOut: outcome.signedOut ?? [],
    result: outcome.result,
  };
}

/** True when the call succeeded. */
export function succeeded(decision: Decision<object>): boolean {
  return decision.httpStatus === 200 && decision.retcode === '0';
}

/** Applies the session changes of a decision to a store, in order. */
export function applyDecision(store: SessionStore, decision: Decision<object>): void {
  for (const change of decision.changes) store.setSession(change.agent, change.session);
}
