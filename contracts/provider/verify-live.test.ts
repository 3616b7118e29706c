import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPasswords } from '../../src/bundle/password-scan.ts';
import { demoFixtures, type LoadedFixtures } from '../../src/fixtures/index.ts';
import { startForwardingProxy } from './forwarding-proxy.ts';
import { startMockProcess, type RunningServer } from '../../src/gateway/testing/mock-process.ts';
import { verifyGatewayQuietly, type QuietVerification } from './testing/verify-quietly.ts';
import { verifyGateway } from './verify-live.ts';

// The mock runs as a separate process over HTTPS and is verified as if it were a live gateway: the verifier and its
// state handlers use only the gateway's public calls. The admin API is read only to check what the run left behind.
let mock: RunningServer;
let dir: string;
let caFile: string;
let result: QuietVerification;

/** Who is signed in on the mock (its admin API, over HTTPS with its own certificate). */
function snapshot(): Promise<{ agents: { id: string }[] }> {
  return new Promise((resolve, reject) => {
    https
      .get(`${mock.url}/__admin/snapshot`, { ca: readFileSync(caFile) }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve(JSON.parse(text) as { agents: { id: string }[] }));
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccgw-live-verify-'));
  caFile = join(dir, 'mock-ca.pem');
  mock = await startMockProcess(['--tls', '--cert-out', caFile, '--poll-wait', '500ms']);
  result = await verifyGatewayQuietly({ gatewayUrl: mock.url, fixtures: demoFixtures(), tls: { caFile }, pollWaitMs: 500 });
});

afterAll(async () => {
  await mock?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('verifyGateway against the mock started as a separate process (HTTPS, public calls only)', () => {
  it('passes every interaction a live gateway can produce', () => {
    const failures = result.cases.filter((c) => c.outcome === 'failed').map((c) => `${c.id}: ${c.failure?.message}`);

    expect(failures).toEqual([]);
    expect(result.outcome).toBe('passed');
    expect(result.cases.filter((c) => c.outcome === 'passed').map((c) => c.id)).toContain('pact.event.target-be-qc-start');
  });

  it('reports the CTI-fault interactions as skipped with the reason, never as passed', () => {
    const skipped = result.cases.filter((c) => c.outcome === 'skipped');

    expect(skipped.map((c) => c.id).sort()).toEqual(['pact.addinsert.cti-provider-unavailable', 'pact.addinsert.cti-resource-unavailable']);
    expect(skipped.map((c) => c.skipReason)).toEqual([expect.stringContaining('no public call of the gateway makes'), expect.stringContaining('no public call of the gateway makes')]);
  });

  it('leaves every account signed out and un-barged, and says so in the cleanup case', async () => {
    const left = await snapshot();

    expect(left.agents).toEqual([]);
    expect(result.cases.find((c) => c.id === 'contracts.cleanup')?.outcome).toBe('passed');
  });

  it('renders JUnit XML with the skipped interactions and their reason', () => {
    expect(result.junit).toContain('<testsuite name="contracts"');
    expect(result.junit).toMatch(/<skipped message="no public call of the gateway makes the CTI provider unavailable \(900-001\)/);
    expect(result.junit).not.toContain('"demo"');
  });

  it('fails the interactions whose roles the fixtures cannot fill, naming what they lack', async () => {
    // Arrange: the demo accounts of VDN 1 only: nobody can play the target in another VDN.
    const demo = demoFixtures();
    const vdn1: LoadedFixtures = { ...demo, name: 'vdn-1-only', source: 'test fixtures', accounts: demo.accounts.filter((a) => a.vdn === 1) };

    // Act
    const partial = await verifyGatewayQuietly({ gatewayUrl: mock.url, fixtures: vdn1, tls: { caFile }, pollWaitMs: 500 });

    // Assert
    const failed = partial.cases.filter((c) => c.outcome === 'failed');
    expect(failed.map((c) => c.id)).toEqual(['pact.addinsert.other-vdn']);
    expect(failed[0]?.failure?.message).toContain(
      'the fixtures "vdn-1-only" (test fixtures) lack an agent without the inspection right in another VDN than the inspector (role otherVdnTarget); add one to the fixtures file',
    );
    expect((await snapshot()).agents).toEqual([]);
  });

  it('leaves every account signed out even when the gateway breaks the contract', async () => {
    // Arrange: a proxy that answers every addinsert with retcode as a number, so states needing a barge fail too.
    const proxy = await startForwardingProxy({
      upstream: mock.url,
      tls: { caFile },
      transform: (req, answer) => {
        if (!req.path.includes('/addinsert/')) return undefined;
        const body = JSON.parse(answer.body.toString('utf8')) as { retcode: string };
        return { ...answer, body: Buffer.from(JSON.stringify({ ...body, retcode: Number(body.retcode) || 0 })) };
      },
    });

    try {
      // Act
      const broken = await verifyGatewayQuietly({ gatewayUrl: proxy.url, fixtures: demoFixtures(), pollWaitMs: 500 });

      // Assert
      expect(broken.outcome).toBe('failed');
      expect(broken.transcript).toMatch(/There were \d+ pact failures/);
      expect(broken.cases.find((c) => c.id === 'pact.event.inspector-busy')?.failure?.message).toContain('provider state "an inspector has barged into an agent of the same VDN" could not be set up');
      expect((await snapshot()).agents).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('refuses an unusable CA file with a message that names it', async () => {
    await expect(verifyGateway({ gatewayUrl: mock.url, fixtures: demoFixtures(), tls: { caFile: join(dir, 'missing.pem') } })).rejects.toThrow(/tls.caFile ".*missing.pem" cannot be read \(ENOENT\)/);
  });

  it('keeps passwords out of the summary and the JUnit XML', () => {
    expect(findPasswords(result.summary)).toEqual([]);
    expect(result.junit).not.toMatch(/password/i);
  });
});
