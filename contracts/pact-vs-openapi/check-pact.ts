/**
 * Checks that a pact stays within the OpenAPI contract (pact ⊆ OpenAPI), with @pactflow/swagger-mock-validator, the
 * open-source engine of PactFlow's bi-directional contract testing: every request path, method, header and body of
 * the pact must be one the document allows, and every response one it describes.
 *
 * One adjustment is made to a copy of the document before the check: `description` is removed from the server
 * variables. The validator's bundled OpenAPI 3.1 schema rejects it ("must NOT have unevaluated properties"), although
 * the OpenAPI 3.1 Server Variable Object allows it; the servers play no part in the check (paths are absolute).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SwaggerMockValidatorFactory, type ValidationResultDetails } from '@pactflow/swagger-mock-validator';
import { parse } from 'yaml';

/** One finding of the check. */
export interface PactOpenApiFinding {
  readonly code: string;
  readonly message: string;
  /** The pact interaction's description, when the finding is about one. */
  readonly interaction?: string;
  /** Where in the pact: `[root].interactions[6].response.body.retcode`. */
  readonly location?: string;
}

/** The result of the check. */
export interface PactOpenApiResult {
  readonly ok: boolean;
  readonly errors: readonly PactOpenApiFinding[];
  readonly warnings: readonly PactOpenApiFinding[];
}

/** Warnings the contract expects, with the reason. Any other warning deserves a look. */
export const EXPECTED_WARNINGS: Readonly<Record<string, string>> = {
  'request.content-type.unknown':
    "the gateway's documents require Content-Type: application/json on every call, bodiless ones included (addinsert, cancel, event polls); the OpenAPI document describes no request body for those",
};

/**
 * Validates the pact against the OpenAPI document (YAML or JSON).
 *
 * @throws Error naming the file when the document or the pact cannot be read or parsed.
 */
export async function checkPactAgainstOpenApi(options: { readonly pactFile: string; readonly specFile: string }): Promise<PactOpenApiResult> {
  let spec: { servers?: { variables?: Record<string, Record<string, unknown>> }[] };
  try {
    spec = parse(readFileSync(options.specFile, 'utf8')) as typeof spec;
  } catch (e) {
    throw new Error(`the OpenAPI document ${options.specFile} cannot be read (${(e as Error).message}); check the path`);
  }
  for (const server of spec.servers ?? []) for (const variable of Object.values(server.variables ?? {})) delete variable['description'];
  const dir = mkdtempSync(join(tmpdir(), 'ccgw-pact-openapi-'));
  try {
    const specFile = join(dir, 'openapi.json');
    writeFileSync(specFile, JSON.stringify(spec));
    const outcome = await SwaggerMockValidatorFactory.create().validate({ specPathOrUrl: specFile, mockPathOrUrl: options.pactFile });
    return { ok: outcome.success, errors: outcome.errors.map(finding), warnings: outcome.warnings.map(finding) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function finding(d: ValidationResultDetails): PactOpenApiFinding {
  return {
    code: d.code,
    message: d.message,
    ...(d.mockDetails?.interactionDescription ? { interaction: d.mockDetails.interactionDescription } : {}),
    ...(d.mockDetails?.location ? { location: d.mockDetails.location } : {}),
  };
}
