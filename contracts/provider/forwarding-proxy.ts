/**
 * A small HTTP forwarding proxy on loopback, between the Pact verifier and a gateway. It serves three purposes:
 * - TLS: the verifier speaks plain HTTP to the proxy; the proxy speaks HTTP or HTTPS to the gateway with the
 *   client's TLS options (a CA file, or `insecure`), which the Pact verifier itself cannot take.
 * - Observation: every exchange is reported (`onExchange`), so a case can record what the gateway answered.
 * - Breakage on purpose (tests): `transform` may rewrite an answer before it reaches the verifier.
 * A request can also be refused without being forwarded (`refuse`), e.g. when its provider state failed to set up.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolveTls, type TlsOptions } from '../../src/client/index.ts';

/** One exchange as the proxy forwarded it (the answer after any transform). */
export interface ForwardedExchange {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** An answer as the gateway gave it, which `transform` may replace. */
export interface ProxyAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** Settings of {@link startForwardingProxy}. */
export interface ForwardingProxyOptions {
  /** The gateway's base URL, `http://host:port` or `https://host:port` (no path). */
  readonly upstream: string;
  /** How to trust an HTTPS gateway (as the client's `tls`). */
  readonly tls?: TlsOptions;
  /** Rewrites an answer; return undefined to pass it on unchanged. */
  readonly transform?: (request: { readonly method: string; readonly path: string }, answer: ProxyAnswer) => ProxyAnswer | undefined;
  /** Receives every forwarded exchange. */
  readonly onExchange?: (exchange: ForwardedExchange) => void;
  /** When it returns a reason, the request is answered 503 with that reason and not forwarded. */
  readonly refuse?: (request: { readonly method: string; readonly path: string }) => string | undefined;
}

/** A running proxy. */
export interface ForwardingProxy {
  readonly url: string;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

/** Starts a forwarding proxy on 127.0.0.1 (a free port). */
export async function startForwardingProxy(options: ForwardingProxyOptions): Promise<ForwardingProxy> {
  let upstream: URL;
  try {
    upstream = new URL(options.upstream);
  } catch {
    throw new TypeError(`the gateway URL ${JSON.stringify(options.upstream)} is not a URL; give e.g. https://10.0.0.5:8043`);
  }
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') {
    throw new TypeError(`the gateway URL ${JSON.stringify(options.upstream)} must start with http:// or https://`);
  }
  const secure = upstream.protocol === 'https:';
  const agent = secure ? new https.Agent({ keepAlive: true, ...resolveTls(options.tls) }) : new http.Agent({ keepAlive: true });
  const prefix = upstream.pathname.replace(/\/+$/, '');

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { method: req.method ?? 'GET', path: req.url ?? '/' };
      const refusal = options.refuse?.(request);
      if (refusal !== undefined) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end(`${refusal}\n`);
        return;
      }
      const headers: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name) && name !== 'host' && value !== undefined) headers[name] = value;
      headers['host'] = upstream.host;
      const body = Buffer.concat(chunks);
      if (body.length > 0 || req.headers['content-length'] !== undefined) headers['content-length'] = body.length;
      const out = (secure ? https : http).request(
        { protocol: upstream.protocol, hostname: upstream.hostname, port: upstream.port, method: request.method, path: prefix + request.path, headers, agent },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            const original: ProxyAnswer = { status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(parts) };
            const final = options.transform?.(request, original) ?? original;
            const outHeaders: http.OutgoingHttpHeaders = {};
            for (const [name, value] of Object.entries(final.headers)) if (!HOP_BY_HOP.has(name) && name !== 'content-length' && value !== undefined) outHeaders[name] = value;
            outHeaders['content-length'] = final.body.length;
            res.writeHead(final.status, outHeaders).end(final.body);
            options.onExchange?.({ ...request, status: final.status, headers: final.headers, body: final.body.toString('utf8') });
          });
          answer.on('error', (e) => fail(res, e));
        },
      );
      out.on('error', (e) => fail(res, e));
      out.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

function fail(res: http.ServerResponse, error: Error): void {
  if (res.headersSent) {
    res.destroy(error);
    return;
  }
  res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end(`the proxy could not reach the gateway: ${error.message}\n`);
}
