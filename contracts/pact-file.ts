/**
 * Comparing two pact files for the staleness check: both are normalised (volatile metadata such as the pact-js and
 * Pact core versions dropped, interactions in description order, keys sorted) and compared interaction by
 * interaction, so the message says which interactions were added, removed or changed.
 */
import { readFileSync } from 'node:fs';

/** A parsed pact document (only what the comparison reads is typed). */
export interface PactDocument {
  readonly consumer?: { readonly name?: string };
  readonly provider?: { readonly name?: string };
  readonly interactions?: readonly PactInteraction[];
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** One interaction of a pact. */
export interface PactInteraction {
  readonly description: string;
  readonly providerStates?: readonly { readonly name: string; readonly params?: Readonly<Record<string, unknown>> }[];
  readonly comments?: { readonly caseId?: string; readonly text?: readonly string[]; readonly [key: string]: unknown };
  readonly request?: { readonly method?: string; readonly path?: string; readonly [key: string]: unknown };
  readonly response?: { readonly status?: number; readonly body?: { readonly content?: unknown }; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** Metadata entries that change with the tool versions, not with the contract. */
const VOLATILE_METADATA = ['pact-js', 'pactRust', 'pact-jvm', 'pactJs'];

/** Reads and parses a pact file; the error names the file and the fix. */
export function readPact(path: string, fix = 'run npm run pact:update'): PactDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`the pact ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}); ${fix}`);
  }
  try {
    const doc = JSON.parse(text) as unknown;
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a JSON object');
    return doc as PactDocument;
  } catch (e) {
    throw new Error(`the pact ${path} is not a pact (${(e as Error).message}); ${fix}`);
  }
}

/** The pact without volatile metadata, interactions sorted by description, every object's keys sorted. */
export function normalisePact(pact: PactDocument): PactDocument {
  const metadata = { ...(pact.metadata ?? {}) };
  for (const key of VOLATILE_METADATA) delete metadata[key];
  const interactions = [...(pact.interactions ?? [])].sort((a, b) => (a.description < b.description ? -1 : a.description > b.description ? 1 : 0));
  return sortKeys({ ...pact, metadata, interactions }) as PactDocument;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * The differences between a freshly written pact and the committed one, one line each; empty when they agree
 * after normalisation.
 */
export function comparePacts(fresh: PactDocument, committed: PactDocument): string[] {
  const a = normalisePact(fresh);
  const b = normalisePact(committed);
  const lines: string[] = [];
  const byDescription = (p: PactDocument) => new Map((p.interactions ?? []).map((i) => [i.description, i]));
  const freshOnes = byDescription(a);
  const committedOnes = byDescription(b);
  for (const [description, interaction] of freshOnes) {
    const old = committedOnes.get(description);
    if (old === undefined) {
      lines.push(`added: ${JSON.stringify(description)}`);
      continue;
    }
    const parts = [...new Set([...Object.keys(interaction), ...Object.keys(old)])].filter((k) => JSON.stringify(interaction[k]) !== JSON.stringify(old[k]));
    if (parts.length > 0) lines.push(`changed: ${JSON.stringify(description)} (${parts.join(', ')})`);
  }
  for (const description of committedOnes.keys()) if (!freshOnes.has(description)) lines.push(`removed: ${JSON.stringify(description)}`);
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (key !== 'interactions' && JSON.stringify(a[key]) !== JSON.stringify(b[key])) lines.push(`changed: ${key}`);
  }
  return lines;
}
