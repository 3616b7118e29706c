/**
 * The answer of one call, typed from the contract's response schemas. A retcode other than `"0"` is an answer, not
 * an exception: `ok` is false and `retcode`, `message` and `meaning` say why. `expectOk()` turns such an answer into
 * a {@link GatewayRetcodeError} when the caller needs success.
 *
 * Checking `ok` narrows the reply: after `if (reply.ok)`, a sign-in reply's `result` is a `SignInResult`.
 * When the client runs with `validateResponses: false` the types state what the contract promises, unchecked.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { operations, type OperationId } from '../generated/contract.ts';
import type { responseValidators, Validator } from '../generated/validators.js';
import { describeRetcode } from '../domain/index.ts';
import { GatewayRetcodeError, type ExchangeContext } from './errors.ts';

/** The response body type of an operation, taken from its generated validator. */
export type ResponseBody<Op extends OperationId> = Op extends OperationId
  ? (typeof responseValidators)[Op] extends Validator<infer T>
    ? T
    : never
  : never;

/** What every reply carries. */
export interface ReplyCommon<Op extends OperationId> {
  /** The operation called. */
  readonly operationId: Op;
  /** The agent whose session called it. */
  readonly agentId: string;
  /** The HTTP status (always 200: other statuses throw GatewayHttpError). */
  readonly httpStatus: number;
  /** The gateway's `message` (free text; empty on success). */
  readonly message: string;
  /** The retcode's meaning from the catalogue (`describeRetcode`). */
  readonly meaning: string;
  /** The response headers (lower-case names). */
  readonly headers: IncomingHttpHeaders;
  /** From sending the request to the end of the answer, in milliseconds. */
  readonly durationMs: number;
  /** Returns this reply narrowed to success, or throws GatewayRetcodeError when `retcode` is not `"0"`. */
  expectOk(): OkReply<Op>;
}

type PayloadOf<B> = 'event' extends keyof B
  ? { readonly event: NonNullable<B['event' & keyof B]> | null }
  : { readonly result: 'result' extends keyof B ? B['result' & keyof B] : undefined };

type RetcodeVariants<Op extends OperationId, B, R> = R extends string
  ? ReplyCommon<Op> & PayloadOf<B> & { readonly ok: R extends '0' ? true : false; readonly retcode: R; readonly body: B }
  : never;

type BodyVariants<Op extends OperationId, B> = B extends { retcode: infer R } ? RetcodeVariants<Op, B, R> : never;

/**
 * The reply of operation `Op`: one variant per response-body variant and retcode, so `ok`/`retcode` narrow
 * `result` (or `event` for the event poll) and `body`.
 */
export type GatewayReply<Op extends OperationId = OperationId> = Op extends OperationId ? BodyVariants<Op, ResponseBody<Op>> : never;

/** The successful reply of `Op` (`ok: true`, `retcode: "0"`). */
export type OkReply<Op extends OperationId = OperationId> = Extract<GatewayReply<Op>, { readonly ok: true }>;

/** What the exchange knows when it builds a reply. */
export interface ReplyParts {
  readonly context: ExchangeContext;
  readonly httpStatus: number;
  readonly body: Record<string, unknown>;
  readonly retcode: string;
  readonly headers: IncomingHttpHeaders;
  readonly durationMs: number;
}

const contexts = new WeakMap<object, ExchangeContext>();

/**
 * Builds the reply object. `expectOk` is a non-enumerable method, so replies compare, spread and serialize as plain
 * data.
 */
export function createReply<Op extends OperationId>(parts: ReplyParts): GatewayReply<Op> {
  const { context, body } = parts;
  const message = typeof body['message'] === 'string' ? body['message'] : '';
  const payload = context.operationId === 'getAgentEvent' ? { event: body['event'] ?? null } : { result: body['result'] };
  const reply = {
    operationId: context.operationId,
    agentId: context.agentId,
    httpStatus: parts.httpStatus,
    ok: parts.retcode === '0',
    retcode: parts.retcode,
    message,
    meaning: describeRetcode(parts.retcode),
    ...payload,
    body,
    headers: parts.headers,
    durationMs: parts.durationMs,
  };
  contexts.set(reply, context);
  Object.defineProperty(reply, 'expectOk', {
    value: function expectOkMethod() {
      return expectOk(reply as unknown as GatewayReply<Op>);
    },
    enumerable: false,
  });
  return reply as unknown as GatewayReply<Op>;
}

/** Any reply, whatever the operation. */
type AnyReply = GatewayReply<OperationId>;

/**
 * Returns `reply` narrowed to success, or throws {@link GatewayRetcodeError} carrying `retcode`, `meaning`,
 * `operationId` and `agentId`, with a message like
 * `addInsert by 30169 answered 900-005 (A QC operation hit a state exception.): status error`.
 */
export function expectOk<R extends AnyReply>(reply: R): Extract<R, { readonly ok: true }> {
  if (reply.ok) return reply as Extract<R, { readonly ok: true }>;
  const context = contexts.get(reply) ?? { operationId: reply.operationId, agentId: reply.agentId, method: operations[reply.operationId].method, url: '' };
  const listed = operations[reply.operationId].retcodes.find((r) => r.code === reply.retcode);
  throw new GatewayRetcodeError(context, {
    retcode: reply.retcode,
    meaning: reply.meaning,
    gatewayMessage: reply.message,
    contractCase: listed?.when,
  });
}
