/**
 * The load configuration from environment variables, as a pure function (k6's `__ENV` and `open()` are passed in by
 * `config.ts`). Every error names the variable, its bad value and the fix. The names follow `ccgw`'s settings
 * (`src/config/settings.ts`), so `ccgw load` hands its resolved settings to k6 as these variables, and a shell that
 * works for `ccgw` works for `k6 run` too.
 *
 * The target: `BASE_URL` (or `CCGW_GATEWAY`, default `http://127.0.0.1:8000`, no path). The live-target guard is
 * `src/shared/live-target.ts`: a host that is not this machine needs `CCGW_LIVE=1` and the accounts in
 * `CCGW_FIXTURES`, is capped at `CCGW_MAX_RPS` (default 5) and gets neither the admin API nor faults; `CCGW_LIVE=1`
 * against this machine applies the same rules (a rehearsal of a live run on the mock). The other
 * words: `CCGW_FIXTURES` (default `src/fixtures/demo.json`, relative to the repository root), `CCGW_PROFILE`,
 * `CCGW_PROFILE_OVERRIDES` (JSON, the config file's `profileOverrides`), `CCGW_VALIDATE=0` (skip the answers' schema
 * check), `CCGW_ADMIN` (`auto`/`on`/`off`), `CCGW_ADMIN_TOKEN`, `CCGW_ADMIN_RESET=0`, `CCGW_FAULTS` (JSON array,
 * docs/mock-gateway.md), `CCGW_INSECURE=1`, `CCGW_CA` (must equal `SSL_CERT_FILE`: k6 reads CAs only from there),
 * `CCGW_REPORT_DIR` (`reports/load`), `CCGW_RUN_NAME` (the scenario). Every number is a row of {@link NUMBERS}.
 */
import type { AgentAccount } from '../../src/domain/agent.ts';
import { PROFILE_NAMES, ProfileError, resolveProfile, withOverrides, type Profile, type ProfileOverrides } from '../../src/domain/profiles.ts';
import { DEMO_FIXTURES_FILE, LOAD_REPORT_DIR, underRoot } from '../../src/shared/paths.ts';
import { DEFAULT_LIVE_MAX_RPS, liveDecision, MAX_RPS_RANGE } from '../../src/shared/live-target.ts';
import { parseFixturesText } from './fixtures.ts';
import { loadDurationProblem } from '../../src/shared/k6-duration.ts';

/** A bad environment variable; the message names it, its value and the fix. */
export class LoadConfigError extends Error {
  override readonly name = 'LoadConfigError';
}

/** The load knobs a scenario sets defaults for. */
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

/** Waits and timeouts, in milliseconds. */
export interface LoadTiming {
  readonly eventDeadlineMs: number;
  readonly pollPauseMs: number;
  readonly keepAliveMs: number;
  readonly pollTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

/** Limits whose crossing fails the run. */
export interface LoadThresholds {
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxErrorRate: number;
  readonly minAchievedRatio: number;
}

/** The whole configuration of one k6 run. */
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
  /** The accounts, passwords resolved. Never log these. In k6 a `SharedArray`: iterate it, do not map it. */
  readonly accounts: AccountList;
  readonly validate: boolean;
  readonly admin: 'auto' | 'on' | 'off';
  readonly adminToken: string | undefined;
  /** Reset the mock in setup (when this process runs the whole test). */
  readonly adminReset: boolean;
  /** Faults to set on the mock in setup (already parsed; validated by the mock). */
  readonly faults: readonly Readonly<Record<string, unknown>>[];
  readonly load: LoadKnobs;
  /**
   * Which unit figures the environment set (`CCGW_LOAD_VUS`, `CCGW_LOAD_INSPECTORS`); the others are the scenario's
   * defaults, which give way to fixtures too small for them (`partition.ts`, `fitUnits`).
   */
  readonly given: { readonly vus: boolean; readonly inspectorsPerGroup: boolean };
  readonly timing: LoadTiming;
  readonly thresholds: LoadThresholds;
  readonly report: { readonly dir: string; readonly name: string };
}

/** What the parser needs besides the environment. */
export interface ParseContext {
  /** The scenario's name (smoke, barge-storm, throughput, soak). */
  readonly scenario: string;
  /** The scenario's load defaults. */
  readonly defaults: LoadKnobs;
  /** The scenario's timing defaults, where they differ from {@link NUMBERS}. */
  readonly timing?: Partial<LoadTiming>;
  /** Reads a file by absolute path (k6: `open`). */
  readonly readText: (absolutePath: string) => string;
  /** Absolute path of the repository root, ending in `/`. */
  readonly repoRoot: string;
  /**
   * Keeps a list built once per process (k6: a `SharedArray`). k6 runs the init context in every VU, and a VU that
   * kept its own copy of every account would hold them all (about 1 MB per VU for the demo's 998, more for larger
   * fixtures); a shared list is built by the first VU and read by the others. Default: the list itself.
   */
  readonly share?: <T extends object>(key: string, build: () => T[]) => SharedList<T>;
}

/** A list read by index or iteration (k6's `SharedArray` has no `map` or `filter`). */
export interface SharedList<T> extends Iterable<T> {
  readonly length: number;
  readonly [index: number]: T;
}

/** The accounts of a configuration. */
export type AccountList = SharedList<AgentAccount>;

type Env = Readonly<Record<string, string | undefined>>;

/** One numeric variable: where it goes, its bounds, and its default (a number, or the scenario's knob). */
interface NumberRow {
  readonly env: string;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly fallback: number | ((context: ParseContext) => number);
  readonly meaning: string;
}

type NumberGroups = {
  readonly load: { readonly [K in Exclude<keyof LoadKnobs, 'duration'>]: NumberRow };
  readonly timing: { readonly [K in keyof LoadTiming]: NumberRow };
  readonly thresholds: { readonly [K in keyof LoadThresholds]: NumberRow };
};

const knob = (k: Exclude<keyof LoadKnobs, 'duration'>) => (c: ParseContext) => c.defaults[k];

/** Every numeric variable, with its bounds and default. */
export const NUMBERS: NumberGroups = {
  load: {
    vus: { env: 'CCGW_LOAD_VUS', min: 1, max: 2000, integer: true, fallback: knob('vus'), meaning: 'VUs = units of work (storm groups or pairs)' },
    iterations: { env: 'CCGW_LOAD_ITERATIONS', min: 1, max: 1_000_000, integer: true, fallback: knob('iterations'), meaning: 'iterations per VU (barge-storm: rounds)' },
    rate: { env: 'CCGW_LOAD_RATE', min: 0.01, max: 100_000, integer: false, fallback: knob('rate'), meaning: 'iterations per second (throughput)' },
    inspectorsPerGroup: { env: 'CCGW_LOAD_INSPECTORS', min: 2, max: 100, integer: true, fallback: knob('inspectorsPerGroup'), meaning: 'K inspectors racing per storm round' },
    thinkMs: { env: 'CCGW_LOAD_THINK_MS', min: 0, max: 600_000, integer: true, fallback: knob('thinkMs'), meaning: 'pause between iterations of one VU (soak)' },
  },
  timing: {
    eventDeadlineMs: { env: 'CCGW_EVENT_DEADLINE_MS', min: 1, max: 120_000, integer: true, fallback: 2000, meaning: "a barge's or a cancel's events must arrive this soon after its answer" },
    pollPauseMs: { env: 'CCGW_POLL_PAUSE_MS', min: 0, max: 10_000, integer: true, fallback: (c) => c.timing?.pollPauseMs ?? 200, meaning: 'pause after a round of polls that delivered events (the documented 200–500 ms)' },
    keepAliveMs: { env: 'CCGW_KEEPALIVE_MS', min: 100, max: 100_000, integer: true, fallback: 30_000, meaning: 'poll a session at least this often (sign-out after 2 min without a poll)' },
    pollTimeoutMs: { env: 'CCGW_POLL_TIMEOUT_MS', min: 100, max: 120_000, integer: true, fallback: 15_000, meaning: 'request timeout of a long poll (the gateway answers after ~10 s)' },
    requestTimeoutMs: { env: 'CCGW_REQUEST_TIMEOUT_MS', min: 100, max: 120_000, integer: true, fallback: 10_000, meaning: 'request timeout of every other call' },
  },
  thresholds: {
    p95Ms: { env: 'CCGW_P95_MS', min: 1, max: 600_000, integer: false, fallback: 500, meaning: 'p95 latency threshold of addinsert and cancel' },
    p99Ms: { env: 'CCGW_P99_MS', min: 1, max: 600_000, integer: false, fallback: 1000, meaning: 'p99 latency threshold of addinsert and cancel' },
    maxErrorRate: { env: 'CCGW_MAX_ERROR_RATE', min: 0, max: 1, integer: false, fallback: 0.01, meaning: 'threshold on failed requests and contract mismatches' },
    minAchievedRatio: { env: 'CCGW_MIN_ACHIEVED_RATIO', min: 0, max: 1, integer: false, fallback: 0.9, meaning: 'an open-model run fails below this share of the iterations asked (achieved.ts)' },
  },
};

/** The live rate cap (requests per second of this k6 process; k6's `rps`); default: the shared one when live. */
const MAX_RPS: NumberRow = { env: 'CCGW_MAX_RPS', ...MAX_RPS_RANGE, integer: false, fallback: DEFAULT_LIVE_MAX_RPS, meaning: 'request-rate cap per k6 process' };

function text(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function numberOf(env: Env, row: NumberRow, fallback: number): number {
  const raw = text(env, row.env);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || (row.integer && !Number.isInteger(value)) || value < row.min || value > row.max) {
    throw new LoadConfigError(`${row.env}=${JSON.stringify(raw)} is not ${row.integer ? 'an integer' : 'a number'} from ${row.min} to ${row.max}; e.g. ${row.env}=${fallback}`);
  }
  return value;
}

function numbersOf<K extends string>(env: Env, rows: { readonly [P in K]: NumberRow }, context: ParseContext): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(rows) as K[]) {
    const row = rows[key];
    out[key] = numberOf(env, row, typeof row.fallback === 'number' ? row.fallback : row.fallback(context));
  }
  return out;
}

/** A 1/0 variable; `fallback` when unset. */
function flag(env: Env, name: string, fallback = false): boolean {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (raw === '0' || raw.toLowerCase() === 'false') return false;
  if (raw === '1' || raw.toLowerCase() === 'true') return true;
  throw new LoadConfigError(`${name}=${JSON.stringify(raw)} must be 1 or 0`);
}

function json(env: Env, name: string, ok: (value: unknown) => boolean, example: string): unknown {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  if (!ok(value)) throw new LoadConfigError(`${name}=${JSON.stringify(raw)} must be ${example}`);
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The target and the live-target guard. */
function targetOf(env: Env) {
  const baseVar = text(env, 'BASE_URL');
  const gatewayVar = text(env, 'CCGW_GATEWAY');
  if (baseVar !== undefined && gatewayVar !== undefined && baseVar.replace(/\/+$/, '') !== gatewayVar.replace(/\/+$/, '')) {
    throw new LoadConfigError(`BASE_URL=${baseVar} and CCGW_GATEWAY=${gatewayVar} name different gateways; set one of them`);
  }
  const name = baseVar === undefined && gatewayVar !== undefined ? 'CCGW_GATEWAY' : 'BASE_URL';
  const raw = baseVar ?? gatewayVar ?? 'http://127.0.0.1:8000';
  const m = /^(https?):\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?\/?$/.exec(raw);
  if (!m || (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 65535))) {
    throw new LoadConfigError(`${name}=${JSON.stringify(raw)} must be http(s)://host[:port] without a path, e.g. ${name}=http://127.0.0.1:8000`);
  }
  const url = raw.replace(/\/$/, '');
  const maxRps = text(env, MAX_RPS.env) === undefined ? undefined : numberOf(env, MAX_RPS, DEFAULT_LIVE_MAX_RPS);
  const optIn = flag(env, 'CCGW_LIVE');
  const guard = liveDecision({ named: `${name}=${url}`, url, optIn, maxRps }, { optIn: 'Set CCGW_LIVE=1', cap: 'CCGW_MAX_RPS=<requests per second>' });
  if (!guard.allowed) throw new LoadConfigError(`${guard.problem}, and CCGW_FIXTURES=<accounts file> with its test accounts`);
  // CCGW_LIVE=1 against this machine rehearses a live run on the mock: the same rules, cap included.
  const live = guard.live || optIn;
  if (live && text(env, 'CCGW_FIXTURES') === undefined) throw new LoadConfigError(`a live run (${name}=${url}) needs the gateway's test accounts: set CCGW_FIXTURES=<fixtures file>; the demo accounts exist only in the mock`);
  const insecureTls = flag(env, 'CCGW_INSECURE');
  if (insecureTls && m[1] !== 'https') throw new LoadConfigError(`CCGW_INSECURE=1 applies to https:// gateways; ${url} is plain HTTP`);
  const ca = text(env, 'CCGW_CA');
  if (ca !== undefined && text(env, 'SSL_CERT_FILE') !== ca) throw new LoadConfigError(`CCGW_CA=${ca}: k6 reads trusted CAs only from the SSL_CERT_FILE environment variable; run k6 with SSL_CERT_FILE=${ca}`);
  return { baseUrl: url, loopback: guard.loopback, live, maxRps: live ? (guard.maxRps ?? DEFAULT_LIVE_MAX_RPS) : guard.maxRps, insecureTls };
}

/** The admin API and the faults: the mock's only. */
function adminOf(env: Env, live: boolean, baseUrl: string) {
  const raw = (text(env, 'CCGW_ADMIN') ?? 'auto').toLowerCase();
  if (raw !== 'auto' && raw !== 'on' && raw !== 'off') throw new LoadConfigError(`CCGW_ADMIN=${JSON.stringify(raw)} must be auto, on or off`);
  if (raw === 'on' && live) throw new LoadConfigError(`CCGW_ADMIN=on needs the mock gateway; a live run (BASE_URL=${baseUrl}) has no /__admin API`);
  const admin = live ? 'off' : raw;
  if (live && text(env, 'CCGW_FAULTS') !== undefined) throw new LoadConfigError(`CCGW_FAULTS needs the mock gateway; a live run (BASE_URL=${baseUrl}) cannot inject faults`);
  const isFault = (f: unknown) => isObject(f) && typeof f['operation'] === 'string';
  const faults = (json(env, 'CCGW_FAULTS', (v) => Array.isArray(v) && v.every(isFault), `a JSON array of faults, e.g. CCGW_FAULTS='[{"operation":"addInsert","rate":0.1,"retcode":"900-001"}]'`) ?? []) as Record<string, unknown>[];
  if (faults.length > 0 && admin === 'off') throw new LoadConfigError("CCGW_FAULTS needs the mock's admin API, but CCGW_ADMIN=off");
  return { admin, adminToken: text(env, 'CCGW_ADMIN_TOKEN'), adminReset: flag(env, 'CCGW_ADMIN_RESET', true), faults } as const;
}

function profileOf(env: Env): Profile {
  const name = text(env, 'CCGW_PROFILE') ?? 'ccgw-2024';
  if (!(PROFILE_NAMES as readonly string[]).includes(name)) throw new LoadConfigError(`CCGW_PROFILE=${JSON.stringify(name)} is not a gateway profile; use one of ${PROFILE_NAMES.join(', ')}`);
  const overrides = json(env, 'CCGW_PROFILE_OVERRIDES', isObject, 'a JSON object, e.g. {"answers":{"targetAlreadyBarged":"900-003"}}');
  try {
    return overrides === undefined ? resolveProfile(name) : withOverrides(resolveProfile(name), overrides as ProfileOverrides);
  } catch (e) {
    if (e instanceof ProfileError) throw new LoadConfigError(`CCGW_PROFILE_OVERRIDES: ${e.message}`);
    throw e;
  }
}

function readFixtures(env: Env, context: ParseContext, profile: Profile, path: string, given: string | undefined) {
  let fixturesText: string;
  try {
    fixturesText = context.readText(path);
  } catch (e) {
    throw new LoadConfigError(`CCGW_FIXTURES=${JSON.stringify(given ?? path)}: ${path} cannot be read (${(e as Error).message.split('\n')[0]}); give an absolute path or one relative to the repository root`);
  }
  return parseFixturesText(fixturesText, { source: path, env, readText: context.readText, profile });
}

function fixturesOf(env: Env, context: ParseContext, profile: Profile) {
  const given = text(env, 'CCGW_FIXTURES');
  const path = underRoot(context.repoRoot, given ?? DEMO_FIXTURES_FILE);
  // Read and parsed once however many lists are built from it: in k6, by the first VU only (its errors abort k6 there).
  let parsed: ReturnType<typeof readFixtures> | undefined;
  const parse = () => (parsed ??= readFixtures(env, context, profile, path, given));
  const share = context.share ?? (<T extends object>(_key: string, build: () => T[]) => build());
  // Unique within the process, which has one environment (so one profile and one fixtures file).
  const key = `ccgw fixtures ${path}`;
  const accounts = share(`${key}: accounts`, () => [...parse().accounts]);
  const name = share(`${key}: name`, () => [{ name: parse().name }])[0]!.name;
  return { path, name, accounts };
}

/**
 * Parses the configuration. Throws before any traffic is sent, so k6 aborts in the init context.
 *
 * @throws LoadConfigError (or a fixtures error) naming the variable or file, the bad value and the fix.
 */
export function parseLoadConfig(env: Env, context: ParseContext): LoadConfig {
  const target = targetOf(env);
  const profile = profileOf(env);
  const fixtures = fixturesOf(env, context, profile);
  const duration = text(env, 'CCGW_LOAD_DURATION') ?? context.defaults.duration;
  const durationWrong = loadDurationProblem(duration);
  if (durationWrong) throw new LoadConfigError(`CCGW_LOAD_DURATION=${JSON.stringify(duration)} ${durationWrong}`);
  const name = text(env, 'CCGW_RUN_NAME') ?? context.scenario;
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) throw new LoadConfigError(`CCGW_RUN_NAME=${JSON.stringify(name)} may hold only letters, digits, ".", "_" and "-"`);
  return {
    scenario: context.scenario,
    ...target,
    profile,
    fixturesPath: fixtures.path,
    fixturesName: fixtures.name,
    accounts: fixtures.accounts,
    validate: flag(env, 'CCGW_VALIDATE', true),
    ...adminOf(env, target.live, target.baseUrl),
    load: { ...numbersOf(env, NUMBERS.load, context), duration },
    given: { vus: text(env, NUMBERS.load.vus.env) !== undefined, inspectorsPerGroup: text(env, NUMBERS.load.inspectorsPerGroup.env) !== undefined },
    timing: numbersOf(env, NUMBERS.timing, context),
    thresholds: numbersOf(env, NUMBERS.thresholds, context),
    report: { dir: (text(env, 'CCGW_REPORT_DIR') ?? LOAD_REPORT_DIR).replace(/\/$/, ''), name },
  };
}

/** The configuration without secrets, for logs and reports. */
export function describeConfig(config: LoadConfig): Record<string, unknown> {
  const { accounts, adminToken, ...rest } = config;
  return { ...rest, profile: config.profile.name, accounts: accounts.length, adminToken: adminToken === undefined ? undefined : '(set)' };
}
