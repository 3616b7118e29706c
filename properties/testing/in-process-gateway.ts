/**
 * Test helper: the mock gateway in this process on a free port, with a short long-poll wait (so a poll of an empty
 * queue costs milliseconds), its admin API, and a client.
 *
 * @example
 * ```ts
 * const gw = await startInProcessGateway();
 * await gw.admin.reset();
 * const reply = await gw.client.agent('30101').agentStatus();
 * await gw.close();
 * ```
 */
import { GatewayClient } from '../../src/client/index.ts';
import { DEFAULT_PROFILE, type Profile } from '../../src/domain/profiles.ts';
import { startMockGateway, type MockGateway } from '../../src/gateway/index.ts';
import { AdminApi } from '../gateway/admin-api.ts';

/** The long-poll wait of the in-process gateway, in ms. */
export const TEST_POLL_WAIT_MS = 5;

export interface InProcessGateway {
  readonly mock: MockGateway;
  readonly url: string;
  readonly admin: AdminApi;
  readonly client: GatewayClient;
  readonly profile: Profile;
  close(): Promise<void>;
}

/**
 * Starts the mock (demo fixtures, dynamic Guids as the gateway's default unless `auth` says otherwise) and a client for it.
 * @example
 * ```ts
 * const gw = await startInProcessGateway({ profile: PROFILE_2025 });
 * await gw.close();
 * ```
 */
export async function startInProcessGateway(options: { readonly profile?: Profile; readonly auth?: 'static' | 'dynamic' } = {}): Promise<InProcessGateway> {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const mock = await startMockGateway({ port: 0, pollWaitMs: TEST_POLL_WAIT_MS, profile, ...(options.auth ? { auth: options.auth } : {}) });
  const client = new GatewayClient({ baseUrl: mock.url, pollWaitMs: TEST_POLL_WAIT_MS, timeoutMs: 10_000 });
  return {
    mock,
    url: mock.url,
    admin: new AdminApi(mock.url),
    client,
    profile,
    async close() {
      client.close();
      await mock.close();
    },
  };
}
