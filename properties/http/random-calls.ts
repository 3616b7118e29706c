/**
 * The contract-conformance property: random sequences of calls of every operation (sign-in and forcelogin with
 * valid and broken bodies, sign-outs, sayfree, saybusy with any reason, agentstatus, the event poll, addinsert and
 * cancel), by the cast's accounts and by IDs around the profile's range (mangled, below 101, too large), with any
 * Guid. Whatever the state, every answer must be HTTP 200 with a body the contract's validator accepts and a
 * retcode the contract lists for that operation, or HTTP 404 for a path ID the path pattern refuses.
 */
import * as fc from 'fast-check';
import { GatewayHttpError, type AgentSession } from '../../src/client/index.ts';
import { operations, type OperationId } from '../../src/generated/contract.ts';
import { responseValidators } from '../../src/generated/validators.js';
import { belowRangeIdArb, mangledIdArb, tooLargeIdArb, type TaggedId } from '../arbitraries/agent-id.ts';
import { guidKindArb, malformedGuidArb, type GuidKind } from '../arbitraries/guid.ts';
import { signInBodyArb } from '../arbitraries/sign-in-body.ts';
import { redactSecretFields } from '../../src/redact/secrets.ts';
import type { GatewayDriver } from '../gateway/gateway-driver.ts';
import { guidToSend, withGuid } from '../gateway/send-guid.ts';
import type { DocumentedIdRange } from '../model/documented-rules.ts';
import type { Cast } from '../model/cast.ts';
import { ModelMismatchError } from '../model/model-real.ts';

/** One call of the conformance property. */
export interface RandomCall {
  readonly op: OperationId;
  readonly agent: TaggedId;
  readonly workNo?: TaggedId;
  readonly guid: GuidKind;
  readonly malformedGuid: string;
  readonly body?: unknown;
  readonly query?: { readonly reason?: string | number; readonly prolong?: string | boolean };
}

/** Where and how the property runs. */
export interface ConformanceTarget {
  readonly cast: Cast;
  readonly range: DocumentedIdRange;
  /** The profile's answer to a path the pattern refuses. */
  readonly pathMismatch: 'http-404' | '000-002';
  /** A live gateway: right passwords only, no push mode, valid IDs only from the fixtures, polls only when due. */
  readonly live: boolean;
  /** Valid IDs that are no account (the mock only). */
  readonly unknownIds: readonly string[];
  readonly maxCalls: number;
  /** Caps the shrinking of a failure (each shrink is a whole run; on a live gateway, at the rate cap). */
  readonly maxShrinks?: number;
  startRun(): Promise<GatewayDriver>;
  /** Problems found at the end of a run (the mock: its audit), or none. */
  checkEnd(driver: GatewayDriver): Promise<string[]>;
  finishRun(driver: GatewayDriver): Promise<void>;
}

const OPS_WITH_TARGET = new Set<OperationId>(['addInsert', 'cancelInsert', 'agentByWorkNo']);

function describeCall(c: RandomCall): string {
  const id = (t: TaggedId) => (t.expect === 'ok' ? t.raw : `${JSON.stringify(t.raw)} (${t.form})`);
  const args = [id(c.agent), ...(c.workNo ? [id(c.workNo)] : [])].join('→');
  const extra = [
    ...(c.op !== 'signIn' && c.op !== 'forceLogin' && c.guid !== 'own' ? [`Guid ${c.guid}`] : []),
    ...(c.body !== undefined ? [`body ${JSON.stringify(redactSecretFields(c.body))?.slice(0, 160)}`] : []),
    ...(c.query ? [`query ${JSON.stringify(c.query)}`] : []),
  ];
  return `${c.op}(${args}${extra.length ? `, ${extra.join(', ')}` : ''})`;
}

/** Calls on `target`'s cast and around its range. */
export function randomCallArb(target: Pick<ConformanceTarget, 'cast' | 'range' | 'live' | 'unknownIds'>): fc.Arbitrary<RandomCall> {
  const castIds = target.cast.all.map((a) => a.id);
  const ok = (raw: string): TaggedId => ({ raw, expect: 'ok', form: 'valid' });
  // On a live gateway, a valid ID outside the fixtures may be somebody's account: only the fixtures' IDs (and forms
  // of them) are used, and IDs below 101 only as a caller without a Guid.
  const idArb = (role: 'sign-in' | 'caller' | 'target') => {
    const choices: fc.WeightedArbitrary<TaggedId>[] = [
      { weight: 12, arbitrary: fc.constantFrom(...castIds).map(ok) },
      { weight: 2, arbitrary: fc.constantFrom(...castIds).chain(mangledIdArb) },
    ];
    if (!target.live) {
      choices.push({ weight: 1, arbitrary: tooLargeIdArb(target.range) }, { weight: 1, arbitrary: belowRangeIdArb(target.range) });
      if (target.unknownIds.length) choices.push({ weight: 1, arbitrary: fc.constantFrom(...target.unknownIds).map(ok) });
    } else if (role === 'caller') {
      choices.push({ weight: 1, arbitrary: belowRangeIdArb(target.range) });
    }
    return fc.oneof(...choices);
  };
  const limits = { keepPassword: target.live, noPushMode: target.live };
  const bodies = new Map(target.cast.all.map((a) => [a.id, signInBodyArb({ password: a.password, phonenum: a.phone }, limits)]));
  const anyBody = signInBodyArb(undefined, limits);
  const body = (agent: TaggedId) => bodies.get(agent.of ?? agent.raw) ?? anyBody;
  const common = { guid: guidKindArb(), malformedGuid: malformedGuidArb() };
  const signIn = fc.constantFrom<OperationId>('signIn', 'signIn', 'forceLogin').chain((op) =>
    idArb('sign-in').chain((agent) => fc.record({ op: fc.constant(op), agent: fc.constant(agent), body: body(agent), ...common })),
  );
  const reason = fc.oneof(fc.constant(undefined), fc.integer({ min: 200, max: 250 }), fc.constantFrom<string | number>(0, 199, 251, '', 'abc', '2e2', -1));
  const prolong = fc.oneof(fc.constant(undefined), fc.boolean(), fc.constantFrom('yes', 'TRUE', ''));
  const query = fc.record({ reason, prolong }).map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as RandomCall['query']);
  const self = fc.record({
    op: fc.constantFrom<OperationId>(...SELF_OPS),
    agent: idArb('caller'),
    ...common,
  });
  const busy = fc.record({ op: fc.constant<OperationId>('sayBusy'), agent: idArb('caller'), query, ...common });
  const qc = fc.record({ op: fc.constantFrom<OperationId>('addInsert', 'addInsert', 'cancelInsert', 'agentByWorkNo'), agent: idArb('caller'), workNo: idArb('target'), ...common });
  return fc
    .oneof({ weight: 4, arbitrary: signIn }, { weight: 4, arbitrary: self }, { weight: 1, arbitrary: busy }, { weight: 5, arbitrary: qc })
    .map((c) => Object.defineProperty(c as RandomCall, fc.toStringMethod, { value: () => describeCall(c as RandomCall), enumerable: false }));
}

interface Answered {
  readonly retcode: string;
  readonly body: unknown;
  readonly event?: unknown;
}

/** The calls that name only the caller, and the session method of each. */
const SELF_CALLS = {
  logout: 'logout',
  forceLogout: 'forceLogout',
  sayFree: 'sayFree',
  agentStatus: 'agentStatus',
  getAgentEvent: 'pollEvent',
  resetSkill: 'resetSkill',
  handShake: 'handShake',
  heartbeat: 'heartbeat',
  updateGuid: 'updateGuid',
  allAgentStatus: 'allAgentStatus',
  onlineAgentOnVdn: 'onlineAgentOnVdn',
} as const satisfies Partial<Record<OperationId, keyof AgentSession>>;
type SelfCall = keyof typeof SELF_CALLS;
const SELF_OPS = Object.keys(SELF_CALLS) as SelfCall[];

function send(session: AgentSession, c: RandomCall): Promise<Answered> {
  switch (c.op) {
    case 'signIn':
      return session.signIn(c.body as never);
    case 'forceLogin':
      return session.forceLogin(c.body as never);
    case 'sayBusy':
      return session.sayBusy({ ...(c.query ?? {}) });
    case 'addInsert':
      return session.addInsert(c.workNo!.raw);
    case 'cancelInsert':
      return session.cancelInsert(c.workNo!.raw);
    case 'agentByWorkNo':
      return session.agentByWorkNo(c.workNo!.raw);
    default:
      return (session[SELF_CALLS[c.op as SelfCall]] as () => Promise<Answered>).call(session);
  }
}

/**
 * Makes one call and says what is wrong with its answer, if anything.
 * @returns undefined when the answer is in the contract; otherwise the problem
 */
export async function checkOneCall(driver: GatewayDriver, c: RandomCall, pathMismatch: 'http-404' | '000-002', strictPaths: boolean): Promise<{ readonly problem?: string; readonly retcode?: string; readonly event?: unknown }> {
  const patternBad = c.agent.expect === 'pattern' || c.workNo?.expect === 'pattern';
  const signingIn = c.op === 'signIn' || c.op === 'forceLogin';
  try {
    const reply = await driver.call(
      c.agent.raw,
      c.op,
      (session) => withGuid(session, signingIn ? null : guidToSend(driver, c.agent.raw, c.guid, c.malformedGuid), () => send(session, c)),
      OPS_WITH_TARGET.has(c.op) ? { workNo: c.workNo!.raw } : {},
    );
    if (!responseValidators[c.op](reply.body)) return { problem: `the body ${JSON.stringify(reply.body)} is outside the contract: ${JSON.stringify(responseValidators[c.op].errors?.[0])}` };
    if (!operations[c.op].retcodes.some((r) => r.code === reply.retcode)) return { problem: `retcode ${reply.retcode} is not listed for ${c.op} (the contract lists ${operations[c.op].retcodes.map((r) => r.code).join(', ')})` };
    if (strictPaths && patternBad && pathMismatch === 'http-404') return { problem: `a path ID the path pattern refuses was answered HTTP 200 retcode ${reply.retcode}, expected HTTP 404` };
    return { retcode: reply.retcode, ...(reply.event !== undefined ? { event: reply.event } : {}) };
  } catch (e) {
    if (e instanceof GatewayHttpError && e.status === 404) {
      if (patternBad && pathMismatch === 'http-404') return { retcode: 'http-404' };
      return { problem: `answered HTTP 404 although ${patternBad ? `the profile answers a refused path with ${pathMismatch}` : 'every path ID matches the path pattern'}` };
    }
    return { problem: `threw ${e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e)}` };
  }
}

/** Operations after whose success the caller (and the target) probably has an event queued. */
const QUEUES_EVENTS = new Set<OperationId>(['signIn', 'forceLogin', 'sayFree', 'sayBusy', 'addInsert', 'cancelInsert']);

/** The property: every answer of every call is in the contract. */
export function conformanceProperty(target: ConformanceTarget): fc.IAsyncProperty<[RandomCall[]]> {
  const sequences = fc.array(randomCallArb(target), { minLength: 1, maxLength: target.maxCalls, size: 'max' });
  return fc.asyncProperty(target.maxShrinks === undefined ? sequences : fc.limitShrink(sequences, target.maxShrinks), async (calls) => {
    const driver = await target.startRun();
    const trace: string[] = [];
    const due = new Set<string>();
    try {
      for (const c of calls) {
        // A live gateway holds a poll of an empty queue for ~10 s: poll only where an event is probably queued.
        if (target.live && c.op === 'getAgentEvent' && c.guid === 'own' && !due.has(c.agent.raw)) continue;
        trace.push(describeCall(c));
        const outcome = await checkOneCall(driver, c, target.pathMismatch, !target.live);
        if (outcome.problem) throw new ModelMismatchError(`${trace.join(' → ')}: ${outcome.problem}`);
        if (outcome.retcode === '0' && QUEUES_EVENTS.has(c.op)) {
          due.add(c.agent.raw);
          if (c.workNo) due.add(c.workNo.raw);
        }
        if (c.op === 'getAgentEvent' && outcome.retcode === '0' && outcome.event === null) due.delete(c.agent.raw);
      }
      const problems = await target.checkEnd(driver).catch((e: unknown) => [`the end check threw ${e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e)}`]);
      if (problems.length) throw new ModelMismatchError(`${trace.join(' → ')}; end: ${problems.join('; ')}`);
    } finally {
      await target.finishRun(driver);
    }
  });
}
