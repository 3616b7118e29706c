/**
 * Keeping secrets out of records and errors. The contract marks `password` and `serviceToken` of the sign-in body
 * `writeOnly`; the client replaces every secret field (see `src/redact/secrets.ts`) with `***` in what it hands
 * out, and scrubs their values from anything that came back from the gateway before it goes into a reply, an
 * error or an exchange record.
 *
 * @example
 * ```ts
 * const body = { password: 's3cret', phonenum: '88830169' };
 * redactBody(body);                       // { password: '***', phonenum: '88830169' }
 * scrub('echo: s3cret', secretsOf(body)); // 'echo: ***'
 * ```
 */

import { REDACTED, redactSecretFields, scrubLiterals, secretValues } from '../redact/secrets.ts';

export { REDACTED, MIN_SECRET_LENGTH as MIN_SCRUB_LENGTH } from '../redact/secrets.ts';

/**
 * A deep copy of a request body with every secret field's value replaced by `***` (at any depth).
 *
 * @example
 * ```ts
 * redactBody({ password: 'x', nested: { serviceToken: 'y' } }); // { password: '***', nested: { serviceToken: '***' } }
 * ```
 */
export const redactBody = redactSecretFields;

/**
 * The secret strings of a request body, longest first (see `secretValues`).
 *
 * @example
 * ```ts
 * secretsOf({ password: 'pw-30169', phonenum: '1' }); // ['pw-30169']
 * ```
 */
export const secretsOf = secretValues;

/**
 * `text` with each secret (raw and JSON-escaped) replaced by `***` (see `scrubLiterals`).
 *
 * @example
 * ```ts
 * scrub('echo pw-30169', ['pw-30169']); // 'echo ***'
 * ```
 */
export const scrub = scrubLiterals;

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
