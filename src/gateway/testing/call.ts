/**
 * Test helper: calls a gateway by operationId over real HTTP and checks every JSON answer against the
 * contract's generated validator for that operation. (Production code uses `src/client`; this helper stays
 * minimal so the gateway's tests do not depend on the client.)
 */
import { operations, type OperationId } from '../../generated/contract.ts';
import { responseValidators } from '../../generated/validators.js';

export interface CallOptions {
  guid?: string;
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  text: string;
}

/** Calls `operationId` with raw path parameters (percent-encoded here). */
export async function call(baseUrl: string, operationId: OperationId, params: Record<string, string>, options: CallOptions = {}): Promise<CallResult> {
  const op = operations[operationId];
  let path: string = op.path;
  for (const [k, v] of Object.entries(params)) path = path.replace(`{${k}}`, encodeURIComponent(v));
  const qs = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8', ...(options.headers ?? {}) };
  if (options.guid !== undefined) headers['Guid'] = options.guid;
  const res = await fetch(`${baseUrl}${path}${qs}`, {
    method: op.method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  let json: unknown;
  if (res.headers.get('content-type')?.startsWith('application/json')) {
    json = JSON.parse(text);
    const validate = responseValidators[operationId];
    if (!validate(json)) throw new Error(`${operationId} answered outside the contract: ${JSON.stringify(validate.errors)} in ${text}`);
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** The Guid from a `Set-GUID: JSESSIONID=<guid>` header. */
export function guidOf(r: CallResult): string {
  const h = r.headers.get('set-guid');
  if (!h?.startsWith('JSESSIONID=')) throw new Error(`no Set-GUID header in the answer (status ${r.status}): ${r.text}`);
  return h.slice('JSESSIONID='.length);
}

/** Signs a demo agent in (password "demo", phone 888<id>) and returns its Guid. */
export async function signInDemo(baseUrl: string, id: string, body: Record<string, unknown> = {}): Promise<string> {
  const r = await call(baseUrl, 'signIn', { agentid: id }, { body: { password: 'demo', phonenum: `888${id}`, ...body } });
  if (r.json?.retcode !== '0') throw new Error(`sign-in of ${id} answered ${r.text}`);
  return guidOf(r);
}

/** Polls until `count` events have arrived (or a poll returns none); returns their types. */
export async function drainEvents(baseUrl: string, id: string, guid: string, max = 20): Promise<string[]> {
  const types: string[] = [];
  for (let i = 0; i < max; i++) {
    const r = await call(baseUrl, 'getAgentEvent', { agentid: id }, { guid });
    if (r.json.retcode !== '0' || r.json.event === null) break;
    types.push(r.json.event.eventType);
  }
  return types;
}

/** Admin API call. */
export async function admin(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const res = await fetch(`${baseUrl}/__admin${path}`, { method, headers: { 'Content-Type': 'application/json', ...headers }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, json: await res.json() };
}
