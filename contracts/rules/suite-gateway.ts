/**
 * The gateway as the rule suite drives it: sessions of the fixtures' accounts, signed in and out through the
 * gateway's public calls, with what the suite knows of each account's state; and, on the embedded mock only, two
 * controls no public call offers: injected CTI faults (its admin API) and its clock.
 *
 * Every account a case touches ends signed out, so the next case starts from a known state.
 */
import type { AgentSession, GatewayClient } from '../../src/client/index.ts';
import type { AgentAccount } from '../../src/domain/agent.ts';
import { situationBody } from '../../src/domain/expect-witness.ts';
import type { OperationId, Retcode } from '../../src/domain/retcodes.ts';
import type { RoleState } from '../../src/domain/witness.ts';
import { ensureSignedOut } from '../provider/live-driver.ts';

/** CTI faults of a mock gateway (its admin API). */
export interface FaultControl {
  /** Makes `operation` calls whose path agentid is `agentId` answer `retcode` after the state checks. */
  inject(operation: OperationId, agentId: string, retcode: Retcode): Promise<void>;
  clear(): Promise<void>;
}

/** Time as the gateway sees it: a mock's clock the suite moves, or real time. */
export interface SuiteClock {
  /** Lets `ms` pass for the gateway. */
  pass(ms: number): Promise<void>;
  /** Whether `pass` is instant (a mock's clock) or real waiting. */
  readonly instant: boolean;
}

export interface SuiteGatewayOptions {
  readonly client: GatewayClient;
  /** How long to wait for events that should arrive, in ms. */
  readonly eventWaitMs: number;
  readonly faults?: FaultControl | undefined;
  readonly clock?: SuiteClock | undefined;
}

/** The gateway driven by the suite. */
export class SuiteGateway {
  readonly client: GatewayClient;
  readonly eventWaitMs: number;
  readonly faults: FaultControl | undefined;
  readonly clock: SuiteClock | undefined;
  readonly #held = new Map<string, AgentSession>();
  readonly #signedOut = new Set<string>();

  constructor(options: SuiteGatewayOptions) {
    this.client = options.client;
    this.eventWaitMs = options.eventWaitMs;
    this.faults = options.faults;
    this.clock = options.clock;
  }

  /** The session the suite holds for an account, if it signed it in. */
  held(agentId: string): AgentSession | undefined {
    return this.#held.get(agentId);
  }

  /** Makes `session` the one held for its agent (a sign-in the case itself made). */
  hold(session: AgentSession): void {
    this.#held.set(session.agentId, session);
    this.#signedOut.delete(session.agentId);
  }

  /** Signs the account in with the state (a forced sign-in: any session of its own ends) and holds the session. */
  async signIn(account: AgentAccount, state: RoleState): Promise<AgentSession> {
    const session = this.client.agent(account.id);
    const reply = await session.forceLogin(situationBody(account, state));
    if (!reply.ok) throw new SetupError(`the forced sign-in of agent ${account.id} answered ${reply.retcode} (${reply.meaning}); check its password and phone in the fixtures`);
    if (session.guid === undefined) throw new SetupError(`the forced sign-in of agent ${account.id} answered 0 without a Set-GUID header`);
    this.hold(session);
    return session;
  }

  /** Makes sure the account is signed out, whatever it was doing. */
  async signOut(account: AgentAccount): Promise<void> {
    if (this.#signedOut.has(account.id)) return;
    try {
      await ensureSignedOut(this.client, account, this.#held.get(account.id));
    } catch (e) {
      throw new SetupError((e as Error).message);
    }
    this.#held.delete(account.id);
    this.#signedOut.add(account.id);
  }

  /** Forgets what the suite knew of the account: its next sign-out takes it over whatever its state. */
  forget(agentId: string): void {
    this.#held.delete(agentId);
    this.#signedOut.delete(agentId);
  }

  /**
   * Signs every given account out, and any other session the suite holds (an ID without an account that a gateway
   * let sign in); returns the problems instead of throwing, so every account gets its turn.
   */
  async release(accounts: Iterable<AgentAccount>): Promise<string[]> {
    const problems: string[] = [];
    for (const account of accounts) {
      try {
        await this.signOut(account);
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    for (const [agentId, session] of [...this.#held]) {
      this.#held.delete(agentId);
      try {
        const out = await session.forceLogout();
        if (!out.ok && out.retcode !== '100-008') problems.push(`agent ${agentId}, which has no account in the fixtures, could not be signed out: forcelogout answered ${out.retcode} (${out.meaning})`);
      } catch (e) {
        problems.push(`agent ${agentId}, which has no account in the fixtures, could not be signed out: ${(e as Error).message}`);
      }
    }
    return problems;
  }
}

/** The situation of a case could not be built on the gateway: the case fails with this, naming the call. */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}
