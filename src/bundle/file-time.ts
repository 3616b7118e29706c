/**
 * The one modification time every archive entry carries: `SOURCE_DATE_EPOCH` when set (the reproducible-builds
 * convention), else the commit time of HEAD, else 0. It never depends on the clock.
 */
import { BundleError } from './errors.ts';
import type { GitCheckout } from './git-checkout.ts';

/** The archive's file time and where it came from. */
export interface FileTime {
  readonly seconds: number;
  readonly from: 'SOURCE_DATE_EPOCH' | 'git commit time' | 'none';
}

/** The largest time a ustar header holds (11 octal digits): 2242-03-16. */
export const MAX_FILE_TIME = 8 ** 11 - 1;

/**
 * Chooses the archive's file time.
 *
 * @throws BundleError naming the value when `SOURCE_DATE_EPOCH` is not an integer from 0 to `MAX_FILE_TIME`.
 */
export function archiveFileTime(env: Readonly<Record<string, string | undefined>>, git: GitCheckout | undefined): FileTime {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw !== undefined && raw !== '') {
    if (!/^[0-9]+$/.test(raw) || Number(raw) > MAX_FILE_TIME) {
      throw new BundleError(`SOURCE_DATE_EPOCH ${JSON.stringify(raw)} is not a whole number of seconds from 0 to ${MAX_FILE_TIME}; set it to e.g. $(git log -1 --format=%ct) or unset it`);
    }
    return { seconds: Number(raw), from: 'SOURCE_DATE_EPOCH' };
  }
  if (git) return { seconds: git.commitTime, from: 'git commit time' };
  return { seconds: 0, from: 'none' };
}
