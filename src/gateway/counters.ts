/**
 * Counters per operation: calls, retcodes answered, and HTTP statuses other than 200.
 *
 * @example
 * ```ts
 * counters.count('addInsert', 200, '0');
 * counters.snapshot().operations.addInsert; // { total: 1, retcodes: { '0': 1 }, http: {} }
 * ```
 */
export interface OperationCounts {
  total: number;
  retcodes: Record<string, number>;
  http: Record<string, number>;
}

export class Counters {
  #operations: Record<string, OperationCounts> = {};

  /** Counts one answered call. */
  count(operation: string, httpStatus: number, retcode?: string): void {
    const c = (this.#operations[operation] ??= { total: 0, retcodes: {}, http: {} });
    c.total++;
    if (httpStatus === 200 && retcode !== undefined) c.retcodes[retcode] = (c.retcodes[retcode] ?? 0) + 1;
    else c.http[String(httpStatus)] = (c.http[String(httpStatus)] ?? 0) + 1;
  }

  snapshot(): { operations: Record<string, OperationCounts> } {
    return { operations: structuredClone(this.#operations) };
  }

  reset(): void {
    this.#operations = {};
  }
}
