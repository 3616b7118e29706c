/**
 * Polling loops over one agent's event queue: wait for event types in order, drain what is queued, or iterate.
 * Each works on a `poll` function (one long poll that returns the event or null, and throws on a retcode other
 * than "0"), so it does not depend on HTTP. {@link AgentSession} exposes them as methods.
 */
import { GatewayEventTimeoutError, type ExchangeContext } from './errors.ts';
import type { AgentEvent, EventType } from './event-types.ts';
import { checkTimeout } from './exchange.ts';

/** One long poll: the event, or null when the wait ended without one. Rejects when `signal` aborts. */
export type PollOnce = (signal: AbortSignal) => Promise<AgentEvent | null>;

/** Options of {@link waitForEventSequence}. */
export interface WaitForEventsOptions {
  /** How long to wait for the whole sequence, in ms. Default {@link DEFAULT_EVENT_WAIT_MS}. */
  readonly timeoutMs?: number;
  /** Stops waiting; the call then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Options of {@link drainEventQueue}. */
export interface DrainEventsOptions {
  /** Stop after this long and return what arrived, in ms. Default {@link DEFAULT_EVENT_WAIT_MS}. */
  readonly timeoutMs?: number;
  /** Stop after this many events. Default 1000. */
  readonly max?: number;
  readonly signal?: AbortSignal;
}

/** The default time `waitForEvents` and `drainEvents` allow (two long polls of 10 s, plus slack). */
export const DEFAULT_EVENT_WAIT_MS = 30_000;

/** The abort reason of a poll stopped by the deadline of waitForEvents/drainEvents (visible in exchange records). */
class DeadlinePassed extends Error {
  override name = 'EventWaitDeadline';
}

/**
 * Polls until the `expected` event types have arrived in that order (other events in between are collected, not an
 * error) and returns every event seen. Throws {@link GatewayEventTimeoutError} listing what arrived when the timeout
 * passes first; a poll that fails (e.g. retcode 100-006 after a forced sign-out) ends the wait with its error.
 */
export async function waitForEventSequence(
  poll: PollOnce,
  expected: readonly EventType[],
  options: WaitForEventsOptions,
  context: ExchangeContext,
): Promise<AgentEvent[]> {
  if (!Array.isArray(expected) || expected.some((t) => typeof t !== 'string' || t === '')) {
    throw new TypeError(`waitForEvents needs a list of event types such as ['AgentState_Busy'], got ${JSON.stringify(expected)}`);
  }
  const timeoutMs = checkTimeout('waitForEvents timeoutMs', options.timeoutMs ?? DEFAULT_EVENT_WAIT_MS);
  const seen: AgentEvent[] = [];
  let matched = 0;
  const outcome = await withDeadline(timeoutMs, options.signal, async (signal) => {
    while (matched < expected.length) {
      const event = await poll(signal);
      if (event === null) continue;
      seen.push(event);
      if (event.eventType === expected[matched]) matched += 1;
    }
  });
  if (outcome === 'deadline') throw new GatewayEventTimeoutError(context, { expected, matched, arrived: seen, timeoutMs });
  return seen;
}

/**
 * Polls until a poll answers "no event" (or `max` events arrived, or the timeout passed) and returns the events.
 * Useful to start a test from an empty queue. On a live gateway the final empty poll takes about 10 s; to read what a
 * known call queues (a sign-in's events: `signInEventTypes` of src/domain/sign-in.ts), {@link waitForEventSequence}
 * is faster, since it never waits for a poll that answers nothing.
 */
export async function drainEventQueue(poll: PollOnce, options: DrainEventsOptions = {}): Promise<AgentEvent[]> {
  const timeoutMs = checkTimeout('drainEvents timeoutMs', options.timeoutMs ?? DEFAULT_EVENT_WAIT_MS);
  const max = options.max ?? 1000;
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`drainEvents max must be a positive integer, not ${JSON.stringify(max)}`);
  const seen: AgentEvent[] = [];
  await withDeadline(timeoutMs, options.signal, async (signal) => {
    while (seen.length < max) {
      const event = await poll(signal);
      if (event === null) return;
      seen.push(event);
    }
  });
  return seen;
}

/**
 * Yields every event as it arrives, polling again after each answer, until `signal` aborts (the iteration then
 * ends quietly) or the caller breaks out of the loop. A failing poll ends the iteration with its error.
 */
export async function* iterateEvents(poll: PollOnce, signal?: AbortSignal): AsyncGenerator<AgentEvent, void, undefined> {
  const stop = new AbortController();
  const forward = (): void => stop.abort(signal?.reason);
  if (signal?.aborted) return;
  signal?.addEventListener('abort', forward, { once: true });
  try {
    while (!stop.signal.aborted) {
      let event: AgentEvent | null;
      try {
        event = await poll(stop.signal);
      } catch (error) {
        if (stop.signal.aborted) return;
        throw error;
      }
      if (event !== null) yield event;
    }
  } finally {
    signal?.removeEventListener('abort', forward);
    // A consumer that breaks out of the loop leaves no poll running: the next poll has not started yet.
    stop.abort();
  }
}

/**
 * Runs `work` with a signal that aborts at the deadline or when `outer` aborts. Resolves 'done' or 'deadline';
 * rejects with `outer`'s reason or `work`'s own error.
 */
async function withDeadline(timeoutMs: number, outer: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<void>): Promise<'done' | 'deadline'> {
  if (outer?.aborted) throw outer.reason;
  const controller = new AbortController();
  const deadline = new DeadlinePassed(`the event wait of ${timeoutMs} ms ended; this poll was stopped`);
  const timer = setTimeout(() => controller.abort(deadline), timeoutMs);
  const forward = (): void => controller.abort(outer?.reason);
  outer?.addEventListener('abort', forward, { once: true });
  try {
    await work(controller.signal);
    return 'done';
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason === deadline) return 'deadline';
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}
