/**
 * The consumer side's Pact: a PactV4 that writes `qc-console-cc-gateway.json` (Pact specification V4) into the
 * scratch directory, and the project's own client pointed at Pact's mock server, so the pact records what the client
 * really sends.
 */
import { PactV4, SpecificationVersion, type V3MockServer } from '@pact-foundation/pact';
import { getFfiLib } from '@pact-foundation/pact-core';
import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayClient } from '../../src/client/index.ts';
import { CONSUMER, PROVIDER, SCRATCH_DIR } from '../pact-names.ts';

const LOG_LEVEL = 'warn';

/** A new Pact for the addinsert contract, writing into the scratch directory. */
export function newPact(): PactV4 {
  return new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir: SCRATCH_DIR, spec: SpecificationVersion.SPECIFICATION_VERSION_V4, logLevel: LOG_LEVEL });
}

/** Runs `act` with a {@link GatewayClient} on Pact's mock server, closing it afterwards. */
export async function withClient<T>(server: V3MockServer, act: (client: GatewayClient) => Promise<T>): Promise<T> {
  const client = new GatewayClient({ baseUrl: server.url, timeoutMs: 10_000 });
  try {
    return await act(client);
  } finally {
    client.close();
    await matchesRecorded(server.port);
  }
}

/** How long {@link matchesRecorded} waits for a match that is not coming (a real mismatch, which Pact then reports). */
const RECORDING_LIMIT_MS = 2_000;

/**
 * Waits until Pact's mock server on `port` has recorded its matches, at most {@link RECORDING_LIMIT_MS}.
 *
 * Why: pact-core 19.1+ (pact 16.3+) records a match on a task of its own, after the answer may already have reached
 * the client; under CPU load `executeTest` can then read "expected but not received" for a request that was
 * received, matched and answered (pact-foundation/pact-core-mock-server#13, pact-js#1835). Measured here with three
 * CPU-bound processes beside it: 5 of 500 interactions failed so, none of 1,000 with this wait.
 */
async function matchesRecorded(port: number): Promise<void> {
  const ffi = getFfiLib(LOG_LEVEL);
  const until = Date.now() + RECORDING_LIMIT_MS;
  while (!ffi.pactffiMockServerMatched(port) && Date.now() < until) await sleep(2);
}
