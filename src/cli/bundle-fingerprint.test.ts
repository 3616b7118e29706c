import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

// bin/ccgw.js runs the CLI from a bundle it rebuilds when a file of BUNDLED_DIRS changes: a directory the bundle
// draws code from but the fingerprint misses would leave `ccgw` running stale code after an edit there.
describe("the ccgw launcher's bundle fingerprint", () => {
  it('covers every directory the CLI bundle draws code from', async () => {
    const result = await build({ entryPoints: ['src/cli/main.ts'], absWorkingDir: ROOT, bundle: true, splitting: true, outdir: 'out', platform: 'node', format: 'esm', packages: 'external', write: false, metafile: true, logLevel: 'silent' });
    const drawn = new Set(Object.keys(result.metafile.inputs).map((path) => path.split('/')[0]!));
    const listed = /const BUNDLED_DIRS = \[([^\]]*)\]/.exec(readFileSync(join(ROOT, 'bin', 'ccgw.js'), 'utf8'))![1]!.split(',').map((d) => d.trim().replace(/'/g, ''));
    expect([...drawn].filter((dir) => !listed.includes(dir))).toEqual([]);
  }, 60_000);
});
