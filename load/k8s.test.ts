import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ensureK6 } from '../src/tools/ensure-k6.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

describe('distributed runs with the k6-operator', () => {
  it('has a TestRun manifest with several runners, a live opt-in, a per-runner rate cap and passwords from a Secret', () => {
    const doc = parse(readFileSync(join(ROOT, 'load/k8s/testrun.yaml'), 'utf8')) as {
      apiVersion: string;
      kind: string;
      spec: { parallelism: number; script: { configMap: { file: string } }; runner: { env: Array<{ name: string; value: string }>; envFrom: Array<{ secretRef: { name: string } }> } };
    };
    expect([doc.apiVersion, doc.kind]).toEqual(['k6.io/v1alpha1', 'TestRun']);
    expect(doc.spec.parallelism).toBeGreaterThanOrEqual(2);
    const env = Object.fromEntries(doc.spec.runner.env.map((e) => [e.name, e.value]));
    expect(env['CCGW_LIVE']).toBe('1');
    expect(Number(env['CCGW_MAX_RPS'])).toBeGreaterThan(0);
    expect(JSON.stringify(doc)).not.toMatch(/password"?\s*[:=]/i);
    expect(doc.spec.runner.envFrom[0]?.secretRef.name).toBe('ccgw-passwords');
    expect(doc.spec.script.configMap.file).toMatch(/\.tar$/);
  });

  it('can package a scenario as a k6 archive that carries src/domain, the validators and the fixtures, but no password', async () => {
    const k6 = await ensureK6();
    const dir = mkdtempSync(join(tmpdir(), 'ccgw-archive-'));
    const fixtures = join(dir, 'accounts.json');
    writeFileSync(fixtures, JSON.stringify({ agents: [], ranges: [{ from: 30101, to: 30120, vdn: 1, inspector: true, phone: '888{id}', password: { env: 'CCGW_LOAD_PASSWORD' } }, { from: 30201, to: 30220, vdn: 1, inspector: false, phone: '888{id}', password: { env: 'CCGW_LOAD_PASSWORD' } }] }));
    const archive = join(dir, 'throughput.tar');
    // k6 archive does not see the shell's environment: values go in with -e, and --exclude-env-vars keeps them
    // (the password above all) out of the archive; the runners get them from the TestRun's env and Secret.
    const vars = { CCGW_FIXTURES: fixtures, CCGW_LOAD_PASSWORD: 'not-in-the-archive', BASE_URL: 'https://cc-gateway.example.internal:8043', CCGW_LIVE: '1', CCGW_MAX_RPS: '10' };
    await run(k6, ['archive', '--quiet', '--exclude-env-vars', ...Object.entries(vars).flatMap(([k, v]) => ['-e', `${k}=${v}`]), join(ROOT, 'load/scenarios/throughput.ts'), '-O', archive], {
      cwd: ROOT,
      env: { ...process.env, K6_NO_USAGE_REPORT: 'true' },
      timeout: 120_000,
    });
    const { stdout } = await run('tar', ['-tf', archive]);
    // The domain modules the scenario imports (its rule rows for session loss, the profiles); not the whole domain.
    expect(stdout).toMatch(/src\/domain\/session-loss\.ts/);
    expect(stdout).toMatch(/src\/domain\/profiles\.ts/);
    expect(stdout).toMatch(/src\/generated\/validators\.js/);
    expect(stdout).toMatch(/accounts\.json/);
    const { stdout: contents } = await run('tar', ['-xOf', archive], { maxBuffer: 64 * 1024 * 1024, encoding: 'latin1' });
    expect(contents).not.toContain('not-in-the-archive');
  }, 180_000);
});
