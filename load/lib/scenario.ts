/**
 * The frame every scenario script shares, in one place: its configuration and plan of units (init context), the k6
 * options, and the `setup`, `teardown` and `handleSummary` k6 calls (`lifecycle.ts`, `summary.ts`). A script keeps
 * what differs: the shape of its traffic, its defaults, and the journey of its default function.
 */
import type { Options, Scenario } from 'k6/options';
import type { IterationUnit } from './achieved.ts';
import { loadConfig } from './config.ts';
import type { LoadConfig, LoadKnobs, LoadTiming } from './config-parse.ts';
import { cleanupRun, fittedNote, planUnits, prepareRun, summaryTarget, type SetupData } from './lifecycle.ts';
import type { Pair, StormGroup } from './partition.ts';
import { optionsFor, type UnitKind } from './profiles.ts';
import { summaryOutputs, type SummaryData } from './summary.ts';
import { vuOf, type Vu } from './vu.ts';

/** What a scenario script says about itself. */
export interface ScenarioSpec<K extends UnitKind> {
  /** k6's scenario name and the report's default name. */
  readonly name: string;
  /** What each VU owns: a storm group (K inspectors, one agent) or an (inspector, agent) pair. */
  readonly kind: K;
  /** The shape of the traffic (`profiles.ts`), given the configured knobs. */
  readonly shape: (load: LoadKnobs) => Scenario;
  /** What the summary calls one iteration. */
  readonly unit: IterationUnit;
  /** The defaults of the `CCGW_LOAD_*` knobs. */
  readonly defaults: LoadKnobs;
  /** Waits other than the defaults (throughput: no pause between poll rounds). */
  readonly timing?: Partial<LoadTiming>;
}

type UnitOf<K extends UnitKind> = K extends 'storm' ? StormGroup : Pair;

/** What a scenario script exports to k6, and the state of its VUs. */
export interface LoadScenario<K extends UnitKind> {
  readonly config: LoadConfig;
  /** One scenario named after the script, the thresholds, and the live rate cap when live. */
  readonly options: Options;
  /** Fails fast when the gateway is down; prepares the mock; works out this process's units. */
  readonly setup: () => SetupData;
  /** Always runs, also after an abort: cancels inserts and signs this process's accounts out; reads the mock's audit. */
  readonly teardown: (data: SetupData) => void;
  /** Writes `<CCGW_REPORT_DIR>/<CCGW_RUN_NAME>.json` and `.junit.xml` (the directory must exist) and prints the summary. */
  readonly handleSummary: (data: SummaryData) => Record<string, string>;
  /** This VU's unit and sessions, or null when it has no unit (it then stays idle). */
  readonly vu: (data: SetupData) => Vu<UnitOf<K>> | null;
}

/**
 * Reads the configuration from `__ENV` and plans the units: call it at module level (init context). A bad variable
 * or too few accounts abort k6 before any traffic, naming the fix.
 */
export function loadScenario<K extends UnitKind>(spec: ScenarioSpec<K>): LoadScenario<K> {
  const asked = loadConfig(spec.name, spec.defaults, spec.timing);
  const planned = planUnits(asked, spec.kind);
  const { config } = planned;
  const plan = planned.plan as UnitOf<K>[];
  const note = fittedNote(asked, config, spec.kind);
  const scenario = spec.shape(config.load);
  return {
    config,
    options: optionsFor(config, spec.name, scenario, spec.kind),
    setup: () => {
      if (note) console.warn(note);
      return prepareRun(config, plan);
    },
    teardown: (data) => cleanupRun(config, plan, data),
    handleSummary: (data) => summaryOutputs(data, summaryTarget(config, scenario, spec.unit, spec.kind)),
    vu: (data) => vuOf(config, plan, data),
  };
}
