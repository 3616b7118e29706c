/**
 * Request paths built from the generated `operations` table (method + path template + query parameters), never from
 * hand-written strings. Path IDs are percent-encoded with `encodeURIComponent`, so malformed IDs (which contract
 * tests send on purpose) reach the gateway as one path segment.
 */
import { operations, type OperationId } from '../generated/contract.ts';

/** The path parameters an operation's template names (`agentid`, `workNo`). */
export type PathParamsOf<Op extends OperationId> = { readonly [K in (typeof operations)[Op]['pathParams'][number]]: string };

/** The query parameters an operation accepts; undefined ones are left out. */
export type QueryOf<Op extends OperationId> = { readonly [K in (typeof operations)[Op]['queryParams'][number]]?: string | number | boolean };

/** The HTTP method of an operation, from the contract. */
export type MethodOf<Op extends OperationId> = (typeof operations)[Op]['method'];

/**
 * The method and path (with query string) of one call. Throws a TypeError naming a missing or non-string path
 * parameter, or a query parameter the contract does not list for the operation.
 */
export function operationPath<Op extends OperationId>(
  operationId: Op,
  pathParams: PathParamsOf<Op>,
  query?: QueryOf<Op>,
): { method: MethodOf<Op>; path: string } {
  const def = operations[operationId];
  if (def === undefined) throw new TypeError(`unknown operationId ${JSON.stringify(operationId)}; use one of ${Object.keys(operations).join(', ')}`);
  const values = pathParams as Readonly<Record<string, unknown>>;
  const path = def.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (typeof value !== 'string') {
      throw new TypeError(`${operationId} needs the path parameter ${name} as a string (an agent ID such as "30170"), got ${describe(value)}`);
    }
    return encodeURIComponent(value);
  });
  return { method: def.method as MethodOf<Op>, path: path + queryString(operationId, query) };
}

function queryString(operationId: OperationId, query: Readonly<Record<string, unknown>> | undefined): string {
  if (query === undefined) return '';
  const allowed: readonly string[] = operations[operationId].queryParams;
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (!allowed.includes(name)) {
      const listed = allowed.length === 0 ? 'none' : allowed.join(', ');
      throw new TypeError(`${operationId} has no query parameter ${JSON.stringify(name)}; the contract lists: ${listed}`);
    }
    if (value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new TypeError(`${operationId} query parameter ${name} must be a string, number or boolean, got ${describe(value)}`);
    }
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : `${typeof value} ${JSON.stringify(value) ?? String(value)}`;
}
