import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../report/run-summary.ts';
import { writeK6Samples } from '../report/testing/sample-latencies.ts';
import { samplePassingRun } from '../report/testing/sample-runs.ts';
import { readRunLatencies } from './run-latencies.ts';

function runWithSamples(samples: string | undefined): RunSummary {
  const run = structuredClone(samplePassingRun()) as any;
  if (samples !== undefined) run.phases[1].load[0].samples = samples;
  return run as RunSummary;
}

describe('readRunLatencies', () => {
  it("reads each operation's calls from the samples file the summary names, relative to the run directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccgw-latencies-'));
    mkdirSync(join(dir, 'load'));
    await writeK6Samples(join(dir, 'load', 'samples.csv.gz'), { addInsert: [1.5, 2.25], cancelInsert: [0.75] });
    const latencies = await readRunLatencies(dir, runWithSamples('load/samples.csv.gz'));
    expect(latencies).toEqual(new Map([['barge-storm', { byOperation: new Map([['addInsert', [1.5, 2.25]], ['cancelInsert', [0.75]]]) }]]));
  });

  it('says why a scenario has none: no samples file named, a missing file, a path outside the run, a file that is not gzip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccgw-latencies-'));
    writeFileSync(join(dir, 'broken.csv.gz'), 'not gzip');
    const why = async (samples: string | undefined) => (await readRunLatencies(dir, runWithSamples(samples))).get('barge-storm');
    expect(await why(undefined)).toEqual({ missing: 'its summary names no samples file: it was written before ccgw kept them' });
    expect(await why('load/samples.csv.gz')).toEqual({ missing: `${join(dir, 'load', 'samples.csv.gz')} cannot be read (ENOENT)` });
    expect(await why('../elsewhere/samples.csv.gz')).toEqual({ missing: 'its samples path "../elsewhere/samples.csv.gz" is outside the run directory' });
    expect(await why('broken.csv.gz')).toEqual({ missing: `${join(dir, 'broken.csv.gz')} cannot be read: incorrect header check` });
  });
});
