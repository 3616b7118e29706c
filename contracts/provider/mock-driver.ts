/**
 * Provider states on the mock gateway, through its admin API (docs/mock-gateway.md):
 * - sign-in and status: `PUT /__admin/agents/{id}/state` with the pact's example Guid of the role, so the pact's
 *   examples work as they stand (the values are injected as well);
 * - sign-out: the same call with `{ signedIn: false }`;
 * - CTI faults (900-001, 900-003): `PUT /__admin/faults` for the inspector's addinsert;
 * - teardown: `POST /__admin/reset` (everyone signed out, queues and faults cleared).
 * A barge whose events the interaction polls is made with the gateway's own addinsert (through the project's
 * client, with the inspector's Guid): the admin API's `bargedBy` barges without events.
 */
import { AdminClient, GatewayClient, type AgentSession } from '../../src/client/index.ts';
import type { AgentAccount } from '../../src/domain/agent.ts';
import { demoFixtures, type LoadedFixtures } from '../../src/fixtures/index.ts';
import { EXAMPLE_GUIDS, type Role, type StateParams } from '../provider-states.ts';
import type { RoleAccount, StateDriver, StateSession } from './state-engine.ts';

/** Settings of {@link mockStateDriver}. */
export interface MockDriverOptions {
  /** The mock's base URL (its admin API and its gateway calls). */
  readonly adminUrl: string;
  /** The mock's `--admin-token`, when it was started with one. */
  readonly adminToken?: string | undefined;
  /** The accounts the mock was seeded with (phones and passwords for sign-in states). Default: the demo fixtures. */
  readonly fixtures?: LoadedFixtures;
}

/** A state driver for the mock gateway. */
export function mockStateDriver(options: MockDriverOptions): StateDriver {
  const base = options.adminUrl.replace(/\/+$/, '');
  const accounts = new Map<string, AgentAccount>((options.fixtures ?? demoFixtures()).accounts.map((a) => [a.id, a]));

  const admin = new AdminClient({ baseUrl: base, token: options.adminToken });

  return {
    kind: 'mock',
    begin(params: StateParams): StateSession {
      const client = new GatewayClient({ baseUrl: base, timeoutMs: 10_000 });
      const guids = new Map<Role, string>();
      const sessions = new Map<Role, AgentSession>();
      const account = (role: Role): RoleAccount => {
        const id = params[role];
        if (typeof id !== 'string') throw new Error(`the provider state names no ${role}; the pact and contracts/provider-states.ts disagree`);
        const found = accounts.get(id);
        if (!found) throw new Error(`agent ${id} (the ${role}) is not in the mock's fixtures; seed the mock with the demo accounts or pass its fixtures`);
        return found;
      };
      const sessionOf = (role: Role): AgentSession => {
        let s = sessions.get(role);
        if (!s) {
          s = client.agent(account(role).id).useGuid(guids.get(role));
          sessions.set(role, s);
        }
        return s;
      };
      return {
        account,
        async signOut(role) {
          await admin.putState(account(role).id, { signedIn: false });
        },
        async signIn(role, status) {
          const guid = await admin.putState(account(role).id, { signedIn: true, status, alwaysOffHook: false, guid: EXAMPLE_GUIDS[role] });
          guids.set(role, guid ?? EXAMPLE_GUIDS[role]);
        },
        guid(role) {
          const guid = sessions.get(role)?.guid ?? guids.get(role);
          if (guid === undefined) throw new Error(`the ${role} is not signed in in this state, so it has no Guid`);
          return guid;
        },
        async barge(inspector, target) {
          (await sessionOf(inspector).addInsert(account(target).id)).expectOk();
        },
        async readEvents(role, eventTypes) {
          await sessionOf(role).waitForEvents(eventTypes as Parameters<AgentSession['waitForEvents']>[0], { timeoutMs: 10_000 });
        },
        async ctiFault(code, caller) {
          await admin.setFaults([{ operation: 'addInsert', agent: account(caller).id, retcode: code }]);
        },
        async tearDown() {
          client.close();
          await admin.reset();
        },
      };
    },
  };
}
