/**
 * The pact files the bundle carries: every `*.json` directly in the pact directory (by default `contracts/pacts/`),
 * in byte order of their names, copied verbatim. Each must parse as JSON and hold no password-like value.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BundleError, MissingPactError, PasswordInBundleError } from './errors.ts';
import { findPasswords } from './password-scan.ts';

/** One pact file as read, with the facts the README and VERSIONS.txt state about it. */
export interface PactFile {
  /** The file name, e.g. `ccgw-harness-cc-gateway.json`. */
  readonly name: string;
  /** The file's bytes, unchanged. */
  readonly bytes: Buffer;
  /** `metadata.pactSpecification.version`, or undefined when the file does not state it. */
  readonly specification: string | undefined;
  readonly consumer: string | undefined;
  readonly provider: string | undefined;
  readonly interactions: number;
  /** The distinct provider-state names of its interactions, in first-seen order. */
  readonly providerStates: readonly string[];
  /** Every interaction that starts from a provider state: the state, its parameters and the interaction's description. */
  readonly stateUses: readonly StateUse[];
}

/** One interaction's provider state, as the verifier sends it to the state-change service. */
export interface StateUse {
  readonly state: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly description: string;
}

/**
 * Reads the pact files of `dir`. Returns `[]` when there is none and `allowMissing` is set.
 *
 * @param dir absolute path of the pact directory
 * @param shown how the directory is named in messages, e.g. `contracts/pacts/`
 * @throws MissingPactError when there is no pact file and `allowMissing` is not set
 * @throws BundleError when a file is not JSON
 * @throws PasswordInBundleError when a file holds a password-like value
 */
export async function readPactFiles(dir: string, shown: string, { allowMissing = false } = {}): Promise<PactFile[]> {
  const names = (await listJson(dir)).sort(byBytes);
  if (names.length === 0) {
    if (allowMissing) return [];
    throw new MissingPactError(shown);
  }
  const pacts: PactFile[] = [];
  for (const name of names) {
    const bytes = await readFile(join(dir, name));
    pacts.push(describePact(name, bytes, `${shown}${name}`));
  }
  const findings = pacts.flatMap((p) => findPasswords(JSON.parse(p.bytes.toString('utf8'))).map((path) => ({ file: `${shown}${p.name}`, path })));
  if (findings.length > 0) throw new PasswordInBundleError(findings);
  return pacts;
}

/** Parses one pact file's bytes and reads its facts. `shown` names the file in errors. */
export function describePact(name: string, bytes: Buffer, shown: string): PactFile {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new BundleError(`${shown} is not valid JSON (${(e as Error).message}); delete it and run npm run pact:update to write it again`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new BundleError(`${shown} is not a pact (its JSON is not an object); delete it and run npm run pact:update to write it again`);
  }
  const pact = doc as Record<string, unknown>;
  const interactions = Array.isArray(pact['interactions']) ? (pact['interactions'] as unknown[]) : [];
  const states: string[] = [];
  const stateUses: StateUse[] = [];
  for (const interaction of interactions) {
    for (const use of stateUsesOf(interaction)) {
      if (!states.includes(use.state)) states.push(use.state);
      stateUses.push(use);
    }
  }
  return {
    name,
    bytes,
    specification: stringAt(pact, ['metadata', 'pactSpecification', 'version']),
    consumer: stringAt(pact, ['consumer', 'name']),
    provider: stringAt(pact, ['provider', 'name']),
    interactions: interactions.length,
    providerStates: states,
    stateUses,
  };
}

async function listJson(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => e.name);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

function stateUsesOf(interaction: unknown): StateUse[] {
  if (interaction === null || typeof interaction !== 'object') return [];
  const i = interaction as Record<string, unknown>;
  const description = typeof i['description'] === 'string' ? i['description'] : '';
  if (typeof i['providerState'] === 'string') return [{ state: i['providerState'], params: {}, description }]; // Pact V2
  if (!Array.isArray(i['providerStates'])) return [];
  return (i['providerStates'] as unknown[]).flatMap((s) => {
    if (s === null || typeof s !== 'object' || typeof (s as { name?: unknown }).name !== 'string') return [];
    const { name, params } = s as { name: string; params?: unknown };
    return [{ state: name, params: params !== null && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, unknown>) : {}, description }];
  });
}

function stringAt(value: unknown, path: readonly string[]): string | undefined {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node : undefined;
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
