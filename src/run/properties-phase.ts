/**
 * The properties phase: the property-based checks that work on any gateway through its public calls (every
 * answer within the contract for random calls; model-based sequences of calls by several inspectors on several
 * agents against a small model of the rules), with a bounded number of runs, under the rate cap, on the
 * fixtures' accounts, cleaning up after every run and at the end.
 */
import { runLiveProperties, type LivePropertyProgress } from '../../properties/live/run-live-properties.ts';
import { CastError } from '../../properties/model/cast.ts';
import { RateLimitError } from '../client/rate-limiter.ts';
import { PropertySettingsError } from '../../properties/settings.ts';
import { UsageError } from '../io/errors.ts';
import type { Settings } from '../config/settings.ts';
import { FixturesError } from '../fixtures/parse-fixtures.ts';
import type { Phase } from '../report/run-summary.ts';
import { redactText } from '../report/redact.ts';
import type { Progress } from './progress.ts';
import { fixtureSecrets } from './run-summary.ts';
import type { OpenTarget } from './target.ts';

/** Runs per property when none is configured. */
export const DEFAULT_PROPERTY_RUNS = 10;
/** Runs finish faster than this on the embedded mock: a run line is printed only when the last line is older. */
const PROGRESS_EVERY_MS = 2000;
/** The embedded mock needs no rate cap; this bound only keeps a runaway property finite. */
const MOCK_MAX_RPS = 10_000;

export interface PropertiesPhaseOptions {
  readonly command: string;
  readonly target: OpenTarget;
  readonly settings: Settings;
  readonly progress: Progress;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly signal: AbortSignal;
}

function replayCommand(o: PropertiesPhaseOptions): string {
  if (o.target.kind === 'mock') return 'ccgw verify --properties';
  const tls = o.target.tls?.caFile ? ` --ca ${o.target.tls.caFile}` : o.target.tls?.insecure ? ' --insecure' : '';
  // Without --fixtures the accounts were read from the ccgw mock at the URL, as a rerun reads them again.
  const fixtures = o.settings.fixturesPath ? ` --fixtures ${o.settings.fixturesPath}` : '';
  return `ccgw verify --properties --gateway ${o.target.url}${fixtures}${o.target.loopback ? '' : ' --live'}${tls}`;
}

export async function propertiesPhase(o: PropertiesPhaseOptions): Promise<Phase> {
  const started = Date.now();
  const runs = o.settings.properties.runs ?? DEFAULT_PROPERTY_RUNS;
  const rps = o.settings.maxRequestsPerSecond ?? MOCK_MAX_RPS;
  o.progress.phase('properties', `${runs} runs of each property against ${o.target.url}${o.settings.maxRequestsPerSecond ? `, at most ${rps} requests/s` : ''}`);
  const replayPath = o.env['CCGW_PROPERTY_REPLAY_PATH'];
  const secrets = fixtureSecrets(o.target);
  let lastLine = Date.now();
  const onProgress = (e: LivePropertyProgress) => {
    if (e.kind === 'case') {
      const c = e.case;
      if (c.outcome === 'failed') o.progress.failure(redactText(`${c.id}: ${c.failure?.message.split('\n')[0] ?? 'failed'}`, { secrets }));
      else o.progress.step(`${c.outcome === 'passed' ? '✓' : '–'} ${c.id}${c.outcome === 'skipped' ? ` (skipped: ${c.skipReason})` : ''}`);
      lastLine = Date.now();
      return;
    }
    // A line per run when runs are slow (a live gateway under a rate cap), else only the last of the planned runs.
    if (e.run === e.runs || Date.now() - lastLine >= PROGRESS_EVERY_MS) {
      o.progress.step(`${e.property}: run ${e.run}${e.run > e.runs ? ` (shrinking a failure; ${e.runs} planned)` : `/${e.runs}`}`);
      lastLine = Date.now();
    }
  };
  let result;
  try {
    result = await runLiveProperties({
      gatewayUrl: o.target.url,
      fixtures: o.target.fixtures,
      profile: o.settings.profile,
      ...(o.target.tls ? { tls: o.target.tls } : {}),
      numRuns: runs,
      ...(o.settings.properties.seed !== undefined ? { seed: o.settings.properties.seed } : {}),
      ...(o.settings.properties.path !== undefined ? { path: o.settings.properties.path } : {}),
      ...(replayPath ? { replayPath } : {}),
      maxRequestsPerSecond: rps,
      signal: o.signal,
      env: o.env,
      replayCommand: replayCommand(o),
      onProgress,
    });
  } catch (e) {
    if (e instanceof PropertySettingsError || e instanceof CastError || e instanceof RateLimitError || e instanceof FixturesError) throw new UsageError(o.command, e.message);
    throw e;
  }
  o.progress.step(`${result.requests} requests on ${result.accounts.length} accounts`);
  return { name: 'properties', outcome: result.outcome, durationMs: Date.now() - started, cases: result.cases };
}
