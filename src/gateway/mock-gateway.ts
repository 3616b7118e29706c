/**
 * The mock CC-Gateway: `startMockGateway()` listens on HTTP (127.0.0.1:8000 by default) or HTTPS and serves the
 * contract's calls, deciding with `src/domain`, plus the `/__admin` API. See docs/mock-gateway.md.
 *
 * @example
 * ```ts
 * import { startMockGateway } from './mock-gateway.ts';
 *
 * const gw = await startMockGateway({ port: 0 });
 * console.log(gw.url); // http://127.0.0.1:41234
 * await gw.close();
 * ```
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { DEFAULT_PROFILE, type Profile } from '../domain/profiles.ts';
import { GATEWAY_TIMING } from '../domain/timing.ts';
import { HARNESS_VERSION } from '../paths.ts';
import { demoFixtures, type LoadedFixtures } from '../fixtures/load-fixtures.ts';
import { adminTokenDigest } from './admin-gate.ts';
import type { CallLogger } from './call-log.ts';
import { answerClientError, DEFAULT_CONNECTION_TIMEOUTS, serverTimeouts, timeoutsProblem, type ConnectionTimeouts } from './connection-limits.ts';
import { GatewayState } from './gateway-state.ts';
import type { AuthMode } from './guid-book.ts';
import { serveRequest, type ServerHost } from './http-server.ts';
import { PlainEnvelopes } from './reply.ts';
import { Router } from './router.ts';
import { startNoPollWatchdog, sweepSilentAgents } from './no-poll-watchdog.ts';
import { selfSignedCertificate, TLS_SERVER_OPTIONS, type TlsMaterial } from './tls.ts';

export interface MockGatewayOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 8000 (8043 with TLS); 0 picks a free port. */
  readonly port?: number;
  /** HTTPS: given material, or `'self-signed'` to generate a certificate at start. Default: plain HTTP. */
  readonly tls?: TlsMaterial | 'self-signed';
  /** Accounts; default the built-in demo fixtures. */
  readonly fixtures?: LoadedFixtures;
  /** Default ccgw-2024. */
  readonly profile?: Profile;
  /** Default dynamic (the gateway's default AUTHMODE 2). */
  readonly auth?: AuthMode;
  readonly pollWaitMs?: number;
  readonly signOutAfterMs?: number;
  readonly guidIntervalMs?: number;
  readonly guidTimeoutMs?: number;
  /** Events kept per agent (default 1000). */
  readonly queueCapacity?: number;
  /** Largest request body accepted (default 64 KiB). */
  readonly maxBodyBytes?: number;
  /** When set, admin calls need the header `X-Admin-Token`. */
  readonly adminToken?: string;
  /** Time limits on headers, whole requests and idle connections (default `DEFAULT_CONNECTION_TIMEOUTS`). */
  readonly timeouts?: Partial<ConnectionTimeouts>;
  /** Receives one line per call; default none. */
  readonly log?: CallLogger;
  readonly clock?: () => number;
  readonly random?: () => number;
}

export interface MockGateway {
  /** Base URL, e.g. `http://127.0.0.1:8000`. */
  readonly url: string;
  readonly port: number;
  readonly state: GatewayState;
  /** The certificate (PEM) when serving HTTPS, for clients to trust. */
  readonly certificate: string | undefined;
  /** Runs the no-poll sweep now, as its timer would (e.g. after the clock was moved); returns the agents signed out. */
  sweep(): string[];
  /** Stops accepting, answers waiting polls, closes connections. */
  close(): Promise<void>;
}


/** The longest a Node timer waits (~24.8 days); beyond, it fires at once, and a long poll would answer immediately. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function timingProblem(o: MockGatewayOptions): string | undefined {
  for (const key of ['pollWaitMs', 'signOutAfterMs', 'guidIntervalMs', 'guidTimeoutMs'] as const) {
    const ms = o[key];
    if (ms !== undefined && (!Number.isInteger(ms) || ms < 0 || ms > MAX_TIMER_MS)) return `${key} ${ms} ms must be an integer from 0 to ${MAX_TIMER_MS} ms (~24.8 days, the longest a timer waits)`;
  }
  return undefined;
}

/** Starts a mock gateway. */
export async function startMockGateway(options: MockGatewayOptions = {}): Promise<MockGateway> {
  const timeouts: ConnectionTimeouts = { ...DEFAULT_CONNECTION_TIMEOUTS, ...options.timeouts };
  const problem = timeoutsProblem(timeouts) ?? timingProblem(options);
  if (problem) throw new RangeError(`mock gateway timeouts: ${problem}`);
  const profile = options.profile ?? DEFAULT_PROFILE;
  const authMode = options.auth ?? 'dynamic';
  const fixtures = options.fixtures ?? demoFixtures(profile);
  const state = new GatewayState({
    accounts: fixtures.accounts,
    profile,
    auth: {
      mode: authMode,
      intervalMs: options.guidIntervalMs ?? GATEWAY_TIMING.guidIntervalMs.value,
      timeoutMs: options.guidTimeoutMs ?? GATEWAY_TIMING.guidTimeoutMs.value,
    },
    queueCapacity: options.queueCapacity ?? 1000,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  if (fixtures.document) state.fixtures = { source: fixtures.source, document: fixtures.document, ...(fixtures.baseDir !== undefined ? { baseDir: fixtures.baseDir } : {}) };
  const host: ServerHost = {
    state,
    version: HARNESS_VERSION,
    authMode,
    pollWaitMs: options.pollWaitMs ?? GATEWAY_TIMING.pollWaitMs.value,
    adminTokenDigest: options.adminToken === undefined ? undefined : adminTokenDigest(options.adminToken),
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    log: options.log,
    random: options.random ?? Math.random,
    routes: new Router(),
    envelopes: new PlainEnvelopes(),
  };
  const tls = options.tls === 'self-signed' ? await selfSignedCertificate() : options.tls;
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => serveRequest(host, req, res);
  const limits = { keepAlive: true, ...serverTimeouts(timeouts) };
  const server = tls ? https.createServer({ ...TLS_SERVER_OPTIONS, cert: tls.cert, key: tls.key, ...limits }, handler) : http.createServer(limits, handler);
  server.keepAliveTimeout = limits.keepAliveTimeout; // not a createServer option in every supported Node version
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('clientError', (err, socket) => answerClientError(err, socket, state.counters, timeouts));
  const hostName = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? (tls ? 8043 : 8000), hostName, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stopWatchdog = startNoPollWatchdog(state, options.signOutAfterMs ?? GATEWAY_TIMING.signOutAfterNoPollMs.value, (ids) =>
    options.log?.(`${new Date(state.clock()).toISOString()} no poll for ${(options.signOutAfterMs ?? GATEWAY_TIMING.signOutAfterNoPollMs.value) / 1000} s: signed out ${ids.join(', ')}`),
  );
  const port = (server.address() as AddressInfo).port;
  const urlHost = hostName.includes(':') ? `[${hostName}]` : hostName;
  let closing: Promise<void> | undefined;
  return {
    url: `${tls ? 'https' : 'http'}://${urlHost}:${port}`,
    port,
    state,
    certificate: tls?.cert,
    sweep: () => sweepSilentAgents(state, options.signOutAfterMs ?? GATEWAY_TIMING.signOutAfterNoPollMs.value),
    close() {
      closing ??= new Promise<void>((resolve) => {
        stopWatchdog();
        server.close(() => resolve());
        state.queues.releaseAllWaiters();
        server.closeIdleConnections();
        const force = setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, 2000);
        force.unref();
      });
      return closing;
    },
  };
}
