/**
 * Test helper: the mock gateway in this process on a free port, with a short long-poll wait (so a poll of an empty
 * queue costs milliseconds), its admin API, and a client. `useInProcessGateway` starts one for a `describe` block.
 */
import { afterAll, beforeAll } from 'vitest';
import { GatewayClient } from '../../src/client/index.ts';
import { RateLimiter } from '../../src/client/rate-limiter.ts';
import type { AgentAccount } from '../../src/domain/agent.ts';
import { DEFAULT_PROFILE, type Profile } from '../../src/domain/profiles.ts';
import { startMockGateway, type MockGateway, type MockGatewayOptions } from '../../src/gateway/index.ts';
import { AdminClient } from '../../src/client/admin-client.ts';
import { GatewayDriver } from '../gateway/gateway-driver.ts';

/** The long-poll wait of the in-process gateway, in ms. */
export const TEST_POLL_WAIT_MS = 5;

export interface InProcessGateway {
  readonly mock: MockGateway;
  readonly url: string;
  readonly admin: AdminClient;
  readonly client: GatewayClient;
  readonly profile: Profile;
  /** Resets the mock and answers a driver of `accounts` on it (no rate cap): the start of one run. */
  freshDriver(accounts: readonly AgentAccount[]): Promise<GatewayDriver>;
  close(): Promise<void>;
}

/** The mock's options besides port and poll wait: its profile, Guid mode, clock, timers. */
export type InProcessOptions = Omit<MockGatewayOptions, 'port' | 'pollWaitMs'>;

/** Starts the mock (demo fixtures, dynamic Guids as the gateway's default unless `auth` says otherwise) and a client for it. */
export async function startInProcessGateway(options: InProcessOptions = {}): Promise<InProcessGateway> {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const mock = await startMockGateway({ ...options, port: 0, pollWaitMs: TEST_POLL_WAIT_MS, profile });
  const client = new GatewayClient({ baseUrl: mock.url, pollWaitMs: TEST_POLL_WAIT_MS, timeoutMs: 10_000 });
  const admin = new AdminClient({ baseUrl: mock.url });
  return {
    mock,
    url: mock.url,
    admin,
    client,
    profile,
    async freshDriver(accounts) {
      await admin.reset();
      return new GatewayDriver(client, accounts, new RateLimiter(undefined));
    },
    async close() {
      client.close();
      await mock.close();
    },
  };
}

/** Starts a gateway before the tests of the enclosing `describe` and closes it after them; call the answer inside a test. */
export function useInProcessGateway(options: InProcessOptions = {}): () => InProcessGateway {
  let gw: InProcessGateway | undefined;
  beforeAll(async () => {
    gw = await startInProcessGateway(options);
  });
  afterAll(async () => gw?.close());
  return () => {
    if (!gw) throw new Error('the in-process gateway is not started: call it inside a test, after beforeAll');
    return gw;
  };
}
