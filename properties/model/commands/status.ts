/** agentstatus, compared with the model's status and conversation flag: `Status(30101)`. */
import type { GuidKind } from '../../arbitraries/guid.ts';
import { guidToSend, withGuid } from '../../gateway/send-guid.ts';
import type { AbstractGateway } from '../abstract-model.ts';
import { mismatch, type ModelReal } from '../model-real.ts';
import { guidSuffix, ModelCommand, STATUS_NAMES } from './model-command.ts';

/** agentstatus: the status and whether the agent is in a conversation. */
export class Status extends ModelCommand {
  constructor(
    readonly id: string,
    readonly guid: GuidKind,
  ) {
    super();
  }

  label(): string {
    return `Status(${this.id}${guidSuffix(this.guid)})`;
  }

  protected async exec(model: AbstractGateway, real: ModelReal): Promise<void> {
    const step = model.status(this.id, this.guid);
    const reply = await real.driver.call(this.id, 'agentStatus', (s) => withGuid(s, guidToSend(real.driver, this.id, this.guid), () => s.agentStatus()));
    this.expectRetcode(real, step.retcode, reply.retcode);
    if (!reply.ok) return;
    const { agentState, isWorking } = reply.result;
    if (agentState !== step.agentState || isWorking !== step.isWorking) {
      throw mismatch(
        real,
        `expected ${STATUS_NAMES[step.agentState!] ?? step.agentState} (${step.agentState})${step.isWorking ? ' in a call' : ''} got ${STATUS_NAMES[agentState] ?? agentState} (${agentState})${isWorking ? ' in a call' : ''}`,
      );
    }
  }
}
