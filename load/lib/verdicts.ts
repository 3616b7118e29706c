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
import { responseValidators } from '../../src/generated/validators.js';

/** What a body is, against the contract. */
export type VerdictKind = 'ok' | 'not-json' | 'schema' | 'unlisted';

/** The verdict of one body text. Shared between identical texts: treat `body` as read-only. */
export interface BodyVerdict {
  readonly kind: VerdictKind;
  /** The parsed body when it is a JSON object. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /** The body's retcode, when it has a string one. */
  readonly retcode: string | undefined;
  /** Why the body breaks the contract; undefined when it keeps it. */
  readonly problem: string | undefined;
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
    return { kind: 'not-json', body: undefined, retcode: undefined, problem: 'the body is not JSON' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { kind: 'not-json', body: undefined, retcode: undefined, problem: 'the body is not a JSON object' };
  const body = parsed as Record<string, unknown>;
  const retcode = typeof body['retcode'] === 'string' ? body['retcode'] : undefined;
  if (validate) {
    const validator = responseValidators[op as keyof typeof responseValidators] as Validator;
    if (!validator(body)) {
      const first = validator.errors?.[0];
      return { kind: 'schema', body, retcode, problem: `the answer fails the ${op} schema at ${first?.instancePath || '(root)'}: ${first?.message ?? 'invalid'}` };
    }
  }
  if (retcode === undefined || !listedRetcodes(op).has(retcode)) return { kind: 'unlisted', body, retcode, problem: `retcode ${JSON.stringify(retcode)} is not listed for ${op}` };
  return { kind: 'ok', body, retcode, problem: undefined };
}

/** The verdicts of one VU, by operation and body text. */
export class VerdictCache {
  /** Per operation, by body text: no key to build per call. */
  readonly #byOp = new Map<OperationId, Map<string, BodyVerdict>>();
  #size = 0;
  #hits = 0;

  /**
   * @param validate run the generated validator (off: only JSON and the retcode listing are checked)
   * @param limit texts kept before the cache starts again empty
   */
  constructor(
    readonly validate: boolean,
    readonly limit = 4096,
  ) {}

  /** The verdict of `text` as an answer of `op`. */
  judge(op: OperationId, text: string): BodyVerdict {
    let byText = this.#byOp.get(op);
    if (!byText) this.#byOp.set(op, (byText = new Map()));
    const known = byText.get(text);
    if (known !== undefined) {
      this.#hits++;
      return known;
    }
    const verdict = judgeBody(op, text, this.validate);
    if (this.#size >= this.limit) {
      for (const m of this.#byOp.values()) m.clear();
      this.#size = 0;
    }
    byText.set(text, verdict);
    this.#size++;
    return verdict;
  }

  /** Texts judged from the cache so far. */
  get hits(): number {
    return this.#hits;
  }
}
