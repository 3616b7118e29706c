/**
 * Keeping secrets out of records and errors. The contract marks `password` and `serviceToken` of the sign-in body
 * `writeOnly`; the client replaces them with `***` in what it hands out, and scrubs their values (when at least
 * {@link MIN_SCRUB_LENGTH} characters long) from anything that came back from the gateway before it goes into a
 * reply, an error or an exchange record.
 *
 * @example
 * ```ts
 * const body = { password: 's3cret', phonenum: '88830169' };
 * redactBody(body);                       // { password: '***', phonenum: '88830169' }
 * scrub('echo: s3cret', secretsOf(body)); // 'echo: ***'
 * ```
 */

/**
 * Secrets shorter than this are not scrubbed from the gateway's text: replacing every "0" or "pw" would corrupt
 * retcodes and IDs, and no real password is that short. (Secret fields of the request are always replaced.)
 *
 * @example
 * ```ts
 * secretsOf({ password: 'abc' }); // [] (too short to scrub)
 * ```
 */
export const MIN_SCRUB_LENGTH = 4;

/**
 * The placeholder that replaces a secret.
 *
 * @example
 * ```ts
 * JSON.parse(record.requestBody!).password === REDACTED; // true
 * ```
 */
export const REDACTED = '***';

/**
 * Body fields that hold secrets (writeOnly in the contract's SignInRequest), compared without case.
 *
 * @example
 * ```ts
 * SECRET_FIELDS.includes('password'); // true
 * ```
 */
export const SECRET_FIELDS: readonly string[] = ['password', 'servicetoken'];

function isSecretField(name: string): boolean {
  return SECRET_FIELDS.includes(name.toLowerCase());
}

/**
 * A deep copy of `body` with every secret field's value replaced by `***` (at any depth).
 *
 * @example
 * ```ts
 * redactBody({ password: 'x', nested: { serviceToken: 'y' } }); // { password: '***', nested: { serviceToken: '***' } }
 * ```
 */
export function redactBody(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redactBody);
  if (body === null || typeof body !== 'object') return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) out[key] = isSecretField(key) && value !== undefined && value !== null ? REDACTED : redactBody(value);
  return out;
}

/**
 * The secret strings in `body` (values of secret fields at any depth, at least {@link MIN_SCRUB_LENGTH} long),
 * longest first.
 *
 * @example
 * ```ts
 * secretsOf({ password: 'pw-30169', phonenum: '1' }); // ['pw-30169']
 * ```
 */
export function secretsOf(body: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (isSecretField(key) && typeof inner === 'string' && inner.length >= MIN_SCRUB_LENGTH) found.add(inner);
        else visit(inner);
      }
    }
  };
  visit(body);
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * `text` with every occurrence of each secret (raw, and as escaped inside a JSON string) replaced by `***`.
 *
 * @example
 * ```ts
 * scrub('{"password":"a\\"b"}', ['a"b']); // '{"password":"***"}'
 * ```
 */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    const escaped = JSON.stringify(secret).slice(1, -1);
    out = out.split(secret).join(REDACTED);
    if (escaped !== secret) out = out.split(escaped).join(REDACTED);
  }
  return out;
}

/**
 * A deep copy of parsed JSON with each secret scrubbed from every string value, except the top-level `retcode`.
 * Returns `value` itself when there are no secrets.
 *
 * @example
 * ```ts
 * scrubStrings({ retcode: '100-004', message: 'bad pw-30169' }, ['pw-30169']); // { retcode: '100-004', message: 'bad ***' }
 * ```
 */
export function scrubStrings<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const visit = (v: unknown, key: string | undefined, top: boolean): unknown => {
    if (typeof v === 'string') return top && key === 'retcode' ? v : scrub(v, secrets);
    if (Array.isArray(v)) return v.map((item) => visit(item, undefined, false));
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, visit(inner, k, v === value)]));
    }
    return v;
  };
  return visit(value, undefined, false) as T;
}
