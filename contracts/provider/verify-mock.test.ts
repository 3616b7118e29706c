import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockGateway, type MockGateway } from '../../src/gateway/index.ts';
import { readPact } from '../pact-file.ts';
import { COMMITTED_PACT } from '../pact-names.ts';
import { verifyMockQuietly } from './testing/verify-quietly.ts';

let gw: MockGateway;

beforeAll(async () => {
  gw = await startMockGateway({ port: 0, pollWaitMs: 300 });
});

afterAll(async () => {
  await gw.close();
});

describe('the committed pact, verified against the in-process mock gateway (states through /__admin; Pact runs in a child process)', () => {
  it('passes every interaction', async () => {
    // Act
    const result = await verifyMockQuietly({ gatewayUrl: gw.url });

    // Assert
    const failures = result.cases.filter((c) => c.outcome !== 'passed').map((c) => `${c.id}: ${c.failure?.message ?? c.skipReason}`);
    expect(failures).toEqual([]);
    expect(result.cases).toHaveLength(readPact(COMMITTED_PACT).interactions?.length ?? 0);
    expect(result.outcome).toBe('passed');
    expect(result.transcript).toContain('Verifying a pact between qc-console and cc-gateway');
    expect(result.transcript).not.toContain('Failures:');
  });

  it('records what the gateway answered in each case', async () => {
    const result = await verifyMockQuietly({ gatewayUrl: gw.url });

    const observed = Object.fromEntries(result.cases.map((c) => [c.id, c.observed?.['eventType'] ?? c.observed?.retcode]));
    expect(observed).toMatchObject({
      'pact.signin.ok': '0',
      'pact.addinsert.ok': '0',
      'pact.addinsert.cti-provider-unavailable': '900-001',
      'pact.addinsert.target-already-barged': '900-005',
      'pact.event.inspector-phone-offhook': 'AgentOther_PhoneOffhook',
      'pact.event.target-be-qc-start': 'AgentOther_BeQcStart',
    });
  });

  it('leaves the mock with nobody signed in and no fault in force', async () => {
    await verifyMockQuietly({ gatewayUrl: gw.url });

    const snapshot = (await (await fetch(`${gw.url}/__admin/snapshot`)).json()) as { agents: unknown[] };
    const faults = (await (await fetch(`${gw.url}/__admin/faults`)).json()) as { faults: unknown[] };
    expect(snapshot.agents).toEqual([]);
    expect(faults.faults).toEqual([]);
  });
});
