/**
 * What the VUs of each load scenario own: a storm group (K inspectors racing to barge one agent) or an (inspector,
 * agent) pair. Runtime-neutral: the scenario scripts take their kind from here, and ccgw checks before a run that the
 * fixtures can give the units (`src/load-runner/fixtures-fit.ts`).
 */
import type { UnitKind } from './profiles.ts';

export const SCENARIO_UNITS = { smoke: 'storm', 'barge-storm': 'storm', throughput: 'pairs', soak: 'pairs' } as const satisfies Record<string, UnitKind>;
