/**
 * A scriptable fake CC-Gateway for the client's tests: a real `node:http` or `node:https` server on a free loopback
 * port that routes each request to the operation of the contract it matches and answers what the test says. It
 * records every request (method, path, headers, body). Unmatched paths answer 404 like the gateway's path pattern.
 *
 * It is deliberately not the mock gateway (`src/gateway`): it has no rules, only the answers a test scripts.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { operations, type OperationId } from '../../generated/contract.ts';

/** A request as the fake gateway received it. */
export interface FakeRequest {
  readonly operationId: OperationId | undefined;
  readonly method: string;
  /** Path and query as received (percent-encoding kept). */
  readonly url: string;
  /** The path parameters of the matched operation, decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly headers: http.IncomingHttpHeaders;
  /** Header names exactly as sent (for checking that `Guid` is spelled so). */
  readonly rawHeaderNames: readonly string[];
  readonly body: string;
  /** The client's port: equal for requests that came over the same connection. */
  readonly remotePort: number | undefined;
}

/** What the fake gateway answers. */
export type FakeAnswer =
  | {
      readonly status?: number;
      readonly headers?: Readonly<Record<string, string | readonly string[]>>;
      /** Serialized as JSON unless `rawBody` is given. */
      readonly body?: unknown;
      readonly rawBody?: string;
    }
  /** Never answer (for timeouts). */
  | { readonly hang: true }
  /** Destroy the connection without an answer. */
  | { readonly destroy: true };

/** Answers one request of one operation. */
export type FakeHandler = (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>;

/** Routes (by operationId) and, for HTTPS, a key and certificate. */
export interface FakeGatewayOptions {
  readonly routes?: Partial<Record<OperationId, FakeHandler>>;
  /** Serve HTTPS with this key and certificate (PEM). */
  readonly tls?: { readonly key: string; readonly cert: string };
}

/** A running fake gateway. */
export interface FakeGateway {
  readonly baseUrl: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: FakeRequest[];
  /** Requests of one operation. */
  requestsOf(operationId: OperationId): FakeRequest[];
  /** Replaces or adds a route. */
  route(operationId: OperationId, handler: FakeHandler): void;
  close(): Promise<void>;
}

const ROUTES = (Object.keys(operations) as OperationId[]).map((operationId) => {
  const def = operations[operationId];
  const names: string[] = [];
  const pattern = def.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]*)';
  });
  return { operationId, method: def.method as string, regex: new RegExp(`^${pattern}$`), names };
});

function match(method: string, path: string): { operationId: OperationId; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.regex.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { operationId: route.operationId, params };
  }
  return undefined;
}

/** Starts a fake gateway on 127.0.0.1 and a free port. */
export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const routes = new Map<OperationId, FakeHandler>(Object.entries(options.routes ?? {}) as [OperationId, FakeHandler][]);
  const requests: FakeRequest[] = [];
  const listener: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const path = url.split('?', 1)[0] ?? '/';
      const found = match(req.method ?? 'GET', path);
      const rawHeaderNames = req.rawHeaders.filter((_v, i) => i % 2 === 0);
      const request: FakeRequest = {
        operationId: found?.operationId,
        method: req.method ?? 'GET',
        url,
        params: found?.params ?? {},
        headers: req.headers,
        rawHeaderNames,
        body: Buffer.concat(chunks).toString('utf8'),
        remotePort: req.socket.remotePort,
      };
      requests.push(request);
      const handler = found ? routes.get(found.operationId) : undefined;
      if (!handler) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`Could not find resource for relative : ${path}`);
        return;
      }
      Promise.resolve(handler(request)).then(
        (answer) => {
          if ('hang' in answer) return;
          if ('destroy' in answer) {
            req.socket.destroy();
            return;
          }
          const text = answer.rawBody ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
          res.writeHead(answer.status ?? 200, { 'content-type': 'application/json;charset=UTF-8', ...(answer.headers as Record<string, string | string[]>) });
          res.end(text);
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' }).end(`fake gateway handler failed: ${String(error)}`);
        },
      );
    });
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    requestsOf: (operationId) => requests.filter((r) => r.operationId === operationId),
    route: (operationId, handler) => void routes.set(operationId, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function unusedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A Set-GUID value as the gateway sends it. */
export function setGuid(guid: string): string {
  return `JSESSIONID=${guid}`;
}

/** Guids in the gateway's format (`<uuid>.AgentGateway<n>`). */
export const GUIDS = {
  first: '279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0',
  rotated: '5b0c1e2a-9f3d-4c1b-8e2f-0a1b2c3d4e5f.AgentGateway0',
  other: '00000000-1111-2222-3333-444444444444.AgentGateway1',
} as const;

/** The contract's sign-in success body for `agentId`. */
export function signInOk(agentId: string): unknown {
  return { message: '', retcode: '0', result: { vdnid: 1, workno: agentId, mediatype: 'TTF', loginTime: '1471585949806', isForceChange: 'false', serverName: 'AgentGateway', timeRemaining: '9' } };
}

/** `{ message, retcode: "0", result: {} }`. */
export const OK_EMPTY = { message: '', retcode: '0', result: {} } as const;

/** An answer with retcode `code`. */
export function retcodeBody(code: string, message = ''): unknown {
  return { message, retcode: code, result: {} };
}

/** An event-poll answer carrying `event` (or none). */
export function eventBody(event: unknown): unknown {
  return { message: '', retcode: '0', event };
}

/** A contract-valid event of `eventType` for `workNo` (content null, as the listed state events have). */
export function stateEvent(eventType: string, workNo = '30169'): unknown {
  return { eventType, workNo, content: null };
}

/** A poll handler that hands out `events` one per poll, then `event: null` at once (no 10 s wait). */
export function queuedEvents(events: unknown[]): FakeHandler & { push(...more: unknown[]): void } {
  const queue = [...events];
  const handler: FakeHandler = () => ({ body: eventBody(queue.shift() ?? null) });
  return Object.assign(handler, { push: (...more: unknown[]) => void queue.push(...more) });
}

/** A contract-valid success body of any operation (sign-in result, idle status, no event, or an empty result). */
export function okBodyFor(operationId: OperationId, agentId = '30169'): unknown {
  switch (operationId) {
    case 'signIn':
    case 'forceLogin':
      return signInOk(agentId);
    case 'agentStatus':
      return { message: '', retcode: '0', result: { agentState: 4, isWorking: false } };
    case 'getAgentEvent':
      return eventBody(null);
    case 'handShake':
      return { message: 'success', retcode: '0' };
    case 'updateGuid':
      return { message: 'success', retcode: '0', result: { guid: '279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway1' } };
    case 'agentByWorkNo':
      return { message: '', retcode: '0', result: { workno: agentId, name: '', status: 4, ctiStatus: 1 } };
    case 'allAgentStatus':
    case 'onlineAgentOnVdn':
      return { message: '', retcode: '0', result: [{ workno: agentId, name: '', status: '4', ctiStatus: '1' }] };
    default:
      return OK_EMPTY;
  }
}
