/**
 * The properties' hands on a gateway reached only through its public calls: one client session per agent (a new one
 * for a forced sign-in from "another browser"), the Guids each agent had before (to send an expired one), a
 * request-rate cap on every call, and a record of what was signed in and barged so that it can all be undone:
 * `cleanUp()` cancels the barges and forces every session out, `ensureSignedOut()` signs accounts out even when
 * their session is unknown (forcelogin, then forcelogout).
 */
import type { AgentSession, GatewayClient } from '../../src/client/index.ts';
import type { AgentAccount } from '../../src/domain/agent.ts';
import type { OperationId } from '../../src/generated/contract.ts';
import type { RateLimiter } from '../../src/client/rate-limiter.ts';

/** One account the clean-up could not sign out, and why. */
export interface CleanupProblem {
  readonly agentId: string;
  readonly detail: string;
}

function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

export class GatewayDriver {
  readonly #sessions = new Map<string, AgentSession>();
  readonly #stale = new Map<string, string>();
  readonly #barges = new Map<string, string>();
  readonly #signedIn = new Set<string>();
  readonly #accounts: ReadonlyMap<string, AgentAccount>;
  #requests = 0;

  constructor(
    readonly client: GatewayClient,
    accounts: readonly AgentAccount[],
    readonly limiter: RateLimiter,
  ) {
    this.#accounts = new Map(accounts.map((a) => [a.id, a]));
  }

  /** Requests sent so far. */
  get requests(): number {
    return this.#requests;
  }

  /** The account of `id`, if the fixtures have it. */
  account(id: string): AgentAccount | undefined {
    return this.#accounts.get(id);
  }

  /** The current session of `id` (created on first use). */
  session(id: string): AgentSession {
    let s = this.#sessions.get(id);
    if (!s) this.#sessions.set(id, (s = this.client.agent(id)));
    return s;
  }

  /** The Guid `id` had before its current session's, if any (a Guid the gateway has revoked). */
  staleGuid(id: string): string | undefined {
    return this.#stale.get(id);
  }

  /** The Guid `id`'s session sends now. */
  currentGuid(id: string): string | undefined {
    return this.#sessions.get(id)?.guid;
  }

  /** Current Guids of every agent but `id`. */
  otherGuids(id: string): string[] {
    return [...this.#sessions].filter(([other, s]) => other !== id && s.guid !== undefined).map(([, s]) => s.guid!);
  }

  /**
   * Makes one call through `id`'s session, after the rate cap, and records its effect for the clean-up. With
   * `fresh`, the call is made by a new session (another browser); it becomes `id`'s session when it answers 0.
   */
  async call<R extends { readonly retcode: string }>(id: string, op: OperationId, act: (session: AgentSession) => Promise<R>, options: { readonly fresh?: boolean; readonly workNo?: string } = {}): Promise<R> {
    await this.limiter.take();
    this.#requests++;
    const session = options.fresh ? this.client.agent(id) : this.session(id);
    const before = this.session(id).guid;
    const reply = await act(session);
    if (reply.retcode === '0') this.#record(id, op, session, before, options.workNo);
    return reply;
  }

  /** Counts a request made outside `call` (after the rate cap). */
  async paced<T>(act: () => Promise<T>): Promise<T> {
    await this.limiter.take();
    this.#requests++;
    return act();
  }

  #record(id: string, op: OperationId, session: AgentSession, guidBefore: string | undefined, workNo: string | undefined): void {
    switch (op) {
      case 'signIn':
      case 'forceLogin':
        if (guidBefore !== undefined && guidBefore !== session.guid) this.#stale.set(id, guidBefore);
        this.#sessions.set(id, session);
        this.#signedIn.add(id);
        this.#forgetBargesOf(id);
        break;
      case 'addInsert':
        if (workNo !== undefined) this.#barges.set(id, workNo);
        break;
      case 'cancelInsert':
        this.#barges.delete(id);
        break;
      case 'logout':
      case 'forceLogout':
        this.#signedIn.delete(id);
        this.#forgetBargesOf(id);
        break;
      default:
        break;
    }
  }

  #forgetBargesOf(id: string): void {
    this.#barges.delete(id);
    for (const [inspector, target] of this.#barges) if (target === id) this.#barges.delete(inspector);
  }

  /**
   * Undoes what the calls did, even after a failure or an abort: cancels every barge that succeeded and was not
   * cancelled, and forces out every agent that signed in. Forgets the sessions afterwards. Never throws.
   */
  async cleanUp(): Promise<CleanupProblem[]> {
    const problems: CleanupProblem[] = [];
    for (const [inspector, target] of [...this.#barges]) {
      try {
        await this.limiter.take({ abortable: false });
        this.#requests++;
        await this.session(inspector).cancelInsert(target);
      } catch (e) {
        problems.push({ agentId: inspector, detail: `cancel of the barge on ${target} failed: ${describeError(e)}` });
      }
    }
    this.#barges.clear();
    for (const id of [...this.#signedIn]) {
      const session = this.#sessions.get(id);
      if (session?.guid === undefined) continue;
      try {
        await this.limiter.take({ abortable: false });
        this.#requests++;
        const reply = await session.forceLogout();
        if (reply.retcode === '0' || reply.retcode === '100-006') this.#signedIn.delete(id);
        else problems.push({ agentId: id, detail: `forcelogout answered ${reply.retcode} (${reply.meaning})` });
      } catch (e) {
        problems.push({ agentId: id, detail: `forcelogout failed: ${describeError(e)}` });
      }
    }
    this.#sessions.clear();
    this.#stale.clear();
    return problems;
  }

  /**
   * Makes sure each account is signed out, whoever signed it in: forcelogin with its password (taking the sign-in
   * over), then forcelogout. Never throws; answers what could not be done.
   */
  async ensureSignedOut(ids: readonly string[]): Promise<CleanupProblem[]> {
    const problems: CleanupProblem[] = [];
    for (const id of ids) {
      const account = this.#accounts.get(id);
      if (!account) {
        problems.push({ agentId: id, detail: 'no account in the fixtures, so no password to take the sign-in over' });
        continue;
      }
      const session = this.client.agent(id);
      try {
        await this.limiter.take({ abortable: false });
        this.#requests++;
        const login = await session.forceLogin({ password: account.password, phonenum: account.phone });
        if (login.retcode !== '0') {
          problems.push({ agentId: id, detail: `forcelogin answered ${login.retcode} (${login.meaning}); check the fixtures' password and phone` });
          continue;
        }
        await this.limiter.take({ abortable: false });
        this.#requests++;
        const out = await session.forceLogout();
        if (out.retcode !== '0') problems.push({ agentId: id, detail: `forcelogout answered ${out.retcode} (${out.meaning})` });
      } catch (e) {
        problems.push({ agentId: id, detail: describeError(e) });
      }
    }
    for (const id of ids) this.#signedIn.delete(id);
    return problems;
  }
}
