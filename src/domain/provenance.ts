/**
 * Where a rule comes from: a sentence of a document, or an assumption of the harness.
 * Every rule, retcode choice and timing constant in `src/domain` carries one.
 */

/** A rule stated by a document. `source` uses the abbreviations of the OpenAPI description (EN/x, ZH/x, DEVEN/x). */
export interface Documented {
  readonly kind: 'documented';
  readonly source: string;
  /** The sentence the rule comes from, paraphrased closely. */
  readonly says: string;
}

/** A rule the harness assumes; a profile setting makes it configurable where candidates exist. */
export interface Inferred {
  readonly kind: 'inferred';
  /** Why this is the chosen answer. */
  readonly reason: string;
  /** A related document, if any. */
  readonly basis?: string;
}

export type Provenance = Documented | Inferred;

/** A documented rule. */
export function documented(source: string, says: string): Documented {
  return { kind: 'documented', source, says };
}

/** An inferred rule. */
export function inferred(reason: string, basis?: string): Inferred {
  return basis === undefined ? { kind: 'inferred', reason } : { kind: 'inferred', reason, basis };
}

/** One line of prose for reports and the vendor bundle. */
export function describeProvenance(p: Provenance): string {
  if (p.kind === 'documented') return `documented in ${p.source}: "${p.says}"`;
  return `inferred: ${p.reason}${p.basis ? ` (see ${p.basis})` : ''}`;
}
