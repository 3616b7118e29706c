/**
 * Reading the `Set-GUID` response header. The gateway sends `Set-GUID: JSESSIONID=<guid>` on sign-in (and, under
 * dynamic authentication, on event polls); the Guid is the part after `=` (DEVEN/cec_05_4015, EN/cec_07_0005).
 *
 * @example
 * ```ts
 * guidFromSetGuid('JSESSIONID=279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0');
 * // '279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0'
 * guidFromSetGuid(undefined); // undefined
 * ```
 */

/**
 * The Guid in a `Set-GUID` header value, or undefined when there is none. A value without `=` is taken whole;
 * attributes after `;` are dropped; with several headers the last one wins.
 *
 * @example
 * ```ts
 * guidFromSetGuid(['JSESSIONID=old', 'JSESSIONID=new']); // 'new'
 * ```
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
