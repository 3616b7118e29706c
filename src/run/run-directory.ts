/**
 * The directory of a run, claimed when the run starts: created exclusively, so that two runs started in the same
 * second into one `--out` (parallel CI jobs sharing `runs/`) never write into one directory and lose a report.
 */
import { mkdir, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirectory } from '../io/make-directory.ts';

/** Suffixes tried after the plain run id (`-2` … `-1000`). */
const MAX_SAME_ID = 1000;

/** A claimed run directory and the run id it is named after. */
export interface RunDirectory {
  readonly id: string;
  readonly dir: string;
}

/**
 * Creates `<reportDir>/<runId>`, or `<runId>-2`, `-3`, … when another run holds the name; `reportDir` is created
 * with its parents.
 *
 * @throws the file system's error when `reportDir` cannot hold it
 */
export async function claimRunDirectory(reportDir: string, runId: string): Promise<RunDirectory> {
  await makeDirectory(reportDir);
  for (let n = 1; n <= MAX_SAME_ID; n++) {
    const id = n === 1 ? runId : `${runId}-${n}`;
    const dir = join(reportDir, id);
    try {
      await mkdir(dir);
      return { id, dir };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`${reportDir} holds ${MAX_SAME_ID} runs named ${runId}(-N) already; remove old runs from it`);
}

/** Gives a claimed directory back when the run ended without writing anything into it. */
export async function releaseRunDirectory(run: RunDirectory): Promise<void> {
  await rmdir(run.dir).catch(() => undefined);
}
