/**
 * The mock gateway's admin API (`/__admin`, docs/mock-gateway.md) from k6: setup and teardown of mock runs only.
 * Paths and types are src/shared/admin-api.ts (the Node client is src/client/admin-client.ts; k6 has its own HTTP).
 * Refuses to run against a live target. Admin calls are tagged `admin: <call>` and carry no `op` tag, so they stay
 * out of the gateway's per-operation metrics.
 */
import http, { type RefinedResponse } from 'k6/http';
import {
  ADMIN_PATHS,
  ADMIN_TOKEN_HEADER,
  ADMIN_TOKEN_HINT,
  type AdminAudit,
  type AdminCounters,
  type AdminHealth,
  type AdminSnapshot,
  type AgentStateBody,
  type AgentStateReply,
  type BulkSignInBody,
  type BulkSignInReply,
  type FaultSetting,
} from '../../src/shared/admin-api.ts';
import type { LoadConfig } from './config-parse.ts';

export type { AdminAudit, AdminHealth, AgentStateBody, FaultSetting as Fault } from '../../src/shared/admin-api.ts';

/** An admin call failed; the message names the call, the status (0: no answer) and the mock's error. */
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
 * Client of the mock's admin API.
 *
 * @throws AdminError (constructor) when the configuration is a live run.
 */
export class AdminClient {
  readonly #base: string;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;

  constructor(config: Pick<LoadConfig, 'baseUrl' | 'live' | 'loopback' | 'adminToken' | 'timing'>) {
    if (config.live || !config.loopback) throw new AdminError(`the admin API is for the mock only; ${config.baseUrl} is a live target`, 0);
    this.#base = config.baseUrl;
    this.#headers = { 'Content-Type': 'application/json', ...(config.adminToken ? { [ADMIN_TOKEN_HEADER]: config.adminToken } : {}) };
    this.#timeoutMs = config.timing.requestTimeoutMs;
  }

  /** Health; throws when the mock does not answer. */
  health(): AdminHealth {
    return this.#call<AdminHealth>('GET', ADMIN_PATHS.health, undefined, 'health');
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
    this.#call('POST', ADMIN_PATHS.reset, {}, 'reset');
  }

  /** Agents signed in at once; answers their Guids. */
  signIn(body: BulkSignInBody): BulkSignInReply {
    return this.#call('POST', ADMIN_PATHS.signIn, body, 'sign-in');
  }

  /** One agent: account (no password), session, guid, queued events. */
  agent(id: string): Record<string, unknown> {
    return this.#call('GET', ADMIN_PATHS.agent(id), undefined, 'agent');
  }

  /** Puts one agent into a state directly; answers its Guid. */
  setState(id: string, body: AgentStateBody): AgentStateReply {
    return this.#call('PUT', ADMIN_PATHS.agentState(id), body, 'state');
  }

  /** Replaces the fault settings. */
  setFaults(faults: readonly FaultSetting[]): void {
    this.#call('PUT', ADMIN_PATHS.faults, { faults }, 'faults');
  }

  /** Clears the fault settings. */
  clearFaults(): void {
    this.#call('DELETE', ADMIN_PATHS.faults, undefined, 'faults');
  }

  /** The invariant audit since the last reset. */
  audit(): AdminAudit {
    return this.#call<AdminAudit>('GET', ADMIN_PATHS.audit, undefined, 'audit');
  }

  /** Signed-in agents (all with `all`). */
  snapshot(all = false): AdminSnapshot {
    return this.#call('GET', ADMIN_PATHS.snapshot(all), undefined, 'snapshot');
  }

  /** Calls per operation, retcode and HTTP status, as the mock counted them. */
  counters(): AdminCounters {
    return this.#call('GET', ADMIN_PATHS.counters, undefined, 'counters');
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
      const hint = res.status === 401 || res.status === 403 ? `; ${ADMIN_TOKEN_HINT}` : '';
      throw new AdminError(`${method} ${this.#base}${path} answered HTTP ${res.status}: ${err.error ?? res.body}${err.detail ? ` (${err.detail})` : ''}${hint}`, res.status);
    }
    if (parsed === undefined) throw new AdminError(`${method} ${this.#base}${path} answered a body that is not JSON`, res.status);
    return parsed as T;
  }
}
