/**
 * Keeping secrets out of everything the harness hands out: one placeholder, one test of which keys hold secrets,
 * and literal scrubbing. The client (exchange records, errors) and the reports both build on it.
 */

/** What replaces a secret. */
export const REDACTED = '***';

/**
 * Secrets shorter than this are not scrubbed from free text: replacing every "0" or "pw" would corrupt retcodes
 * and IDs, and no real password is that short. (Secret fields are always replaced, whatever their length.)
 */
export const MIN_SECRET_LENGTH = 4;

function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

/** True when a field or header of this name holds a secret: passwords, tokens, cookies, API keys, credentials. */
export function isSecretKey(key: string): boolean {
  const k = normalise(key);
  return (
    k.includes('password') || k.includes('passwd') || k === 'pass' || k === 'pwd' || k.endsWith('pwd') ||
    k.includes('secret') || k.endsWith('token') || k === 'authorization' || k === 'proxyauthorization' ||
    k.includes('cookie') || k.includes('apikey') || k.includes('credential')
  );
}

/** A deep copy of `value` with the value of every secret key replaced by `***` (at any depth). */
export function redactSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecretFields);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = isSecretKey(key) && inner !== undefined && inner !== null ? REDACTED : redactSecretFields(inner);
  return out;
}

/**
 * The secret strings in `value` (string values of secret keys at any depth, at least {@link MIN_SECRET_LENGTH}
 * long), longest first, so that scrubbing replaces a longer secret before a shorter one inside it.
 */
export function secretValues(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      for (const [key, inner] of Object.entries(v)) {
        if (isSecretKey(key) && typeof inner === 'string' && inner.length >= MIN_SECRET_LENGTH) found.add(inner);
        else visit(inner);
      }
    }
  };
  visit(value);
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * `text` with every occurrence of each secret (raw, and as escaped inside a JSON string) replaced by `***`.
 * Secrets shorter than {@link MIN_SECRET_LENGTH} are left alone.
 */
export function scrubLiterals(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    out = out.split(secret).join(REDACTED);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.split(escaped).join(REDACTED);
  }
  return out;
}
