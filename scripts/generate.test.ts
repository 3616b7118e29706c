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
