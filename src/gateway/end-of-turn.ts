/**
 * Work deferred to the end of the current turn of the event loop: the items added while Node handles one turn's
 * I/O are handed to `run` together, in the order they were added, once that I/O is done (one `setImmediate` per
 * turn, not one per item).
 *
 * The mock writes its replies this way. Under load one turn reads many requests. Written one between each
 * decision, the replies reach a client that has already gone back to sleep, and every reply pays for waking it;
 * written back to back at the end of the turn, they are taken in one wake-up. On a two-core loopback run this is
 * about a fifth of the mock's throughput (see the README's Benchmark). A reply waits at most for the rest of its
 * turn; the decision itself is made, and applied, at once.
 */
export class EndOfTurn<T> {
  readonly #items: T[] = [];
  readonly #run: (item: T) => void;

  /** `run` must not throw: an error thrown there would end the process (it runs from `setImmediate`). */
  constructor(run: (item: T) => void) {
    this.#run = run;
  }

  /** Runs `item` at the end of the current turn, after the items added before it. */
  add(item: T): void {
    if (this.#items.push(item) === 1) setImmediate(this.#flush);
  }

  /** Items waiting for the end of the turn. */
  get pending(): number {
    return this.#items.length;
  }

  // An item's run may add items (a pipelined request answered at once): they run in the same pass.
  readonly #flush = (): void => {
    const items = this.#items;
    for (let i = 0; i < items.length; i++) this.#run(items[i]!);
    items.length = 0;
  };
}
