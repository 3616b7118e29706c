/**
 * Creating a directory with its missing parents (`mkdir -p`), for every directory a command writes to.
 *
 * Not Node's `mkdir(path, { recursive: true })`: where the file system answers ENOENT for a new entry in a directory
 * that exists (under `/proc`, for one), the asynchronous recursive mkdir (seen on Node 20) retries forever on a
 * thread-pool thread, so `--out /proc/x` would hang the command at full CPU, and its exit, instead of failing.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Where a directory path stands: its nearest existing ancestor, and the directories below it still missing. */
export interface DirectoryPlace {
  /** The nearest existing directory: the path itself when it exists. */
  readonly existing: string;
  /** The directories to create, outermost first; empty when the path exists. */
  readonly missing: readonly string[];
}

/**
 * Walks from `path` up to its nearest existing directory (at most one step per path component).
 *
 * @throws as mkdir would: EEXIST when `path` itself is a file, ENOTDIR when one of its parents is; other errors of
 *   the file system as they come
 */
export async function placeOfDirectory(path: string): Promise<DirectoryPlace> {
  const target = resolve(path);
  const missing: string[] = [];
  for (let dir = target; ; dir = dirname(dir)) {
    const kind = await stat(dir).then(
      (s) => (s.isDirectory() ? 'directory' : 'other'),
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return 'missing';
        throw e;
      },
    );
    if (kind === 'other') throw fileInTheWay(dir, dir === target ? 'EEXIST' : 'ENOTDIR');
    if (kind === 'directory' || dirname(dir) === dir) return { existing: dir, missing: missing.reverse() };
    missing.push(dir);
  }
}

/**
 * Creates `path` and any missing parent, one level at a time; a directory that exists already (or that another
 * process creates meanwhile) is fine.
 *
 * @throws the file system's error (`code` ENOENT, EACCES, EROFS, EEXIST, ENOTDIR, …) for the first level that cannot be made
 */
export async function makeDirectory(path: string): Promise<void> {
  for (const dir of (await placeOfDirectory(path)).missing) {
    try {
      await mkdir(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !(await stat(dir)).isDirectory()) throw e;
    }
  }
}

function fileInTheWay(path: string, code: 'EEXIST' | 'ENOTDIR'): NodeJS.ErrnoException {
  const words = code === 'EEXIST' ? 'file already exists' : 'not a directory';
  return Object.assign(new Error(`${code}: ${words}, mkdir '${path}'`), { code, syscall: 'mkdir', path });
}
