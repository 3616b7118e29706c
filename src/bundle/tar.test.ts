import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BundleError } from './errors.ts';
import { createTar } from './tar.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Writes `tar` to a temporary file and returns its path. */
function onDisk(tar: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ccgw-tar-test-'));
  dirs.push(dir);
  const path = join(dir, 'a.tar');
  writeFileSync(path, tar);
  return path;
}

const files = [
  { path: 'top/z.txt', bytes: Buffer.from('last\n') },
  { path: 'top/sub/a.txt', bytes: Buffer.alloc(513, 0x61) },
  { path: 'top/A.md', bytes: Buffer.from('') },
];

describe('createTar', () => {
  it('writes an archive that the system tar lists in byte order, with every parent directory', () => {
    const listing = execFileSync('tar', ['-tf', onDisk(createTar(files, { mtime: 0 }))], { encoding: 'utf8' });
    expect(listing.trim().split('\n')).toEqual(['top/', 'top/A.md', 'top/sub/', 'top/sub/a.txt', 'top/z.txt']);
  });

  it('stores uid/gid 0, mode 0644 for files and 0755 for directories, and the given mtime', () => {
    const verbose = execFileSync('tar', ['--numeric-owner', '--full-time', '-tvf', onDisk(createTar(files, { mtime: 1700000000 }))], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    const lines = verbose.trim().split('\n');
    expect(lines[0]).toMatch(/^drwxr-xr-x 0\/0 +0 2023-11-14 22:13:20 top\/$/);
    expect(lines[3]).toMatch(/^-rw-r--r-- 0\/0 +513 2023-11-14 22:13:20 top\/sub\/a.txt$/);
  });

  it('extracts each file with its exact bytes', () => {
    const out = mkdtempSync(join(tmpdir(), 'ccgw-tar-x-'));
    dirs.push(out);
    execFileSync('tar', ['-xf', onDisk(createTar(files, { mtime: 0 })), '-C', out]);
    for (const f of files) expect(readFileSync(join(out, f.path)).equals(f.bytes), f.path).toBe(true);
  });

  it('gives the same bytes whatever the order of the files it is given', () => {
    expect(createTar(files, { mtime: 5 }).equals(createTar([...files].reverse(), { mtime: 5 }))).toBe(true);
  });

  it('pads the archive to whole 10240-byte records ending in zero blocks', () => {
    const tar = createTar(files, { mtime: 0 });
    expect(tar.length % 10240).toBe(0);
    expect(tar.subarray(tar.length - 1024).every((b) => b === 0)).toBe(true);
  });

  it('stores a path longer than 100 bytes in the ustar prefix field, and tar reads it back whole', () => {
    const dir = `${'d'.repeat(60)}/${'e'.repeat(60)}`;
    const long = `${dir}/${'f'.repeat(90)}.txt`;
    const listing = execFileSync('tar', ['-tf', onDisk(createTar([{ path: long, bytes: Buffer.from('x') }], { mtime: 0 }))], { encoding: 'utf8' });
    expect(listing.trim().split('\n')).toEqual([`${'d'.repeat(60)}/`, `${dir}/`, long]);
  });

  it.each([
    ['an absolute path', '/etc/passwd'],
    ['a ".." segment', 'top/../x'],
    ['a non-ASCII name', 'top/résumé.txt'],
    ['a name no ustar header can hold', 'x'.repeat(101)],
  ])('refuses %s, naming it', (_, path) => {
    expect(() => createTar([{ path, bytes: Buffer.from('') }], { mtime: 0 })).toThrow(BundleError);
    expect(() => createTar([{ path, bytes: Buffer.from('') }], { mtime: 0 })).toThrow(JSON.stringify(path));
  });

  it('refuses an mtime a ustar header cannot hold, naming it', () => {
    expect(() => createTar(files, { mtime: -1 })).toThrow('tar mtime -1');
    expect(() => createTar(files, { mtime: 8 ** 11 })).toThrow(`tar mtime ${8 ** 11}`);
  });
});
