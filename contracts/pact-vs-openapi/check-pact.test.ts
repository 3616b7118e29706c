import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPact } from '../pact-file.ts';
import { COMMITTED_PACT, OPENAPI_FILE } from '../pact-names.ts';
import { checkPactAgainstOpenApi, EXPECTED_WARNINGS } from './check-pact.ts';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccgw-wrong-pact-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The parts of an interaction the tests below edit. */
interface EditableInteraction {
  description: string;
  request: { path: string; headers: Record<string, unknown> };
  response: { body: { content: Record<string, unknown> } };
}

/** A copy of the committed pact with one interaction edited, written to a scratch file. */
function wrongPact(name: string, description: string, edit: (i: EditableInteraction) => void): string {
  const pact = structuredClone(readPact(COMMITTED_PACT)) as unknown as { interactions: EditableInteraction[] };
  const interaction = pact.interactions.find((i) => i.description === description);
  if (!interaction) throw new Error(`the committed pact has no interaction ${JSON.stringify(description)}; update this test`);
  edit(interaction);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(pact));
  return path;
}

describe('the committed pact against openapi/ccgw-agentgateway.yaml (pact ⊆ OpenAPI)', () => {
  it('stays within the contract: no errors, and only the warnings the contract expects', async () => {
    // Act
    const result = await checkPactAgainstOpenApi({ pactFile: COMMITTED_PACT, specFile: OPENAPI_FILE });

    // Assert
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.warnings.filter((w) => !(w.code in EXPECTED_WARNINGS))).toEqual([]);
  });
});

describe('a deliberately wrong pact against the contract', () => {
  it('is rejected when a retcode is a number, naming the interaction and the field', async () => {
    // Arrange
    const pactFile = wrongPact('retcode-number', 'an addinsert into a signed-in agent of the same VDN', (i) => {
      i.response.body.content['retcode'] = 0;
    });

    // Act
    const result = await checkPactAgainstOpenApi({ pactFile, specFile: OPENAPI_FILE });

    // Assert
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual({
      code: 'response.body.incompatible',
      message: 'Response body is incompatible with the response body schema in the spec file: must be string',
      interaction: 'an addinsert into a signed-in agent of the same VDN',
      location: expect.stringMatching(/^\[root\]\.interactions\[[0-9]+\]\.response\.body\.retcode$/),
    });
  });

  it('is rejected when a retcode is not one the operation lists', async () => {
    const pactFile = wrongPact('retcode-unlisted', 'an addinsert by a busy inspector', (i) => {
      i.response.body.content['retcode'] = '900-009';
    });

    const result = await checkPactAgainstOpenApi({ pactFile, specFile: OPENAPI_FILE });

    expect(result.errors.map((e) => [e.code, e.interaction, e.message])).toContainEqual([
      'response.body.incompatible',
      'an addinsert by a busy inspector',
      'Response body is incompatible with the response body schema in the spec file: must be equal to one of the allowed values',
    ]);
  });

  it('is rejected when a request goes to a path the contract does not have', async () => {
    const pactFile = wrongPact('unknown-path', 'a cancel without a barge in progress', (i) => {
      i.request.path = '/agentgateway/resource/qualitycontrol/30101/cancel/30201';
    });

    const result = await checkPactAgainstOpenApi({ pactFile, specFile: OPENAPI_FILE });

    expect(result.errors).toContainEqual(
      expect.objectContaining({ code: 'request.path-or-method.unknown', interaction: 'a cancel without a barge in progress' }),
    );
  });

  it('is rejected when a call that needs the Guid does not send it', async () => {
    const pactFile = wrongPact('no-guid', "the inspector's first event poll after the barge", (i) => {
      delete i.request.headers['Guid'];
    });

    const result = await checkPactAgainstOpenApi({ pactFile, specFile: OPENAPI_FILE });

    expect(result.errors).toContainEqual(expect.objectContaining({ code: 'request.authorization.missing', interaction: "the inspector's first event poll after the barge" }));
  });
});
