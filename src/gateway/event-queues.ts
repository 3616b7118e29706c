/**
 * One bounded event queue per agent, and the long polls waiting on it. A poll takes the oldest event at once, or
 * waits (a timer, no busy-waiting) until an event arrives, the wait ends, or the agent's session closes. A pushed
 * event equal to one of the newest queued ones is queued as that same object (events are immutable values).
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

/** One agent's queued events and the polls waiting for one. */
class AgentQueue extends RingBuffer<AgentEvent> {
  /** Waiting polls, oldest first; undefined when none waits (most of the time). */
  waiters: Waiter[] | undefined = undefined;
}

export class EventQueues {
  readonly #queues = new Map<string, AgentQueue>();
  /** The queue found last: a decision delivers its events to one or two agents, several in a row to each. */
  #lastId: string | undefined;
  #last: AgentQueue | undefined;
  #dropped = 0;

  constructor(readonly options: EventQueuesOptions) {
    if (!(options.capacity >= 1)) throw new RangeError(`event queue capacity ${options.capacity} must be at least 1`);
  }

  #queue(agentId: string): AgentQueue {
    if (agentId === this.#lastId) return this.#last!;
    let queue = this.#queues.get(agentId);
    if (!queue) {
      queue = new AgentQueue(this.options.capacity);
      this.#queues.set(agentId, queue);
    }
    this.#lastId = agentId;
    this.#last = queue;
    return queue;
  }

  #forget(agentId: string): void {
    this.#queues.delete(agentId);
    if (agentId === this.#lastId) this.#lastId = this.#last = undefined;
  }

  /** Delivers an event: to the oldest live waiting poll, else into the queue. */
  push(agentId: string, event: AgentEvent): void {
    const queue = this.#queue(agentId);
    const waiters = queue.waiters;
    while (waiters !== undefined && waiters.length > 0) {
      const w = waiters.shift()!;
      if (waiters.length === 0) queue.waiters = undefined;
      clearTimeout(w.timer);
      if (w.gone()) {
        w.resolve({ kind: 'closed' });
        continue;
      }
      w.resolve({ kind: 'event', event });
      return;
    }
    if (queue.push(sharedWith(queue, event))) this.#dropped++;
  }

  /** Puts an event back at the head of the queue (its poll could not be answered). */
  unshift(agentId: string, event: AgentEvent): void {
    this.#queue(agentId).unshift(event);
  }

  /**
   * Takes the oldest event, or waits up to `waitMs` for one. `gone` tells whether the caller disconnected; the
   * returned `cancel` ends the wait early (with `timeout`).
   */
  take(agentId: string, waitMs: number, gone: () => boolean = () => false): { outcome: Promise<PollOutcome>; cancel(): void } {
    const event = this.#queues.get(agentId)?.shift();
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
    const queue = this.#queue(agentId);
    (queue.waiters ??= []).push(waiter);
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
    const queue = this.#queues.get(agentId);
    if (!queue?.waiters || !remove(queue.waiters, waiter)) return false;
    if (queue.waiters.length === 0) queue.waiters = undefined;
    return true;
  }

  /** Ends an agent's session: waiting polls get `closed`, queued events are discarded. */
  close(agentId: string): void {
    for (const w of this.#queues.get(agentId)?.waiters ?? []) {
      clearTimeout(w.timer);
      w.resolve({ kind: 'closed' });
    }
    this.#forget(agentId);
  }

  /** Starts a fresh, empty queue for a new session. */
  reset(agentId: string): void {
    this.close(agentId);
  }

  /** Answers every waiting poll now (with `timeout`), e.g. at shutdown. */
  releaseAllWaiters(): void {
    for (const queue of this.#queues.values()) {
      for (const w of queue.waiters ?? []) {
        clearTimeout(w.timer);
        w.resolve({ kind: 'timeout' });
      }
      queue.waiters = undefined;
    }
  }

  /** Events queued for `agentId`. */
  queued(agentId: string): number {
    return this.#queues.get(agentId)?.length ?? 0;
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

/** How many of the newest queued events a push compares with (see `sharedWith`). */
const SHARE_LOOKBACK = 8;

/**
 * An event equal to `event` among the newest of `queue`, else `event` itself. Events are immutable values, and a
 * queue that is not polled (a load test's agents) repeats the same few: queueing the object already there keeps a
 * full queue from holding a thousand fresh objects, which the garbage collector would copy and promote.
 */
function sharedWith(queue: RingBuffer<AgentEvent>, event: AgentEvent): AgentEvent {
  const n = Math.min(queue.length, SHARE_LOOKBACK);
  for (let i = 0; i < n; i++) {
    const queued = queue.fromNewest(i)!;
    if (sameEvent(queued, event)) return queued;
  }
  return event;
}

/**
 * True when two events are the same value. Every event schema of the contract has exactly these four fields; a
 * content is compared one level deep (the contract's contents are flat), anything deeper by reference.
 */
function sameEvent(a: AgentEvent, b: AgentEvent): boolean {
  return a.eventType === b.eventType && a.workNo === b.workNo && a.eventGenTime === b.eventGenTime && sameContent(a.content, b.content);
}

function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
  let keys = 0;
  for (const key in a) {
    if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key] || !Object.hasOwn(b, key)) return false;
    keys++;
  }
  for (const _ in b) keys--;
  return keys === 0;
}

function remove<T>(list: T[], item: T): boolean {
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}
