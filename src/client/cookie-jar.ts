/**
 * A minimal cookie jar for one agent session: it keeps `name=value` from every `Set-Cookie` and replays them as
 * `Cookie`, as the vendor's sample clients do (most likely for NSLB/ELB session stickiness). Domain, path and
 * `Secure` are not checked: a session talks to one base URL. `Max-Age=0` (or negative) and an `Expires` in the past
 * delete a cookie.
 */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** Takes the `Set-Cookie` values of one response (Node gives them as an array). */
  store(setCookie: string | readonly string[] | undefined, now: number = Date.now()): void {
    if (setCookie === undefined) return;
    for (const line of typeof setCookie === 'string' ? [setCookie] : setCookie) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (name === '') continue;
      if (isExpired(attributes, now)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  /** The `Cookie` header to send, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.#cookies.size === 0) return undefined;
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** A copy of the stored cookies, name → value. */
  entries(): Record<string, string> {
    return Object.fromEntries(this.#cookies);
  }

  /** Forgets every cookie. */
  clear(): void {
    this.#cookies.clear();
  }
}

function isExpired(attributes: readonly string[], now: number): boolean {
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const attribute of attributes) {
    const eq = attribute.indexOf('=');
    const key = (eq === -1 ? attribute : attribute.slice(0, eq)).trim().toLowerCase();
    const value = eq === -1 ? '' : attribute.slice(eq + 1).trim();
    if (key === 'max-age' && /^-?[0-9]+$/.test(value)) maxAge = Number(value);
    if (key === 'expires' && !Number.isNaN(Date.parse(value))) expires = Date.parse(value);
  }
  // Max-Age wins over Expires (RFC 6265 §5.3).
  if (maxAge !== undefined) return maxAge <= 0;
  return expires !== undefined && expires <= now;
}
