// `ccgw compare` on real load runs: eleven short smoke runs (the real k6, the real CLI, the embedded mock with
// nothing changed) must never differ, and a run whose mock answers addInsert 300 ms late must be named as an
// addInsert latency regression with its size and confidence. The runs are made as a user makes them
// (`ccgw load` as a process); the 300 ms are injected through the k6 scripts' CCGW_FAULTS (load/lib/config-parse.ts),
// which the smoke scenario sets on the mock in setup and clears in teardown.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunComparison } from '../../report/compare.ts';
import { memoryIo } from '../../io/command-io.ts';
import { compareCommand } from './compare.ts';

const BIN = fileURLToPath(new URL('../../../bin/ccgw.js', import.meta.url));
const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'ccgw-compare-latency-'));

/** Four storm groups instead of two: 40 addInsert and 36 cancelInsert calls per run, enough to judge. */
const SMOKE = ['load', '--scenario', 'smoke', '--vus', '4', '--quiet'];

async function loadRun(name: string, env: Record<string, string> = {}): Promise<string> {
  const out = join(root, name);
  await run(process.execPath, [BIN, ...SMOKE, '--out', out], { timeout: 180_000, env: { ...process.env, ...env } });
  const [dir] = readdirSync(out);
  return join(out, dir!);
}

async function compare(a: string, b: string): Promise<{ code: number; comparison: RunComparison }> {
  const io = memoryIo({}, root);
  const code = await compareCommand.run([a, b, '--json'], io);
  return { code, comparison: JSON.parse(io.lines.join('\n')) as RunComparison };
}

const normal: string[] = [];

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ccgw compare on real load runs against the embedded mock', () => {
  it('finds no regression in any of the 110 ordered pairs of 11 runs of the unchanged mock', async () => {
    for (let i = 0; i < 11; i++) normal.push(await loadRun(`normal-${i}`));
    const regressions: string[] = [];
    for (const a of normal) {
      for (const b of normal) {
        if (a === b) continue;
        const { code, comparison } = await compare(a, b);
        // Not vacuous: the operations with enough calls were judged on their raw samples.
        const judged = comparison.latency.filter((r) => r.test !== undefined).map((r) => r.operation);
        expect(judged).toEqual(expect.arrayContaining(['addInsert', 'cancelInsert', 'getAgentEvent']));
        if (code !== 0 || comparison.regressed) regressions.push(`${a} → ${b}: ${JSON.stringify(comparison.findings.filter((f) => f.severity === 'regression'))}`);
      }
    }
    expect(regressions).toEqual([]);
  }, 900_000);

  it('names a 300 ms slower addInsert as a latency regression with its size and confidence, and exits 1', async () => {
    const baseline = normal[0] ?? (await loadRun('baseline'));
    const slow = await loadRun('slow-addinsert', { CCGW_FAULTS: JSON.stringify([{ operation: 'addInsert', latencyMs: 300 }]) });

    const { code, comparison } = await compare(baseline, slow);
    expect(code).toBe(1);
    const regressions = comparison.findings.filter((f) => f.severity === 'regression');
    expect(regressions.map((f) => (f.kind === 'latency' ? `${f.kind} ${f.scenario} ${f.operation}` : f.kind))).toEqual(['latency smoke addInsert']);
    const f = regressions[0]!;
    if (f.kind !== 'latency') throw new Error(`expected a latency finding, got ${f.kind}`);
    expect(f.test.shiftMs).toBeGreaterThan(280);
    expect(f.test.shiftMs).toBeLessThan(400);
    expect(f.test.shiftPct).toBeGreaterThan(1000);
    expect(f.test.interval.lowMs).toBeGreaterThan(250);
    expect(f.test.interval.highMs).toBeGreaterThanOrEqual(f.test.shiftMs);
    expect(f.test.pSlower).toBeLessThan(1e-6);
    expect([f.a.n, f.b.n]).toEqual([40, 40]);

    // The same, as a user sees it.
    const err = await run(process.execPath, [BIN, 'compare', baseline, slow], { timeout: 60_000 }).catch((e: { code: number; stdout: string }) => e);
    const { code: exit, stdout } = err as { code: number; stdout: string };
    expect(exit).toBe(1);
    expect(stdout).toMatch(/^ccgw compare: REGRESSED \(1 regression, /);
    expect(stdout).toMatch(/Regressions \(1\)\n {2}- latency {7}smoke addInsert: slower by \+\d{3}(\.\d)? ms \(\+\d+%\), 98% interval \+\d{3}(\.\d+)? … \+\d{3}(\.\d+)? ms, one-sided p [=<] [\d.e-]+; median [\d.]+ ms → \d{3}(\.\d)? ms, n = 40\/40\n/);
  }, 300_000);
});
