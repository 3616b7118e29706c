/**
 * The named steps of the journeys (`journeys.ts`), each one thing a VU does at the gateway and what it records:
 * sign-in, barge, the race of a storm, the wait for the barge's events, cancel, the wait for the cancel's events (or
 * the drain of whatever a broken storm left), keeping the sessions polled, thinking. Every successful barge and
 * cancel goes through the VU's ledger (the invariant).
 */
import { check, sleep } from 'k6';
import type { LoadConfig } from './config-parse.ts';
import type { CallResult } from './gateway/answer.ts';
import { drain, keepAlive, signInAll } from './gateway/batches.ts';
import { awaitEvents, eventsOf } from './gateway/events.ts';
import type { GatewaySession } from './gateway/session.ts';
import type { BargeLedger } from './invariant.ts';
import { metrics } from './metrics.ts';
import type { Vu } from './vu.ts';

// Imports bound to module constants: sobek looks an imported binding up by name on every access, and this runs on
// every iteration.
const { bargeOk, cancelOk, unexpectedAnswer } = metrics;
const drainPolls = drain;
const keepPolledBatch = keepAlive;
const awaitAll = awaitEvents;

const INSPECTOR_BARGE = eventsOf('addInsert', 'inspector');
const TARGET_BARGE = eventsOf('addInsert', 'target');
const INSPECTOR_CANCEL = eventsOf('cancelInsert', 'inspector');
const TARGET_CANCEL = eventsOf('cancelInsert', 'target');
/** The target's events of one barge and its cancel. */
const TARGET_BARGE_AND_CANCEL = TARGET_BARGE.length + TARGET_CANCEL.length;
const SIGN_IN = eventsOf('signIn', 'self');
// Tag objects made once: k6 reads a metric's tags on every add.
const ADD_INSERT = { op: 'addInsert' } as const;
const CANCEL_INSERT = { op: 'cancelInsert' } as const;
const SIGNED_IN = { 'sessions are signed in': (ok: boolean) => ok };
const ONE_WINNER = { 'a storm round has exactly one winner': (n: number) => n === 1 };

/**
 * Signs in the sessions that are not (in parallel), taking over a leftover session when the gateway answers 100-002
 * "already signed in", and drains the sign-in events; then empties every inbox: events of earlier iterations are
 * not this one's. False when one stays signed out.
 */
export function signIn(vu: Vu, sessions: readonly GatewaySession[]): boolean {
  let ok = true;
  for (let i = 0; i < sessions.length; i++) ok &&= sessions[i]!.signedIn;
  if (!ok) {
    const out = sessions.filter((s) => !s.signedIn);
    const first = signInAll(vu.client, out);
    const taken = out.filter((_, i) => first[i]!.retcode === '100-002');
    if (taken.length > 0) signInAll(vu.client, taken, true);
    drain(vu.client, out, out.map(() => SIGN_IN.length), vu.config.timing.pollPauseMs);
    ok = out.every((s) => s.signedIn);
    check(ok, SIGNED_IN);
  }
  if (ok) for (let i = 0; i < sessions.length; i++) sessions[i]!.inbox.length = 0;
  return ok;
}

/** `inspector` barges into `target`; the answer must be 0. */
export function barge(vu: Vu, inspector: GatewaySession, target: GatewaySession): CallResult {
  const result = inspector.addInsert(target.id);
  unexpectedAnswer.add(!result.ok, ADD_INSERT);
  if (result.ok) recordBarge(vu.ledger, target.id, inspector.id);
  return result;
}

/** A storm winner and its answer. */
export interface Winner {
  readonly inspector: GatewaySession;
  readonly barge: CallResult;
}

/**
 * `inspectors` send addinsert to `target` at once (`http.batch`): exactly one must win, every loser must get the
 * profile's "target already barged" retcode. Returns the winners.
 */
export function raceToBarge(vu: Vu, inspectors: readonly GatewaySession[], target: GatewaySession): Winner[] {
  const answers = vu.client.sendBatch(inspectors.map((s) => s.prepareAddInsert(target.id))).map((r, i) => inspectors[i]!.afterCall(r));
  const winners = answers.flatMap((r, i) => (r.ok ? [{ inspector: inspectors[i]!, barge: r }] : []));
  const lost = vu.config.profile.answers.targetAlreadyBarged.value;
  metrics.stormOneWinner.add(winners.length === 1);
  check(winners.length, ONE_WINNER);
  answers.forEach((r, i) => {
    const expected = r.ok ? winners[0]!.inspector === inspectors[i] : r.retcode === lost;
    metrics.unexpectedAnswer.add(!expected, { op: 'addInsert', role: r.ok ? 'winner' : 'loser' });
    if (!expected && !r.ok) console.warn(`storm on agent ${target.id}: inspector ${inspectors[i]!.id} lost with ${r.retcode ?? `HTTP ${r.status}`}, expected ${lost}`);
  });
  for (const w of winners) recordBarge(vu.ledger, target.id, w.inspector.id);
  return winners;
}

/**
 * The barge's events must arrive within `CCGW_EVENT_DEADLINE_MS`: the inspector's (each with its delay, and in the
 * documented order) and the target's BeQcStart, both polled at once. Without `target`, only the inspector's (a storm
 * with several winners).
 */
export function awaitBargeEvents(vu: Vu, inspector: GatewaySession, target: GatewaySession | undefined, barge: CallResult): void {
  const since = barge.at;
  const ofInspector = { session: inspector, expected: INSPECTOR_BARGE, after: 'addInsert', since, measure: true } as const;
  awaitAll(vu.client, target ? [ofInspector, { session: target, expected: TARGET_BARGE, after: 'addInsert', since, measure: false }] : [ofInspector], vu.config.timing);
}

/** `inspector` ends its listen/insert on `target`; the answer must be 0. */
export function cancel(vu: Vu, inspector: GatewaySession, target: GatewaySession): CallResult {
  const result = inspector.cancelInsert(target.id);
  unexpectedAnswer.add(!result.ok, CANCEL_INSERT);
  if (result.ok) {
    cancelOk.add(1);
    noteViolation(target.id, vu.ledger.cancel(target.id, inspector.id));
  }
  return result;
}

/**
 * The cancel's events must arrive within `CCGW_EVENT_DEADLINE_MS`: the inspector's and the target's BeQcStop, both
 * polled at once (on time only: see `EventWait.measure`). Then the VU pauses `CCGW_POLL_PAUSE_MS`, as a client does
 * after a poll that brought events.
 */
export function awaitCancelEvents(vu: Vu, inspector: GatewaySession, target: GatewaySession, cancelled: CallResult): void {
  const since = cancelled.at;
  const measure = false;
  awaitAll(vu.client, [{ session: inspector, expected: INSPECTOR_CANCEL, after: 'cancelInsert', since, measure }, { session: target, expected: TARGET_CANCEL, after: 'cancelInsert', since, measure }], vu.config.timing);
  if (vu.config.timing.pollPauseMs > 0) sleep(vu.config.timing.pollPauseMs / 1000);
}

/**
 * After a storm round with several winners (the gateway broke the one-winner rule, and its events are no longer
 * predictable): polls what the winners' barges and cancels may have left, without judging it. `sessions` are the
 * winners, then their target.
 */
export function drainAfterCancel(vu: Vu, sessions: readonly GatewaySession[]): void {
  const n = sessions.length - 1;
  const times = [...sessions.slice(0, n).map(() => INSPECTOR_CANCEL.length), n * TARGET_BARGE_AND_CANCEL];
  drainPolls(vu.client, sessions, times, vu.config.timing.pollPauseMs);
}

/** Polls the sessions that are due a poll (every `CCGW_KEEPALIVE_MS`), so they stay signed in. */
export function keepPolled(vu: Vu, sessions: readonly GatewaySession[]): void {
  keepPolledBatch(vu.client, sessions, vu.config.timing.keepAliveMs);
}

/**
 * Thinks for `CCGW_LOAD_THINK_MS` while keeping the VU's sessions polled (none for an idle VU). Bounded by time and by
 * 10,000 steps.
 */
export function think(config: LoadConfig, vu: Vu | null): void {
  const endAt = Date.now() + config.load.thinkMs;
  for (let step = 0; step < 10_000 && Date.now() < endAt; step++) {
    if (vu) keepPolled(vu, vu.all);
    const left = endAt - Date.now();
    if (left > 0) sleep(Math.min(left, 1000, config.timing.keepAliveMs / 2) / 1000);
  }
}

function recordBarge(ledger: BargeLedger, target: string, inspector: string): void {
  bargeOk.add(1);
  noteViolation(target, ledger.barge(target, inspector));
}

function noteViolation(target: string, violation: ReturnType<BargeLedger['barge']>): void {
  if (!violation) return;
  metrics.invariantViolations.add(1, { target });
  console.error(`barge invariant broken on agent ${target}: ${violation.event} left barges − cancels = ${violation.balance}`);
}
