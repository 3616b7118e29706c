/**
 * Routing built from the contract's operations table: a path and method find an operation and its path
 * parameters; a known path with another method is 405 (with the methods that exist); anything else is 404.
 */
import { operations, type OperationId } from '../generated/contract.ts';

type Segment = { readonly literal: string } | { readonly param: string };

interface Route {
  readonly operationId: OperationId;
  readonly method: string;
  readonly segments: readonly Segment[];
  readonly literals: number;
}

export type RouteMatch =
  | { readonly kind: 'match'; readonly operationId: OperationId; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'method-not-allowed'; readonly allow: readonly string[] }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'bad-encoding'; readonly segment: string };

const ROUTES: readonly Route[] = Object.values(operations)
  .map((op): Route => {
    const segments = op.path
      .split('/')
      .slice(1)
      .map((s): Segment => (s.startsWith('{') ? { param: s.slice(1, -1) } : { literal: s }));
    return { operationId: op.operationId, method: op.method, segments, literals: segments.filter((s) => 'literal' in s).length };
  })
  .sort((a, b) => b.literals - a.literals);

const CACHE_LIMIT = 10_000;

/**
 * {@link matchRoute} with its answers cached, one per mock (a load test repeats the same few thousand paths). The
 * cache is cleared when it grows past 10,000 entries, so random paths cannot make it grow without bound.
 */
export class Router {
  /** Answers by method, then by raw path: two lookups of strings the parser made, no key built per request. */
  readonly #byMethod = new Map<string, Map<string, RouteMatch>>();
  #cached = 0;

  match(method: string, pathname: string): RouteMatch {
    let byPath = this.#byMethod.get(method);
    let match = byPath?.get(pathname);
    if (match === undefined) {
      if (this.#cached >= CACHE_LIMIT) {
        this.#byMethod.clear();
        this.#cached = 0;
        byPath = undefined;
      }
      if (byPath === undefined) this.#byMethod.set(method, (byPath = new Map()));
      match = matchRoute(method, pathname);
      byPath.set(pathname, match);
      this.#cached++;
    }
    return match;
  }
}

/**
 * Finds the operation for a request. `pathname` is the raw path (percent-encoded, without the query).
 *
 * A path that matches nothing as sent is tried once more without one trailing `/`: the gateway is a RESTEasy (JAX-RS)
 * application, and JAX-RS matches a resource method when what follows its template is empty or a single `/` (JSR 339
 * §3.7.2–3.7.3; `docs/mock-gateway.md`). So `…/addinsert/30201/` is addinsert, `…/addinsert/30201//` is 404. A path
 * that matches as sent keeps its match (`…/addinsert/` is addinsert with an empty workNo, which the rules answer).
 */
export function matchRoute(method: string, pathname: string): RouteMatch {
  const asSent = matchSegments(method, pathname);
  if (asSent.kind !== 'not-found' || pathname.length <= 1 || !pathname.endsWith('/')) return asSent;
  return matchSegments(method, pathname.slice(0, -1));
}

function matchSegments(method: string, pathname: string): RouteMatch {
  const raw = pathname.split('/').slice(1);
  const allow = new Set<string>();
  for (const route of ROUTES) {
    if (route.segments.length !== raw.length) continue;
    let params: Record<string, string> | undefined = {};
    for (let i = 0; i < raw.length; i++) {
      const seg = route.segments[i]!;
      if ('literal' in seg) {
        if (seg.literal !== raw[i]) {
          params = undefined;
          break;
        }
      } else {
        try {
          params[seg.param] = decodeURIComponent(raw[i]!);
        } catch {
          return { kind: 'bad-encoding', segment: raw[i]! };
        }
      }
    }
    if (!params) continue;
    if (route.method === method) return { kind: 'match', operationId: route.operationId, params };
    allow.add(route.method);
  }
  return allow.size > 0 ? { kind: 'method-not-allowed', allow: [...allow].sort() } : { kind: 'not-found' };
}
