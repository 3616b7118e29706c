/**
 * How many runs a property makes, and how to replay one: from the environment (`CCGW_PROPERTY_SEED`,
 * `CCGW_PROPERTY_PATH`, `CCGW_PROPERTY_RUNS`, `CCGW_PROPERTY_REPLAY_PATH`) or from the live entry point's options.
 *
 * - `CCGW_PROPERTY_RUNS`: runs of every property (overrides each property's CI budget).
 * - `CCGW_PROPERTY_SEED`: fast-check's seed (a 32-bit integer), printed with every failure.
 * - `CCGW_PROPERTY_PATH`: fast-check's path to the shrunk counterexample (e.g. `12:3:0`), printed with every failure.
 * - `CCGW_PROPERTY_REPLAY_PATH`: the command-sequence replay hint of model-based properties (`fc.commands`'s
 *   `replayPath`, e.g. `CBA:F`), printed with their failures; without it a path into a shrunk sequence cannot be
 *   walked.
 */

/** The replay and budget settings of a property run. */
export interface PropertySettings {
  /** fast-check seed; undefined lets fast-check pick one (it is reported with a failure). */
  readonly seed?: number | undefined;
  /** fast-check path of a counterexample to replay directly. */
  readonly path?: string | undefined;
  /** Runs of every property; undefined uses each property's own budget. */
  readonly numRuns?: number | undefined;
  /** `fc.commands` replay hint of a shrunk command sequence. */
  readonly replayPath?: string | undefined;
}

/** A bad setting; the message names the variable, the bad value and the fix. */
export class PropertySettingsError extends Error {
  override readonly name = 'PropertySettingsError';
}

const PATH = /^[0-9]+(?::[0-9]+)*$/;
const REPLAY_PATH = /^[A-Za-z0-9+/]*:[A-Za-z0-9+/]*$/;

/**
 * Checks settings given as values (the live entry point's options).
 * @throws PropertySettingsError naming the option, the value and the fix.
 */
export function checkPropertySettings(settings: PropertySettings, what: 'option' | 'environment' = 'option'): PropertySettings {
  const name = (option: string, env: string) => (what === 'option' ? option : env);
  const { seed, path, numRuns, replayPath } = settings;
  if (seed !== undefined && (!Number.isInteger(seed) || seed < -(2 ** 31) || seed > 2 ** 32 - 1)) {
    throw new PropertySettingsError(`${name('seed', 'CCGW_PROPERTY_SEED')} ${JSON.stringify(seed)} is not a 32-bit integer; copy the seed printed with the failure`);
  }
  if (path !== undefined && !PATH.test(path)) {
    throw new PropertySettingsError(`${name('path', 'CCGW_PROPERTY_PATH')} ${JSON.stringify(path)} is not a fast-check path such as 12:3:0; copy the path printed with the failure`);
  }
  if (numRuns !== undefined && (!Number.isInteger(numRuns) || numRuns < 1 || numRuns > 1_000_000)) {
    throw new PropertySettingsError(`${name('numRuns', 'CCGW_PROPERTY_RUNS')} ${JSON.stringify(numRuns)} must be a whole number from 1 to 1000000`);
  }
  if (replayPath !== undefined && !REPLAY_PATH.test(replayPath)) {
    throw new PropertySettingsError(
      `${name('replayPath', 'CCGW_PROPERTY_REPLAY_PATH')} ${JSON.stringify(replayPath)} is not a command replay path such as "CBA:F"; copy the one printed with the failure`,
    );
  }
  return settings;
}

function integerOf(name: string, raw: string): number {
  if (!/^-?[0-9]+$/.test(raw.trim())) throw new PropertySettingsError(`${name}=${JSON.stringify(raw)} is not a whole number; for example ${name}=42`);
  return Number(raw.trim());
}

/**
 * Reads the settings from environment variables; empty variables count as unset.
 * @throws PropertySettingsError naming the variable, its value and the fix.
 */
export function propertySettingsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): PropertySettings {
  const read = (name: string) => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const seed = read('CCGW_PROPERTY_SEED');
  const runs = read('CCGW_PROPERTY_RUNS');
  return checkPropertySettings(
    {
      seed: seed === undefined ? undefined : integerOf('CCGW_PROPERTY_SEED', seed),
      path: read('CCGW_PROPERTY_PATH'),
      numRuns: runs === undefined ? undefined : integerOf('CCGW_PROPERTY_RUNS', runs),
      replayPath: read('CCGW_PROPERTY_REPLAY_PATH'),
    },
    'environment',
  );
}

/** The fast-check parameters a property run uses. */
export interface RunParameters {
  readonly numRuns: number;
  readonly seed?: number;
  readonly path?: string;
  readonly endOnFailure?: boolean;
}

/**
 * The fast-check parameters for a property whose CI budget is `defaultRuns`: the settings' run count when given,
 * and the seed and path when given (a path replays one counterexample, so it ends on the first failure).
 */
export function fcParameters(settings: PropertySettings, defaultRuns: number): RunParameters {
  return {
    numRuns: settings.numRuns ?? defaultRuns,
    ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
    ...(settings.path !== undefined ? { path: settings.path, endOnFailure: true } : {}),
  };
}
