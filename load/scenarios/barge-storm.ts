/**
 * Barge storm: each VU owns a storm group (K inspectors, one target agent of their VDN) and runs rounds; in each
 * round the K inspectors send addinsert to the target at the same moment (`http.batch`). Exactly one must win,
 * every loser must get the profile's "target already barged" retcode (900-005 by default), the winner's events
 * (AgentState_Busy, AgentOther_PhoneAlerting, AgentOther_PhoneOffhook) must arrive within `CCGW_EVENT_DEADLINE_MS`,
 * and the winner cancels.
 */
import { stormRound } from '../lib/journeys.ts';
import type { SetupData } from '../lib/lifecycle.ts';
import { stormRounds } from '../lib/profiles.ts';
import { loadScenario } from '../lib/scenario.ts';
import { SCENARIO_UNITS } from '../lib/scenario-units.ts';

const run = loadScenario({ name: 'barge-storm', kind: SCENARIO_UNITS['barge-storm'], shape: stormRounds, unit: 'round', defaults: { vus: 4, iterations: 50, duration: '5m', rate: 1, inspectorsPerGroup: 5, thinkMs: 0 } });

export const { options, setup, teardown, handleSummary } = run;

export default function (data: SetupData): void {
  const vu = run.vu(data);
  if (!vu) return;
  stormRound(vu, vu.unit.inspectors, vu.unit.target);
}
