/**
 * Fixtures for k6: the project's runtime-neutral parser (`src/fixtures/parse-fixtures.ts`: schema validation,
 * range expansion, duplicate IDs, the profile's ID range, password references), with files read by k6's `open()`
 * in the init context. A password never appears in an error message.
 */
import type { AgentAccount, Profile } from '../../src/domain/index.ts';
import { FixturesError, parseFixturesText as parseShared } from '../../src/fixtures/parse-fixtures.ts';

/** A fixtures document that cannot be used (the shared parser's error). */
export { FixturesError as LoadFixturesError };

/** What parsing needs besides the text. */
export interface FixturesInput {
  /** For messages: the path. */
  readonly source: string;
  /** For `{ env }` passwords (k6: `__ENV`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads a secrets file; relative paths are resolved against the fixtures file's directory. */
  readonly readText: (path: string) => string;
  readonly profile: Profile;
  /** Upper bound on the number of accounts (default 100,000). */
  readonly maxAccounts?: number;
}

/** The parsed accounts and the document's name. */
export interface LoadFixtures {
  readonly name: string;
  readonly accounts: readonly AgentAccount[];
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/**
 * Parses, validates and expands a fixtures document.
 *
 * @throws LoadFixturesError naming the source, the field and the fix.
 */
export function parseFixturesText(text: string, input: FixturesInput): LoadFixtures {
  const { name, accounts } = parseShared(text, {
    source: input.source,
    env: input.env,
    readText: input.readText,
    baseDir: dirOf(input.source),
    profile: input.profile,
    maxAccounts: input.maxAccounts ?? 100_000,
  });
  return { name, accounts };
}
