/**
 * Names of the harness's custom k6 metrics (see `metrics.ts`). Pure: summaries and Node tests import it.
 *
 * @example
 * ```ts
 * thresholds[`${METRIC.opDuration}{op:addInsert}`] = ['p(95)<500'];
 * ```
 */
export const METRIC = {
  opDuration: 'ccgw_op_duration',
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
