/**
 * A request-rate cap: `take()` resolves when the next request may go, spacing requests at least
 * `1000 / maxPerSecond` ms apart (no bursts), and rejects at once when the signal aborts.
 */

/** A rate cap that cannot be used; the message names the value and the fix. */
export class RateLimitError extends Error {
  override readonly name = 'RateLimitError';
}

export class RateLimiter {
  readonly #intervalMs: number;
  #next = 0;
  #taken = 0;

  /** `maxPerSecond` undefined: no cap. */
  constructor(
    readonly maxPerSecond: number | undefined,
    readonly signal?: AbortSignal,
  ) {
    if (maxPerSecond !== undefined && !(Number.isFinite(maxPerSecond) && maxPerSecond > 0)) {
      throw new RateLimitError(`maxRequestsPerSecond ${JSON.stringify(maxPerSecond)} must be a positive number such as 5`);
    }
    this.#intervalMs = maxPerSecond === undefined ? 0 : 1000 / maxPerSecond;
  }

  /** Slots handed out so far (requests sent under this cap). */
  get taken(): number {
    return this.#taken;
  }

  /**
   * Waits for the next slot. `abortable: false` (clean-up after an abort) keeps the cap but ignores the signal.
   * @throws the signal's reason when it aborts
   */
  async take(options: { readonly abortable?: boolean } = {}): Promise<void> {
    const signal = options.abortable === false ? undefined : this.signal;
    signal?.throwIfAborted();
    this.#taken++;
    if (this.#intervalMs === 0) return;
    const now = performance.now();
    const at = Math.max(now, this.#next);
    this.#next = at + this.#intervalMs;
    const wait = at - now;
    if (wait <= 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, wait);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
