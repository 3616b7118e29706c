/**
 * The gateway's base URL, checked once: `http://` or `https://`, a host, an optional port and path prefix, and no
 * query, fragment or credentials. Operation paths (`/agentgateway/resource/...`) are appended to the prefix.
 */

/** A checked base URL. */
export interface BaseUrl {
  readonly protocol: 'http:' | 'https:';
  /** Host name or IP address, without IPv6 brackets (as `http.request` wants it). */
  readonly hostname: string;
  readonly port: number;
  /** Path before `/agentgateway/...`, without a trailing slash ('' for none). */
  readonly pathPrefix: string;
  /** `protocol//host:port` plus the prefix: what full URLs start with. */
  readonly href: string;
}

/** Parses and checks a base URL. Throws a TypeError naming the bad value and the fix. */
export function parseBaseUrl(raw: string): BaseUrl {
  const example = 'e.g. http://127.0.0.1:8000 for the mock or https://gateway-host:8043 for a live gateway';
  if (typeof raw !== 'string' || raw.trim() === '') throw new TypeError(`baseUrl must be a URL, ${example}; got ${JSON.stringify(raw)}`);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim())) {
    throw new TypeError(`base URL ${JSON.stringify(raw)} must start with http:// or https://, ${example}`);
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new TypeError(`base URL ${JSON.stringify(raw)} is not a URL; use ${example}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`base URL ${JSON.stringify(raw)} must start with http:// or https://, ${example}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError(`base URL ${JSON.stringify(redactUserinfo(url))} must not carry credentials; agents sign in with their own passwords`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new TypeError(`base URL ${JSON.stringify(raw)} must not have a query or fragment; give only scheme, host, port and an optional path prefix`);
  }
  const pathPrefix = url.pathname.replace(/\/+$/, '');
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { protocol: url.protocol, hostname, port, pathPrefix, href: `${url.protocol}//${url.host}${pathPrefix}` };
}

function redactUserinfo(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '***';
  copy.password = '';
  return copy.href;
}
