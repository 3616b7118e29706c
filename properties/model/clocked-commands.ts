/**
 * Pieces shared by the model-based properties that run on the mock with the test's clock (the Guid lifecycle, the
 * no-poll sign-out): the trace of calls a failure is told with, and the command that moves the clock.
 */
import type * as fc from 'fast-check';
import { ModelMismatchError } from './model-real.ts';

/** A model that keeps the test clock and the calls made so far. */
export interface ClockedModel {
  now: number;
  readonly trace: string[];
}

/** The real side's hand on the mock's clock. */
export interface ClockedReal {
  readonly setClock: (now: number) => void;
}

/** A mismatch, told with the calls that led to it. */
export function failure(m: ClockedModel, detail: string): ModelMismatchError {
  return new ModelMismatchError(`${m.trace.join(' → ')} ${detail}`);
}

/** Runs one command's calls after adding `label` to the trace; an error other than a mismatch is told with the trace. */
export async function traced(m: ClockedModel, label: string, act: () => Promise<void>): Promise<void> {
  m.trace.push(label);
  try {
    await act();
  } catch (e) {
    if (e instanceof ModelMismatchError) throw e;
    throw failure(m, `threw ${e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e)}`);
  }
}

/** Moves the model's and the mock's clock forward. */
export class Wait<M extends ClockedModel, R extends ClockedReal> implements fc.AsyncCommand<M, R> {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(m: M, r: R): Promise<void> {
    await traced(m, this.toString(), async () => {
      m.now += this.ms;
      r.setClock(m.now);
    });
  }
  toString = () => `Wait(${this.ms} ms)`;
}
