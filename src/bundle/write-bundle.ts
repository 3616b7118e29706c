/**
 * Writes a bundle to disk: the directory (replacing a previous bundle there, refusing anything else) and the
 * archive (written beside its final name, then renamed into place).
 */
import { lstat, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import type { Bundle } from './bundle.ts';
import { sha256Hex } from './checksums.ts';
import { BundleTargetError } from './errors.ts';
import { makeDirectory } from '../io/make-directory.ts';

/** Where to write. */
export interface BundleTargets {
  readonly outDir: string;
  readonly archivePath: string;
}

/** What was written. */
export interface WrittenBundle extends BundleTargets {
  /** SHA-256 of the archive, hex. */
  readonly archiveSha256: string;
  /** SHA-256 of the uncompressed tar, hex: equal on every machine, whatever zlib compressed it. */
  readonly tarSha256: string;
}

/** The files that mark a directory as a previous bundle, which may be replaced. */
const BUNDLE_MARKERS = ['VERSIONS.txt', 'SHA256SUMS'];

/**
 * Writes `bundle` to `targets`.
 *
 * @throws BundleError when the archive would go inside the directory, or the directory holds something that is not a bundle.
 */
export async function writeBundle(bundle: Bundle, targets: BundleTargets): Promise<WrittenBundle> {
  const outDir = resolve(targets.outDir);
  const archivePath = resolve(targets.archivePath);
  const inside = relative(outDir, archivePath);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new BundleTargetError(`the archive ${archivePath} would be inside the bundle directory ${outDir}; choose an --archive outside --out`);
  }
  // The archive is written beside its path and renamed over it: over /dev/null or a pipe that would replace the
  // device or pipe itself with the archive.
  const existing = await lstat(archivePath).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
    throw new BundleTargetError(`--archive ${archivePath} is not a regular file (${existing.isDirectory() ? 'a directory' : 'a device, pipe or socket'}); choose a file path for the archive`);
  }
  await writing('--out', outDir, async () => {
    await clearDirectory(outDir);
    for (const file of bundle.files) {
      const path = join(outDir, ...file.path.split('/'));
      await makeDirectory(dirname(path));
      await writeFile(path, file.bytes);
    }
  });
  await writing('--archive', archivePath, async () => {
    await makeDirectory(dirname(archivePath));
    const partial = `${archivePath}.partial-${process.pid}`;
    try {
      await writeFile(partial, bundle.archive);
      await rename(partial, archivePath);
    } finally {
      await rm(partial, { force: true });
    }
  });
  return { outDir, archivePath, archiveSha256: sha256Hex(bundle.archive), tarSha256: sha256Hex(bundle.tar) };
}

/** Leaves `dir` existing and empty: creates it, or empties it when it holds a previous bundle. */
async function clearDirectory(dir: string): Promise<void> {
  let entries: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new BundleTargetError(`--out ${dir} is a file, not a directory; choose a directory`);
    entries = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    await makeDirectory(dir);
    return;
  }
  if (entries.length === 0) return;
  if (!BUNDLE_MARKERS.every((m) => entries.includes(m))) {
    throw new BundleTargetError(
      `refusing to replace ${dir}: it is not empty and holds no previous bundle (no ${BUNDLE_MARKERS.join(' and ')}); choose a new or empty directory with --out`,
    );
  }
  for (const entry of entries) await rm(join(dir, entry), { recursive: true, force: true });
}

/** Runs a write to `path`; a file-system refusal (permission, a file where a directory belongs) names the flag. */
async function writing(flag: string, path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined || e instanceof BundleTargetError) throw e;
    throw new BundleTargetError(`${flag} ${path} cannot be written (${code}: ${(e as Error).message.replace(/^[A-Z]+: /, '')}); choose a writable path`);
  }
}
