/**
 * The errors of the gateway client, in one place. Every one names the operation, the agent, the bad value and the fix.
 *
 * A retcode other than `"0"` is **not** an error: the call returns a {@link GatewayReply} with `ok: false`, because
 * contract tests need those answers. {@link GatewayRetcodeError} is thrown only when a caller asks for success
 * (`reply.expectOk()`).
 *
 * None of these errors carries the request body; text that came from the gateway is scrubbed of the password
 * that was sent.
 */
import type { OperationId } from '../generated/contract.ts';
import type { AgentEvent } from './event-types.ts';

/** Which call an error belongs to. */
export interface ExchangeContext {
  readonly operationId: OperationId;
  readonly agentId: string;
  readonly method: string;
  readonly url: string;
}

/** The base class of every error the client throws. `instanceof GatewayError` catches them all. */
export class GatewayError extends Error {
  override name = 'GatewayError';
  /** The operation being called. */
  readonly operationId: OperationId;
  /** The agent whose session made the call. */
  readonly agentId: string;
  /** HTTP method of the call. */
  readonly method: string;
  /** The full URL of the call. */
  readonly url: string;

  constructor(context: ExchangeContext, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.operationId = context.operationId;
    this.agentId = context.agentId;
    this.method = context.method;
    this.url = context.url;
  }
}

/** How a call is named in messages: `addInsert by 30169`. */
export function callLabel(context: Pick<ExchangeContext, 'operationId' | 'agentId'>): string {
  return `${context.operationId} by ${context.agentId}`;
}

/**
 * The gateway answered with an HTTP status other than 200. The contract answers every business outcome with 200;
 * 404 means an ID did not match the gateway's path pattern.
 */
export class GatewayHttpError extends GatewayError {
  override name = 'GatewayHttpError';
  /** The HTTP status. */
  readonly status: number;
  /** The first {@link BODY_EXCERPT_CHARS} characters of the response body. */
  readonly bodyExcerpt: string;
  /** The response headers (lower-case names). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;

  constructor(context: ExchangeContext, status: number, body: string, headers: Readonly<Record<string, string | string[] | undefined>>) {
    const excerpt = excerptOf(body);
    const hint =
      status === 404
        ? 'no resource matches this path; an ID that does not match the gateway\'s path pattern (non-digits, a leading zero, too many digits) or a wrong base URL path gives 404'
        : status >= 500
          ? 'the gateway failed; check its logs and that it is healthy'
          : 'the contract answers every business outcome with HTTP 200; check the base URL and any proxy in between';
    super(context, `${callLabel(context)} got HTTP ${status} from ${context.method} ${context.url}: ${hint}. Body: ${excerpt === '' ? '(empty)' : JSON.stringify(excerpt)}`);
    this.status = status;
    this.bodyExcerpt = excerpt;
    this.headers = headers;
  }
}

/** How many characters of a body an error keeps. */
export const BODY_EXCERPT_CHARS = 500;

function excerptOf(body: string): string {
  return body.length <= BODY_EXCERPT_CHARS ? body : `${body.slice(0, BODY_EXCERPT_CHARS)}… (${body.length} characters)`;
}

/** One validator finding: where in the body, and what is wrong there. */
export interface ContractViolation {
  /** JSON pointer into the body, e.g. `/result/vdnid` (empty for the body itself). */
  readonly instancePath: string;
  /** What the schema wants there, e.g. `must be integer`. */
  readonly message: string;
  /** The ajv keyword that failed, e.g. `type`, `enum`, `required`. */
  readonly keyword: string;
  /** Where in the schema. */
  readonly schemaPath: string;
  /** Keyword parameters, e.g. `{ missingProperty: 'isWorking' }`. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** Why a 200 answer broke the contract. */
export type ContractErrorKind = 'not-json' | 'no-envelope' | 'schema';

/**
 * A 200 answer that breaks the contract: its body is not JSON, has no `{message, retcode}` envelope, or fails the
 * generated validator of the operation (when `validateResponses` is on, the default).
 */
export class GatewayContractError extends GatewayError {
  override name = 'GatewayContractError';
  /** What kind of breach. */
  readonly kind: ContractErrorKind;
  /** The validator's findings (empty unless `kind` is `schema`). */
  readonly violations: readonly ContractViolation[];
  /** One line per relevant finding, with the value found, as in the message. */
  readonly summary: readonly string[];
  /** The raw response body. */
  readonly rawBody: string;
  /** The HTTP status (200). */
  readonly httpStatus: number;
  /** The schema the body was checked against, e.g. `SignInResponse`. */
  readonly schema: string;

  constructor(
    context: ExchangeContext,
    details: { kind: ContractErrorKind; schema: string; rawBody: string; httpStatus: number; violations?: readonly ContractViolation[]; summary: readonly string[] },
  ) {
    const what =
      details.kind === 'not-json'
        ? `a body that is not JSON (${JSON.stringify(excerptOf(details.rawBody))})`
        : details.kind === 'no-envelope'
          ? `a body without the {message, retcode} envelope: ${details.summary.join('; ')}`
          : `a body that breaks ${details.schema}: ${details.summary.join('; ')}`;
    super(
      context,
      `${callLabel(context)} (${context.method} ${context.url}) answered ${what}. The gateway breaks the contract ` +
        `(openapi/ccgw-agentgateway.yaml); to read such answers anyway, create the client with validateResponses: false.`,
    );
    this.kind = details.kind;
    this.schema = details.schema;
    this.rawBody = details.rawBody;
    this.httpStatus = details.httpStatus;
    this.violations = details.violations ?? [];
    this.summary = details.summary;
  }
}

/** No complete answer arrived within the timeout. The request was abandoned (its connection closed). */
export class GatewayTimeoutError extends GatewayError {
  override name = 'GatewayTimeoutError';
  /** The timeout that expired. */
  readonly timeoutMs: number;

  constructor(context: ExchangeContext, timeoutMs: number) {
    const fix =
      context.operationId === 'getAgentEvent'
        ? 'a long poll answers after about 10 s without an event; raise pollTimeoutMs above the gateway\'s poll wait'
        : 'check that the gateway is up and not overloaded, or raise timeoutMs';
    super(context, `${callLabel(context)} got no answer within ${timeoutMs} ms (${context.method} ${context.url}): ${fix}.`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The connection failed: refused, reset, name not resolved, or TLS refused (an untrusted certificate, a name
 * mismatch, plain HTTP on an HTTPS port). The message names the URL, the cause and the fix.
 */
export class GatewayTransportError extends GatewayError {
  override name = 'GatewayTransportError';
  /** Node's error code, e.g. `ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT` (or `UNKNOWN`). */
  readonly code: string;
  /** True when TLS refused the connection (certificate or protocol). */
  readonly tls: boolean;
  /** The cause, as the transport classified the code (for callers that word their own fix, such as the CLI). */
  readonly kind: TransportFailureKind;
  /** Node's description of the failure. */
  readonly description: string;

  constructor(context: ExchangeContext, details: { code: string; kind: TransportFailureKind; tls: boolean; cause: unknown; description: string; fix: string }) {
    super(context, `${callLabel(context)} could not reach ${context.url} (${details.code}: ${details.description}): ${details.fix}.`, {
      cause: details.cause,
    });
    this.code = details.code;
    this.kind = details.kind;
    this.tls = details.tls;
    this.description = details.description;
  }
}

/**
 * Why a connection failed: `refused` (nothing listens), `dns` (the name does not resolve), `no-route` (host or
 * network unreachable), `tls-untrusted`, `tls-expired`, `tls-name` (the certificate names another host),
 * `tls-protocol` (no TLS handshake, e.g. plain HTTP on the port), `reset` (closed before an answer), `not-http`
 * (the answer is not HTTP), `other`.
 */
export type TransportFailureKind = 'refused' | 'dns' | 'no-route' | 'tls-untrusted' | 'tls-expired' | 'tls-name' | 'tls-protocol' | 'reset' | 'not-http' | 'other';

/**
 * The gateway answered a retcode other than `"0"` where the caller required success (`expectOk`).
 * The message reads `addInsert by 30169 answered 900-005 (A QC operation hit a state exception.): status error`,
 * followed by the case the contract lists for that retcode.
 */
export class GatewayRetcodeError extends GatewayError {
  override name = 'GatewayRetcodeError';
  /** The retcode the gateway answered. */
  readonly retcode: string;
  /** Its meaning from the retcode catalogue. */
  readonly meaning: string;
  /** The gateway's `message` text. */
  readonly gatewayMessage: string;
  /** When the contract lists this retcode for this operation, the case it names; otherwise undefined. */
  readonly contractCase: string | undefined;

  constructor(context: ExchangeContext, details: { retcode: string; meaning: string; gatewayMessage: string; contractCase: string | undefined }) {
    const listed =
      details.contractCase === undefined
        ? `The contract does not list ${details.retcode} for ${context.operationId}.`
        : `The contract lists ${details.retcode} for ${context.operationId} when: ${details.contractCase}`;
    super(
      context,
      `${callLabel(context)} answered ${details.retcode} (${details.meaning}): ${details.gatewayMessage === '' ? '(empty message)' : details.gatewayMessage}\n${listed}`,
    );
    this.retcode = details.retcode;
    this.meaning = details.meaning;
    this.gatewayMessage = details.gatewayMessage;
    this.contractCase = details.contractCase;
  }
}

/**
 * `waitForEvents` gave up: the expected event types did not all arrive, in order, within its timeout.
 * The message lists what was expected, what matched, what is missing and every event that did arrive.
 */
export class GatewayEventTimeoutError extends GatewayError {
  override name = 'GatewayEventTimeoutError';
  /** The event types asked for, in order. */
  readonly expected: readonly string[];
  /** The expected types that did not arrive (in order, from the first one missing). */
  readonly missing: readonly string[];
  /** Every event that arrived while waiting, in order. */
  readonly arrived: readonly AgentEvent[];
  /** The timeout that expired. */
  readonly timeoutMs: number;

  constructor(context: ExchangeContext, details: { expected: readonly string[]; matched: number; arrived: readonly AgentEvent[]; timeoutMs: number }) {
    const missing = details.expected.slice(details.matched);
    const arrived = details.arrived.length === 0 ? 'none' : details.arrived.map((e) => e.eventType).join(', ');
    super(
      context,
      `agent ${context.agentId} did not receive the events [${details.expected.join(', ')}] in that order within ${details.timeoutMs} ms: ` +
        `missing [${missing.join(', ')}] (matched ${details.matched} of ${details.expected.length}); events that arrived: ${arrived}. ` +
        `Check that the call that triggers them succeeded, or raise timeoutMs.`,
    );
    this.expected = details.expected;
    this.missing = missing;
    this.arrived = details.arrived;
    this.timeoutMs = details.timeoutMs;
  }
}
