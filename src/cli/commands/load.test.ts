import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/ccgw.js', import.meta.url));
const run = promisify(execFile);

interface Exit {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function ccgwLoad(args: readonly string[], out: string): Promise<Exit> {
  return run(process.execPath, [BIN, 'load', '--out', out, ...args], { timeout: 180_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

function runSummary(out: string): any {
  const [runDir] = readdirSync(out);
  return JSON.parse(readFileSync(join(out, runDir!, 'summary.json'), 'utf8'));
}

/** Holds 127.0.0.1:6565, k6's default REST API address, unless something else (another k6) holds it already. */
function holdK6ApiPort(): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(6565, '127.0.0.1', () => resolve(server));
  });
}

describe('ccgw load (as a process, with the real k6)', () => {
  it('runs the smoke scenario against the embedded mock and writes a run directory with the load result', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ccgw-load-'));
    const held = await holdK6ApiPort(); // a parallel CI job's k6 on the same machine
    const { code, stdout, stderr } = await ccgwLoad(['--scenario', 'smoke'], out).finally(() => held?.close());
    expect(code, stdout + stderr).toBe(0);
    expect(stdout).toMatch(/^PASSED: load passed \(1\/1\) against http:\/\/127\.0\.0\.1:\d+/m);
    expect(stdout + stderr).not.toMatch(/API server|6565/);
    expect(stderr).toMatch(/load smoke: passed \(achieved [\d.]+ iterations\/s, [\d.]+ calls\/s/);
    const [runDir] = readdirSync(out);
    const dir = join(out, runDir!);
    for (const f of ['summary.json', 'junit.xml', 'report.html', 'summary.md', 'load/dashboard.html', 'load/smoke.json']) expect(existsSync(join(dir, f)), f).toBe(true);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const load = summary.phases[0].load[0];
    expect(load.invariant.violations).toBe(0);
    expect(load.retcodes.addInsert['0']).toBeGreaterThan(0);
    expect(Object.keys(load.latencyMs)).toContain('addInsert');
    expect(summary.tool.k6).toMatch(/^v1\./);
    expect(load.asked).toMatchObject({ model: 'closed', unit: 'iteration' });
    expect(load.achieved).toMatchObject({ ok: true });
    expect(load.dashboard).toBe('load/dashboard.html');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<a href="load/dashboard.html">k6 web dashboard of this run</a>');
  }, 200_000);

  it('fails a throughput run that cannot start its asked rate (exit 1), saying what it reached, why and what to do', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ccgw-load-'));
    // One VU cannot start 20,000 barge/cancel cycles (9 calls each) per second on any machine.
    const { code, stdout, stderr } = await ccgwLoad(['--scenario', 'throughput', '--rate', '20000', '--vus', '1', '--duration', '2s', '--quiet'], out);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAILED: load failed \(0\/1\)/m);
    expect(stderr).toMatch(/✗ load throughput: reached [\d.]+ cycles\/s of the 20000 asked \([\d.]+ %; at least 90 % required\)/);
    expect(stderr).toMatch(/✗ load throughput: why: .*\n.*✗ load throughput: what to do: /);
    const load = runSummary(out).phases[0].load[0];
    expect(load.asked).toEqual({ model: 'open', unit: 'cycle', vus: 1, duration: '2s', rate: 20000, minAchievedRatio: 0.9, pollPauseMs: 0 });
    expect(load.achieved).toMatchObject({ ok: false, vusLimit: 1 });
    expect(load.achieved.notes).toEqual([expect.stringMatching(/^reached /), expect.stringMatching(/^why: /), expect.stringMatching(/^what to do: .*execution segments.*load\/k8s\/testrun\.yaml/)]);
    expect(load.thresholds).toContainEqual(expect.objectContaining({ metric: 'dropped_iterations', expression: 'count<=4000', ok: false, unit: 'count' }));
  }, 200_000);

  it('passes a throughput run that reaches its asked rate, with asked ≈ achieved', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ccgw-load-'));
    // 5 cycles/s need well under one busy VU against the mock; 4 leave a wide margin on a busy machine.
    const { code, stdout, stderr } = await ccgwLoad(['--scenario', 'throughput', '--rate', '5', '--vus', '4', '--duration', '4s', '--min-achieved-ratio', '0.75', '--quiet'], out);
    expect(code, stdout + stderr).toBe(0);
    const load = runSummary(out).phases[0].load[0];
    expect(load.asked).toMatchObject({ rate: 5, minAchievedRatio: 0.75 });
    expect(load.achieved.ok).toBe(true);
    expect(load.achieved.ratio).toBeGreaterThanOrEqual(0.75);
    expect(load.achieved.perSecond).toBeLessThanOrEqual(5);
  }, 200_000);

  it('exits 2 naming an unknown scenario', async () => {
    const err = await run(process.execPath, [BIN, 'load', '--scenario', 'tsunami'], { timeout: 60_000 }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toContain('--scenario "tsunami" is not one of smoke, barge-storm, throughput, soak');
  }, 60_000);

  it('refuses, before any phase, a size the fixtures cannot give (exit 2), naming the flag and the supply', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ccgw-load-'));
    const { code, stdout, stderr } = await ccgwLoad(['--scenario', 'throughput', '--vus', '500', '--duration', '2s'], out);
    expect(code, stdout + stderr).toBe(2);
    expect(stderr).toMatch(/^ccgw load: the throughput scenario cannot run on the fixtures \S+demo\.json: 500 VUs need 500 \(inspector, agent\) pairs of one VDN each, but the fixtures give only 100 \(VDN \d: .*\); ask for fewer or add accounts \(asked for by --vus 500/m);
    expect(readdirSync(out)).toEqual([]);
  });

  it('fails a run whose every phase was skipped: fixtures without one storm group leave the smoke nothing to drive', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ccgw-load-'));
    const fixtures = join(out, '..', `${out.split('/').pop()}-tiny.json`);
    const account = (id: string, vdn: number, inspector: boolean) => ({ id, vdn, inspector, phone: `888${id}`, password: 'demo' });
    writeFileSync(fixtures, JSON.stringify({ name: 'tiny', agents: [account('30101', 1, true), account('30201', 1, false), account('30202', 1, false)], unconfiguredIds: ['101'] }));
    const { code, stdout, stderr } = await run(process.execPath, [BIN, 'run', '--phases', 'load', '--fixtures', fixtures, '--out', out], { timeout: 180_000 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: Exit) => e,
    );
    expect(code, stdout + stderr).toBe(1);
    expect(stdout).toMatch(/^FAILED: load skipped against /m);
    const phase = runSummary(out).phases[0];
    expect(phase).toMatchObject({ name: 'load', outcome: 'skipped' });
    expect(phase.reason).toContain('no storm group of 2 inspectors and 1 agent fits in one VDN (VDN 1: 1 inspectors, 2 agents); add accounts: a storm needs 2 inspectors and 1 agent of one VDN');
  });
});
