/**
 * Runs one pact verification in a child process, for `ccgw verify` and `ccgw run`: Pact's Rust core prints its
 * verification transcript to the process's standard output, which must stay clean for `--quiet` and `--json`.
 *
 * Protocol: the parent writes one JSON request on stdin (it holds the fixtures' passwords, so it never goes
 * through a file or the command line); the child writes the GatewayVerification as JSON on file descriptor 3
 * and exits 0, whatever the verification found. Anything else (a crash) is a non-zero exit with the reason on
 * stderr. Pact's transcript goes to stdout, which the parent captures.
 */
import { createWriteStream } from 'node:fs';
import { resolveProfile, withOverrides, type ProfileOverrides } from '../../src/domain/profiles.ts';
import type { LoadedFixtures } from '../../src/fixtures/index.ts';
import { verifyGateway } from './verify-live.ts';
import { verifyMockGateway } from './verify-mock.ts';

/** What the parent asks for. */
export interface VerificationRequest {
  readonly kind: 'mock' | 'live';
  readonly gatewayUrl: string;
  readonly fixtures: LoadedFixtures;
  readonly profile: { readonly name: string; readonly overrides: ProfileOverrides };
  readonly auth: 'static' | 'dynamic';
  readonly tls?: { readonly caFile?: string; readonly insecure?: boolean };
}

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const request = JSON.parse(input) as VerificationRequest;
  const profile = withOverrides(resolveProfile(request.profile.name), request.profile.overrides);
  const result =
    request.kind === 'mock'
      ? await verifyMockGateway({ gatewayUrl: request.gatewayUrl, fixtures: request.fixtures, profile: profile.name, auth: request.auth })
      : await verifyGateway({ gatewayUrl: request.gatewayUrl, fixtures: request.fixtures, profile, auth: request.auth, ...(request.tls ? { tls: request.tls } : {}) });
  const out = createWriteStream('', { fd: 3 });
  await new Promise<void>((resolve, reject) => out.end(JSON.stringify(result), (e?: Error | null) => (e ? reject(e) : resolve())));
}

main().then(
  () => process.exit(0),
  (e: Error) => {
    process.stderr.write(`${e.stack ?? e.message}\n`);
    process.exit(1);
  },
);
