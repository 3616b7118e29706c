/**
 * Whether a gateway answers at all, checked before the first phase and again after a failed one, so that a
 * gateway nobody can reach is reported once, with its cause and fix, instead of as a broken contract case by case.
 *
 * The probe is one call a CC-Gateway answers without credentials and without side effects: the status of a
 * fixtures account, sent without a Guid (the gateway answers a retcode). Any HTTP answer (a retcode, a 404, a
 * 503, a body that is not JSON) means reachable. It goes through the project's client with the target's TLS
 * options, so the client's classification of transport failures decides the cause; only the wording of the fix
 * is the command line's (flags instead of client options). When TLS fails on https://, or the connection closes
 * on http://, a second look at the port tells which protocol it speaks.
 */
import http from 'node:http';
import tls from 'node:tls';
import { GatewayClient, GatewayTimeoutError, GatewayTransportError, parseBaseUrl, type BaseUrl } from '../client/index.ts';

/** Why a gateway could not be reached: a short cause, the fix, and both in one sentence that names the URL. */
export interface Unreachable {
  /** Node's error code, or `TIMEOUT`. */
  readonly code: string;
  readonly cause: string;
  readonly fix: string;
  /** `the gateway at URL cannot be reached: CAUSE. Fix: FIX.` */
  readonly message: string;
}

export interface ProbeRequest {
  readonly url: string;
  readonly tls: { readonly caFile?: string; readonly insecure: boolean } | undefined;
  /** An account of the fixtures: its status is asked for, without a Guid. */
  readonly agentId: string;
  readonly timeoutMs: number;
}

/**
 * Sends the probe; resolves with undefined when the gateway answered anything over HTTP, else with the cause.
 * Throws a TypeError for unusable TLS options (an unreadable `--ca` file), which is not a reachability problem.
 */
export async function probeGateway(p: ProbeRequest): Promise<Unreachable | undefined> {
  const client = new GatewayClient({ baseUrl: p.url, timeoutMs: p.timeoutMs, ...(p.tls ? { tls: p.tls } : {}) });
  try {
    await client.agent(p.agentId).agentStatus();
    return undefined;
  } catch (e) {
    if (e instanceof GatewayTimeoutError) return unreachable(p.url, 'TIMEOUT', timeoutCause(p.timeoutMs));
    if (e instanceof GatewayTransportError) return unreachable(p.url, e.code, await causeOf(e, parseBaseUrl(p.url), p));
    return undefined; // an HTTP answer outside the contract: the gateway is there, the phases judge the answer
  } finally {
    client.close();
  }
}

/**
 * The probe as a target repeats it: each call takes at least 1/`maxRequestsPerSecond` s when the gateway answers,
 * so that the probe counts against the rate cap (the phases' own limiters start after it).
 */
export function reachabilityCheck(p: ProbeRequest, maxRequestsPerSecond: number | undefined): () => Promise<Unreachable | undefined> {
  const spacingMs = maxRequestsPerSecond ? 1000 / maxRequestsPerSecond : 0;
  return async () => {
    const started = Date.now();
    const problem = await probeGateway(p);
    const wait = spacingMs - (Date.now() - started);
    if (!problem && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return problem;
  };
}

type CauseAndFix = { readonly cause: string; readonly fix: string };

function unreachable(url: string, code: string, c: CauseAndFix): Unreachable {
  return { code, ...c, message: `the gateway at ${url} cannot be reached: ${c.cause}. Fix: ${c.fix}.` };
}

function timeoutCause(timeoutMs: number): CauseAndFix {
  return {
    cause: `no answer within ${timeoutMs / 1000} s (the connection or the answer hangs)`,
    fix: 'check that the gateway is up and healthy, and the firewalls and VPN between here and it; for a slow gateway raise CCGW_PROBE_TIMEOUT (e.g. 30s)',
  };
}

async function causeOf(e: GatewayTransportError, base: BaseUrl, p: ProbeRequest): Promise<CauseAndFix> {
  const hostPort = `${base.hostname}:${base.port}`;
  const detail = `${e.code}: ${shortDescription(e.description)}`;
  const other = (protocol: 'http:' | 'https:'): string => `${protocol}//${p.url.slice(p.url.indexOf('//') + 2)}`;
  switch (e.kind) {
    case 'refused':
      return { cause: `connection refused: nothing listens on ${hostPort}`, fix: 'check the host and port, and that the gateway runs (a standalone mock: ccgw mock --port N)' };
    case 'dns':
      return { cause: `the host name ${base.hostname} does not resolve (${detail})`, fix: "check the name, or use the gateway's IP address" };
    case 'no-route':
      return { cause: `${base.hostname} is not reachable from this machine (${detail})`, fix: 'check the address, the routes, the VPN and the firewalls' };
    case 'tls-untrusted':
      return { cause: `its TLS certificate is not trusted (${detail})`, fix: 'pass --ca FILE with the PEM certificate of the CA that signed it, or --insecure for a test gateway' };
    case 'tls-expired':
      return { cause: `its TLS certificate is outside its validity period (${detail})`, fix: "renew the certificate or check this machine's clock; --insecure accepts it on a test gateway" };
    case 'tls-name':
      return { cause: `its TLS certificate does not name ${base.hostname} (${detail})`, fix: 'connect by a host name the certificate lists, or pass --insecure for a test gateway' };
    case 'tls-protocol':
      if (await speaksPlainHttp(base, p.timeoutMs)) {
        return { cause: `${hostPort} speaks plain HTTP, not HTTPS (${detail})`, fix: `use ${other('http:')}${p.tls?.caFile || p.tls?.insecure ? ' without --ca and --insecure' : ''}` };
      }
      return { cause: `the TLS handshake with ${hostPort} failed (${detail})`, fix: 'check that the port serves HTTPS with TLS 1.2 or later' };
    case 'reset':
    case 'not-http':
      if (base.protocol === 'http:' && (await speaksTls(base, p.timeoutMs))) {
        return { cause: `${hostPort} speaks TLS, not plain HTTP (${detail})`, fix: `use ${other('https:')} (with --ca FILE when its certificate is not from a public CA)` };
      }
      return e.kind === 'reset'
        ? { cause: `${hostPort} closed the connection before answering (${detail})`, fix: 'check that the gateway is up and that the URL points at it, with the scheme its port speaks' }
        : { cause: `${hostPort} answered something that is not HTTP (${detail})`, fix: "check that the URL points at the CC-Gateway's HTTP(S) port" };
    case 'other':
      return { cause: detail, fix: 'check the URL and that the gateway is up' };
  }
}

/** Node's description on one line; an OpenSSL error reduced to its reason (e.g. `wrong version number`). */
function shortDescription(description: string): string {
  const ssl = /SSL routines:[^:]*:([^:]+):/.exec(description);
  return ssl ? ssl[1]! : (description.split('\n')[0] ?? '').trim();
}

/** True when a plain HTTP request to the port gets any HTTP answer. */
function speaksPlainHttp(base: BaseUrl, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ hostname: base.hostname, port: base.port, path: '/', agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(true);
      req.destroy();
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/** True when a TLS handshake with the port completes (any certificate: only the protocol is in question). */
function speaksTls(base: BaseUrl, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: base.hostname, port: base.port, rejectUnauthorized: false, timeout: timeoutMs }, () => {
      resolve(true);
      socket.destroy();
    });
    socket.on('timeout', () => socket.destroy());
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}
