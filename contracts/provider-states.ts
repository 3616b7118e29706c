/**
 * The provider states of the addinsert pact, shared by the consumer tests (which name them) and the provider
 * verifiers (which produce them on the mock through `/__admin`, or on a live gateway through public calls).
 *
 * A state names a situation; its parameters name the agents by **role** (`inspector`, `target`, ...) with the demo
 * accounts as example IDs, and the VDN. The pact's requests take every value that differs between gateways from the
 * state (`fromProviderState`): agent IDs in paths, the caller's Guid, the phone and password of a sign-in. A state
 * handler answers with those values under the keys below ({@link injectedKeys}); a live gateway's handler maps each
 * role to an account of its fixtures file.
 */

import { AGENT_ROLES, ROLE_REQUIREMENTS, type AgentRole } from '../src/domain/roles.ts';

/** The parts agents play in the states: the roles of `src/domain/roles.ts`, which the rule rows' witnesses name too. */
export const ROLES = AGENT_ROLES;

/** One part an agent plays in a state. */
export type Role = AgentRole;

/** What each role requires of its account (for messages naming what a fixtures file lacks). */
export { ROLE_REQUIREMENTS };

/**
 * The example account of each role: the built-in demo accounts (src/fixtures/demo.json), so the pact's examples
 * work on the mock gateway as they stand.
 */
export const EXAMPLE_AGENTS: Readonly<Record<Role, string>> = {
  inspector: '30101',
  otherInspector: '30102',
  target: '30201',
  nonInspector: '30202',
  otherVdnTarget: '40201',
};

/** The VDN of the example accounts, and the other VDN of `otherVdnTarget`. */
export const EXAMPLE_VDN = 1;
export const EXAMPLE_OTHER_VDN = 2;

/**
 * The example Guid of each role's session, in the documented format `<uuid>.AgentGateway<n>`. The mock verifier
 * signs the agents in with exactly these (`PUT /__admin/agents/{id}/state` with `guid`).
 */
export const EXAMPLE_GUIDS: Readonly<Record<Role, string>> = {
  inspector: '279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0',
  otherInspector: '3c9a4e10-8d52-4f0b-a1c7-5e2b9d6f0a13.AgentGateway0',
  target: '6f1c1a52-4b8e-4a57-9b0e-1d8c2a4e7f10.AgentGateway0',
  nonInspector: '9b2d7c44-1e6a-4c3f-8f95-2a7d0b3e6c21.AgentGateway0',
  otherVdnTarget: 'c47e0b9d-5a21-4d8e-9c36-7f1a2b4d8e05.AgentGateway0',
};

/** A well-formed Guid no gateway issued: the "wrong Guid" of the 100-006 interaction. */
export const UNKNOWN_GUID = '00000000-0000-0000-0000-000000000000.AgentGateway0';

/** The password the pact shows: an obvious placeholder; the provider state supplies the account's real one. */
export const PASSWORD_PLACEHOLDER = '********';

/** The example phone number of a role's account (`888<id>`, as in the demo fixtures). */
export function examplePhone(role: Role): string {
  return `888${EXAMPLE_AGENTS[role]}`;
}

/** A gateway status a state puts an agent into: 3 busy, 4 idle. */
export type StateStatus = 3 | 4;

/**
 * One provider state: which roles are signed in (and in what status), whether a barge is in progress, and whether a
 * CTI fault is in force. Roles named in the parameters but not in `signedIn` are signed out.
 */
export interface ProviderStateSpec {
  /** The state's name in the pact. */
  readonly name: string;
  /** The roles that are signed in, with their status. */
  readonly signedIn: Partial<Record<Role, StateStatus>>;
  /** A barge in progress: who barged into whom (both signed in). */
  readonly barge?: { readonly inspector: Role; readonly target: Role };
  /** A CTI fault in force for addinsert calls of the inspector (the mock's faults; no public call produces it). */
  readonly ctiFault?: '900-001' | '900-003';
}

/** The states of the pact. */
export const STATES = {
  inspectorSignedOut: { name: 'an inspector is signed out', signedIn: {} },
  readyToBarge: { name: 'an idle inspector and a signed-in agent of the same VDN', signedIn: { inspector: 4, target: 4 } },
  nonInspectorCaller: {
    name: 'an agent without the inspection right and a signed-in agent of the same VDN',
    signedIn: { nonInspector: 4, target: 4 },
  },
  targetInOtherVdn: { name: 'an idle inspector and a signed-in agent of another VDN', signedIn: { inspector: 4, otherVdnTarget: 4 } },
  inspectorBusy: { name: 'a busy inspector and a signed-in agent of the same VDN', signedIn: { inspector: 3, target: 4 } },
  targetAlreadyBarged: {
    name: 'an idle inspector and an agent of the same VDN whom another inspector has barged into',
    signedIn: { inspector: 4, otherInspector: 4, target: 4 },
    barge: { inspector: 'otherInspector', target: 'target' },
  },
  ctiProviderUnavailable: {
    name: 'an idle inspector and a signed-in agent of the same VDN while the CTI provider is unavailable',
    signedIn: { inspector: 4, target: 4 },
    ctiFault: '900-001',
  },
  ctiResourceUnavailable: {
    name: 'an idle inspector and a signed-in agent of the same VDN while a CTI resource is unavailable',
    signedIn: { inspector: 4, target: 4 },
    ctiFault: '900-003',
  },
  barged: {
    name: 'an inspector has barged into an agent of the same VDN',
    signedIn: { inspector: 4, target: 4 },
    barge: { inspector: 'inspector', target: 'target' },
  },
} as const satisfies Record<string, ProviderStateSpec>;

/** Every state, by its name in the pact. */
export const STATES_BY_NAME: ReadonlyMap<string, ProviderStateSpec> = new Map(Object.values(STATES).map((s: ProviderStateSpec) => [s.name, s]));

/** The parameter of the barged state that lists the events the inspector has already read after the barge. */
export const EVENTS_READ_PARAM = 'inspectorEventsRead';

/** A provider state's parameters: role → agent ID, `vdn`, `targetVdn`, and the events already read. */
export type StateParams = { readonly [key: string]: string | number | string[] };

/** The parameters of a state for the given roles, with the example accounts, their VDN and extra parameters. */
export function stateParams(spec: ProviderStateSpec, roles: readonly Role[], extra: StateParams = {}): StateParams {
  for (const role of [...Object.keys(spec.signedIn), ...(spec.barge ? [spec.barge.inspector, spec.barge.target] : [])]) {
    if (!roles.includes(role as Role)) throw new TypeError(`state "${spec.name}" involves the role ${role}; list it in the roles (${roles.join(', ')})`);
  }
  const params: Record<string, string | number | string[]> = {};
  for (const role of roles) params[role] = EXAMPLE_AGENTS[role];
  params['vdn'] = EXAMPLE_VDN;
  if (roles.includes('otherVdnTarget')) params['targetVdn'] = EXAMPLE_OTHER_VDN;
  return { ...params, ...extra };
}

/** The roles a state's parameters name, in {@link ROLES} order. */
export function rolesOf(params: StateParams | undefined): Role[] {
  return ROLES.filter((role) => typeof params?.[role] === 'string');
}

/** The keys under which a state handler supplies a role's values to the pact's `fromProviderState` expressions. */
export function injectedKeys(role: Role): { readonly id: string; readonly guid: string; readonly phone: string; readonly password: string } {
  return { id: role, guid: `${role}Guid`, phone: `${role}Phone`, password: `${role}Password` };
}
