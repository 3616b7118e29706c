/**
 * Settings of `ccgw run`, `verify` and `load`: defaults, then `ccgw.config.json` (or `--config FILE`), then
 * `CCGW_*` environment variables, then command-line flags. Every bad value is named with where it came from.
 * A gateway that is not on this machine needs the explicit `--live` opt-in and gets a request-rate cap.
 */
import { isAbsolute, resolve } from 'node:path';
import { ProfileError, resolveProfile, withOverrides, type Profile } from '../domain/profiles.ts';
import { validateConfig } from '../generated/document-validators.js';
import { schemaMessage, schemaProblems } from '../fixtures/schema-problems.ts';
import type { CommandIo } from '../io/command-io.ts';
import { UsageError } from '../io/errors.ts';
import { liveDecision, MAX_RPS_RANGE } from '../shared/live-target.ts';
import type { ConfigDocument } from './config-document.ts';
import { readErrorText, readTextFile } from '../io/read-text-file.ts';
import { loadDurationProblem } from '../shared/k6-duration.ts';

/** Flags shared by the commands that talk to a gateway, for `parseOptions`. */
export const TARGET_OPTIONS = {
  config: { type: 'string' },
  gateway: { type: 'string' },
  fixtures: { type: 'string' },
  profile: { type: 'string' },
  ca: { type: 'string' },
  insecure: { type: 'boolean' },
  live: { type: 'boolean' },
  'max-rps': { type: 'string' },
  out: { type: 'string' },
} as const;

/** The values parseOptions gives for TARGET_OPTIONS. */
export type TargetFlags = {
  readonly [K in keyof typeof TARGET_OPTIONS]?: ((typeof TARGET_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string) | undefined;
};

/** The gateway a command talks to. */
export type Target =
  | { readonly kind: 'mock'; readonly auth: 'static' | 'dynamic' }
  | { readonly kind: 'live'; readonly url: string; readonly loopback: boolean; readonly caFile?: string; readonly insecure: boolean; readonly auth: 'static' | 'dynamic' };

export interface Settings {
  readonly target: Target;
  /** Absolute path of the fixtures file, if any (required for a gateway on another machine; a ccgw mock on this one answers its own). */
  readonly fixturesPath: string | undefined;
  readonly profile: Profile;
  /** Requests per second all phases together may send; undefined = unlimited (the embedded mock). */
  readonly maxRequestsPerSecond: number | undefined;
  readonly properties: { readonly runs: number | undefined; readonly seed: number | undefined; readonly path: string | undefined };
  readonly load: NonNullable<ConfigDocument['load']>;
  /** Absolute directory where run directories go. */
  readonly reportDir: string;
  /** Where the settings came from, for the report: e.g. ['ccgw.config.json', 'environment', 'flags']. */
  readonly layers: readonly string[];
}

/** How ccgw names the live opt-in and the rate cap in the guard's refusal. */
const LIVE_WORDS = { optIn: 'Pass --live (or CCGW_LIVE=1)', cap: '--max-rps N' } as const;

/**
 * Reads and validates a config file. A missing file is undefined unless `explicit` (named by --config or
 * CCGW_CONFIG). @throws UsageError naming the file and the bad field
 */
export async function readConfigFile(command: string, path: string, explicit: boolean): Promise<ConfigDocument | undefined> {
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (e) {
    if (!explicit && (e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(command, `the config file ${path} cannot be read (${readErrorText(e)}); check --config or CCGW_CONFIG`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(command, `the config file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (!validateConfig(doc)) throw new UsageError(command, schemaMessage(path, schemaProblems(validateConfig.errors), 'src/config/config.schema.json'));
  return doc;
}

function bool(command: string, name: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new UsageError(command, `${name}=${JSON.stringify(raw)} is not a boolean; use 1 or 0`);
}

function int(command: string, name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?[0-9]+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new UsageError(command, `${name} ${JSON.stringify(raw)} is not valid; use an integer from ${min} to ${max}`);
  return Number(raw);
}

/** A number from 0 to 1, e.g. a share of the asked load. */
export function ratio(command: string, name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!/^[0-9.]+$/.test(raw) || !Number.isFinite(value) || value < 0 || value > 1) throw new UsageError(command, `${name} ${JSON.stringify(raw)} is not valid; use a number from 0 to 1, e.g. 0.9`);
  return value;
}

function checkUrl(command: string, name: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(command, `${name} ${JSON.stringify(url)} is not a URL; use e.g. https://10.0.0.5:8043`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(command, `${name} ${JSON.stringify(url)} must be http:// or https://`);
  if (parsed.username || parsed.password) throw new UsageError(command, `${name} must not carry credentials; accounts come from the fixtures file`);
  return url.replace(/\/+$/, '');
}

/** Resolves the settings of one command run. @throws UsageError naming the bad value and where it came from */
export async function resolveSettings(command: string, flags: TargetFlags, io: CommandIo): Promise<Settings> {
  const env = io.env;
  const layers: string[] = [];
  const configPath = flags.config ?? env['CCGW_CONFIG'];
  const file = await readConfigFile(command, resolve(io.cwd, configPath ?? 'ccgw.config.json'), configPath !== undefined);
  if (file) layers.push(configPath ?? 'ccgw.config.json');
  const fromEnv = Object.keys(env).some((k) => k.startsWith('CCGW_'));
  if (fromEnv) layers.push('environment');
  if (Object.values(flags).some((v) => v !== undefined)) layers.push('flags');

  const rawUrl = flags.gateway ?? env['CCGW_GATEWAY'] ?? file?.gateway?.url;
  const urlSource = flags.gateway !== undefined ? '--gateway' : env['CCGW_GATEWAY'] !== undefined ? 'CCGW_GATEWAY' : 'gateway.url';
  const caRaw = flags.ca ?? env['CCGW_CA'] ?? file?.gateway?.ca;
  const insecure = flags.insecure ?? bool(command, 'CCGW_INSECURE', env['CCGW_INSECURE']) ?? file?.gateway?.insecure ?? false;
  const allowLive = flags.live ?? bool(command, 'CCGW_LIVE', env['CCGW_LIVE']) ?? file?.live?.allow ?? false;
  const maxRps = int(command, flags['max-rps'] !== undefined ? '--max-rps' : 'CCGW_MAX_RPS', flags['max-rps'] ?? env['CCGW_MAX_RPS'], MAX_RPS_RANGE.min, MAX_RPS_RANGE.max) ?? file?.live?.maxRequestsPerSecond;
  const fixturesRaw = flags.fixtures ?? env['CCGW_FIXTURES'] ?? file?.fixtures;
  const fixturesPath = fixturesRaw === undefined ? undefined : isAbsolute(fixturesRaw) ? fixturesRaw : resolve(io.cwd, fixturesRaw);

  const profileName = flags.profile ?? env['CCGW_PROFILE'] ?? file?.gateway?.profile ?? 'ccgw-2024';
  let profile: Profile;
  try {
    profile = withOverrides(resolveProfile(profileName), file?.profileOverrides ?? {});
  } catch (e) {
    if (e instanceof ProfileError) throw new UsageError(command, `${e.message}${flags.profile ? ' (--profile)' : ''}`);
    throw e;
  }
  const auth = (env['CCGW_AUTH'] ?? file?.gateway?.auth ?? 'dynamic') as 'static' | 'dynamic';
  if (auth !== 'static' && auth !== 'dynamic') throw new UsageError(command, `CCGW_AUTH=${JSON.stringify(auth)} is not static or dynamic`);

  let target: Target;
  let rateCap = maxRps;
  if (rawUrl === undefined) {
    if (caRaw !== undefined || insecure) throw new UsageError(command, '--ca and --insecure apply to a --gateway; without one the embedded mock is used');
    target = { kind: 'mock', auth };
  } else {
    const url = checkUrl(command, urlSource, rawUrl);
    const guard = liveDecision({ named: `${urlSource} ${url}`, url, optIn: allowLive, maxRps }, LIVE_WORDS);
    if (!guard.allowed) throw new UsageError(command, guard.problem);
    const loopback = guard.loopback;
    rateCap = guard.maxRps;
    // A gateway on this machine may be a ccgw mock, whose accounts the run reads from its admin API (run/target.ts).
    if (fixturesPath === undefined && !loopback) throw new UsageError(command, `${urlSource} needs --fixtures FILE (or CCGW_FIXTURES): the test accounts to sign in on that gateway`);
    if (url.startsWith('http://') && (caRaw !== undefined || insecure)) throw new UsageError(command, `--ca and --insecure apply to https:// gateways; ${url} is plain HTTP`);
    target = {
      kind: 'live',
      url,
      loopback,
      insecure,
      auth,
      ...(caRaw !== undefined ? { caFile: isAbsolute(caRaw) ? caRaw : resolve(io.cwd, caRaw) } : {}),
    };
  }
  const scenario = env['CCGW_LOAD_SCENARIO'] ?? file?.load?.scenario;
  if (scenario !== undefined && !['smoke', 'barge-storm', 'throughput', 'soak'].includes(scenario)) {
    throw new UsageError(command, `CCGW_LOAD_SCENARIO=${JSON.stringify(scenario)} is not one of smoke, barge-storm, throughput, soak`);
  }
  const duration = env['CCGW_LOAD_DURATION'] ?? file?.load?.duration;
  const durationWrong = duration === undefined ? undefined : loadDurationProblem(duration);
  if (durationWrong) throw new UsageError(command, `${env['CCGW_LOAD_DURATION'] !== undefined ? 'CCGW_LOAD_DURATION=' : 'load.duration '}${JSON.stringify(duration)} ${durationWrong}`);
  const rate = int(command, 'CCGW_LOAD_RATE', env['CCGW_LOAD_RATE'], 1, 100000) ?? file?.load?.rate;
  const minAchievedRatio = ratio(command, 'CCGW_MIN_ACHIEVED_RATIO', env['CCGW_MIN_ACHIEVED_RATIO']) ?? file?.load?.minAchievedRatio;
  const reportDirRaw = flags.out ?? env['CCGW_REPORT_DIR'] ?? file?.report?.dir ?? 'runs';
  const seed = int(command, 'CCGW_PROPERTY_SEED', env['CCGW_PROPERTY_SEED'], -(2 ** 31), 2 ** 31 - 1) ?? file?.properties?.seed;
  const path = env['CCGW_PROPERTY_PATH'] ?? file?.properties?.path;
  if (path !== undefined && !/^[0-9]+(:[0-9]+)*$/.test(path)) throw new UsageError(command, `CCGW_PROPERTY_PATH=${JSON.stringify(path)} is not a fast-check replay path such as 12:3:0`);
  return {
    target,
    fixturesPath,
    profile,
    maxRequestsPerSecond: rateCap,
    properties: { runs: int(command, 'CCGW_PROPERTY_RUNS', env['CCGW_PROPERTY_RUNS'], 1, 100000) ?? file?.properties?.runs, seed, path },
    load: {
      ...file?.load,
      ...(scenario !== undefined ? { scenario: scenario as NonNullable<ConfigDocument['load']>['scenario'] } : {}),
      ...(duration !== undefined ? { duration } : {}),
      ...(rate !== undefined ? { rate } : {}),
      ...(minAchievedRatio !== undefined ? { minAchievedRatio } : {}),
    },
    reportDir: isAbsolute(reportDirRaw) ? reportDirRaw : resolve(io.cwd, reportDirRaw),
    layers,
  };
}
