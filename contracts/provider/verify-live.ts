/**
 * Provider verification of the committed pact against a live CC-Gateway (or any gateway reached only through its
 * public calls), on the test accounts of a fixtures file.
 *
 * - **Roles to accounts**: the pact names roles (inspector, target, other-VDN target, ...) with the demo accounts as
 *   examples; {@link castRoles} assigns each role an account of the fixtures (or the one pinned in `roles`). An
 *   interaction whose roles the fixtures cannot fill fails, naming what the fixtures lack.
 * - **Guids and IDs**: a live gateway issues its own Guids. Each state handler signs the accounts in and answers
 *   their IDs, Guids (and, for the sign-in, phone and password); the Pact verifier injects them into the request
 *   through the pact's `fromProviderState` expressions (`${inspector}`, `${inspectorGuid}`, ...). pact-js also offers
 *   a `requestFilter` (an express middleware in its proxy); provider-state injection is preferred because the pact
 *   itself then says which values come from the state, for any verifier (pact-jvm, the Pact CLI) the vendor uses.
 * - **What cannot be produced**: no public call makes the CTI fail, so the 900-001 and 900-003 interactions are
 *   reported as skipped with the reason, never as passed.
 * - **Clean-up**: every state's teardown cancels its barge and signs its accounts out; after the run, every account
 *   the run touched is signed out again, whatever failed (case `contracts.cleanup`).
 * - **TLS**: the verifier talks plain HTTP to a loopback proxy that forwards to the gateway with `tls` (a CA file, or
 *   `insecure` for a test gateway).
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { verifyGateway } from './verify-live.ts';
 *
 * const result = await verifyGateway({
 *   gatewayUrl: 'https://10.0.0.5:8043',
 *   fixtures: 'qa-accounts.json',
 *   tls: { caFile: 'gateway-ca.pem' },
 * });
 * writeFileSync('contracts-junit.xml', result.junit);
 * process.exitCode = result.outcome === 'passed' ? 0 : 1;
 * ```
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayClient, type TlsOptions } from '../../src/client/index.ts';
import { DEFAULT_PROFILE, resolveProfile, type AnswerName, type Profile } from '../../src/domain/profiles.ts';
import { loadFixturesFile, type LoadedFixtures } from '../../src/fixtures/index.ts';
import { scrubLiterals } from '../../src/redact/secrets.ts';
import type { Case } from '../../src/report/run-summary.ts';
import { readPact, type PactInteraction } from '../pact-file.ts';
import { COMMITTED_PACT } from '../pact-names.ts';
import { rolesOf, STATES_BY_NAME, type Role, type StateParams } from '../provider-states.ts';
import { castRoles, type Cast } from './cast.ts';
import { contractReport, type GatewayVerification } from './contract-report.ts';
import { ensureSignedOut, liveStateDriver } from './live-driver.ts';
import { caseIdOf, runPactVerification, type InteractionDone } from './run-verification.ts';

export { CastError } from './cast.ts';
export type { GatewayVerification } from './contract-report.ts';

/** Settings of {@link verifyGateway}. */
export interface VerifyGatewayOptions {
  /** The gateway's base URL, e.g. `https://10.0.0.5:8043`. */
  readonly gatewayUrl: string;
  /** The test accounts: a fixtures file path, or fixtures already loaded. */
  readonly fixtures: LoadedFixtures | string;
  /** The gateway's profile (ID range of the fixtures; notes on inferred retcodes). Default `ccgw-2024`. */
  readonly profile?: Profile | string;
  /** How to trust an HTTPS gateway's certificate. */
  readonly tls?: TlsOptions;
  /** Pins roles to accounts by agent ID, e.g. `{ inspector: '20101' }`; the others are cast from the fixtures. */
  readonly roles?: Readonly<Partial<Record<Role, string>>>;
  /** Default: the committed pact, contracts/pacts/qc-console-cc-gateway.json. */
  readonly pactFile?: string;
  /** The gateway's long-poll wait with no event, in ms (AGENT_POLL_WAIT). Default 10000. */
  readonly pollWaitMs?: number;
  /** Timeout of each call the state handlers make, in ms. Default 15000. */
  readonly timeoutMs?: number;
  /** Guid mode of the gateway, for the report. Default `dynamic`. */
  readonly auth?: 'static' | 'dynamic';
  /** Environment for `{ "env": NAME }` passwords of a fixtures file. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Pact log level: error (default), warn or info. */
  readonly logLevel?: 'error' | 'warn' | 'info';
  /** Told as each interaction the gateway can produce finishes, for progress lines. */
  readonly onInteraction?: (done: InteractionDone) => void;
}

/** The profile setting behind each interaction whose retcode is inferred, not documented. */
const INFERRED_ANSWERS: Readonly<Record<string, AnswerName>> = {
  'addinsert.wrong-guid': 'guidMismatch',
  'addinsert.other-vdn': 'otherVdn',
  'addinsert.target-already-barged': 'targetAlreadyBarged',
  'cancelinsert.no-barge': 'cancelWithoutBarge',
};

/**
 * Verifies the pact against a live gateway and returns one case per interaction (plus `contracts.cleanup`), the
 * run summary and JUnit XML. Never throws for a contract failure; throws for unusable settings (a bad URL, a
 * fixtures file that cannot be read, a role pinned to an unfit account).
 */
export async function verifyGateway(options: VerifyGatewayOptions): Promise<GatewayVerification> {
  const started = Date.now();
  const profile = typeof options.profile === 'string' ? resolveProfile(options.profile) : (options.profile ?? DEFAULT_PROFILE);
  const fixtures = typeof options.fixtures === 'string' ? await loadFixturesFile(options.fixtures, { env: options.env ?? process.env, profile }) : options.fixtures;
  const cast = castRoles(fixtures, options.roles);
  const secrets = [...new Set(Object.values(cast.accounts).map((a) => a.password))];
  const scrub = (text: string) => scrubLiterals(text, secrets);
  const pactFile = options.pactFile ?? COMMITTED_PACT;
  const pact = readPact(pactFile);
  const interactions = pact.interactions ?? [];

  const plan = new Map<string, Case>();
  const runnable: PactInteraction[] = [];
  for (const interaction of interactions) {
    const verdict = planOf(interaction, cast);
    if (verdict) plan.set(interaction.description, verdict);
    else runnable.push(interaction);
  }

  const client = new GatewayClient({
    baseUrl: options.gatewayUrl,
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.pollWaitMs !== undefined ? { pollWaitMs: options.pollWaitMs } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  const touched = new Set<string>();
  const scratch = mkdtempSync(join(tmpdir(), 'ccgw-live-pact-'));
  let verified: Case[] = [];
  let cleanup: Case;
  try {
    if (runnable.length > 0) {
      const livePact = join(scratch, 'live-subset.json');
      writeFileSync(livePact, JSON.stringify({ ...pact, interactions: runnable }, null, 2));
      verified = await runPactVerification({
        pactFile: livePact,
        gatewayUrl: options.gatewayUrl,
        ...(options.tls ? { tls: options.tls } : {}),
        driver: liveStateDriver({ client, cast, touched, eventWaitMs: Math.max(30_000, 2 * (options.pollWaitMs ?? 10_000) + 10_000) }),
        secrets,
        ...(options.logLevel ? { logLevel: options.logLevel } : {}),
        ...(options.onInteraction ? { onInteraction: options.onInteraction } : {}),
      });
    }
  } finally {
    cleanup = await signOutEverything(client, fixtures, touched, scrub);
    client.close();
    rmSync(scratch, { recursive: true, force: true });
  }

  const byDescription = new Map(verified.map((c, i) => [runnable[i]!.description, c]));
  const cases = interactions.map((i) => annotate(plan.get(i.description) ?? byDescription.get(i.description)!, i, profile));
  return contractReport([...cases, cleanup], { kind: 'live', url: options.gatewayUrl, profile: profile.name, auth: options.auth ?? 'dynamic' }, started, secrets);
}

/** The case of an interaction that is not sent to the gateway (skipped, or failed for want of accounts); else undefined. */
function planOf(interaction: PactInteraction, cast: Cast): Case | undefined {
  const state = interaction.providerStates?.[0];
  const spec = state ? STATES_BY_NAME.get(state.name) : undefined;
  const base = { id: `pact.${caseIdOf(interaction)}`, title: `${interaction.description}${state ? ` (given ${state.name})` : ''}`, kind: 'interaction' as const, durationMs: 0 };
  if (spec?.ctiFault) {
    const what = spec.ctiFault === '900-001' ? 'the CTI provider unavailable (900-001)' : 'a CTI resource unavailable (900-003)';
    return { ...base, outcome: 'skipped', skipReason: `no public call of the gateway makes ${what}; this interaction is verified against the mock gateway only` };
  }
  const lacking = rolesOf(state?.params as StateParams | undefined)
    .map((role) => cast.missing[role])
    .filter((m): m is string => m !== undefined);
  if (lacking.length > 0) {
    return { ...base, outcome: 'failed', failure: { message: `${interaction.description}: the provider state "${state?.name}" cannot be set up: ${lacking.join('; ')}` } };
  }
  return undefined;
}

/** Adds to a failed case whose retcode is an inferred mapping what the profile says about it. */
function annotate(c: Case, interaction: PactInteraction, profile: Profile): Case {
  const setting = INFERRED_ANSWERS[caseIdOf(interaction)];
  if (c.outcome !== 'failed' || !c.failure || setting === undefined) return c;
  const answer = profile.answers[setting];
  const expected = (interaction.response?.body?.content as { retcode?: string } | undefined)?.retcode;
  const how = answer.provenance.kind === 'documented' ? `one of the documented answers (${answer.provenance.source})` : 'inferred, not documented';
  const note =
    answer.value === expected
      ? `note: retcode ${expected} here is ${how}: profile setting ${setting}, candidates ${answer.candidates.join(', ')}; report the gateway's answer to the vendor`
      : `note: profile ${profile.name} expects ${answer.value} here (setting ${setting}), the pact ${expected}; the pact follows the default profile`;
  return { ...c, failure: { ...c.failure, message: `${c.failure.message}\n  ${note}` } };
}

/** Signs out every account the run touched; the case says whether that worked. */
async function signOutEverything(client: GatewayClient, fixtures: LoadedFixtures, touched: ReadonlySet<string>, scrub: (t: string) => string): Promise<Case> {
  const started = Date.now();
  const problems: string[] = [];
  const byId = new Map(fixtures.accounts.map((a) => [a.id, a]));
  await Promise.all(
    [...touched].map(async (id) => {
      const account = byId.get(id);
      if (!account) return;
      try {
        await ensureSignedOut(client, account);
      } catch (e) {
        problems.push(scrub((e as Error).message));
      }
    }),
  );
  const base = { id: 'contracts.cleanup', title: 'every account the verification used is signed out again', kind: 'check' as const, durationMs: Date.now() - started };
  if (problems.length === 0) return { ...base, outcome: 'passed', observed: { accounts: touched.size } };
  return { ...base, outcome: 'failed', failure: { message: `some accounts may still be signed in; sign them out by hand:\n  ${problems.join('\n  ')}` } };
}
