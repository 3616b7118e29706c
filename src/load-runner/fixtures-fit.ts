/**
 * Whether the fixtures can give a load scenario its units, checked by ccgw before any phase with the k6 library's own
 * planner (`load/lib/partition.ts`, `fitUnits`), so that the answer is the one k6 would give, only sooner: a size the
 * user asked for (`--vus`, `--inspectors`) that the fixtures cannot give is a usage error; fixtures that cannot give
 * even one unit of the scenario's kind skip the load phase, saying why. The scenario's own defaults give way to small
 * fixtures (two inspectors and two agents run the smoke), so they are not checked here.
 */
import { fitUnits, PartitionError, type PlanAccount } from '../../load/lib/partition.ts';
import type { UnitKind } from '../../load/lib/profiles.ts';
import { SCENARIO_UNITS } from '../../load/lib/scenario-units.ts';
import type { LoadScenario } from './run-k6-scenario.ts';

/** Every scenario ccgw runs has a kind of unit (a compile-time check that the two lists agree). */
const UNITS: Readonly<Record<LoadScenario, UnitKind>> = SCENARIO_UNITS;

/** The load figures the user set (flags, `CCGW_*`, the config file); undefined where the scenario's default applies. */
export interface AskedUnits {
  readonly vus?: number | undefined;
  readonly inspectors?: number | undefined;
}

/**
 * The sizes a run asks for: the settings' (flags, the config file), else what the environment gives k6 directly
 * (`CCGW_LOAD_VUS`, `CCGW_LOAD_INSPECTORS`; their form is checked before, with the k6 scripts' parser).
 */
export function askedUnits(load: AskedUnits, env: Readonly<Record<string, string | undefined>>): AskedUnits {
  const fromEnv = (name: string) => (env[name]?.trim() ? Number(env[name]) : undefined);
  return { vus: load.vus ?? fromEnv('CCGW_LOAD_VUS'), inspectors: load.inspectors ?? fromEnv('CCGW_LOAD_INSPECTORS') };
}

/** Why the fixtures cannot give the scenario its units: `usage` when a figure the user set is the cause. */
export type FixturesShortage = { readonly usage: boolean; readonly message: string };

/** What keeps `accounts` (of the fixtures at `path`) from giving `scenario` its units, or undefined. */
export function fixturesShortage(scenario: LoadScenario, accounts: Iterable<PlanAccount>, path: string, asked: AskedUnits): FixturesShortage | undefined {
  const kind = UNITS[scenario];
  const given = { vus: asked.vus !== undefined, inspectorsPerGroup: kind === 'storm' && asked.inspectors !== undefined };
  try {
    // One unit of the smallest kind unless the user asked for more: the scenario's defaults give way to the fixtures.
    fitUnits(accounts, kind, { vus: asked.vus ?? 1, inspectorsPerGroup: asked.inspectors ?? 2, given });
    return undefined;
  } catch (e) {
    if (!(e instanceof PartitionError)) throw e;
    const sizes = [given.vus ? `--vus ${asked.vus}` : '', given.inspectorsPerGroup ? `--inspectors ${asked.inspectors}` : ''].filter(Boolean);
    const by = sizes.length > 0 ? ` (asked for by ${sizes.join(' and ')}: a flag, CCGW_LOAD_VUS/CCGW_LOAD_INSPECTORS or "load" in the config file)` : '';
    return { usage: sizes.length > 0, message: `the ${scenario} scenario cannot run on the fixtures ${path}: ${e.message}${by}` };
  }
}
