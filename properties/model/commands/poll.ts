/** The event poll, compared event by event with the model's queue: `Poll(30101)`. */
import type { AgentEvent } from '../../../src/client/index.ts';
import type { GuidKind } from '../../arbitraries/guid.ts';
import { guidToSend, withGuid } from '../../gateway/send-guid.ts';
import type { AbstractGateway, ExpectedEvent } from '../abstract-model.ts';
import { QC_TYPE_INSERT } from '../documented-rules.ts';
import { mismatch, type ModelReal } from '../model-real.ts';
import { guidSuffix, ModelCommand } from './model-command.ts';

function describeEvent(e: AgentEvent | ExpectedEvent | null): string {
  if (e === null) return 'no event';
  if ('type' in e) return e.type + (e.qcAgentId ? ` by ${e.qcAgentId}` : '') + (e.reason !== undefined ? ` reason ${e.reason}` : '');
  return `${e.eventType} ${JSON.stringify(e.content)}`;
}

/** What is wrong with `actual` as the event `expected` for `agentId`, or undefined when it fits. */
function eventProblem(expected: ExpectedEvent, actual: AgentEvent, agentId: string): string | undefined {
  if (actual.eventType !== expected.type) return `expected event ${describeEvent(expected)} got ${describeEvent(actual)}`;
  if (actual.workNo !== agentId) return `event ${actual.eventType} names workNo ${JSON.stringify(actual.workNo)}, expected ${agentId}`;
  const content = actual.content as Record<string, unknown> | null;
  if (expected.qcAgentId !== undefined && (content?.['qcType'] !== QC_TYPE_INSERT || content['qcAgentId'] !== Number(expected.qcAgentId))) {
    return `${actual.eventType} carries ${JSON.stringify(content)}, expected { qcType: 9, qcAgentId: ${Number(expected.qcAgentId)} }`;
  }
  if (expected.reason !== undefined && content?.['reason'] !== expected.reason) return `${actual.eventType} carries ${JSON.stringify(content)}, expected reason "${expected.reason}"`;
  return undefined;
}

/** One event poll. On a live gateway it runs only when an answer is due at once (an event queued, or a refusal). */
export class Poll extends ModelCommand {
  constructor(
    readonly id: string,
    readonly guid: GuidKind,
    readonly onlyWhenDue: boolean,
  ) {
    super();
  }

  label(): string {
    return `Poll(${this.id}${guidSuffix(this.guid)})`;
  }

  override check(model: Readonly<AbstractGateway>): boolean {
    if (!this.onlyWhenDue) return true;
    return !model.sessions.has(this.id) || this.guid !== 'own' || model.queue(this.id).length > 0;
  }

  protected async exec(model: AbstractGateway, real: ModelReal): Promise<void> {
    const step = model.poll(this.id, this.guid);
    const reply = await real.driver.call(this.id, 'getAgentEvent', (s) => withGuid(s, guidToSend(real.driver, this.id, this.guid), () => s.pollEvent()));
    this.expectRetcode(real, step.retcode, reply.retcode);
    if (reply.retcode !== '0') return;
    const actual = reply.ok ? reply.event : null;
    if (real.events === 'strict') {
      if (step.event === null && actual !== null) throw mismatch(real, `expected no event got ${describeEvent(actual)}`);
      if (step.event !== null && actual === null) throw mismatch(real, `expected event ${describeEvent(step.event)} got no event`);
      if (step.event !== null && actual !== null) {
        const problem = eventProblem(step.event, actual, this.id);
        if (problem) throw mismatch(real, problem);
      }
      step.commit();
      return;
    }
    // Lenient: an event the model does not know is skipped; a modelled one must come in order (earlier ones may be missing).
    const queue = model.sessions.get(this.id)!.events;
    if (actual === null) {
      queue.length = 0;
      return;
    }
    const at = queue.findIndex((e) => e.type === actual.eventType);
    if (at < 0) return;
    const problem = eventProblem(queue[at]!, actual, this.id);
    if (problem) throw mismatch(real, problem);
    queue.splice(0, at + 1);
  }
}
