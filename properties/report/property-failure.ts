/**
 * A failed property, told so a person can act on it: the shrunk counterexample as a readable list (a model-based
 * property's sequence of calls with what was expected and what came back), and the line that replays it.
 */
import * as fc from 'fast-check';
import type { Failure } from '../../src/report/run-summary.ts';

/** An error that knows how to tell its counterexample (a model-based run's trace of calls). */
export interface DescribedFailure {
  /** The counterexample, readable: e.g. `SignIn(30101) → AddInsert(30101→30201) expected 0 got 900-005`. */
  readonly counterexampleText: string;
}

/** True when `error` carries its own counterexample text. */
export function isDescribedFailure(error: unknown): error is Error & DescribedFailure {
  return error instanceof Error && typeof (error as Partial<DescribedFailure>).counterexampleText === 'string';
}

/** What fast-check reports about a finished run (the fields of `RunDetails` this module reads). */
export interface RunOutcome {
  readonly failed: boolean;
  readonly interrupted: boolean;
  readonly numRuns: number;
  readonly numShrinks: number;
  readonly seed: number;
  readonly counterexample: unknown;
  readonly counterexamplePath: string | null;
  readonly errorInstance: unknown;
}

/** How to describe one property's failure. */
export interface FailureContext {
  /** The property's title, first in the message. */
  readonly title: string;
  /** The command that re-runs the property, appended after the replay variables (e.g. a vitest filter). */
  readonly replayCommand?: string;
}

const REPLAY_PATH = /\/\*replayPath="([^"]*)"\*\//;

/** The `fc.commands` replay hint inside a printed counterexample, if any. */
export function commandsReplayPath(printed: string): string | undefined {
  return REPLAY_PATH.exec(printed)?.[1] || undefined;
}

/** The environment assignments that replay the shrunk counterexample directly. */
export function replayVariables(seed: number, path: string | null, replayPath?: string): string {
  return [`CCGW_PROPERTY_SEED=${seed}`, ...(path ? [`CCGW_PROPERTY_PATH=${path}`] : []), ...(replayPath ? [`CCGW_PROPERTY_REPLAY_PATH="${replayPath}"`] : [])].join(' ');
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return error === null || error === undefined ? '' : String(error);
}

/**
 * Turns a failed fast-check run into the report's `Failure`: message (title, runs, the readable counterexample,
 * the error, the replay line), counterexample, seed and path.
 */
export function describePropertyFailure(details: RunOutcome, context: FailureContext): Failure {
  const printed = fc.stringify(details.counterexample);
  const replayPath = commandsReplayPath(printed);
  const error = details.errorInstance;
  const counterexample = isDescribedFailure(error) ? error.counterexampleText : printed.replace(REPLAY_PATH, '').trim();
  const why = isDescribedFailure(error) ? '' : errorText(error);
  const replay = `replay: ${replayVariables(details.seed, details.counterexamplePath, replayPath)}${context.replayCommand ? ` ${context.replayCommand}` : ''}`;
  const message = [
    `${context.title}: failed after ${details.numRuns} run${details.numRuns === 1 ? '' : 's'} (shrunk ${details.numShrinks} time${details.numShrinks === 1 ? '' : 's'})`,
    `counterexample: ${counterexample}`,
    ...(why ? [why] : []),
    replay,
  ].join('\n');
  return {
    message,
    counterexample,
    seed: details.seed,
    ...(details.counterexamplePath ? { path: details.counterexamplePath } : {}),
    ...(why ? { actual: why } : {}),
  };
}
