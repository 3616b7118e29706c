import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/ccgw.js', import.meta.url));
const run = promisify(execFile);

function summaryIn(out: string) {
  const [dir] = readdirSync(out);
  return JSON.parse(readFileSync(join(out, dir!, 'summary.json'), 'utf8'));
}

describe('ccgw run and ccgw verify (as processes)', () => {
  it('ccgw verify checks the embedded mock against every rule and every interaction of the pact and exits 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ccgw-verify-'));
    const { stdout } = await run(process.execPath, [BIN, 'verify', '--out', out, '--quiet'], { timeout: 120_000 });
    expect(stdout).toMatch(/^PASSED: rules passed \((\d+)\/\1\), contracts passed \(16\/16\)/m);
    const summary = summaryIn(out);
    expect(summary.phases.map((p: { name: string }) => p.name)).toEqual(['rules', 'contracts']);
    expect(summary.phases[0].coverage.every((r: { outcome: string }) => r.outcome === 'passed')).toBe(true);
    expect(summary.phases[1].cases.find((c: { id: string }) => c.id === 'pact.addinsert.cti-provider-unavailable').observed.retcode).toBe('900-001');
  }, 150_000);

  it('ccgw verify --json prints the run summary and nothing else (Pact\'s transcript stays out of stdout)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ccgw-verify-json-'));
    const { stdout } = await run(process.execPath, [BIN, 'verify', '--out', out, '--json'], { timeout: 120_000 });
    const printed = JSON.parse(stdout);
    expect(printed).toEqual(summaryIn(out));
    expect(printed.phases.find((p: { name: string }) => p.name === 'contracts').cases).toHaveLength(16);
  }, 150_000);

  it('ccgw verify --quiet prints no line of Pact\'s verification transcript when all passes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ccgw-verify-quiet-'));
    const { stdout } = await run(process.execPath, [BIN, 'verify', '--out', out, '--quiet'], { timeout: 120_000 });
    expect(stdout).not.toMatch(/Verifying a pact between|Request Failed|has status code/);
    expect(stdout.trim().split('\n').length).toBeLessThanOrEqual(3);
  }, 150_000);

  it('ccgw run names an unknown phase and exits 2', async () => {
    const err = await run(process.execPath, [BIN, 'run', '--phases', 'contracts,speed'], { timeout: 60_000 }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toContain('--phases has "speed", which is not a phase');
  }, 60_000);

  it('ccgw verify refuses a gateway off this machine without --live, before any traffic', async () => {
    const err = await run(process.execPath, [BIN, 'verify', '--gateway', 'https://10.255.255.1:8043', '--fixtures', 'src/fixtures/demo.json'], { timeout: 60_000 }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toContain('is not on this machine');
  }, 60_000);
});
