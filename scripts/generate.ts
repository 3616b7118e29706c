/**
 * `npm run generate`: regenerates `src/generated/` from the OpenAPI contract.
 * `npm run generate -- --check`: writes nothing, exits 1 and names the stale files when they differ.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateContractTables } from './codegen/contract-tables.ts';
import { OPENAPI_PATH, listOperations, loadOpenApiDocument, requestSchemaName, responseSchemaName } from './codegen/openapi-document.ts';
import { generateTypes } from './codegen/types.ts';
import { generateValidators, type ValidatorSpec } from './codegen/validators.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'src', 'generated');
const FIXTURES_SCHEMA_PATH = join(ROOT, 'src', 'fixtures', 'fixtures.schema.json');
const CONFIG_SCHEMA_PATH = join(ROOT, 'src', 'config', 'config.schema.json');
const ADMIN_SCHEMAS_DIR = join(ROOT, 'src', 'gateway', 'admin-schemas');

/**
 * The admin API's bodies (validator, schema file, type in src/gateway/admin-bodies.ts). They get a module of their
 * own: the mock needs them, k6 does not.
 */
const ADMIN_BODIES = [
  ['validateResetBody', 'reset.schema.json', 'ResetBody'],
  ['validateAgentStateBody', 'agent-state.schema.json', 'AgentStateBody'],
  ['validateSignInBody', 'sign-in.schema.json', 'BulkSignInBody'],
  ['validateFaultsBody', 'faults.schema.json', 'FaultsBody'],
] as const;

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Produces every generated file in memory: path relative to the repository → content. */
export async function generateAll(): Promise<Map<string, string>> {
  const doc = await loadOpenApiDocument(OPENAPI_PATH);
  const operations = listOperations(doc);
  const specs: ValidatorSpec[] = [];
  for (const op of operations) {
    const response = responseSchemaName(op);
    specs.push({ name: `validate${pascal(op.operationId)}Response`, schema: response, type: `components['schemas']['${response}']` });
    const request = requestSchemaName(op);
    if (request) specs.push({ name: `validate${pascal(op.operationId)}Request`, schema: request, type: `components['schemas']['${request}']` });
  }
  specs.push({ name: 'validateAgentEvent', schema: 'AgentEvent', type: "components['schemas']['AgentEvent']" });
  const validators = generateValidators(doc, specs);
  // The documents people write get a module of their own, whose validators report every problem at once.
  const fixturesSchema = JSON.parse(await readFile(FIXTURES_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const configSchema = JSON.parse(await readFile(CONFIG_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const documents = generateValidators(
    doc,
    [
      { name: 'validateFixtures', schema: fixturesSchema, type: "import('../fixtures/fixtures-document.ts').FixturesDocument" },
      { name: 'validateConfig', schema: configSchema, type: "import('../config/config-document.ts').ConfigDocument" },
    ],
    [fixturesSchema, configSchema],
    'src/fixtures/fixtures.schema.json and src/config/config.schema.json',
    { allErrors: true },
  );
  const lookup = [
    '',
    '/** The response validator of each operation, keyed by operationId. */',
    'export const responseValidators = {',
    ...operations.map((op) => `  ${op.operationId}: validate${pascal(op.operationId)}Response,`),
    '};',
    '',
  ].join('\n');
  const lookupDts = [
    '',
    '/** The response validator of each operation, keyed by operationId. */',
    'export declare const responseValidators: {',
    ...operations.map((op) => `  ${op.operationId}: typeof validate${pascal(op.operationId)}Response;`),
    '};',
    '',
  ].join('\n');
  const admin = await generateAdminValidators(doc);
  const files = new Map<string, string>();
  files.set('src/generated/openapi.ts', await generateTypes(OPENAPI_PATH));
  files.set('src/generated/validators.js', validators.js + lookup);
  files.set('src/generated/validators.d.ts', validators.dts + lookupDts);
  files.set('src/generated/document-validators.js', documents.js);
  files.set('src/generated/document-validators.d.ts', documents.dts);
  files.set('src/generated/contract.ts', generateContractTables(doc));
  files.set('src/generated/admin-validators.js', admin.js);
  files.set('src/generated/admin-validators.d.ts', admin.dts);
  return files;
}

async function generateAdminValidators(doc: Awaited<ReturnType<typeof loadOpenApiDocument>>): Promise<{ js: string; dts: string }> {
  const schemas: Record<string, unknown>[] = [];
  const specs: ValidatorSpec[] = [];
  for (const [name, file, type] of ADMIN_BODIES) {
    const schema = JSON.parse(await readFile(join(ADMIN_SCHEMAS_DIR, file), 'utf8')) as Record<string, unknown>;
    schemas.push(schema);
    specs.push({ name, schema, type: `import('../gateway/admin-bodies.ts').${type}` });
  }
  return generateValidators(doc, specs, schemas, 'src/gateway/admin-schemas/*.schema.json');
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`generate: unknown argument ${JSON.stringify(unknown[0])}; the only option is --check`);
    return 2;
  }
  const files = await generateAll();
  const stale: string[] = [];
  for (const [rel, content] of files) {
    const path = join(ROOT, rel);
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === content) continue;
    if (check) {
      stale.push(rel);
    } else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      console.log(`generate: wrote ${relative(ROOT, path)}`);
    }
  }
  if (check && stale.length > 0) {
    console.error(`generate: stale generated files (run \`npm run generate\` and commit them): ${stale.join(', ')}`);
    return 1;
  }
  if (!check) console.log(`generate: ${files.size} files up to date in ${relative(ROOT, OUT)}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
