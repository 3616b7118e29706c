/**
 * The load configuration of a k6 run, read from `__ENV` in the init context (see `config-parse.ts` for every
 * variable). Loading throws before any traffic: a bad variable, an unreadable fixtures file, or a live target
 * without `CCGW_LIVE=1` and `CCGW_FIXTURES` aborts k6 in init with a message naming the fix.
 */
import { SharedArray } from 'k6/data';
import { parseLoadConfig, type LoadConfig, type LoadKnobs, type LoadTiming, type SharedList } from './config-parse.ts';

export { describeConfig, LoadConfigError, type LoadConfig, type LoadKnobs, type LoadTiming } from './config-parse.ts';

/** The repository root as an absolute path ending in `/`, from this module's location (`load/lib/`). */
export function repoRoot(): string {
  return decodeURIComponent(import.meta.resolve('../../').replace(/^file:\/\//, ''));
}

/**
 * Reads the configuration from `__ENV`. Call it at module level of a scenario script (init context: `open()`
 * is available only there). `timing` overrides the default waits (throughput: no pause between poll rounds).
 *
 * @throws LoadConfigError naming the variable, the bad value and the fix.
 */
export function loadConfig(scenario: string, defaults: LoadKnobs, timing?: Partial<LoadTiming>): LoadConfig {
  return parseLoadConfig(__ENV, { scenario, defaults, ...(timing ? { timing } : {}), readText: (path) => open(path), repoRoot: repoRoot(), share });
}

/** The fixtures' accounts are parsed by the first VU and shared read-only with the others (see `ParseContext.share`). */
function share<T extends object>(key: string, build: () => T[]): SharedList<T> {
  return new SharedArray(key, build) as unknown as SharedList<T>;
}
