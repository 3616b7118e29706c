/** The mock CC-Gateway. */
export { startMockGateway, type MockGateway, type MockGatewayOptions } from './mock-gateway.ts';
export { GatewayState } from './gateway-state.ts';
export type { AuthMode } from './guid-book.ts';
export { parseFaults, type Fault } from './faults.ts';
export { formatCallLine, type CallLogger } from './call-log.ts';
export { sweepSilentAgents } from './no-poll-watchdog.ts';
