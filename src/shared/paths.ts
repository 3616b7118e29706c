/**
 * The repository-relative paths that both `ccgw` (src/paths.ts joins them under the repository root) and the k6
 * scripts (load/lib/config.ts) need. Plain strings with `/`: no `node:path`, so k6 can import this module.
 */

/** The built-in demo accounts. */
export const DEMO_FIXTURES_FILE = 'src/fixtures/demo.json';

/** Where a k6 scenario writes its JSON and JUnit summaries (relative to the working directory). */
export const LOAD_REPORT_DIR = 'reports/load';

/** The k6 scenario scripts, one `<name>.ts` each. */
export const LOAD_SCENARIO_DIR = 'load/scenarios';

/** The CLI bundle's directory (bin/ccgw.js writes it there). */
export const CLI_BUNDLE_DIR = 'node_modules/.cache/ccgw/';

/**
 * `path` under `root` (an absolute directory ending in `/`): an absolute path stays as it is, a relative one
 * (with or without a leading `./`) is joined under the root.
 */
export function underRoot(root: string, path: string): string {
  if (path.startsWith('/')) return path;
  return `${root.endsWith('/') ? root : `${root}/`}${path.replace(/^(?:\.\/)+/, '')}`;
}
