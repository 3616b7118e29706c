/**
 * Who may call the admin API: a loopback client, addressing the mock by a loopback name (a page whose name was
 * rebound to 127.0.0.1 is not), from no other web origin, with the admin token when one is set; and a state-changing
 * call must say `Content-Type: application/json`, which a web page cannot send to another origin without a
 * preflight the mock never grants. Answers the refusal, or undefined when the call may proceed.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Reply } from './reply.ts';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const READS = new Set(['GET', 'HEAD']);

/** The SHA-256 digest of a token: tokens are compared digest to digest, in constant time. */
export function adminTokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

const refuse = (status: number, error: string, detail: string): Reply => ({ status, json: { error, detail } });

const LOOPBACK_NAME = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** True when a Host header (`name[:port]`, IPv6 in brackets) names the loopback interface. */
function isLoopbackName(host: string): boolean {
  try {
    return LOOPBACK_NAME.test(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

/** Checks one admin request; `tokenDigest` is the digest of `--admin-token`, or undefined when none is set. */
export function gateAdmin(req: IncomingMessage, method: string, tokenDigest: Buffer | undefined): Reply | undefined {
  if (!LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '')) return refuse(403, 'forbidden', 'the admin API answers only loopback clients');
  const host = req.headers.host ?? '';
  if (!isLoopbackName(host)) return refuse(403, 'forbidden', `the admin API answers only requests to a loopback name (Host ${JSON.stringify(host)}); use http://127.0.0.1:<port>`);
  const origin = req.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, host)) {
    return refuse(403, 'forbidden', `cross-origin admin calls are refused (Origin ${JSON.stringify(origin)}); call the admin API from a script or curl, not from a web page`);
  }
  if (tokenDigest !== undefined) {
    const given = req.headers['x-admin-token'];
    if (typeof given !== 'string' || !timingSafeEqual(adminTokenDigest(given), tokenDigest)) {
      return refuse(401, 'unauthorized', 'send the X-Admin-Token header given to ccgw mock --admin-token');
    }
  }
  if (!READS.has(method) && !isJson(req.headers['content-type'])) {
    return refuse(415, 'unsupported-media-type', `${method} admin calls need the header Content-Type: application/json (got ${JSON.stringify(req.headers['content-type'] ?? null)})`);
  }
  return undefined;
}

function sameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return url.host === new URL(`${url.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}
