/**
 * Generates ajv standalone validators for the contract's schemas, as one ESM module that imports nothing,
 * so that Node, vitest and k6 all load the same file.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import type { JsonSchema, OpenApiDocument } from './openapi-document.ts';
import { dispatchTaggedUnions } from './tagged-unions.ts';

type StandaloneCode = (ajv: Ajv2020, refsOrFunc?: Record<string, string>) => string;
// ajv's standalone entry is CommonJS with a default export; under NodeNext it arrives wrapped in `default`.
const standaloneCode: StandaloneCode =
  (standaloneCodeModule as unknown as { default?: StandaloneCode }).default ?? (standaloneCodeModule as unknown as StandaloneCode);

/** One validator to generate: its export name and the source of its schema. */
export interface ValidatorSpec {
  /** Export name, e.g. `validateAddInsertResponse`. */
  name: string;
  /** A component schema of the OpenAPI document, or a standalone JSON Schema with an `$id`. */
  schema: string | JsonSchema;
  /** The TypeScript type the validator narrows to, e.g. `components['schemas']['AddInsertResponse']`. */
  type: string;
}

const SCHEMA_ID = 'https://ccgw-harness.invalid/openapi.json';
const ANNOTATIONS_TO_DROP = new Set(['example', 'externalDocs', 'xml', 'discriminator']);

/**
 * Turns OpenAPI component schemas into one JSON Schema 2020-12 document with `$defs`, dropping `x-*` annotations.
 * Tagged unions (AgentEvent) become a dispatch on their tag for the validators' speed, with the same verdicts
 * (see `tagged-unions.ts`).
 */
export function toJsonSchemaDocument(doc: OpenApiDocument, options: { readonly dispatch?: boolean } = {}): JsonSchema {
  const defs = strip(doc.components.schemas) as Record<string, JsonSchema>;
  return {
    $id: SCHEMA_ID,
    $defs: options.dispatch === false ? defs : dispatchTaggedUnions(defs),
  };
}

/** The ajv instance the validators are compiled with (`source`: keep the code for the standalone module). */
export function validatorAjv(source = true, allErrors = false): Ajv2020 {
  return new Ajv2020({
    code: { source, esm: true, lines: true },
    strict: true,
    allowUnionTypes: true,
    allErrors,
    validateFormats: false,
    discriminator: true,
  });
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('x-') || ANNOTATIONS_TO_DROP.has(key)) continue;
    if (key === '$ref' && typeof inner === 'string') {
      out[key] = inner.replace('#/components/schemas/', '#/$defs/');
      continue;
    }
    out[key] = strip(inner);
  }
  return out;
}

/**
 * ajv's `maxLength`/`minLength` count code points with a runtime helper that standalone code `require`s.
 * The helper is ten lines without dependencies, so it is inlined: the module then imports nothing.
 */
const UCS2LENGTH_REQUIRE = 'require("ajv/dist/runtime/ucs2length").default';
const UCS2LENGTH_INLINE = `function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  while (pos < len) {
    length++;
    const value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}`;

function inlineRuntime(code: string): string {
  if (!code.includes(UCS2LENGTH_REQUIRE)) return code;
  const declaration = /const (func\d+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/;
  const match = declaration.exec(code);
  if (!match) throw new Error('ajv standalone output changed: cannot find the ucs2length import to inline');
  return code.replace(declaration, `const ${match[1]} = ucs2length;`) + '\n' + UCS2LENGTH_INLINE;
}

const DEFAULT_SOURCES = 'openapi/ccgw-agentgateway.yaml';

/**
 * Compiles the validators and returns the module text (`js`) and its declarations (`dts`). `sources` names the
 * schema files in the module's header; `allErrors` makes each validator report every error, not only the first
 * (documents people write: fixtures, config; gateway answers stop at the first).
 */
export function generateValidators(
  doc: OpenApiDocument,
  specs: ValidatorSpec[],
  extraSchemas: JsonSchema[] = [],
  sources = DEFAULT_SOURCES,
  { allErrors = false }: { readonly allErrors?: boolean } = {},
): { js: string; dts: string } {
  const ajv = validatorAjv(true, allErrors);
  ajv.addSchema(toJsonSchemaDocument(doc));
  for (const schema of extraSchemas) ajv.addSchema(schema);
  // ajv emits one function per export, so two exports of one schema would declare it twice: alias instead.
  const refs: Record<string, string> = {};
  const firstByRef = new Map<string, string>();
  const aliases: string[] = [];
  for (const spec of specs) {
    const ref = typeof spec.schema === 'string' ? `${SCHEMA_ID}#/$defs/${spec.schema}` : String(spec.schema['$id']);
    if (!ajv.getSchema(ref)) throw new Error(`validator ${spec.name}: schema ${ref} is not defined`);
    const first = firstByRef.get(ref);
    if (first) {
      aliases.push(`export const ${spec.name} = ${first};`);
      continue;
    }
    firstByRef.set(ref, spec.name);
    refs[spec.name] = ref;
  }
  const code = inlineRuntime(standaloneCode(ajv, refs)) + (aliases.length ? `\n${aliases.join('\n')}\n` : '');
  const leaks = code.match(/require\(|\bimport\s+[^;]*\sfrom\s/g);
  if (leaks) {
    throw new Error(`the generated validators import runtime modules (${leaks.join(', ')}); k6 cannot load them. Avoid keywords that need ajv's runtime (uniqueItems, format, object-valued const/enum).`);
  }
  const js = `// Generated by \`npm run generate\` from ${sources} with ajv standalone. Do not edit.\n// It imports nothing, so Node, vitest and k6 load the same module.\n${lazyModule(code.replace(/^"use strict";/, ''), specs.map((s) => s.name))}\n`;
  const dts = [
    '// Generated by `npm run generate`. Do not edit.',
    ...(specs.some((s) => s.type.includes('components[')) ? ["import type { components } from './openapi.ts';"] : []),
    '',
    '/** One ajv error: where in the data, which keyword failed, and why. */',
    'export interface ValidationError {',
    '  instancePath: string;',
    '  schemaPath: string;',
    '  keyword: string;',
    '  params: Record<string, unknown>;',
    '  message?: string;',
    '}',
    '',
    `/** A generated validator: a type guard that leaves ${allErrors ? 'every error' : 'its first error'} in \`errors\`. */`,
    'export interface Validator<T> {',
    '  (data: unknown): data is T;',
    '  errors?: ValidationError[] | null;',
    '}',
    '',
    ...specs.map((s) => `export declare const ${s.name}: Validator<${s.type}>;`),
    '',
    '/** Drops the validators built so far; the next call builds them again. */',
    'export declare function releaseValidators(): void;',
    '',
  ].join('\n');
  return { js, dts };
}

/**
 * ajv's module text made lazy: its validators and schema constants are built on the first call of any export, and
 * `releaseValidators()` drops them. k6 evaluates every imported module in every VU, which then holds only the small
 * wrappers (for the response and document validators, about 0.55 MB a VU less); the load library releases the response
 * validators while its verdict cache answers alone (`load/lib/verdicts.ts`).
 */
function lazyModule(code: string, names: readonly string[]): string {
  const body = code.replace(/^export const (\w+) = (\w+);$/gm, 'const $1 = $2;');
  const left = body.match(/^export\b.*$/m);
  if (left) throw new Error(`the validators module has an export the lazy wrapper does not handle: ${left[0]}`);
  return [
    'let built;',
    '',
    '/** Drops the validators built so far; the next call builds them again. */',
    'export function releaseValidators() {',
    '  built = undefined;',
    '}',
    '',
    'function lazy(name) {',
    '  const validate = function (data, options) {',
    '    built ??= build();',
    '    const real = built[name];',
    '    const valid = real(data, options);',
    '    validate.errors = real.errors;',
    '    return valid;',
    '  };',
    '  validate.errors = null;',
    '  return validate;',
    '}',
    '',
    ...names.map((name) => `export const ${name} = lazy('${name}');`),
    '',
    'function build() {',
    body.trim(),
    `return { ${names.join(', ')} };`,
    '}',
  ].join('\n');
}
