/**
 * The contract verdict of an answer body with HTTP 200: it is a JSON object, it passes the generated ajv validator of
 * its operation (when validating), and its retcode is one the contract lists for the operation.
 *
 * A verdict depends on the operation and the body text alone, so a {@link VerdictCache} keeps the verdicts of the
 * texts it has judged: an identical text gets the identical verdict (and the same parsed body) for the cost of a map
 * lookup. Every answer is still judged; under load most answers repeat (a poll answer is the same text for the same
 * agent and event type, unless the gateway stamps events with `eventGenTime`). The cache is bounded: when full it
 * starts again empty. Pure: no k6 import (the Node tests use it as it is).
 */
import type { OperationId } from '../../src/domain/index.ts';
import { operations } from '../../src/generated/contract.ts';
import { releaseValidators, responseValidators } from '../../src/generated/validators.js';

/** What a body is, against the contract. */
export type VerdictKind = 'ok' | 'not-json' | 'schema' | 'unlisted';

/** The tags of an answer's `ccgw_contract_ok` sample (a type, not an interface: k6 takes a string record). */
export type ContractTags = {
  readonly op: string;
  /** The body's retcode, `none` without one. */
  readonly retcode: string;
  readonly status: string;
};

/** The verdict of one body text. Shared between identical texts: treat `body` as read-only. */
export interface BodyVerdict {
  readonly kind: VerdictKind;
  /** The parsed body when it is a JSON object. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /** The body's retcode, when it has a string one. */
  readonly retcode: string | undefined;
  /** Why the body breaks the contract; undefined when it keeps it. */
  readonly problem: string | undefined;
  /** The tags of its `ccgw_contract_ok` sample (an HTTP 200 answer of the operation), made once with the verdict. */
  readonly tags: ContractTags;
}

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };

const listed = new Map<string, ReadonlySet<string>>();

function listedRetcodes(op: OperationId): ReadonlySet<string> {
  let codes = listed.get(op);
  if (!codes) listed.set(op, (codes = new Set(operations[op].retcodes.map((r) => r.code))));
  return codes;
}

/** Judges one body text, without a cache. */
export function judgeBody(op: OperationId, text: string, validate: boolean): BodyVerdict {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return verdict(op, 'not-json', undefined, undefined, 'the body is not JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return verdict(op, 'not-json', undefined, undefined, 'the body is not a JSON object');
  const body = parsed as Record<string, unknown>;
  const retcode = typeof body['retcode'] === 'string' ? body['retcode'] : undefined;
  if (validate) {
    const validator = responseValidators[op as keyof typeof responseValidators] as Validator;
    if (!validator(body)) {
      const first = validator.errors?.[0];
      return verdict(op, 'schema', body, retcode, `the answer fails the ${op} schema at ${first?.instancePath || '(root)'}: ${first?.message ?? 'invalid'}`);
    }
  }
  if (retcode === undefined || !listedRetcodes(op).has(retcode)) return verdict(op, 'unlisted', body, retcode, `retcode ${JSON.stringify(retcode)} is not listed for ${op}`);
  return verdict(op, 'ok', body, retcode, undefined);
}

function verdict(op: OperationId, kind: VerdictKind, body: Record<string, unknown> | undefined, retcode: string | undefined, problem: string | undefined): BodyVerdict {
  return { kind, body, retcode, problem, tags: { op, retcode: retcode ?? 'none', status: '200' } };
}

/**
 * Answers in a row judged from the cache after which the generated validators are released (their module builds them
 * on first use): every k6 VU would otherwise keep its own, about 0.2 MB, for the few texts it ever judges. A gateway
 * whose answers keep changing (events stamped with their time) keeps them built.
 */
const RELEASE_AFTER_HITS = 500;

/** What the per-operation caches of one {@link VerdictCache} share: the budget and the count of hits. */
interface CacheState {
  readonly validate: boolean;
  readonly limit: number;
  readonly texts: Map<string, BodyVerdict>[];
  size: number;
  hits: number;
  /** Hits since the last text judged anew. */
  streak: number;
}

/**
 * The verdicts of one operation's answers, by body text. A prepared request holds the one of its operation, so that a
 * call looks its text up once.
 */
export class OpVerdicts {
  readonly #byText = new Map<string, BodyVerdict>();
  readonly #state: CacheState;

  constructor(
    readonly op: OperationId,
    state: CacheState,
  ) {
    this.#state = state;
    state.texts.push(this.#byText);
  }

  /** The verdict of `text` as an answer of this operation. */
  judge(text: string): BodyVerdict {
    const known = this.#byText.get(text);
    const state = this.#state;
    if (known !== undefined) {
      state.hits++;
      if (++state.streak === RELEASE_AFTER_HITS && state.validate) releaseValidators();
      return known;
    }
    state.streak = 0;
    const judged = judgeBody(this.op, text, state.validate);
    if (state.size >= state.limit) {
      for (const m of state.texts) m.clear();
      state.size = 0;
    }
    this.#byText.set(text, judged);
    state.size++;
    return judged;
  }
}

/** The verdicts of one VU, by operation and body text. */
export class VerdictCache {
  readonly #byOp = new Map<OperationId, OpVerdicts>();
  readonly #state: CacheState;

  /**
   * @param validate run the generated validator (off: only JSON and the retcode listing are checked)
   * @param limit texts kept (all operations together) before the cache starts again empty
   */
  constructor(
    readonly validate: boolean,
    readonly limit = 4096,
  ) {
    this.#state = { validate, limit, texts: [], size: 0, hits: 0, streak: 0 };
  }

  /** The cache of `op`'s answers. */
  forOp(op: OperationId): OpVerdicts {
    let verdicts = this.#byOp.get(op);
    if (!verdicts) this.#byOp.set(op, (verdicts = new OpVerdicts(op, this.#state)));
    return verdicts;
  }

  /** Texts judged from the cache so far. */
  get hits(): number {
    return this.#state.hits;
  }
}
