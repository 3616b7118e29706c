/**
 * Runs one k6 scenario of `load/scenarios/` against a gateway and collects its results: k6 gets the settings as
 * the `CCGW_*` environment variables its scripts read (load/lib/config-parse.ts), writes its JSON and JUnit
 * summaries and the k6 web dashboard's HTML report into `outDir`, and its samples as gzip CSV, from which the
 * latencies, retcodes and timeline are taken. k6's REST API is turned off (`--address=`): it would bind
 * 127.0.0.1:6565, which a second k6 on the machine (a parallel CI job) also wants, and nothing here uses it.
 */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ConfigDocument } from '../config/config-document.ts';
import { overridesOf, type Profile } from '../domain/profiles.ts';
import { REPO_ROOT } from '../paths.ts';
import { LOAD_SCENARIO_DIR } from '../shared/paths.ts';
import type { LoadResult } from '../report/run-summary.ts';
import { ensureK6 } from '../tools/ensure-k6.ts';
import { readK6Samples } from './k6-samples.ts';
import { loadResultOf, type K6JsonSummary } from './load-result.ts';
import { makeDirectory } from '../io/make-directory.ts';

export const LOAD_SCENARIOS = ['smoke', 'barge-storm', 'throughput', 'soak'] as const;
export type LoadScenario = (typeof LOAD_SCENARIOS)[number];

export interface K6RunOptions {
  readonly scenario: LoadScenario;
  /** The gateway's base URL. */
  readonly baseUrl: string;
  /** Treat the target as live (public calls only, rate-capped). True for any non-loopback URL. */
  readonly live: boolean;
  /** Requests per second cap; a live target without one gets the shared default (src/shared/live-target.ts). */
  readonly maxRequestsPerSecond?: number | undefined;
  readonly fixturesPath: string;
  readonly profile: Profile;
  readonly tls?: { readonly caFile?: string | undefined; readonly insecure?: boolean | undefined };
  /** Scenario sizing (the settings' `load`; its `scenario` is not read here); unset fields keep the scenario's defaults. */
  readonly load?: Omit<NonNullable<ConfigDocument['load']>, 'scenario'>;
  /** Where k6 writes its files (created). */
  readonly outDir: string;
  readonly adminToken?: string | undefined;
  /** Each line k6 prints. */
  readonly onLine?: (line: string) => void;
  readonly signal?: AbortSignal;
  /** The k6 binary; default ensureK6(). */
  readonly k6?: string;
}

export interface K6Run {
  readonly exitCode: number;
  /** k6 exited 0 and the invariant held. */
  readonly passed: boolean;
  readonly result: LoadResult | undefined;
  /** Why there is no result, or what k6's exit code means. */
  readonly problem: string | undefined;
  readonly files: { readonly json: string; readonly junit: string; readonly samples: string; readonly dashboard: string };
  /** k6 wrote its web dashboard's report (it skips it when the run is too short to chart). */
  readonly dashboardWritten: boolean;
}

const EXIT_MEANINGS: Readonly<Record<number, string>> = {
  99: 'thresholds were crossed',
  100: 'k6 stopped on an error',
  103: 'the script could not be started (bad configuration)',
  104: 'the script could not be started (invalid options)',
  105: 'the k6 run was stopped externally',
  107: 'the script threw an error (e.g. the gateway was down in setup, or a live target without the opt-in)',
  108: 'setup or teardown timed out',
};

/** The environment the k6 scripts read. */
export function k6Environment(o: K6RunOptions): Record<string, string> {
  const env: Record<string, string> = {
    K6_NO_USAGE_REPORT: 'true',
    BASE_URL: o.baseUrl,
    CCGW_FIXTURES: o.fixturesPath,
    CCGW_PROFILE: o.profile.name,
    CCGW_REPORT_DIR: o.outDir,
    CCGW_RUN_NAME: o.scenario,
    K6_WEB_DASHBOARD: 'true',
    K6_WEB_DASHBOARD_PORT: '-1',
    K6_WEB_DASHBOARD_PERIOD: '1s',
    K6_WEB_DASHBOARD_EXPORT: join(o.outDir, 'dashboard.html'),
  };
  const overrides = overridesOf(o.profile);
  if (Object.keys(overrides).length) env['CCGW_PROFILE_OVERRIDES'] = JSON.stringify(overrides);
  if (o.live) env['CCGW_LIVE'] = '1';
  if (o.maxRequestsPerSecond !== undefined) env['CCGW_MAX_RPS'] = String(o.maxRequestsPerSecond);
  if (o.tls?.caFile) {
    env['CCGW_CA'] = o.tls.caFile;
    env['SSL_CERT_FILE'] = o.tls.caFile;
  }
  if (o.tls?.insecure) env['CCGW_INSECURE'] = '1';
  if (o.load?.duration) env['CCGW_LOAD_DURATION'] = o.load.duration;
  if (o.load?.rate) env['CCGW_LOAD_RATE'] = String(o.load.rate);
  if (o.load?.inspectors) env['CCGW_LOAD_INSPECTORS'] = String(o.load.inspectors);
  if (o.load?.rounds) env['CCGW_LOAD_ITERATIONS'] = String(o.load.rounds);
  if (o.load?.vus) env['CCGW_LOAD_VUS'] = String(o.load.vus);
  if (o.load?.minAchievedRatio !== undefined) env['CCGW_MIN_ACHIEVED_RATIO'] = String(o.load.minAchievedRatio);
  if (o.adminToken) env['CCGW_ADMIN_TOKEN'] = o.adminToken;
  return env;
}

/** Runs the scenario. Never throws for a failing run; throws only when k6 cannot be found or started. */
export async function runK6Scenario(o: K6RunOptions): Promise<K6Run> {
  const k6 = o.k6 ?? (await ensureK6());
  await makeDirectory(o.outDir);
  const files = {
    json: join(o.outDir, `${o.scenario}.json`),
    junit: join(o.outDir, `${o.scenario}.junit.xml`),
    samples: join(o.outDir, 'samples.csv.gz'),
    dashboard: join(o.outDir, 'dashboard.html'),
  };
  const script = join(REPO_ROOT, LOAD_SCENARIO_DIR, `${o.scenario}.ts`);
  const child = spawn(k6, ['run', '--no-color', '--address=', '--out', `csv=${files.samples}`, script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...k6Environment(o) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const abort = () => child.kill('SIGINT');
  o.signal?.addEventListener('abort', abort, { once: true });
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => o.onLine?.(line));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  o.signal?.removeEventListener('abort', abort);
  const dashboardWritten = await stat(files.dashboard).then(
    (s) => s.isFile(),
    () => false,
  );
  let summary: K6JsonSummary;
  try {
    summary = JSON.parse(await readFile(files.json, 'utf8')) as K6JsonSummary;
  } catch {
    return { exitCode, passed: false, result: undefined, problem: `k6 exited ${exitCode} (${EXIT_MEANINGS[exitCode] ?? 'unexpected exit'}) without writing ${files.json}`, files, dashboardWritten };
  }
  let result: LoadResult;
  try {
    result = loadResultOf(summary, await readK6Samples(files.samples));
  } catch (e) {
    return { exitCode, passed: false, result: undefined, problem: `k6 exited ${exitCode}, but its samples cannot be read: ${(e as Error).message}`, files, dashboardWritten };
  }
  const passed = exitCode === 0 && summary.passed && summary.invariant.holds;
  const crossed = result.thresholds.filter((t) => !t.ok).map((t) => `${t.metric} ${t.expression}`);
  const meaning = exitCode === 99 && crossed.length > 0 ? `thresholds were crossed: ${crossed.join('; ')}` : (EXIT_MEANINGS[exitCode] ?? 'unexpected exit');
  const problem = exitCode !== 0 ? `k6 exited ${exitCode}: ${meaning}` : passed ? undefined : 'the k6 summary failed the run';
  return { exitCode, passed, result, problem, files, dashboardWritten };
}
