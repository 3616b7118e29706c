/**
 * Finds password-like values in parsed JSON (a pact file, the OpenAPI document). Nothing is scrubbed: the bundle
 * refuses to include a file with a finding, and a finding records where the value is, never the value.
 *
 * A finding is a string under a key that names a password (`password`, `passwd`, `pwd`, `newPassword`, ...), a
 * `password=` pair in a query or form string, or an `Authorization: Basic` header, whose value is not a placeholder.
 * Strings that hold JSON and base64-encoded Pact bodies are decoded and searched too.
 */

const PASSWORD_KEY = /pass(?:word|wd)|^pwd$/i;
const FORM_PASSWORD = /(?:^|[?&])(?:[a-z_]*pass(?:word|wd)|pwd)=([^&#\s]*)/gi;
const BASIC_AUTH = /^\s*basic\s+(\S+)\s*$/i;

const PLACEHOLDERS: readonly RegExp[] = [
  /^$/, // empty: nothing secret
  /^\*+$/, // ********
  /^x+$/i, // xxxxxxxx
  /^<[^<>]+>$/, // <password>
  /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/, // ${CCGW_PASSWORD}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $CCGW_PASSWORD
  /^\{\{[^{}]+\}\}$/, // {{password}}
  /^\[?(?:redacted|placeholder)\]?$/i, // REDACTED, [redacted], placeholder
];

/**
 * True when `value` is a placeholder rather than a password: empty, only `*`, only `x`, `<name>`, `${NAME}`,
 * `$NAME`, `{{name}}`, `REDACTED` or `placeholder`.
 */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  return PLACEHOLDERS.some((p) => p.test(trimmed));
}

/** JSON paths (`$.a.b[0]`) of every password-like value in `value`, in document order. */
export function findPasswords(value: unknown): string[] {
  const found: string[] = [];
  walk(value, '$', false, found);
  return found;
}

function walk(value: unknown, path: string, underPasswordKey: boolean, found: string[]): void {
  if (typeof value === 'string') {
    scanString(value, path, underPasswordKey, found);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, underPasswordKey, found));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (record['encoded'] === 'base64' && typeof record['content'] === 'string') {
    const decoded = Buffer.from(record['content'], 'base64').toString('utf8');
    scanString(decoded, `${path}.content (base64)`, false, found, true);
  }
  for (const [key, child] of Object.entries(record)) {
    const childPath = `${path}${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`;
    if (/^authorization$/i.test(key)) scanAuthorization(child, childPath, found);
    if (record['encoded'] === 'base64' && key === 'content') continue;
    walk(child, childPath, PASSWORD_KEY.test(key), found);
  }
}

function scanString(text: string, path: string, underPasswordKey: boolean, found: string[], decoded = false): void {
  if (underPasswordKey) {
    if (!isPlaceholder(text)) found.push(path);
    return;
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const parsed = tryParseJson(trimmed);
    if (parsed !== undefined) {
      walk(parsed, decoded ? path : `${path} (JSON)`, false, found);
      return;
    }
  }
  for (const match of text.matchAll(FORM_PASSWORD)) {
    const raw = match[1] ?? '';
    if (!isPlaceholder(safeDecode(raw))) {
      found.push(`${path} (password=)`);
      return;
    }
  }
}

function scanAuthorization(value: unknown, path: string, found: string[]): void {
  const values = Array.isArray(value) ? value : [value];
  values.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const m = BASIC_AUTH.exec(v);
    if (!m) return;
    const credentials = Buffer.from(m[1] ?? '', 'base64').toString('utf8');
    const password = credentials.includes(':') ? credentials.slice(credentials.indexOf(':') + 1) : credentials;
    if (!isPlaceholder(password)) found.push(Array.isArray(value) ? `${path}[${i}] (Basic)` : `${path} (Basic)`);
  });
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
