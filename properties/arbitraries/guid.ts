/**
 * Guids a caller may send: its own current one, none, a malformed one, another agent's, or an expired one (issued
 * to an earlier session of the same agent). Only `own` is accepted (EN/cec_07_0005: the gateway compares the Guid
 * with the one it issued).
 */
import * as fc from 'fast-check';
import type { AuthCheck } from '../../src/domain/decision.ts';

/** Which Guid a call carries. */
export type GuidKind = 'own' | 'missing' | 'malformed' | 'other-agent' | 'expired';

export const GUID_KINDS: readonly GuidKind[] = ['own', 'missing', 'malformed', 'other-agent', 'expired'];

/**
 * A Guid kind, `own` most often (most calls of a real client carry their own Guid); `foreignShare` is the share of the others (default 0.4).
 */
export function guidKindArb(foreignShare = 0.4): fc.Arbitrary<GuidKind> {
  const foreign = Math.round(foreignShare * 100);
  return fc.oneof({ weight: 100 - foreign, arbitrary: fc.constant<GuidKind>('own') }, { weight: foreign, arbitrary: fc.constantFrom<GuidKind>('missing', 'malformed', 'other-agent', 'expired') });
}

/** A Guid kind other than the caller's own. */
export function foreignGuidKindArb(): fc.Arbitrary<Exclude<GuidKind, 'own'>> {
  return fc.constantFrom('missing', 'malformed', 'other-agent', 'expired');
}

/**
 * Header values no gateway issued: free text, well-formed Guids that were never issued, the whole `JSESSIONID=…`
 * cookie form, and a Guid with another node suffix. All are valid HTTP header values (printable ASCII).
 */
export function malformedGuidArb(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('not-a-guid', '0', 'null', 'undefined', 'JSESSIONID='),
    fc.uuid().map((u) => `${u}.AgentGateway0`),
    fc.uuid().map((u) => `JSESSIONID=${u}.AgentGateway0`),
    fc.uuid().map((u) => `${u}.AgentGateway9`),
    fc.uuid(),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== ''),
  );
}

/** How the gateway's Guid check sees a kind: only the caller's own current Guid is valid. */
export function authCheckOf(kind: GuidKind): AuthCheck {
  if (kind === 'own') return 'valid';
  if (kind === 'missing') return 'missing';
  return 'mismatch';
}
