/**
 * One bounded event queue per agent, and the long polls waiting on it. A poll takes the oldest event at once, or
 * waits (a timer, no busy-waiting) until an event arrives, the wait ends, or the agent's session closes.
 *
 * @example
 * ```ts
 * const queues = new EventQueues({ capacity: 1000 });
 * queues.push('30169', event);
 * const outcome = await queues.take('30169', 10_000); // { kind: 'event', event }
 * ```
 */
import type { AgentEvent } from '../domain/events.ts';
import { RingBuffer } from './ring-buffer.ts';

/** What a waiting poll gets. */
export type PollOutcome = { readonly kind: 'event'; readonly event: AgentEvent } | { readonly kind: 'timeout' } | { readonly kind: 'closed' };

interface Waiter {
  resolve(outcome: PollOutcome): void;
  timer: ReturnType<typeof setTimeout>;
  /** True when the caller has gone away; such a waiter is skipped. */
  gone(): boolean;
}

export interface EventQueuesOptions {
  /** Events kept per agent; on overflow the oldest is dropped and counted. */
  readonly capacity: number;
}

export class EventQueues {
  // Two maps rather than one record per agent: most agents have queued events and no waiting poll, and with
  // 60,000 signed-in agents every per-agent object counts.
  readonly #events = new Map<string, RingBuffer<AgentEvent>>();
  readonly #waiters = new Map<string, Waiter[]>();
  #dropped = 0;

  constructor(readonly options: EventQueuesOptions) {
    if (!(options.capacity >= 1)) throw new RangeError(`event queue capacity ${options.capacity} must be at least 1`);
  }

  #ring(agentId: string): RingBuffer<AgentEvent> {
    let ring = this.#events.get(agentId);
    if (!ring) {
      ring = new RingBuffer<AgentEvent>(this.options.capacity);
      this.#events.set(agentId, ring);
    }
    return ring;
  }

  /** Delivers an event: to the oldest live waiting poll, else into the queue. */
  push(agentId: string, event: AgentEvent): void {
    const waiters = this.#waiters.get(agentId);
    while (waiters && waiters.length > 0) {
      const w = waiters.shift()!;
      if (waiters.length === 0) this.#waiters.delete(agentId);
      clearTimeout(w.timer);
      if (w.gone()) {
        w.resolve({ kind: 'closed' });
        continue;
      }
      w.resolve({ kind: 'event', event });
      return;
    }
    if (this.#ring(agentId).push(event)) this.#dropped++;
  }

  /** Puts an event back at the head of the queue (its poll could not be answered). */
  unshift(agentId: string, event: AgentEvent): void {
    this.#ring(agentId).unshift(event);
  }

  /**
   * Takes the oldest event, or waits up to `waitMs` for one. `gone` tells whether the caller disconnected; the
   * returned `cancel` ends the wait early (with `timeout`).
   */
  take(agentId: string, waitMs: number, gone: () => boolean = () => false): { outcome: Promise<PollOutcome>; cancel(): void } {
    const event = this.#events.get(agentId)?.shift();
    if (event) return { outcome: Promise.resolve({ kind: 'event', event }), cancel: () => {} };
    let waiter!: Waiter;
    const outcome = new Promise<PollOutcome>((resolve) => {
      waiter = {
        resolve,
        gone,
        timer: setTimeout(() => {
          this.#removeWaiter(agentId, waiter);
          resolve({ kind: 'timeout' });
        }, waitMs),
      };
    });
    let waiters = this.#waiters.get(agentId);
    if (!waiters) this.#waiters.set(agentId, (waiters = []));
    waiters.push(waiter);
    return {
      outcome,
      cancel: () => {
        if (this.#removeWaiter(agentId, waiter)) {
          clearTimeout(waiter.timer);
          waiter.resolve({ kind: 'timeout' });
        }
      },
    };
  }

  #removeWaiter(agentId: string, waiter: Waiter): boolean {
    const waiters = this.#waiters.get(agentId);
    if (!waiters || !remove(waiters, waiter)) return false;
    if (waiters.length === 0) this.#waiters.delete(agentId);
    return true;
  }

  /** Ends an agent's session: waiting polls get `closed`, queued events are discarded. */
  close(agentId: string): void {
    for (const w of this.#waiters.get(agentId) ?? []) {
      clearTimeout(w.timer);
      w.resolve({ kind: 'closed' });
    }
    this.#waiters.delete(agentId);
    this.#events.delete(agentId);
  }

  /** Starts a fresh, empty queue for a new session. */
  reset(agentId: string): void {
    this.close(agentId);
  }

  /** Answers every waiting poll now (with `timeout`), e.g. at shutdown. */
  releaseAllWaiters(): void {
    for (const waiters of this.#waiters.values()) {
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.resolve({ kind: 'timeout' });
      }
    }
    this.#waiters.clear();
  }

  /** Events queued for `agentId`. */
  queued(agentId: string): number {
    return this.#events.get(agentId)?.length ?? 0;
  }

  /** Events dropped because a queue was full. */
  get dropped(): number {
    return this.#dropped;
  }

  clear(): void {
    for (const id of [...this.#waiters.keys()]) this.close(id);
    this.#events.clear();
    this.#dropped = 0;
  }
}

function remove<T>(list: T[], item: T): boolean {
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}
