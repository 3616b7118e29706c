/**
 * The request path of the mock: route (from the contract), read the body (bounded), gate the admin API
 * (loopback, optional token), apply faults, call the handler, write the answer, log one line. Bad input gets a
 * 4xx that says what is wrong; nothing here answers 5xx unless a fault says so.
 *
 * @example
 * ```ts
 * const server = http.createServer((req, res) => void serveRequest(host, req, res));
 * ```
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { operations } from '../generated/contract.ts';
import { handleAdmin, type AdminHost } from './admin.ts';
import { formatCallLine, type CallLogger } from './call-log.ts';
import { pickFault, type FaultEffect } from './faults.ts';
import { HANDLERS, type CallContext } from './handlers.ts';
import { textReply, type Reply } from './reply.ts';
import { matchRoute, type RouteMatch } from './router.ts';
import type { OperationId } from '../generated/contract.ts';

/** What the request path needs from the running mock. */
export interface ServerHost extends AdminHost {
  readonly pollWaitMs: number;
  readonly adminToken: string | undefined;
  readonly maxBodyBytes: number;
  readonly log: CallLogger | undefined;
  readonly random: () => number;
}

const JSON_TYPE = 'application/json;charset=UTF-8';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

class BodyTooLarge extends Error {}

const NO_QUERY = new URLSearchParams();

/** The first `Guid` header, in any case, read from the raw headers (cheaper than building `req.headers`). */
function guidHeader(raw: readonly string[]): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    // "guid" in any case, without making a lower-case copy of every 4-letter header name (`| 32` lowers A–Z).
    if (name.length === 4 && (name.charCodeAt(0) | 32) === 103 && (name.charCodeAt(1) | 32) === 117 && (name.charCodeAt(2) | 32) === 105 && (name.charCodeAt(3) | 32) === 100) {
      return raw[i + 1];
    }
  }
  return undefined;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) {
        failed = true;
        reject(e);
      }
    });
  });
}

type ParsedBody = { ok: true; value: unknown } | { ok: false; reason: string };

function parseJson(buf: Buffer): ParsedBody {
  if (buf.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(buf.toString('utf8')) };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || reply.abandoned) return;
  const headers: string[] = [];
  if (reply.headers) {
    for (const [k, v] of Object.entries(reply.headers)) {
      if (Array.isArray(v)) for (const one of v) headers.push(k, one);
      else headers.push(k, v);
    }
  }
  let payload: string | undefined;
  if (reply.json !== undefined) {
    payload = reply.jsonText ?? JSON.stringify(reply.json);
    headers.push('Content-Type', JSON_TYPE);
  } else if (reply.text !== undefined) {
    payload = reply.text;
    headers.push('Content-Type', 'text/plain;charset=UTF-8');
  }
  headers.push('Content-Length', payload === undefined ? '0' : String(Buffer.byteLength(payload)));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Serves one request. Calls without a request body, without an injected fault and without waiting (everything
 * but sign-in and the long poll) are answered synchronously, in the same turn of the event loop: that is both
 * the atomicity of a decision and the speed of the mock. Never throws: an unexpected error is logged and
 * answered 500 (a bug of the mock, not a fault).
 */
export function serveRequest(host: ServerHost, req: IncomingMessage, res: ServerResponse): void {
  const started = host.log ? performance.now() : 0; // only the call log reads it
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const method = req.method ?? 'GET';
  const finish = (reply: Reply, logName: string) => {
    send(res, reply);
    host.log?.(formatCallLine({ at: host.state.clock(), logName, method, path, status: reply.status, retcode: reply.retcode, rule: reply.rule, ms: performance.now() - started }));
  };
  const fail = (e: unknown, logName: string) => {
    host.log?.(`mock gateway bug while serving ${method} ${path}: ${(e as Error).stack ?? String(e)}`);
    finish(textReply(500, `internal error of the mock gateway: ${(e as Error).message}`), logName);
  };
  try {
    if (path.startsWith('/__admin')) {
      serveAdmin(host, req, method, path, url, q).then((reply) => finish(reply, 'admin'), (e) => fail(e, 'admin'));
      return;
    }
    const match = matchRoute(method, path);
    if (match.kind !== 'match') {
      req.resume();
      finish(routingError(match, method, path), '-');
      return;
    }
    const op = operations[match.operationId];
    const { state } = host;
    const fault = state.faults.length ? pickFault(state.faults, match.operationId, match.params['agentid'] ?? '', host.random) : undefined;
    if (fault?.reset) {
      req.socket.destroy();
      host.log?.(formatCallLine({ at: state.clock(), logName: op.logName, method, path, status: 0, rule: 'fault.reset', ms: performance.now() - started }));
      return;
    }
    const context = (body: unknown): CallContext => {
      return {
        state,
        params: match.params,
        query: q < 0 ? NO_QUERY : new URLSearchParams(url.slice(q + 1)),
        body,
        guid: guidHeader(req.rawHeaders),
        now: state.clock(),
        fault: fault?.retcode,
        pollWaitMs: host.pollWaitMs,
        gone: () => res.destroyed || (res.writableEnded === false && req.socket.destroyed),
      };
    };
    const count = (reply: Reply) => {
      if (!reply.abandoned) state.counters.count(match.operationId, reply.status, reply.retcode);
      return reply;
    };
    if (!op.requestSchema && !fault && match.operationId !== 'getAgentEvent') {
      req.resume();
      finish(count(HANDLERS[match.operationId](context(undefined)) as Reply), op.logName);
      return;
    }
    serveSlowly(host, req, match.operationId, fault, context)
      .then(count)
      .then((reply) => finish(reply, op.logName), (e) => fail(e, op.logName));
  } catch (e) {
    fail(e, '-');
  }
}

function routingError(match: Exclude<RouteMatch, { kind: 'match' }>, method: string, path: string): Reply {
  if (match.kind === 'method-not-allowed') return textReply(405, `${method} is not allowed on ${path}; use ${match.allow.join(', ')}`, { Allow: match.allow.join(', ') });
  if (match.kind === 'bad-encoding') return textReply(400, `the path segment ${JSON.stringify(match.segment)} is not valid percent-encoding`);
  return textReply(404, `no resource matches ${method} ${path}; the mock serves the calls of openapi/ccgw-agentgateway.yaml under /agentgateway/resource/`);
}

/** Calls that read a body, wait (the long poll), or carry a fault: read, delay, then decide. */
async function serveSlowly(
  host: ServerHost,
  req: IncomingMessage,
  operationId: OperationId,
  fault: FaultEffect | undefined,
  context: (body: unknown) => CallContext,
): Promise<Reply> {
  let body: ParsedBody = { ok: true, value: undefined };
  try {
    const raw = await readBody(req, host.maxBodyBytes);
    if (operations[operationId].requestSchema) body = parseJson(raw);
  } catch (e) {
    if (!(e instanceof BodyTooLarge)) throw e;
    return textReply(413, `the body is larger than ${host.maxBodyBytes} bytes`, { Connection: 'close' });
  }
  if (fault?.latencyMs) await delay(fault.latencyMs);
  if (fault?.http) return textReply(fault.http, `injected fault: HTTP ${fault.http}`);
  if (!body.ok) return textReply(400, `the body is not valid JSON (${body.reason}); send a JSON object`);
  return HANDLERS[operationId](context(body.value));
}

async function serveAdmin(host: ServerHost, req: IncomingMessage, method: string, path: string, url: string, q: number): Promise<Reply> {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    req.resume();
    return { status: 403, json: { error: 'forbidden', detail: 'the admin API answers only loopback clients' } };
  }
  if (host.adminToken !== undefined && req.headers['x-admin-token'] !== host.adminToken) {
    req.resume();
    return { status: 401, json: { error: 'unauthorized', detail: 'send the X-Admin-Token header given to ccgw mock --admin-token' } };
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, Math.max(host.maxBodyBytes, 64 * 1024 * 1024));
  } catch (e) {
    if (e instanceof BodyTooLarge) return { status: 413, json: { error: 'too-large', detail: 'the admin body is larger than 64 MiB' } };
    throw e;
  }
  const body = parseJson(raw);
  if (!body.ok) return { status: 400, json: { error: 'bad-json', detail: `the body is not valid JSON (${body.reason})` } };
  return handleAdmin(host, method, path, new URLSearchParams(q < 0 ? '' : url.slice(q + 1)), body.value);
}
