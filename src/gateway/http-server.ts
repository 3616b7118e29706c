/**
 * The request path of the mock: route (from the contract), read the body (bounded), gate the admin API
 * (`admin-gate.ts`), apply faults, call the handler, write the answer at the end of the event-loop turn
 * (`EndOfTurn`), log one line. Bad input gets a 4xx that says what is wrong; a client that leaves before its body
 * is in is counted as a client abort (`connection-limits.ts`); nothing here answers 5xx unless a fault says so.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { operations } from '../generated/contract.ts';
import { handleAdmin, type AdminHost } from './admin.ts';
import { gateAdmin } from './admin-gate.ts';
import { abandonedRequest } from './connection-limits.ts';
import { formatCallLine, type CallLogger } from './call-log.ts';
import { pickFault, type FaultEffect } from './faults.ts';
import { EndOfTurn } from './end-of-turn.ts';
import { HANDLERS, type CallContext } from './handlers.ts';
import { textReply, type PlainEnvelopes, type Reply } from './reply.ts';
import type { Router, RouteMatch } from './router.ts';
import type { OperationId } from '../generated/contract.ts';
import type { GatewayState } from './gateway-state.ts';

/** What the request path needs from the running mock. */
export interface ServerHost extends AdminHost {
  readonly pollWaitMs: number;
  /** SHA-256 of the admin token (`adminTokenDigest`), or undefined when the admin API needs none. */
  readonly adminTokenDigest: Buffer | undefined;
  readonly maxBodyBytes: number;
  readonly log: CallLogger | undefined;
  readonly random: () => number;
  /** This mock's caches (each mock its own). */
  readonly routes: Router;
  readonly envelopes: PlainEnvelopes;
}

const JSON_TYPE = 'application/json;charset=UTF-8';

class BodyTooLarge extends Error {}
/** The client closed or reset the connection before the body was in (or the body timed out). */
class ClientGone extends Error {}

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
    const gone = () => {
      if (!failed) {
        failed = true;
        reject(new ClientGone());
      }
    };
    req.on('error', gone);
    req.on('close', () => {
      if (!req.complete) gone();
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
  let payload: string | undefined;
  let type: string | undefined;
  if (reply.json !== undefined) {
    payload = reply.jsonText ?? JSON.stringify(reply.json);
    type = JSON_TYPE;
  } else if (reply.text !== undefined) {
    payload = reply.text;
    type = 'text/plain;charset=UTF-8';
  }
  const length = payload === undefined ? '0' : String(Buffer.byteLength(payload));
  // Most replies carry no headers of their own: their list is one literal of its final size.
  const headers = type === undefined ? ['Content-Length', length] : ['Content-Type', type, 'Content-Length', length];
  if (reply.headers) {
    for (const [k, v] of Object.entries(reply.headers)) {
      if (Array.isArray(v)) for (const one of v) headers.push(k, one);
      else headers.push(k, v);
    }
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * What a handler sees of one request. One object per call, built when the handler runs: the request path makes
 * no closures per call (they were a measurable part of the mock's cost per call under load).
 */
class RequestContext implements CallContext {
  readonly state: GatewayState;
  readonly query: URLSearchParams;
  readonly guid: string | undefined;
  readonly now: number;
  readonly pollWaitMs: number;
  readonly envelopes: PlainEnvelopes;
  readonly #x: Exchange;

  constructor(
    x: Exchange,
    readonly params: Readonly<Record<string, string>>,
    readonly fault: string | undefined,
    readonly body: unknown,
  ) {
    this.state = x.host.state;
    this.query = x.query === undefined ? NO_QUERY : new URLSearchParams(x.query);
    this.guid = guidHeader(x.req.rawHeaders);
    this.now = x.host.state.clock();
    this.pollWaitMs = x.host.pollWaitMs;
    this.envelopes = x.host.envelopes;
    this.#x = x;
  }

  header(name: string): string | undefined {
    const value = this.#x.req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  }

  gone(): boolean {
    const { req, res } = this.#x;
    return res.destroyed || (res.writableEnded === false && req.socket.destroyed);
  }
}

/** One request being served: its line, its start, and (once decided) the reply and the log name of the call. */
class Exchange {
  reply: Reply | undefined = undefined;
  logName = '-';
  constructor(
    readonly host: ServerHost,
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly method: string,
    readonly path: string,
    /** The query string without `?`, or undefined when the URL has none. */
    readonly query: string | undefined,
    /** performance.now() at arrival; read only when the call log is on. */
    readonly started: number,
  ) {}
}

/** Replies are written at the end of the turn in which they were decided (see end-of-turn.ts). */
const replies = new EndOfTurn<Exchange>(write);

/** Answers the call: the reply goes out at the end of this turn of the event loop. */
function respond(x: Exchange, reply: Reply, logName: string): void {
  x.reply = reply;
  x.logName = logName;
  replies.add(x);
}

/** Sends the reply and logs the call. Never throws: a reply that cannot be sent (a bug) ends the connection. */
function write(x: Exchange): void {
  const reply = x.reply!;
  try {
    send(x.res, reply);
  } catch (e) {
    x.host.log?.(`mock gateway bug while answering ${x.method} ${x.path}: ${(e as Error).stack ?? String(e)}`);
    x.res.destroy();
    return;
  }
  x.host.log?.(formatCallLine({ at: x.host.state.clock(), logName: x.logName, method: x.method, path: x.path, status: reply.status, retcode: reply.retcode, rule: reply.rule, ms: performance.now() - x.started }));
}

/** Answers 500 for an unexpected error (a bug of the mock, not a fault) and logs it. */
function fail(x: Exchange, e: unknown, logName: string): void {
  x.host.log?.(`mock gateway bug while serving ${x.method} ${x.path}: ${(e as Error).stack ?? String(e)}`);
  respond(x, textReply(500, `internal error of the mock gateway: ${(e as Error).message}`), logName);
}

/** Counts an answered call (an abandoned long poll is not answered). */
function counted(state: GatewayState, operationId: OperationId, reply: Reply): Reply {
  if (!reply.abandoned) state.counters.count(operationId, reply.status, reply.retcode);
  return reply;
}

/**
 * Serves one request. Calls without a request body, without an injected fault and without waiting (everything
 * but sign-in and the long poll) are decided and applied synchronously, in the turn of the event loop that read
 * them: that is the atomicity of a decision. Every reply is written at the end of the turn in which it was
 * decided, together with the turn's other replies. Never throws: an unexpected error is logged and answered 500
 * (a bug of the mock, not a fault).
 */
export function serveRequest(host: ServerHost, req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const x = new Exchange(host, req, res, req.method ?? 'GET', q < 0 ? url : url.slice(0, q), q < 0 ? undefined : url.slice(q + 1), host.log ? performance.now() : 0);
  try {
    if (x.path.startsWith('/__admin')) {
      serveAdmin(x).then((reply) => respond(x, reply, 'admin'), (e) => fail(x, e, 'admin'));
      return;
    }
    const match = host.routes.match(x.method, x.path);
    if (match.kind !== 'match') {
      req.resume();
      respond(x, routingError(match, x.method, x.path), '-');
      return;
    }
    const { operationId, params } = match;
    const op = operations[operationId];
    const { state } = host;
    const fault = state.faults.length ? pickFault(state.faults, operationId, params['agentid'] ?? '', host.random) : undefined;
    if (fault?.reset) {
      req.socket.destroy();
      host.log?.(formatCallLine({ at: state.clock(), logName: op.logName, method: x.method, path: x.path, status: 0, rule: 'fault.reset', ms: performance.now() - x.started }));
      return;
    }
    if (!op.requestSchema && !fault && operationId !== 'getAgentEvent') {
      req.resume();
      const reply = HANDLERS[operationId](new RequestContext(x, params, undefined, undefined)) as Reply;
      respond(x, counted(state, operationId, reply), op.logName);
      return;
    }
    serveSlowly(x, operationId, params, fault)
      .then((reply) => counted(state, operationId, reply))
      .then((reply) => respond(x, reply, op.logName), (e) => fail(x, e, op.logName));
  } catch (e) {
    fail(x, e, '-');
  }
}

function routingError(match: Exclude<RouteMatch, { kind: 'match' }>, method: string, path: string): Reply {
  if (match.kind === 'method-not-allowed') return textReply(405, `${method} is not allowed on ${path}; use ${match.allow.join(', ')}`, { Allow: match.allow.join(', ') });
  if (match.kind === 'bad-encoding') return textReply(400, `the path segment ${JSON.stringify(match.segment)} is not valid percent-encoding`);
  return textReply(404, `no resource matches ${method} ${path}; the mock serves the calls of openapi/ccgw-agentgateway.yaml under /agentgateway/resource/`);
}

/** Calls that read a body, wait (the long poll), or carry a fault: read, delay, then decide. */
async function serveSlowly(x: Exchange, operationId: OperationId, params: Readonly<Record<string, string>>, fault: FaultEffect | undefined): Promise<Reply> {
  const { host } = x;
  let body: ParsedBody = { ok: true, value: undefined };
  if (operations[operationId].requestSchema) {
    try {
      body = parseJson(await readBody(x.req, host.maxBodyBytes));
    } catch (e) {
      if (e instanceof BodyTooLarge) return textReply(413, `the body is larger than ${host.maxBodyBytes} bytes`, { Connection: 'close' });
      if (e instanceof ClientGone) return abandonedRequest(x.req.socket, host.state.counters);
      throw e;
    }
  } else {
    x.req.resume(); // a body the call does not take is read and dropped, as on the fast path
  }
  if (fault?.latencyMs) await delay(fault.latencyMs);
  if (fault?.http) return textReply(fault.http, `injected fault: HTTP ${fault.http}`);
  if (!body.ok) return textReply(400, `the body is not valid JSON (${body.reason}); send a JSON object`);
  return HANDLERS[operationId](new RequestContext(x, params, fault?.retcode, body.value));
}

async function serveAdmin(x: Exchange): Promise<Reply> {
  const { host, req } = x;
  const refusal = gateAdmin(req, x.method, host.adminTokenDigest);
  if (refusal) {
    req.resume();
    return refusal;
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, Math.max(host.maxBodyBytes, 64 * 1024 * 1024));
  } catch (e) {
    if (e instanceof BodyTooLarge) return { status: 413, json: { error: 'too-large', detail: 'the admin body is larger than 64 MiB' }, headers: { Connection: 'close' } };
    if (e instanceof ClientGone) return abandonedRequest(req.socket, host.state.counters);
    throw e;
  }
  const body = parseJson(raw);
  if (!body.ok) return { status: 400, json: { error: 'bad-json', detail: `the body is not valid JSON (${body.reason})` } };
  return handleAdmin(host, x.method, x.path, new URLSearchParams(x.query ?? ''), body.value);
}
