import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPasswords } from '../../src/bundle/password-scan.ts';
import { comparePacts, readPact } from '../pact-file.ts';
import { COMMITTED_PACT, CONSUMER, PACT_DIR, PACT_UPDATE_ENV, PROVIDER, REPO_ROOT, SCRATCH_PACT } from '../pact-names.ts';

// Runs after every other consumer file (see freshness-last-sequencer.ts).
const shown = (path: string) => relative(REPO_ROOT, path);
const updating = process.env[PACT_UPDATE_ENV] === '1';
const rerunAll = `run all consumer tests: npx vitest run --config contracts/vitest.consumer.config.ts`;

describe('the pact the consumer tests wrote', () => {
  it('exists', () => {
    expect(existsSync(SCRATCH_PACT), `the consumer tests wrote no pact to ${shown(SCRATCH_PACT)}; ${rerunAll}`).toBe(true);
  });

  it('names the consumer, the provider and Pact specification 4.0', () => {
    const pact = readPact(SCRATCH_PACT, rerunAll);

    expect(pact.consumer?.name).toBe(CONSUMER);
    expect(pact.provider?.name).toBe(PROVIDER);
    expect((pact.metadata?.['pactSpecification'] as { version?: string } | undefined)?.version).toBe('4.0');
  });

  it('gives every interaction a case id and exactly one provider state', () => {
    const interactions = readPact(SCRATCH_PACT, rerunAll).interactions ?? [];

    const bad = interactions.filter((i) => typeof i.comments?.caseId !== 'string' || i.providerStates?.length !== 1).map((i) => i.description);

    expect(bad, 'interactions without comment({ key: "caseId" }) or without exactly one .given(...)').toEqual([]);
  });

  it('holds no password, only placeholders', () => {
    const pact = readPact(SCRATCH_PACT, rerunAll);

    expect(findPasswords(pact), 'password-like values at these paths; use the placeholder "********" with fromProviderState').toEqual([]);
  });
});

describe('the committed pact', () => {
  it(`is what the consumer tests write (when it is not: run npm run pact:update and commit ${shown(COMMITTED_PACT)})`, () => {
    // Arrange
    const fresh = readPact(SCRATCH_PACT, rerunAll);
    if (updating) {
      mkdirSync(PACT_DIR, { recursive: true });
      copyFileSync(SCRATCH_PACT, COMMITTED_PACT);
    }
    expect(existsSync(COMMITTED_PACT), `there is no committed pact at ${shown(COMMITTED_PACT)}; run npm run pact:update and commit it`).toBe(true);

    // Act
    const differences = comparePacts(fresh, readPact(COMMITTED_PACT));

    // Assert
    expect(
      differences,
      `${shown(COMMITTED_PACT)} is stale: the consumer tests now write ${shown(SCRATCH_PACT)}, which differs:\n  ${differences.join('\n  ')}\n` +
        `run npm run pact:update and commit the pact (if you ran only some consumer tests, ${rerunAll})`,
    ).toEqual([]);
  });
});
