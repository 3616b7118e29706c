import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../src/client/admin-client.ts';
import { startMockProcess, type RunningServer } from '../../src/gateway/testing/mock-process.ts';
import { runLiveProperties } from './run-live-properties.ts';

const POLL_WAIT_MS = 500;

/** A small fixtures file: three inspectors and two agents in VDN 7, an agent in VDN 8. */
const FIXTURES = {
  name: 'live-properties-test',
  agents: [
    { id: '20101', vdn: 7, inspector: true, phone: '88820101', password: 'live-secret-1' },
    { id: '20102', vdn: 7, inspector: true, phone: '88820102', password: 'live-secret-2' },
    { id: '20103', vdn: 7, inspector: true, phone: '88820103', password: 'live-secret-3' },
    { id: '20201', vdn: 7, inspector: false, phone: '88820201', password: 'live-secret-4' },
    { id: '20202', vdn: 7, inspector: false, phone: '88820202', password: 'live-secret-5' },
    { id: '20301', vdn: 8, inspector: false, phone: '88820301', password: 'live-secret-6' },
  ],
};

describe('runLiveProperties against the mock gateway in another process (public calls only)', () => {
  let dir: string;
  let fixturesFile: string;
  let mock: RunningServer | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ccgw-live-properties-'));
    fixturesFile = join(dir, 'fixtures.json');
    writeFileSync(fixturesFile, JSON.stringify(FIXTURES));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => {
    await mock?.stop();
    mock = undefined;
  });

  const start = async () => {
    mock = await startMockProcess(['--fixtures', fixturesFile, '--poll-wait', `${POLL_WAIT_MS}ms`]);
    return { url: mock.url, admin: new AdminClient({ baseUrl: mock.url }) };
  };

  it('runs the conformance and model properties, passes on a gateway that keeps the contract, and leaves no agent signed in', async () => {
    const { url, admin } = await start();
    const result = await runLiveProperties({ gatewayUrl: url, fixtures: fixturesFile, numRuns: 6, maxRequestsPerSecond: 500, pollWaitMs: POLL_WAIT_MS });
    const summary = result.cases.map((c) => `${c.id}: ${c.outcome}${c.failure ? `\n${c.failure.message}` : ''}`).join('\n');
    expect(result.outcome, summary).toBe('passed');
    expect(result.cases.map((c) => c.id)).toEqual(['properties.live.preflight', 'properties.live.conformance', 'properties.live.model', 'properties.live.cleanup']);
    expect(result.requests).toBeGreaterThan(0);
    expect(result.accounts).toEqual(['20101', '20102', '20103', '20201', '20202', '20301']);
    expect(await admin.snapshot()).toEqual([]);
    expect((await admin.audit()).violations).toEqual([]);
  }, 180_000);

  it('reports a gateway that breaks the model with a shrunk sequence, its seed and path, and still signs every account out', async () => {
    const { url, admin } = await start();
    await admin.setFaults([{ operation: 'addInsert', retcode: '900-001' }]);
    const result = await runLiveProperties({ gatewayUrl: url, fixtures: fixturesFile, numRuns: 20, maxRequestsPerSecond: 500, pollWaitMs: POLL_WAIT_MS, properties: ['properties.live.model'] });
    const model = result.cases.find((c) => c.id === 'properties.live.model');
    expect(model?.outcome).toBe('failed');
    expect(model?.failure?.counterexample).toMatch(/AddInsert\(\d+→\d+\) expected 0 got 900-001/);
    expect(model?.failure?.message).toMatch(/replay: CCGW_PROPERTY_SEED=-?\d+ CCGW_PROPERTY_PATH=[\d:]+/);
    expect(model?.failure?.seed).toEqual(expect.any(Number));
    expect(model?.failure?.message).not.toContain('live-secret');
    expect(result.cases.find((c) => c.id === 'properties.live.cleanup')?.outcome).toBe('passed');
    expect(await admin.snapshot()).toEqual([]);
  }, 180_000);

  it('talks HTTPS to a gateway whose certificate it is given, and rejects unusable settings (a lone replay path, a zero rate cap, too few accounts) by name', async () => {
    const caFile = join(dir, 'mock-ca.pem');
    mock = await startMockProcess(['--fixtures', fixturesFile, '--poll-wait', `${POLL_WAIT_MS}ms`, '--tls', '--cert-out', caFile]);
    const result = await runLiveProperties({ gatewayUrl: mock.url, fixtures: fixturesFile, tls: { caFile }, numRuns: 2, maxRequestsPerSecond: 500, pollWaitMs: POLL_WAIT_MS });
    expect(mock.url).toMatch(/^https:/);
    expect(result.outcome, result.cases.map((c) => c.failure?.message ?? '').join('\n')).toBe('passed');
    await expect(runLiveProperties({ gatewayUrl: mock.url, fixtures: fixturesFile, path: '3:1' })).rejects.toThrow(/path "3:1" replays one property's counterexample; name that property in properties/);
    await expect(runLiveProperties({ gatewayUrl: mock.url, fixtures: fixturesFile, maxRequestsPerSecond: 0 })).rejects.toThrow(/maxRequestsPerSecond 0 must be a positive number/);
    await expect(runLiveProperties({ gatewayUrl: mock.url, fixtures: { name: 'one', source: 'test', accounts: FIXTURES.agents.slice(0, 1) } })).rejects.toThrow(/need one VDN with at least 2 inspectors and 1 agent/);
  }, 180_000);

  it('stops when its signal aborts, reports the unfinished properties as skipped, and still signs every account out', async () => {
    const { url, admin } = await start();
    const stop = new AbortController();
    const running = runLiveProperties({ gatewayUrl: url, fixtures: fixturesFile, numRuns: 1000, maxRequestsPerSecond: 200, pollWaitMs: POLL_WAIT_MS, signal: stop.signal });
    setTimeout(() => stop.abort(new Error('stopped by the test')), 1500);
    const result = await running;
    for (const c of result.cases.filter((x) => x.id === 'properties.live.conformance' || x.id === 'properties.live.model')) {
      expect(c.outcome === 'skipped' ? c.skipReason : 'not skipped').toMatch(/aborted/);
    }
    expect(result.cases.find((c) => c.id === 'properties.live.cleanup')?.outcome).toBe('passed');
    expect(await admin.snapshot()).toEqual([]);
  }, 180_000);
});
