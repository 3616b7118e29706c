/**
 * The real side of a model-based run: the gateway driver, how strictly events are compared, and the trace of the
 * calls made so far, which is what a failure prints (`SignIn(30101) → AddInsert(30101→30201) expected 0 got
 * 900-005`).
 */
import type { DescribedFailure } from '../report/property-failure.ts';
import type { GatewayDriver } from '../gateway/gateway-driver.ts';

/** strict: every event and only those, in order (the mock); lenient: the modelled events that arrive come in order (a live gateway may send more, or leave phone events out). */
export type EventCheck = 'strict' | 'lenient';

export interface ModelReal {
  readonly driver: GatewayDriver;
  readonly events: EventCheck;
  /** The calls made so far, as their labels. */
  readonly trace: string[];
}

/** Starts the real side of one run. */
export function newModelReal(driver: GatewayDriver, events: EventCheck): ModelReal {
  return { driver, events, trace: [] };
}

/** The model and the gateway disagree; the message is the trace of calls ending in what went wrong. */
export class ModelMismatchError extends Error implements DescribedFailure {
  override readonly name = 'ModelMismatchError';
  constructor(readonly counterexampleText: string) {
    super(counterexampleText);
  }
}

/** The error for a disagreement at the last call of the trace (or at the end, for the end-state check). */
export function mismatch(real: ModelReal, detail: string): ModelMismatchError {
  return new ModelMismatchError(`${real.trace.join(' → ')}${real.trace.length ? ' ' : ''}${detail}`);
}
