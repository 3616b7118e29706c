import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateAll } from './generate.ts';

describe('src/generated', () => {
  it('is what `npm run generate` makes from the current OpenAPI document (run it and commit when this fails)', async () => {
    const files = await generateAll();
    for (const [rel, content] of files) {
      const current = await readFile(new URL(`../${rel}`, import.meta.url), 'utf8').catch(() => '(missing)');
      expect(current === content, `${rel} is stale: run \`npm run generate\` and commit it`).toBe(true);
    }
    expect([...files.keys()].sort()).toEqual(['src/generated/admin-validators.d.ts', 'src/generated/admin-validators.js', 'src/generated/contract.ts', 'src/generated/document-validators.d.ts', 'src/generated/document-validators.js', 'src/generated/openapi.ts', 'src/generated/validators.d.ts', 'src/generated/validators.js']);
  });
});

describe('the generated validators', () => {
  it('are built on first use and again after releaseValidators, with the same verdicts and errors', async () => {
    const { releaseValidators, validateAddInsertResponse } = await import('../src/generated/validators.js');
    const bad = { message: '', retcode: '42', result: {} };
    const good = { message: '', retcode: '0', result: {} };
    expect(validateAddInsertResponse(good)).toBe(true);
    expect(validateAddInsertResponse(bad)).toBe(false);
    const errors = validateAddInsertResponse.errors;
    expect(errors?.[0]).toMatchObject({ instancePath: '/retcode', keyword: 'enum' });
    releaseValidators();
    expect(validateAddInsertResponse(bad)).toBe(false);
    expect(validateAddInsertResponse.errors).toEqual(errors);
    expect(validateAddInsertResponse(good)).toBe(true);
    expect(validateAddInsertResponse.errors).toBeNull();
  });

  it('hold no validator until the first call: the module defines them in one builder function', async () => {
    const text = await readFile(new URL('../src/generated/document-validators.js', import.meta.url), 'utf8');
    const topLevel = text.slice(0, text.indexOf('\nfunction build() {'));
    expect(topLevel).not.toMatch(/^function validate\d+|^const schema\d+/m);
    expect(text).toMatch(/^export const validateFixtures = lazy\('validateFixtures'\);$/m);
  });
});
