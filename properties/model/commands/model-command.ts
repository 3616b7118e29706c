/**
 * The base of every model command: each makes one call on the gateway, asks the abstract model what it expects,
 * compares, and applies the model's change when they agree. A command's label is how it appears in a failure.
 */
import type * as fc from 'fast-check';
import type { GuidKind } from '../../arbitraries/guid.ts';
import type { AbstractGateway } from '../abstract-model.ts';
import { mismatch, ModelMismatchError, type ModelReal } from '../model-real.ts';

/** What the commands read of most answers. */
export interface Answer {
  readonly retcode: string;
}

export const STATUS_NAMES: Readonly<Record<number, string>> = { 2: 'signed out', 3: 'busy', 4: 'idle', 5: 'wrap-up', 7: 'talking', 8: 'rest' };

/** How a label shows a Guid other than the caller's own. */
export function guidSuffix(guid: GuidKind): string {
  return guid === 'own' ? '' : `, Guid ${guid === 'other-agent' ? 'of another agent' : guid}`;
}

function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e);
}

/** Trace, error wrapping, and the retcode comparison. */
export abstract class ModelCommand implements fc.AsyncCommand<AbstractGateway, ModelReal, false> {
  abstract label(): string;
  protected abstract exec(model: AbstractGateway, real: ModelReal): Promise<void>;

  check(_model: Readonly<AbstractGateway>): boolean {
    return true;
  }

  async run(model: AbstractGateway, real: ModelReal): Promise<void> {
    real.trace.push(this.label());
    try {
      await this.exec(model, real);
    } catch (e) {
      if (e instanceof ModelMismatchError) throw e;
      throw mismatch(real, `threw ${describeError(e)}`);
    }
  }

  protected expectRetcode(real: ModelReal, expected: string, got: string): void {
    if (expected !== got) throw mismatch(real, `expected ${expected} got ${got}`);
  }

  toString(): string {
    return this.label();
  }
}
