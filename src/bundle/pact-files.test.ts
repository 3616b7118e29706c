import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleError, MissingPactError, PasswordInBundleError } from './errors.ts';
import { readPactFiles } from './pact-files.ts';
import { minimalPact } from './testing/temp-repository.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ccgw-pacts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readPactFiles', () => {
  it('refuses an empty pact directory with the fix: run npm run pact:update, or --allow-missing-pact', async () => {
    const error = await readPactFiles(dir, 'contracts/pacts/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPactError);
    expect((error as Error).message).toContain('no pact file in contracts/pacts/: run npm run pact:update to write contracts/pacts/');
    expect((error as Error).message).toContain('--allow-missing-pact');
  });

  it('treats a pact directory that does not exist as empty', async () => {
    await expect(readPactFiles(join(dir, 'nope'), 'contracts/pacts/')).rejects.toBeInstanceOf(MissingPactError);
    await expect(readPactFiles(join(dir, 'nope'), 'contracts/pacts/', { allowMissing: true })).resolves.toEqual([]);
  });

  it('reads every *.json in name order, verbatim, with its specification, parties, interactions and provider states', async () => {
    const text = `${JSON.stringify(minimalPact(), null, 2)}\n`;
    await writeFile(join(dir, 'b.json'), text);
    await writeFile(join(dir, 'a.json'), text);
    await writeFile(join(dir, 'notes.txt'), 'not a pact');
    const pacts = await readPactFiles(dir, 'contracts/pacts/');
    expect(pacts.map((p) => p.name)).toEqual(['a.json', 'b.json']);
    expect(pacts[0]!.bytes.toString('utf8')).toBe(text);
    expect(pacts[0]).toMatchObject({ specification: '4.0', consumer: 'ccgw-harness', provider: 'cc-gateway', interactions: 2 });
    expect(pacts[0]!.providerStates).toEqual(['inspector 30169 is configured and signed out', 'inspector 30169 and agent 30170 are signed in, the inspector idle']);
  });

  it('names a pact file that is not JSON and says how to rewrite it', async () => {
    await writeFile(join(dir, 'broken.json'), '{"consumer":');
    await expect(readPactFiles(dir, 'contracts/pacts/')).rejects.toThrow(BundleError);
    await expect(readPactFiles(dir, 'contracts/pacts/')).rejects.toThrow(/contracts\/pacts\/broken.json is not valid JSON .*run npm run pact:update/);
  });

  it('refuses a pact holding a real password, naming the file and the field but not the value', async () => {
    await writeFile(join(dir, 'a.json'), JSON.stringify(minimalPact({ password: 'Huawei@123' })));
    const error = await readPactFiles(dir, 'contracts/pacts/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasswordInBundleError);
    expect((error as Error).message).toContain('contracts/pacts/a.json has a password-like value at $.interactions[0].request.body.content.password');
    expect((error as Error).message).not.toContain('Huawei@123');
  });
});
