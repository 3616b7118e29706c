/**
 * Checks, before any work, that the places a command will write to can be written: a run directory's parent
 * (`--out`), a file (`--write`, `--cert-out`). A run that would fail only when writing its report, after minutes
 * of work, fails at once instead, with the path, the reason and the fix.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../io/errors.ts';
import { placeOfDirectory } from '../io/make-directory.ts';

/** What an errno code means for a path a user gave, in words. */
export function pathErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    ENOTDIR: 'a part of the path is a file, not a directory',
    EISDIR: 'it is a directory',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    ENOENT: 'no such file or directory',
    EEXIST: 'it exists and is not a directory',
  };
  return code ? `${code}: ${words[code] ?? (e as Error).message}` : (e as Error).message;
}

/**
 * Checks that `dir` can hold run directories: it is a writable directory, or it can be created (its nearest
 * existing ancestor is a writable directory). Creates nothing. @throws UsageError
 */
export async function checkWritableDirectory(command: string, flag: string, dir: string): Promise<void> {
  try {
    await access((await placeOfDirectory(dir)).existing, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw new UsageError(command, `${flag} ${dir} cannot hold run directories (${pathErrorText(e)}); choose a writable directory`);
  }
}

/** Checks that `path` can be written as a file: not a directory, its directory exists and is writable. @throws UsageError */
export async function checkWritableFile(command: string, flag: string, path: string): Promise<void> {
  try {
    const existing = await stat(path).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
    if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (existing) await access(path, constants.W_OK);
    else {
      if (!(await stat(dirname(path))).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      await access(dirname(path), constants.W_OK | constants.X_OK);
    }
  } catch (e) {
    throw new UsageError(command, `${flag} ${path} cannot be written (${pathErrorText(e)}); choose a writable file path`);
  }
}
