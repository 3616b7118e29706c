/**
 * The property tests against a live CC-Gateway (or any gateway reached only through its public calls), on the test
 * accounts of a fixtures file, for `ccgw verify --properties --gateway URL --fixtures FILE`.
 *
 * - **What runs**: the contract-conformance property (`properties.live.conformance`: random calls of every
 *   operation; every answer in the contract) and the model-based property (`properties.live.model`: sequences of
 *   calls by several inspectors on several agents against the abstract model; the end state read back with
 *   `agentstatus`). A bounded number of runs each, and bounded shrinking (each shrink is a whole run).
 * - **Other people's system**: only the fixtures' accounts are signed in or barged (valid IDs outside the fixtures
 *   are never sent: they may be someone's); passwords are always the right ones (wrong ones may lock an account);
 *   sign-in bodies never ask for push mode; no `/__admin` call; every request waits for the rate cap; an event poll
 *   is made only when an event is probably queued (a poll of an empty queue is held ~10 s).
 * - **Clean-up**: after every run its barges are cancelled and its sign-ins forced out; before the first run and
 *   after the last (even after a failure or an abort), every cast account is taken over and signed out
 *   (forcelogin, then forcelogout). The `properties.live.cleanup` case says whether that worked.
 * - **Reproducible**: `seed`, `path` and `replayPath` replay a failure printed by an earlier run (with `properties`
 *   naming the one property to replay).
 *
 * @example
 * ```ts
 * import { runLiveProperties } from './run-live-properties.ts';
 *
 * const result = await runLiveProperties({
 *   gatewayUrl: 'https://10.0.0.5:8043',
 *   fixtures: 'qa-accounts.json',
 *   tls: { caFile: 'gateway-ca.pem' },
 *   numRuns: 10,
 *   maxRequestsPerSecond: 5,
 * });
 * for (const c of result.cases) console.log(c.outcome, c.id, c.failure?.message ?? '');
 * ```
 */
import { GatewayClient, type TlsOptions } from '../../src/client/index.ts';
import { DEFAULT_PROFILE, resolveProfile, type Profile } from '../../src/domain/profiles.ts';
import { GATEWAY_TIMING } from '../../src/domain/timing.ts';
import { loadFixturesFile, type LoadedFixtures } from '../../src/fixtures/index.ts';
import { scrubLiterals } from '../../src/redact/secrets.ts';
import type { Case } from '../../src/report/run-summary.ts';
import { GatewayDriver, type CleanupProblem } from '../gateway/gateway-driver.ts';
import { RateLimiter } from '../../src/client/rate-limiter.ts';
import { conformanceProperty } from '../http/random-calls.ts';
import { castFromAccounts, type Cast } from '../model/cast.ts';
import { checkEndStateByStatus } from '../model/end-state.ts';
import { modelProperty } from '../model/model-property.ts';
import { answersOfProfile, documentedRangeOf } from '../model/documented-rules.ts';
import { checkProperty, type PropertyResult } from '../report/check-property.ts';
import { checkPropertySettings, PropertySettingsError, type PropertySettings } from '../settings.ts';
import { DEFAULT_LIVE_MAX_RPS } from '../../src/shared/live-target.ts';

/** The properties this entry point runs, by case ID. */
export const LIVE_PROPERTY_IDS = ['properties.live.conformance', 'properties.live.model'] as const;
export type LivePropertyId = (typeof LIVE_PROPERTY_IDS)[number];

/** Settings of {@link runLiveProperties}. */
export interface LivePropertiesOptions {
  /** The gateway's base URL, e.g. `https://10.0.0.5:8043`. */
  readonly gatewayUrl: string;
  /** The test accounts: a fixtures file path (passwords resolved from `env`), or fixtures already loaded. */
  readonly fixtures: LoadedFixtures | string;
  /** The gateway's profile: its ID range and its answers to the cases the documents leave open. Default `ccgw-2024`. */
  readonly profile?: Profile | string;
  /** How to trust an HTTPS gateway's certificate. */
  readonly tls?: TlsOptions;
  /** Runs (sequences) of each property. Default 10. */
  readonly numRuns?: number;
  /** fast-check seed, to replay a failure (printed with it). */
  readonly seed?: number;
  /** fast-check path of a counterexample, to replay it directly (printed with it; give `properties` too). */
  readonly path?: string;
  /** Replay hint of a model-based counterexample (`CCGW_PROPERTY_REPLAY_PATH`, printed with it). */
  readonly replayPath?: string;
  /** Cap on requests per second, over all properties and the clean-up. Default 5. */
  readonly maxRequestsPerSecond?: number;
  /** Stops the runs; the clean-up still happens. Properties not finished are reported as skipped. */
  readonly signal?: AbortSignal;
  /** Only these properties (default: all). */
  readonly properties?: readonly LivePropertyId[];
  /** Calls per sequence. Default 15. */
  readonly maxCalls?: number;
  /** Shrinks tried after a failure, per property. Default 40. */
  readonly maxShrinks?: number;
  /** The gateway's long-poll wait with no event, in ms (AGENT_POLL_WAIT). Default 10000. */
  readonly pollWaitMs?: number;
  /** Timeout of each call, in ms. Default 15000. */
  readonly timeoutMs?: number;
  /** Environment for `{ "env": NAME }` passwords of a fixtures file. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Appended to the replay line of a failure, e.g. the `ccgw verify` command that reruns it. */
  readonly replayCommand?: string;
  /** Told as each run (sequence of calls) of a property is cleaned up, and as each case is decided: for progress lines. */
  readonly onProgress?: (event: LivePropertyProgress) => void;
}

/**
 * A step of {@link runLiveProperties}: a run of a property finished (shrinking runs included, so `run` may exceed
 * `runs`), or a case was decided.
 */
export type LivePropertyProgress =
  | { readonly kind: 'run'; readonly property: LivePropertyId; readonly run: number; readonly runs: number }
  | { readonly kind: 'case'; readonly case: Case };

/** What {@link runLiveProperties} found. */
export interface LivePropertiesResult {
  /** `failed` when a case failed (a property, the preflight or the clean-up). */
  readonly outcome: 'passed' | 'failed';
  /** One case per property, plus `properties.live.preflight` and `properties.live.cleanup`. */
  readonly cases: readonly Case[];
  /** Requests sent to the gateway. */
  readonly requests: number;
  readonly durationMs: number;
  /** The accounts the run used. */
  readonly accounts: readonly string[];
}

function checkCase(id: string, title: string, started: number, problems: readonly CleanupProblem[]): Case {
  const durationMs = Date.now() - started;
  if (problems.length === 0) return { id, title, kind: 'check', outcome: 'passed', durationMs };
  const message = problems.map((p) => `agent ${p.agentId}: ${p.detail}`).join('\n');
  return { id, title, kind: 'check', outcome: 'failed', durationMs, failure: { message } };
}

function skipped(id: string, title: string, reason: string): Case {
  return { id, title, kind: 'property', outcome: 'skipped', durationMs: 0, skipReason: reason };
}

/**
 * Runs the properties against a live gateway and returns one case per property plus the preflight and clean-up
 * checks. Never throws for what the gateway answers; throws for unusable settings (a bad seed or path, fixtures
 * that cannot be read or cannot cast the model's roles, a bad rate cap).
 */
export async function runLiveProperties(options: LivePropertiesOptions): Promise<LivePropertiesResult> {
  const started = Date.now();
  const profile = typeof options.profile === 'string' ? resolveProfile(options.profile) : (options.profile ?? DEFAULT_PROFILE);
  const settings: PropertySettings = checkPropertySettings({ seed: options.seed, path: options.path, numRuns: options.numRuns, replayPath: options.replayPath });
  const only = options.properties ?? LIVE_PROPERTY_IDS;
  for (const id of only) {
    if (!(LIVE_PROPERTY_IDS as readonly string[]).includes(id)) throw new PropertySettingsError(`properties: ${JSON.stringify(id)} is not a live property; use ${LIVE_PROPERTY_IDS.join(', ')}`);
  }
  if (settings.path !== undefined && only.length !== 1) {
    throw new PropertySettingsError(`path ${JSON.stringify(settings.path)} replays one property's counterexample; name that property in properties (one of ${LIVE_PROPERTY_IDS.join(', ')})`);
  }
  const fixtures = typeof options.fixtures === 'string' ? await loadFixturesFile(options.fixtures, { env: options.env ?? process.env, profile }) : options.fixtures;
  const cast: Cast = castFromAccounts(fixtures.accounts);
  const ids = cast.all.map((a) => a.id);
  const limiter = new RateLimiter(options.maxRequestsPerSecond ?? DEFAULT_LIVE_MAX_RPS, options.signal);
  const pollWaitMs = options.pollWaitMs ?? GATEWAY_TIMING.pollWaitMs.value;
  const client = new GatewayClient({ baseUrl: options.gatewayUrl, pollWaitMs, ...(options.tls ? { tls: options.tls } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  const maxCalls = options.maxCalls ?? 15;
  const maxShrinks = options.maxShrinks ?? 40;
  const numRuns = settings.numRuns ?? 10;
  const cases: Case[] = [];
  const runProblems: CleanupProblem[] = [];
  const newDriver = () => new GatewayDriver(client, cast.all, limiter);
  /** Undoes one run; accounts whose session clean-up failed are taken over and signed out before the next run. */
  let running: { property: LivePropertyId; runs: number } | undefined;
  const finishRun = async (driver: GatewayDriver) => {
    const problems = await driver.cleanUp();
    if (problems.length > 0) runProblems.push(...(await driver.ensureSignedOut([...new Set(problems.map((p) => p.agentId))].filter((id) => ids.includes(id)))));
    if (running) options.onProgress?.({ kind: 'run', property: running.property, run: ++running.runs, runs: numRuns });
  };
  const decided = (c: Case) => {
    cases.push(c);
    options.onProgress?.({ kind: 'case', case: c });
  };
  const aborted = () => options.signal?.aborted === true;
  const replayCommand = (id: LivePropertyId) => options.replayCommand ?? `(rerun the live properties with these settings and properties: ['${id}'])`;

  const conformance = conformanceProperty({
    cast,
    range: documentedRangeOf(profile),
    pathMismatch: profile.answers.pathMismatch.value,
    live: true,
    unknownIds: [],
    maxCalls,
    maxShrinks,
    startRun: async () => newDriver(),
    checkEnd: async () => [],
    finishRun,
  });
  const model = modelProperty(
    {
      cast,
      settings: { answers: answersOfProfile(profile), qcOnInspectors: profile.qcOnInspectors },
      events: 'lenient',
      commands: { unknownIds: [], wrongPasswords: false, pollOnlyWhenDue: true },
      maxCommands: maxCalls,
      maxShrinks,
      startRun: async () => newDriver(),
      checkEnd: (m, real) => checkEndStateByStatus(m, real, cast),
      finishRun,
    },
    settings.replayPath,
  );
  const common = (id: LivePropertyId) => ({ id, defaultRuns: numRuns, replayCommand: replayCommand(id) });
  const runners: Record<LivePropertyId, { readonly title: string; readonly run: (title: string) => Promise<PropertyResult> }> = {
    'properties.live.conformance': {
      title: 'every answer of the gateway to any call of the fixtures accounts is in the contract',
      run: (title) => checkProperty({ ...common('properties.live.conformance'), title, property: conformance }, settings),
    },
    'properties.live.model': {
      title: 'sequences of sign-ins, barges, cancels, polls and sign-outs answer as the abstract model says, and agentstatus ends where the model ends',
      run: (title) => checkProperty({ ...common('properties.live.model'), title, property: model }, settings),
    },
  };

  try {
    const preflightStarted = Date.now();
    const preflight = await newDriver().ensureSignedOut(ids);
    decided(checkCase('properties.live.preflight', `every cast account (${ids.join(', ')}) can be signed in and out with the fixtures' credentials`, preflightStarted, preflight));
    for (const id of only) {
      const { title, run } = runners[id];
      if (preflight.length > 0) {
        decided(skipped(id, title, 'the preflight could not sign the cast accounts in and out; see properties.live.preflight'));
        continue;
      }
      if (aborted()) {
        decided(skipped(id, title, 'aborted before this property started'));
        continue;
      }
      running = { property: id, runs: 0 };
      const result = await run(title);
      running = undefined;
      if (aborted()) decided(skipped(id, title, `aborted after ${result.numRuns} run(s)`));
      else decided(result.case);
    }
  } finally {
    running = undefined;
    const cleanupStarted = Date.now();
    const final = await newDriver().ensureSignedOut(ids);
    decided(checkCase('properties.live.cleanup', `every cast account is signed out after the run (${ids.join(', ')})`, cleanupStarted, [...runProblems, ...final]));
    client.close();
  }
  // Nothing the gateway echoed may carry a password into a report.
  const secrets = [...new Set(cast.all.map((a) => a.password))];
  const scrubbed = cases.map((c): Case => {
    if (!c.failure) return c;
    const { message, counterexample, actual } = c.failure;
    return {
      ...c,
      failure: {
        ...c.failure,
        message: scrubLiterals(message, secrets),
        ...(counterexample !== undefined ? { counterexample: scrubLiterals(counterexample, secrets) } : {}),
        ...(typeof actual === 'string' ? { actual: scrubLiterals(actual, secrets) } : {}),
      },
    };
  });
  return {
    outcome: scrubbed.some((c) => c.outcome === 'failed') ? 'failed' : 'passed',
    cases: scrubbed,
    requests: limiter.taken,
    durationMs: Date.now() - started,
    accounts: ids,
  };
}
