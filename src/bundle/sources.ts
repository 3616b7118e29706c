/**
 * The sources the rules and retcodes cite, spelled out for the vendor. Huawei pages use the abbreviations of the
 * OpenAPI description (`EN/x`, `ZH/x`) and of docs/sources/ccgw-facts.md (`DEVEN/x`, `DEVZH/x`); the two other
 * sources are a third-party client generated from the gateway.
 */

const PAGE_PATTERNS: Readonly<Record<string, string>> = {
  EN: 'https://support.huaweicloud.com/intl/en-us/api-cec/{page}.html',
  ZH: 'https://support.huaweicloud.com/api-ccfs-cec/{page}.html',
  DEVEN: 'https://support.huaweicloud.com/intl/en-us/devg-ccgw-cec/{page}.html',
  DEVZH: 'https://support.huaweicloud.com/devg-ccgw-cec/{page}.md',
};

const RECORCE = 'https://github.com/Zackeus/com.Zackeus.CTI (src/main/webapp/static/js/recorce.js: the path list of a third-party client generated from the gateway)';

const OTHER_SOURCES: Readonly<Record<string, string>> = {
  'ccgw-endpoints.txt': RECORCE,
  'Zackeus/com.Zackeus.CTI recorce.js': RECORCE,
};

/**
 * Where a cited source can be read: a URL for Huawei pages, a repository for the third-party client, or
 * undefined for a source the harness does not know.
 */
export function sourceLink(source: string): string | undefined {
  const m = /^(EN|ZH|DEVEN|DEVZH)\/([A-Za-z0-9_]+)$/.exec(source);
  if (m) return PAGE_PATTERNS[m[1]!]!.replace('{page}', m[2]!);
  return OTHER_SOURCES[source];
}

/** A Markdown list of `sources` (deduplicated, sorted) with where to read each. */
export function sourceList(sources: Iterable<string>): string {
  return [...new Set(sources)]
    .sort()
    .map((s) => `- \`${s}\`: ${sourceLink(s) ?? 'a note of the harness (no public address)'}\n`)
    .join('');
}
