/**
 * One call of one operation, start to finish: path from the contract, headers (Content-Type, `Guid` when the
 * operation requires it, `Cookie`), the request, Set-Cookie and Set-GUID capture, status check, JSON parse, contract
 * validation, the reply, and the exchange record. Used by {@link AgentSession}; not part of the public API.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { operations, type OperationId } from '../generated/contract.ts';
import { responseValidators, type Validator } from '../generated/validators.js';
import type { CookieJar } from './cookie-jar.ts';
import { GatewayContractError, GatewayHttpError, type ContractViolation, type ExchangeContext } from './errors.ts';
import type { ExchangeListener, ExchangeRecord } from './exchange-record.ts';
import { operationPath, type QueryOf } from './operation-path.ts';
import { redactBody, scrub, scrubStrings, secretsOf } from './redact.ts';
import { createReply, type GatewayReply } from './reply.ts';
import { guidFromSetGuid } from '../shared/set-guid.ts';
import type { Transport, TransportResponse } from './transport.ts';
import { summarizeViolations } from './validation-summary.ts';

/** The content type of every request (the gateway's documents require it). */
export const REQUEST_CONTENT_TYPE = 'application/json; charset=UTF-8';

/** What the client shares with its sessions. */
export interface ClientCore {
  readonly transport: Transport;
  readonly timeoutMs: number;
  readonly pollTimeoutMs: number;
  readonly validateResponses: boolean;
  readonly onExchange: ExchangeListener | undefined;
  /** Awaited before every request (a rate cap). */
  readonly limiter?: { take(): Promise<void> } | undefined;
}

/** The mutable state of one agent session. */
export interface SessionState {
  readonly agentId: string;
  guid: string | undefined;
  readonly cookies: CookieJar;
}

/** Per-call options every operation accepts. */
export interface CallOptions {
  /** Overrides the client's timeout for this call (the poll's own default for `getAgentEvent`). */
  readonly timeoutMs?: number;
  /** Aborts the call; it then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** The input of one call: the target agent for operations that name one, query parameters, a JSON body. */
export interface CallInput<Op extends OperationId> extends CallOptions {
  /** The target agent ID, for the operations whose path has `{workNo}`. */
  readonly workNo?: string;
  readonly query?: QueryOf<Op>;
  /** Path parameters other than the agent IDs, e.g. resetskill's `{ autoflag: 'true' }`. */
  readonly path?: Readonly<Record<string, string>>;
  /** Extra request headers, e.g. handshake's `{ service_token: '…' }` (the Guid is the session's). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The request body; serialized with JSON.stringify. */
  readonly body?: unknown;
}

/** Checks a timeout value: a positive finite number of milliseconds. */
export function checkTimeout(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number of milliseconds, not ${JSON.stringify(value) ?? String(value)}`);
  }
  return value;
}

/**
 * Performs one call and returns its reply; throws GatewayHttpError, GatewayContractError, GatewayTimeoutError,
 * GatewayTransportError, or the abort reason.
 */
export async function performExchange<Op extends OperationId>(
  core: ClientCore,
  state: SessionState,
  operationId: Op,
  input: CallInput<Op>,
): Promise<GatewayReply<Op>> {
  const def = operations[operationId];
  const pathParams = { ...input.path, agentid: state.agentId, workNo: input.workNo } as unknown as Parameters<typeof operationPath<Op>>[1];
  const { method, path } = operationPath(operationId, pathParams, input.query);
  const context: ExchangeContext = { operationId, agentId: state.agentId, method, url: core.transport.urlOf(path) };
  const timeoutMs = checkTimeout('timeoutMs', input.timeoutMs ?? (operationId === 'getAgentEvent' ? core.pollTimeoutMs : core.timeoutMs));

  const bodyText = input.body === undefined ? undefined : JSON.stringify(input.body);
  const secrets = secretsOf(input.body);
  const headers: OutgoingHttpHeaders = { ...input.headers, 'Content-Type': REQUEST_CONTENT_TYPE, 'User-Agent': 'ccgw-harness' };
  if (def.requiresGuid && state.guid !== undefined) headers['Guid'] = state.guid;
  const cookie = state.cookies.header();
  if (cookie !== undefined) headers['Cookie'] = cookie;
  if (method !== 'GET') headers['Content-Length'] = bodyText === undefined ? 0 : Buffer.byteLength(bodyText);

  const started = performance.now();
  const record = (response: TransportResponse | undefined, error: unknown): void => {
    if (core.onExchange === undefined) return;
    const entry: ExchangeRecord = {
      operationId,
      agentId: state.agentId,
      method,
      url: context.url,
      requestHeaders: { ...headers },
      requestBody: input.body === undefined ? undefined : JSON.stringify(redactBody(input.body)),
      httpStatus: response?.status,
      responseHeaders: response?.headers ?? {},
      responseBody: response === undefined ? '' : scrub(response.text, secrets),
      durationMs: response?.durationMs ?? performance.now() - started,
      error: error === undefined ? undefined : { name: nameOf(error), message: scrub(messageOf(error), secrets) },
    };
    core.onExchange(entry);
  };

  if (core.limiter) await core.limiter.take();
  let response: TransportResponse;
  try {
    response = await core.transport.send({ method, path, headers, body: bodyText, timeoutMs, signal: input.signal }, context);
  } catch (error) {
    record(undefined, error);
    throw error;
  }
  try {
    const reply = interpret<Op>(core, state, context, response, secrets);
    record(response, undefined);
    return reply;
  } catch (error) {
    record(response, error);
    throw error;
  }
}

function interpret<Op extends OperationId>(
  core: ClientCore,
  state: SessionState,
  context: ExchangeContext,
  response: TransportResponse,
  secrets: readonly string[],
): GatewayReply<Op> {
  state.cookies.store(response.headers['set-cookie']);
  if (response.status !== 200) throw new GatewayHttpError(context, response.status, scrub(response.text, secrets), response.headers);
  const guid = guidFromSetGuid(response.headers['set-guid']);
  if (guid !== undefined) state.guid = guid;

  const operationId = context.operationId;
  const schema = operations[operationId].responseSchema;
  const rawBody = scrub(response.text, secrets);
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    throw new GatewayContractError(context, { kind: 'not-json', schema, rawBody, httpStatus: response.status, summary: ['the body is not JSON'] });
  }
  if (core.validateResponses) {
    const validate: Validator<unknown> = responseValidators[operationId];
    if (!validate(body)) {
      const violations: ContractViolation[] = (validate.errors ?? []).map((e) => ({
        instancePath: e.instancePath,
        message: scrub(e.message ?? e.keyword, secrets),
        keyword: e.keyword,
        schemaPath: e.schemaPath,
        params: e.params,
      }));
      const summary = summarizeViolations(violations, body).map((line) => scrub(line, secrets));
      throw new GatewayContractError(context, { kind: 'schema', schema, rawBody, httpStatus: response.status, violations, summary });
    }
  }
  const envelopeProblem = envelopeProblemOf(body);
  if (envelopeProblem !== undefined) {
    throw new GatewayContractError(context, { kind: 'no-envelope', schema, rawBody, httpStatus: response.status, summary: [envelopeProblem] });
  }
  // The reply hands out the gateway's answer; a password it echoed is scrubbed there too.
  const envelope = scrubStrings(body as Record<string, unknown>, secrets);
  // updateGuid answers its new Guid in the body, not in Set-GUID (EN/cec_07_1225).
  const renewed = operationId === 'updateGuid' && String(envelope['retcode']) === '0' ? (envelope['result'] as { guid?: unknown } | undefined)?.guid : undefined;
  if (typeof renewed === 'string' && renewed !== '') state.guid = renewed;
  return createReply<Op>({
    context,
    httpStatus: response.status,
    body: envelope,
    retcode: String(envelope['retcode']),
    headers: response.headers,
    durationMs: response.durationMs,
  });
}

/** Without validation, the least the client needs to read an answer: an object with a string (or number) retcode. */
function envelopeProblemOf(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return `the body is ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}, not an object`;
  const retcode = (body as Record<string, unknown>)['retcode'];
  if (typeof retcode !== 'string' && typeof retcode !== 'number') return `/retcode is missing or not a string (got ${JSON.stringify(retcode) ?? 'nothing'})`;
  return undefined;
}

function nameOf(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.name : typeof error;
}

function messageOf(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.message : String(error);
}
