import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunSummaryError } from './parse-run-summary.ts';
import { SAMPLE_GUID_UUID, SAMPLE_PASSWORD, sampleRun } from './testing/sample-runs.ts';
import { readRun, RunReadError, summaryPathOf, writeRun } from './write-run.ts';

const roots: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ccgw-report-'));
  roots.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

describe('writeRun', () => {
  it('creates the directory and writes the four files', async () => {
    const dir = join(await tempDir(), 'runs', 'nested', '20261125T100000Z-mock');
    const files = await writeRun(dir, sampleRun());
    expect((await readdir(dir)).sort()).toEqual(['junit.xml', 'report.html', 'summary.json', 'summary.md']);
    expect(files).toEqual({ dir, summary: join(dir, 'summary.json'), junit: join(dir, 'junit.xml'), html: join(dir, 'report.html'), markdown: join(dir, 'summary.md') });
  });

  it('writes no secret into any file, summary.json included', async () => {
    const dir = await tempDir();
    await writeRun(dir, sampleRun());
    for (const name of await readdir(dir)) {
      const text = await readFile(join(dir, name), 'utf8');
      expect(text, name).not.toContain(SAMPLE_PASSWORD);
      expect(text, name).not.toContain(SAMPLE_GUID_UUID);
    }
  });

  it('refuses an invalid summary and writes nothing', async () => {
    const dir = join(await tempDir(), 'bad');
    const bad = { ...sampleRun(), outcome: 'passed' as const };
    await expect(writeRun(dir, bad)).rejects.toThrow(RunSummaryError);
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
  });
});

describe('readRun', () => {
  it('reads back what writeRun wrote, from the directory or from summary.json itself', async () => {
    const dir = await tempDir();
    await writeRun(dir, sampleRun());
    const run = await readRun(dir);
    expect(run.runId).toBe('20261125T100000Z-mock');
    expect(run.phases[2]?.load?.[0]?.latencyMs['addInsert']?.p95).toBe(18.75);
    expect(await readRun(join(dir, 'summary.json'))).toEqual(run);
  });

  it('names a directory that does not exist and what to pass instead', async () => {
    const missing = join(await tempDir(), 'nope');
    await expect(readRun(missing)).rejects.toThrow(new RunReadError(missing, `run directory ${missing} does not exist; pass a directory written by \`ccgw run\` (it holds summary.json)`));
  });

  it('names a directory without summary.json', async () => {
    const dir = await tempDir();
    await expect(summaryPathOf(dir)).rejects.toThrow(`${dir} has no summary.json, so it is not a run directory; pass a directory written by \`ccgw run\``);
  });

  it('names a summary.json that is not JSON', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'summary.json'), '{"schemaVersion": 1,', 'utf8');
    await expect(readRun(dir)).rejects.toThrow(new RegExp(`^${join(dir, 'summary.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not JSON \\(.+\\); it should be the summary.json that \`ccgw run\` wrote$`));
  });

  it('names the file and the bad field of an invalid summary', async () => {
    const dir = await tempDir();
    const doc = structuredClone(sampleRun()) as unknown as { phases: { cases: { outcome: string }[] }[] };
    doc.phases[1]!.cases[0]!.outcome = 'ok';
    await writeFile(join(dir, 'summary.json'), JSON.stringify(doc), 'utf8');
    const error = await readRun(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunSummaryError);
    expect((error as RunSummaryError).message).toBe(`${join(dir, 'summary.json')} is not a valid ccgw run summary:\n  - phases[1].cases[0].outcome is "ok"; use one of "passed", "failed", "skipped"`);
  });

  it('refuses a plain file that is not a summary', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'x'));
    await writeFile(join(dir, 'x', 'notes.txt'), 'hello', 'utf8');
    await expect(readRun(join(dir, 'x', 'notes.txt'))).rejects.toThrow(/notes\.txt is not a run directory; pass a directory written by `ccgw run` \(or its summary\.json\)$/);
  });
});
