/** Resident memory of a bench's server processes. */
import { readFile } from 'node:fs/promises';

/** Resident set size of a process, from /proc (Linux). */
export async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!m) throw new Error(`cannot read VmRSS of process ${pid}`);
  return Number(m[1]) * 1024;
}
