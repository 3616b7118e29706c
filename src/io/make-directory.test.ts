import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDirectory } from './make-directory.ts';

describe('makeDirectory', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ccgw-mkdir-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates the directory and every missing parent', async () => {
    const dir = join(root, 'a', 'b', 'c');
    await makeDirectory(dir);
    expect((await stat(dir)).isDirectory()).toBe(true);
  });

  it('accepts a directory that exists, also when several calls race to create it', async () => {
    const dir = join(root, 'x', 'y');
    await Promise.all([makeDirectory(dir), makeDirectory(dir), makeDirectory(join(dir, 'z'))]);
    await makeDirectory(dir);
    expect((await stat(join(dir, 'z'))).isDirectory()).toBe(true);
  });

  it('refuses, as mkdir does, when a file is in the way: EEXIST for the path itself, ENOTDIR for a parent', async () => {
    await writeFile(join(root, 'file'), 'x');
    await expect(makeDirectory(join(root, 'file'))).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(makeDirectory(join(root, 'file', 'below'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  // Node's own recursive mkdir never settles here (it retries ENOENT forever on a thread-pool thread).
  it.runIf(existsSync('/proc/self/stat'))('fails at once where the file system refuses a new entry in an existing directory (/proc)', async () => {
    await expect(makeDirectory('/proc/ccgw-no-such-dir/out')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
