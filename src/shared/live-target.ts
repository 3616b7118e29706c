/**
 * The live-target guard, one rule for `ccgw` (src/config/settings.ts) and the k6 scripts (load/lib/config-parse.ts):
 * a gateway whose host is not this machine is someone else's. Traffic goes to it only with an explicit opt-in
 * (`--live`, `CCGW_LIVE=1`), under a request-rate cap ({@link DEFAULT_LIVE_MAX_RPS} unless one is given), with the
 * accounts of a fixtures file, and without the mock's admin API or fault injection.
 */

/** The rate cap, in requests per second, against a gateway on another machine when none is given. */
export const DEFAULT_LIVE_MAX_RPS = 5;

/** The rate caps a user may give (`--max-rps`, `CCGW_MAX_RPS`). */
export const MAX_RPS_RANGE = { min: 1, max: 1000 } as const;

/** localhost, 127.0.0.0/8 and ::1 (bracketed as in a URL, or bare; compressed or written out). */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]|::1|\[?0:0:0:0:0:0:0:1\]?)$/i;

/** True for a host name or address of this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/** The host of an `http(s)://` URL as written (IPv6 in brackets), or undefined when it has none. No `URL` class: k6 has none. */
export function hostOf(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url)?.[1] || undefined;
}

/** True when the URL's host is this machine. */
export function isLoopbackUrl(url: string): boolean {
  const host = hostOf(url);
  return host !== undefined && isLoopbackHost(host);
}

/** How a command names the opt-in and the cap, for the refusal's fix. */
export interface LiveGuardWords {
  /** The opt-in, e.g. `Pass --live (or CCGW_LIVE=1)`. */
  readonly optIn: string;
  /** The cap, e.g. `--max-rps N`. */
  readonly cap: string;
}

/** What the guard decides for one target. */
export type LiveDecision =
  | { readonly allowed: true; readonly loopback: boolean; readonly live: boolean; readonly maxRps: number | undefined }
  | { readonly allowed: false; readonly problem: string };

/**
 * The guard: a target on this machine runs as asked; one on another machine needs the opt-in and gets the cap.
 * `named` is the URL as the user gave it, e.g. `--gateway https://10.0.0.5:8043` or `BASE_URL=https://10.0.0.5:8043`.
 */
export function liveDecision(target: { readonly named: string; readonly url: string; readonly optIn: boolean; readonly maxRps: number | undefined }, words: LiveGuardWords): LiveDecision {
  const loopback = isLoopbackUrl(target.url);
  if (loopback) return { allowed: true, loopback, live: false, maxRps: target.maxRps };
  if (!target.optIn) {
    return {
      allowed: false,
      problem: `${target.named} is not on this machine: it is someone else's gateway. ${words.optIn} to send traffic to it, with ${words.cap} to cap the rate (default ${DEFAULT_LIVE_MAX_RPS})`,
    };
  }
  return { allowed: true, loopback, live: true, maxRps: target.maxRps ?? DEFAULT_LIVE_MAX_RPS };
}
