/**
 * Producing a provider state from its spec (contracts/provider-states.ts) with a driver: the mock's `/__admin` API,
 * or a live gateway's public calls. The engine decides what to do (sign out, sign in with a status, barge, read
 * events, inject a fault); the driver decides how. It answers the values the pact's `fromProviderState`
 * expressions read: each role's agent ID, and the Guid of each signed-in role or the phone and password of each
 * signed-out one.
 */
import {
  EVENTS_READ_PARAM,
  injectedKeys,
  ROLES,
  rolesOf,
  type ProviderStateSpec,
  type Role,
  type StateParams,
  type StateStatus,
} from '../provider-states.ts';

/** An account a role is played by. */
export interface RoleAccount {
  readonly id: string;
  readonly phone: string;
  readonly password: string;
}

/** One state's worth of work on a gateway: created per state setup, torn down after the interaction. */
export interface StateSession {
  /** The account playing `role`; throws naming what is missing when none does. */
  account(role: Role): RoleAccount;
  /** Makes sure the role's agent is signed out. */
  signOut(role: Role): Promise<void>;
  /**
   * Signs the role's agent in with the status; `readSignInEvents` asks that the sign-in's own events have been read
   * afterwards (the state's event polls must see the barge's events first).
   */
  signIn(role: Role, status: StateStatus, options: { readonly readSignInEvents: boolean }): Promise<void>;
  /** The Guid the role's session holds now. */
  guid(role: Role): string;
  /** Barges `inspector` into `target` as addinsert does, with its events. */
  barge(inspector: Role, target: Role): Promise<void>;
  /** Reads the role's events until these types have arrived, in order. */
  readEvents(role: Role, eventTypes: readonly string[]): Promise<void>;
  /** Makes addinsert calls of `caller` fail with the CTI fault. */
  ctiFault(code: '900-001' | '900-003', caller: Role): Promise<void>;
  /** Ends every barge and signs every agent of the state out; must not throw for an agent already out. */
  tearDown(): Promise<void>;
}

/** Makes state sessions. */
export interface StateDriver {
  /** Who drives: for messages. */
  readonly kind: 'mock' | 'live';
  begin(params: StateParams): StateSession;
}

/** Produces the state and returns the values to inject into the interaction's request. */
export async function setUpState(spec: ProviderStateSpec, params: StateParams, session: StateSession): Promise<Record<string, string>> {
  const roles = rolesOf(params);
  for (const role of Object.keys(spec.signedIn) as Role[]) {
    if (!roles.includes(role)) throw new Error(`the state "${spec.name}" signs the ${role} in, but its parameters name no ${role}; the pact and contracts/provider-states.ts disagree`);
  }
  const signedIn = roles.filter((r) => spec.signedIn[r] !== undefined);
  const signedOut = roles.filter((r) => spec.signedIn[r] === undefined);
  for (const role of roles) session.account(role);
  await Promise.all(signedOut.map((r) => session.signOut(r)));
  await Promise.all(signedIn.map((r) => session.signIn(r, spec.signedIn[r]!, { readSignInEvents: spec.barge !== undefined })));
  if (spec.barge) {
    await session.barge(spec.barge.inspector, spec.barge.target);
    const read = params[EVENTS_READ_PARAM];
    if (Array.isArray(read) && read.length > 0) await session.readEvents(spec.barge.inspector, read as readonly string[]);
  }
  if (spec.ctiFault) await session.ctiFault(spec.ctiFault, 'inspector');

  const values: Record<string, string> = {};
  for (const role of roles) {
    const keys = injectedKeys(role);
    const account = session.account(role);
    values[keys.id] = account.id;
    if (signedIn.includes(role)) values[keys.guid] = session.guid(role);
    else {
      values[keys.phone] = account.phone;
      values[keys.password] = account.password;
    }
  }
  return values;
}

/** The value every injected expression gets when a state could not be set up: no gateway resource matches it. */
export const SETUP_FAILED = 'state-setup-failed';

/**
 * Values for every expression a state could inject, all {@link SETUP_FAILED} (passwords empty): a request built
 * from them matches no resource (agent IDs that fail the path pattern), so it cannot touch a real account.
 */
export function poisonValues(): Record<string, string> {
  const values: Record<string, string> = {};
  for (const role of ROLES) {
    const keys = injectedKeys(role);
    values[keys.id] = SETUP_FAILED;
    values[keys.guid] = SETUP_FAILED;
    values[keys.phone] = SETUP_FAILED;
    values[keys.password] = '';
  }
  return values;
}
