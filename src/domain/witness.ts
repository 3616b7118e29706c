/**
 * Witnesses: the situations in which a rule row decides a call, written as data on the row itself. The rule suite
 * (contracts/rules/) turns each witness into a fixed case against any gateway: it builds the situation through the
 * gateway's calls on the fixtures' accounts, makes the call, and expects what `src/domain` decides in that situation.
 * A test checks that every witness of every row is decided by that row under every profile, so a witness cannot
 * drift from its rule.
 *
 * Every ID in a witness names a party (an account in a role, or an ID without an account), a boundary of the
 * profile's ID range, or a literal that can be no agent's ID: a case never touches an account the fixtures do not
 * own.
 */
import type { Provenance } from './provenance.ts';
import type { AgentRole, Party } from './roles.ts';
import type { OperationId, Retcode } from './retcodes.ts';

/** How an agent of the situation is signed in: its status (3 busy, 4 idle, 5 wrap-up) and `releasephone: false`. */
export interface RoleState {
  readonly status: 3 | 4 | 5;
  /** Signed in with `releasephone: false` (always off-hook): a barge then rings no phone. */
  readonly alwaysOffHook?: boolean;
}

/** A barge that is in progress before the call. */
export interface Barge {
  readonly inspector: AgentRole;
  readonly target: AgentRole;
}

/** The state of the gateway before the call. Accounts the situation does not sign in are signed out. */
export interface Situation {
  readonly signedIn?: Readonly<Partial<Record<AgentRole, RoleState>>>;
  /** Barges made before the call, in order, with the gateway's own addinsert. */
  readonly barges?: readonly Barge[];
  /** A CTI failure injected for the call (a mock gateway's fault setting; no public call produces one). */
  readonly fault?: Retcode;
  /**
   * How the session whose Guid the call sends (guid `endedSession`) ended: a sign-out (default), or the no-poll limit
   * passing without an event poll (the gateway signs such an agent out).
   */
  readonly sessionEndedBy?: 'signOut' | 'silence';
}

/** The bounds of the profile's ID range, and their neighbours. */
export type IdBound = 'min-1' | 'min' | 'max' | 'max+1';

/** A path ID of the call: a party's ID, a bound of the profile's range, or a literal that is no agent's ID. */
export type PathId = { readonly party: Party } | { readonly bound: IdBound } | { readonly literal: string };

/**
 * The Guid header of the call:
 * - `own`: the caller's current Guid; `none`: no header; `malformed`: a value in no Guid format;
 * - `{ of }`: the current Guid of another signed-in agent;
 * - `previousSession`: the Guid of the caller's earlier session (it signed in again since);
 * - `endedSession`: the Guid of the caller's session that was signed out (the situation leaves it signed out; a
 *   sign-in's witness uses it to give the agent a session that ended before the call);
 * - `beforeRotation`: the caller's Guid from before a rotation, after the Guid timeout (dynamic authentication).
 */
export type GuidUse = 'own' | 'none' | 'malformed' | { readonly of: AgentRole } | 'previousSession' | 'endedSession' | 'beforeRotation';

/** Changes to a valid sign-in body (`{ password, phonenum }` of the caller's account). */
export interface BodyShape {
  /** Fields to set (or to overwrite), e.g. `{ status: 3 }`, `{ agenttype: 5 }`. */
  readonly set?: Readonly<Record<string, unknown>>;
  readonly omit?: readonly ('password' | 'phonenum')[];
  /** A password or phone number that is not the account's. */
  readonly wrong?: 'password' | 'phonenum';
  /** Send this instead of an object (e.g. an array or a bare string). */
  readonly replace?: unknown;
}

/** The call a witness makes; the operation is the one whose table holds the row (a row may serve two, e.g. signIn and forceLogin). */
export interface WitnessCall {
  /** Whose session calls: its Guid is sent, and `agentid` is its ID unless given. */
  readonly caller: Party;
  readonly agentid?: PathId;
  /** The other agent, for addinsert and cancel. */
  readonly workNo?: PathId;
  /** Default `own`. */
  readonly guid?: GuidUse;
  /** The sign-in body, for signIn and forceLogin. */
  readonly body?: BodyShape;
  /** Query parameters, raw. */
  readonly query?: Readonly<Record<string, string>>;
  /** Path parameters other than agent IDs, raw (resetskill's `autoflag`). */
  readonly path?: Readonly<Record<string, string>>;
  /** Request headers other than the Guid, by lower-case name (handshake's `service_token`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One situation in which a row decides (or, for a boundary, does not decide) a call. */
export interface Witness {
  /** Unique within the row, kebab-case: `busy-inspector`. */
  readonly name: string;
  /** What makes the situation, as a phrase: `the inspector is busy (status 3)`. */
  readonly says: string;
  readonly given: Situation;
  readonly when: WitnessCall;
  /** `applies` (default): the row decides the call. `passes`: a boundary inside the rule: the row must not decide it. */
  readonly expect?: 'applies' | 'passes';
  /** For a row several operations share: the operations this witness is for (default: all of them). */
  readonly only?: readonly OperationId[];
}

/** The call of an operation in its plain, successful form, from which the shared rows derive their witnesses. */
export interface BaseCall {
  readonly given: Situation;
  readonly when: WitnessCall;
}

/** The successful answer of an operation as a row of its table: the last row, after every rejection rule. */
export interface SuccessRow {
  readonly id: 'ok';
  readonly title: string;
  /** The document that says what success does. */
  readonly provenance: Provenance;
  readonly witnesses: readonly Witness[];
}

/** A witness built from a base call with changes to the call and a new situation (default: the base's). */
export function variant(base: BaseCall, name: string, says: string, change: { readonly given?: Situation; readonly when?: Partial<WitnessCall>; readonly expect?: 'passes' }): Witness {
  return {
    name,
    says,
    given: change.given ?? base.given,
    when: { ...base.when, ...change.when },
    ...(change.expect ? { expect: change.expect } : {}),
  };
}

/** The value of a bound under an ID range. */
export function boundValue(bound: IdBound, ids: { readonly min: number; readonly max: number }): string {
  switch (bound) {
    case 'min-1':
      return String(ids.min - 1);
    case 'min':
      return String(ids.min);
    case 'max':
      return String(ids.max);
    case 'max+1':
      return String(ids.max + 1);
  }
}
