/**
 * Turning the generated validator's errors into a few lines that name the field and the value found.
 * The contract's responses are `anyOf` unions (success | failure; one branch per event type), so ajv reports a
 * failure for every branch. The summary keeps what points at the real fault:
 * - combinator errors (`anyOf`, `oneOf`, `not`) are dropped;
 * - errors on the discriminators (`/retcode`, `/event/eventType`) are dropped when other errors remain, since they
 *   only say that the body is not one of the other branches;
 * - an error is dropped when another one points inside it (the more specific one wins);
 * - one line per path remains, with the value found there.
 */
import type { ContractViolation } from './errors.ts';

const COMBINATORS = new Set(['anyOf', 'oneOf', 'not', 'if']);
const DISCRIMINATORS = new Set(['/retcode', '/event/eventType']);

/** One line per relevant validator error. */
export function summarizeViolations(violations: readonly ContractViolation[], body: unknown): string[] {
  let relevant = violations.filter((v) => !COMBINATORS.has(v.keyword));
  if (relevant.length === 0) relevant = [...violations];
  const beyondDiscriminators = relevant.filter((v) => !DISCRIMINATORS.has(v.instancePath));
  if (beyondDiscriminators.length > 0) relevant = beyondDiscriminators;
  relevant = relevant.filter((v) => !relevant.some((o) => o.instancePath.startsWith(`${v.instancePath}/`)));
  const lines: string[] = [];
  const seenPaths = new Set<string>();
  for (const v of relevant) {
    if (seenPaths.has(v.instancePath)) continue;
    seenPaths.add(v.instancePath);
    lines.push(`${v.instancePath === '' ? '(body)' : v.instancePath} ${v.message}${detail(v)} (got ${show(valueAt(body, v.instancePath))})`);
  }
  return lines;
}

function detail(v: ContractViolation): string {
  const p = v.params;
  if (v.keyword === 'enum' && Array.isArray(p['allowedValues'])) return `: ${p['allowedValues'].map((x) => JSON.stringify(x)).join(', ')}`;
  if (v.keyword === 'const' && 'allowedValue' in p) return ` ${JSON.stringify(p['allowedValue'])}`;
  return '';
}

/** The value at a JSON pointer (RFC 6901), or undefined. */
export function valueAt(body: unknown, pointer: string): unknown {
  if (pointer === '') return body;
  let current: unknown = body;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
