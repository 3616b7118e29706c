/**
 * A deterministic ustar (POSIX.1-1988) writer. The same files give the same bytes on any machine: entries sorted
 * by the bytes of their path, parent directories added, one fixed mtime, uid/gid 0 with empty user/group names,
 * mode 0644 for files and 0755 for directories, no extended (pax) headers, and the archive padded to a whole
 * 10240-byte record as GNU and BSD tar write it.
 */
import { BundleError } from './errors.ts';

/** One regular file of the archive. */
export interface TarFile {
  /** Relative POSIX path, ASCII, without `.` or `..` segments, e.g. `bundle/openapi/index.html`. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Options of `createTar`. */
export interface TarOptions {
  /** Modification time of every entry, in seconds since the epoch (0 to 8^11 − 1). */
  readonly mtime: number;
}

const BLOCK = 512;
const RECORD = 20 * BLOCK;
const MAX_OCTAL_11 = 8 ** 11 - 1;

/**
 * The tar archive of `files`, with an entry for every parent directory.
 *
 * @throws BundleError naming the path when it cannot be stored in a ustar header, or the mtime when it is out of range.
 */
export function createTar(files: readonly TarFile[], { mtime }: TarOptions): Buffer {
  if (!Number.isInteger(mtime) || mtime < 0 || mtime > MAX_OCTAL_11) {
    throw new BundleError(`tar mtime ${mtime} is not an integer from 0 to ${MAX_OCTAL_11}; set SOURCE_DATE_EPOCH to seconds since 1970`);
  }
  const entries = new Map<string, Uint8Array | null>();
  for (const file of files) {
    checkPath(file.path);
    if (entries.has(file.path)) throw new BundleError(`tar entry ${JSON.stringify(file.path)} is given twice; each path must be unique`);
    entries.set(file.path, file.bytes);
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) entries.set(`${parts.slice(0, i).join('/')}/`, null);
  }
  for (const path of entries.keys()) {
    if (!path.endsWith('/') && entries.has(`${path}/`)) throw new BundleError(`tar entry ${JSON.stringify(path)} is both a file and a directory`);
  }
  const chunks: Buffer[] = [];
  for (const path of [...entries.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) {
    const bytes = entries.get(path) ?? null;
    chunks.push(header(path, bytes === null ? 0 : bytes.length, mtime, bytes === null));
    if (bytes !== null && bytes.length > 0) {
      chunks.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
      const pad = (BLOCK - (bytes.length % BLOCK)) % BLOCK;
      if (pad > 0) chunks.push(Buffer.alloc(pad));
    }
  }
  chunks.push(Buffer.alloc(2 * BLOCK));
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const recordPad = (RECORD - (size % RECORD)) % RECORD;
  if (recordPad > 0) chunks.push(Buffer.alloc(recordPad));
  return Buffer.concat(chunks);
}

function checkPath(path: string): void {
  if (!/^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(path)) {
    throw new BundleError(`tar path ${JSON.stringify(path)} must be printable ASCII; rename the file`);
  }
  const parts = path.split('/');
  if (path.startsWith('/') || path.endsWith('/') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new BundleError(`tar path ${JSON.stringify(path)} must be relative, without empty, "." or ".." segments`);
  }
}

/** Splits a path into ustar's name (≤ 100 bytes) and prefix (≤ 155 bytes) fields. */
function splitName(path: string): { name: string; prefix: string } {
  if (path.length <= 100) return { name: path, prefix: '' };
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (prefix.length <= 155 && name.length <= 100 && name.length > 0 && name !== '/') return { name, prefix };
  }
  // A directory's trailing slash is optional (typeflag 5 says it is one); drop it when that makes the path fit.
  if (path.endsWith('/')) return splitName(path.slice(0, -1));
  throw new BundleError(`tar path ${JSON.stringify(path)} is too long for a ustar header (name ≤ 100 and prefix ≤ 155 bytes); shorten it`);
}

function header(path: string, size: number, mtime: number, directory: boolean): Buffer {
  if (size > MAX_OCTAL_11) throw new BundleError(`tar entry ${JSON.stringify(path)} is ${size} bytes, more than ustar's limit of ${MAX_OCTAL_11}`);
  const h = Buffer.alloc(BLOCK);
  const { name, prefix } = splitName(path);
  h.write(name, 0, 100, 'ascii');
  h.write(octal(directory ? 0o755 : 0o644, 7), 100, 'ascii');
  h.write(octal(0, 7), 108, 'ascii'); // uid
  h.write(octal(0, 7), 116, 'ascii'); // gid
  h.write(octal(size, 11), 124, 'ascii');
  h.write(octal(mtime, 11), 136, 'ascii');
  h.write('        ', 148, 'ascii'); // checksum counts as spaces while summing
  h.write(directory ? '5' : '0', 156, 'ascii');
  h.write('ustar\u000000', 257, 'ascii'); // magic "ustar\0", version "00"
  h.write(octal(0, 7), 329, 'ascii'); // devmajor
  h.write(octal(0, 7), 337, 'ascii'); // devminor
  h.write(prefix, 345, 155, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'ascii'); // six digits, NUL, space
  return h;
}

/** `value` as `digits` octal digits followed by NUL. */
function octal(value: number, digits: number): string {
  return `${value.toString(8).padStart(digits, '0')}\u0000`;
}
