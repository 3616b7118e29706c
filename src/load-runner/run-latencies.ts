/**
 * The raw latencies of a run's load scenarios, for `ccgw compare`: for each scenario of the summary, the
 * duration of every call, per operation, read from the k6 samples file its LoadResult names (`samples`, relative
 * to the run directory; see `k6-samples.ts`). A scenario without them says why: a run written before the samples
 * were kept, a deleted or unreadable file. Never throws for a missing file: such a run still compares, with its
 * latency "not judged".
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { RunLatencies, ScenarioLatencies } from '../report/compare.ts';
import type { RunSummary } from '../report/run-summary.ts';
import { readK6Samples } from './k6-samples.ts';

async function readScenario(runDir: string, samples: string | undefined): Promise<ScenarioLatencies> {
  if (samples === undefined) return { missing: 'its summary names no samples file: it was written before ccgw kept them' };
  const file = resolve(runDir, samples);
  const inside = relative(runDir, file);
  if (inside.startsWith('..') || isAbsolute(inside)) return { missing: `its samples path ${JSON.stringify(samples)} is outside the run directory` };
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error) return { missing: `${file} cannot be read (${info.code ?? info.message})` };
  try {
    return { byOperation: (await readK6Samples(file)).latencies };
  } catch (e) {
    return { missing: `${file} cannot be read: ${(e as Error).message}` };
  }
}

/** Reads the raw latencies of every load scenario in `summary`, whose run directory is `runDir`. */
export async function readRunLatencies(runDir: string, summary: RunSummary): Promise<RunLatencies> {
  const out = new Map<string, ScenarioLatencies>();
  for (const phase of summary.phases) for (const load of phase.load ?? []) out.set(load.scenario, await readScenario(runDir, load.samples));
  return out;
}
