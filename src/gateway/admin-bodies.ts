/**
 * The admin API's request bodies: their types (src/shared/admin-api.ts; the JSON Schemas in `admin-schemas/` are the
 * source, compiled by `npm run generate` into `src/generated/admin-validators.js`) and the check that turns a schema
 * error into a message naming the field, its value and the bound.
 */
import type { ValidationError, Validator } from '../generated/admin-validators.js';

export type { AgentStateBody, BulkSignInBody, FaultSetting, FaultsBody, ResetBody } from '../shared/admin-api.ts';

/** A body outside its schema; the message names the call, the field, the value and the bound. */
export class AdminBodyError extends Error {
  override readonly name = 'AdminBodyError';
}

/** Returns `body` typed when it passes `validate`. @throws AdminBodyError */
export function checkedBody<T>(validate: Validator<T>, body: unknown, call: string): T {
  if (validate(body)) return body;
  const first = validate.errors?.[0];
  throw new AdminBodyError(`${call}: ${first ? describe(first, body) : 'the body is invalid'} (see src/gateway/admin-schemas/ and docs/mock-gateway.md)`);
}

function describe(e: ValidationError, body: unknown): string {
  const field = fieldName(e.instancePath);
  const value = show(valueAt(body, e.instancePath));
  switch (e.keyword) {
    case 'additionalProperties':
      return `${field === '' ? 'the body' : field} has an unknown property ${JSON.stringify(e.params['additionalProperty'])}`;
    case 'required':
      return `${field === '' ? 'the body' : field} is missing ${JSON.stringify(e.params['missingProperty'])}`;
    case 'dependentRequired':
      return `${JSON.stringify(e.params['property'])} needs ${JSON.stringify(e.params['missingProperty'])} too`;
    case 'enum':
      return `${field} ${value} must be one of ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      if (field === '') return `the body must be a JSON object, not ${value}`;
      return `${field} ${value} must be ${e.params['type'] === 'integer' ? 'an integer' : `of type ${String(e.params['type'])}`}`;
    case 'maxItems':
      return `${field} has more than ${String(e.params['limit'])} items`;
    default:
      return `${field} ${value} ${e.message ?? 'is invalid'}`;
  }
}

/** `/faults/0/rate` → `"faults[0].rate"`. */
function fieldName(instancePath: string): string {
  if (instancePath === '') return '';
  const name = instancePath
    .slice(1)
    .split('/')
    .map((part, i) => (/^[0-9]+$/.test(part) ? `[${part}]` : `${i === 0 ? '' : '.'}${part.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('');
  return JSON.stringify(name);
}

function valueAt(body: unknown, instancePath: string): unknown {
  let node = body;
  for (const part of instancePath.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** A short rendering of a value (numbers as JavaScript reads them: `1e400` is `Infinity`). */
function show(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
