/**
 * A VU's log of contract problems, bounded: at most 20 lines per kind (an operation, an event type). The metrics
 * count every problem; the log shows the first of each kind. Module state is per VU.
 */
const WARN_LIMIT = 20;
const warned = new Map<string, number>();

/** Logs `line` unless this VU has logged 20 problems of `kind` already. */
export function warnOnce(kind: string, line: string): void {
  const n = (warned.get(kind) ?? 0) + 1;
  warned.set(kind, n);
  if (n <= WARN_LIMIT) console.warn(n === WARN_LIMIT ? `${line} (further ${kind} problems of this VU are counted, not logged)` : line);
}
