import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readErrorText, readTextFile, readTextFileSync } from './read-text-file.ts';

describe('reading a file a user names', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ccgw-read-'));
    await writeFile(join(dir, 'text.json'), '{"ä": "€"}\n'.repeat(10_000));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the whole text, as UTF-8, in chunks', async () => {
    const expected = '{"ä": "€"}\n'.repeat(10_000);
    expect(await readTextFile(join(dir, 'text.json'))).toBe(expected);
    expect(readTextFileSync(join(dir, 'text.json'))).toBe(expected);
  });

  it('refuses a file larger than the bound with EFBIG, and says so in a few words', async () => {
    const path = join(dir, 'text.json');
    await expect(readTextFile(path, 1000)).rejects.toMatchObject({ code: 'EFBIG', path });
    expect(() => readTextFileSync(path, 1000)).toThrow(expect.objectContaining({ code: 'EFBIG' }));
    const error = await readTextFile(path, 1000).catch((e: unknown) => e);
    expect(readErrorText(error)).toBe('EFBIG: more than 1000 bytes');
  });

  it('passes the file system errors on, named by their code', async () => {
    const error = await readTextFile(join(dir, 'missing.json')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ENOENT' });
    expect(readErrorText(error)).toBe('ENOENT');
    expect(() => readTextFileSync(dir)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });

  // readFile/readFileSync would grow their buffer until memory runs out on an endless device.
  it.runIf(existsSync('/dev/zero'))('stops at the bound on an endless device (/dev/zero)', async () => {
    await expect(readTextFile('/dev/zero')).rejects.toMatchObject({ code: 'EFBIG' });
    expect(() => readTextFileSync('/dev/zero', 1 << 20)).toThrow(/EFBIG: file too large, read '\/dev\/zero' \(more than 1 MiB\)/);
  });
});
