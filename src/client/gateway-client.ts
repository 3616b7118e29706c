/**
 * The client of one gateway (the mock or a live CC-Gateway), by base URL. It owns the keep-alive connections and
 * the settings; the calls are made by agent sessions (`client.agent(id)`).
 *
 * @example
 * ```ts
 * import { GatewayClient, type ExchangeRecord } from './index.ts';
 *
 * const log: ExchangeRecord[] = [];
 * const client = new GatewayClient({ baseUrl: 'https://gw.example:8043', tls: { caFile: 'ca.pem' }, onExchange: (r) => log.push(r) });
 * const inspector = client.agent('30169');
 * (await inspector.signIn({ password: process.env['CCGW_PASSWORD_30169'] ?? '', phonenum: '88830169' })).expectOk();
 * const reply = await inspector.addInsert('30170');
 * console.log(reply.ok ? 'barged in' : `${reply.retcode}: ${reply.meaning}`);
 * client.close();
 * ```
 */
import { inspect } from 'node:util';
import { GATEWAY_TIMING } from '../domain/index.ts';
import { AgentSession } from './agent-session.ts';
import { parseBaseUrl } from './base-url.ts';
import type { ExchangeListener } from './exchange-record.ts';
import { checkTimeout, type ClientCore } from './exchange.ts';
import { resolveTls, type TlsOptions } from './tls.ts';
import { Transport } from './transport.ts';

/** The default timeout of a call, in ms. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** How much longer than the gateway's poll wait a long poll may take before it times out, in ms. */
export const POLL_TIMEOUT_SLACK_MS = 5_000;

/** Settings of a {@link GatewayClient}. */
export interface GatewayClientOptions {
  /** `http://host:port` or `https://host:port`, optionally with a path prefix in front of `/agentgateway`. */
  readonly baseUrl: string;
  /** How to trust an HTTPS gateway's certificate. An untrusted certificate is refused unless `insecure: true`. */
  readonly tls?: TlsOptions;
  /** Timeout of each call (connect to last byte), in ms. Default 15000. */
  readonly timeoutMs?: number;
  /** How long the gateway holds a long poll without events, in ms. Default 10000 (AGENT_POLL_WAIT, EN/cec_07_1274). */
  readonly pollWaitMs?: number;
  /** Timeout of an event poll, in ms. Default `pollWaitMs` + 5000. */
  readonly pollTimeoutMs?: number;
  /** Check every 200 answer against the contract's generated validator. Default true. */
  readonly validateResponses?: boolean;
  /** Receives a record of every exchange (request and answer, password redacted). */
  readonly onExchange?: ExchangeListener;
  /** Awaited before every request: a request-rate cap such as a `RateLimiter`. */
  readonly limiter?: { take(): Promise<void> };
}

/** One gateway. See the module documentation. */
export class GatewayClient {
  /** The base URL, normalized (no trailing slash). */
  readonly baseUrl: string;
  /** The timeout of each call, in ms. */
  readonly timeoutMs: number;
  /** The timeout of an event poll, in ms. */
  readonly pollTimeoutMs: number;
  /** Whether answers are checked against the contract. */
  readonly validateResponses: boolean;
  readonly #core: ClientCore;
  readonly #tlsSummary: string;

  constructor(options: GatewayClientOptions) {
    if (options === null || typeof options !== 'object') throw new TypeError("GatewayClient needs options such as { baseUrl: 'http://127.0.0.1:8000' }");
    const base = parseBaseUrl(options.baseUrl);
    const tls = resolveTls(options.tls);
    this.baseUrl = base.href;
    this.timeoutMs = checkTimeout('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const pollWaitMs = checkTimeout('pollWaitMs', options.pollWaitMs ?? GATEWAY_TIMING.pollWaitMs.value);
    this.pollTimeoutMs = checkTimeout('pollTimeoutMs', options.pollTimeoutMs ?? pollWaitMs + POLL_TIMEOUT_SLACK_MS);
    if (options.validateResponses !== undefined && typeof options.validateResponses !== 'boolean') {
      throw new TypeError(`validateResponses must be true or false, not ${JSON.stringify(options.validateResponses)}`);
    }
    this.validateResponses = options.validateResponses ?? true;
    if (options.onExchange !== undefined && typeof options.onExchange !== 'function') throw new TypeError('onExchange must be a function (record) => void');
    this.#core = {
      transport: new Transport(base, tls),
      timeoutMs: this.timeoutMs,
      pollTimeoutMs: this.pollTimeoutMs,
      validateResponses: this.validateResponses,
      onExchange: options.onExchange,
      limiter: options.limiter,
    };
    this.#tlsSummary =
      base.protocol === 'http:'
        ? 'plain HTTP'
        : [tls.ca ? 'custom CA' : 'default CAs', tls.rejectUnauthorized ? 'verified' : 'INSECURE (any certificate)', tls.servername ? `servername ${tls.servername}` : '']
            .filter(Boolean)
            .join(', ');
  }

  /**
   * A new session of agent `agentId` on this gateway, with no Guid and no cookies yet. Keep it: each call of
   * `agent()` makes another, independent session.
   */
  agent(agentId: string): AgentSession {
    return new AgentSession(this.#core, this.baseUrl, agentId);
  }

  /** Closes the keep-alive connections. Calls made afterwards open new ones. */
  close(): void {
    this.#core.transport.close();
  }

  /** `GatewayClient(https://gw:8043, custom CA, verified)`. */
  toString(): string {
    return `GatewayClient(${this.baseUrl}, ${this.#tlsSummary})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
