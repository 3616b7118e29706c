/**
 * Redaction: passwords, tokens and session Guids never reach a report. Gateway answers and recorded requests are
 * untrusted and may carry a sign-in body (`{"password": ...}`), a `Guid` header, a `serviceToken` or credentials in
 * a URL; every renderer passes the summary through `redactSummary` first, and the run writer does so before writing
 * `summary.json`.
 */
import { isSecretKey, REDACTED, scrubLiterals } from '../redact/secrets.ts';
import type { RunSummary } from './run-summary.ts';

export { isSecretKey, REDACTED };

/** Extra values to scrub wherever they appear, e.g. the passwords the run signed in with. */
export interface RedactOptions {
  /** Literal secrets (at least 4 characters; shorter ones would erase ordinary text). */
  readonly secrets?: readonly string[];
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

const GUID = /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=\.[A-Za-z][\w-]*)/g;
const SECRET_WORD = String.raw`[\w-]*(?:password|passwd|pwd|secret|token|api[-_]?key|credential)[\w-]*`;
// "password": "…" inside JSON text (escaped quotes inside the value are kept in the match).
const JSON_PAIR = new RegExp(String.raw`("${SECRET_WORD}"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi');
// \"password\": \"…\" inside JSON text that is itself inside a JSON string.
const ESCAPED_JSON_PAIR = new RegExp(String.raw`(\\"${SECRET_WORD}\\"\s*:\s*)\\"(?:[^"\\]|\\[^"])*\\"`, 'gi');
// password=…, token: … in query strings, form bodies and log lines.
const KEY_VALUE = new RegExp(String.raw`(\b${SECRET_WORD}\s*[=:]\s*)(?:"[^"\n]*"|'[^'\n]*'|[^\s&,;"'<>]+)`, 'gi');
// https://user:secret@host
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)[^\s/@]+@/gi;
// Authorization: Bearer …
const AUTH_HEADER = /(\b(?:authorization|proxy-authorization)\s*:\s*)(?:\w+\s+)?[^\s,;]+/gi;

/** Redacts secrets inside free text: JSON pairs, `key=value`, URL credentials, Guids, and the given literals. */
export function redactText(text: string, options: RedactOptions = {}): string {
  return scrubLiterals(text, options.secrets ?? [])
    .replace(AUTH_HEADER, `$1${REDACTED}`)
    .replace(JSON_PAIR, `$1"${REDACTED}"`)
    .replace(ESCAPED_JSON_PAIR, `$1\\"${REDACTED}\\"`)
    .replace(KEY_VALUE, `$1${REDACTED}`)
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(GUID, REDACTED);
}

function redactGuid(value: string): string {
  if (value === '') return value;
  // Keep the node suffix (`.AgentGateway1`): it tells which gateway node answered, and is not secret.
  const suffix = /\.[A-Za-z][\w-]*$/.exec(value);
  return suffix && suffix.index > 0 ? `${REDACTED}${suffix[0]}` : REDACTED;
}

/** Returns a deep copy of `value` with secret fields replaced and every string passed through `redactText`. */
export function redactValue<T>(value: T, options: RedactOptions = {}): T {
  return walk(value, options) as T;
}

function walk(value: unknown, options: RedactOptions): unknown {
  if (typeof value === 'string') return redactText(value, options);
  if (Array.isArray(value)) return value.map((v) => walk(v, options));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (isSecretKey(key) && v !== null && v !== undefined && v !== '') out[key] = REDACTED;
      else if (normalise(key) === 'guid' && typeof v === 'string') out[key] = redactGuid(v);
      else out[key] = walk(v, options);
    }
    return out;
  }
  return value;
}

/**
 * A copy of the run summary with every secret redacted; the numbers and outcomes are unchanged. Every string is
 * walked, so free text anywhere (failure messages, skip reasons, invariant details, the `detail` of each rule
 * coverage row) is scrubbed too.
 */
export function redactSummary(summary: RunSummary, options: RedactOptions = {}): RunSummary {
  return redactValue(summary, options);
}
