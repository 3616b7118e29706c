/**
 * Waiting for the events an operation sends: which events the contract lists for each party, and a bounded poll
 * loop over the parties at once that records when each event arrived (`ccgw_event_delay`, `ccgw_events_on_time`) and
 * whether in the documented order (a k6 check).
 */
import { check } from 'k6';
import type { OperationId } from '../../../src/domain/index.ts';
import { operations } from '../../../src/generated/contract.ts';
import type { LoadTiming } from '../config-parse.ts';
import { metrics } from '../metrics.ts';
import { removeAt } from './inbox.ts';
import type { GatewayClient, Prepared } from './client.ts';
import type { GatewaySession } from './session.ts';
import { warnOnce } from './warn-once.ts';

// Imports bound to module constants: sobek looks an imported binding up by name on every access, and this runs twice
// per barge.
const { eventDelay, eventsOnTime } = metrics;
const remove = removeAt;
const warn = warnOnce;
// A global (`Date`) is looked up by name on every access too.
const now = Date.now;

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

/** One party's part of {@link awaitEvents}: its session, the events it must receive, and the answer they follow. */
export interface EventWait {
  readonly session: GatewaySession;
  /** The event types, in the documented order (at most 31). */
  readonly expected: readonly string[];
  /** The call whose answer the events follow (addInsert, cancelInsert), for the log. */
  readonly after: OperationId;
  /** Epoch ms of that answer: each event's delay counts from here. */
  readonly since: number;
  /**
   * Also record each event's delay (`ccgw_event_delay`) and whether they came in the documented order (a k6 check):
   * the inspector's events of a barge. Every other wait records only whether each event came in time: each metric
   * sample costs the generator CPU on every iteration.
   */
  readonly measure: boolean;
}

/** Bits of a wait's `seen` mask: the most events one wait can expect. */
const MAX_EVENTS = 31;

// The state of a wait in progress, by wait (`delays` by event, from `first[w]`): kept between calls and refilled, not
// made anew, as a wait runs twice per barge; module state is per VU, and a VU runs one wait at a time.
const seen: number[] = [];
const pending: number[] = [];
const last: number[] = [];
const inOrder: boolean[] = [];
const polls: number[] = [];
const first: number[] = [];
const delays: number[] = [];
const due: number[] = [];
const duePolls: Prepared[] = [];

/**
 * Polls the sessions of `waits` until each has received its expected events or its wait ends, all at once (one
 * `http.batch` a round; a lone session polls alone), and records `ccgw_events_on_time` per expected event (and, for
 * a wait that `measure`s, its delay and order; see {@link EventWait.measure}); a late or missing event is logged. A wait
 * ends at `since + deadline + pollTimeout` (an expected event may be polled late but is then not on time), after
 * `expected.length + 10` polls, or when its session is signed out. A missing event is not on time. An event's delay
 * is taken when the round that found it began (after the answers of the round before).
 */
export function awaitEvents(client: GatewayClient, waits: readonly EventWait[], timing: LoadTiming): void {
  // `seen[w]` has bit k set once waits[w].expected[k] arrived; the arrivals are in order when each comes later in
  // `expected` than the one before; `delays[first[w] + k]` is -1 until event k arrives.
  const n = waits.length;
  let events = 0;
  for (let w = 0; w < n; w++) {
    const count = waits[w]!.expected.length;
    if (count > MAX_EVENTS) throw new RangeError(`a wait expects at most ${MAX_EVENTS} events; got ${count}`);
    seen[w] = 0;
    pending[w] = count;
    last[w] = -1;
    inOrder[w] = true;
    polls[w] = 0;
    first[w] = events;
    for (let k = 0; k < count; k++) delays[events + k] = -1;
    events += count;
  }
  const endAfter = timing.eventDeadlineMs + timing.pollTimeoutMs;
  for (;;) {
    const roundAt = now();
    let dueCount = 0;
    for (let w = 0; w < n; w++) {
      const wait = waits[w]!;
      const session = wait.session;
      const expected = wait.expected;
      const inbox = session.inbox;
      let left = pending[w]!;
      for (let i = 0; i < inbox.length && left > 0; ) {
        const k = expected.indexOf(inbox[i]!.eventType);
        const bit = 1 << k;
        if (k < 0 || (seen[w]! & bit) !== 0) {
          i++;
          continue;
        }
        seen[w] = seen[w]! | bit;
        left--;
        const delay = roundAt - wait.since;
        delays[first[w]! + k] = delay > 0 ? delay : 0;
        if (k < last[w]!) inOrder[w] = false;
        else last[w] = k;
        remove(inbox, i);
      }
      pending[w] = left;
      if (left > 0 && polls[w]! < expected.length + 10 && roundAt < wait.since + endAfter && session.signedIn) {
        due[dueCount] = w;
        duePolls[dueCount] = session.preparePoll();
        dueCount++;
      }
    }
    if (dueCount === 0) break;
    if (dueCount === 1) {
      waits[due[0]!]!.session.poll();
    } else {
      duePolls.length = dueCount;
      const results = client.sendBatch(duePolls);
      for (let d = 0; d < dueCount; d++) waits[due[d]!]!.session.afterPoll(results[d]!);
    }
    for (let d = 0; d < dueCount; d++) polls[due[d]!]!++;
  }
  const deadline = timing.eventDeadlineMs;
  for (let w = 0; w < n; w++) {
    const wait = waits[w]!;
    const expected = wait.expected;
    const tags = tagsOfEvents(expected);
    const measure = wait.measure;
    const from = first[w]!;
    for (let k = 0; k < expected.length; k++) {
      const delay = delays[from + k]!;
      if (delay >= 0 && measure) eventDelay.add(delay, tags[k]);
      const onTime = delay >= 0 && delay <= deadline;
      eventsOnTime.add(onTime, tags[k]);
      if (!onTime && wait.session.verbose) {
        const type = expected[k]!;
        const what = delay < 0 ? `did not arrive (${polls[w]} polls${wait.session.signedIn ? '' : ', the session was lost'})` : `arrived ${delay} ms`;
        warn(type, `agent ${wait.session.id}: ${type} ${what} after the ${wait.after} answer; the deadline is ${deadline} ms (CCGW_EVENT_DEADLINE_MS)`);
      }
    }
    if (measure && expected.length > 1) check(inOrder[w]!, IN_ORDER);
  }
}

const IN_ORDER = { 'events arrive in the documented order': (inOrder: boolean) => inOrder };

/** The tags of each event of an expected list, made once per list (the steps' lists are module constants). */
const eventTags = new WeakMap<readonly string[], readonly { readonly event: string }[]>();

function tagsOfEvents(expected: readonly string[]): readonly { readonly event: string }[] {
  let tags = eventTags.get(expected);
  if (!tags) eventTags.set(expected, (tags = expected.map((event) => ({ event }))));
  return tags;
}
