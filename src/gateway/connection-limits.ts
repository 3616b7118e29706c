/**
 * What a connection may cost the mock: time limits on every phase of a request (headers, the whole request with
 * its body, idle keep-alive) and the answers to requests that do not arrive properly — 408 when too slow, 431 or
 * 413 when too large, 400 when not HTTP — each counted in `/__admin/counters`, never logged as a bug. A client
 * that leaves in the middle of sending a request is counted as a client abort.
 */
import type { Duplex } from 'node:stream';
import type { Counters } from './counters.ts';
import type { Reply } from './reply.ts';

/** Time limits of one connection, in milliseconds. */
export interface ConnectionTimeouts {
  /** From the first byte of a request (or the connection) until its headers are in. */
  readonly headersMs: number;
  /** From the first byte of a request until all of it, body included, is in; at least `headersMs`. */
  readonly requestMs: number;
  /** How long a connection may stay idle between requests before it is closed (silently: nothing is pending). */
  readonly keepAliveMs: number;
}

/**
 * Defaults: generous for any real client (a sign-in body is a few hundred bytes), short enough that a client
 * sending 1 byte every 5 s is cut off. The keep-alive outlasts the idle time of the clients the harness drives, so
 * that the mock never closes a connection a client is about to reuse.
 */
export const DEFAULT_CONNECTION_TIMEOUTS: ConnectionTimeouts = { headersMs: 20_000, requestMs: 30_000, keepAliveMs: 65_000 };

/** Limits refused at start: the message names the setting (as `names` calls it, e.g. a CLI flag) and the bound. */
export function timeoutsProblem(t: ConnectionTimeouts, names: Readonly<Record<keyof ConnectionTimeouts, string>> = { headersMs: 'headersMs', requestMs: 'requestMs', keepAliveMs: 'keepAliveMs' }): string | undefined {
  for (const key of ['headersMs', 'requestMs', 'keepAliveMs'] as const) {
    const ms = t[key];
    if (!Number.isInteger(ms) || ms < 1 || ms > 3_600_000) return `${names[key]} ${ms} ms must be from 1 ms to 1 h`;
  }
  if (t.headersMs > t.requestMs) return `${names.headersMs} (${t.headersMs} ms) must not exceed ${names.requestMs} (${t.requestMs} ms): the whole request includes its headers`;
  return undefined;
}

/** Options of `http(s).createServer` that enforce the limits (Node checks them on a timer, once per interval). */
export function serverTimeouts(t: ConnectionTimeouts): { headersTimeout: number; requestTimeout: number; keepAliveTimeout: number; connectionsCheckingInterval: number } {
  // A quarter of the shortest limit, at most 1 s: a late request is cut off at most that long after its limit.
  const interval = Math.max(10, Math.min(1000, Math.floor(t.headersMs / 4)));
  return { headersTimeout: t.headersMs, requestTimeout: t.requestMs, keepAliveTimeout: t.keepAliveMs, connectionsCheckingInterval: interval };
}

/** Sockets answered 408 here: the abort of their pending request that follows is the timeout, not the client. */
const timedOut = new WeakSet<object>();
/** Sockets already counted as a client abort (Node reports one abort both to the server and to the request). */
const aborted = new WeakSet<object>();

function countAbort(socket: object, counters: Counters): void {
  if (timedOut.has(socket) || aborted.has(socket)) return;
  aborted.add(socket);
  counters.connection('clientAborts');
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

function plain(status: string, text: string): string {
  return `HTTP/1.1 ${status}\r\nContent-Type: text/plain;charset=UTF-8\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
}

/**
 * The `clientError` handler: answers a request that could not be read, and closes the connection. Never throws.
 * Node reports here the headers and request timeouts, parse errors, and connections that end mid-request.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex, counters: Counters, timeouts: ConnectionTimeouts): void {
  const code = err.code ?? '';
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    // Also what an idle connection reports when its client resets it: not counted (a reset in the middle of a
    // body is, by the request that was reading it).
    socket.destroy();
    return;
  }
  if (code === 'HPE_INVALID_EOF_STATE' && !socket.writable) {
    countAbort(socket, counters);
    socket.destroy();
    return;
  }
  // An answer already under way on this socket cannot be followed by another one.
  const pending = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  const canAnswer = socket.writable && !pending?.headersSent;
  let answer: string;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    timedOut.add(socket);
    counters.connection('timeouts');
    answer = plain('408 Request Timeout', `the request did not arrive in time (headers within ${seconds(timeouts.headersMs)}, the whole request within ${seconds(timeouts.requestMs)}); the connection is closed\n`);
  } else if (code === 'HPE_INVALID_EOF_STATE') {
    countAbort(socket, counters);
    answer = plain('400 Bad Request', 'the connection ended in the middle of the request\n');
  } else if (code === 'HPE_HEADER_OVERFLOW') {
    counters.connection('malformed');
    answer = plain('431 Request Header Fields Too Large', 'the request headers are larger than the server accepts (16 KiB); send fewer or shorter headers\n');
  } else if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') {
    counters.connection('malformed');
    answer = plain('413 Content Too Large', 'the chunk extensions of the body are too large\n');
  } else {
    counters.connection('malformed');
    answer = plain('400 Bad Request', `the request is not valid HTTP/1.1 (${code || err.message}); the connection is closed\n`);
  }
  if (canAnswer) socket.end(answer);
  else socket.destroy();
}

/**
 * The reply to a request whose body stopped arriving: nothing is sent (the connection is gone, or was answered 408
 * by `answerClientError`); counted and logged as a client abort or a timeout.
 */
export function abandonedRequest(socket: object, counters: Counters): Reply {
  if (timedOut.has(socket)) return { status: 408, abandoned: true, rule: 'client.timeout' };
  countAbort(socket, counters);
  return { status: 0, abandoned: true, rule: 'client.aborted' };
}
