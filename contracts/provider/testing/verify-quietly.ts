/**
 * Test helper: a provider verification run in a child process (verify-in-child.ts), so that Pact core's
 * transcript — which it prints straight to standard output, "There were 9 pact failures" included when a test breaks
 * the gateway on purpose — is kept for the test to assert on instead of filling the test log.
 */
import type { LoadedFixtures } from '../../../src/fixtures/index.ts';
import type { GatewayVerification } from '../contract-report.ts';
import { plainTranscript, verifyInChildProcess } from '../verify-in-child.ts';

/** A verification's result and what Pact printed while it ran (colour codes removed). */
export type QuietVerification = GatewayVerification & { readonly transcript: string };

const DEFAULTS = { profile: { name: 'ccgw-2024', overrides: {} }, auth: 'dynamic' } as const;

/** Verifies the committed pact against a mock, its states through `/__admin` of `adminUrl` (default `gatewayUrl`). */
export async function verifyMockQuietly(o: { readonly gatewayUrl: string; readonly adminUrl?: string }): Promise<QuietVerification> {
  const { verification, transcript } = await verifyInChildProcess({ kind: 'mock', ...DEFAULTS, ...o });
  return { ...verification, transcript: plainTranscript(transcript) };
}

/** Verifies the committed pact against a gateway through its public calls only, on the fixtures' accounts. */
export async function verifyGatewayQuietly(o: {
  readonly gatewayUrl: string;
  readonly fixtures: LoadedFixtures;
  readonly tls?: { readonly caFile?: string; readonly insecure?: boolean };
  readonly pollWaitMs?: number;
}): Promise<QuietVerification> {
  const { verification, transcript } = await verifyInChildProcess({ kind: 'live', ...DEFAULTS, ...o });
  return { ...verification, transcript: plainTranscript(transcript) };
}
