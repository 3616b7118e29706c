/**
 * Running one property with the run settings and reporting it: as a report `Case` (for `ccgw verify
 * --properties` and the live entry point), or as a thrown error with the readable counterexample and the replay
 * line (for vitest).
 */
import * as fc from 'fast-check';
import type { Case } from '../../src/report/run-summary.ts';
import { fcParameters, propertySettingsFromEnv, type PropertySettings } from '../settings.ts';
import { describePropertyFailure } from './property-failure.ts';

/** One property to run. */
export interface PropertySpec<Ts> {
  /** Stable, unique case ID, e.g. `domain.addinsert.precedence.self-target`. */
  readonly id: string;
  /** A sentence: what holds, e.g. `a barge on oneself answers 000-005 whatever else is true`. */
  readonly title: string;
  readonly property: fc.IRawProperty<Ts>;
  /** Runs in CI when `CCGW_PROPERTY_RUNS` (or the `numRuns` option) does not say otherwise. */
  readonly defaultRuns: number;
  /** Appended to the replay line, e.g. `npx vitest run properties -t "<title>"`. */
  readonly replayCommand?: string;
}

/** What a property run gives: the report case and fast-check's details. */
export interface PropertyResult {
  readonly case: Case;
  readonly failed: boolean;
  readonly interrupted: boolean;
  readonly numRuns: number;
  readonly seed: number;
}

/**
 * Runs a property under `settings` (seed, path, run count) and returns its case: `passed` with the runs and seed
 * observed, or `failed` with the shrunk counterexample, seed and path.
 */
export async function checkProperty<Ts>(spec: PropertySpec<Ts>, settings: PropertySettings): Promise<PropertyResult> {
  const started = Date.now();
  const params = fcParameters(settings, spec.defaultRuns);
  let details: fc.RunDetails<Ts>;
  try {
    details = await fc.check(spec.property, params);
  } catch (e) {
    // fast-check throws (rather than reports) when a replay path does not fit the property.
    const message = e instanceof Error ? e.message : String(e);
    const hint = /replay/i.test(message)
      ? ` — CCGW_PROPERTY_PATH ${JSON.stringify(settings.path)} does not lead to a counterexample of this property: replay only the property that printed it (its -t filter), with the seed${
          settings.replayPath === undefined ? ' and, for a sequence of calls, the CCGW_PROPERTY_REPLAY_PATH' : ''
        } printed beside it`
      : '';
    const failure = { message: `${spec.title}: could not run: ${message}${hint}`, ...(settings.seed !== undefined ? { seed: settings.seed } : {}), ...(settings.path ? { path: settings.path } : {}) };
    return { case: { id: spec.id, title: spec.title, kind: 'property', durationMs: Date.now() - started, outcome: 'failed', failure }, failed: true, interrupted: false, numRuns: 0, seed: settings.seed ?? 0 };
  }
  const durationMs = Date.now() - started;
  const observed = { runs: details.numRuns, seed: details.seed };
  const base = { id: spec.id, title: spec.title, kind: 'property' as const, durationMs, observed };
  if (!details.failed) return { case: { ...base, outcome: 'passed' }, failed: false, interrupted: details.interrupted, numRuns: details.numRuns, seed: details.seed };
  const failure = describePropertyFailure(details, { title: spec.title, ...(spec.replayCommand ? { replayCommand: spec.replayCommand } : {}) });
  return { case: { ...base, outcome: 'failed', failure }, failed: true, interrupted: details.interrupted, numRuns: details.numRuns, seed: details.seed };
}

/** The vitest command that runs only the test named `title` (its regex specials escaped, quoted for a POSIX shell). */
export function vitestFilterCommand(title: string): string {
  const pattern = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `npx vitest run properties -t '${pattern.replace(/'/g, `'\\''`)}'`;
}

/** A property that failed under vitest; the message is the whole report (counterexample and replay line). */
export class PropertyFailedError extends Error {
  override readonly name = 'PropertyFailedError';
}

/**
 * Runs a property with the settings from the environment (`CCGW_PROPERTY_*`) and throws a
 * {@link PropertyFailedError} with the readable counterexample and the replay line when it fails.
 * Returns the number of runs made.
 */
export async function assertProperty<Ts>(spec: PropertySpec<Ts>, settings: PropertySettings = propertySettingsFromEnv()): Promise<number> {
  const replayCommand = spec.replayCommand ?? vitestFilterCommand(spec.title);
  const result = await checkProperty({ ...spec, replayCommand }, settings);
  if (result.failed) throw new PropertyFailedError(result.case.failure!.message);
  return result.numRuns;
}
