/**
 * Counters per operation: calls, retcodes answered, and HTTP statuses other than 200; and per connection: requests
 * the client abandoned while sending them, requests not received in time (408), and requests that were not HTTP.
 */
export interface OperationCounts {
  total: number;
  retcodes: Record<string, number>;
  http: Record<string, number>;
}

/** What happened to requests that never reached an operation's answer. */
export interface ConnectionCounts {
  /** The client closed or reset the connection in the middle of sending a request. */
  clientAborts: number;
  /** Answered 408: the headers or the whole request did not arrive in time. */
  timeouts: number;
  /** Answered 400, 413 or 431 before routing: not valid HTTP, or too large. */
  malformed: number;
}

export class Counters {
  #operations: Record<string, OperationCounts> = {};
  #connections: ConnectionCounts = { clientAborts: 0, timeouts: 0, malformed: 0 };

  /** Counts one answered call. */
  count(operation: string, httpStatus: number, retcode?: string): void {
    const c = (this.#operations[operation] ??= { total: 0, retcodes: {}, http: {} });
    c.total++;
    if (httpStatus === 200 && retcode !== undefined) c.retcodes[retcode] = (c.retcodes[retcode] ?? 0) + 1;
    else c.http[String(httpStatus)] = (c.http[String(httpStatus)] ?? 0) + 1;
  }

  /** Counts one request that ended at the connection level. */
  connection(kind: keyof ConnectionCounts): void {
    this.#connections[kind]++;
  }

  snapshot(): { operations: Record<string, OperationCounts>; connections: ConnectionCounts } {
    return { operations: structuredClone(this.#operations), connections: { ...this.#connections } };
  }

  reset(): void {
    this.#operations = {};
    this.#connections = { clientAborts: 0, timeouts: 0, malformed: 0 };
  }
}
