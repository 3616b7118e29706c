/**
 * The mock gateway's admin API (`/__admin`, see docs/mock-gateway.md) as the properties use it: reset between
 * runs, put agents into states, inject faults, and read the snapshot and the audit at the end.
 *
 * @example
 * ```ts
 * const admin = new AdminApi(gw.url);
 * await admin.reset();
 * const guid = await admin.putState('30101', { signedIn: true, status: 4 });
 * (await admin.audit()).violations; // []
 * ```
 */

/** One agent in `GET /__admin/snapshot`. */
export interface SnapshotAgent {
  readonly id: string;
  readonly vdn: number;
  readonly inspector: boolean;
  readonly signedIn: boolean;
  readonly status: number;
  readonly barging: string | null;
  readonly bargedBy: string | null;
  readonly queued: number;
}

/** `GET /__admin/audit`. */
export interface AuditReport {
  readonly checks: number;
  readonly violationCount: number;
  readonly violations: readonly { readonly at: string; readonly invariant: string; readonly detail: string }[];
}

/** The body of `PUT /__admin/agents/{id}/state`. */
export type AgentStateBody = { readonly signedIn: false } | { readonly signedIn: true; readonly status?: number; readonly alwaysOffHook?: boolean; readonly bargedBy?: string };

/**
 * An admin call that did not answer 200; the message names the call and the answer.
 * @example
 * ```ts
 * await new AdminApi('http://127.0.0.1:1').reset(); // rejects with AdminApiError naming the call
 * ```
 */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
}

/**
 * @example
 * ```ts
 * const admin = new AdminApi(gw.url);
 * await admin.putState('30201', { signedIn: true, status: 4 });
 * ```
 */
export class AdminApi {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/__admin${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(this.token ? { 'X-Admin-Token': this.token } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    if (res.status !== 200) throw new AdminApiError(`${method} /__admin${path} answered HTTP ${res.status}: ${text}; is ${this.baseUrl} a ccgw mock gateway reachable on loopback?`);
    return JSON.parse(text) as T;
  }

  /** Signs everyone out and clears queues, faults, counters and the audit. */
  async reset(): Promise<void> {
    await this.#call('POST', '/reset');
  }

  /** Puts one agent into a state directly (no events); answers its new Guid (null when signed out). */
  async putState(id: string, body: AgentStateBody): Promise<string | null> {
    return (await this.#call<{ guid: string | null }>('PUT', `/agents/${encodeURIComponent(id)}/state`, body)).guid;
  }

  /** Signs many agents in at once (no events); answers their Guids by ID. */
  async signInMany(ids: readonly string[], status: 3 | 4 | 5 = 4): Promise<Readonly<Record<string, string>>> {
    return (await this.#call<{ guids: Record<string, string> }>('POST', '/agents/sign-in', { ids, status })).guids;
  }

  /** Replaces the fault settings. */
  async setFaults(faults: readonly Record<string, unknown>[]): Promise<void> {
    await this.#call('PUT', '/faults', { faults });
  }

  /** The signed-in agents (every agent with `all`). */
  async snapshot(all = false): Promise<readonly SnapshotAgent[]> {
    return (await this.#call<{ agents: SnapshotAgent[] }>('GET', `/snapshot${all ? '?all=1' : ''}`)).agents;
  }

  /** The invariant audit since the last reset. */
  async audit(): Promise<AuditReport> {
    return this.#call<AuditReport>('GET', '/audit');
  }
}
