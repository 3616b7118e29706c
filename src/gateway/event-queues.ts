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

interface Queue {
  events: RingBuffer<AgentEvent>;
  waiters: Waiter[];
}

export interface EventQueuesOptions {
  /** Events kept per agent; on overflow the oldest is dropped and counted. */
  readonly capacity: number;
}

export class EventQueues {
  readonly #queues = new Map<string, Queue>();
  #dropped = 0;

  constructor(readonly options: EventQueuesOptions) {
    if (!(options.capacity >= 1)) throw new RangeError(`event queue capacity ${options.capacity} must be at least 1`);
  }

  #queue(agentId: string): Queue {
    let q = this.#queues.get(agentId);
    if (!q) {
      q = { events: new RingBuffer<AgentEvent>(this.options.capacity), waiters: [] };
      this.#queues.set(agentId, q);
    }
    return q;
  }

  /** Delivers an event: to the oldest live waiting poll, else into the queue. */
  push(agentId: string, event: AgentEvent): void {
    const q = this.#queue(agentId);
    while (q.waiters.length > 0) {
      const w = q.waiters.shift()!;
      clearTimeout(w.timer);
      if (w.gone()) {
        w.resolve({ kind: 'closed' });
        continue;
      }
      w.resolve({ kind: 'event', event });
      return;
    }
    if (q.events.push(event)) this.#dropped++;
  }

  /** Puts an event back at the head of the queue (its poll could not be answered). */
  unshift(agentId: string, event: AgentEvent): void {
    this.#queue(agentId).events.unshift(event);
  }

  /**
   * Takes the oldest event, or waits up to `waitMs` for one. `gone` tells whether the caller disconnected; the
   * returned `cancel` ends the wait early (with `timeout`).
   */
  take(agentId: string, waitMs: number, gone: () => boolean = () => false): { outcome: Promise<PollOutcome>; cancel(): void } {
    const q = this.#queue(agentId);
    const event = q.events.shift();
    if (event) return { outcome: Promise.resolve({ kind: 'event', event }), cancel: () => {} };
    let waiter!: Waiter;
    const outcome = new Promise<PollOutcome>((resolve) => {
      waiter = {
        resolve,
        gone,
        timer: setTimeout(() => {
          remove(q.waiters, waiter);
          resolve({ kind: 'timeout' });
        }, waitMs),
      };
    });
    q.waiters.push(waiter);
    return {
      outcome,
      cancel: () => {
        if (remove(q.waiters, waiter)) {
          clearTimeout(waiter.timer);
          waiter.resolve({ kind: 'timeout' });
        }
      },
    };
  }

  /** Ends an agent's session: waiting polls get `closed`, queued events are discarded. */
  close(agentId: string): void {
    const q = this.#queues.get(agentId);
    if (!q) return;
    for (const w of q.waiters) {
      clearTimeout(w.timer);
      w.resolve({ kind: 'closed' });
    }
    this.#queues.delete(agentId);
  }

  /** Starts a fresh, empty queue for a new session. */
  reset(agentId: string): void {
    this.close(agentId);
  }

  /** Answers every waiting poll now (with `timeout`), e.g. at shutdown. */
  releaseAllWaiters(): void {
    for (const q of this.#queues.values()) {
      for (const w of q.waiters.splice(0)) {
        clearTimeout(w.timer);
        w.resolve({ kind: 'timeout' });
      }
    }
  }

  /** Events queued for `agentId`. */
  queued(agentId: string): number {
    return this.#queues.get(agentId)?.events.length ?? 0;
  }

  /** Events dropped because a queue was full. */
  get dropped(): number {
    return this.#dropped;
  }

  clear(): void {
    for (const id of [...this.#queues.keys()]) this.close(id);
    this.#dropped = 0;
  }
}

function remove<T>(list: T[], item: T): boolean {
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}
