/**
 * Provider verification of the committed pact against the mock gateway, with provider states made through the
 * mock's `/__admin` API (see mock-driver.ts). Every interaction can be produced, the CTI faults included.
 */
import type { LoadedFixtures } from '../../src/fixtures/index.ts';
import { COMMITTED_PACT } from '../pact-names.ts';
import { contractReport, type GatewayVerification } from './contract-report.ts';
import { mockStateDriver } from './mock-driver.ts';
import { runPactVerification, type InteractionDone } from './run-verification.ts';

/** Settings of {@link verifyMockGateway}. */
export interface VerifyMockOptions {
  /** Where the verifier sends the pact's requests: the mock, or a proxy in front of it. */
  readonly gatewayUrl: string;
  /** The mock itself, for `/__admin` and the calls a state makes. Default `gatewayUrl`. */
  readonly adminUrl?: string;
  readonly adminToken?: string;
  /** The accounts the mock was seeded with. Default: the demo fixtures (the pact's example accounts). */
  readonly fixtures?: LoadedFixtures;
  /** Default: the committed pact. */
  readonly pactFile?: string;
  /** Profile and auth mode, for the report. Default `ccgw-2024`, `dynamic`. */
  readonly profile?: string;
  readonly auth?: 'static' | 'dynamic';
  /** Told as each interaction finishes, for progress lines. */
  readonly onInteraction?: (done: InteractionDone) => void;
}

/** Verifies the pact against a mock gateway and returns the cases, the summary and JUnit XML. */
export async function verifyMockGateway(options: VerifyMockOptions): Promise<GatewayVerification> {
  const started = Date.now();
  const adminUrl = options.adminUrl ?? options.gatewayUrl;
  const driver = mockStateDriver({ adminUrl, adminToken: options.adminToken, ...(options.fixtures ? { fixtures: options.fixtures } : {}) });
  const secrets = [...new Set((options.fixtures?.accounts ?? []).map((a) => a.password))];
  const cases = await runPactVerification({
    pactFile: options.pactFile ?? COMMITTED_PACT,
    gatewayUrl: options.gatewayUrl,
    driver,
    secrets,
    ...(options.onInteraction ? { onInteraction: options.onInteraction } : {}),
  });
  return contractReport(cases, { kind: 'mock', url: options.gatewayUrl, profile: options.profile ?? 'ccgw-2024', auth: options.auth ?? 'dynamic' }, started, secrets);
}
