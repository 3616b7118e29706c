/**
 * Names and places of the addinsert contract: the two pacticipants, the committed pact the vendor receives, the
 * scratch directory the consumer tests write to, and the OpenAPI document the pact must stay within.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../src/paths.ts';

/** The consumer: the quality-control console that barges inspectors into calls. */
export const CONSUMER = 'qc-console';

/** The provider: Huawei's CC-Gateway. */
export const PROVIDER = 'cc-gateway';

/** The pact's file name, as Pact names it (`<consumer>-<provider>.json`). */
export const PACT_FILE_NAME = `${CONSUMER}-${PROVIDER}.json`;

/** The repository root (also right when this code runs from the CLI's bundle). */
export { REPO_ROOT };

/** The directory of committed pacts, which the vendor bundle carries. */
export const PACT_DIR = join(REPO_ROOT, 'contracts', 'pacts');

/** The committed pact. */
export const COMMITTED_PACT = join(PACT_DIR, PACT_FILE_NAME);

/** Where the consumer tests write the pact (ignored by git); the freshness test compares it with the committed one. */
export const SCRATCH_DIR = join(REPO_ROOT, 'contracts', '.pact-scratch');

/** The pact the last consumer run wrote. */
export const SCRATCH_PACT = join(SCRATCH_DIR, PACT_FILE_NAME);

/** The contract the pact must stay within. */
export const OPENAPI_FILE = join(REPO_ROOT, 'openapi', 'ccgw-agentgateway.yaml');

/** The environment variable that makes the consumer run copy its pact over the committed one (`npm run pact:update`). */
export const PACT_UPDATE_ENV = 'CCGW_PACT_UPDATE';
