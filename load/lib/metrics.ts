/**
 * The custom k6 metrics of the harness, created once in the init context. Every gateway call is judged per operation
 * (`op` tag) and answer (`retcode`, `status` tags) in `ccgw_contract_ok`; its duration is k6's own
 * `http_req_duration`, the request named after its operation (`http_req_duration{name:addInsert}`, see
 * `callDuration`). Thresholds select sub-metrics by tag.
 *
 * | Metric | Type | Meaning |
 * |---|---|---|
 * | `ccgw_contract_ok` | Rate | one sample per gateway call, tagged op, retcode (`none` without a JSON body) and status: the answer is HTTP 200, matches the generated schema (when validating) and its retcode is listed. Its count is the calls (`ccgw_calls` before) |
 * | `ccgw_unlisted_retcode` | Counter | answers whose retcode the contract does not list for the op |
 * | `ccgw_schema_errors` | Counter | answers that fail the generated validator |
 * | `ccgw_unexpected_answer` | Rate | the answer is not the one the flow expected (e.g. a storm loser not answered 900-005) |
 * | `ccgw_guid_rotations` | Counter | Set-GUID headers that changed a session's Guid |
 * | `ccgw_sessions_lost` | Counter | sessions that answered 100-006/000-003 and were signed in again |
 * | `ccgw_event_delay` | Trend (ms) | from the barge answer to each of the inspector's events, tagged event |
 * | `ccgw_events_on_time` | Rate | an expected event of a barge or a cancel arrived within the deadline, tagged event (a missing one is not on time) |
 * | `ccgw_barge_ok` / `ccgw_cancel_ok` | Counter | successful barges / cancels |
 * | `ccgw_storm_one_winner` | Rate | a storm round had exactly one winner |
 * | `ccgw_invariant_violations` | Counter | barges minus cancels of a target left {0, 1} |
 * | `ccgw_audit_violations` | Counter | violations the mock's `/__admin/audit` reported |
 * | `ccgw_cleanup_failures` | Counter | teardown could not cancel or sign out an account |
 * | `ccgw_cleanup_calls` | Counter | gateway calls of teardown (left out of the scenario's calls per second) |
 * | `ccgw_scenario_time` | Gauge (ms) | from the end of setup to the start of teardown: the time the iterations ran |
 */
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';
import { METRIC } from './metric-names.ts';

export { METRIC };

/** The metric objects. Names are the `ccgw_*` names above. */
export const metrics = {
  contractOk: new Rate(METRIC.contractOk),
  unlistedRetcode: new Counter(METRIC.unlistedRetcode),
  schemaErrors: new Counter(METRIC.schemaErrors),
  unexpectedAnswer: new Rate(METRIC.unexpectedAnswer),
  guidRotations: new Counter(METRIC.guidRotations),
  sessionsLost: new Counter(METRIC.sessionsLost),
  eventDelay: new Trend(METRIC.eventDelay, true),
  eventsOnTime: new Rate(METRIC.eventsOnTime),
  bargeOk: new Counter(METRIC.bargeOk),
  cancelOk: new Counter(METRIC.cancelOk),
  stormOneWinner: new Rate(METRIC.stormOneWinner),
  invariantViolations: new Counter(METRIC.invariantViolations),
  auditViolations: new Counter(METRIC.auditViolations),
  cleanupFailures: new Counter(METRIC.cleanupFailures),
  cleanupCalls: new Counter(METRIC.cleanupCalls),
  scenarioTime: new Gauge(METRIC.scenarioTime, true),
};
