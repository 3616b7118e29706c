/**
 * k6 durations (`500ms`, `30s`, `5m`, `1h30m`) and the bound of a load scenario's time, read alike by ccgw (the
 * `--duration` flag, `CCGW_LOAD_DURATION`, `load.duration` of a config file) and by the k6 scripts, so that what
 * ccgw accepts k6 accepts too.
 */

/** The longest a load scenario may run. */
export const MAX_LOAD_DURATION_MS = 24 * 3_600_000;

/** Parses a k6 duration into milliseconds; undefined when the text is not one. */
export function durationMs(text: string): number | undefined {
  if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return total;
}

/** Why `text` cannot be a load scenario's time bound (to follow the value in a message), or undefined when it can. */
export function loadDurationProblem(text: string): string | undefined {
  const ms = durationMs(text);
  if (ms !== undefined && ms > 0 && ms <= MAX_LOAD_DURATION_MS) return undefined;
  return `is not a k6 duration from 1ms to ${MAX_LOAD_DURATION_MS / 3_600_000}h, such as 30s, 10m or 1h30m`;
}
