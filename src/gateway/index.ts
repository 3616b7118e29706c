/**
 * The mock CC-Gateway.
 *
 * @example
 * ```ts
 * import { startMockGateway } from '../gateway/index.ts';
 * const gw = await startMockGateway({ port: 0 });
 * ```
 */
export { startMockGateway, type MockGateway, type MockGatewayOptions } from './mock-gateway.ts';
export { GatewayState } from './gateway-state.ts';
export type { AuthMode } from './guid-book.ts';
export { parseFaults, type Fault } from './faults.ts';
export { formatCallLine, type CallLogger } from './call-log.ts';
export { sweepSilentAgents } from './no-poll-watchdog.ts';
