/**
 * Where the harness's own files are, whether its code runs from `src/` (tsx, vitest) or from the CLI's bundle
 * in `node_modules/.cache/ccgw/` (see bin/ccgw.js). The repository-relative names are in src/shared/paths.ts (k6
 * reads them too); this module adds the parts that need Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_BUNDLE_DIR, DEMO_FIXTURES_FILE } from './shared/paths.ts';

const here = import.meta.url;
const inBundle = here.indexOf(`/${CLI_BUNDLE_DIR}`);

/** The repository root as a directory URL (ends with `/`). */
export const REPO_ROOT_URL = inBundle >= 0 ? new URL(here.slice(0, inBundle + 1)) : new URL('../', here);

/** The repository root as a path. */
export const REPO_ROOT = fileURLToPath(REPO_ROOT_URL);

/** The harness version, from package.json. */
export const HARNESS_VERSION = (JSON.parse(readFileSync(new URL('package.json', REPO_ROOT_URL), 'utf8')) as { version: string }).version;

/** The built-in demo accounts, as an absolute path. */
export const DEMO_FIXTURES_PATH = join(REPO_ROOT, DEMO_FIXTURES_FILE);
