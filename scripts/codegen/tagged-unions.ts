/**
 * Rewrites the tagged unions of a JSON Schema document for faster validators, without changing any verdict.
 *
 * A tagged union is an `anyOf` whose branches are objects told apart by one property's `const` (AgentEvent by
 * `eventType`), optionally followed by one catch-all branch that excludes every one of those constants with
 * `not: { enum }` (UnlistedEvent). ajv validates an `anyOf` branch after branch, building an error object for each
 * failed one: the 13th event type costs twelve failed branches. The rewrite checks the tag once against the listed
 * constants (`if` … `enum`), then lets ajv's `discriminator` keyword pick the one branch the tag names (a `switch`
 * in the generated code); other data goes to the catch-all (`else`), or fails when there is none. The errors are then
 * the named branch's, not the first branch's "must be equal to constant". (A chain of one `if` per branch is no
 * cheaper: each `if` costs ajv about as much as a failed branch.)
 *
 * Same verdicts: data whose tag is the constant of branch i can only pass branch i under the `anyOf` (every other
 * tagged branch wants another constant, the catch-all excludes it), and the discriminator checks exactly branch i;
 * any other data fails every tagged branch under the `anyOf`, and the rewrite hands it to the catch-all.
 */
import type { JsonSchema } from './openapi-document.ts';

const ANNOTATIONS = new Set(['description', 'title', '$comment']);

interface Tagged {
  readonly branch: JsonSchema;
  readonly value: string;
}

function resolve(defs: Readonly<Record<string, JsonSchema>>, schema: JsonSchema): JsonSchema | undefined {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const m = /^#\/\$defs\/([^/]+)$/.exec(ref);
  return m ? defs[m[1]!] : undefined;
}

function propertyOf(schema: JsonSchema, name: string): JsonSchema | undefined {
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  const required = schema['required'] as string[] | undefined;
  return schema['type'] === 'object' && required?.includes(name) ? properties?.[name] : undefined;
}

/** The tag property and the branches of `schema`'s anyOf, when it is a tagged union; undefined otherwise. */
export function taggedUnionOf(defs: Readonly<Record<string, JsonSchema>>, schema: JsonSchema): { tag: string; tagged: Tagged[]; rest: JsonSchema | undefined } | undefined {
  const branches = schema['anyOf'];
  if (!Array.isArray(branches) || branches.length < 2) return undefined;
  if (Object.keys(schema).some((k) => k !== 'anyOf' && !ANNOTATIONS.has(k))) return undefined;
  const first = resolve(defs, branches[0] as JsonSchema);
  const firstProps = first?.['properties'] as Record<string, JsonSchema> | undefined;
  const tag = Object.keys(firstProps ?? {}).find((name) => typeof propertyOf(first!, name)?.['const'] === 'string');
  if (tag === undefined) return undefined;
  const tagged: Tagged[] = [];
  let rest: JsonSchema | undefined;
  for (const [i, branch] of (branches as JsonSchema[]).entries()) {
    const resolved = resolve(defs, branch);
    const property = resolved ? propertyOf(resolved, tag) : undefined;
    if (property === undefined) return undefined;
    const value = property['const'];
    if (typeof value === 'string') {
      if (tagged.some((t) => t.value === value)) return undefined;
      tagged.push({ branch, value });
      continue;
    }
    const excluded = (property['not'] as JsonSchema | undefined)?.['enum'];
    if (i !== branches.length - 1 || !Array.isArray(excluded)) return undefined;
    rest = branch;
  }
  if (rest !== undefined) {
    const excluded = (propertyOf(resolve(defs, rest)!, tag)!['not'] as JsonSchema)['enum'] as unknown[];
    if (!tagged.every((t) => excluded.includes(t.value))) return undefined;
  }
  return { tag, tagged, rest };
}

function dispatch(tag: string, tagged: readonly Tagged[], rest: JsonSchema | undefined): JsonSchema {
  return {
    if: { type: 'object', required: [tag], properties: { [tag]: { enum: tagged.map((t) => t.value) } } },
    then: { type: 'object', discriminator: { propertyName: tag }, oneOf: tagged.map((t) => t.branch) },
    else: rest ?? false,
  };
}

/**
 * The `$defs` with every top-level tagged union rewritten as a dispatch on its tag; the other schemas as they are.
 * The validators must be compiled with ajv's `discriminator: true` option.
 */
export function dispatchTaggedUnions(defs: Readonly<Record<string, JsonSchema>>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(defs)) {
    const union = taggedUnionOf(defs, schema);
    if (!union) {
      out[name] = schema;
      continue;
    }
    const annotations = Object.fromEntries(Object.entries(schema).filter(([k]) => ANNOTATIONS.has(k)));
    out[name] = { ...annotations, ...dispatch(union.tag, union.tagged, union.rest) };
  }
  return out;
}
