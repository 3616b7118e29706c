/**
 * The commands of the model-based properties: each makes one call on the gateway, asks the abstract model what it
 * expects, compares, and applies the model's change when they agree. A command's label is how it appears in a
 * failure: `SignIn(30101)`, `ForceLogin(30101, busy)`, `SayBusy(30201, reason 201)`, `AddInsert(30101→30201)`,
 * `Cancel(30101→30201, Guid expired)`, `Poll(30101)`, `Status(30101)`, `Logout(30101)`, `ForceLogout(30101)`.
 *
 * @example
 * ```ts
 * await fc.asyncModelRun(() => ({ model, real }), [new SignIn('30101', 'valid', 4, false), new Qc('addInsert', '30101', '30201', 'own')]);
 * ```
 */
import type * as fc from 'fast-check';
import type { AgentEvent, AgentSession } from '../../src/client/index.ts';
import type { GuidKind } from '../arbitraries/guid.ts';
import { QC_TYPE_INSERT } from './documented-rules.ts';
import type { AbstractGateway, BodyKind, ExpectedEvent } from './abstract-model.ts';
import { mismatch, ModelMismatchError, type ModelReal } from './model-real.ts';

/** What the commands read of most answers. */
interface Answer {
  readonly retcode: string;
}

/** A Guid that no gateway issues. */
export const MALFORMED_GUID = 'not-a-guid';

const STATUS_NAMES: Readonly<Record<number, string>> = { 2: 'signed out', 3: 'busy', 4: 'idle', 5: 'wrap-up', 7: 'talking', 8: 'rest' };

function guidSuffix(guid: GuidKind): string {
  return guid === 'own' ? '' : `, Guid ${guid === 'other-agent' ? 'of another agent' : guid}`;
}

function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e);
}

/** The Guid value a call with `kind` sends (undefined: no Guid header); null: the session's own. */
function guidValue(kind: GuidKind, id: string, real: ModelReal): string | undefined | null {
  switch (kind) {
    case 'own':
      return null;
    case 'missing':
      return undefined;
    case 'malformed':
      return MALFORMED_GUID;
    case 'other-agent':
      return real.driver.otherGuids(id)[0] ?? MALFORMED_GUID;
    case 'expired':
      return real.driver.staleGuid(id) ?? MALFORMED_GUID;
  }
}

/** Runs `act` with the session sending the Guid of `kind`, then restores the session's own (unless a Set-GUID replaced it). */
async function withGuid<T>(session: AgentSession, kind: GuidKind, id: string, real: ModelReal, act: () => Promise<T>): Promise<T> {
  const value = guidValue(kind, id, real);
  if (value === null) return act();
  const own = session.guid;
  session.useGuid(value);
  try {
    return await act();
  } finally {
    if (session.guid === value) session.useGuid(own);
  }
}

/** The base of every command: trace, error wrapping, and the retcode comparison. */
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

/**
 * Sign-in (`force`: forcelogin from a new session, as another browser would).
 * @example
 * ```ts
 * new SignIn('30101', 'valid', 3, true).label(); // 'SignIn(30101, busy, always off-hook)'
 * ```
 */
export class SignIn extends ModelCommand {
  constructor(
    readonly id: string,
    readonly body: BodyKind,
    readonly status: 3 | 4 | 5,
    readonly alwaysOffHook: boolean,
    readonly force = false,
  ) {
    super();
  }

  label(): string {
    const details = [
      ...(this.status !== 4 ? [STATUS_NAMES[this.status]!] : []),
      ...(this.alwaysOffHook ? ['always off-hook'] : []),
      ...(this.body !== 'valid' ? [this.body.replace('-', ' ')] : []),
    ];
    return `${this.force ? 'ForceLogin' : 'SignIn'}(${this.id}${details.length ? `, ${details.join(', ')}` : ''})`;
  }

  protected async exec(model: AbstractGateway, real: ModelReal): Promise<void> {
    const account = real.driver.account(this.id);
    const password = account?.password ?? 'no-such-account';
    const phonenum = account?.phone ?? '88800000';
    const body =
      this.body === 'missing-password'
        ? { phonenum }
        : { password: this.body === 'wrong-password' ? `${password}-wrong` : password, phonenum: this.body === 'wrong-phone' ? `${phonenum}9` : phonenum, status: this.status, releasephone: !this.alwaysOffHook };
    const step = model.signIn(this.id, this.body, this.status, this.alwaysOffHook, this.force);
    const op = this.force ? 'forceLogin' : 'signIn';
    const reply = await real.driver.call(this.id, op, (s): Promise<Answer> => (this.force ? s.forceLogin(body) : s.signIn(body)), { fresh: this.force });
    this.expectRetcode(real, step.retcode, reply.retcode);
    step.commit();
  }
}

/**
 * sayfree, or saybusy with a reason (absent: none).
 * @example
 * ```ts
 * new StateChange('30201', 'busy', 'own', 201).label(); // 'SayBusy(30201, reason 201)'
 * ```
 */
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
      withGuid(s, this.guid, this.id, real, (): Promise<Answer> => (this.to === 'idle' ? s.sayFree() : s.sayBusy(this.reason === undefined ? {} : { reason: this.reason }))),
    );
    this.expectRetcode(real, step.retcode, reply.retcode);
    step.commit();
  }
}

/**
 * addinsert or cancel. With `ownBarge`, a cancel aims at whomever the model says the inspector barges (else at
 * `target`), so that cancels meet barges often; the label shows the target actually used.
 * @example
 * ```ts
 * new Qc('addInsert', '30101', '30201', 'expired').label(); // 'AddInsert(30101→30201, Guid expired)'
 * ```
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
      (s) => withGuid(s, this.guid, this.inspector, real, (): Promise<Answer> => (this.op === 'addInsert' ? s.addInsert(target) : s.cancelInsert(target))),
      { workNo: target },
    );
    this.expectRetcode(real, step.retcode, reply.retcode);
    step.commit();
  }
}

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

/**
 * One event poll. On a live gateway it runs only when an answer is due at once (an event queued, or a refusal).
 * @example
 * ```ts
 * new Poll('30101', 'own', false).label(); // 'Poll(30101)'
 * ```
 */
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
    const reply = await real.driver.call(this.id, 'getAgentEvent', (s) => withGuid(s, this.guid, this.id, real, () => s.pollEvent()));
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

/**
 * agentstatus: the status and whether the agent is in a conversation.
 * @example
 * ```ts
 * new Status('30101', 'missing').label(); // 'Status(30101, Guid missing)'
 * ```
 */
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
    const reply = await real.driver.call(this.id, 'agentStatus', (s) => withGuid(s, this.guid, this.id, real, () => s.agentStatus()));
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

/**
 * logout, or forcelogout.
 * @example
 * ```ts
 * new SignOut('30101', true, 'own').label(); // 'ForceLogout(30101)'
 * ```
 */
export class SignOut extends ModelCommand {
  constructor(
    readonly id: string,
    readonly force: boolean,
    readonly guid: GuidKind,
  ) {
    super();
  }

  label(): string {
    return `${this.force ? 'ForceLogout' : 'Logout'}(${this.id}${guidSuffix(this.guid)})`;
  }

  protected async exec(model: AbstractGateway, real: ModelReal): Promise<void> {
    const step = model.signOut(this.id, this.guid, this.force);
    const op = this.force ? 'forceLogout' : 'logout';
    const reply = await real.driver.call(this.id, op, (s) => withGuid(s, this.guid, this.id, real, (): Promise<Answer> => (this.force ? s.forceLogout() : s.logout())));
    this.expectRetcode(real, step.retcode, reply.retcode);
    step.commit();
  }
}

