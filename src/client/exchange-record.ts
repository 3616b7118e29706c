/**
 * The record of one request and its answer, handed to `onExchange` for reports that show both side by side.
 * The password (and any other secret field) is `***` in `requestBody` and scrubbed from `responseBody`.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { OperationId } from '../generated/contract.ts';

/**
 * One exchange. A call that failed before an answer arrived (timeout, refused connection, abort) has no
 * `httpStatus`, empty response fields and an `error`.
 */
export interface ExchangeRecord {
  readonly operationId: OperationId;
  readonly agentId: string;
  readonly method: string;
  readonly url: string;
  /** The request headers as sent (`Content-Type`, `Guid`, `Cookie`, ...). */
  readonly requestHeaders: Readonly<OutgoingHttpHeaders>;
  /** The request body as sent, with secret fields replaced by `***`; undefined when the call has no body. */
  readonly requestBody: string | undefined;
  /** The HTTP status, or undefined when no answer arrived. */
  readonly httpStatus: number | undefined;
  /** The response headers (lower-case names); empty when no answer arrived. */
  readonly responseHeaders: Readonly<IncomingHttpHeaders>;
  /** The response body text, scrubbed of the secrets sent; '' when no answer arrived. */
  readonly responseBody: string;
  /** From sending the request to the end of the answer (or the failure), in milliseconds. */
  readonly durationMs: number;
  /** Why the call failed (the error the caller receives), or undefined when it returned a reply. */
  readonly error: { readonly name: string; readonly message: string } | undefined;
}

/**
 * Receives every exchange. It runs synchronously before the call returns or throws; an exception it throws
 * replaces the call's result.
 */
export type ExchangeListener = (record: ExchangeRecord) => void;
