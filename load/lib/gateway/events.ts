/**
 * Waiting for the events an operation sends: which events the contract lists for each party, and a bounded poll
 * loop that records when each arrived (`ccgw_event_delay`, `ccgw_events_on_time`) and whether in the documented
 * order (a k6 check).
 */
import { check } from 'k6';
import type { OperationId } from '../../../src/domain/index.ts';
import { operations } from '../../../src/generated/contract.ts';
import type { LoadTiming } from '../config-parse.ts';
import { metrics } from '../metrics.ts';
import { removeAt } from './inbox.ts';
import type { GatewaySession } from './session.ts';

// Imports bound to module constants: sobek looks an imported binding up by name on every access, and this runs on
// every barge.
const { eventDelay, eventsOnTime } = metrics;
const remove = removeAt;

/**
 * The event types an operation's success sends to one party, from the contract's events table. Conditional events
 * of sign-in (`status 3`/`status 5`) are left out: the harness signs in idle (status 4) and with `releasephone`
 * true, so the phone events of addinsert and cancel are expected.
 */
export function eventsOf(op: OperationId, to: 'inspector' | 'target' | 'self'): string[] {
  return (operations[op].events as readonly { eventType: string; to: string; when?: string }[])
    .filter((e) => e.to === to && !(e.when ?? '').startsWith('status '))
    .map((e) => e.eventType);
}

/** What {@link awaitEvents} saw. */
export interface AwaitedEvents {
  /** Delay of each expected event that arrived, ms after `since`. */
  readonly delays: Readonly<Record<string, number>>;
  /** Expected events that did not arrive before the wait ended. */
  readonly missing: readonly string[];
  /** The expected events that arrived came in the listed order. */
  readonly inOrder: boolean;
}

/**
 * Polls `session` until each of `expected` has arrived or the wait ends, recording `ccgw_event_delay` and
 * `ccgw_events_on_time` per event. The wait ends at `since + deadline + pollTimeout` (an expected event may be
 * polled late but is then not on time) or after `expected.length + 10` polls.
 */
export function awaitEvents(session: GatewaySession, expected: readonly string[], since: number, timing: LoadTiming): AwaitedEvents {
  // Allocation-light: this runs once per barge, thousands of times a second. `seen` has bit i set once expected[i]
  // arrived; the arrivals are in order when each comes later in `expected` than the one before.
  const delays: Record<string, number> = {};
  const inbox = session.inbox;
  const endAt = since + timing.eventDeadlineMs + timing.pollTimeoutMs;
  let seen = 0;
  let pending = expected.length;
  let last = -1;
  let inOrder = true;
  for (let polls = 0; ; polls++) {
    for (let i = 0; i < inbox.length && pending > 0; ) {
      const k = expected.indexOf(inbox[i]!.eventType);
      if (k < 0 || (seen & (1 << k)) !== 0) {
        i++;
        continue;
      }
      seen |= 1 << k;
      pending--;
      delays[expected[k]!] = Math.max(0, Date.now() - since);
      if (k < last) inOrder = false;
      else last = k;
      remove(inbox, i);
    }
    if (pending === 0 || polls >= expected.length + 10 || Date.now() >= endAt || !session.signedIn) break;
    session.poll();
  }
  for (let k = 0; k < expected.length; k++) {
    const type = expected[k]!;
    const delay = delays[type];
    const tags = tagsOfEvent(type);
    if (delay !== undefined) eventDelay.add(delay, tags);
    eventsOnTime.add(delay !== undefined && delay <= timing.eventDeadlineMs, tags);
  }
  check(inOrder, IN_ORDER);
  return { delays, missing: pending === 0 ? NONE_MISSING : expected.filter((_, k) => (seen & (1 << k)) === 0), inOrder };
}

const NONE_MISSING: readonly string[] = Object.freeze([]);

const IN_ORDER = { 'events arrive in the documented order': (inOrder: boolean) => inOrder };

const eventTags = new Map<string, { readonly event: string }>();

function tagsOfEvent(event: string): { readonly event: string } {
  let tags = eventTags.get(event);
  if (!tags) eventTags.set(event, (tags = { event }));
  return tags;
}
