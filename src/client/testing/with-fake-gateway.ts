/**
 * Test fixture: starts a fake gateway and a client for it, and closes both after each test.
 * Call it at the top of a test file (it registers a vitest `afterEach`).
 */
import { afterEach } from 'vitest';
import { GatewayClient, type GatewayClientOptions } from '../gateway-client.ts';
import { startFakeGateway, type FakeGateway, type FakeGatewayOptions } from './fake-gateway.ts';

/** What {@link withFakeGateway} returns. */
export interface FakeGatewayFixture {
  start(
    routes?: FakeGatewayOptions['routes'],
    clientOptions?: Omit<GatewayClientOptions, 'baseUrl'>,
    serverOptions?: Omit<FakeGatewayOptions, 'routes'>,
  ): Promise<{ gw: FakeGateway; client: GatewayClient }>;
  /** A further client for the running gateway (closed after the test too). */
  client(options: GatewayClientOptions): GatewayClient;
}

/** Registers the cleanup and returns the fixture. */
export function withFakeGateway(): FakeGatewayFixture {
  const gateways: FakeGateway[] = [];
  const clients: GatewayClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await Promise.all(gateways.splice(0).map((g) => g.close()));
  });
  return {
    async start(routes, clientOptions = {}, serverOptions = {}) {
      const gw = await startFakeGateway({ ...serverOptions, routes });
      gateways.push(gw);
      const client = new GatewayClient({ ...clientOptions, baseUrl: gw.baseUrl });
      clients.push(client);
      return { gw, client };
    },
    client(options) {
      const client = new GatewayClient(options);
      clients.push(client);
      return client;
    },
  };
}
