/**
 * `SHA256SUMS`: one line per file, `<sha256 hex>  <path>`, sorted by path, in the format `sha256sum -c` reads.
 *
 * @example
 * ```ts
 * sha256sums([{ path: 'README.md', bytes: Buffer.from('hi\n') }]);
 * // '98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4  README.md\n'
 * ```
 */
import { createHash } from 'node:crypto';

/**
 * A file of the bundle directory: its path relative to the directory and its bytes.
 *
 * @example
 * ```ts
 * const file: BundleFile = { path: 'openapi/index.html', bytes: html };
 * ```
 */
export interface BundleFile {
  readonly path: string;
  readonly bytes: Buffer;
}

/**
 * The SHA-256 of `bytes` as lower-case hex.
 *
 * @example
 * ```ts
 * sha256Hex(Buffer.from('')); // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 * ```
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The text of a `SHA256SUMS` file for `files`, sorted by the bytes of their paths.
 *
 * @example
 * ```ts
 * sha256sums([{ path: 'b', bytes: Buffer.from('') }, { path: 'a', bytes: Buffer.from('') }]).split('\n')[0]?.endsWith('  a'); // true
 * ```
 */
export function sha256sums(files: readonly BundleFile[]): string {
  return [...files]
    .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))
    .map((f) => `${sha256Hex(f.bytes)}  ${f.path}\n`)
    .join('');
}
