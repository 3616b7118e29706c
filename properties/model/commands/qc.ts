/** addinsert and cancel: `AddInsert(30101→30201)`, `Cancel(30101→30201, Guid expired)`. */
import type { GuidKind } from '../../arbitraries/guid.ts';
import { guidToSend, withGuid } from '../../gateway/send-guid.ts';
import type { AbstractGateway } from '../abstract-model.ts';
import type { ModelReal } from '../model-real.ts';
import { guidSuffix, ModelCommand, type Answer } from './model-command.ts';

/**
 * addinsert or cancel. With `ownBarge`, a cancel aims at whomever the model says the inspector barges (else at
 * `target`), so that cancels meet barges often; the label shows the target actually used.
 */
export class Qc extends ModelCommand {
  #target: string;

  constructor(
    readonly op: 'addInsert' | 'cancelInsert',
    readonly inspector: string,
    readonly target: string,
    readonly guid: GuidKind,
    readonly ownBarge = false,
  ) {
    super();
    this.#target = target;
  }

  label(): string {
    return `${this.op === 'addInsert' ? 'AddInsert' : 'Cancel'}(${this.inspector}→${this.#target}${guidSuffix(this.guid)})`;
  }

  override async run(model: AbstractGateway, real: ModelReal): Promise<void> {
    this.#target = (this.ownBarge ? model.sessions.get(this.inspector)?.barging : undefined) ?? this.target;
    return super.run(model, real);
  }

  protected async exec(model: AbstractGateway, real: ModelReal): Promise<void> {
    const target = this.#target;
    const step = this.op === 'addInsert' ? model.addInsert(this.inspector, target, this.guid) : model.cancel(this.inspector, target, this.guid);
    const reply = await real.driver.call(
      this.inspector,
      this.op,
      (s) => withGuid(s, guidToSend(real.driver, this.inspector, this.guid), (): Promise<Answer> => (this.op === 'addInsert' ? s.addInsert(target) : s.cancelInsert(target))),
      { workNo: target },
    );
    this.expectRetcode(real, step.retcode, reply.retcode);
    step.commit();
  }
}
