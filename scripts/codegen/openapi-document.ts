/** Loads the OpenAPI contract and gives typed access to the parts the generators read. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Absolute path of the contract, `openapi/ccgw-agentgateway.yaml`. */
export const OPENAPI_PATH = fileURLToPath(new URL('../../openapi/ccgw-agentgateway.yaml', import.meta.url));

/** The subset of an OpenAPI 3.1 document that the generators rely on. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema>; parameters?: Record<string, OpenApiParameter> };
  'x-ccgw-retcode-catalogue': { codes: RetcodeCatalogueEntry[] };
}

export type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: JsonSchema;
  $ref?: string;
}

export interface OpenApiOperation {
  operationId: string;
  summary?: string;
  security?: unknown[];
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }>; $ref?: string }>;
  'x-ccgw-log-name': string;
  'x-ccgw-source': string;
  'x-ccgw-retcodes': OperationRetcode[];
  'x-ccgw-triggered-events': TriggeredEvent[];
}

/** One retcode an operation may answer, with whether the documents say so. */
export interface OperationRetcode {
  code: string;
  status: 'documented' | 'general' | 'inferred';
  source: string;
  when: string;
}

/** One event an operation triggers, and who receives it. */
export interface TriggeredEvent {
  eventType: string;
  to: 'self' | 'inspector' | 'target';
  status: 'documented' | 'inferred';
  source: string;
  when?: string;
}

export interface RetcodeCatalogueEntry {
  code: string;
  family: string;
  confidence: 'H' | 'M';
  source: string;
  meaning: string;
}

/** An operation together with its method and path. */
export interface LocatedOperation extends OpenApiOperation {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
}

const METHODS = ['get', 'put', 'post', 'delete'] as const;

/** Reads and parses the contract (YAML). */
export async function loadOpenApiDocument(path = OPENAPI_PATH): Promise<OpenApiDocument> {
  const doc = parse(await readFile(path, 'utf8')) as OpenApiDocument;
  if (!doc || typeof doc !== 'object' || !doc.paths || !doc.components?.schemas) {
    throw new Error(`${path} is not an OpenAPI document with paths and components.schemas`);
  }
  return doc;
}

/** Every operation of the document in document order, with parameter references resolved. */
export function listOperations(doc: OpenApiDocument): LocatedOperation[] {
  const out: LocatedOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters = (op.parameters ?? []).map((p) => resolveParameter(doc, p));
      out.push({ ...op, parameters, method: method.toUpperCase() as LocatedOperation['method'], path });
    }
  }
  return out;
}

function resolveParameter(doc: OpenApiDocument, p: OpenApiParameter): OpenApiParameter {
  if (!p.$ref) return p;
  const name = p.$ref.replace('#/components/parameters/', '');
  const resolved = doc.components.parameters?.[name];
  if (!resolved) throw new Error(`parameter reference ${p.$ref} does not resolve; define it under components.parameters`);
  return resolved;
}

/** The component schema name behind an operation's JSON response for `status`, e.g. `AddInsertResponse`. */
export function responseSchemaName(op: OpenApiOperation, status = '200'): string {
  const schema = op.responses[status]?.content?.['application/json']?.schema;
  const ref = schema?.['$ref'];
  if (typeof ref !== 'string') {
    throw new Error(`operation ${op.operationId}: response ${status} must reference a component schema ($ref), found ${JSON.stringify(schema)}`);
  }
  return ref.replace('#/components/schemas/', '');
}

/** The component schema name behind an operation's JSON request body, or undefined when it has none. */
export function requestSchemaName(op: OpenApiOperation): string | undefined {
  const schema = op.requestBody?.content['application/json']?.schema;
  if (!schema) return undefined;
  const ref = schema['$ref'];
  if (typeof ref !== 'string') throw new Error(`operation ${op.operationId}: request body must reference a component schema`);
  return ref.replace('#/components/schemas/', '');
}
