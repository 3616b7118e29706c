/**
 * Keeping secrets out of records and errors. The contract marks `password` and `serviceToken` of the sign-in body
 * `writeOnly`; the client replaces every secret field (see `src/redact/secrets.ts`) with `***` in what it hands
 * out, and scrubs their values from anything that came back from the gateway before it goes into a reply, an
 * error or an exchange record.
 */

import { redactSecretFields, scrubLiterals, secretValues } from '../redact/secrets.ts';

export { REDACTED, MIN_SECRET_LENGTH as MIN_SCRUB_LENGTH } from '../redact/secrets.ts';

/** A deep copy of a request body with every secret field's value replaced by `***` (at any depth). */
export const redactBody = redactSecretFields;

/** The secret strings of a request body, longest first (see `secretValues`). */
export const secretsOf = secretValues;

/** `text` with each secret (raw and JSON-escaped) replaced by `***` (see `scrubLiterals`). */
export const scrub = scrubLiterals;

/**
 * A deep copy of parsed JSON with each secret scrubbed from every string value, except the top-level `retcode`.
 * Returns `value` itself when there are no secrets.
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
