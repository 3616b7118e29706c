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
import { pickFault } from './faults.ts';
import { HANDLERS } from './handlers.ts';
import { textReply, type Reply } from './reply.ts';
import { matchRoute } from './router.ts';

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
  const headers: Record<string, string | string[]> = { ...(reply.headers ?? {}) };
  let payload: string | undefined;
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers['Content-Type'] = JSON_TYPE;
  } else if (reply.text !== undefined) {
    payload = reply.text;
    headers['Content-Type'] = 'text/plain;charset=UTF-8';
  }
  if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
  else headers['Content-Length'] = '0';
  res.writeHead(reply.status, headers);
  res.end(payload);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Serves one request. Never throws: an unexpected error is logged and answered 500 (a bug, not a fault). */
export async function serveRequest(host: ServerHost, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const method = req.method ?? 'GET';
  let logName = '-';
  let reply: Reply;
  let gone = false;
  res.on('close', () => {
    if (!res.writableFinished) gone = true;
  });
  try {
    if (path.startsWith('/__admin')) {
      logName = 'admin';
      reply = await serveAdmin(host, req, method, path, url, q);
    } else {
      const match = matchRoute(method, path);
      if (match.kind === 'not-found') {
        reply = textReply(404, `no resource matches ${method} ${path}; the mock serves the calls of openapi/ccgw-agentgateway.yaml under /agentgateway/resource/`);
        req.resume();
      } else if (match.kind === 'method-not-allowed') {
        reply = textReply(405, `${method} is not allowed on ${path}; use ${match.allow.join(', ')}`, { Allow: match.allow.join(', ') });
        req.resume();
      } else if (match.kind === 'bad-encoding') {
        reply = textReply(400, `the path segment ${JSON.stringify(match.segment)} is not valid percent-encoding`);
        req.resume();
      } else {
        const op = operations[match.operationId];
        logName = op.logName;
        const { state } = host;
        const fault = state.faults.length ? pickFault(state.faults, match.operationId, match.params['agentid'] ?? '', host.random) : undefined;
        if (fault?.reset) {
          req.socket.destroy();
          host.log?.(formatCallLine({ at: state.clock(), logName, method, path, status: 0, rule: 'fault.reset', ms: performance.now() - started }));
          return;
        }
        let body: ParsedBody = { ok: true, value: undefined };
        try {
          const raw = await readBody(req, host.maxBodyBytes);
          if (op.requestSchema) body = parseJson(raw);
        } catch (e) {
          if (!(e instanceof BodyTooLarge)) throw e;
          reply = textReply(413, `the body is larger than ${host.maxBodyBytes} bytes`, { Connection: 'close' });
          send(res, reply);
          state.counters.count(match.operationId, 413);
          host.log?.(formatCallLine({ at: state.clock(), logName, method, path, status: 413, ms: performance.now() - started }));
          return;
        }
        if (fault?.latencyMs) await delay(fault.latencyMs);
        if (fault?.http) {
          reply = textReply(fault.http, `injected fault: HTTP ${fault.http}`);
        } else if (!body.ok) {
          reply = textReply(400, `the body is not valid JSON (${body.reason}); send a JSON object`);
        } else {
          const guidHeader = req.headers['guid'];
          reply = await HANDLERS[match.operationId]({
            state,
            params: match.params,
            query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
            body: body.value,
            guid: Array.isArray(guidHeader) ? guidHeader[0] : guidHeader,
            now: state.clock(),
            fault: fault?.retcode,
            pollWaitMs: host.pollWaitMs,
            gone: () => gone,
          });
        }
        if (!reply.abandoned) state.counters.count(match.operationId, reply.status, reply.retcode);
      }
    }
  } catch (e) {
    reply = textReply(500, `internal error of the mock gateway: ${(e as Error).message}`);
    host.log?.(`mock gateway bug while serving ${method} ${path}: ${(e as Error).stack ?? String(e)}`);
  }
  send(res, reply);
  host.log?.(formatCallLine({ at: host.state.clock(), logName, method, path, status: reply.status, retcode: reply.retcode, rule: reply.rule, ms: performance.now() - started }));
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
