/**
 * Provider states on a live gateway, made with the gateway's public calls only, on the test accounts the cast
 * assigned to the roles:
 * - signed out: `forcelogin` then `forcelogout` (whatever state the account was in);
 * - signed in with a status: `forcelogin` with that status (3 busy, 4 idle) and `releasephone: true`; when the state
 *   has a barge, the sign-in's own events are then read (exactly those src/domain says a sign-in queues), so the
 *   interaction's polls see the barge's events first, without a long poll that waits for nothing;
 * - a barge: the inspector's own `addinsert`; events already read: the inspector's polls;
 * - teardown: `cancel` of the state's barge, then every account of the state signed out (`forcelogout`, or
 *   `forcelogin` + `forcelogout` when the session's Guid no longer works, e.g. after the verifier's own sign-in).
 * No public call makes the CTI fail: a state with a CTI fault cannot be produced (verify-live.ts skips it).
 */
import type { AgentSession, GatewayClient, SignInBody } from '../../src/client/index.ts';
import type { AgentAccount } from '../../src/domain/agent.ts';
import { signInEventTypes } from '../../src/domain/sign-in.ts';
import { rolesOf, type Role, type StateParams, type StateStatus } from '../provider-states.ts';
import type { Cast } from './cast.ts';
import type { RoleAccount, StateDriver, StateSession } from './state-engine.ts';

/** Settings of {@link liveStateDriver}. */
export interface LiveDriverOptions {
  readonly client: GatewayClient;
  readonly cast: Cast;
  /** Receives the ID of every account a state signs in or out, for the final clean-up. */
  readonly touched: Set<string>;
  /**
   * How long to wait for the events a state expects (a sign-in's, those read after a barge). A working gateway
   * queues them at once; the wait bounds a gateway that never sends one. Default 30 s.
   */
  readonly eventWaitMs?: number;
}

function signInBody(account: AgentAccount, status: StateStatus): SignInBody {
  return { password: account.password, phonenum: account.phone, status, releasephone: true };
}

/**
 * Signs an account out whatever it is doing: `forcelogout` with the held session, or `forcelogin` (taking the
 * account over) then `forcelogout`. Barges the account holds or is subject to end with it.
 */
export async function ensureSignedOut(client: GatewayClient, account: AgentAccount, held?: AgentSession): Promise<void> {
  if (held?.guid !== undefined) {
    try {
      const out = await held.forceLogout();
      if (out.ok || out.retcode === '100-008') return;
    } catch {
      // The held session no longer works; take the account over below.
    }
  }
  const fresh = client.agent(account.id);
  const login = await fresh.forceLogin(signInBody(account, 4));
  if (!login.ok) throw new Error(`agent ${account.id} cannot be signed out: forcelogin answered ${login.retcode} (${login.meaning}); check its password and phone in the fixtures`);
  const out = await fresh.forceLogout();
  if (!out.ok && out.retcode !== '100-008') throw new Error(`agent ${account.id} cannot be signed out: forcelogout answered ${out.retcode} (${out.meaning})`);
}

/** A state driver for a live gateway. */
export function liveStateDriver(options: LiveDriverOptions): StateDriver {
  const { client, cast, touched } = options;
  const eventWaitMs = options.eventWaitMs ?? 30_000;
  return {
    kind: 'live',
    begin(params: StateParams): StateSession {
      const sessions = new Map<Role, AgentSession>();
      const barges: { inspector: Role; target: Role }[] = [];
      const accountOf = (role: Role): AgentAccount => {
        const account = cast.accounts[role];
        if (!account) throw new Error(cast.missing[role] ?? `no account plays the ${role}`);
        return account;
      };
      const held = (role: Role): AgentSession => {
        const s = sessions.get(role);
        if (!s) throw new Error(`the ${role} is not signed in in this state`);
        return s;
      };
      return {
        account: (role): RoleAccount => accountOf(role),
        async signOut(role) {
          const account = accountOf(role);
          touched.add(account.id);
          await ensureSignedOut(client, account);
        },
        async signIn(role, status, { readSignInEvents }) {
          const account = accountOf(role);
          touched.add(account.id);
          const session = client.agent(account.id);
          const reply = await session.forceLogin(signInBody(account, status));
          if (!reply.ok) throw new Error(`forcelogin of agent ${account.id} (the ${role}) answered ${reply.retcode} (${reply.meaning}); check its password and phone in the fixtures`);
          sessions.set(role, session);
          // The state's event interactions expect the barge's first event from their first poll, so nothing else may be
          // queued ahead of it. Reading the sign-in's own events is enough for that, and needs no empty long poll:
          // - a forcelogin starts a new session whose queue begins with the sign-in's events (the mock resets the queue;
          //   on a gateway the queue belongs to the session the forcelogin replaces, inferred); a leftover that is
          //   still queued ahead of them is collected on the way, since waitForEvents skips events in between;
          // - from the sign-in to the barge the state makes no other call on this account, so the next event queued
          //   for it is the barge's.
          // A gateway that queues an undocumented event after the sign-in's would show it to the interaction's first
          // poll: the interaction then fails naming the event it got, a difference to report rather than to hide.
          if (readSignInEvents) await session.waitForEvents(signInEventTypes(status), { timeoutMs: eventWaitMs });
        },
        guid(role) {
          const guid = held(role).guid;
          if (guid === undefined) throw new Error(`the gateway issued no Guid to the ${role} (no Set-GUID in the forcelogin answer)`);
          return guid;
        },
        async barge(inspector, target) {
          const reply = await held(inspector).addInsert(accountOf(target).id);
          if (!reply.ok) {
            throw new Error(`the barge of agent ${accountOf(inspector).id} (the ${inspector}) into agent ${accountOf(target).id} (the ${target}) answered ${reply.retcode} (${reply.meaning}); the state needs it to succeed`);
          }
          barges.push({ inspector, target });
        },
        async readEvents(role, eventTypes) {
          await held(role).waitForEvents(eventTypes as Parameters<AgentSession['waitForEvents']>[0], { timeoutMs: eventWaitMs });
        },
        async ctiFault(code) {
          throw new Error(`no public call of the gateway makes the CTI fail with ${code}; this state can only be produced on the mock gateway`);
        },
        async tearDown() {
          const problems: string[] = [];
          for (const b of barges) {
            try {
              await held(b.inspector).cancelInsert(accountOf(b.target).id);
            } catch {
              // The sign-out below releases the barge anyway.
            }
          }
          for (const role of rolesOf(params)) {
            const account = cast.accounts[role];
            if (!account || !touched.has(account.id)) continue;
            try {
              await ensureSignedOut(client, account, sessions.get(role));
            } catch (e) {
              problems.push((e as Error).message);
            }
          }
          if (problems.length > 0) throw new Error(problems.join('; '));
        },
      };
    },
  };
}
