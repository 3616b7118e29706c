/**
 * A session's inbox: the events it has polled but not consumed yet, oldest first. Bounded, and edited in place:
 * the event wait runs once per barge, thousands of times a second.
 */
import type { AgentEvent } from '../../../src/domain/index.ts';

/** Keeps at most this many unconsumed events per session. */
const INBOX_LIMIT = 1000;

/** Appends `event`, dropping the oldest one when the inbox is full. */
export function enqueue(inbox: AgentEvent[], event: AgentEvent): void {
  if (inbox.length >= INBOX_LIMIT) inbox.shift();
  inbox[inbox.length] = event;
}

/** Removes `list[i]` in place (splice would also build an array of the removed element). */
export function removeAt<T>(list: T[], i: number): void {
  for (let j = i + 1; j < list.length; j++) list[j - 1] = list[j]!;
  list.length--;
}
