/** Agents: the configured account (from a fixtures file) and, while signed in, the session. */
import { documented, inferred, type Provenance } from './provenance.ts';

/**
 * CC-Gateway status values as returned by status queries (EN/cec_07_0581). The harness uses the ones an agent
 * can be in through the calls it models; 2 is what a signed-out agent reports.
 */
export const GatewayStatus = {
  SignedOut: 2,
  Busy: 3,
  Idle: 4,
  WrapUp: 5,
  Talking: 7,
  Rest: 8,
} as const;

export type GatewayStatus = (typeof GatewayStatus)[keyof typeof GatewayStatus];

/** Names of the status values, for messages and reports. */
export const GATEWAY_STATUS_NAMES: Readonly<Record<GatewayStatus, string>> = {
  2: 'signed-out',
  3: 'busy',
  4: 'idle',
  5: 'wrap-up',
  7: 'talking',
  8: 'rest',
};

export const GATEWAY_STATUS_PROVENANCE: Provenance = documented(
  'EN/cec_07_0581',
  '0 unknown, 1 signed-in (reserved), 2 signed-out, 3 busy, 4 idle, 5 wrap-up, 6 same-as-idle (reserved), 7 talking, 8 rest, 9 pre-rest.',
);

/** A configured agent: what the gateway knows before anyone signs in. */
export interface AgentAccount {
  /** Agent ID (work number), a decimal string. */
  readonly id: string;
  /** The VDN (VCC in the 2025 documents) the agent belongs to. */
  readonly vdn: number;
  /** Whether the agent holds the inspection (quality-control) right. */
  readonly inspector: boolean;
  /** The softphone number configured for the agent. */
  readonly phone: string;
  /** The password, already resolved from its reference. Never logged. */
  readonly password: string;
  /** Display name, optional. */
  readonly name?: string;
}

/** A signed-in agent's state. Immutable: a decision returns new sessions. */
export interface AgentSession {
  readonly status: GatewayStatus;
  /** Signed in with `releasephone: false`: the phone stays off-hook, so no alerting/off-hook events on a barge. */
  readonly alwaysOffHook: boolean;
  /** Epoch ms of the sign-in. */
  readonly loginTime: number;
  /** The target this agent (as inspector) has barged into, or null. */
  readonly barging: string | null;
  /** The inspector barged into this agent, or null. */
  readonly bargedBy: string | null;
}

/** Creates a session with no barge. */
export function newSession(init: { status: GatewayStatus; alwaysOffHook: boolean; loginTime: number }): AgentSession {
  return { status: init.status, alwaysOffHook: init.alwaysOffHook, loginTime: init.loginTime, barging: null, bargedBy: null };
}

/** A copy of `session` with the fields of `patch` changed (a `null` in `patch` clears a barge). */
export function sessionWith(session: AgentSession, patch: Partial<AgentSession>): AgentSession {
  return {
    status: patch.status ?? session.status,
    alwaysOffHook: patch.alwaysOffHook ?? session.alwaysOffHook,
    loginTime: patch.loginTime ?? session.loginTime,
    barging: patch.barging !== undefined ? patch.barging : session.barging,
    bargedBy: patch.bargedBy !== undefined ? patch.bargedBy : session.bargedBy,
  };
}

/** An account together with its session (null when not signed in). */
export interface AgentView {
  readonly account: AgentAccount;
  readonly session: AgentSession | null;
}

/** True while the agent is in a conversation: talking, barging, or barged into. */
export function isInCall(session: AgentSession): boolean {
  return session.status === GatewayStatus.Talking || session.barging !== null || session.bargedBy !== null;
}

export const IN_CALL_PROVENANCE: Provenance = inferred(
  'a barge puts inspector and agent in a two-party conversation (EN/cec_07_2401), so both count as in a call',
  'EN/cec_07_2401',
);

/** Idle in the sense of the addinsert prerequisite: status 4 and not in a conversation. */
export function isIdle(session: AgentSession): boolean {
  return session.status === GatewayStatus.Idle && !isInCall(session);
}
