/**
 * The gateway a run talks to: the embedded mock (started here, with the profile and the fixtures of the
 * settings) or a live gateway (its URL, TLS options, and the fixtures file with its test accounts). A live gateway
 * is probed when it is opened (one status call without a Guid, see reachability.ts): when nothing answers within
 * CCGW_PROBE_TIMEOUT (default 15 s, the client's call timeout), opening fails with {@link GatewayUnreachable}
 * naming the URL, the cause and the fix, before any phase runs.
 */
import type { Settings } from '../config/settings.ts';
import { demoFixtures, FixturesError, loadFixturesFile, type LoadedFixtures } from '../fixtures/load-fixtures.ts';
import { startMockGateway, type MockGateway } from '../gateway/mock-gateway.ts';
import { DEMO_FIXTURES_PATH } from '../paths.ts';
import { ContractFailure, GatewayUnreachable, UsageError } from '../io/errors.ts';
import { durationOption } from '../io/options.ts';
import { DEFAULT_TIMEOUT_MS } from '../client/index.ts';
import { mockFixtures, type MockFixturesRequest } from './mock-fixtures.ts';
import { reachabilityCheck, type Unreachable } from './reachability.ts';

/** An open target. */
export interface OpenTarget {
  readonly kind: 'mock' | 'live';
  readonly url: string;
  /** The accounts: the mock's (demo unless a fixtures file is given) or the live gateway's test accounts. */
  readonly fixtures: LoadedFixtures;
  /** The fixtures file (the demo file for the default mock), for processes that load it themselves (k6). */
  readonly fixturesPath: string;
  /** Where the accounts came from when the command line did not say (read from a ccgw mock's admin API). */
  readonly accountsNote?: string;
  readonly tls: { readonly caFile?: string; readonly insecure: boolean } | undefined;
  /** Loopback or mock: rehearsal rules do not apply, no rate cap needed. */
  readonly loopback: boolean;
  /** The embedded mock, when the target is the mock (for its admin state in checks). */
  readonly mock: MockGateway | undefined;
  /** The embedded mock's clock, which checks may move forward (a Guid's expiry without the wait); absent elsewhere. */
  readonly clock: { advance(ms: number): void } | undefined;
  readonly auth: 'static' | 'dynamic';
  /** Probes the gateway again (e.g. after a failed phase); undefined when it answers (always, for the embedded mock). */
  checkReachable(): Promise<Unreachable | undefined>;
  close(): Promise<void>;
}

export { DEMO_FIXTURES_PATH };

/** How long the reachability probe waits for an answer when CCGW_PROBE_TIMEOUT is not set: one call's timeout. */
export const DEFAULT_PROBE_TIMEOUT_MS = DEFAULT_TIMEOUT_MS;

/**
 * Opens the target of the settings.
 * @throws UsageError for a fixtures or --ca problem; GatewayUnreachable when a gateway does not answer the probe;
 *   ContractFailure when the mock cannot start
 */
export async function openTarget(command: string, settings: Settings, env: Readonly<Record<string, string | undefined>>): Promise<OpenTarget> {
  let fixtures: LoadedFixtures | undefined;
  try {
    if (settings.fixturesPath) fixtures = await loadFixturesFile(settings.fixturesPath, { env, profile: settings.profile });
    else if (settings.target.kind === 'mock') fixtures = demoFixtures(settings.profile);
  } catch (e) {
    if (e instanceof FixturesError) throw new UsageError(command, e.message);
    throw e;
  }
  let fixturesPath = settings.fixturesPath ?? DEMO_FIXTURES_PATH;
  if (settings.target.kind === 'live') {
    const t = settings.target;
    const tls = t.url.startsWith('https:') ? { ...(t.caFile ? { caFile: t.caFile } : {}), insecure: t.insecure } : undefined;
    const timeoutMs = durationOption(command, 'CCGW_PROBE_TIMEOUT', env['CCGW_PROBE_TIMEOUT'], DEFAULT_PROBE_TIMEOUT_MS);
    if (timeoutMs === 0) throw new UsageError(command, 'CCGW_PROBE_TIMEOUT "0" is too short; use e.g. 5s');
    const probe = reachabilityCheck({ url: t.url, tls, agentId: fixtures?.accounts[0]?.id ?? '101', timeoutMs }, settings.maxRequestsPerSecond);
    let problem: Unreachable | undefined;
    try {
      problem = await probe();
    } catch (e) {
      if (e instanceof TypeError) throw new UsageError(command, e.message); // an unreadable --ca file
      throw e;
    }
    if (problem) throw new GatewayUnreachable(t.url, problem.message);
    let accountsNote: string | undefined;
    let dispose = async () => {};
    if (!fixtures) {
      const found = await fixturesOfMock(command, { url: t.url, tls, env, profile: settings.profile, timeoutMs });
      ({ fixtures, path: fixturesPath, note: accountsNote, dispose } = found);
    }
    return {
      kind: 'live',
      url: t.url,
      fixtures,
      fixturesPath,
      ...(accountsNote ? { accountsNote } : {}),
      tls,
      loopback: t.loopback,
      mock: undefined,
      clock: undefined,
      auth: t.auth,
      checkReachable: probe,
      close: dispose,
    };
  }
  fixtures ??= demoFixtures(settings.profile);
  let mock: MockGateway;
  // The mock's time runs with the machine's, plus what checks moved it forward.
  let ahead = 0;
  try {
    mock = await startMockGateway({ port: 0, profile: settings.profile, auth: settings.target.auth, fixtures, clock: () => Date.now() + ahead });
  } catch (e) {
    throw new ContractFailure(`the embedded mock gateway could not start: ${(e as Error).message}`);
  }
  const clock = {
    advance(ms: number) {
      ahead += ms;
      // The sweeps that would have run in the time that passed have run: agents silent past the limit are out.
      mock.sweep();
    },
  };
  return {
    kind: 'mock',
    url: mock.url,
    fixtures,
    fixturesPath,
    tls: undefined,
    loopback: true,
    mock,
    clock,
    auth: settings.target.auth,
    checkReachable: async () => undefined,
    close: () => mock.close(),
  };
}

/** The accounts of a ccgw mock at a loopback URL given without --fixtures. @throws UsageError when it is not a ccgw mock */
async function fixturesOfMock(command: string, r: MockFixturesRequest) {
  let found;
  try {
    found = await mockFixtures(r);
  } catch (e) {
    if (e instanceof FixturesError) throw new UsageError(command, `${e.message}; or pass --fixtures FILE`);
    throw e;
  }
  if (found.kind === 'found') return found;
  throw new UsageError(
    command,
    `--gateway ${r.url} needs --fixtures FILE (or CCGW_FIXTURES): the test accounts to sign in on that gateway. (Without it, the accounts of a ccgw mock on this machine are read from its admin API, but ${found.why}.)`,
  );
}
