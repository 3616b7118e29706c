/**
 * The model-based property: a random sequence of calls (sign-in, forcelogin, sayfree, saybusy, addinsert, cancel,
 * poll, agentstatus, logout, forcelogout) by several inspectors on several agents runs against a gateway and the
 * abstract model side by side; every answer must be the model's, every event the model's (strictly on the mock),
 * and at the end the gateway must hold what the model holds. A failure shrinks to a minimal sequence, printed as
 * the calls made and what went wrong.
 */
import * as fc from 'fast-check';
import type { GatewayDriver } from '../gateway/gateway-driver.ts';
import { AbstractGateway, type ModelSettings } from './abstract-model.ts';
import type { Cast } from './cast.ts';
import { modelCommandArbs, SignIn, type CommandOptions } from './commands/index.ts';
import { mismatch, ModelMismatchError, newModelReal, type EventCheck, type ModelReal } from './model-real.ts';

/** The gateway a model-based run plays against, and how. */
export interface ModelTarget {
  readonly cast: Cast;
  readonly settings: ModelSettings;
  readonly events: EventCheck;
  readonly commands: CommandOptions;
  /** Longest sequence generated. */
  readonly maxCommands: number;
  /** Caps the shrinking of a failure (each shrink is a whole run; on a live gateway, at the rate cap). */
  readonly maxShrinks?: number;
  /** Prepares one run (the mock: reset) and answers its driver. */
  startRun(): Promise<GatewayDriver>;
  /** Checks the end state against the model. */
  checkEnd(model: AbstractGateway, real: ModelReal): Promise<void>;
  /** Ends one run, whatever happened (a live gateway: cancel barges, sign everyone out). */
  finishRun(driver: GatewayDriver): Promise<void>;
}

/**
 * Sign-ins that open a run (so that most calls meet signed-in agents): some of the cast, each in a status, its
 * phone always off-hook or not. They shrink away like the other calls.
 */
export function prologueArb(cast: Cast): fc.Arbitrary<SignIn[]> {
  const status = fc.oneof({ weight: 5, arbitrary: fc.constant<3 | 4 | 5>(4) }, { weight: 1, arbitrary: fc.constantFrom<3 | 4 | 5>(3, 5) });
  const offHook = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
  const entries = cast.all.map((a) => fc.option(fc.tuple(status, offHook).map(([st, oh]) => new SignIn(a.id, 'valid', st, oh)), { nil: null, freq: 6 }));
  return fc.tuple(...entries).map((signIns) => signIns.filter((s): s is SignIn => s !== null));
}

/**
 * The property for `target`. `replayPath` is the command replay hint printed with a failure
 * (`CCGW_PROPERTY_REPLAY_PATH`), needed to walk a `path` into a shrunk sequence.
 */
export function modelProperty(target: ModelTarget, replayPath?: string): fc.IAsyncProperty<[Iterable<fc.AsyncCommand<AbstractGateway, ModelReal, boolean>>, readonly SignIn[]]> {
  const capped = <T>(arb: fc.Arbitrary<T>) => (target.maxShrinks === undefined ? arb : fc.limitShrink(arb, target.maxShrinks));
  const commands = fc.commands(modelCommandArbs(target.cast, target.commands), { maxCommands: target.maxCommands, size: 'max', ...(replayPath ? { replayPath } : {}) });
  // The commands come first: fast-check shrinks a tuple's elements in order, and shrinking the prologue first
  // (which clones the commands with their old shrink context) left the sequences barely shrunk.
  return fc.asyncProperty(capped(commands), capped(prologueArb(target.cast)), async (cmds, prologue) => {
    const driver = await target.startRun();
    try {
      const model = new AbstractGateway(target.cast.all, target.settings);
      const real = newModelReal(driver, target.events);
      await fc.asyncModelRun(() => ({ model, real }), [...prologue, ...cmds]);
      try {
        await target.checkEnd(model, real);
      } catch (e) {
        if (e instanceof ModelMismatchError) throw e;
        throw mismatch(real, `; end state: threw ${e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e)}`);
      }
    } finally {
      await target.finishRun(driver);
    }
  });
}
