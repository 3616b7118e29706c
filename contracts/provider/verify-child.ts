/**
 * Runs one pact verification in a child process (see verify-in-child.ts for the parent side): Pact's Rust core
 * prints its verification transcript to the process's standard output, which the parent captures instead of
 * showing.
 *
 * Protocol: the parent writes one JSON request on stdin (it holds the fixtures' passwords, so it never goes
 * through a file or the command line); the child writes JSON lines on file descriptor 3 — one
 * `{ "interaction": ... }` as each interaction finishes, then one `{ "result": GatewayVerification }` — and exits 0,
 * whatever the verification found. Anything else (a crash) is a non-zero exit with the reason on stderr. Pact's
 * transcript goes to stdout, which the parent captures.
 */
import { createWriteStream } from 'node:fs';
import { resolveProfile, withOverrides, type ProfileOverrides } from '../../src/domain/profiles.ts';
import type { LoadedFixtures } from '../../src/fixtures/index.ts';
import type { GatewayVerification } from './contract-report.ts';
import type { InteractionDone } from './run-verification.ts';
import { verifyGateway } from './verify-live.ts';
import { verifyMockGateway } from './verify-mock.ts';

/** What the parent asks for. */
export interface VerificationRequest {
  /** `mock`: states through the mock's admin API; `live`: through the gateway's public calls only. */
  readonly kind: 'mock' | 'live';
  readonly gatewayUrl: string;
  /** mock: the mock itself, when `gatewayUrl` is a proxy in front of it. Default `gatewayUrl`. */
  readonly adminUrl?: string;
  /** The accounts (mock: default the demo accounts; live: required). */
  readonly fixtures?: LoadedFixtures;
  readonly profile: { readonly name: string; readonly overrides: ProfileOverrides };
  readonly auth: 'static' | 'dynamic';
  readonly tls?: { readonly caFile?: string; readonly insecure?: boolean };
  /** live: the gateway's long-poll wait with no event, in ms (default 10 s). */
  readonly pollWaitMs?: number;
}

/** One line the child writes on file descriptor 3. */
export type ChildMessage = { readonly interaction: InteractionDone } | { readonly result: GatewayVerification };

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const request = JSON.parse(input) as VerificationRequest;
  const profile = withOverrides(resolveProfile(request.profile.name), request.profile.overrides);
  const out = createWriteStream('', { fd: 3 });
  const send = (message: ChildMessage) => out.write(`${JSON.stringify(message)}\n`);
  const onInteraction = (interaction: InteractionDone) => send({ interaction });
  let result: GatewayVerification;
  if (request.kind === 'mock') {
    result = await verifyMockGateway({
      gatewayUrl: request.gatewayUrl,
      ...(request.adminUrl ? { adminUrl: request.adminUrl } : {}),
      ...(request.fixtures ? { fixtures: request.fixtures } : {}),
      profile: profile.name,
      auth: request.auth,
      onInteraction,
    });
  } else {
    if (!request.fixtures) throw new Error('a live verification needs the fixtures of the gateway');
    result = await verifyGateway({
      gatewayUrl: request.gatewayUrl,
      fixtures: request.fixtures,
      profile,
      auth: request.auth,
      ...(request.tls ? { tls: request.tls } : {}),
      ...(request.pollWaitMs !== undefined ? { pollWaitMs: request.pollWaitMs } : {}),
      onInteraction,
    });
  }
  send({ result });
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

main().then(
  () => process.exit(0),
  (e: Error) => {
    process.stderr.write(`${e.stack ?? e.message}\n`);
    process.exit(1);
  },
);
