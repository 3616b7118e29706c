/** Names of the harness's custom k6 metrics (see `metrics.ts`). Pure: summaries and Node tests import it. */
export const METRIC = {
  contractOk: 'ccgw_contract_ok',
  unlistedRetcode: 'ccgw_unlisted_retcode',
  schemaErrors: 'ccgw_schema_errors',
  unexpectedAnswer: 'ccgw_unexpected_answer',
  guidRotations: 'ccgw_guid_rotations',
  sessionsLost: 'ccgw_sessions_lost',
  eventDelay: 'ccgw_event_delay',
  eventsOnTime: 'ccgw_events_on_time',
  bargeOk: 'ccgw_barge_ok',
  cancelOk: 'ccgw_cancel_ok',
  stormOneWinner: 'ccgw_storm_one_winner',
  invariantViolations: 'ccgw_invariant_violations',
  auditViolations: 'ccgw_audit_violations',
  cleanupFailures: 'ccgw_cleanup_failures',
  cleanupCalls: 'ccgw_cleanup_calls',
  scenarioTime: 'ccgw_scenario_time',
} as const;

/**
 * The duration of one gateway call per operation: k6's own `http_req_duration`, as the client names every request
 * after its operation (the `name` tag). Runs written before kept a copy in `ccgw_op_duration`.
 */
export function callDuration(op: string): string {
  return `http_req_duration{name:${op}}`;
}
