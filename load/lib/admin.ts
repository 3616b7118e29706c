/**
 * The mock gateway's admin API (`/__admin/...`, docs/mock-gateway.md) from k6: setup and teardown of mock runs
 * only. Refuses to run against a live target. Admin calls are tagged `admin: <call>` and carry no `op` tag, so
 * they stay out of the gateway's per-operation metrics.
 *
 * @example
 * ```ts
 * const admin = new AdminClient(config);
 * admin.health();                                  // { ok: true, profile: 'ccgw-2024', … }
 * admin.reset();
 * const { guids } = admin.signIn({ ids: ['30101', '30201'] });
 * const { violations } = admin.audit();
 * ```
 */
import http, { type RefinedResponse } from 'k6/http';
import type { LoadConfig } from './config-parse.ts';

/**
 * An admin call failed; the message names the call, the status and the mock's error.
 *
 * @example
 * ```ts
 * try { admin.reset(); } catch (e) { if (e instanceof AdminError && e.status === 401) console.error(e.message); }
 * ```
 */
export class AdminError extends Error {
  override readonly name = 'AdminError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * `GET /__admin/health`.
 *
 * @example
 * ```ts
 * const { signedIn } = new AdminClient(config).health();
 * ```
 */
export interface AdminHealth {
  readonly ok: boolean;
  readonly profile: string;
  readonly auth: string;
  readonly agents: number;
  readonly signedIn: number;
  readonly version: string;
}

/**
 * One violation found by the mock's audit.
 *
 * @example
 * ```ts
 * for (const v of admin.audit().violations) console.error(`${v.invariant}: ${v.detail}`);
 * ```
 */
export interface AuditViolation {
  readonly at: string | number;
  readonly invariant: string;
  readonly detail: string;
}

/**
 * `GET /__admin/audit`.
 *
 * @example
 * ```ts
 * const audit: AdminAudit = admin.audit(); // { checks: 240, violations: [] }
 * ```
 */
export interface AdminAudit {
  readonly checks: number;
  readonly violations: readonly AuditViolation[];
}

/**
 * One agent in `GET /__admin/snapshot`.
 *
 * @example
 * ```ts
 * admin.snapshot().agents.filter((a) => a.barging !== null);
 * ```
 */
export interface SnapshotAgent {
  readonly id: string;
  readonly vdn: number;
  readonly inspector: boolean;
  readonly signedIn: boolean;
  readonly status: number | null;
  readonly barging: string | null;
  readonly bargedBy: string | null;
  readonly queued: number;
}

/**
 * A fault setting (`PUT /__admin/faults`).
 *
 * @example
 * ```ts
 * const fault: Fault = { operation: 'addInsert', rate: 0.1, retcode: '900-001' };
 * ```
 */
export interface Fault {
  readonly operation: string;
  readonly agent?: string;
  readonly rate?: number;
  readonly latencyMs?: number;
  readonly latencyJitterMs?: number;
  readonly retcode?: string;
  readonly http?: number;
  readonly reset?: boolean;
}

/**
 * State to put one agent into (`PUT /__admin/agents/{id}/state`).
 *
 * @example
 * ```ts
 * admin.setState('30201', { signedIn: true, status: 7 });
 * ```
 */
export type AgentStateBody =
  | { readonly signedIn: false }
  | { readonly signedIn: true; readonly status?: 3 | 4 | 5 | 7 | 8; readonly alwaysOffHook?: boolean; readonly guid?: string; readonly bargedBy?: string };

/**
 * Client of the mock's admin API.
 *
 * @throws AdminError (constructor) when the configuration is a live run.
 * @example
 * ```ts
 * const admin = new AdminClient(config);
 * ```
 */
export class AdminClient {
  readonly #base: string;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;

  constructor(config: Pick<LoadConfig, 'baseUrl' | 'live' | 'loopback' | 'adminToken' | 'timing'>) {
    if (config.live || !config.loopback) throw new AdminError(`the admin API is for the mock only; ${config.baseUrl} is a live target`, 0);
    this.#base = `${config.baseUrl}/__admin`;
    this.#headers = { 'Content-Type': 'application/json', ...(config.adminToken ? { 'X-Admin-Token': config.adminToken } : {}) };
    this.#timeoutMs = config.timing.requestTimeoutMs;
  }

  /** Health; throws when the mock does not answer. */
  health(): AdminHealth {
    return this.#call<AdminHealth>('GET', '/health', undefined, 'health');
  }

  /** True when the admin API answers (an `ok` health), without throwing. */
  available(): boolean {
    try {
      return this.health().ok === true;
    } catch {
      return false;
    }
  }

  /** Signs everyone out; clears queues, faults, counters and audit. */
  reset(): void {
    this.#call('POST', '/reset', {}, 'reset');
  }

  /** Agents signed in at once; answers their Guids. */
  signIn(body: { readonly ids?: readonly string[]; readonly from?: number; readonly to?: number; readonly status?: 3 | 4 | 5 }): { readonly guids: Readonly<Record<string, string>> } {
    return this.#call('POST', '/agents/sign-in', body, 'sign-in');
  }

  /** One agent: account (no password), session, guid, queued events. */
  agent(id: string): Record<string, unknown> {
    return this.#call('GET', `/agents/${encodeURIComponent(id)}`, undefined, 'agent');
  }

  /** Puts one agent into a state directly; answers its Guid. */
  setState(id: string, body: AgentStateBody): { readonly guid?: string } {
    return this.#call('PUT', `/agents/${encodeURIComponent(id)}/state`, body, 'state');
  }

  /** Replaces the fault settings. */
  setFaults(faults: readonly Fault[]): void {
    this.#call('PUT', '/faults', { faults }, 'faults');
  }

  /** Clears the fault settings. */
  clearFaults(): void {
    this.#call('DELETE', '/faults', undefined, 'faults');
  }

  /** The invariant audit since the last reset. */
  audit(): AdminAudit {
    return this.#call<AdminAudit>('GET', '/audit', undefined, 'audit');
  }

  /** Signed-in agents (all with `all`). */
  snapshot(all = false): { readonly profile: string; readonly auth: string; readonly agents: readonly SnapshotAgent[] } {
    return this.#call('GET', `/snapshot${all ? '?all=1' : ''}`, undefined, 'snapshot');
  }

  /** Calls per operation, retcode and HTTP status, as the mock counted them. */
  counters(): { readonly operations: Readonly<Record<string, { total: number; retcodes: Record<string, number>; http: Record<string, number> }>> } {
    return this.#call('GET', '/counters', undefined, 'counters');
  }

  #call<T = Record<string, unknown>>(method: string, path: string, body: unknown, name: string): T {
    const res = http.request(method, `${this.#base}${path}`, body === undefined ? null : JSON.stringify(body), {
      headers: this.#headers,
      responseType: 'text',
      timeout: this.#timeoutMs,
      tags: { admin: name, name: `__admin/${name}` },
      responseCallback: http.expectedStatuses({ min: 200, max: 299 }),
    }) as RefinedResponse<'text'>;
    if (res.status === 0) throw new AdminError(`${method} ${this.#base}${path}: no answer (${res.error}); is the mock running? start it with \`node bin/ccgw.js mock\``, 0);
    let parsed: unknown;
    try {
      parsed = res.body ? JSON.parse(res.body) : {};
    } catch {
      parsed = undefined;
    }
    if (res.status < 200 || res.status > 299) {
      const err = (parsed ?? {}) as { error?: string; detail?: string };
      const hint = res.status === 401 || res.status === 403 ? '; set CCGW_ADMIN_TOKEN to the mock\'s --admin-token' : '';
      throw new AdminError(`${method} ${this.#base}${path} answered HTTP ${res.status}: ${err.error ?? res.body}${err.detail ? ` (${err.detail})` : ''}${hint}`, res.status);
    }
    if (parsed === undefined) throw new AdminError(`${method} ${this.#base}${path} answered a body that is not JSON`, res.status);
    return parsed as T;
  }
}
