/**
 * Reading a text file a user names (a config, fixtures or secrets file, a PEM certificate, key or CA, a run's
 * summary), up to a bound: a path such as `/dev/zero` or `/dev/urandom` would otherwise be read until memory runs out
 * (`readFileSync` grows its buffer without limit for a file that is not regular). Pipes (`--ca <(…)`) are read as
 * files are.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** The most a file a user names may hold: far more than any real config, fixtures or PEM file. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

const CHUNK = 64 * 1024;

type TooLarge = NodeJS.ErrnoException & { readonly maxBytes: number };

const mib = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`);

/** The chunks read so far; refuses more than `maxBytes` (code EFBIG, as the system's "file too large"). */
class Chunks {
  readonly #list: Buffer[] = [];
  #total = 0;

  constructor(
    readonly path: string,
    readonly maxBytes: number,
  ) {}

  /** Keeps the first `n` bytes of `chunk`; false at the end of the file (`n` 0). */
  add(chunk: Buffer, n: number): boolean {
    if (n === 0) return false;
    this.#total += n;
    if (this.#total > this.maxBytes) {
      const message = `EFBIG: file too large, read '${this.path}' (more than ${mib(this.maxBytes)})`;
      throw Object.assign(new Error(message), { code: 'EFBIG', syscall: 'read', path: this.path, maxBytes: this.maxBytes }) satisfies TooLarge;
    }
    this.#list.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    return true;
  }

  text(): string {
    return Buffer.concat(this.#list, this.#total).toString('utf8');
  }
}

/**
 * Reads `path` as UTF-8, refusing one that holds more than `maxBytes`.
 *
 * @throws the file system's error (`code` ENOENT, EACCES, EISDIR, …), or EFBIG beyond `maxBytes`
 */
export async function readTextFile(path: string, maxBytes = MAX_TEXT_FILE_BYTES): Promise<string> {
  const file = await open(path, 'r');
  try {
    const chunks = new Chunks(path, maxBytes);
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      if (!chunks.add(chunk, (await file.read(chunk, 0, CHUNK, null)).bytesRead)) return chunks.text();
    }
  } finally {
    await file.close();
  }
}

/** {@link readTextFile}, synchronously (for the readers that cannot wait: secrets files, a client's CA). */
export function readTextFileSync(path: string, maxBytes = MAX_TEXT_FILE_BYTES): string {
  const fd = openSync(path, 'r');
  try {
    const chunks = new Chunks(path, maxBytes);
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      if (!chunks.add(chunk, readSync(fd, chunk, 0, CHUNK, null))) return chunks.text();
    }
  } finally {
    closeSync(fd);
  }
}

/** An error of {@link readTextFile} in a few words for a message: `ENOENT`, `EFBIG: more than 64 MiB`, … */
export function readErrorText(e: unknown): string {
  const err = e as Partial<TooLarge>;
  if (err.code === 'EFBIG' && err.maxBytes !== undefined) return `EFBIG: more than ${mib(err.maxBytes)}`;
  return err.code ?? (e as Error).message;
}
