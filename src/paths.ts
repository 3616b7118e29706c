/**
 * Where the harness's own files are, whether its code runs from `src/` (tsx, vitest) or from the CLI's bundle
 * in `node_modules/.cache/ccgw/` (see bin/ccgw.js).
 *
 * @example
 * ```ts
 * readFileSync(new URL('src/fixtures/demo.json', REPO_ROOT_URL), 'utf8');
 * ```
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bundle's directory, relative to the repository root (bin/ccgw.js writes it there). */
export const CLI_BUNDLE_DIR = 'node_modules/.cache/ccgw/';

const here = import.meta.url;
const inBundle = here.indexOf(`/${CLI_BUNDLE_DIR}`);

/** The repository root as a directory URL (ends with `/`). */
export const REPO_ROOT_URL = inBundle >= 0 ? new URL(here.slice(0, inBundle + 1)) : new URL('../', here);

/** The repository root as a path. */
export const REPO_ROOT = fileURLToPath(REPO_ROOT_URL);

/** The harness version, from package.json. */
export const HARNESS_VERSION = (JSON.parse(readFileSync(new URL('package.json', REPO_ROOT_URL), 'utf8')) as { version: string }).version;
