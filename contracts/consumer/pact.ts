/**
 * The consumer side's Pact: a PactV4 that writes `qc-console-cc-gateway.json` (Pact specification V4) into the
 * scratch directory, and the project's own client pointed at Pact's mock server, so the pact records what the client
 * really sends.
 */
import { PactV4, SpecificationVersion, type V3MockServer } from '@pact-foundation/pact';
import { GatewayClient } from '../../src/client/index.ts';
import { CONSUMER, PROVIDER, SCRATCH_DIR } from '../pact-names.ts';

/** A new Pact for the addinsert contract, writing into the scratch directory. */
export function newPact(): PactV4 {
  return new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir: SCRATCH_DIR, spec: SpecificationVersion.SPECIFICATION_VERSION_V4, logLevel: 'warn' });
}

/** Runs `act` with a {@link GatewayClient} on Pact's mock server, closing it afterwards. */
export async function withClient<T>(server: V3MockServer, act: (client: GatewayClient) => Promise<T>): Promise<T> {
  const client = new GatewayClient({ baseUrl: server.url, timeoutMs: 10_000 });
  try {
    return await act(client);
  } finally {
    client.close();
  }
}
