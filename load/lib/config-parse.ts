/**
 * The load configuration from environment variables, as a pure function (k6's `__ENV` and `open()` are passed
 * in by `config.ts`). Every error names the variable, its bad value and the fix.
 *
 * **Live-target guard.** A `BASE_URL` whose host is not a loopback address is a live gateway: it needs
 * `CCGW_LIVE=1`, a request-rate cap `CCGW_MAX_RPS` and the accounts in `CCGW_FIXTURES`; the admin API and fault
 * injection are off. `CCGW_LIVE=1` against a loopback target applies the same rules (to rehearse a live run against
 * the mock).
 *
 * The names follow `ccgw`'s settings (`src/config/settings.ts`: `CCGW_GATEWAY`, `CCGW_LIVE`, `CCGW_MAX_RPS`,
 * `CCGW_FIXTURES`, `CCGW_PROFILE`, `CCGW_CA`, `CCGW_INSECURE`, `CCGW_LOAD_*`), so `ccgw load` passes its resolved
 * settings to k6 as environment variables, and a shell that works for `ccgw` works for `k6 run` too.
 *
 * | Variable | Default | Meaning |
 * |---|---|---|
 * | `BASE_URL` (or `CCGW_GATEWAY`) | `http://127.0.0.1:8000` | the gateway (scheme, host, optional port) |
 * | `CCGW_LIVE` | unset | `1`: treat as a live gateway (required for a non-loopback `BASE_URL`) |
 * | `CCGW_MAX_RPS` | unset | requests per second cap per k6 process (required when live; k6 option `rps`) |
 * | `CCGW_FIXTURES` | `src/fixtures/demo.json` | accounts file; relative paths are resolved against the repository root |
 * | `CCGW_PROFILE` | `ccgw-2024` | gateway profile: ID range, retcode of each undocumented case |
 * | `CCGW_PROFILE_OVERRIDES` | unset | JSON `{ "answers": { "targetAlreadyBarged": "900-003" }, … }` (the config file's `profileOverrides`) |
 * | `CCGW_VALIDATE` | `1` | `0`: skip schema validation of answers (to measure its cost) |
 * | `CCGW_ADMIN` | `auto` | `on` / `off` / `auto` (on for a loopback target that answers `/__admin/health`) |
 * | `CCGW_ADMIN_TOKEN` | unset | the mock's `--admin-token` |
 * | `CCGW_ADMIN_RESET` | `1` | `0`: do not reset the mock in setup (keeps faults set beforehand) |
 * | `CCGW_FAULTS` | unset | mock only: a JSON array of faults (docs/mock-gateway.md) set in setup, cleared in teardown |
 * | `CCGW_INSECURE` | unset | `1`: do not verify the gateway's TLS certificate (k6 `insecureSkipTLSVerify`) |
 * | `CCGW_CA` | unset | a CA file; k6 reads CAs only from `SSL_CERT_FILE`, so it must equal `SSL_CERT_FILE` |
 * | `CCGW_LOAD_VUS` | per scenario | VUs = units of work (storm groups or pairs) |
 * | `CCGW_LOAD_ITERATIONS` | per scenario | iterations per VU (barge-storm: rounds, the config file's `load.rounds`) |
 * | `CCGW_LOAD_DURATION` | per scenario | the scenario's time bound (k6 duration, e.g. `30s`, `10m`) |
 * | `CCGW_LOAD_RATE` | per scenario | iterations per second (throughput) |
 * | `CCGW_LOAD_INSPECTORS` | per scenario | K inspectors racing per storm round (the config file's `load.inspectors`) |
 * | `CCGW_LOAD_THINK_MS` | per scenario | pause between iterations of one VU (soak) |
 * | `CCGW_EVENT_DEADLINE_MS` | `2000` | the inspector's events must arrive this soon after a barge |
 * | `CCGW_POLL_PAUSE_MS` | `200` (throughput: `0`) | pause after a round of polls that delivered events (the documented 200–500 ms); throughput drains the events it knows are queued at once, to measure the gateway's capacity |
 * | `CCGW_KEEPALIVE_MS` | `30000` | poll a session at least this often (sign-out after 2 min without a poll) |
 * | `CCGW_POLL_TIMEOUT_MS` | `15000` | request timeout of a long poll (the gateway answers after ~10 s) |
 * | `CCGW_REQUEST_TIMEOUT_MS` | `10000` | request timeout of every other call |
 * | `CCGW_P95_MS` / `CCGW_P99_MS` | `500` / `1000` | latency thresholds of addinsert and cancel |
 * | `CCGW_MAX_ERROR_RATE` | `0.01` | threshold on failed requests and contract mismatches |
 * | `CCGW_MIN_ACHIEVED_RATIO` | `0.9` | an open-model run (throughput) fails when k6 starts less than this share of the iterations asked (`achieved.ts`) |
 * | `CCGW_REPORT_DIR` | `reports/load` | where handleSummary writes JSON and JUnit (relative to the working directory) |
 * | `CCGW_RUN_NAME` | the scenario name | file name stem of the reports |
 *
 * @example
 * ```ts
 * const config = parseLoadConfig(__ENV, { scenario: 'smoke', defaults: SMOKE_DEFAULTS, readText: (p) => open(p), repoRoot });
 * config.baseUrl; // 'http://127.0.0.1:8000'
 * ```
 */
import { PROFILE_NAMES, ProfileError, resolveProfile, withOverrides, type AgentAccount, type Profile, type ProfileOverrides } from '../../src/domain/index.ts';
import { parseFixturesText } from './fixtures.ts';

/**
 * A bad environment variable; the message names it, its value and the fix.
 *
 * @example
 * ```ts
 * expect(() => parseLoadConfig({ CCGW_LOAD_VUS: 'ten' }, context)).toThrow(LoadConfigError);
 * ```
 */
export class LoadConfigError extends Error {
  override readonly name = 'LoadConfigError';
}

/**
 * The load knobs a scenario sets defaults for.
 *
 * @example
 * ```ts
 * const SMOKE: LoadKnobs = { vus: 2, iterations: 6, duration: '60s', rate: 1, inspectorsPerGroup: 3, thinkMs: 500 };
 * ```
 */
export interface LoadKnobs {
  /** VUs; each owns one unit (storm group or pair). */
  readonly vus: number;
  /** Iterations per VU (storm rounds, soak cycles). */
  readonly iterations: number;
  /** The scenario's time bound, as a k6 duration. */
  readonly duration: string;
  /** Iterations per second (constant arrival rate). */
  readonly rate: number;
  /** Inspectors per storm group (K). */
  readonly inspectorsPerGroup: number;
  /** Pause between iterations of one VU, ms. */
  readonly thinkMs: number;
}

/**
 * Waits and timeouts, in milliseconds.
 *
 * @example
 * ```ts
 * sleep(config.timing.pollPauseMs / 1000);
 * ```
 */
export interface LoadTiming {
  readonly eventDeadlineMs: number;
  readonly pollPauseMs: number;
  readonly keepAliveMs: number;
  readonly pollTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

/**
 * The whole configuration of one k6 run.
 *
 * @example
 * ```ts
 * const config: LoadConfig = loadConfig('smoke', SMOKE);
 * config.live; // false against the mock
 * ```
 */
export interface LoadConfig {
  readonly scenario: string;
  readonly baseUrl: string;
  /** The host is 127.0.0.0/8, ::1 or localhost. */
  readonly loopback: boolean;
  /** Live rules apply: opt-in given, rate cap, abortOnFail, no admin API. */
  readonly live: boolean;
  readonly maxRps: number | undefined;
  readonly insecureTls: boolean;
  readonly profile: Profile;
  readonly fixturesPath: string;
  readonly fixturesName: string;
  /** The accounts, passwords resolved. Never log these. */
  readonly accounts: readonly AgentAccount[];
  readonly validate: boolean;
  readonly admin: 'auto' | 'on' | 'off';
  readonly adminToken: string | undefined;
  /** Reset the mock in setup (when this process runs the whole test). */
  readonly adminReset: boolean;
  /** Faults to set on the mock in setup (already parsed; validated by the mock). */
  readonly faults: readonly Readonly<Record<string, unknown>>[];
  readonly load: LoadKnobs;
  readonly timing: LoadTiming;
  readonly thresholds: { readonly p95Ms: number; readonly p99Ms: number; readonly maxErrorRate: number; readonly minAchievedRatio: number };
  readonly report: { readonly dir: string; readonly name: string };
}

/**
 * What the parser needs besides the environment.
 *
 * @example
 * ```ts
 * parseLoadConfig(__ENV, { scenario: 'smoke', defaults: SMOKE, readText: (p) => open(p), repoRoot: repoRoot() });
 * ```
 */
export interface ParseContext {
  /** The scenario's name (smoke, barge-storm, throughput, soak). */
  readonly scenario: string;
  /** The scenario's load defaults. */
  readonly defaults: LoadKnobs;
  /** The scenario's timing defaults, where they differ from the table above. */
  readonly timing?: Partial<LoadTiming>;
  /** Reads a file by absolute path (k6: `open`). */
  readonly readText: (absolutePath: string) => string;
  /** Absolute path of the repository root, ending in `/`. */
  readonly repoRoot: string;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]?|\[?0:0:0:0:0:0:0:1\]?)$/i;

/**
 * True for the hosts the harness may load without an opt-in.
 *
 * @example
 * ```ts
 * isLoopbackHost('127.0.0.1'); // true
 * isLoopbackHost('10.0.0.5');  // false
 * ```
 */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/**
 * Parses a k6 duration (`500ms`, `30s`, `5m`, `1h30m`) into milliseconds.
 *
 * @returns undefined when the text is not a duration.
 * @example
 * ```ts
 * durationMs('1m30s'); // 90000
 * ```
 */
export function durationMs(text: string): number | undefined {
  if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return total;
}

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function number(env: Env, name: string, fallback: number, min: number, max: number, integer: boolean): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    throw new LoadConfigError(`${name}=${JSON.stringify(raw)} is not ${integer ? 'an integer' : 'a number'} from ${min} to ${max}; e.g. ${name}=${fallback}`);
  }
  return value;
}

function flag(env: Env, name: string): boolean {
  const raw = text(env, name);
  if (raw === undefined || raw === '0' || raw.toLowerCase() === 'false') return false;
  if (raw === '1' || raw.toLowerCase() === 'true') return true;
  throw new LoadConfigError(`${name}=${JSON.stringify(raw)} must be 1 or 0`);
}

function duration(env: Env, name: string, fallback: string, maxMs: number): string {
  const raw = text(env, name) ?? fallback;
  const ms = durationMs(raw);
  if (ms === undefined || ms <= 0 || ms > maxMs) throw new LoadConfigError(`${name}=${JSON.stringify(raw)} is not a k6 duration from 1ms to ${maxMs / 3_600_000}h; e.g. ${name}=30s`);
  return raw;
}

function parseBaseUrl(name: string, raw: string): { url: string; host: string; scheme: string } {
  const m = /^(https?):\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?\/?$/.exec(raw);
  if (!m || (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 65535))) {
    throw new LoadConfigError(`${name}=${JSON.stringify(raw)} must be http(s)://host[:port] without a path, e.g. ${name}=http://127.0.0.1:8000`);
  }
  return { url: raw.replace(/\/$/, ''), host: m[2]!, scheme: m[1]! };
}

/**
 * Parses the configuration. Throws before any traffic is sent, so k6 aborts in the init context.
 *
 * @throws LoadConfigError (or a fixtures error) naming the variable or file, the bad value and the fix.
 * @example
 * ```ts
 * parseLoadConfig({ BASE_URL: 'http://10.0.0.5:8000' }, context); // throws: needs CCGW_LIVE=1 …
 * ```
 */
export function parseLoadConfig(env: Env, context: ParseContext): LoadConfig {
  const baseVar = text(env, 'BASE_URL');
  const gatewayVar = text(env, 'CCGW_GATEWAY');
  if (baseVar !== undefined && gatewayVar !== undefined && baseVar.replace(/\/+$/, '') !== gatewayVar.replace(/\/+$/, '')) {
    throw new LoadConfigError(`BASE_URL=${baseVar} and CCGW_GATEWAY=${gatewayVar} name different gateways; set one of them`);
  }
  const base = parseBaseUrl(baseVar === undefined && gatewayVar !== undefined ? 'CCGW_GATEWAY' : 'BASE_URL', baseVar ?? gatewayVar ?? 'http://127.0.0.1:8000');
  const loopback = isLoopbackHost(base.host);
  const optIn = flag(env, 'CCGW_LIVE');
  const live = optIn || !loopback;
  if (!loopback && !optIn) {
    throw new LoadConfigError(
      `BASE_URL=${base.url} is not a loopback address, so it is a live gateway: set CCGW_LIVE=1 to confirm, CCGW_MAX_RPS=<requests per second> to cap the load, and CCGW_FIXTURES=<accounts file> with its test accounts`,
    );
  }
  const maxRps = text(env, 'CCGW_MAX_RPS') === undefined ? undefined : number(env, 'CCGW_MAX_RPS', 5, 1, 1000, false);
  if (live && maxRps === undefined) throw new LoadConfigError(`a live run (BASE_URL=${base.url}, CCGW_LIVE=1) needs a rate cap: set CCGW_MAX_RPS=<requests per second>, e.g. CCGW_MAX_RPS=5`);
  const fixturesVar = text(env, 'CCGW_FIXTURES');
  if (live && fixturesVar === undefined) throw new LoadConfigError(`a live run (BASE_URL=${base.url}) needs the gateway's test accounts: set CCGW_FIXTURES=<fixtures file>; the demo accounts exist only in the mock`);
  const insecureTls = flag(env, 'CCGW_INSECURE');
  if (insecureTls && base.scheme !== 'https') throw new LoadConfigError(`CCGW_INSECURE=1 applies to https:// gateways; ${base.url} is plain HTTP`);
  const ca = text(env, 'CCGW_CA');
  if (ca !== undefined && text(env, 'SSL_CERT_FILE') !== ca) {
    throw new LoadConfigError(`CCGW_CA=${ca}: k6 reads trusted CAs only from the SSL_CERT_FILE environment variable; run k6 with SSL_CERT_FILE=${ca}`);
  }

  const adminRaw = (text(env, 'CCGW_ADMIN') ?? 'auto').toLowerCase();
  if (adminRaw !== 'auto' && adminRaw !== 'on' && adminRaw !== 'off') throw new LoadConfigError(`CCGW_ADMIN=${JSON.stringify(adminRaw)} must be auto, on or off`);
  if (adminRaw === 'on' && live) throw new LoadConfigError(`CCGW_ADMIN=on needs the mock gateway; a live run (BASE_URL=${base.url}) has no /__admin API`);
  const admin = live ? 'off' : adminRaw;

  const faultsRaw = text(env, 'CCGW_FAULTS');
  let faults: Readonly<Record<string, unknown>>[] = [];
  if (faultsRaw !== undefined) {
    if (live) throw new LoadConfigError(`CCGW_FAULTS needs the mock gateway; a live run (BASE_URL=${base.url}) cannot inject faults`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(faultsRaw);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every((f) => f !== null && typeof f === 'object' && !Array.isArray(f) && typeof (f as Record<string, unknown>)['operation'] === 'string')) {
      throw new LoadConfigError(`CCGW_FAULTS=${JSON.stringify(faultsRaw)} must be a JSON array of faults, e.g. CCGW_FAULTS='[{"operation":"addInsert","rate":0.1,"retcode":"900-001"}]'`);
    }
    faults = parsed as Record<string, unknown>[];
  }
  if (faults.length > 0 && admin === 'off') throw new LoadConfigError('CCGW_FAULTS needs the mock\'s admin API, but CCGW_ADMIN=off');

  const profileName = text(env, 'CCGW_PROFILE') ?? 'ccgw-2024';
  if (!(PROFILE_NAMES as readonly string[]).includes(profileName)) throw new LoadConfigError(`CCGW_PROFILE=${JSON.stringify(profileName)} is not a gateway profile; use one of ${PROFILE_NAMES.join(', ')}`);
  let profile = resolveProfile(profileName);
  const overridesRaw = text(env, 'CCGW_PROFILE_OVERRIDES');
  if (overridesRaw !== undefined) {
    let overrides: unknown;
    try {
      overrides = JSON.parse(overridesRaw);
    } catch {
      overrides = undefined;
    }
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
      throw new LoadConfigError(`CCGW_PROFILE_OVERRIDES=${JSON.stringify(overridesRaw)} must be a JSON object, e.g. {"answers":{"targetAlreadyBarged":"900-003"}}`);
    }
    try {
      profile = withOverrides(profile, overrides as ProfileOverrides);
    } catch (e) {
      if (e instanceof ProfileError) throw new LoadConfigError(`CCGW_PROFILE_OVERRIDES: ${e.message}`);
      throw e;
    }
  }

  const fixturesPath = fixturesVar === undefined ? `${context.repoRoot}src/fixtures/demo.json` : fixturesVar.startsWith('/') ? fixturesVar : `${context.repoRoot}${fixturesVar.replace(/^\.\//, '')}`;
  let fixturesText: string;
  try {
    fixturesText = context.readText(fixturesPath);
  } catch (e) {
    throw new LoadConfigError(`CCGW_FIXTURES=${JSON.stringify(fixturesVar ?? fixturesPath)}: ${fixturesPath} cannot be read (${(e as Error).message.split('\n')[0]}); give an absolute path or one relative to the repository root`);
  }
  const fixtures = parseFixturesText(fixturesText, { source: fixturesPath, env, readText: context.readText, profile });

  const d = context.defaults;
  const load: LoadKnobs = {
    vus: number(env, 'CCGW_LOAD_VUS', d.vus, 1, 2000, true),
    iterations: number(env, 'CCGW_LOAD_ITERATIONS', d.iterations, 1, 1_000_000, true),
    duration: duration(env, 'CCGW_LOAD_DURATION', d.duration, 24 * 3_600_000),
    rate: number(env, 'CCGW_LOAD_RATE', d.rate, 0.01, 100_000, false),
    inspectorsPerGroup: number(env, 'CCGW_LOAD_INSPECTORS', d.inspectorsPerGroup, 2, 100, true),
    thinkMs: number(env, 'CCGW_LOAD_THINK_MS', d.thinkMs, 0, 600_000, true),
  };
  const timing: LoadTiming = {
    eventDeadlineMs: number(env, 'CCGW_EVENT_DEADLINE_MS', 2000, 1, 120_000, true),
    pollPauseMs: number(env, 'CCGW_POLL_PAUSE_MS', context.timing?.pollPauseMs ?? 200, 0, 10_000, true),
    keepAliveMs: number(env, 'CCGW_KEEPALIVE_MS', 30_000, 100, 100_000, true),
    pollTimeoutMs: number(env, 'CCGW_POLL_TIMEOUT_MS', 15_000, 100, 120_000, true),
    requestTimeoutMs: number(env, 'CCGW_REQUEST_TIMEOUT_MS', 10_000, 100, 120_000, true),
  };
  const thresholds = {
    p95Ms: number(env, 'CCGW_P95_MS', 500, 1, 600_000, false),
    p99Ms: number(env, 'CCGW_P99_MS', 1000, 1, 600_000, false),
    maxErrorRate: number(env, 'CCGW_MAX_ERROR_RATE', 0.01, 0, 1, false),
    minAchievedRatio: number(env, 'CCGW_MIN_ACHIEVED_RATIO', 0.9, 0, 1, false),
  };
  const name = text(env, 'CCGW_RUN_NAME') ?? context.scenario;
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) throw new LoadConfigError(`CCGW_RUN_NAME=${JSON.stringify(name)} may hold only letters, digits, ".", "_" and "-"`);
  return {
    scenario: context.scenario,
    baseUrl: base.url,
    loopback,
    live,
    maxRps,
    insecureTls,
    profile,
    fixturesPath,
    fixturesName: fixtures.name,
    accounts: fixtures.accounts,
    validate: text(env, 'CCGW_VALIDATE') === undefined ? true : flag(env, 'CCGW_VALIDATE'),
    admin,
    adminToken: text(env, 'CCGW_ADMIN_TOKEN'),
    adminReset: text(env, 'CCGW_ADMIN_RESET') === undefined ? true : flag(env, 'CCGW_ADMIN_RESET'),
    faults,
    load,
    timing,
    thresholds,
    report: { dir: (text(env, 'CCGW_REPORT_DIR') ?? 'reports/load').replace(/\/$/, ''), name },
  };
}

/**
 * The configuration without secrets, for logs and reports.
 *
 * @example
 * ```ts
 * console.log(JSON.stringify(describeConfig(config)));
 * ```
 */
export function describeConfig(config: LoadConfig): Record<string, unknown> {
  const { accounts, adminToken, ...rest } = config;
  return { ...rest, profile: config.profile.name, accounts: accounts.length, adminToken: adminToken === undefined ? undefined : '(set)' };
}
