import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimRunDirectory, releaseRunDirectory } from './run-directory.ts';

describe('claiming a run directory', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ccgw-run-dir-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates --out with its parents and the run directory in it', async () => {
    const run = await claimRunDirectory(join(root, 'a', 'runs'), '20261206T150423Z-mock-run');
    expect(run).toEqual({ id: '20261206T150423Z-mock-run', dir: join(root, 'a', 'runs', '20261206T150423Z-mock-run') });
  });

  it('gives runs started in the same second directories of their own (-2, -3, …), also when they race', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => claimRunDirectory(root, '20261206T150423Z-mock-run')));
    expect(runs.map((r) => r.id).sort()).toEqual(['20261206T150423Z-mock-run', '20261206T150423Z-mock-run-2', '20261206T150423Z-mock-run-3']);
    expect((await readdir(root)).sort()).toEqual(runs.map((r) => r.id).sort());
  });

  it('gives back a directory the run left empty, and keeps one it wrote into', async () => {
    const empty = await claimRunDirectory(root, 'r1');
    const used = await claimRunDirectory(root, 'r2');
    await writeFile(join(used.dir, 'partial.txt'), 'k6 files of an interrupted run');
    await releaseRunDirectory(empty);
    await releaseRunDirectory(used);
    expect(await readdir(root)).toEqual(['r2']);
  });
});
