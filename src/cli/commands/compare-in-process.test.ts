import { mkdir, mkdtemp, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../report/run-summary.ts';
import { sampleLatencies, writeK6Samples } from '../../report/testing/sample-latencies.ts';
import { samplePassingRun } from '../../report/testing/sample-runs.ts';
import { writeRun } from '../../report/write-run.ts';
import { memoryIo } from '../../io/command-io.ts';
import { UsageError } from '../../io/errors.ts';
import { compareCommand } from './compare.ts';

let root: string;

/** A run directory as `ccgw run` writes it, with k6's samples: addInsert calls around 9 ms, plus `shiftMs`. */
async function writeRunWithSamples(dir: string, run: RunSummary, seed: number, shiftMs = 0): Promise<void> {
  const withSamples = structuredClone(run) as any;
  withSamples.phases[1].load[0].samples = 'load/samples.csv.gz';
  await writeRun(dir, withSamples);
  await mkdir(join(dir, 'load'), { recursive: true });
  await writeK6Samples(join(dir, 'load', 'samples.csv.gz'), { addInsert: sampleLatencies(40, 9, seed).map((v) => Math.round((v + shiftMs) * 1000) / 1000) });
}

/** The new gateway's run: one case now fails, a retcode changed 900-005 → 900-003 (its calls are made slower by the samples). */
function upgradedRun(): RunSummary {
  const run = structuredClone(samplePassingRun()) as any;
  run.runId = '20261125T113000Z-new';
  run.outcome = 'failed';
  run.phases[0].outcome = 'failed';
  Object.assign(run.phases[0].cases[2], { outcome: 'failed', failure: { message: 'expected retcode 000-005, got 0' } });
  run.phases[0].cases[1].observed = { retcode: '900-003', httpStatus: 200 };
  return run as RunSummary;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ccgw-compare-'));
  await writeRunWithSamples(join(root, 'old'), samplePassingRun(), 1);
  await writeRunWithSamples(join(root, 'old-again'), samplePassingRun(), 2);
  await writeRunWithSamples(join(root, 'new'), upgradedRun(), 3, 300);
  await writeRun(join(root, 'older'), samplePassingRun()); // written before the samples were kept
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ccgw compare', () => {
  it('names the failing case, the changed retcode and the slower operation with its size and confidence, and exits 1', async () => {
    const io = memoryIo({}, root);
    expect(await compareCommand.run(['old', 'new'], io)).toBe(1);
    const out = io.lines.join('\n');
    expect(out).toMatch(/^ccgw compare: REGRESSED \(3 regressions, 0 improvements, 0 changes\)/);
    expect(out).toContain('addinsert.self (contracts): passed → failed: expected retcode 000-005, got 0');
    expect(out).toContain('retcode       addinsert.target-not-signed-in (contracts): the gateway now answers 900-003 (was 900-005)');
    expect(out).toMatch(/latency {7}barge-storm addInsert: slower by \+\d{3}(\.\d)? ms \(\+\d+%\), 98% interval \+\d{3}(\.\d+)? … \+\d{3}(\.\d+)? ms, one-sided p [=<] [\d.e-]+; median \d+(\.\d+)? ms → \d{3}(\.\d)? ms, n = 40\/40/);
    expect(io.errors).toEqual([]);
  });

  it('exits 0 for two runs that do not differ', async () => {
    const io = memoryIo({}, root);
    expect(await compareCommand.run(['old', 'old-again'], io)).toBe(0);
    expect(io.lines.join('\n')).toContain('No differences beyond the thresholds.');
  });

  it('exits 0 when the only slowdown is under a wider --threshold or a higher --min-ms, or not significant at --alpha', async () => {
    await writeRunWithSamples(join(root, 'slower'), samplePassingRun(), 4, 8); // +8 ms: about +90 % of 9 ms
    expect(await compareCommand.run(['old', 'slower'], memoryIo({}, root))).toBe(1);
    expect(await compareCommand.run(['old', 'slower', '--threshold', '150'], memoryIo({}, root))).toBe(0);
    expect(await compareCommand.run(['old', 'slower', '--min-ms', '10'], memoryIo({}, root))).toBe(0);
    expect(await compareCommand.run(['old', 'slower', '--alpha', '0.000000001'], memoryIo({}, root))).toBe(1);
  });

  it('still compares a run without raw samples, reporting its latency as not judged', async () => {
    const io = memoryIo({}, root);
    expect(await compareCommand.run(['older', 'new'], io)).toBe(1); // the case and the retcode, not the latency
    const out = io.lines.join('\n');
    expect(out).toMatch(/^ccgw compare: REGRESSED \(2 regressions, 0 improvements, 1 change\)/);
    expect(out).toContain('latency       barge-storm: not judged: no raw samples (run A: its summary names no samples file: it was written before ccgw kept them)');
    expect(out).toContain('barge-storm addInsert: not judged: no raw samples (for information: p50 9 ms → 9 ms, p95 16 ms → 16 ms)');
  });

  it('still compares a run whose samples file was deleted, naming the file', async () => {
    await writeRunWithSamples(join(root, 'deleted'), samplePassingRun(), 5);
    await unlink(join(root, 'deleted', 'load', 'samples.csv.gz'));
    const io = memoryIo({}, root);
    expect(await compareCommand.run(['old', 'deleted'], io)).toBe(0);
    expect(io.lines.join('\n')).toContain(`latency       barge-storm: not judged: no raw samples (run B: ${join(root, 'deleted', 'load', 'samples.csv.gz')} cannot be read (ENOENT))`);
  });

  it('prints the same comparison for the same two runs every time', async () => {
    const first = memoryIo({}, root);
    const second = memoryIo({}, root);
    await compareCommand.run(['old', 'new', '--json'], first);
    await compareCommand.run(['old', 'new', '--json'], second);
    expect(second.lines).toEqual(first.lines);
  });

  it('prints JSON with --json, and writes a self-contained HTML page with --html', async () => {
    const io = memoryIo({}, root);
    expect(await compareCommand.run(['old', 'new', '--json', '--html', 'out/compare.html'], io)).toBe(1);
    const json = JSON.parse(io.lines.join('\n')) as { regressed: boolean; findings: { kind: string }[]; options: unknown };
    expect(json.regressed).toBe(true);
    expect(json.findings.map((f) => f.kind)).toEqual(['observed', 'outcome', 'latency']);
    expect(json.options).toEqual({ latencyThresholdPct: 20, minAbsoluteMs: 5, alpha: 0.01, rpsThresholdPct: 20 });
    expect(io.errors).toEqual([`HTML comparison written to ${join(root, 'out', 'compare.html')}`]);
    const html = await readFile(join(root, 'out', 'compare.html'), 'utf8');
    expect(html).toContain('data-metric="compare.regressions" data-unit="count">3</span>');
  });

  it('accepts summary.json files as well as run directories', async () => {
    expect(await compareCommand.run([join(root, 'old', 'summary.json'), join(root, 'new', 'summary.json')], memoryIo())).toBe(1);
  });

  it('is a usage error to give other than two runs', async () => {
    await expect(compareCommand.run(['old'], memoryIo({}, root))).rejects.toThrow(
      new UsageError('compare', 'needs two run directories, RUN_A (the baseline) and RUN_B (the candidate); got "old". Example: ccgw compare runs/old runs/new'),
    );
    await expect(compareCommand.run([], memoryIo({}, root))).rejects.toThrow(/got none/);
  });

  it('is a usage error, naming the path and the fix, when a run directory is missing', async () => {
    const error = await compareCommand.run(['old', 'missing'], memoryIo({}, root)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(`RUN_B: run directory ${join(root, 'missing')} does not exist; pass a directory written by \`ccgw run\` (it holds summary.json)`);
  });

  it('is a usage error, naming the file and field, when a summary is invalid', async () => {
    const bad = structuredClone(samplePassingRun()) as any;
    await writeRun(join(root, 'bad'), bad);
    const { writeFile } = await import('node:fs/promises');
    bad.target.kind = 'staging';
    await writeFile(join(root, 'bad', 'summary.json'), JSON.stringify(bad), 'utf8');
    const error = await compareCommand.run(['bad', 'old'], memoryIo({}, root)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(`RUN_A: ${join(root, 'bad', 'summary.json')} is not a valid ccgw run summary:\n  - target.kind is "staging"; use one of "mock", "gateway", "live"`);
  });

  it('is a usage error to give a threshold that is not a number', async () => {
    await expect(compareCommand.run(['old', 'new', '--threshold', 'ten'], memoryIo({}, root))).rejects.toThrow('--threshold "ten" is not valid; use a number ≥ 0, e.g. --threshold 20');
    await expect(compareCommand.run(['old', 'new', '--min-ms', '5ms'], memoryIo({}, root))).rejects.toThrow('--min-ms "5ms" is not valid; use a number ≥ 0, e.g. --min-ms 5');
    await expect(compareCommand.run(['old', 'new', '--alpha', '0.5'], memoryIo({}, root))).rejects.toThrow('--alpha "0.5" is not valid; use a number from 1e-9 to below 0.5, e.g. --alpha 0.01');
    await expect(compareCommand.run(['old', 'new', '--alpha', '5%'], memoryIo({}, root))).rejects.toThrow('--alpha "5%" is not valid');
    await expect(compareCommand.run(['old', 'new', '--bogus'], memoryIo({}, root))).rejects.toThrow(UsageError);
  });

  it('has help text with an example', () => {
    expect(compareCommand.usage).toMatch(/^Usage: ccgw compare RUN_A RUN_B \[options\]/);
    expect(compareCommand.usage).toContain('Example:\n  ccgw compare ');
    for (const flag of ['--threshold', '--min-ms', '--alpha', '--html', '--json']) expect(compareCommand.usage).toContain(flag);
    expect(compareCommand.usage).toContain('Mann–Whitney U');
  });
});
