/**
 * The Node client of the mock gateway's admin API (`/__admin`, docs/mock-gateway.md; paths and types in
 * src/shared/admin-api.ts): for the provider states of the pact, the rule suite's faults, the properties' reset,
 * snapshot and audit, and `ccgw verify`'s look at a mock's accounts. The k6 scripts use load/lib/admin.ts (k6 has its
 * own HTTP). Plain `node:http(s)`, so a mock served over TLS is reached with the same `--ca`/`--insecure` as the gateway.
 */
import http from 'node:http';
import https from 'node:https';
import {
  ADMIN_PATHS,
  ADMIN_TOKEN_HEADER,
  ADMIN_TOKEN_HINT,
  type AdminAudit,
  type AdminCounters,
  type AdminFixtures,
  type AdminHealth,
  type AgentStateBody,
  type AgentStateReply,
  type BulkSignInBody,
  type BulkSignInReply,
  type FaultSetting,
  type ResetBody,
  type SnapshotAgent,
} from '../shared/admin-api.ts';
import { resolveTls, type TlsOptions } from './tls.ts';

/** An admin call that failed; `status` is the HTTP status, 0 when nothing answered. The message names the call and the fix. */
export class AdminCallError extends Error {
  override readonly name = 'AdminCallError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface AdminClientOptions {
  /** The mock's base URL, without `/__admin`. */
  readonly baseUrl: string;
  /** The mock's `--admin-token`, when it was started with one. */
  readonly token?: string | undefined;
  /** How to trust a mock served over TLS. */
  readonly tls?: TlsOptions | undefined;
  /** Per call; default 15 s. */
  readonly timeoutMs?: number;
}

/** What one call answered: the status (0 when nothing did), the JSON body when there was one, or why nothing came. */
export interface AdminAnswer {
  readonly status: number;
  readonly json?: unknown;
  readonly text: string;
  readonly error?: string;
}

/** The admin API of one mock. Every method but {@link AdminClient.send} throws {@link AdminCallError} unless the mock answers 2xx with JSON. */
export class AdminClient {
  readonly baseUrl: string;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;
  readonly #tls: ReturnType<typeof resolveTls> | undefined;

  constructor(options: AdminClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#headers = { 'Content-Type': 'application/json', ...(options.token ? { [ADMIN_TOKEN_HEADER]: options.token } : {}) };
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#tls = this.baseUrl.startsWith('https:') ? resolveTls(options.tls) : undefined;
  }

  /** `GET /__admin/health`. */
  health(): Promise<AdminHealth> {
    return this.call('GET', ADMIN_PATHS.health);
  }

  /** `GET /__admin/fixtures`: the document the mock's accounts came from. */
  fixtures(): Promise<AdminFixtures> {
    return this.call('GET', ADMIN_PATHS.fixtures);
  }

  /** Signs everyone out and clears queues, faults, counters and the audit (and replaces the accounts with `body.fixtures`). */
  async reset(body: ResetBody = {}): Promise<void> {
    await this.call('POST', ADMIN_PATHS.reset, body);
  }

  /** Puts one agent into a state directly (no events); answers its Guid, null when signed out. */
  async putState(id: string, body: AgentStateBody): Promise<string | null> {
    return (await this.call<AgentStateReply>('PUT', ADMIN_PATHS.agentState(id), body)).guid;
  }

  /** Signs many agents in at once (no events); answers their Guids by ID. */
  async signIn(body: BulkSignInBody): Promise<Readonly<Record<string, string>>> {
    return (await this.call<BulkSignInReply>('POST', ADMIN_PATHS.signIn, body)).guids;
  }

  /** Replaces the fault settings. */
  async setFaults(faults: readonly FaultSetting[]): Promise<void> {
    await this.call('PUT', ADMIN_PATHS.faults, { faults });
  }

  /** Clears the fault settings. */
  async clearFaults(): Promise<void> {
    await this.call('DELETE', ADMIN_PATHS.faults);
  }

  /** The signed-in agents (every agent with `all`). */
  async snapshot(all = false): Promise<readonly SnapshotAgent[]> {
    return (await this.call<{ agents: SnapshotAgent[] }>('GET', ADMIN_PATHS.snapshot(all))).agents;
  }

  /** The invariant audit since the last reset. */
  audit(): Promise<AdminAudit> {
    return this.call('GET', ADMIN_PATHS.audit);
  }

  /** Calls per operation, retcode and HTTP status, as the mock counted them. */
  counters(): Promise<AdminCounters> {
    return this.call('GET', ADMIN_PATHS.counters);
  }

  /** One call; throws {@link AdminCallError} unless it answers 2xx with JSON (or nothing). */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.send(method, path, body);
    const call = `${method} ${this.baseUrl}${path}`;
    if (answer.status === 0) throw new AdminCallError(`${call}: no answer (${answer.error}); is the mock running? start it with \`ccgw mock\` or fix the URL`, 0);
    if (answer.status < 200 || answer.status > 299) {
      const hint = answer.status === 401 || answer.status === 403 ? `; ${ADMIN_TOKEN_HINT}` : ' (see docs/mock-gateway.md)';
      throw new AdminCallError(`${call} answered HTTP ${answer.status}: ${answer.text.trim()}${hint}`, answer.status);
    }
    if (answer.text !== '' && answer.json === undefined) throw new AdminCallError(`${call} answered a body that is not JSON; is ${this.baseUrl} a ccgw mock?`, answer.status);
    return answer.json as T;
  }

  /** One call that never throws for what the mock answers (or does not). */
  send(method: string, path: string, body?: unknown): Promise<AdminAnswer> {
    const url = new URL(`${this.baseUrl}${path}`);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const options = { method, timeout: this.#timeoutMs, headers: payload === undefined ? this.#headers : { ...this.#headers, 'Content-Length': String(Buffer.byteLength(payload)) }, ...(this.#tls ?? {}) };
    return new Promise((resolve) => {
      const req = (url.protocol === 'https:' ? https : http).request(url, options, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let json: unknown;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, ...(json === undefined ? {} : { json }) });
        });
        res.on('error', (e) => resolve({ status: 0, text: '', error: e.message }));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.#timeoutMs / 1000} s`)));
      req.on('error', (e) => resolve({ status: 0, text: '', error: e.message }));
      req.end(payload);
    });
  }
}
