/**
 * Deterministic gzip with Node's zlib. Node writes a fixed header (RFC 1952): no file name, no comment, mtime 0,
 * XFL 2 at level 9, but the OS byte comes from the platform zlib was built for (3 on Linux, 19 on macOS, 10 on
 * Windows). `gzipDeterministic` checks the header byte by byte and sets OS to 3 (Unix), as `gzip -n` does on
 * Linux, so the header is the same everywhere. The deflate stream itself is a function of the input and of
 * Node's bundled zlib build (`process.versions.zlib`): the same Node gives the same bytes; a different zlib
 * build may compress differently, while the tar inside stays identical.
 */
import { constants, gzipSync } from 'node:zlib';
import { BundleError } from './errors.ts';

/** The ten header bytes every archive starts with: magic, deflate, no flags, mtime 0, XFL 2 (level 9), OS 3 (Unix). */
export const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03]);

const OS_OFFSET = 9;

/**
 * `data` gzipped at level 9 with the header `GZIP_HEADER`.
 *
 * @throws BundleError when zlib writes a header other than the expected one (a file name, a time, other flags).
 */
export function gzipDeterministic(data: Uint8Array): Buffer {
  const gz = gzipSync(data, {
    level: constants.Z_BEST_COMPRESSION,
    memLevel: 8,
    windowBits: 15,
    strategy: constants.Z_DEFAULT_STRATEGY,
  });
  gz[OS_OFFSET] = GZIP_HEADER[OS_OFFSET]!;
  const header = gz.subarray(0, GZIP_HEADER.length);
  if (!header.equals(GZIP_HEADER)) {
    throw new BundleError(
      `Node's zlib ${process.versions.zlib} wrote the gzip header ${header.toString('hex')}, not ${GZIP_HEADER.toString('hex')} ` +
        '(mtime 0, no name, no flags); the archive would not be reproducible: use the Node version in package.json engines',
    );
  }
  return gz;
}
