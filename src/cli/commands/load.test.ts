import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/ccgw.js', import.meta.url));
const run = promisify(execFile);

describe('ccgw load (as a process, with the real k6)', () => {
  it('runs the smoke scenario against the embedded mock and writes a run directory with the load result', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ccgw-load-'));
    const { stdout } = await run(process.execPath, [BIN, 'load', '--scenario', 'smoke', '--out', out, '--quiet'], { timeout: 180_000 });
    expect(stdout).toMatch(/^PASSED: load passed \(1\/1\) against http:\/\/127\.0\.0\.1:\d+/m);
    const [runDir] = readdirSync(out);
    const dir = join(out, runDir!);
    for (const f of ['summary.json', 'junit.xml', 'report.html', 'summary.md', 'load/dashboard.html', 'load/smoke.json']) expect(existsSync(join(dir, f)), f).toBe(true);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const load = summary.phases[0].load[0];
    expect(load.invariant.violations).toBe(0);
    expect(load.retcodes.addInsert['0']).toBeGreaterThan(0);
    expect(Object.keys(load.latencyMs)).toContain('addInsert');
    expect(summary.tool.k6).toMatch(/^v1\./);
  }, 200_000);

  it('exits 2 naming an unknown scenario', async () => {
    const err = await run(process.execPath, [BIN, 'load', '--scenario', 'tsunami'], { timeout: 60_000 }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toContain('--scenario "tsunami" is not one of smoke, barge-storm, throughput, soak');
  }, 60_000);
});
