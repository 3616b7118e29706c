/**
 * A bounded first-in-first-out buffer: constant-time push, shift and unshift; it starts small and doubles up to
 * its capacity, so many mostly-empty queues stay cheap. When full, `push` drops the oldest item.
 */
export class RingBuffer<T> {
  #items: (T | undefined)[];
  #head = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring buffer capacity ${capacity} must be a positive integer`);
    this.#items = new Array<T | undefined>(Math.min(4, capacity));
  }

  get length(): number {
    return this.#size;
  }

  /** Appends; returns true when the oldest item had to be dropped to make room. */
  push(item: T): boolean {
    if (this.#size === this.#items.length && this.#items.length < this.capacity) this.#grow();
    if (this.#size === this.#items.length) {
      this.#items[this.#head] = item;
      this.#head = (this.#head + 1) % this.#items.length;
      return true;
    }
    this.#items[(this.#head + this.#size) % this.#items.length] = item;
    this.#size++;
    return false;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.#size === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head = (this.#head + 1) % this.#items.length;
    this.#size--;
    return item;
  }

  /** Puts an item back at the head (dropping the newest when full). */
  unshift(item: T): void {
    if (this.#size === this.#items.length && this.#items.length < this.capacity) this.#grow();
    this.#head = (this.#head - 1 + this.#items.length) % this.#items.length;
    this.#items[this.#head] = item;
    if (this.#size < this.#items.length) this.#size++;
  }

  /** The item `i` places back from the newest (0 is the newest), or undefined past the oldest. */
  fromNewest(i: number): T | undefined {
    if (i < 0 || i >= this.#size) return undefined;
    const at = this.#head + this.#size - 1 - i; // below twice the length: one wrap at most
    return this.#items[at < this.#items.length ? at : at - this.#items.length];
  }

  #grow(): void {
    const next = new Array<T | undefined>(Math.min(this.#items.length * 2, this.capacity));
    for (let i = 0; i < this.#size; i++) next[i] = this.#items[(this.#head + i) % this.#items.length];
    this.#items = next;
    this.#head = 0;
  }
}
