/**
 * `src/client`: the typed client for any CC-Gateway (the mock or a live one). One {@link GatewayClient} per base
 * URL; one {@link AgentSession} per signed-in agent, with one method per operation of the contract.
 */
export { GatewayClient, DEFAULT_TIMEOUT_MS, POLL_TIMEOUT_SLACK_MS, type GatewayClientOptions } from './gateway-client.ts';
export { AgentSession, type SignInBody, type SayBusyOptions, type PollEventOptions } from './agent-session.ts';
export { expectOk, type GatewayReply, type OkReply, type ResponseBody, type ReplyCommon } from './reply.ts';
export {
  GatewayError,
  GatewayHttpError,
  GatewayContractError,
  GatewayTimeoutError,
  GatewayTransportError,
  type TransportFailureKind,
  GatewayRetcodeError,
  GatewayEventTimeoutError,
  BODY_EXCERPT_CHARS,
  type ContractViolation,
  type ContractErrorKind,
  type ExchangeContext,
} from './errors.ts';
export type { ExchangeRecord, ExchangeListener } from './exchange-record.ts';
export { resolveTls, type TlsOptions } from './tls.ts';
export { AdminClient, AdminCallError, type AdminClientOptions, type AdminAnswer } from './admin-client.ts';
export { RateLimiter, RateLimitError } from './rate-limiter.ts';
export { parseBaseUrl, type BaseUrl } from './base-url.ts';
export { operationPath, type PathParamsOf, type QueryOf, type MethodOf } from './operation-path.ts';
export type { CallOptions, CallInput } from './exchange.ts';
export { REQUEST_CONTENT_TYPE } from './exchange.ts';
export { DEFAULT_EVENT_WAIT_MS, type WaitForEventsOptions, type DrainEventsOptions } from './event-wait.ts';
export type { AgentEvent, EventType } from './event-types.ts';
export { guidFromSetGuid } from '../shared/set-guid.ts';
export { REDACTED } from './redact.ts';
