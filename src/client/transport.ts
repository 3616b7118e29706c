/**
 * The HTTP(S) transport on `node:http`/`node:https`: one keep-alive agent per client, a deadline per request
 * (covering connect, request and the whole response body), abort by `AbortSignal`, and Node's errors turned into
 * {@link GatewayTimeoutError} / {@link GatewayTransportError} with the cause and the fix.
 *
 * Idle connections are closed after {@link IDLE_SOCKET_TIMEOUT_MS}. A GET that still fails with ECONNRESET on a
 * reused keep-alive socket before any answer is retried once on a fresh connection (the server closed the idle
 * socket as the request went out). Other methods are never retried:
 * repeating an addinsert or a sign-in would change what the gateway sees.
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { BaseUrl } from './base-url.ts';
import { GatewayTimeoutError, GatewayTransportError, type ExchangeContext, type TransportFailureKind } from './errors.ts';
import type { ResolvedTls } from './tls.ts';

/**
 * An idle keep-alive connection is closed after this long, before a server with Node's default 5 s keep-alive
 * timeout (the mock) closes it under a request. It does not limit requests in progress (a long poll holds 10 s).
 */
export const IDLE_SOCKET_TIMEOUT_MS = 4_000;

/** One request as the transport sends it. */
export interface TransportRequest {
  readonly method: string;
  /** Path and query, starting with `/`, after the base URL's prefix. Sent as is (no dot-segment normalization). */
  readonly path: string;
  readonly headers: OutgoingHttpHeaders;
  /** The body text, or undefined for none. */
  readonly body?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** A complete answer. */
export interface TransportResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  readonly durationMs: number;
}

/** The marker a timed-out request is destroyed with. */
class DeadlineExpired extends Error {}

/** Errors that carry whether the socket was reused (for the one retry). */
interface AttemptFailure {
  readonly error: unknown;
  readonly reusedSocket: boolean;
  readonly answered: boolean;
}

/** Sends requests to one base URL over keep-alive connections. */
export class Transport {
  readonly #base: BaseUrl;
  readonly #agent: http.Agent;

  constructor(base: BaseUrl, tls: ResolvedTls) {
    this.#base = base;
    this.#agent =
      base.protocol === 'https:'
        ? new https.Agent({ keepAlive: true, scheduling: 'lifo', timeout: IDLE_SOCKET_TIMEOUT_MS, ...tls })
        : new http.Agent({ keepAlive: true, scheduling: 'lifo', timeout: IDLE_SOCKET_TIMEOUT_MS });
  }

  /** The full URL of a path: base URL + prefix + path. */
  urlOf(path: string): string {
    return this.#base.href + path;
  }

  /**
   * Sends one request and reads the whole answer. Rejects with GatewayTimeoutError, GatewayTransportError, or the
   * signal's reason when aborted.
   */
  async send(request: TransportRequest, context: ExchangeContext): Promise<TransportResponse> {
    const started = performance.now();
    try {
      return await this.#attempt(request, started);
    } catch (failure) {
      const f = failure as AttemptFailure;
      if (request.method === 'GET' && f.reusedSocket && !f.answered && codeOf(f.error) === 'ECONNRESET' && !request.signal?.aborted) {
        try {
          return await this.#attempt(request, started);
        } catch (second) {
          throw translate((second as AttemptFailure).error, request, context);
        }
      }
      throw translate(f.error, request, context);
    }
  }

  /** Closes idle keep-alive connections and refuses nothing: later requests open new ones. */
  close(): void {
    this.#agent.destroy();
  }

  #attempt(request: TransportRequest, started: number): Promise<TransportResponse> {
    return new Promise<TransportResponse>((resolve, reject) => {
      const { signal } = request;
      if (signal?.aborted) {
        reject({ error: abortReason(signal), reusedSocket: false, answered: false } satisfies AttemptFailure);
        return;
      }
      const module = this.#base.protocol === 'https:' ? https : http;
      let req: http.ClientRequest;
      try {
        req = module.request({
          method: request.method,
          hostname: this.#base.hostname,
          port: this.#base.port,
          path: this.#base.pathPrefix + request.path,
          headers: request.headers,
          agent: this.#agent,
        });
      } catch (error) {
        // Node refuses the request before sending it (e.g. a header value it cannot send).
        reject({ error, reusedSocket: false, answered: false } satisfies AttemptFailure);
        return;
      }
      let answered = false;
      let settled = false;
      const finish = (outcome: { ok: TransportResponse } | { error: unknown }): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if ('ok' in outcome) resolve(outcome.ok);
        else reject({ error: outcome.error, reusedSocket: req.reusedSocket, answered } satisfies AttemptFailure);
      };
      const timer = setTimeout(() => {
        const expired = new DeadlineExpired();
        finish({ error: expired });
        req.destroy(expired);
      }, request.timeoutMs);
      const onAbort = (): void => {
        const reason = abortReason(signal);
        finish({ error: reason });
        req.destroy();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (error) => finish({ error }));
      req.on('response', (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => finish({ error }));
        res.on('end', () => {
          if (!res.complete) {
            finish({ error: Object.assign(new Error('the connection closed before the whole answer arrived'), { code: 'ECONNRESET' }) });
            return;
          }
          finish({
            ok: {
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
              durationMs: performance.now() - started,
            },
          });
        });
      });
      req.end(request.body);
    });
  }
}

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const TLS_TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
]);
const TLS_VALIDITY_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** Turns a Node error (or the deadline marker, or an abort reason) into the client's error. */
function translate(error: unknown, request: TransportRequest, context: ExchangeContext): unknown {
  if (error instanceof DeadlineExpired) return new GatewayTimeoutError(context, request.timeoutMs);
  if (request.signal?.aborted && error === request.signal.reason) return error;
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  const code = codeOf(error) ?? 'UNKNOWN';
  const description = error instanceof Error ? error.message : String(error);
  const host = hostOf(context.url);
  const make = (kind: TransportFailureKind, fix: string): GatewayTransportError =>
    new GatewayTransportError(context, { code, kind, tls: kind.startsWith('tls-'), cause: error, description, fix });
  const trustFix =
    'the gateway\'s certificate is not trusted; pass --ca FILE (tls.caFile or tls.ca in code: the PEM certificate of the CA that signed it) ' +
    'or, for a test gateway only, --insecure (tls.insecure: true)';
  if (TLS_TRUST_CODES.has(code)) return make('tls-untrusted', trustFix);
  if (TLS_VALIDITY_CODES.has(code)) {
    return make('tls-expired', 'the gateway\'s certificate is outside its validity period; renew it, check the clock, or for a test gateway pass --insecure (tls.insecure: true)');
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return make('tls-name', `the certificate does not name ${host}; connect by a name it lists, or pass --servername NAME (tls.servername) with the name it carries`);
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO' || code.startsWith('ERR_SSL_')) {
    return make('tls-protocol', 'TLS failed; the port may speak plain HTTP (use http://) or an older TLS version than Node accepts');
  }
  if (code === 'ECONNREFUSED') return make('refused', `nothing listens at ${host}; start the gateway (for the mock: ccgw mock) or fix the host and port of the base URL`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return make('dns', `the host name in the base URL does not resolve; check ${host}`);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT') return make('no-route', `${host} is not reachable from here; check the address, routes and firewalls`);
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return make(
      'reset',
      `the gateway closed the connection; check that it is up and that the scheme matches the port (https:// for the HTTPS port 8043, http:// for a plain port)`,
    );
  }
  if (code.startsWith('HPE_')) return make('not-http', 'the answer is not valid HTTP; check that the base URL points at the CC-Gateway and that the scheme matches the port');
  return make('other', 'check the base URL and that the gateway is up');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
