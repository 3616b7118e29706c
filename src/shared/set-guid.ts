/**
 * Reading the `Set-GUID` response header, for the Node client and the k6 library alike. The gateway sends
 * `Set-GUID: JSESSIONID=<guid>` on sign-in (and, under dynamic authentication, on event polls); the Guid is the part
 * after `=` (DEVEN/cec_05_4015, EN/cec_07_0005).
 */

/**
 * The Guid in a `Set-GUID` header value, or undefined when there is none. A value without `=` is taken whole;
 * attributes after `;` are dropped (a `; Path=/` must not become part of the Guid header sent back); with several
 * headers the last one wins.
 */
export function guidFromSetGuid(header: string | readonly string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const values = typeof header === 'string' ? [header] : header;
  let guid: string | undefined;
  for (const value of values) {
    const pair = value.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    const candidate = (eq === -1 ? pair : pair.slice(eq + 1)).trim();
    if (candidate !== '') guid = candidate;
  }
  return guid;
}
