/**
 * The CC-Gateway client of a k6 VU: builds requests from the generated operations table and sends them alone or in
 * parallel (`http.batch`); every answer goes through the contract check of `answer.ts`. Request params and headers
 * are made once per request kind: k6 reads every key of them on every call.
 */
import http, { type Params, type RefinedResponse } from 'k6/http';
import type { AgentAccount, OperationId } from '../../../src/domain/index.ts';
import { operations } from '../../../src/generated/contract.ts';
import type { LoadConfig } from '../config-parse.ts';
import { sessionLossRetcodes } from '../../../src/domain/session-loss.ts';
import { VerdictCache, type OpVerdicts } from '../verdicts.ts';
import { judgeAnswer, type CallResult } from './answer.ts';
import { CONTENT_TYPE, GatewaySession } from './session.ts';

// Imports bound to module constants: sobek looks an imported binding up by name on every access, and this runs on
// every call.
const judge = judgeAnswer;

/** How the client talks to the gateway. */
export interface GatewayOptions {
  readonly baseUrl: string;
  /** Run the generated validator on every answer (`CCGW_VALIDATE=0` switches it off to measure its cost). */
  readonly validate: boolean;
  readonly requestTimeoutMs: number;
  /** Request timeout of a long poll; longer than the gateway's wait (~10 s). */
  readonly pollTimeoutMs: number;
  /** Retcodes after which a signed-in session counts as lost (see `src/domain/session-loss.ts`). */
  readonly sessionLoss: readonly string[];
}

/** The gateway options of a configuration. */
export function gatewayOptions(config: LoadConfig): GatewayOptions {
  return {
    baseUrl: config.baseUrl,
    validate: config.validate,
    requestTimeoutMs: config.timing.requestTimeoutMs,
    pollTimeoutMs: config.timing.pollTimeoutMs,
    sessionLoss: sessionLossRetcodes(config.profile),
  };
}

/** A request ready to send alone or in a batch. */
export interface Prepared {
  readonly op: OperationId;
  readonly agentId: string;
  readonly session: GatewaySession | undefined;
  readonly method: string;
  readonly url: string;
  readonly body: string | null;
  readonly params: Params;
  /** The verdicts of `op`'s answers (see `verdicts.ts`). */
  readonly verdicts: OpVerdicts;
  /** The same as one `http.batch` request, made once. */
  readonly batchRequest: { readonly method: string; readonly url: string; readonly body: string | null; readonly params: Params };
}

/** The client; the verdict of an answer body is cached per body text (see `verdicts.ts`). */
export class GatewayClient {
  readonly #verdicts: VerdictCache;

  constructor(readonly options: GatewayOptions) {
    this.#verdicts = new VerdictCache(options.validate);
  }

  /** A session for one account (not yet signed in). */
  session(account: AgentAccount): GatewaySession {
    return new GatewaySession(this, account);
  }

  /**
   * Builds a request for `op`; `session` supplies the Guid and the cookie jar. The session's headers object is
   * shared by its requests and follows its Guid, so a prepared request stays valid after a rotation.
   */
  prepare(op: OperationId, path: Readonly<Record<string, string>>, extras: { session?: GatewaySession; body?: unknown; query?: Readonly<Record<string, string>> } = {}): Prepared {
    const operation = operations[op];
    let url = operation.path as string;
    for (const name of operation.pathParams) {
      const value = path[name];
      if (value === undefined) throw new Error(`${op} needs the path parameter ${name}; got ${JSON.stringify(path)}`);
      url = url.replace(`{${name}}`, encodeURIComponent(value));
    }
    const query = Object.entries(extras.query ?? {});
    if (query.length > 0) url += `?${query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
    const session = extras.session;
    const headers = session ? session.headersFor(operation.requiresGuid) : { 'Content-Type': CONTENT_TYPE };
    // No more params than needed. Bodies come as text (k6's default; K6_DISCARD_RESPONSE_BODIES would leave every
    // answer without its JSON, and the contract check says so); `name` groups the URLs, which carry agent IDs, under
    // the operation in k6's own metrics.
    const params: Params = {
      headers,
      timeout: op === 'getAgentEvent' ? this.options.pollTimeoutMs : this.options.requestTimeoutMs,
      tags: { name: op },
      ...(session ? { jar: session.jar } : {}),
    };
    const request = { method: operation.method, url: `${this.options.baseUrl}${url}`, body: extras.body === undefined ? null : JSON.stringify(extras.body), params };
    return { op, agentId: path['agentid'] ?? '', session, ...request, verdicts: this.#verdicts.forOp(op), batchRequest: request };
  }

  /** Sends one request and checks its answer. */
  send(prepared: Prepared): CallResult {
    const res = http.request(prepared.method, prepared.url, prepared.body, prepared.params) as RefinedResponse<'text'>;
    return judge(prepared, res);
  }

  /** Sends requests in parallel (`http.batch`) and checks every answer, in order. */
  sendBatch(prepared: readonly Prepared[]): CallResult[] {
    const results: CallResult[] = [];
    if (prepared.length === 0) return results;
    const requests = [];
    for (let i = 0; i < prepared.length; i++) requests[i] = prepared[i]!.batchRequest;
    const responses = http.batch(requests) as unknown as RefinedResponse<'text'>[];
    for (let i = 0; i < prepared.length; i++) results[i] = judge(prepared[i]!, responses[i]!);
    return results;
  }
}
