/** `SHA256SUMS`: one line per file, `<sha256 hex>  <path>`, sorted by path, in the format `sha256sum -c` reads. */
import { createHash } from 'node:crypto';

/** A file of the bundle directory: its path relative to the directory and its bytes. */
export interface BundleFile {
  readonly path: string;
  readonly bytes: Buffer;
}

/** The SHA-256 of `bytes` as lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The text of a `SHA256SUMS` file for `files`, sorted by the bytes of their paths. */
export function sha256sums(files: readonly BundleFile[]): string {
  return [...files]
    .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))
    .map((f) => `${sha256Hex(f.bytes)}  ${f.path}\n`)
    .join('');
}
