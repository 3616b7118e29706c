/** sayfree and saybusy (with a valid or invalid reason): `SayFree(30201)`, `SayBusy(30201, reason 201)`. */
import type { GuidKind } from '../../arbitraries/guid.ts';
import { guidToSend, withGuid } from '../../gateway/send-guid.ts';
import type { AbstractGateway } from '../abstract-model.ts';
import type { ModelReal } from '../model-real.ts';
import { guidSuffix, ModelCommand, type Answer } from './model-command.ts';

/** sayfree, or saybusy with a reason (absent: none). */
export class StateChange extends ModelCommand {
  constructor(
    readonly id: string,
    readonly to: 'idle' | 'busy',
    readonly guid: GuidKind,
    readonly reason?: number | string,
  ) {
    super();
  }

  label(): string {
    if (this.to === 'idle') return `SayFree(${this.id}${guidSuffix(this.guid)})`;
    return `SayBusy(${this.id}${this.reason === undefined ? '' : `, reason ${JSON.stringify(this.reason)}`}${guidSuffix(this.guid)})`;
  }

  /** EN/cec_07_1211: empty or 0 means no reason; otherwise an integer from 200 to 250. */
  reasonValid(): boolean {
    const r = this.reason;
    return r === undefined || r === 0 || (typeof r === 'number' && Number.isInteger(r) && r >= 200 && r <= 250);
  }

  protected async exec(model: AbstractGateway, real: ModelReal): Promise<void> {
    const step = model.stateChange(this.id, this.guid, this.to, String(this.reason ?? 0), this.reasonValid());
    const op = this.to === 'idle' ? 'sayFree' : 'sayBusy';
    const reply = await real.driver.call(this.id, op, (s) =>
      withGuid(s, guidToSend(real.driver, this.id, this.guid), (): Promise<Answer> => (this.to === 'idle' ? s.sayFree() : s.sayBusy(this.reason === undefined ? {} : { reason: this.reason }))),
    );
    this.expectRetcode(real, step.retcode, reply.retcode);
    step.commit();
  }
}
